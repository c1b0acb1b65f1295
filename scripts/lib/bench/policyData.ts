/**
 * Firms and policy items at the district's scale for the matcher's bench (148,000 firms graded for credit, 4,288
 * enterprise policies: docs/PRODUCT.md), seeded: the same data on every run and every machine. The firms are a prefix
 * sequence — the first 14,800 of 148,000 are the 14,800 of a 10 % run.
 *
 * Firms look like a central city district's: trade, hotels and restaurants, IT, business and technical services
 * first (GB/T 4754 sections F, H, I, L, M), mostly micro and small, headcount, revenue and tax skewed, a few per cent
 * with a recognised qualification, some facts missing (the registry's gaps), a few with facts they declared themselves.
 * Items: ~10 % 免申即享 (auto), conditions drawn like the seeded policies' (industry, size, age, revenue, tax, grade,
 * qualification, 未享受过), windows around `today` (most open, some closed or not yet open).
 */
import { creditCodeCheckChar } from '../../../shared/src/identity/idNumbers';
import { STREETS } from '../../../shared/src/places/streets';
import type { Condition, DeclaredFacts, FirmFacts, PolicyBenefit } from '../../../shared/src/policies/conditions';
import type { MatchableItem } from '../../../shared/src/policies/matcher';
import type { BenefitType, FirmGrade, SizeClass } from '../../../shared/src/policies/vocabulary';

export const DISTRICT = { firms: 148_000, items: 4_288 } as const;
export const BENCH_TODAY = '2026-06-30';

export interface BenchFirm extends FirmFacts {
  creditCode: string;
  /** what the firm added itself (企业自报): counts for 依申请 items only */
  declared?: DeclaredFacts;
}

/** mulberry32: small, fast, seeded. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const chance = (p: number) => next() < p;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  /** a value by weight */
  const weighted = <T extends string>(w: Readonly<Record<T, number>>): T => {
    const entries = Object.entries(w) as [T, number][];
    let x = next() * entries.reduce((s, [, v]) => s + v, 0);
    for (const [k, v] of entries) if ((x -= v) < 0) return k;
    return entries[entries.length - 1][0];
  };
  /** log-uniform between lo and hi: most values near lo, a long tail */
  const skewed = (lo: number, hi: number) => lo * Math.pow(hi / lo, next() ** 1.6);
  return { next, int, chance, pick, weighted, skewed };
}
type Rng = ReturnType<typeof seeded>;

/** GB/T 4754-2017 sections, weighted like a central district's registry (per mille), with their divisions (大类). */
const SECTIONS: Record<string, { weight: number; divisions: Record<string, number> }> = {
  F: { weight: 300, divisions: { '51': 45, '52': 55 } },
  L: { weight: 140, divisions: { '71': 15, '72': 85 } },
  M: { weight: 100, divisions: { '73': 15, '74': 35, '75': 50 } },
  I: { weight: 90, divisions: { '63': 10, '64': 25, '65': 65 } },
  H: { weight: 80, divisions: { '61': 20, '62': 80 } },
  O: { weight: 50, divisions: { '80': 40, '81': 30, '82': 30 } },
  K: { weight: 40, divisions: { '70': 1 } },
  R: { weight: 40, divisions: { '86': 20, '87': 15, '88': 30, '89': 20, '90': 15 } },
  E: { weight: 30, divisions: { '47': 30, '48': 30, '49': 25, '50': 15 } },
  G: { weight: 30, divisions: { '53': 5, '54': 40, '58': 30, '59': 15, '60': 10 } },
  C: { weight: 25, divisions: Object.fromEntries(Array.from({ length: 31 }, (_, i) => [String(13 + i), 1])) },
  J: { weight: 20, divisions: { '66': 20, '67': 30, '68': 20, '69': 30 } },
  P: { weight: 15, divisions: { '83': 1 } },
  Q: { weight: 12, divisions: { '84': 70, '85': 30 } },
  N: { weight: 8, divisions: { '76': 10, '77': 40, '78': 40, '79': 10 } },
  S: { weight: 6, divisions: { '91': 10, '92': 20, '93': 20, '94': 40, '95': 10 } },
  D: { weight: 2, divisions: { '44': 50, '45': 30, '46': 20 } },
  A: { weight: 1.5, divisions: { '01': 30, '05': 70 } },
  B: { weight: 0.5, divisions: { '10': 1 } },
};
const SECTION_WEIGHTS = Object.fromEntries(Object.entries(SECTIONS).map(([k, v]) => [k, v.weight]));
/** Groups and classes within a division: the first ones most used (F521x 综合零售 over F529x). */
const GROUP = { '1': 40, '2': 25, '3': 15, '4': 10, '5': 6, '9': 4 };
const CLASS = { '0': 40, '1': 25, '2': 15, '3': 10, '9': 10 };

