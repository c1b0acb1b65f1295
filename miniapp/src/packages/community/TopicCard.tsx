import { Text, View } from '@tarojs/components';
import type { TopicSummary } from '../../api/deliberation';
import { formatDateTime } from '../../components/Timeline';
import { closesText, goCommunity, TopicStateTag } from './common';

/** One topic in a list: its title, state, who raised it and when, the closing time, the vote and the discussion's size. */
export function TopicCard({ t }: { t: TopicSummary }) {
  const parts = [`${t.comments} 条评论`, ...(t.voters !== undefined ? [`${t.voters} 人已投票`] : [])];
  return (
    <View className="cm-card tap" role="button" data-testid={`topic-${t.id}`} onClick={() => goCommunity('topic', { id: t.id })}>
      <View className="row">
        <TopicStateTag state={t.state} name={t.stateName} />
        {t.hasVote && <Text className="tag tag-blue">投票</Text>}
        {t.mine && <Text className="tag tag-gray">我提出的</Text>}
      </View>
      <View className="cm-card-title">{t.title}</View>
      <View className="cm-meta">
        {t.raisedByName} 提出于 {formatDateTime(t.raisedAt)}
      </View>
      {t.state === 'open' && t.closesAt && <View className="cm-meta cm-closes">{closesText(t.closesAt)}</View>}
      <View className="cm-meta">{parts.join(' · ')}</View>
    </View>
  );
}
