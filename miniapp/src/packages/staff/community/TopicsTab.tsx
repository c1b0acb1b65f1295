import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { COMMUNITY_PAGES, communityApi, type TopicList } from '../../../api/deliberation';
import { ListView } from '../../../components/ListView';
import { formatDateTime } from '../../../components/Timeline';
import { usePagedList } from '../../../hooks/usePagedList';

const TONES: Record<string, string> = { proposed: 'orange', open: 'blue', answered: 'green', completed: 'green' };

/** The community's proposals waiting (oldest first) or all its topics (newest first); a tap opens the topic to act on it. */
export function TopicsTab({ communityId, view }: { communityId: string; view: 'proposed' | 'all' }) {
  const list = usePagedList<TopicList>((cursor) => communityApi.topics(communityId, cursor, view), [communityId, view], { key: (t) => t.id });
  return (
    <ListView list={list} emptyText={view === 'proposed' ? '没有待审议的提议。' : '本社区还没有议题。'}>
      {list.items.map((t) => (
        <View
          key={t.id}
          className="sc-card tap"
          role="button"
          data-testid={`desk-topic-${t.id}`}
          onClick={() => Taro.navigateTo({ url: `${COMMUNITY_PAGES.topic}?id=${t.id}` })}
        >
          <View className="row">
            <Text className={`tag tag-${TONES[t.state] ?? 'gray'}`}>{t.stateName}</Text>
            {t.hasVote && <Text className="tag tag-blue">投票</Text>}
          </View>
          <View className="sc-title">{t.title}</View>
          <View className="muted">
            {t.raisedByName} 提出于 {formatDateTime(t.raisedAt)} · {t.comments} 条评论{t.voters !== undefined ? ` · ${t.voters} 人已投票` : ''}
          </View>
        </View>
      ))}
    </ListView>
  );
}
