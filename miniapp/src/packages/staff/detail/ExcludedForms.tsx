import { View } from '@tarojs/components';
import { DISCLOSURE_RULES, STAFF_TEXT_MAX, type ExcludedKind } from '@yx/shared';
import { useState } from 'react';
import { Chips } from '../../../components/Chips';
import { ErrorLine } from '../../../components/ErrorLine';
import { TextBox } from '../../../components/TextBox';
import { formatDay } from '../../../components/Timeline';
import { FormBox, SubmitButton, type Errors, type FormProps } from './forms';

const LICENCE_WORDS = {
  title: '开始特别程序',
  kind: '特别程序',
  placeholder: '如：组织专家对设计方案进行评审',
  note: '特别程序期间依法不计入办理时限，承诺和法定期限相应顺延。',
  submit: '开始并暂停计时',
};
const DISCLOSURE_WORDS = {
  title: '征求第三方或其他机关意见',
  kind: '征求意见的对象',
  placeholder: '如：涉及施工单位的商业信息，书面征求其意见',
  note: `征求意见所需时间不计入答复期限（条例第三十三条）；第三方应在 ${DISCLOSURE_RULES.thirdPartyDays} 个工作日内提出意见（第三十二条）。申请人将收到通知。`,
  submit: '开始征求意见',
};

/**
 * 开始特别程序: a hearing, an expert review, testing… that the law keeps out of the time limits (行政许可法第四十五条).
 * Only the kinds the item allows; the clocks stand still until it ends.
 */
export function StartExcludedForm({ d, send, busy }: FormProps) {
  const kinds = d.excludedKinds ?? [];
  // 依申请公开 (政府信息公开条例 arts. 32–33): asking a third party or another body, not counted in the reply period
  const w = d.disclosure ? DISCLOSURE_WORDS : LICENCE_WORDS;
  const [kind, setKind] = useState<ExcludedKind | undefined>(kinds.length === 1 ? kinds[0].kind : undefined);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const submit = async () => {
    if (!kind) {
      setErrors({ kind: `请选择${w.kind}` });
      return;
    }
    setErrors((await send('startExcluded', { kind, note })) ?? {});
  };
  if (!kinds.length) {
    return (
      <FormBox title={w.title}>
        <View className="muted">本事项没有依法不计入办理时限的特别程序。</View>
      </FormBox>
    );
  }
  return (
    <FormBox title={w.title}>
      <Chips
        label={w.kind}
        options={kinds.map((k) => ({ value: k.kind, label: k.name }))}
        value={kind}
        onChange={(v) => {
          setKind(v);
          setErrors({});
        }}
      />
      <ErrorLine error={errors.kind} />
      <TextBox label="说明（将告知申请人）" value={note} onInput={setNote} max={STAFF_TEXT_MAX} placeholder={w.placeholder} error={errors.note} />
      <View className="muted">{w.note}</View>
      <SubmitButton busy={busy} onClick={submit} text={w.submit} />
    </FormBox>
  );
}

/** 特别程序结束: the clocks run again, the deadlines moved by the working days it took. */
export function EndExcludedForm({ d, send, busy }: FormProps) {
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const submit = async () => setErrors((await send('endExcluded', { note })) ?? {});
  return (
    <FormBox title={d.disclosure ? '征求意见结束' : '特别程序结束'}>
      {d.excludedPeriod && (
        <View className="muted">
          {d.excludedPeriod.name}自 {formatDay(d.excludedPeriod.since)} 起暂停计时：{d.excludedPeriod.note}
        </View>
      )}
      <TextBox
        label="结果说明"
        value={note}
        onInput={setNote}
        max={STAFF_TEXT_MAX}
        placeholder={d.disclosure ? '如：第三方书面回复不同意公开其报价明细' : '如：专家评审通过，意见已归档'}
        error={errors.note}
      />
      <SubmitButton busy={busy} onClick={submit} text="结束并恢复计时" />
    </FormBox>
  );
}
