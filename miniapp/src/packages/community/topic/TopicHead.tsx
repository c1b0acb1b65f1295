import { Text, View } from '@tarojs/components';
import type { TopicDetail } from '../../../api/deliberation';
import { formatDateTime } from '../../../components/Timeline';
import { closesText, TopicStateTag } from '../common';

/** The topic itself: its state, title, who raised it and when, what it says, the discussion's time and a refusal's reason. */
export function TopicHead({ d }: { d: TopicDetail }) {
  return (
    <View className="section ct-head" data-testid="topic-head">
      <View className="row">
        <TopicStateTag state={d.state} name={d.stateName} />
        <Text className="muted">{d.communityName}</Text>
      </View>
      <View className="ct-title">{d.title}</View>
      <View className="cm-meta">
        {d.raisedByName} 提出于 {formatDateTime(d.raisedAt)}
      </View>
      <View className="ct-details" data-testid="topic-details">
        {d.details}
      </View>
      {d.openedAt && (
        <View className="cm-meta">
          {d.openedByName ?? '网格员'} 于 {formatDateTime(d.openedAt)} 开启讨论{d.closesAt ? `，${closesText(d.closesAt)}` : ''}
        </View>
      )}
      {d.state === 'proposed' && <View className="cm-meta">待网格员审议：开启讨论或说明不采纳的原因。</View>}
      {d.declined && (
        <View className="ct-declined" role="note" data-testid="topic-declined">
          未采纳：{d.declined.reason}（{d.declined.byName}，{formatDateTime(d.declined.at)}）
        </View>
      )}
    </View>
  );
}
