import { Text, View } from '@tarojs/components';
import type { ApplicationDetail } from '@yx/shared';
import { formatDay } from '../../../components/Timeline';

/** Today's date in Shanghai as "YYYY-MM-DD" (UTC + 8 hours, no Intl needed). */
const todayInShanghai = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** 容缺材料: each with its due date, and whether it was handed in or is late. */
export function DeferredList({ d }: { d: ApplicationDetail }) {
  const today = todayInShanghai();
  return (
    <View className="section">
      <View className="section-title">容缺材料</View>
      <View className="muted">容缺受理的材料，请在期限内补交：</View>
      {d.deferred.map((m) => {
        const late = !m.handedIn && m.dueDate < today;
        return (
          <View key={m.name} className="dt-row" data-testid="deferred">
            <View>
              <View className="dt-row-name">{m.name}</View>
              <View className="muted">请于 {formatDay(m.dueDate)} 前补交</View>
            </View>
            <Text className={`tag ${m.handedIn ? 'tag-green' : late ? 'tag-red' : 'tag-orange'}`}>{m.handedIn ? '已补交' : late ? '已逾期' : '待补交'}</Text>
          </View>
        );
      })}
    </View>
  );
}
