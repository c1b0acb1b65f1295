import { Text, View } from '@tarojs/components';
import {
  CREDIT_GRADES,
  FACT_EVIDENCE,
  QUALIFICATIONS,
  SIZE_CLASSES,
  STREETS,
  describeCondition,
  type ConditionKind,
  type FactKey,
  type FirmGrade,
  type Qualification,
  type SizeClass,
} from '@yx/shared';
import { ErrorLine } from '../../../../components/ErrorLine';
import { Field } from '../../../../components/Field';
import { MultiChips } from '../parts';
import { checkedCondition, emptyCondition, type ConditionDraft } from './draft';
import { firstUnder } from './errors';

/** Each kind of condition: its name on the 添加 chip and its card. */
export const CONDITION_KINDS: [ConditionKind, string][] = [
  ['industry', '所属行业'],
  ['size', '企业规模'],
  ['street', '所在街道'],
  ['age', '成立年限'],
  ['headcount', '职工人数'],
  ['revenue', '营业收入'],
  ['taxPaid', '纳税额'],
  ['grade', '信用等级'],
  ['qualification', '企业资质'],
  ['notReceived', '近 N 年未享受'],
];
const KIND_NAMES = Object.fromEntries(CONDITION_KINDS) as Record<ConditionKind, string>;
const RANGE_UNITS: Partial<Record<ConditionKind, [string, string]>> = {
  age: ['满 N 年（下限）', '不满 N 年（上限）'],
  headcount: ['下限（人）', '上限（人）'],
  revenue: ['下限（万元）', '上限（万元）'],
  taxPaid: ['下限（万元）', '上限（万元）'],
};
const SIZES = Object.entries(SIZE_CLASSES) as [SizeClass, string][];
const STREET_OPTIONS = STREETS.map((s) => [s.id, s.name] as const);
const GRADES = CREDIT_GRADES.map((g) => [g, `${g} 级`] as const);
const QUALS = Object.entries(QUALIFICATIONS) as [Qualification, string][];
/** The fact each kind judges: its usual evidence is what a firm is asked for when the condition names none. */
const FACTS: Record<ConditionKind, FactKey> = {
  industry: 'industry',
  size: 'size',
  street: 'street',
  age: 'registeredOn',
  headcount: 'headcount',
  revenue: 'revenue',
  taxPaid: 'taxPaid',
  grade: 'grade',
  qualification: 'qualifications',
  notReceived: 'received',
};
/** Where a kind picked with chips keeps its list (its errors are shown under the chips). */
const CHIP_LISTS: Partial<Record<ConditionKind, string>> = { size: 'classes', street: 'streets', grade: 'grades', qualification: 'any' };

type Put = (c: Partial<ConditionDraft>) => void;

/** The inputs of one kind of condition. */
function KindInputs({ c, put, err, name }: { c: ConditionDraft; put: Put; err: (f: string) => string | undefined; name: string }) {
  const range = RANGE_UNITS[c.kind];
  if (range)
    return (
      <View className="pe-pair">
        <Field name={`${name}min`} label={range[0]} type="number" value={c.min} onInput={(v) => put({ min: v })} error={err('min')} maxlength={12} />
        <Field name={`${name}max`} label={range[1]} type="number" value={c.max} onInput={(v) => put({ max: v })} error={err('max')} maxlength={12} />
      </View>
    );
  switch (c.kind) {
    case 'industry':
      return (
        <Field
          name={`${name}codes`}
          label="行业代码（GB/T 4754，空格分隔）"
          value={c.codes}
          onInput={(v) => put({ codes: v })}
          error={err('codes')}
          placeholder="如：I65 M73"
          maxlength={200}
        />
      );
    case 'size':
      return <MultiChips label="企业规模" options={SIZES} value={c.classes} onChange={(v) => put({ classes: v })} />;
    case 'street':
      return <MultiChips label="所在街道" options={STREET_OPTIONS} value={c.streets} onChange={(v) => put({ streets: v })} />;
    case 'grade':
      return <MultiChips label="信用等级" options={GRADES} value={c.grades} onChange={(v) => put({ grades: v as FirmGrade[] })} />;
    case 'qualification':
      return <MultiChips label="企业资质（具备其一即可）" options={QUALS} value={c.any} onChange={(v) => put({ any: v })} />;
    default:
      return (
        <View className="pe-pair">
          <Field
            name={`${name}years`}
            label="近 N 年内（年）"
            type="number"
            value={c.withinYears}
            onInput={(v) => put({ withinYears: v })}
            error={err('withinYears')}
            maxlength={2}
          />
          <Field
            name={`${name}items`}
            label="同类条目编号（可不填，即本条目）"
            value={c.itemIds}
            onInput={(v) => put({ itemIds: v })}
            error={err('itemIds')}
            maxlength={300}
          />
        </View>
      );
  }
}

