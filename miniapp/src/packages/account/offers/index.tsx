import { View } from '@tarojs/components';
import type { AgentView } from '@yx/shared';
import { api } from '../../../api/client';
import { saveSession } from '../../../api/session';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { confirmStep } from '../../../components/confirmStep';
import { useAsync } from '../../../hooks/useAsync';
import { useRowAction } from '../../../hooks/useRowAction';
import { AgentCard } from '../agents/AgentCard';
import '../agents/index.css';

/** 企业授权 (the agent): grants a legal representative offered; accepting makes the account act for that firm. */
export default function Offers() {
  const list = useAsync(() => api.firmOffers(), []);
  const { busy: accepting, run } = useRowAction(list.reload);

  const accept = async (a: AgentView) => {
    if (!(await confirmStep('接受授权', `接受后您将以“${a.firmName}”经办人的身份办事，办件记录会显示您的姓名。`, '接受授权'))) return;
    await run(a.creditCode, async () => saveSession(await api.acceptFirmOffer(a.creditCode)), '已成为经办人');
  };

  return (
    <Page>
      <View className="section">
        <View className="section-title">我收到的企业授权</View>
        <View className="muted">企业法定代表人授权您为经办人后，在这里确认。</View>
      </View>
      <StateView
        loading={list.loading && !list.data}
        error={list.data ? undefined : list.error}
        onRetry={list.reload}
        empty={!list.data?.items.length}
        emptyText="暂无企业授权"
      >
        {list.data?.items.map((a) => (
          <AgentCard
            key={a.creditCode}
            a={a}
            own
            action={a.status === 'offered' ? { label: '接受授权', busy: accepting === a.creditCode, onClick: () => accept(a) } : undefined}
          />
        ))}
      </StateView>
    </Page>
  );
}
