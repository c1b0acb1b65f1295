import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { communityApi } from '../../../api/deliberation';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { Discussion } from './Discussion';
import { OfficialPanel } from './OfficialPanel';
import { Outcome } from './Outcome';
import { ResultChart } from './ResultChart';
import { TopicHead } from './TopicHead';
import { VoteBox } from './VoteBox';
import './index.css';

/**
 * 议题详情 (issue 19): the topic, its vote (the ballot, then the result as a chart and in words), the officials' response
 * and follow-up (with the work order made from it), and the discussion. The community's grid official acts here too:
 * open with a vote, decline, respond, follow up, turn into a work order.
 */
export default function TopicPage() {
  return (
    <Page className="ct">
      <RoleGate
        roles={['resident', 'grid']}
        what="议题详情"
        loginText="登录后可以查看本社区的议题"
        deniedText="社区议题供本社区居民和网格员查看"
        deniedNote={(name) => `您当前的身份是“${name}”，请用个人账号查看。`}
      >
        <Body />
      </RoleGate>
    </Page>
  );
}

function Body() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const topic = useAsync(() => communityApi.topic(id), [id]);
  const d = topic.data;
  return (
    <StateView loading={topic.loading && !d} error={d ? undefined : topic.error} onRetry={topic.reload}>
      {d && (
        <View>
          <TopicHead d={d} />
          {d.vote && <VoteBox d={d} vote={d.vote} onVoted={topic.reload} />}
          {d.vote && d.result && <ResultChart vote={d.vote} result={d.result} />}
          {d.counting && (
            <View className="section muted" role="status" data-testid="vote-counting">
              投票已截止，正在统计最终结果（约 1 分钟），请稍后刷新查看。
            </View>
          )}
          <Outcome d={d} />
          {d.official && <OfficialPanel d={d} onChanged={topic.reload} />}
          <Discussion d={d} />
        </View>
      )}
    </StateView>
  );
}
