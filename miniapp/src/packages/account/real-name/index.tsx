import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PERSON_NAME_MAX, RealNameRequest, RESIDENT_ID_LENGTH } from '@yx/shared';
import { useState } from 'react';
import { api, ApiError } from '../../../api/client';
import { updateUser } from '../../../api/session';
import { Field, fieldErrors } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { useSession } from '../../../hooks/useSession';
import { SendButton } from '../../../components/SendButton';
import { useSubmit } from '../../../hooks/useSubmit';

export default function RealName() {
  const session = useSession();
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, send } = useSubmit(
    (e) => (e as ApiError).message,
    (form) => setErrors({ form }),
  );
  const user = session?.user;

  if (user?.verified) {
    return (
      <Page>
        <View className="section">
          <View className="section-title">已完成实名认证</View>
          <View>姓名：{user.realName}</View>
          <View>身份证号码：{user.idNumber}</View>
          <View className="muted">如需更改，请携带身份证到区政务服务中心办理。</View>
        </View>
      </Page>
    );
  }

  const submit = async () => {
    const r = RealNameRequest.safeParse({ name, idNumber });
    if (!r.success) {
      setErrors(fieldErrors(r.error));
      return;
    }
    setErrors({});
    const ok = await Taro.showModal({ title: '确认提交', content: `实名认证提交后不能自行修改。\n姓名：${r.data.name}`, confirmText: '确认提交' });
    if (!ok.confirm) return;
    await send(async () => {
      updateUser(await api.bindRealName(r.data.name, r.data.idNumber));
      Taro.showToast({ title: '认证成功', icon: 'success' });
      Taro.navigateBack();
    });
  };

  return (
    <Page>
      <View className="section">
        <View className="section-title">实名认证</View>
        <View className="muted">网上申办需要实名。身份证号码仅用于核验身份和办事，加密保存、脱敏显示。</View>
      </View>
      <View className="section">
        <Field name="name" label="姓名" value={name} onInput={setName} error={errors.name} placeholder="与身份证一致" maxlength={PERSON_NAME_MAX} />
        <Field
          name="idNumber"
          label="身份证号码"
          type="idcard"
          value={idNumber}
          onInput={setIdNumber}
          error={errors.idNumber}
          placeholder={`${RESIDENT_ID_LENGTH} 位居民身份证号码`}
          maxlength={RESIDENT_ID_LENGTH}
        />
        <SendButton className="btn" error={errors.form} busy={busy} onClick={submit}>
          提交认证
        </SendButton>
      </View>
    </Page>
  );
}
