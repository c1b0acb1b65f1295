import { Text, View } from '@tarojs/components';
import { BENEFIT_TYPES, type BenefitType, type PolicyMode } from '@yx/shared';
import { Chips } from '../../../../components/Chips';
import { ErrorLine } from '../../../../components/ErrorLine';
import { Field } from '../../../../components/Field';
import { ConditionEditor } from './ConditionEditor';
import { type AmountWay, type ItemDraft, type PerUnitBase } from './draft';
import { firstUnder } from './errors';

const TYPES = (Object.entries(BENEFIT_TYPES) as [BenefitType, string][]).map(([value, label]) => ({ value, label }));
const WAYS: { value: AmountWay; label: string }[] = [
  { value: 'fixed', label: '固定金额' },
  { value: 'perUnit', label: '按基数计算' },
  { value: 'none', label: '按文字说明' },
];
const BASES: { value: PerUnitBase; label: string }[] = [
  { value: 'headcount', label: '按职工人数' },
  { value: 'revenue', label: '按营业收入' },
  { value: 'taxPaid', label: '按纳税额' },
];
const PER: Record<PerUnitBase, string> = { headcount: '每人金额（元）', revenue: '每万元营业收入（元）', taxPaid: '每万元纳税额（元）' };
const MODES: { value: PolicyMode; label: string }[] = [
  { value: 'auto', label: '免申即享' },
  { value: 'apply', label: '依申请' },
];

type Put = (x: Partial<ItemDraft>) => void;

/** 扶持内容: the type, the words, and the money — a fixed amount or so much per unit of a base — with a cap. */
function Benefit({ d, put, err, n }: { d: ItemDraft; put: Put; err: (f: string) => string | undefined; n: string }) {
  return (
    <>
      <View className="field-label">扶持类型</View>
      <Chips label={`${n}扶持类型`} options={TYPES} value={d.benefitType} onChange={(v) => put({ benefitType: v })} />
      <Field
        name={`${n}text`}
        label="扶持内容"
        value={d.benefitText}
        onInput={(v) => put({ benefitText: v })}
        error={err('benefit.text')}
        placeholder="如：按上年度纳税额的 5% 奖励，最高 50 万元"
        maxlength={80}
      />
      <View className="field-label">金额</View>
      <Chips label={`${n}金额计算方式`} options={WAYS} value={d.amountWay} onChange={(v) => put({ amountWay: v })} />
      {d.amountWay === 'fixed' && (
        <Field
          name={`${n}amount`}
          label="金额（元）"
          type="number"
          value={d.amountYuan}
          onInput={(v) => put({ amountYuan: v })}
          error={err('benefit.amountYuan')}
          maxlength={12}
        />
      )}
      {d.amountWay === 'perUnit' && (
        <>
          <Chips label={`${n}计算基数`} options={BASES} value={d.perUnitBase} onChange={(v) => put({ perUnitBase: v })} />
          <Field
            name={`${n}per`}
            label={PER[d.perUnitBase]}
            type="number"
            value={d.perUnitYuan}
            onInput={(v) => put({ perUnitYuan: v })}
            error={err('benefit.perUnit')}
            maxlength={12}
          />
        </>
      )}
      <Field
        name={`${n}cap`}
        label="封顶金额（元，可不填）"
        type="number"
        value={d.capYuan}
        onInput={(v) => put({ capYuan: v })}
        error={err('benefit.capYuan')}
        maxlength={12}
      />
      <ErrorLine error={err('benefit.') ?? err('benefit.type')} />
    </>
  );
}

/**
 * One 政策条目: name, benefit, the window it can be claimed in, 免申即享 or 依申请 (with the catalogue item applied
 * through), and its conditions. `errors` are the whole policy's; this item's are under `items.<index>`.
 */
export function ItemEditor({ d, index, put, remove, errors }: { d: ItemDraft; index: number; put: Put; remove?: () => void; errors: Record<string, string> }) {
  const at = `items.${index}`;
  const n = `条目 ${index + 1}`;
  // 'benefit.' asks for the benefit's own message (免申即享 needs an amount), not one of its fields'
  const err = (f: string) => (f === 'benefit.' ? errors[`${at}.benefit`] : firstUnder(errors, `${at}.${f}`));
  return (
    <View className="pe-item" data-testid={`pe-item-${index}`}>
      <View className="pe-row">
        <Text className="pe-item-no">
          {n}
          {d.id ? `（编号 ${d.id}）` : '（新增）'}
        </Text>
        {remove && (
          <View className="pe-remove tap" role="button" aria-label={`${n}：删除此条目`} onClick={remove}>
            删除此条目
          </View>
        )}
      </View>
      <Field
        name={`${n}title`}
        label="条目名称"
        value={d.title}
        onInput={(v) => put({ title: v })}
        error={err('title')}
        maxlength={40}
        placeholder="如：研发投入奖励"
      />
      <Benefit d={d} put={put} err={err} n={n} />
      <View className="pe-pair">
        <Field
          name={`${n}from`}
          label="兑现开始日期"
          value={d.validFrom}
          onInput={(v) => put({ validFrom: v })}
          error={err('validFrom')}
          placeholder="YYYY-MM-DD"
          maxlength={10}
        />
        <Field
          name={`${n}to`}
          label="兑现截止日期"
          value={d.validTo}
          onInput={(v) => put({ validTo: v })}
          error={err('validTo')}
          placeholder="YYYY-MM-DD"
          maxlength={10}
        />
      </View>
      <View className="field-label">兑现方式</View>
      <Chips label={`${n}兑现方式`} options={MODES} value={d.mode} onChange={(v) => put({ mode: v })} />
      <View className="muted pe-hint">
        {d.mode === 'auto'
          ? '免申即享：系统按区里掌握的企业数据比对，符合的企业一键确认后拨付，须写明金额和可比对的条件。'
          : '依申请：企业通过办事事项提出申请，由部门审核。'}
      </View>
      {d.mode === 'apply' && (
        <Field
          name={`${n}service`}
          label="办理事项编号（可不填，默认“惠企政策兑现申请”）"
          value={d.serviceItemId}
          onInput={(v) => put({ serviceItemId: v })}
          error={err('serviceItemId')}
          maxlength={60}
        />
      )}
      <ConditionEditor list={d.conditions} onChange={(l) => put({ conditions: l })} errors={errors} prefix={`${at}.conditions`} title={n} />
    </View>
  );
}
