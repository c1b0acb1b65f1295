import {
  businessDate,
  Condition,
  type BenefitType,
  type ConditionInput,
  type ConditionKind,
  type FirmGrade,
  type NewPolicy,
  type PolicyDetail,
  type PolicyItemInput,
  type PolicyMode,
  type PolicyTopicId,
  type Qualification,
  type SizeClass,
} from '@yx/shared';

/**
 * The policy editor's state: what the officer writes, as the inputs hold it (numbers as typed, so nothing typed is
 * lost on an error), and the request body made from it (checked by the shared schemas before it is sent).
 */

export type PerUnitBase = 'headcount' | 'revenue' | 'taxPaid';
/** a fixed amount, so much per unit of a base the district knows, or only in words (按租金的 20%…), capped or not */
export type AmountWay = 'fixed' | 'perUnit' | 'none';

export interface ConditionDraft {
  /** the row's own key on screen (never sent) */
  key: string;
  kind: ConditionKind;
  /** industry codes, as typed (I65 M73) */
  codes: string;
  classes: SizeClass[];
  streets: string[];
  grades: FirmGrade[];
  any: Qualification[];
  /** a range (成立年限, 职工人数, 营业收入, 纳税额) */
  min: string;
  max: string;
  /** 近 N 年未享受: N, and the other items counted (none: this item) */
  withinYears: string;
  itemIds: string;
  evidence: string;
}

export interface ItemDraft {
  key: string;
  /** kept across versions; none for a new item */
  id?: string;
  title: string;
  benefitType: BenefitType;
  benefitText: string;
  amountWay: AmountWay;
  amountYuan: string;
  perUnitBase: PerUnitBase;
  perUnitYuan: string;
  capYuan: string;
  validFrom: string;
  validTo: string;
  mode: PolicyMode;
  serviceItemId: string;
  conditions: ConditionDraft[];
}

export interface PolicyDraft {
  title: string;
  issuer: string;
  docNo: string;
  issuedOn: string;
  text: string;
  interpretation: string;
  topics: PolicyTopicId[];
  items: ItemDraft[];
  /** 修改说明 of a new version */
  note: string;
}

let seq = 0;
const newKey = () => `k${++seq}`;
const today = () => businessDate(new Date());

export const emptyCondition = (kind: ConditionKind): ConditionDraft => ({
  key: newKey(),
  kind,
  codes: '',
  classes: [],
  streets: [],
  grades: [],
  any: [],
  min: '',
  max: '',
  withinYears: kind === 'notReceived' ? '3' : '',
  itemIds: '',
  evidence: '',
});

export const emptyItem = (): ItemDraft => ({
  key: newKey(),
  title: '',
  benefitType: 'subsidy',
  benefitText: '',
  amountWay: 'fixed',
  amountYuan: '',
  perUnitBase: 'headcount',
  perUnitYuan: '',
  capYuan: '',
  validFrom: today(),
  validTo: `${today().slice(0, 4)}-12-31`,
  mode: 'apply',
  serviceItemId: '',
  conditions: [],
});

export const emptyDraft = (issuer = ''): PolicyDraft => ({
  title: '',
  issuer,
  docNo: '',
  issuedOn: today(),
  text: '',
  interpretation: '',
  topics: [],
  items: [emptyItem()],
  note: '',
});

const str = (n?: number) => (n === undefined ? '' : String(n));

function conditionDraftOf(c: Condition): ConditionDraft {
  const d = { ...emptyCondition(c.kind), evidence: c.evidence ?? '' };
  switch (c.kind) {
    case 'industry':
      return { ...d, codes: c.codes.join(' ') };
    case 'size':
      return { ...d, classes: c.classes };
    case 'street':
      return { ...d, streets: c.streets };
    case 'grade':
      return { ...d, grades: c.grades };
    case 'qualification':
      return { ...d, any: c.any };
    case 'notReceived':
      return { ...d, withinYears: String(c.withinYears), itemIds: c.itemIds.join(' ') };
    default:
      return { ...d, min: str(c.min), max: str(c.max) };
  }
}

