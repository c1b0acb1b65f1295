import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { communityApi, communityStaffApi, type TopicList } from '../../api/deliberation';
import { Button } from '../../components/Button';
import { ListView } from '../../components/ListView';
import { Page } from '../../components/Page';
import { RoleGate } from '../../components/RoleGate';
import { StateView } from '../../components/StateView';
import { useAsync } from '../../hooks/useAsync';
import { usePagedList } from '../../hooks/usePagedList';
import { goCommunity } from './common';
import { ResidenceGate } from './ResidenceGate';
import { TopicCard } from './TopicCard';
import './index.css';

/**
 * 居民议事 (issue 19): the topics of my community, newest first, for its confirmed residents (raise one from here) and
 * its grid officials (their 工作台 is linked). A resident without a confirmed community is shown how to get one.
 */
export default function CommunityTopics() {
  return (
    <Page className="cm">
      <RoleGate
        roles={['resident', 'grid']}
        what="居民议事"
        loginText="登录后可以参与您所在社区的议事和投票"
        deniedText="居民议事供社区居民和网格员使用"
        deniedNote={(name) => `您当前的身份是“${name}”，请用个人账号参与社区议事。`}
      >
        {(user) => (user.role === 'grid' ? <OfficialTopics /> : <ResidentTopics />)}
      </RoleGate>
    </Page>
  );
}

function ResidentTopics() {
  const mine = useAsync(() => communityApi.myResidence(), []);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) mine.reload();
    shown.current = true;
  });
  return (
    <StateView loading={mine.loading && !mine.data} error={mine.data ? undefined : mine.error} onRetry={mine.reload}>
      {mine.data && <ResidenceGate mine={mine.data}>{(communityId) => <Topics communityId={communityId} />}</ResidenceGate>}
    </StateView>
  );
}

function OfficialTopics() {
  const summary = useAsync(() => communityStaffApi.summary(), []);
  return (
    <StateView loading={summary.loading && !summary.data} error={summary.data ? undefined : summary.error} onRetry={summary.reload}>
      {summary.data && <Topics communityId={summary.data.id} />}
    </StateView>
  );
}

function Topics({ communityId }: { communityId: string }) {
  const list = usePagedList<TopicList>((cursor) => communityApi.topics(communityId, cursor), [communityId], { key: (t) => t.id, loadOnReachBottom: true });
  const head = list.last;
  return (
    <View>
      {head && (
        <View className="cm-head" data-testid="community-head">
          <View>
            <View className="cm-head-name">{head.community.name}</View>
            <View className="muted">
              {head.community.streetName} · {head.official ? '网格员' : '本社区居民'}
            </View>
          </View>
          {head.official ? (
            <Button className="btn btn-plain cm-head-btn" onClick={() => goCommunity('desk')}>
              议事工作台
            </Button>
          ) : (
            <Button className="btn btn-plain cm-head-btn" onClick={() => goCommunity('residence')}>
              我的社区
            </Button>
          )}
        </View>
      )}
      {head?.canRaise && (
        <View className="cm-actions">
          <Button className="btn" data-testid="raise-topic" aria-label="提出议题" onClick={() => goCommunity('raise', { communityId })}>
            提出议题
          </Button>
        </View>
      )}
      <ListView list={list} emptyText={<View>本社区还没有议题。{head?.canRaise ? '小区里有想和邻居们商量的事，可以提出来。' : ''}</View>}>
        {list.items.map((t) => (
          <TopicCard key={t.id} t={t} />
        ))}
      </ListView>
    </View>
  );
}