/**
 * 申请条件 of an item: add a row of any kind, fill it in, remove it; each shows back in words (describeCondition) as
 * the firm will read it. `errors` are the item's own, keyed from `conditions`.
 */
export function ConditionEditor({
  list,
  onChange,
  errors,
  prefix,
  title,
}: {
  list: ConditionDraft[];
  onChange: (l: ConditionDraft[]) => void;
  errors: Record<string, string>;
  /** the key of the item's conditions in the errors: items.0.conditions */
  prefix: string;
  title: string;
}) {
  const put = (i: number, c: Partial<ConditionDraft>) => onChange(list.map((x, j) => (j === i ? { ...x, ...c } : x)));
  return (
    <View className="pe-conditions" data-testid={`${prefix}`}>
      <View className="field-label">申请条件（{list.length}）</View>
      {list.length === 0 && <View className="muted">不设条件：本区所有企业均可享受。</View>}
      {list.map((c, i) => {
        const at = `${prefix}.${i}`;
        const ok = checkedCondition(c);
        const label = `条件 ${i + 1}：${KIND_NAMES[c.kind]}`;
        return (
          <View key={c.key} className="pe-condition" data-testid={`pe-cond-${at}`}>
            <View className="pe-row">
              <Text className="pe-strong">{label}</Text>
              <View className="pe-remove tap" role="button" aria-label={`删除${title}的${label}`} onClick={() => onChange(list.filter((_, j) => j !== i))}>
                删除
              </View>
            </View>
            <KindInputs c={c} put={(x) => put(i, x)} err={(f) => firstUnder(errors, `${at}.${f}`)} name={`c${c.key}`} />
            <ErrorLine error={errors[at] ?? (CHIP_LISTS[c.kind] ? firstUnder(errors, `${at}.${CHIP_LISTS[c.kind]}`) : undefined)} />
            <Field
              name={`c${c.key}evidence`}
              label="证明材料（可不填）"
              value={c.evidence}
              onInput={(v) => put(i, { evidence: v })}
              error={errors[`${at}.evidence`]}
              placeholder={`不填即“${FACT_EVIDENCE[FACTS[c.kind]]}”`}
              maxlength={30}
            />
            <View className={`pe-words ${ok ? '' : 'pe-words-empty'}`} data-testid={`pe-words-${at}`}>
              {ok ? describeCondition(ok) : '填写完整后，这里显示企业看到的条件'}
            </View>
          </View>
        );
      })}
      <ErrorLine error={errors[prefix]} />
      {list.length < 12 && (
        <View className="pe-add-kinds" role="group" aria-label={`给${title}添加条件`}>
          {CONDITION_KINDS.map(([k, n]) => (
            <View
              key={k}
              className="chip pe-add-kind"
              role="button"
              aria-label={`＋ ${n}`}
              data-testid={`pe-add-${prefix}-${k}`}
              onClick={() => onChange([...list, emptyCondition(k)])}
            >
              ＋ {n}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
