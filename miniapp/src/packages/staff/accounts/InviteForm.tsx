import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { InvitationRequest, STAFF_ROLE_NAMES, STREETS, type StaffRole } from '@yx/shared';
import { useState } from 'react';
import { api, asApiError } from '../../../api/client';
import { Chips } from '../../../components/Chips';
import { Field, fieldErrors } from '../../../components/Field';
import { SendButton } from '../../../components/SendButton';
import { useAsync } from '../../../hooks/useAsync';
import { useSubmit } from '../../../hooks/useSubmit';

const ROLES = (Object.keys(STAFF_ROLE_NAMES) as StaffRole[]).map((value) => ({ value, label: STAFF_ROLE_NAMES[value] }));

/** 邀请工作人员: a name to show in the trail, a role, where they work; the code is shown once. */
export function InviteForm({ onInvited }: { onInvited: () => void }) {
  const [displayName, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('staff');
  const [departmentId, setDept] = useState<string>();
  const [street, setStreet] = useState<string>();
  const [community, setCommunity] = useState('');
  const [partnerId, setPartner] = useState('');
  const [code, setCode] = useState<string>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, send } = useSubmit(
    (e) => asApiError(e).message,
    (form) => setErrors({ form }),
  );
  const org = useAsync(() => api.org(), []);
  const grids = org.data?.streets.find((s) => s.id === street)?.grids ?? [];

  const posting = () => {
    switch (role) {
      case 'staff':
      case 'admin':
        return { role, departmentId };
      case 'dispatcher':
        return { role, street };
      case 'grid':
        return { role, street, community };
      case 'partner':
        return { role, partnerId };
    }
  };

  const submit = async () => {
    const r = InvitationRequest.safeParse({ displayName, posting: posting() });
    if (!r.success) {
      const e = fieldErrors(r.error);
      if (Object.keys(e).some((k) => k.startsWith('posting'))) e.form = '请选择岗位（部门、街道或社区）';
      setErrors(e);
      return;
    }
    setErrors({});
    await send(async () => {
      const made = await api.invite(r.data);
      setCode(made.code);
      setName('');
      onInvited();
    });
  };

  return (
    <View className="section" data-testid="invite-form">
      <View className="section-title">邀请工作人员</View>
      {code && (
        <View className="invite-code" data-testid="invite-code">
          <View className="muted">邀请码（只显示这一次，7 天内有效）：</View>
          <Text className="invite-code-text" userSelect>
            {code}
          </Text>
          <View className="muted">请当面或通过工作群交给本人：用微信登录后，在“我的 → 工作人员邀请码”中输入。</View>
          <Text className="invite-copy" onClick={() => Taro.setClipboardData({ data: code })}>
            复制邀请码
          </Text>
        </View>
      )}
      <Field
        name="displayName"
        label="称呼（显示在办件记录中）"
        value={displayName}
        onInput={setName}
        error={errors.displayName}
        placeholder="例如 户政窗口 黄警官"
        maxlength={20}
      />
      <View className="field-label">角色</View>
      <Chips label="角色" options={ROLES} value={role} onChange={setRole} />
      {(role === 'staff' || role === 'admin') && (
        <>
          <View className="field-label">所在部门</View>
          <Chips
            label="所在部门"
            options={(org.data?.departments ?? []).map((d) => ({ value: d.id, label: d.shortName }))}
            value={departmentId}
            onChange={setDept}
          />
        </>
      )}
      {(role === 'dispatcher' || role === 'grid') && (
        <>
          <View className="field-label">所在街道</View>
          <Chips label="所在街道" options={STREETS.map((s) => ({ value: s.id, label: s.name }))} value={street} onChange={setStreet} />
        </>
      )}
      {role === 'grid' && street && (
        <>
          <View className="field-label">所在社区（网格）</View>
          {grids.length ? (
            <Chips label="所在社区" options={grids.map((g) => ({ value: g, label: g }))} value={community || undefined} onChange={setCommunity} />
          ) : (
            <View className="muted">该街道还没有登记网格，请先在“组织架构”中添加。</View>
          )}
        </>
      )}
      {role === 'partner' && (
        <Field name="partnerId" label="合作商户编号" value={partnerId} onInput={setPartner} error={errors['posting.partnerId']} placeholder="例如 museum" />
      )}
      <SendButton className="btn" testId="invite-submit" error={errors.form} busy={busy} onClick={submit}>
        生成邀请码
      </SendButton>
    </View>
  );
}
