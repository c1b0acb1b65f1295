import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { KIN_RELATION_NAMES, KinGrantRequest, PERSON_NAME_MAX, RESIDENT_ID_LENGTH } from '@yx/shared';
import { useState } from 'react';
import { api, asApiError } from '../../../api/client';
import { Chips } from '../../../components/Chips';
import { Field, fieldErrors } from '../../../components/Field';
import { SendButton } from '../../../components/SendButton';
import { confirmStep } from '../../../components/confirmStep';
import { useSubmit } from '../../../hooks/useSubmit';
import { endOf, TERMS, type Term } from '../grantTerms';

type Relation = keyof typeof KIN_RELATION_NAMES;

/** 授权亲友代办: the relative's name and ID (they must have proven theirs), the relation, and how long. */
export function KinForm({ onGranted }: { onGranted: () => void }) {
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [relation, setRelation] = useState<Relation>('child');
  const [term, setTerm] = useState<Term>('1y');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, send } = useSubmit(
    (e) => asApiError(e).message,
    (form) => setErrors({ form }),
  );

  const submit = async () => {
    const r = KinGrantRequest.safeParse({ name, idNumber, relation, allItems: true, itemIds: [], expiresOn: endOf(term) });
    if (!r.success) {
      setErrors(fieldErrors(r.error));
      return;
    }
    setErrors({});
    const ok = await confirmStep(
      '确认授权',
      `授权 ${r.data.name}（${KIN_RELATION_NAMES[relation]}）代您办理个人事项，至 ${r.data.expiresOn}。对方确认后生效；您能看到对方办的每一步，并可随时撤销。`,
      '确认授权',
    );
    if (!ok) return;
    await send(async () => {
      await api.grantKin(r.data);
      Taro.showToast({ title: '已发出授权', icon: 'success' });
      setName('');
      setIdNumber('');
      onGranted();
    });
  };

  return (
    <View className="section" data-testid="kin-form">
      <View className="section-title">请亲友代办</View>
      <View className="muted">亲友需先在小程序完成人脸核验实名。请填写其身份证上的姓名和号码。</View>
      <Field name="kinName" label="亲友姓名" value={name} onInput={setName} error={errors.name} maxlength={PERSON_NAME_MAX} />
      <Field
        name="kinIdNumber"
        label="亲友身份证号码"
        type="idcard"
        value={idNumber}
        onInput={setIdNumber}
        error={errors.idNumber}
        maxlength={RESIDENT_ID_LENGTH}
      />
      <View className="field-label">与您的关系</View>
      <Chips
        label="与您的关系"
        options={Object.entries(KIN_RELATION_NAMES).map(([value, label]) => ({ value: value as Relation, label }))}
        value={relation}
        onChange={setRelation}
      />
      <View className="field-label">授权期限（至 {endOf(term)}）</View>
      <Chips label="授权期限" options={TERMS} value={term} onChange={setTerm} />
      <SendButton className="btn" testId="kin-submit" error={errors.form} busy={busy} onClick={submit}>
        发出授权
      </SendButton>
    </View>
  );
}
