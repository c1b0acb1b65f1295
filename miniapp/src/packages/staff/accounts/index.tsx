import { Text, View } from '@tarojs/components';
import { STAFF_ROLE_NAMES, type StaffView } from '@yx/shared';
import { api } from '../../../api/client';
import { ListView } from '../../../components/ListView';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { confirmStep } from '../../../components/confirmStep';
import { usePagedList } from '../../../hooks/usePagedList';
import { useAsync } from '../../../hooks/useAsync';
import { useRowAction } from '../../../hooks/useRowAction';
import { InviteForm } from './InviteForm';
import './index.css';
import { Button } from '../../../components/Button';

/** 工作人员 (admin): who works where, disable / enable at once, and invite new staff with a one-time code. */
function AccountsBody() {
  const list = usePagedList((cursor) => api.staff(cursor), []);
  const invitations = useAsync(() => api.invitations(), []);
  const { busy, run } = useRowAction(list.refresh);

  const toggle = async (s: StaffView) => {
    const off = !s.disabled;
    if (off && !(await confirmStep('停用账号', `停用后 ${s.nickname} 立即不能再登录和办理，正在进行的操作会被中止。可随时重新启用。`, '确认停用'))) return;
    await run(s.id, () => api.changeStaff(s.id, { disabled: off }), off ? '已停用' : '已启用');
  };

  const pending = (invitations.data?.items ?? []).filter((i) => i.status === 'pending');
  return (
    <>
      <InviteForm
        onInvited={() => {
          invitations.reload();
        }}
      />
      {pending.length > 0 && (
        <View className="section">
          <View className="section-title">待使用的邀请（{pending.length}）</View>
          {pending.map((i) => (
            <View key={i.id} className="staff-row">
              <Text>
                {i.displayName} · {STAFF_ROLE_NAMES[i.role]} · {i.postingName}
              </Text>
              <Text className="muted">{i.expiresAt.slice(0, 10)} 前有效</Text>
            </View>
          ))}
        </View>
      )}
      <View className="section-title staff-title">工作人员账号</View>
      <ListView list={list} emptyText="还没有工作人员">
        {list.items.map((s) => (
          <View key={s.id} className="section staff-card" data-testid={`staff-${s.id}`}>
            <View className="staff-head">
              <Text className="staff-name">{s.nickname}</Text>
              <Text className={`tag ${s.disabled ? 'tag-gray' : 'tag-green'}`}>{s.disabled ? '已停用' : '在岗'}</Text>
            </View>
            <View className="muted">
              {STAFF_ROLE_NAMES[s.role]} · {s.postingName}
            </View>
            <Button className="btn btn-plain staff-action" disabled={busy === s.id || undefined} onClick={() => toggle(s)}>
              {s.disabled ? '重新启用' : '停用账号'}
            </Button>
          </View>
        ))}
      </ListView>
    </>
  );
}

/** The body runs (and loads) only behind the gate. */
export default function Accounts() {
  return (
    <Page>
      <RoleGate roles={['admin']} what="工作人员管理">
        <AccountsBody />
      </RoleGate>
    </Page>
  );
}
