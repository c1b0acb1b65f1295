import { View } from '@tarojs/components';
import { Page } from '../../../components/Page';

/** 兑现公示 (issue 17): being built. */
export default function Stub() {
  return (
    <Page>
      <View className="card">兑现公示</View>
    </Page>
  );
}