/** A class (4 digits after the letter: F5211) drawn like the district's firms. */
function industryClass(r: Rng, sections: Record<string, number> = SECTION_WEIGHTS): string {
  const s = r.weighted(sections);
  return `${s}${r.weighted(SECTIONS[s].divisions)}${r.weighted(GROUP)}${r.weighted(CLASS)}`;
}

const STREET_WEIGHTS = Object.fromEntries(STREETS.map((s, i) => [s.id, [9, 5, 4, 6, 5, 6, 7, 6, 5, 6, 5, 5, 6, 6, 4, 4, 5, 4][i]]));
const SIZES: Record<SizeClass, number> = { micro: 740, small: 190, medium: 45, large: 10 };
const GRADES: Record<FirmGrade, number> = { A: 28, B: 52, C: 14, D: 4 };
/** headcount and revenue (万元) by size class */
const SCALE: Record<SizeClass, { heads: [number, number]; revenue: [number, number] }> = {
  micro: { heads: [1, 10], revenue: [5, 300] },
  small: { heads: [10, 100], revenue: [300, 2000] },
  medium: { heads: [100, 300], revenue: [2000, 20_000] },
  large: { heads: [300, 5000], revenue: [20_000, 400_000] },
};

const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const DAY_MS = 86_400_000;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** A unified social credit code of a 越秀 enterprise (91 440104 …), unique per position, with both check characters. */
function creditCode(i: number): string {
  const org8 = String((i * 7919 + 13_579) % 100_000_000).padStart(8, '0'); // 7919 is prime to 10^8: no two alike
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  const c9 = 11 - ([...org8].reduce((s, d, k) => s + Number(d) * w[k], 0) % 11);
  const first17 = `91440104${org8}${c9 === 10 ? 'X' : c9 === 11 ? '0' : c9}`;
  return first17 + creditCodeCheckChar(first17);
}

/**
 * `n` firms (seeded; the first k of n are the same for any n ≥ k). `itemIds`: the items some firms were paid before
 * (拨付到账 within the last three years), for the 未享受过 conditions.
 */