/** The editor's state from the policy as it is now. */
export function draftOf(p: PolicyDetail): PolicyDraft {
  return {
    title: p.title,
    issuer: p.issuer,
    docNo: p.docNo,
    issuedOn: p.issuedOn,
    text: p.text,
    interpretation: p.interpretation,
    topics: p.topics as PolicyTopicId[],
    note: '',
    items: p.items.map((i) => ({
      key: newKey(),
      id: i.id,
      title: i.title,
      benefitType: i.benefit.type,
      benefitText: i.benefit.text,
      amountWay: i.benefit.perUnit ? 'perUnit' : i.benefit.amountYuan !== undefined ? 'fixed' : 'none',
      amountYuan: str(i.benefit.amountYuan),
      perUnitBase: i.benefit.perUnit?.base ?? 'headcount',
      perUnitYuan: str(i.benefit.perUnit?.yuan),
      capYuan: str(i.benefit.capYuan),
      validFrom: i.validFrom,
      validTo: i.validTo,
      mode: i.mode,
      serviceItemId: i.serviceItemId ?? '',
      conditions: i.conditions.map(conditionDraftOf),
    })),
  };
}

/** A number as typed: left out when empty; text that is no number goes as it is, for the schema to say 应为数字. */
const num = (s: string): number | undefined => {
  const t = s.trim().replace(/,/g, '');
  if (!t) return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : (t as unknown as number);
};
const words = (s: string) => s.split(/[\s,，、;；]+/).filter(Boolean);
const opt = <K extends string, V>(k: K, v: V | undefined) => (v === undefined || v === '' ? {} : ({ [k]: v } as Record<K, V>));

/** One condition as the API takes it. */
export function conditionOf(c: ConditionDraft): ConditionInput {
  const evidence = opt('evidence', c.evidence.trim());
  switch (c.kind) {
    case 'industry':
      return { kind: 'industry', codes: words(c.codes.toUpperCase()), ...evidence };
    case 'size':
      return { kind: 'size', classes: c.classes, ...evidence };
    case 'street':
      return { kind: 'street', streets: c.streets, ...evidence };
    case 'grade':
      return { kind: 'grade', grades: c.grades, ...evidence };
    case 'qualification':
      return { kind: 'qualification', any: c.any, ...evidence };
    case 'notReceived':
      return { kind: 'notReceived', itemIds: words(c.itemIds), withinYears: num(c.withinYears) as number, ...evidence };
    default:
      return { kind: c.kind, ...opt('min', num(c.min)), ...opt('max', num(c.max)), ...evidence };
  }
}

/** A condition checked alone, for its live preview: the words, or nothing until it is complete. */
export function checkedCondition(c: ConditionDraft): Condition | undefined {
  const r = Condition.safeParse(conditionOf(c));
  return r.success ? r.data : undefined;
}

function itemOf(i: ItemDraft): PolicyItemInput {
  const amount =
    i.amountWay === 'fixed'
      ? opt('amountYuan', num(i.amountYuan))
      : i.amountWay === 'perUnit'
        ? { perUnit: { base: i.perUnitBase, yuan: num(i.perUnitYuan) as number } }
        : {};
  return {
    ...(i.id ? { id: i.id } : {}),
    title: i.title.trim(),
    benefit: { type: i.benefitType, text: i.benefitText.trim(), ...amount, ...opt('capYuan', num(i.capYuan)) },
    conditions: i.conditions.map(conditionOf),
    validFrom: i.validFrom.trim(),
    validTo: i.validTo.trim(),
    mode: i.mode,
    ...(i.mode === 'apply' ? opt('serviceItemId', i.serviceItemId.trim()) : {}),
  };
}

/** The request body of a new policy (a new version adds expectedVersion and note). */
export function bodyOf(d: PolicyDraft): Omit<NewPolicy, 'id'> {
  return {
    title: d.title.trim(),
    issuer: d.issuer,
    docNo: d.docNo.trim(),
    issuedOn: d.issuedOn.trim(),
    text: d.text.trim(),
    interpretation: d.interpretation.trim(),
    topics: d.topics,
    items: d.items.map(itemOf),
  };
}
