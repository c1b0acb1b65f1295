import * as z from 'zod';
import { lazy } from '../api/lazy';
import { STREETS, streetName } from '../places/streets';
import {
  BENEFIT_TYPES,
  CREDIT_GRADES,
  FACT_EVIDENCE,
  FACT_NAMES,
  QUALIFICATIONS,
  SIZE_CLASSES,
  industryName,
  type BenefitType,
  type FirmGrade,
  type FactKey,
  type SizeClass,
} from './vocabulary';

/**
 * 政策条目 conditions as data, and judging a firm against them condition by condition, with the reason and what the
 * firm could do (「上年度营业收入 1,200 万元 ≥ 1,000 万元」, 「成立满 3 年 — 还差 5 个月」, 「上年度纳税额数据缺失 — 上传上年度完税证明」).
 * Pure: the caller loads the firm's facts and the item.
 */

const keysOf = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
const INDUSTRY_CODE = /^[A-T](\d{2}(\d{1,2})?)?$/;
const StreetId = lazy(() => z.enum(STREETS.map((s) => s.id) as [string, ...string[]], { message: '不是越秀区的街道' }));
const bound = (what: string, max: number) =>
  z
    .number({ message: `${what}应为数字` })
    .finite({ message: `${what}应为数字` })
    .min(0, { message: `${what}不能小于 0` })
    .max(max, { message: `${what}不能超过 ${max}` });
const evidence = () => z.string().trim().min(2, { message: '证明材料至少 2 个字' }).max(30, { message: '证明材料不能超过 30 个字' }).optional();

/** A range condition: at least `min`, at most `max` (both inclusive), one of them given. */
const range = <K extends string>(kind: K, what: string, max: number) =>
  z
    .strictObject({ kind: z.literal(kind), min: bound(what, max).optional(), max: bound(what, max).optional(), evidence: evidence() })
    .refine((c) => c.min !== undefined || c.max !== undefined, { message: `${what}条件至少要有下限或上限`, path: ['min'] })
    .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, { message: `${what}下限不能大于上限`, path: ['max'] });

export const Condition = lazy(() =>
  z.union([
    z.strictObject({
      kind: z.literal('industry'),
      /** GB/T 4754 codes: a section letter (I), a division (I65) or a class (I6510); a firm matches a code its own starts with */
      codes: z
        .array(z.string().regex(INDUSTRY_CODE, { message: '行业代码应为 GB/T 4754 门类字母加 0、2、3 或 4 位数字，如 I65' }))
        .min(1, { message: '至少选择 1 个行业' })
        .max(30, { message: '行业最多 30 个' }),
      evidence: evidence(),
    }),
    z.strictObject({
      kind: z.literal('size'),
      classes: z
        .array(z.enum(keysOf(SIZE_CLASSES), { message: '企业规模应为微型、小型、中型或大型' }))
        .min(1, { message: '至少选择 1 种企业规模' })
        .max(4),
      evidence: evidence(),
    }),
    z.strictObject({
      kind: z.literal('street'),
      streets: z.array(StreetId).min(1, { message: '至少选择 1 个街道' }).max(18),
      evidence: evidence(),
    }),
    /** years since registration: at least `min` full years (满 N 年), fewer than `max` (新办企业: 成立不满 N 年) */
    range('age', '成立年限', 100),
    range('headcount', '职工人数', 1_000_000),
    /** 万元, last year */
    range('revenue', '营业收入', 100_000_000),
    /** 万元, last year */
    range('taxPaid', '纳税额', 10_000_000),
    z.strictObject({
      kind: z.literal('grade'),
      grades: z
        .array(z.enum(CREDIT_GRADES, { message: '信用等级应为 A、B、C 或 D' }))
        .min(1, { message: '至少选择 1 个信用等级' })
        .max(4),
      evidence: evidence(),
    }),
    z.strictObject({
      kind: z.literal('qualification'),
      /** any one of them */
      any: z
        .array(z.enum(keysOf(QUALIFICATIONS), { message: '不是可选的企业资质' }))
        .min(1, { message: '至少选择 1 项资质' })
        .max(7),
      evidence: evidence(),
    }),
    /** 未享受过: none of these items (the item itself when empty) paid to the firm within the last `withinYears` years */
    z.strictObject({
      kind: z.literal('notReceived'),
      itemIds: z
        .array(z.string().regex(/^[a-z0-9-]{2,70}$/, { message: '政策条目编号不正确' }))
        .max(10)
        .default([]),
      withinYears: z.number().int({ message: '年限应为整数' }).min(1, { message: '年限至少 1 年' }).max(10, { message: '年限最多 10 年' }),
      evidence: evidence(),
    }),
  ]),
);
export type Condition = z.output<typeof Condition>;
export type ConditionInput = z.input<typeof Condition>;
export type ConditionKind = Condition['kind'];

