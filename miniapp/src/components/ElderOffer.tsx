import { View } from '@tarojs/components';
import { useElderMode } from '../hooks/useElderMode';
import './ElderOffer.css';
import { Button } from './Button';

/**
 * 长辈版 offered where a person would look for it (issue 14): on the home page until they choose, and in search by its
 * name. A card in the page, not a pop-up. `onDismiss` (不用了) records the choice so the home page stops offering it.
 */
export function ElderOffer({ onDismiss }: { onDismiss?: () => void }) {
  const [elder, setElder] = useElderMode();
  return (
    <View className="elder-offer" role="region" aria-label="长辈版" data-testid="elder-offer">
      <View className="elder-offer-text">
        <View className="elder-offer-title">{elder ? '长辈版已开启' : '字太小？试试长辈版'}</View>
        <View className="elder-offer-sub">{elder ? '大字、大按钮，常用服务放在首页' : '大字、大按钮，常用服务一目了然，随时可以切换回来'}</View>
      </View>
      <View className="elder-offer-actions">
        <Button className="btn elder-offer-on" onClick={() => setElder(!elder)}>
          {elder ? '切换到标准版' : '开启长辈版'}
        </Button>
        {onDismiss && !elder && (
          <View className="elder-offer-no" role="button" onClick={onDismiss}>
            不用了
          </View>
        )}
      </View>
    </View>
  );
}
