import { View } from '@tarojs/components';
import { STAFF_TEXT_MAX, type ExcludedKind } from '@yx/shared';
import { useState } from 'react';
import { Chips } from '../../../components/Chips';
import { ErrorLine } from '../../../components/ErrorLine';
import { TextBox } from '../../../components/TextBox';
import { formatDay } from '../../../components/Timeline';
import { FormBox, SubmitButton, type Errors, type FormProps } from './forms';

/**
 * 开始特别程序: a hearing, an expert review, testing… that the law keeps out of the time limits (行政许可法第四十五条).
 * Only the kinds the item allows; the clocks stand still until it ends.
 */
export function StartExcludedForm({ d, send, busy }: FormProps) {
  const kinds = d.excludedKinds ?? [];
  const [kind, setKind] = useState<ExcludedKind | undefined>(kinds.length === 1 ? kinds[0].kind : undefined);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const submit = async () => {
    if (!kind) {
      setErrors({ kind: '请选择特别程序' });
      return;
    }
    setErrors((await send('startExcluded', { kind, note })) ?? {});
  };
  if (!kinds.length) {
    return (
      <FormBox title="开始特别程序">
        <View className="muted">本事项没有依法不计入办理时限的特别程序。</View>
      </FormBox>
    );
  }
  return (
    <FormBox title="开始特别程序">
      <Chips
        label="特别程序"
        options={kinds.map((k) => ({ value: k.kind, label: k.name }))}
        value={kind}
        onChange={(v) => {
          setKind(v);
          setErrors({});
        }}
      />
      <ErrorLine error={errors.kind} />
      <TextBox
        label="说明（将告知申请人）"
        value={note}
        onInput={setNote}
        max={STAFF_TEXT_MAX}
        placeholder="如：组织专家对设计方案进行评审"
        error={errors.note}
      />
      <View className="muted">特别程序期间依法不计入办理时限，承诺和法定期限相应顺延。</View>
      <SubmitButton busy={busy} onClick={submit} text="开始并暂停计时" />
    </FormBox>
  );
}

/** 特别程序结束: the clocks run again, the deadlines moved by the working days it took. */
export function EndExcludedForm({ d, send, busy }: FormProps) {
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const submit = async () => setErrors((await send('endExcluded', { note })) ?? {});
  return (
    <FormBox title="特别程序结束">
      {d.excludedPeriod && (
        <View className="muted">
          {d.excludedPeriod.name}自 {formatDay(d.excludedPeriod.since)} 起暂停计时：{d.excludedPeriod.note}
        </View>
      )}
      <TextBox label="结果说明" value={note} onInput={setNote} max={STAFF_TEXT_MAX} placeholder="如：专家评审通过，意见已归档" error={errors.note} />
      <SubmitButton busy={busy} onClick={submit} text="结束并恢复计时" />
    </FormBox>
  );
}