/** The benefit: a fixed amount, or so much per unit of headcount / revenue / tax (万元), capped. */
export const PolicyBenefit = lazy(() =>
  z
    .strictObject({
      type: z.enum(keysOf(BENEFIT_TYPES), { message: '扶持类型应为资金奖补、税收优惠、降本增效、金融支持或要素保障' }),
      /** what the firm gets, in words (「按上年度纳税额的 5% 奖励，最高 50 万元」) */
      text: z.string().trim().min(4, { message: '扶持内容至少 4 个字' }).max(80, { message: '扶持内容不能超过 80 个字' }),
      amountYuan: z.number().int({ message: '金额应为整数（元）' }).min(1, { message: '金额至少 1 元' }).max(100_000_000).optional(),
      perUnit: z
        .strictObject({
          base: z.enum(['headcount', 'revenue', 'taxPaid'], { message: '计算基数应为职工人数、营业收入或纳税额' }),
          /** 元 per person, or per 万元 of revenue / tax */
          yuan: z.number().finite().min(0.01, { message: '单位金额至少 0.01 元' }).max(1_000_000),
        })
        .optional(),
      capYuan: z.number().int({ message: '封顶金额应为整数（元）' }).min(1).max(100_000_000).optional(),
    })
    .refine((b) => !(b.amountYuan && b.perUnit), { message: '固定金额与按基数计算只能选一种', path: ['perUnit'] }),
);
export type PolicyBenefit = z.output<typeof PolicyBenefit>;

/** What the district knows of a firm, and what the firm added itself (企业自报, proven by an upload, not yet checked). */
export interface FirmFacts {
  registeredOn?: string;
  industry?: string;
  size?: SizeClass;
  street?: string;
  headcount?: number;
  revenue?: number;
  taxPaid?: number;
  grade?: FirmGrade;
  qualifications?: string[];
  /** policy items paid to the firm (拨付到账), with the day */
  received?: { itemId: string; on: string }[];
}
export interface DeclaredFacts {
  headcount?: number;
  revenue?: number;
  taxPaid?: number;
  qualifications?: string[];
}

export type ConditionStatus = 'met' | 'unmet' | 'unknown';
export interface ConditionResult {
  kind: ConditionKind;
  status: ConditionStatus;
  /** the reason, in words (「上年度营业收入 1,200 万元 ≥ 1,000 万元」) */
  text: string;
  /** what the firm could do (「还差 5 个月（2027-05-01 起满 3 年）」, 「上传上年度完税证明」) */
  hint?: string;
  /** met only by what the firm declared: the department checks the upload */
  declared?: boolean;
  /** the fact it needs, when missing: which one the firm may add */
  fact?: FactKey;
}

export type Verdict = 'eligible' | 'ineligible' | 'unknown';
export const VERDICT_NAMES: Record<Verdict, string> = { eligible: '符合条件', ineligible: '暂不符合', unknown: '信息不足' };

