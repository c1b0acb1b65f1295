import { Text, View } from '@tarojs/components';
import { woApi } from '../../../api/workorders';
import { ListView } from '../../../components/ListView';
import { formatDateTime } from '../../../components/Timeline';
import { TrafficLight } from '../../../components/TrafficLight';
import { usePagedList } from '../../../hooks/usePagedList';
import { openWorkOrder } from '../pages';

/** 待签收: my team's orders waiting to be signed for, the most urgent first (as the server sorts them). */
export function TeamQueue() {
  // back from a detail page (claimed, returned) the list refreshes itself
  const list = usePagedList(() => woApi.team(), []);
  return (
    <ListView list={list} emptyText="暂无待签收的工单">
      <View className="muted wt-hint">共 {list.items.length} 件待签收，黄灯为签收时限不足 2 小时，红灯为已超时</View>
      {list.items.map((w) => (
        <View
          key={w.no}
          className={`card wt-row ${w.overdue ? 'overdue' : w.light === 'yellow' ? 'soon' : ''}`}
          onClick={() => openWorkOrder(w.no)}
          data-testid="team-row"
        >
          <View className="card-head">
            <View className="wt-row-cat">{w.category}</View>
            {w.overdue ? (
              <Text className="tag tag-red" data-testid="overdue">
                已超时
              </Text>
            ) : (
              <Text className="tag tag-blue">待签收</Text>
            )}
          </View>
          <View className="wt-row-desc">{w.description}</View>
          {w.address && <View className="muted">📍 {w.address}</View>}
          <View className="card-foot wt-row-foot">
            <Text className={w.overdue ? 'wt-late' : 'muted'}>签收时限 {formatDateTime(w.claimBy)}</Text>
            {w.light && <TrafficLight small light={w.light} remainingDays={null} />}
          </View>
          <View className="muted wt-row-affected">{w.affected} 人反映</View>
        </View>
      ))}
    </ListView>
  );
}
