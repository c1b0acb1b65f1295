import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { AcceptInvitationRequest } from '@yx/shared';
import { useState } from 'react';
import { api, asApiError } from '../../../api/client';
import { saveSession } from '../../../api/session';
import { Field, fieldErrors } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { SendButton } from '../../../components/SendButton';
import { useSubmit } from '../../../hooks/useSubmit';

/** 工作人员邀请码: a person the admin invited signs in with WeChat, then types the code to take up the role. */
export default function Invitation() {
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, send } = useSubmit(
    (e) => asApiError(e).message,
    (form) => setErrors({ form }),
  );

  const submit = async () => {
    const r = AcceptInvitationRequest.safeParse({ code });
    if (!r.success) {
      setErrors(fieldErrors(r.error));
      return;
    }
    setErrors({});
    await send(async () => {
      const s = await api.acceptInvitation(r.data.code);
      saveSession(s);
      Taro.showToast({ title: '已开通工作人员账号', icon: 'success' });
      Taro.switchTab({ url: '/pages/me/index' });
    });
  };

  return (
    <Page>
      <RoleGate
        roles={['resident', 'staff', 'grid', 'dispatcher', 'partner', 'admin']}
        what="工作人员邀请码"
        loginText="请先用微信登录，再输入管理员给您的邀请码"
      >
        <View className="section">
          <View className="section-title">输入邀请码</View>
          <View className="muted">管理员邀请您担任工作人员时，会给您一个 8 位邀请码（7 天内有效，只能使用一次）。输入后，您的账号将获得相应的岗位。</View>
          <Field name="code" label="邀请码" value={code} onInput={setCode} error={errors.code} placeholder="例如 ABCD-EFGH" maxlength={9} />
          <SendButton className="btn" testId="invitation-submit" error={errors.form} busy={busy} onClick={submit}>
            开通工作人员账号
          </SendButton>
        </View>
      </RoleGate>
    </Page>
  );
}