// one formatter, made once: toLocaleString builds a new one per call (~20 µs each, most of judging an item)
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
/** 1,234.5: whole numbers grouped by hand (the formatter's own output, in a tenth of the time: a match judges thousands) */
function num(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || Object.is(n, -0)) return NUMBER.format(n);
  const s = String(n);
  let out = s.slice(0, s.length % 3 || 3);
  for (let i = out.length; i < s.length; i += 3) out += `,${s.slice(i, i + 3)}`;
  return out;
}
const UNITS = { headcount: '人', revenue: '万元', taxPaid: '万元' } as const;
export const yuan = (n: number) => (n >= 10_000 && n % 100 === 0 ? `${num(n / 10_000)} 万元` : `${num(n)} 元`);

/** The day `years` after a 'YYYY-MM-DD' day (29 Feb → 1 Mar). */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const t = new Date(Date.UTC(y + years, m - 1, d));
  return t.toISOString().slice(0, 10);
}
/** The day `years` after a day, in whole months (满 0.5 年 is 6 months); past a month's end as addYears (31 Aug + 6 months → 3 Mar). */
function addYearsInMonths(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + Math.round(years * 12), d)).toISOString().slice(0, 10);
}
/** Whole months from `from` until `to` (rounded up: 「还差 5 个月」 means it is met within 5 months). */
export function monthsUntil(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  let months = (ty - fy) * 12 + (tm - fm);
  if (td > fd) months += 1;
  return Math.max(1, months);
}

function missing(kind: ConditionKind, fact: FactKey, c: { evidence?: string }, canDeclare: boolean): ConditionResult {
  const proof = c.evidence ?? FACT_EVIDENCE[fact];
  return { kind, status: 'unknown', text: `${FACT_NAMES[fact]}数据缺失`, hint: canDeclare ? `上传${proof}` : `请联系主管部门核实${FACT_NAMES[fact]}`, fact };
}

function judgeRange(
  c: { kind: 'headcount' | 'revenue' | 'taxPaid'; min?: number; max?: number; evidence?: string },
  registry: number | undefined,
  declared: number | undefined,
  useDeclared: boolean,
): ConditionResult {
  const v = registry ?? (useDeclared ? declared : undefined);
  if (v === undefined) return missing(c.kind, c.kind, c, true);
  const unit = UNITS[c.kind];
  const name = FACT_NAMES[c.kind];
  const low = c.min !== undefined && v < c.min;
  const high = c.max !== undefined && v > c.max;
  const isDeclared = registry === undefined;
  const tail = isDeclared ? '（企业自报，待核验）' : '';
  const within = () => [c.min !== undefined ? `≥ ${num(c.min)} ${unit}` : '', c.max !== undefined ? `≤ ${num(c.max)} ${unit}` : ''].filter(Boolean).join('，');
  const rel = low ? `< ${num(c.min!)} ${unit}` : high ? `> ${num(c.max!)} ${unit}` : within();
  const text = `${name} ${num(v)} ${unit} ${rel}${tail}`;
  if (low) return { kind: c.kind, status: 'unmet', text, hint: `还差 ${num(c.min! - v)} ${unit}` };
  if (high) return { kind: c.kind, status: 'unmet', text, hint: `超出上限 ${num(v - c.max!)} ${unit}` };
  return { kind: c.kind, status: 'met', text, ...(isDeclared ? { declared: true } : {}) };
}

