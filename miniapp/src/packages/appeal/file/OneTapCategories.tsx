import { View } from '@tarojs/components';
import { childrenOf, type Category } from '@yx/shared';
import { Chips } from '../../../components/Chips';

/**
 * 一键呼叫's category, big: every category a grid official may call in, by group, one tap each. Shown the first time
 * (nothing used yet) and on 更换; the choice is remembered for the next call.
 */
export function OneTapCategories({ leaves, value, onChoose, first }: { leaves: Category[]; value?: string; onChoose: (id: string) => void; first: boolean }) {
  const groups = childrenOf(null).filter((g) => leaves.some((l) => l.parentId === g.id));
  return (
    <View className="section wf-onetap-cats" data-testid="one-tap-categories">
      <View className="section-title">{first ? '先选一次问题分类，下次直接上报' : '更换问题分类'}</View>
      {groups.map((g) => (
        <View key={g.id} className="wf-onetap-group">
          <View className="wf-sub">{g.name}</View>
          <Chips
            label={g.name}
            value={value}
            className="wf-onetap-chips"
            options={leaves.filter((l) => l.parentId === g.id).map((l) => ({ value: l.id, label: l.name }))}
            onChange={onChoose}
          />
        </View>
      ))}
    </View>
  );
}
