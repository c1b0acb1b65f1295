import { View } from '@tarojs/components';
import type { TopicDetail } from '../../../api/deliberation';
import { formatDateTime } from '../../../components/Timeline';

/** 处理结果 and 落实情况: what the officials decided, what was done since (oldest first), and the work order made from it. */
export function Outcome({ d }: { d: TopicDetail }) {
  if (!d.response && !d.followUps.length && !d.workOrder) return null;
  return (
    <View className="section ct-outcome-box" data-testid="topic-response">
      <View className="section-title">处理结果</View>
      {d.response && (
        <View className="ct-response">
          <View className="ct-response-text" data-testid="response-text">
            {d.response.text}
          </View>
          <View className="cm-meta">
            {d.response.byName} · {formatDateTime(d.response.at)}
          </View>
        </View>
      )}
      {d.followUps.length > 0 && (
        <View className="ct-follow" role="list" aria-label="落实情况">
          <View className="field-label">落实情况</View>
          {d.followUps.map((f, i) => (
            <View key={`${f.at}-${i}`} className="ct-follow-item" role="listitem" data-testid="follow-up">
              <View>
                {f.text}
                {f.completes && <View className="tag tag-green ct-done">已全部落实</View>}
              </View>
              <View className="cm-meta">
                {f.byName} · {formatDateTime(f.at)}
              </View>
            </View>
          ))}
        </View>
      )}
      {d.workOrder && (
        <View className="ct-wo" data-testid="topic-work-order">
          已转为工单 {d.workOrder.no}：{d.workOrder.stateName}
          {d.workOrder.teamName ? `（${d.workOrder.teamName}）` : ''}
        </View>
      )}
    </View>
  );
}
