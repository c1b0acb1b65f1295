import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CREDIT_CODE_LENGTH, ENTERPRISE_NAME_MAX, EnterpriseBindRequest, FIRM_ROLE_NAMES } from '@yx/shared';
import { useState } from 'react';
import { api, ApiError } from '../../../api/client';
import { saveSession } from '../../../api/session';
import { Field, fieldErrors } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { useSession } from '../../../hooks/useSession';
import { SendButton } from '../../../components/SendButton';
import { useSubmit } from '../../../hooks/useSubmit';
import { Button } from '../../../components/Button';

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
            统一社会信用代码 {ent.creditCode} · 信用等级 {ent.grade} 级 · 您是{FIRM_ROLE_NAMES[session?.user.firmRole ?? 'legal']}
          </View>
        </View>
      )}
      {session && session.user.level < 2 ? (
        <View className="section" data-testid="needs-face">
          <View className="section-title">请先人脸核验</View>
          <View className="muted">绑定企业需要法定代表人本人先完成人脸核验实名，系统核对您的身份证号码与企业登记的法定代表人一致。</View>
          <Button className="btn" onClick={() => Taro.navigateTo({ url: '/packages/account/real-name/index' })}>
            去人脸核验
          </Button>
        </View>
      ) : (
        <View className="section">
          <View className="section-title">{ent ? '改绑其他企业' : '法定代表人绑定企业'}</View>
          <View className="muted">仅限企业登记的法定代表人本人绑定。经办人请由法定代表人在“我的 → 企业经办人”中授权，再到“企业授权”中确认。</View>
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
      )}
    </Page>
  );
}
