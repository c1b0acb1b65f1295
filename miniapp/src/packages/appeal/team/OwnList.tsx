import { Text, View } from '@tarojs/components';
import type { WoOwnerList } from '@yx/shared';
import { woApi, type WoOwnerItem } from '../../../api/workorders';
import { ListView } from '../../../components/ListView';
import { formatDateTime, formatDay } from '../../../components/Timeline';
import { TrafficLight } from '../../../components/TrafficLight';
import { WoStateTag } from '../../../components/WoStateTag';
import { usePagedList } from '../../../hooks/usePagedList';
import { openWorkOrder } from '../pages';

const HINTS: Record<WoOwnerList, string> = {
  doing: '我签收的工单，按答复期限排序，最紧的在前；黄灯为临近答复期限，红灯为已超期',
  done: '我办结答复的工单，最近的在前',
};
const EMPTY: Record<WoOwnerList, string> = { doing: '暂无处理中的工单', done: '暂无已办结的工单' };

/** 我处理中 / 已办结: the orders I signed for, a page at a time (加载更多). */
export function OwnList({ list }: { list: WoOwnerList }) {
  // back from a detail page (answered, returned) the list refreshes itself
  const rows = usePagedList((cursor) => woApi.own(list, cursor), [list], { key: (w) => w.no });
  return (
    <View>
      <View className="muted wt-hint">{HINTS[list]}</View>
      <ListView list={rows} emptyText={EMPTY[list]}>
        {rows.items.map((w) => (list === 'doing' ? <DoingRow key={w.no} w={w} /> : <DoneRow key={w.no} w={w} />))}
      </ListView>
    </View>
  );
}

/** Being handled: the reply date with its light, 已超期 once past it, 延期待批 while an extension waits. */
function DoingRow({ w }: { w: WoOwnerItem }) {
  return (
    <View className={`card wt-row ${w.overdue ? 'overdue' : w.light === 'yellow' ? 'soon' : ''}`} onClick={() => openWorkOrder(w.no)} data-testid="own-row">
      <View className="card-head">
        <View className="wt-row-cat">{w.category}</View>
        {w.overdue ? (
          <Text className="tag tag-red" data-testid="overdue">
            已超期
          </Text>
        ) : (
          <WoStateTag state={w.state} name={w.stateName} />
        )}
      </View>
      {w.extensionRequested && (
        <View className="wt-badges">
          <Text className="tag tag-orange" data-testid="badge-extension">
            延期待批
          </Text>
        </View>
      )}
      <View className="wt-row-desc">{w.description}</View>
      {w.address && <View className="muted">📍 {w.address}</View>}
      <View className="card-foot wt-row-foot">
        <Text className={w.overdue ? 'wt-late' : 'muted'}>答复期限 {formatDay(w.replyBy)}</Text>
        {w.light && <TrafficLight small light={w.light} remainingDays={null} />}
      </View>
      <View className="muted wt-row-affected">
        {w.affected} 人反映{w.reopened ? ' · 不满意重办' : ''}
      </View>
    </View>
  );
}

/** Answered: when, on time or not (超期办结 in red), and the filer's rating once given. */
function DoneRow({ w }: { w: WoOwnerItem }) {
  return (
    <View className={`card wt-row wt-done ${w.overdue ? 'overdue' : ''}`} onClick={() => openWorkOrder(w.no)} data-testid="own-row">
      <View className="card-head">
        <View className="wt-row-cat">{w.category}</View>
        <WoStateTag state={w.state} name={w.stateName} />
      </View>
      <View className="wt-row-desc">{w.description}</View>
      {w.address && <View className="muted">📍 {w.address}</View>}
      <View className="card-foot wt-row-foot">
        <Text className="muted">{w.resolvedAt ? `办结 ${formatDateTime(w.resolvedAt)}` : `答复期限 ${formatDay(w.replyBy)}`}</Text>
        {w.overdue ? (
          <Text className="tag tag-red" data-testid="overdue">
            超期办结
          </Text>
        ) : (
          <Text className="tag tag-green">按时办结</Text>
        )}
      </View>
      <View className="muted wt-row-affected">
        {w.affected} 人反映{w.rating ? ` · 评价：${w.rating}` : ''}
      </View>
    </View>
  );
}
