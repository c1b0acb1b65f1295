import { Text, View } from '@tarojs/components';
import { stopActingFor } from '../api/acting';
import { useActingFor } from '../hooks/useActingFor';
import './ActingBanner.css';

/** While acting for a relative (亲友代办), every page says for whom, with the way out. */
export function ActingBanner() {
  const acting = useActingFor();
  if (!acting) return null;
  return (
    <View className="acting-banner" data-testid="acting-banner" role="status">
      <Text>正在为 {acting.name} 代办</Text>
      <Text className="acting-exit" onClick={stopActingFor}>
        切回本人
      </Text>
    </View>
  );
}