/** One condition against the firm's facts, on `today`. `useDeclared`: count what the firm declared (not for 免申即享). */
export function judgeCondition(
  c: Condition,
  facts: FirmFacts,
  opts: { today: string; itemId: string; declared?: DeclaredFacts; useDeclared: boolean },
): ConditionResult {
  const dec = opts.declared ?? {};
  switch (c.kind) {
    case 'industry': {
      const names = [...new Set(c.codes.map(industryName))].join('、');
      if (!facts.industry) return missing('industry', 'industry', c, false);
      const ok = c.codes.some((code) => facts.industry!.startsWith(code));
      return {
        kind: 'industry',
        status: ok ? 'met' : 'unmet',
        text: `所属行业 ${industryName(facts.industry)}（${facts.industry}）${ok ? '属于' : '不属于'} ${names}`,
      };
    }
    case 'size': {
      const names = c.classes.map((s) => SIZE_CLASSES[s]).join('、');
      if (!facts.size) return missing('size', 'size', c, false);
      const ok = c.classes.includes(facts.size);
      return { kind: 'size', status: ok ? 'met' : 'unmet', text: `企业规模 ${SIZE_CLASSES[facts.size]}${ok ? '，属于' : '，不属于'} ${names}企业` };
    }
    case 'street': {
      if (!facts.street) return missing('street', 'street', c, false);
      const ok = c.streets.includes(facts.street);
      const names = c.streets.length > 3 ? `${c.streets.length} 个街道` : c.streets.map((s) => streetName(s) ?? s).join('、');
      return {
        kind: 'street',
        status: ok ? 'met' : 'unmet',
        text: `所在街道 ${streetName(facts.street) ?? facts.street}${ok ? '，在' : '，不在'} ${names}范围内`,
      };
    }
    case 'age': {
      if (!facts.registeredOn) return missing('age', 'registeredOn', c, false);
      if (c.min !== undefined) {
        const since = addYearsInMonths(facts.registeredOn, c.min);
        if (since > opts.today) {
          return {
            kind: 'age',
            status: 'unmet',
            text: `成立满 ${num(c.min)} 年（成立于 ${facts.registeredOn}）`,
            hint: `还差 ${monthsUntil(opts.today, since)} 个月（${since} 起满 ${num(c.min)} 年）`,
          };
        }
      }
      if (c.max !== undefined) {
        const until = addYearsInMonths(facts.registeredOn, c.max);
        if (until <= opts.today)
          return { kind: 'age', status: 'unmet', text: `成立不满 ${num(c.max)} 年（成立于 ${facts.registeredOn}，已满 ${num(c.max)} 年）` };
      }
      const want = [c.min !== undefined ? `满 ${num(c.min)} 年` : '', c.max !== undefined ? `不满 ${num(c.max)} 年` : ''].filter(Boolean).join('、');
      return { kind: 'age', status: 'met', text: `成立于 ${facts.registeredOn}，${want}` };
    }
    case 'headcount':
    case 'revenue':
    case 'taxPaid':
      return judgeRange(c, facts[c.kind], dec[c.kind], opts.useDeclared);
    case 'grade': {
      const want = c.grades.join('、');
      if (!facts.grade) return missing('grade', 'grade', c, false);
      const ok = c.grades.includes(facts.grade);
      return {
        kind: 'grade',
        status: ok ? 'met' : 'unmet',
        text: `信用等级 ${facts.grade} 级${ok ? '，属于' : '，不属于'} ${want} 级`,
        ...(ok ? {} : { hint: '完成信用修复、等级提升后可再查看' }),
      };
    }
    case 'qualification': {
      const names = c.any.map((q) => QUALIFICATIONS[q]).join('或');
      const reg = facts.qualifications ?? [];
      const hit = c.any.find((q) => reg.includes(q));
      if (hit) return { kind: 'qualification', status: 'met', text: `已认定为${QUALIFICATIONS[hit]}` };
      const claimed = opts.useDeclared ? c.any.find((q) => dec.qualifications?.includes(q)) : undefined;
      if (claimed) return { kind: 'qualification', status: 'met', text: `${QUALIFICATIONS[claimed]}（企业自报，待核验）`, declared: true };
      return {
        kind: 'qualification',
        status: 'unmet',
        text: `未认定为${names}`,
        hint: `已取得认定的，上传${c.evidence ?? FACT_EVIDENCE.qualifications}`,
        fact: 'qualifications',
      };
    }
    case 'notReceived': {
      const ids = c.itemIds.length ? c.itemIds : [opts.itemId];
      // within the window while it may not be had again yet: the same day as the hint's (29 Feb → 1 Mar)
      const got = (facts.received ?? [])
        .filter((r) => ids.includes(r.itemId) && addYears(r.on, c.withinYears) > opts.today)
        .sort((a, b) => (a.on < b.on ? 1 : -1))[0];
      if (!got) return { kind: 'notReceived', status: 'met', text: `近 ${c.withinYears} 年未享受过同类政策` };
      const again = addYears(got.on, c.withinYears);
      return { kind: 'notReceived', status: 'unmet', text: `${got.on} 已享受过同类政策（${c.withinYears} 年内限一次）`, hint: `${again} 起可再申请` };
    }
  }
}

