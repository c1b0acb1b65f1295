import { Input, View } from '@tarojs/components';
import { DISCLOSURE_RULES, type ExtensionBasis } from '@yx/shared';
import { useState } from 'react';
import { ErrorLine } from '../../../../components/ErrorLine';
import { Field } from '../../../../components/Field';
import { TextBox } from '../../../../components/TextBox';
import { formatDay } from '../../../../components/Timeline';
import { FormBox, SubmitButton, type Errors, type FormProps } from '../forms';
import { OptionList } from './OptionList';
import { EXTENSION_BASES } from './words';

const REASON_MAX = 300;
const APPROVER_MAX = 20;

/**
 * 延长答复期限 (art. 33) or 延迟答复 (art. 35): the basis, the working days, who approved it (the head of the
 * information-disclosure office) and why. Once only; the requester is told the new deadline (the confirmation says so).
 */
export function ExtendForm({ d, send, busy }: FormProps) {
  const x = d.disclosure;
  const [basis, setBasis] = useState<ExtensionBasis>();
  const [days, setDays] = useState('');
  const [approvedBy, setApprovedBy] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const max = EXTENSION_BASES.find((b) => b.value === basis)?.max ?? DISCLOSURE_RULES.extensionMaxDays;

  const submit = async () => {
    const n = days.trim() === '' ? undefined : Number(days);
    const e = await send('extend', { basis, days: n, approvedBy, reason });
    setErrors(e ?? {});
  };

  return (
    <FormBox title="延长答复期限">
      {x && <View className="muted">现答复期限 {formatDay(x.deadline)}。延长只能一次，须经政府信息公开工作机构负责人批准，并将新的答复期限告知申请人。</View>}
      <View className="field-label dc-label">延期依据</View>
      <OptionList
        label="延期依据"
        value={basis}
        onChange={(v) => {
          setBasis(v);
          setErrors((s) => ({ ...s, basis: '' }));
        }}
        options={EXTENSION_BASES.map((b) => ({
          value: b.value,
          name: b.name,
          line: b.line,
          ...(b.value === 'art35' && x && !x.frequent
            ? { note: `该申请人近 ${DISCLOSURE_RULES.frequent.days} 日申请 ${x.recentRequests ?? 0} 件，未达到本条的条件` }
            : {}),
        }))}
      />
      <ErrorLine error={errors.basis} />
      <View className="field">
        <View className="field-label">延长的工作日数（最多 {max} 个）</View>
        <Input
          className={`input ${errors.days ? 'input-error' : ''}`}
          type="number"
          value={days}
          maxlength={2}
          placeholder={`1–${max}`}
          onInput={(e) => setDays(e.detail.value.replace(/\D/g, ''))}
          aria-label="延长的工作日数"
          nativeProps={{ 'aria-label': '延长的工作日数' }}
        />
        <ErrorLine error={errors.days} />
      </View>
      <Field
        name="approvedBy"
        label="批准人（政府信息公开工作机构负责人）"
        value={approvedBy}
        onInput={setApprovedBy}
        maxlength={APPROVER_MAX}
        placeholder="负责人姓名"
        error={errors.approvedBy}
      />
      <TextBox
        label="延期理由（将告知申请人）"
        value={reason}
        onInput={setReason}
        max={REASON_MAX}
        placeholder="如：需调取历年档案逐件核对"
        error={errors.reason}
      />
      <SubmitButton busy={busy} onClick={submit} text="延长答复期限" />
    </FormBox>
  );
}
