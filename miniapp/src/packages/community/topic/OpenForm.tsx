import { View } from '@tarojs/components';
import { useState } from 'react';
import type { OpenTopicBody, VoteInput } from '../../../api/deliberation';
import { Button } from '../../../components/Button';
import { Chips } from '../../../components/Chips';
import { Field } from '../../../components/Field';
import { SendButton } from '../../../components/SendButton';
import { addDays, beijingAt, todayBeijing } from '../common';

type VoteKind = 'none' | VoteInput['kind'];
const DAYS = ['3', '7', '14', '30'] as const;
const KINDS: { value: VoteKind; label: string }[] = [
  { value: 'none', label: '不发起投票' },
  { value: 'yesno', label: '赞成 / 反对 / 弃权' },
  { value: 'single', label: '单选' },
  { value: 'multiple', label: '多选' },
];
const QUORUMS = ['0', '20', '30', '50'] as const;

/** What the official chose so far (kept while the page is open; nothing typed is lost on a failed send). */
export interface OpenPlan {
  days: (typeof DAYS)[number];
  kind: VoteKind;
  question: string;
  options: string[];
  maxPicks: string;
  startNow: boolean;
  earlyClose: boolean;
  quorum: (typeof QUORUMS)[number];
  live: boolean;
}
export const emptyPlan = (): OpenPlan => ({
  days: '7',
  kind: 'none',
  question: '',
  options: ['', ''],
  maxPicks: '2',
  startNow: true,
  earlyClose: false,
  quorum: '30',
  live: true,
});

/** The request from the plan: the discussion closes at 20:00 Beijing time on the day chosen; the vote within it. */
export function openBody(p: OpenPlan, today = todayBeijing()): OpenTopicBody {
  const closes = addDays(today, Number(p.days));
  const body: OpenTopicBody = { closesAt: beijingAt(closes, '20:00') };
  if (p.kind === 'none') return body;
  const vote: VoteInput = {
    kind: p.kind,
    question: p.question.trim(),
    closesAt: beijingAt(p.earlyClose ? addDays(closes, -1) : closes, '20:00'),
    quorumPercent: Number(p.quorum),
    resultsVisibility: p.live ? 'live' : 'after_close',
    ...(p.startNow ? {} : { opensAt: beijingAt(addDays(today, 1), '08:00') }),
    ...(p.kind !== 'yesno' ? { options: p.options.map((o) => o.trim()).filter(Boolean) } : {}),
    ...(p.kind === 'multiple' ? { maxPicks: Number(p.maxPicks) } : {}),
  };
  return { ...body, vote };
}

/** Problems the official can fix before sending, by field. */
export function planProblems(p: OpenPlan): Record<string, string> {
  const out: Record<string, string> = {};
  if (p.kind === 'none') return out;
  if (p.question.trim().length < 4) out.question = '请写下投票的问题（至少 4 个字）';
  const filled = p.options.map((o) => o.trim()).filter(Boolean);
  if (p.kind !== 'yesno' && filled.length < 2) out.options = '单选和多选至少需要 2 个选项';
  if (p.kind !== 'yesno' && new Set(filled).size !== filled.length) out.options = '选项不能重复';
  return out;
}

/** 开启讨论: how long, and perhaps a vote: its kind, question, options, window, quorum and when results show. */
export function OpenForm({ busy, failed, onSend }: { busy: boolean; failed?: string; onSend: (body: OpenTopicBody) => void }) {
  const [p, setP] = useState<OpenPlan>(emptyPlan);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (part: Partial<OpenPlan>) => setP((x) => ({ ...x, ...part }));
  const send = () => {
    const problems = planProblems(p);
    setErrors(problems);
    if (!Object.keys(problems).length) onSend(openBody(p));
  };
  const filled = p.options.filter((o) => o.trim()).length;
  return (
    <View className="ct-open" data-testid="open-form">
      <View className="field-label">讨论期限（截止当天 20:00）</View>
      <Chips label="讨论期限" options={DAYS.map((d) => ({ value: d, label: `${d} 天` }))} value={p.days} onChange={(v) => set({ days: v })} />
      <View className="field-label ct-gap">投票</View>
      <Chips label="投票方式" options={KINDS} value={p.kind} onChange={(v) => set({ kind: v })} />
      {p.kind !== 'none' && (
        <View className="ct-vote-plan">
          <Field
            label="投票问题"
            name="question"
            testId="vote-question"
            value={p.question}
            maxlength={60}
            placeholder="如：是否同意在东门加装充电棚？"
            error={errors.question}
            onInput={(v) => set({ question: v })}
          />
          {p.kind !== 'yesno' && (
            <View>
              {p.options.map((o, i) => (
                <Field
                  key={i}
                  label={`选项 ${i + 1}`}
                  name={`option${i + 1}`}
                  value={o}
                  maxlength={30}
                  onInput={(v) => set({ options: p.options.map((x, j) => (j === i ? v : x)) })}
                />
              ))}
              {errors.options && <View className="error-text">{errors.options}</View>}
              {p.options.length < 10 && (
                <Button className="btn btn-plain ct-small" onClick={() => set({ options: [...p.options, ''] })}>
                  添加选项
                </Button>
              )}
            </View>
          )}
          {p.kind === 'multiple' && filled >= 2 && (
            <View>
              <View className="field-label ct-gap">每人最多可选</View>
              <Chips
                label="每人最多可选"
                options={Array.from({ length: filled - 1 }, (_, i) => String(i + 2)).map((n) => ({ value: n, label: `${n} 项` }))}
                value={p.maxPicks}
                onChange={(v) => set({ maxPicks: v })}
              />
            </View>
          )}
          <View className="field-label ct-gap">投票开始</View>
          <Chips
            label="投票开始"
            options={[
              { value: 'now', label: '立即开始' },
              { value: 'tomorrow', label: '明天 08:00' },
            ]}
            value={p.startNow ? 'now' : 'tomorrow'}
            onChange={(v) => set({ startNow: v === 'now' })}
          />
          <View className="field-label ct-gap">投票截止</View>
          <Chips
            label="投票截止"
            options={[
              { value: 'same', label: '与讨论同时截止' },
              { value: 'early', label: '提前 1 天截止' },
            ]}
            value={p.earlyClose ? 'early' : 'same'}
            onChange={(v) => set({ earlyClose: v === 'early' })}
          />
          <View className="field-label ct-gap">参与人数要求（占本社区已确认居民）</View>
          <Chips
            label="参与率要求"
            options={QUORUMS.map((q) => ({ value: q, label: q === '0' ? '不设' : `${q}%` }))}
            value={p.quorum}
            onChange={(v) => set({ quorum: v })}
          />
          <View className="field-label ct-gap">结果公布</View>
          <Chips
            label="结果公布方式"
            options={[
              { value: 'live', label: '投票期间实时公布' },
              { value: 'after', label: '投票结束后公布' },
            ]}
            value={p.live ? 'live' : 'after'}
            onChange={(v) => set({ live: v === 'live' })}
          />
        </View>
      )}
      <SendButton className="btn ct-gap" testId="open-submit" error={failed} busy={busy} onClick={send}>
        开启讨论
      </SendButton>
    </View>
  );
}
