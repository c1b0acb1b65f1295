import { Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { AgentGrantRequest, PERSON_NAME_MAX, RESIDENT_ID_LENGTH, type ServiceSummary } from '@yx/shared';
import { useState } from 'react';
import { api, asApiError } from '../../../api/client';
import { Chips } from '../../../components/Chips';
import { Field, fieldErrors } from '../../../components/Field';
import { SendButton } from '../../../components/SendButton';
import { confirmStep } from '../../../components/confirmStep';
import { useAsync } from '../../../hooks/useAsync';
import { useSubmit } from '../../../hooks/useSubmit';
import { endOf, TERMS, type Term } from '../grantTerms';

const BENEFITS_LABEL = '可办理政策兑现（确认免申即享、指定收款账户）';

/** 授权经办人: who (name and ID number, as on the card), what (all items or chosen ones, 容缺 or not, 政策兑现 or not), until when. */
export function GrantForm({ onGranted }: { onGranted: () => void }) {
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [scope, setScope] = useState<'all' | 'some'>('all');
  const [chosen, setChosen] = useState<string[]>([]);
  const [commitments, setCommitments] = useState(false);
  const [benefits, setBenefits] = useState(false);
  const [term, setTerm] = useState<Term>('1y');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, send } = useSubmit(
    (e) => asApiError(e).message,
    (form) => setErrors({ form }),
  );
  const items = useAsync(() => api.services({ audience: 'enterprise', limit: 50 }), []);

  const submit = async () => {
    const r = AgentGrantRequest.safeParse({
      name,
      idNumber,
      allItems: scope === 'all',
      itemIds: scope === 'all' ? [] : chosen,
      commitments,
      benefits,
      expiresOn: endOf(term),
    });
    if (!r.success) {
      setErrors(fieldErrors(r.error));
      return;
    }
    setErrors({});
    const what = r.data.allItems ? '企业全部事项' : `${r.data.itemIds.length} 个事项`;
    if (
      !(await confirmStep(
        '确认授权',
        `授权 ${r.data.name} 为经办人，办理${what}${r.data.commitments ? '，可签署容缺信用承诺' : ''}${r.data.benefits ? '，可办理政策兑现（确认免申即享、指定收款账户）' : ''}，至 ${r.data.expiresOn}。经办人确认后生效，您可随时撤销。`,
        '确认授权',
      ))
    )
      return;
    await send(async () => {
      await api.grantAgent(r.data);
      Taro.showToast({ title: '已发出授权', icon: 'success' });
      setName('');
      setIdNumber('');
      onGranted();
    });
  };

  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));

  return (
    <View className="section" data-testid="grant-form">
      <View className="section-title">授权新的经办人</View>
      <View className="muted">经办人需先在小程序完成人脸核验实名。请填写其身份证上的姓名和号码。</View>
      <Field name="agentName" label="经办人姓名" value={name} onInput={setName} error={errors.name} maxlength={PERSON_NAME_MAX} />
      <Field
        name="agentIdNumber"
        label="经办人身份证号码"
        type="idcard"
        value={idNumber}
        onInput={setIdNumber}
        error={errors.idNumber}
        maxlength={RESIDENT_ID_LENGTH}
      />
      <View className="field-label">办理范围</View>
      <Chips
        label="办理范围"
        options={[
          { value: 'all', label: '企业全部事项' },
          { value: 'some', label: '指定事项' },
        ]}
        value={scope}
        onChange={setScope}
      />
      {scope === 'some' && (
        <View className="agent-items">
          {(items.data?.items ?? []).map((i: ServiceSummary) => (
            <View
              key={i.id}
              className={`agent-item ${chosen.includes(i.id) ? 'on' : ''}`}
              role="checkbox"
              aria-checked={chosen.includes(i.id)}
              onClick={() => toggle(i.id)}
            >
              <Text>{chosen.includes(i.id) ? '☑' : '☐'}</Text> {i.name}
            </View>
          ))}
          {errors.itemIds && <View className="error-text">{errors.itemIds}</View>}
        </View>
      )}
      <View className="agent-switch">
        <Text>可代表企业签署容缺信用承诺</Text>
        <Switch
          checked={commitments}
          color="#c8161d"
          onChange={(e) => setCommitments(e.detail.value)}
          aria-label="可代表企业签署容缺信用承诺"
          nativeProps={{ 'aria-label': '可代表企业签署容缺信用承诺' }}
        />
      </View>
      <View className="agent-switch">
        <Text>{BENEFITS_LABEL}</Text>
        <Switch
          checked={benefits}
          color="#c8161d"
          onChange={(e) => setBenefits(e.detail.value)}
          aria-label={BENEFITS_LABEL}
          nativeProps={{ 'aria-label': BENEFITS_LABEL }}
        />
      </View>
      <View className="field-label">授权期限（至 {endOf(term)}）</View>
      <Chips label="授权期限" options={TERMS} value={term} onChange={setTerm} />
      <SendButton className="btn" testId="grant-submit" error={errors.form} busy={busy} onClick={submit}>
        发出授权
      </SendButton>
    </View>
  );
}
