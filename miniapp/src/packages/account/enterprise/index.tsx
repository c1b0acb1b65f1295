import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CREDIT_CODE_LENGTH, ENTERPRISE_NAME_MAX, EnterpriseBindRequest } from '@yx/shared';
import { useState } from 'react';
import { api, ApiError } from '../../../api/client';
import { saveSession } from '../../../api/session';
import { Field, fieldErrors } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { useSession } from '../../../hooks/useSession';
import { SendButton } from '../../../components/SendButton';
import { useSubmit } from '../../../hooks/useSubmit';

export default function EnterpriseBind() {
  const session = useSession();
  const [enterpriseName, setName] = useState('');
  const [creditCode, setCode] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, send } = useSubmit(
    (e) => (e as ApiError).message,
    (form) => setErrors({ form }),
  );
  const ent = session?.user.enterprise;

  const submit = async () => {
    const r = EnterpriseBindRequest.safeParse({ enterpriseName, creditCode });
    if (!r.success) {
      setErrors(fieldErrors(r.error));
      return;
    }
    setErrors({});
    const ok = await Taro.showModal({ title: '确认绑定', content: `以企业身份办事：${r.data.enterpriseName}`, confirmText: '确认绑定' });
    if (!ok.confirm) return;
    await send(async () => {
      saveSession(await api.bindEnterprise(r.data.enterpriseName, r.data.creditCode));
      Taro.showToast({ title: '绑定成功', icon: 'success' });
      Taro.navigateBack();
    });
  };

  return (
    <Page>
      {ent && (
        <View className="section">
          <View className="section-title">已绑定企业</View>
          <View>{ent.name}</View>
          <View className="muted">
            统一社会信用代码 {ent.creditCode} · 信用等级 {ent.grade} 级
          </View>
        </View>
      )}
      <View className="section">
        <View className="section-title">{ent ? '改绑其他企业' : '绑定企业'}</View>
        <Field
          name="enterpriseName"
          label="企业名称"
          value={enterpriseName}
          onInput={setName}
          error={errors.enterpriseName}
          placeholder="与营业执照一致"
          maxlength={ENTERPRISE_NAME_MAX}
        />
        <Field
          name="creditCode"
          label="统一社会信用代码"
          value={creditCode}
          onInput={setCode}
          error={errors.creditCode}
          placeholder={`${CREDIT_CODE_LENGTH} 位，见营业执照`}
          maxlength={CREDIT_CODE_LENGTH}
        />
        <SendButton className="btn" error={errors.form} busy={busy} onClick={submit}>
          绑定
        </SendButton>
      </View>
    </Page>
  );
}