export function benchFirms(n: number, opts: { seed?: number; today?: string; itemIds?: readonly string[] } = {}): BenchFirm[] {
  const r = seeded(opts.seed ?? 17);
  const today = Date.parse(opts.today ?? BENCH_TODAY);
  const paidBefore = opts.itemIds ?? [];
  const firms: BenchFirm[] = [];
  for (let i = 0; i < n; i++) {
    const f: BenchFirm = { creditCode: creditCode(i) };
    const size = r.chance(0.985) ? r.weighted(SIZES) : undefined;
    const scale = SCALE[size ?? 'micro'];
    // many young firms, a long tail of old ones (up to 35 years)
    if (r.chance(0.995)) f.registeredOn = day(today - Math.floor(35 * 365 * r.next() ** 2.2 * DAY_MS) - DAY_MS);
    if (r.chance(0.97)) f.industry = industryClass(r);
    if (size) f.size = size;
    if (r.chance(0.98)) f.street = r.weighted(STREET_WEIGHTS);
    if (r.chance(0.94)) f.headcount = Math.floor(r.skewed(scale.heads[0], scale.heads[1]));
    if (r.chance(0.88)) f.revenue = round2(r.skewed(scale.revenue[0], scale.revenue[1]));
    if (r.chance(0.85)) f.taxPaid = r.chance(0.08) ? 0 : round2((f.revenue ?? r.skewed(scale.revenue[0], scale.revenue[1])) * (0.01 + 0.07 * r.next()));
    if (r.chance(0.98)) f.grade = r.weighted(GRADES);
    const tech = f.industry?.[0] === 'I' || f.industry?.[0] === 'M';
    const quals = [
      r.chance(size === 'medium' || size === 'large' ? 0.6 : size === 'small' ? 0.03 : 0) && 'above-scale',
      r.chance(tech ? 0.06 : 0.004) && 'hnte',
      r.chance(tech ? 0.08 : 0.006) && 'tech-sme',
      r.chance(0.006) && 'srdi',
      r.chance(0.0005) && 'srdi-giant',
      r.chance(f.industry?.[0] === 'F' || f.industry?.[0] === 'H' ? 0.004 : 0) && 'time-honored',
      r.chance(0.0015) && 'employment-base',
    ].filter((q): q is string => !!q);
    if (quals.length) f.qualifications = quals;
    if (paidBefore.length && r.chance(0.04))
      f.received = Array.from({ length: r.int(1, 3) }, () => ({ itemId: r.pick(paidBefore), on: day(today - r.int(30, 3 * 365) * DAY_MS) }));
    // 企业自报: a gap filled with an upload (not yet checked), or a qualification the registry does not hold yet
    if (r.chance(0.03)) {
      const d: DeclaredFacts = {};
      if (f.headcount === undefined) d.headcount = Math.floor(r.skewed(scale.heads[0], scale.heads[1]));
      if (f.revenue === undefined) d.revenue = round2(r.skewed(scale.revenue[0], scale.revenue[1]));
      if (f.taxPaid === undefined) d.taxPaid = round2(r.skewed(0.1, 100));
      if (r.chance(0.2)) d.qualifications = [r.pick(['hnte', 'tech-sme', 'srdi'])];
      if (Object.keys(d).length) f.declared = d;
    }
    firms.push(f);
  }
  return firms;
}

const BENEFIT_TYPES: Record<BenefitType, number> = { subsidy: 50, tax: 15, cost: 15, finance: 12, factor: 8 };
const SIZE_SETS: SizeClass[][] = [['micro', 'small'], ['micro', 'small', 'medium'], ['small', 'medium'], ['medium', 'large'], ['micro']];
const QUAL_WEIGHTS = { hnte: 35, 'tech-sme': 25, srdi: 20, 'srdi-giant': 5, 'above-scale': 10, 'time-honored': 3, 'employment-base': 2 };

/** The sections policies aim at: not in proportion to the firms — technology, finance, culture and manufacturing first. */
const POLICY_SECTIONS = { I: 20, M: 18, C: 10, J: 10, R: 10, F: 8, H: 6, L: 6, G: 4, K: 2, E: 2, O: 2, Q: 1, P: 1 };

/** An industry code a policy names: a section (10 %), a division (55 %) or a group or class (35 %). */
function policyIndustry(r: Rng): string {
  const c = industryClass(r, POLICY_SECTIONS);
  const level = r.next();
  return level < 0.1 ? c.slice(0, 1) : level < 0.65 ? c.slice(0, 3) : level < 0.8 ? c.slice(0, 4) : c;
}

/** What an item is aimed at: its first conditions; the rest drawn independently. */
const TARGETS = { sector: 67, qualification: 16, sme: 8, startup: 3, place: 6 };
/** 免申即享 items compare what the district holds best: recognition lists (认定名单), social insurance and tax data. */
const AUTO_TARGETS = { sector: 35, qualification: 40, sme: 20, startup: 2, place: 3 };