export interface ItemJudgement {
  verdict: Verdict;
  conditions: ConditionResult[];
  /** what the firm would get, when the benefit can be worked out from its facts */
  amountYuan?: number;
}

/** The verdict: any condition unmet → 暂不符合; else any unknown → 信息不足; else 符合条件. */
export function verdictOf(results: readonly ConditionResult[]): Verdict {
  if (results.some((r) => r.status === 'unmet')) return 'ineligible';
  if (results.some((r) => r.status === 'unknown')) return 'unknown';
  return 'eligible';
}

/** The amount for this firm (元), capped; undefined when the benefit is not money or the base is missing. */
export function benefitAmount(b: PolicyBenefit, facts: FirmFacts, declared?: DeclaredFacts): number | undefined {
  let amount: number | undefined = b.amountYuan;
  if (b.perUnit) {
    const base = facts[b.perUnit.base] ?? declared?.[b.perUnit.base];
    if (base === undefined) return undefined;
    amount = Math.round(base * b.perUnit.yuan);
  }
  if (amount === undefined) return undefined;
  return b.capYuan !== undefined ? Math.min(amount, b.capYuan) : amount;
}

/** The whole item: every condition with its reason, the verdict, and the amount. */
export function judgeItem(
  item: { id: string; conditions: readonly Condition[]; benefit: PolicyBenefit },
  facts: FirmFacts,
  opts: { today: string; declared?: DeclaredFacts; useDeclared: boolean },
): ItemJudgement {
  const each = { ...opts, itemId: item.id };
  const conditions = item.conditions.map((c) => judgeCondition(c, facts, each));
  const verdict = verdictOf(conditions);
  const amountYuan = verdict === 'ineligible' ? undefined : benefitAmount(item.benefit, facts, opts.useDeclared ? opts.declared : undefined);
  const judgement: ItemJudgement = { verdict, conditions };
  if (amountYuan !== undefined) judgement.amountYuan = amountYuan;
  return judgement;
}

/** A condition in words, for the policy page (「上年度营业收入 ≥ 1,000 万元」). */
export function describeCondition(c: Condition): string {
  const r = (min?: number, max?: number, unit = '') =>
    [min !== undefined ? `≥ ${num(min)} ${unit}`.trim() : '', max !== undefined ? `≤ ${num(max)} ${unit}`.trim() : ''].filter(Boolean).join('，');
  switch (c.kind) {
    case 'industry':
      return `所属行业：${[...new Set(c.codes.map(industryName))].join('、')}`;
    case 'size':
      return `企业规模：${c.classes.map((s) => SIZE_CLASSES[s]).join('、')}`;
    case 'street':
      return `所在街道：${c.streets.map((s) => streetName(s) ?? s).join('、')}`;
    case 'age':
      return `成立年限：${[c.min !== undefined ? `满 ${num(c.min)} 年` : '', c.max !== undefined ? `不满 ${num(c.max)} 年` : ''].filter(Boolean).join('、')}`;
    case 'headcount':
      return `${FACT_NAMES.headcount} ${r(c.min, c.max, '人')}`;
    case 'revenue':
      return `${FACT_NAMES.revenue} ${r(c.min, c.max, '万元')}`;
    case 'taxPaid':
      return `${FACT_NAMES.taxPaid} ${r(c.min, c.max, '万元')}`;
    case 'grade':
      return `信用等级：${c.grades.join('、')} 级`;
    case 'qualification':
      return `企业资质：${c.any.map((q) => QUALIFICATIONS[q]).join('或')}`;
    case 'notReceived':
      return `近 ${c.withinYears} 年未享受过${c.itemIds.length ? '同类政策' : '本政策'}`;
  }
}

export const benefitTypeName = (t: BenefitType) => BENEFIT_TYPES[t];
