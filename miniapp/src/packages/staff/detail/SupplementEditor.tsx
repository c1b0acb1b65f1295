import { Input, Text, View } from '@tarojs/components';
import { DISCLOSURE_RULES, SUPPLEMENT_ITEMS_MAX, SUPPLEMENT_MATERIAL_MAX, SUPPLEMENT_REASON_MAX } from '@yx/shared';
import { useState } from 'react';
import type { StaffActionBody } from '../../../api/staff';
import { Button } from '../../../components/Button';
import { ErrorLine } from '../../../components/ErrorLine';
import { formatDay } from '../../../components/Timeline';
import { CLARIFY_ITEMS } from './disclosure/words';
import { FormBox, SubmitButton, type Errors, type FormProps } from './forms';

/** One row of 一次性告知, as the action's body carries it. */
type SupplementRow = StaffActionBody<'requestSupplement'>['items'][number];

/** The words of the two procedures: a licence's missing materials, or what a request for information must make clear (art. 30). */
function wordsOf(d: FormProps['d']) {
  if (!d.disclosure) {
    return {
      title: '一次性告知补正',
      intro: '列出需要补正的全部材料和原因，申请人将一次收到完整清单；补正期间暂停计时。',
      picks: d.materials.map((m) => m.name),
      picksLabel: '从申请材料中选择',
      item: '材料',
      itemHint: '材料名称',
      reasonHint: '需补正的原因，如：缺少负责人签字',
    };
  }
  const by = d.disclosure.clarifyBy ? `（${formatDay(d.disclosure.clarifyBy)} 前）` : '';
  return {
    title: '告知补正申请内容',
    intro: `申请内容不明确的，应在收到申请之日起 ${DISCLOSURE_RULES.clarifyWithinDays} 个工作日内${by}一次性告知需要补正的事项（条例第三十条）。申请人用文字补正，答复期限自收到补正之日起重新计算；${DISCLOSURE_RULES.clarifyAnswerDays} 个工作日内未补正的视为放弃申请。`,
    picks: [...CLARIFY_ITEMS],
    picksLabel: '常见的补正事项',
    item: '事项',
    itemHint: '需要说明的事项，如：所需信息的描述',
    reasonHint: '请申请人说明什么，如：请写明小区名称或项目名称',
  };
}

/** 一次性告知: every missing or faulty material (for a request: everything unclear) with its reason, in one list, at least one row. */
export function SupplementEditor({ d, send, busy }: FormProps) {
  const [rows, setRows] = useState<SupplementRow[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const w = wordsOf(d);
  const listed = new Set(rows.map((r) => r.material.trim()));
  const set = (i: number, patch: Partial<SupplementRow>) => setRows((rs) => rs.map((r, n) => (n === i ? { ...r, ...patch } : r)));
  const add = (material = '') => {
    setRows((rs) => [...rs, { material, reason: '' }]);
    setErrors({});
  };
  const remove = (i: number) => {
    setRows((rs) => rs.filter((_, n) => n !== i));
    setErrors({});
  };

  const submit = async () => {
    // rows left completely blank are dropped rather than reported
    const items = rows.map((r) => ({ material: r.material, reason: r.reason })).filter((r) => r.material.trim() || r.reason.trim());
    const e = await send('requestSupplement', { items });
    setErrors(e ?? {});
  };

  return (
    <FormBox title={w.title}>
      <View className="muted">{w.intro}</View>
      {w.picks.length > 0 && (
        <View className="sd-picks">
          <View className="field-label">{w.picksLabel}</View>
          <View className="chips" role="group" aria-label={w.picksLabel}>
            {w.picks.map((name) => (
              <View
                key={name}
                className={`chip ${listed.has(name) ? 'on' : ''}`}
                role="button"
                aria-label={`添加${name}`}
                onClick={() => {
                  if (!listed.has(name)) add(name);
                }}
              >
                {listed.has(name) ? '✓ ' : '+ '}
                {name}
              </View>
            ))}
          </View>
        </View>
      )}
      {rows.map((r, i) => (
        <View key={i} className="sd-supp-row" data-testid="supplement-row">
          <View className="sd-supp-head">
            <Text className="sd-row-name">第 {i + 1} 项</Text>
            <View className="sd-remove" role="button" onClick={() => remove(i)} aria-label={`删除第 ${i + 1} 项`}>
              删除
            </View>
          </View>
          <Input
            className={`input ${errors[`items.${i}.material`] ? 'input-error' : ''}`}
            value={r.material}
            maxlength={SUPPLEMENT_MATERIAL_MAX}
            placeholder={w.itemHint}
            onInput={(e) => set(i, { material: e.detail.value })}
            aria-label={`第 ${i + 1} 项${w.item}`}
            nativeProps={{ 'aria-label': `第 ${i + 1} 项${w.item}` }}
          />
          <ErrorLine error={errors[`items.${i}.material`] && `${w.item}名称${errors[`items.${i}.material`]}`} />
          <Input
            className={`input sd-supp-reason ${errors[`items.${i}.reason`] ? 'input-error' : ''}`}
            value={r.reason}
            maxlength={SUPPLEMENT_REASON_MAX}
            placeholder={w.reasonHint}
            onInput={(e) => set(i, { reason: e.detail.value })}
            aria-label={`第 ${i + 1} 项原因`}
            nativeProps={{ 'aria-label': `第 ${i + 1} 项原因` }}
          />
          <ErrorLine error={errors[`items.${i}.reason`] && `原因${errors[`items.${i}.reason`]}`} />
        </View>
      ))}
      <Button className="btn btn-plain sd-add" onClick={() => add()} disabled={rows.length >= SUPPLEMENT_ITEMS_MAX || undefined}>
        + 添加一项
      </Button>
      <ErrorLine error={errors.items} />
      <SubmitButton busy={busy} onClick={submit} text="发送一次性告知" />
    </FormBox>
  );
}