function conditions(r: Rng, auto: boolean): Condition[] {
  const cs: Condition[] = [];
  const industry = (): Condition => ({ kind: 'industry', codes: [...new Set(Array.from({ length: r.int(1, 3) }, () => policyIndustry(r)))] });
  const size = (): Condition => ({ kind: 'size', classes: r.pick(SIZE_SETS) });
  const target = r.weighted(auto ? AUTO_TARGETS : TARGETS);
  if (target === 'sector') cs.push(industry());
  if (target === 'qualification')
    cs.push({ kind: 'qualification', any: [...new Set([r.weighted(QUAL_WEIGHTS), ...(r.chance(0.3) ? [r.weighted(QUAL_WEIGHTS)] : [])])] });
  if (target === 'sme') cs.push(size(), { kind: 'headcount', min: r.pick([1, 5, 10, 20, 50]) });
  if (target === 'startup') cs.push({ kind: 'age', max: r.pick([1, 2, 3]) });
  if (target === 'place') cs.push({ kind: 'street', streets: [...new Set(Array.from({ length: r.int(1, 3) }, () => r.weighted(STREET_WEIGHTS)))] });
  if (target !== 'sector' && r.chance(0.3)) cs.push(industry());
  if (target !== 'sme' && r.chance(0.3)) cs.push(size());
  if (target !== 'startup' && r.chance(0.25)) cs.push({ kind: 'age', min: r.pick([1, 2, 3, 5]) });
  if (r.chance(0.35)) cs.push(r.chance(0.8) ? { kind: 'revenue', min: r.pick([100, 500, 1000, 2000, 5000]) } : { kind: 'revenue', max: r.pick([500, 2000]) });
  if (r.chance(0.25)) cs.push({ kind: 'taxPaid', min: r.pick([1, 10, 50, 100]) });
  if (r.chance(0.2)) cs.push({ kind: 'grade', grades: r.pick([['A'], ['A', 'B'], ['A', 'B', 'C']]) as FirmGrade[] });
  if (r.chance(0.35)) cs.push({ kind: 'notReceived', itemIds: [], withinYears: r.int(1, 3) });
  // 免申即享 needs something the district's data can compare besides 未享受过
  if (auto && !cs.some((c) => c.kind !== 'notReceived')) cs.unshift(size());
  return cs;
}

function benefit(r: Rng, auto: boolean): PolicyBenefit {
  const type = r.weighted(BENEFIT_TYPES);
  const how = r.next();
  if (how < 0.6 || (auto && how >= 0.85))
    return { type, text: '一次性奖励（按政策规定的金额）', amountYuan: r.pick([10_000, 20_000, 30_000, 50_000, 100_000, 200_000, 500_000]) };
  if (how < 0.85) {
    const base = r.pick(['headcount', 'revenue', 'taxPaid'] as const);
    return {
      type,
      text: '按基数计算，设封顶金额',
      perUnit: { base, yuan: base === 'headcount' ? r.pick([300, 500, 1000]) : r.pick([10, 50, 100]) },
      capYuan: r.pick([100_000, 500_000]),
    };
  }
  return { type, text: '按政策规定给予支持' };
}

/** `n` policy items (seeded) in policies of 1–8 items, ~10 % 免申即享. */
export function benchItems(n: number, opts: { seed?: number; today?: string } = {}): MatchableItem[] {
  const r = seeded(opts.seed ?? 4288);
  const today = Date.parse(opts.today ?? BENCH_TODAY);
  const items: MatchableItem[] = [];
  for (let p = 0; items.length < n; p++) {
    const policyId = `bench-${String(p).padStart(4, '0')}`;
    const policyVersion = r.chance(0.8) ? 1 : r.int(2, 4);
    // issued within the last three years (a few announced for next month); valid one to three years
    const issued = today - r.int(-30, 3 * 365) * DAY_MS;
    const count = Math.min(n - items.length, r.int(1, 8));
    for (let k = 1; k <= count; k++) {
      const auto = r.chance(0.1);
      items.push({
        id: `${policyId}-${k}`,
        policyId,
        policyVersion,
        mode: auto ? 'auto' : 'apply',
        validFrom: day(issued),
        validTo: day(issued + r.int(365, 3 * 365) * DAY_MS),
        conditions: conditions(r, auto),
        benefit: benefit(r, auto),
      });
    }
  }
  return items;
}
