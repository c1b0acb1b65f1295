import { View } from '@tarojs/components';
import { DISCLOSURE_RULES } from '@yx/shared';
import { useState } from 'react';
import { api } from '../../../api/client';
import { SendButton } from '../../../components/SendButton';
import { TextBox } from '../../../components/TextBox';
import { formatDay } from '../../../components/Timeline';
import { useSubmit } from '../../../hooks/useSubmit';
import type { ActionProps } from './parts';

/** What one answer may be (the server's check: 2–500 characters). */
const ANSWER_MIN = 2;
const ANSWER_MAX = 500;

/**
 * 补正 of a request for government information (条例 art. 30): the department asked to make the request clear, so each
 * listed item is answered in words — one box each — not with uploads; the reply period counts again from the day it arrives.
 */
export function ClarifyBox({ d, onDone, onError }: ActionProps) {
  const notice = d.supplementNotice!;
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const { busy, send } = useSubmit(onError, setError);

  const submit = async () => {
    const wrong = Object.fromEntries(
      notice.items.filter((i) => (answers[i.material] ?? '').trim().length < ANSWER_MIN).map((i) => [i.material, `请用 ${ANSWER_MIN}–${ANSWER_MAX} 字说明`]),
    );
    setErrors(wrong);
    if (Object.keys(wrong).length) {
      setError(`请先说明：${Object.keys(wrong).join('、')}`);
      return;
    }
    setError(undefined);
    await send(async () => {
      const body = Object.fromEntries(notice.items.map((i) => [i.material, answers[i.material].trim()]));
      onDone(await api.supplement(d.appNo, body), '补正已提交');
    });
  };

  return (
    <View className="dt-supp" data-testid="clarify">
      <View className="dt-box-title">需要您补充说明</View>
      <View className="muted">请按以下事项用文字补充说明。补正后，答复期限从收到补正之日起重新计算 {DISCLOSURE_RULES.replyDays} 个工作日。</View>
      {notice.dueDate && <View className="dt-due">请于 {formatDay(notice.dueDate)} 前补正，逾期未补正视为放弃申请</View>}
      {notice.items.map((i, n) => (
        <View key={i.material} className="dt-supp-item" data-testid="clarify-item">
          <View className="dt-supp-name">
            {n + 1}. {i.material}
          </View>
          <View className="muted">需要说明：{i.reason}</View>
          <TextBox
            label={i.material}
            hideLabel
            value={answers[i.material] ?? ''}
            onInput={(v) => {
              setAnswers((a) => ({ ...a, [i.material]: v }));
              setErrors((e) => ({ ...e, [i.material]: '' }));
            }}
            max={ANSWER_MAX}
            placeholder={i.reason}
            error={errors[i.material]}
          />
        </View>
      ))}
      <SendButton className="btn dt-submit" error={error} busy={busy} onClick={submit}>
        提交补正
      </SendButton>
    </View>
  );
}
