import { View } from '@tarojs/components';
import type { AgentView } from '@yx/shared';
import { api } from '../../../api/client';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { confirmStep } from '../../../components/confirmStep';
import { useAsync } from '../../../hooks/useAsync';
import { useRowAction } from '../../../hooks/useRowAction';
import { AgentCard } from './AgentCard';
import { GrantForm } from './GrantForm';
import './index.css';

/** 企业经办人 (the legal representative): who acts for the firm, grant new agents, revoke at once. */
function AgentsBody() {
  const list = useAsync(() => api.firmAgents(), []);
  const { busy: revoking, run } = useRowAction(list.reload);

  const revoke = async (a: AgentView) => {
    if (!(await confirmStep('撤销授权', `撤销后 ${a.agentName} 立即不能再以企业身份办理事项。已提交的办件不受影响。`, '确认撤销'))) return;
    await run(a.agentId, () => api.revokeAgent(a.agentId), '已撤销');
  };

  return (
    <>
      <View className="section">
        <View className="section-title">企业经办人</View>
        <View className="muted">经办人以企业名义办事，办件记录中同时显示经办人和企业。</View>
      </View>
      <StateView
        loading={list.loading && !list.data}
        error={list.data ? undefined : list.error}
        onRetry={list.reload}
        empty={!list.data?.items.length}
        emptyText="还没有授权经办人"
      >
        {list.data?.items.map((a) => (
          <AgentCard
            key={a.agentId}
            a={a}
            action={
              a.status !== 'revoked'
                ? { label: a.status === 'offered' ? '撤回授权' : '撤销授权', busy: revoking === a.agentId, onClick: () => revoke(a) }
                : undefined
            }
          />
        ))}
      </StateView>
      <GrantForm onGranted={list.reload} />
    </>
  );
}

/** The body runs (and loads) only behind the gate. */
export default function Agents() {
  return (
    <Page>
      <RoleGate roles={['enterprise']} what="企业经办人管理" loginText="请先用企业法定代表人的账号登录">
        <AgentsBody />
      </RoleGate>
    </Page>
  );
}
