import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { KinView } from '@yx/shared';
import { startActingFor, stopActingFor, getActingFor } from '../../../api/acting';
import { api } from '../../../api/client';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { confirmStep } from '../../../components/confirmStep';
import { useAsync } from '../../../hooks/useAsync';
import { useRowAction } from '../../../hooks/useRowAction';
import { KinCard } from './KinCard';
import { KinForm } from './KinForm';
import './index.css';

/** 亲友代办: whom I asked to act for me, who asked me, and acting for them. */
function KinBody() {
  const list = useAsync(() => api.kin(), []);
  const { busy, run: act } = useRowAction(list.reload);

  const revoke = async (g: KinView, other: string, mine: boolean) => {
    const text = mine ? `撤销后 ${g.agentName} 立即不能再为您办事，已办的事项不受影响。` : `确认后您不能再为 ${g.principalName} 办事，对方会收到通知。`;
    if (!(await confirmStep(mine ? '撤销代办授权' : '不再代办', text, mine ? '确认撤销' : '确认'))) return;
    if (getActingFor()?.userId === other) stopActingFor();
    await act(other, () => api.revokeKin(other), mine ? '已撤销' : '已不再代办');
  };

  const actFor = (g: KinView) => {
    startActingFor({ userId: g.principalId, name: g.principalName });
    Taro.switchTab({ url: '/pages/guide/index' });
  };

  const given = list.data?.given ?? [];
  const received = list.data?.received ?? [];
  return (
    <>
      <View className="section">
        <View className="section-title">亲友代办</View>
        <View className="muted">不方便用手机的长辈，可以授权子女等亲友代办。代办的每一步都会记录“由 X 代办”，本人随时可见、随时可撤销。</View>
      </View>
      <StateView loading={list.loading && !list.data} error={list.data ? undefined : list.error} onRetry={list.reload}>
        {received.length > 0 && <View className="kin-group">请我代办的亲友</View>}
        {received.map((g) => (
          <KinCard
            key={g.principalId}
            g={g}
            side="received"
            busy={busy === g.principalId}
            actions={
              g.status === 'offered'
                ? [{ label: '接受代办', primary: true, onClick: () => act(g.principalId, () => api.acceptKin(g.principalId), '已接受') }]
                : g.status === 'accepted' && !g.expired
                  ? [
                      { label: `为 ${g.principalName} 办事`, primary: true, onClick: () => actFor(g) },
                      { label: '不再代办', onClick: () => revoke(g, g.principalId, false) },
                    ]
                  : []
            }
          />
        ))}
        {given.length > 0 && <View className="kin-group">我授权的亲友</View>}
        {given.map((g) => (
          <KinCard
            key={g.agentId}
            g={g}
            side="given"
            busy={busy === g.agentId}
            actions={g.status !== 'revoked' ? [{ label: g.status === 'offered' ? '撤回授权' : '撤销授权', onClick: () => revoke(g, g.agentId, true) }] : []}
          />
        ))}
      </StateView>
      <KinForm onGranted={list.reload} />
    </>
  );
}

/** The body runs (and loads) only behind the gate. */
export default function Kin() {
  return (
    <Page>
      <RoleGate roles={['resident']} what="亲友代办" loginText="请先登录">
        <KinBody />
      </RoleGate>
    </Page>
  );
}
