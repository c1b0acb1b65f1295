import { addYears, judgeItem, type Condition, type DeclaredFacts, type FirmFacts, type ItemJudgement, type PolicyBenefit } from './conditions';

/**
 * Matching firms to policy items at the district's scale (148,000 firms × 4,288 items): the cost follows firms × the
 * items that may concern each firm, not firms × every item.
 *
 * - Every item is filed under its most selective indexable condition — industry codes (by prefix), street, size class,
 *   credit grade or qualification — estimated from a histogram of the firms (`factStats`) when given, else from
 *   defaults (a 4-digit industry class is narrower than a section letter). Conditions are all required, so a firm
 *   outside that condition's values is 暂不符合 for the item whatever else it has.
 * - A firm's candidates are the items filed under its own values, plus every item filed on a fact it lacks (those
 *   conditions are 信息不足 for it, not 暂不符合), plus the items with no indexable condition: never one it might get.
 * - `matchFirm` drops candidates another condition rules out with a check that builds no words, then judges the rest
 *   with `judgeItem` (the reasons the pages show). The check may only say "certainly unmet" when judgeCondition would:
 *   matcher.test.ts holds both to brute force (judgeItem over every item) on random firms and items.
 */

export interface MatchableItem {
  id: string;
  policyId: string;
  policyVersion: number;
  mode: 'auto' | 'apply';
  validFrom: string;
  validTo: string;
  conditions: Condition[];
  benefit: PolicyBenefit;
}

/**
 * How many firms have each value (counts). `industry` counts every prefix of a firm's code — section, division, group,
 * class (I, I65, I651, I6510) — so the firms an industry code reaches is one look-up; a firm with no code counts in
 * `firms` only (so in no section).
 */
export interface FactStats {
  firms: number;
  industry: Record<string, number>;
  street: Record<string, number>;
  size: Record<string, number>;
  grade: Record<string, number>;
  qualifications: Record<string, number>;
}

const bump = (r: Record<string, number>, k: string) => {
  r[k] = (r[k] ?? 0) + 1;
};

export function factStats(firms: Iterable<FirmFacts>): FactStats {
  const s: FactStats = { firms: 0, industry: {}, street: {}, size: {}, grade: {}, qualifications: {} };
  for (const f of firms) {
    s.firms++;
    if (f.industry) for (let n = 1; n <= f.industry.length; n++) bump(s.industry, f.industry.slice(0, n));
    if (f.street) bump(s.street, f.street);
    if (f.size) bump(s.size, f.size);
    if (f.grade) bump(s.grade, f.grade);
    for (const q of new Set(f.qualifications ?? [])) bump(s.qualifications, q);
  }
  return s;
}

// ---- the index ----

type Fact = 'industry' | 'street' | 'size' | 'grade' | 'qualification';
/** A condition a firm's facts cannot fail ("may be met") unless it certainly fails: false only when judgeCondition says unmet. */
type Check = (f: FirmFacts, p: Prepared) => boolean;

interface Buckets {
  byValue: Map<string, number[]>;
  /** every item filed under this fact: the candidates of a firm that lacks it */
  all: number[];
}

/** Opaque to callers: made by buildMatchIndex, read by candidateItems and matchFirm (one call at a time: it keeps scratch). */
export interface MatchIndex {
  readonly items: readonly MatchableItem[];
  /** per item, the checks of its conditions */
  readonly checks: readonly (readonly Check[])[];
  /** items with no indexable condition: everyone's candidates */
  readonly always: readonly number[];
  readonly buckets: Readonly<Record<Fact, Buckets>>;
  /** the lengths of the industry codes filed (a firm's code is looked up by its prefixes of these lengths) */
  readonly industryLengths: readonly number[];
  /** scratch: the last call that saw each item (an item filed under two of a firm's qualifications is a candidate once) */
  readonly seen: Uint32Array;
  epoch: number;
  /** scratch: which items are open on a day (a batch asks for the same day 148,000 times) */
  open?: { day: string; flags: Uint8Array };
}

/** Shares of firms with each value when no histogram is given: a district of mostly micro and small firms. */
const DEFAULT_SHARE = {
  industryByLength: [1, 0.1, 0.04, 0.02, 0.008, 0.004] as number[], // '' (all), section, -, division, group, class
  street: 1 / 18,
  size: { micro: 0.7, small: 0.2, medium: 0.06, large: 0.02 } as Record<string, number>,
  grade: { A: 0.3, B: 0.5, C: 0.15, D: 0.03 } as Record<string, number>,
  qualifications: {
    hnte: 0.01,
    'tech-sme': 0.02,
    srdi: 0.005,
    'srdi-giant': 0.0005,
    'above-scale': 0.03,
    'time-honored': 0.0005,
    'employment-base': 0.002,
  } as Record<string, number>,
  missing: 0.03,
};

/** Industry codes without the ones a shorter code of the same condition already covers (I65 under I): a firm's code then starts with at most one. */
function coveringCodes(codes: readonly string[]): string[] {
  const sorted = [...new Set(codes)].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const kept: string[] = [];
  for (const c of sorted) if (!kept.some((k) => c.startsWith(k))) kept.push(c);
  return kept;
}

/** The values a condition files its item under, or undefined when it cannot be indexed. */
function indexKeys(c: Condition): { fact: Fact; values: string[] } | undefined {
  switch (c.kind) {
    case 'industry': {
      const codes = coveringCodes(c.codes);
      return codes.includes('') ? undefined : { fact: 'industry', values: codes };
    }
    case 'street':
      return { fact: 'street', values: [...new Set(c.streets)] };
    case 'size':
      return { fact: 'size', values: [...new Set<string>(c.classes)] };
    case 'grade':
      return { fact: 'grade', values: [...new Set<string>(c.grades)] };
    case 'qualification':
      return { fact: 'qualification', values: [...new Set<string>(c.any)] };
    default:
      return undefined;
  }
}

/** The histogram with, per fact, how many firms lack it. */
interface Histogram {
  stats: FactStats;
  missing: Record<Exclude<Fact, 'qualification'>, number>;
}
function histogram(stats: FactStats | undefined): Histogram | undefined {
  if (!stats || stats.firms <= 0) return undefined;
  const total = (r: Record<string, number>, keep: (k: string) => boolean = () => true) => Object.entries(r).reduce((s, [k, x]) => s + (keep(k) ? x : 0), 0);
  const n = stats.firms;
  return {
    stats,
    // every firm with a code counts once in its section (the one-letter prefix)
    missing: {
      industry: n - total(stats.industry, (k) => k.length === 1),
      street: n - total(stats.street),
      size: n - total(stats.size),
      grade: n - total(stats.grade),
    },
  };
}

/** The share of firms for which the condition is not unmet (met, or unknown for lack of the fact). */
function passShare(fact: Fact, values: readonly string[], h: Histogram | undefined): number {
  const sum = (xs: readonly string[], share: (v: string) => number) => xs.reduce((s, v) => s + share(v), 0);
  if (h) {
    const { stats } = h;
    if (fact === 'qualification') return sum(values, (v) => stats.qualifications[v] ?? 0) / stats.firms; // none on record is unmet, not unknown
    const r = fact === 'industry' ? stats.industry : stats[fact];
    return (sum(values, (v) => r[v] ?? 0) + h.missing[fact]) / stats.firms;
  }
  const d = DEFAULT_SHARE;
  switch (fact) {
    case 'industry':
      return sum(values, (v) => d.industryByLength[Math.min(v.length, 5)]) + d.missing;
    case 'street':
      return values.length * d.street + d.missing;
    case 'size':
      return sum(values, (v) => d.size[v] ?? 0.01) + d.missing;
    case 'grade':
      return sum(values, (v) => d.grade[v] ?? 0.01) + d.missing;
    case 'qualification':
      return sum(values, (v) => d.qualifications[v] ?? 0.01);
  }
}

// ---- the check: conditions judged without words ----

interface Prepared {
  today: string;
  /** today as yyyymmdd, NaN when it is not a day */
  todayKey: number;
  /** the registration day, parsed once per firm (undefined: none or not a day: no age condition is ruled out) */
  reg?: { y: number; m: number; d: number };
  declared: DeclaredFacts;
  useDeclared: boolean;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
function parseDay(day: string | undefined): { y: number; m: number; d: number } | undefined {
  const m = day ? DAY.exec(day) : null;
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1000 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? { y, m: mo, d } : undefined;
}
const daysIn = (y: number, m0: number) => new Date(Date.UTC(y, m0 + 1, 0)).getUTCDate();
/** The key (yyyymmdd) of the day `months` after a day, past a month's end as Date.UTC (31 Aug + 6 months → 3 Mar): conditions.ts's anniversary. */
function keyAfterMonths(r: { y: number; m: number; d: number }, months: number): number {
  const total = r.m - 1 + months;
  let y = r.y + Math.floor(total / 12);
  let m0 = ((total % 12) + 12) % 12;
  let d = r.d;
  const len = daysIn(y, m0);
  if (d > len) {
    d -= len;
    m0 += 1;
    if (m0 === 12) [y, m0] = [y + 1, 0];
  }
  return y * 10_000 + (m0 + 1) * 100 + d;
}

function checkOf(c: Condition, itemId: string): Check {
  switch (c.kind) {
    case 'industry': {
      const codes = c.codes;
      return (f) => {
        const code = f.industry;
        if (!code) return true;
        for (let k = 0; k < codes.length; k++) if (code.startsWith(codes[k])) return true;
        return false;
      };
    }
    case 'size': {
      const classes: readonly string[] = c.classes;
      return (f) => !f.size || classes.includes(f.size);
    }
    case 'street': {
      const streets: readonly string[] = c.streets;
      return (f) => !f.street || streets.includes(f.street);
    }
    case 'grade': {
      const grades: readonly string[] = c.grades;
      return (f) => !f.grade || grades.includes(f.grade);
    }
    case 'age': {
      const min = c.min !== undefined ? Math.round(c.min * 12) : undefined;
      const max = c.max !== undefined ? Math.round(c.max * 12) : undefined;
      return (f, p) => {
        if (!f.registeredOn || !p.reg || Number.isNaN(p.todayKey)) return true;
        if (min !== undefined && keyAfterMonths(p.reg, min) > p.todayKey) return false;
        if (max !== undefined && keyAfterMonths(p.reg, max) <= p.todayKey) return false;
        return true;
      };
    }
    case 'headcount':
    case 'revenue':
    case 'taxPaid': {
      const { kind, min, max } = c;
      return (f, p) => {
        const v = f[kind] ?? (p.useDeclared ? p.declared[kind] : undefined);
        if (v === undefined) return true;
        return !((min !== undefined && v < min) || (max !== undefined && v > max));
      };
    }
    case 'qualification': {
      const any: readonly string[] = c.any;
      return (f, p) => {
        const reg = f.qualifications;
        if (reg && any.some((q) => reg.includes(q))) return true;
        const dec = p.useDeclared ? p.declared.qualifications : undefined;
        return !!dec && any.some((q) => dec.includes(q));
      };
    }
    case 'notReceived': {
      const ids = c.itemIds.length ? c.itemIds : [itemId];
      const within = c.withinYears;
      return (f, p) => !f.received?.length || !f.received.some((r) => ids.includes(r.itemId) && addYears(r.on, within) > p.today);
    }
  }
}

// ---- building and using it ----

const FACTS: readonly Fact[] = ['industry', 'street', 'size', 'grade', 'qualification'];

/** Files every item under its most selective indexable condition (the histogram of the firms to be matched, when given). */
export function buildMatchIndex(items: readonly MatchableItem[], stats?: FactStats): MatchIndex {
  const buckets = Object.fromEntries(FACTS.map((f) => [f, { byValue: new Map<string, number[]>(), all: [] as number[] }])) as Record<Fact, Buckets>;
  const always: number[] = [];
  const lengths = new Set<number>();
  const h = histogram(stats);
  const checks = items.map((item, i) => {
    let best: { fact: Fact; values: string[]; share: number; at: number } | undefined;
    item.conditions.forEach((c, at) => {
      const keys = indexKeys(c);
      if (!keys) return;
      const share = passShare(keys.fact, keys.values, h);
      if (!best || share < best.share) best = { ...keys, share, at };
    });
    if (!best) always.push(i);
    else {
      const b = buckets[best.fact];
      b.all.push(i);
      for (const v of best.values) {
        const list = b.byValue.get(v);
        if (list) list.push(i);
        else b.byValue.set(v, [i]);
        if (best.fact === 'industry') lengths.add(v.length);
      }
    }
    // the condition filed under needs no check: a candidate has one of its values, or lacks the fact (信息不足)
    return item.conditions.flatMap((c, at) => (at === best?.at ? [] : [checkOf(c, item.id)]));
  });
  return {
    items,
    checks,
    always,
    buckets,
    industryLengths: [...lengths].sort((a, b) => a - b),
    seen: new Uint32Array(items.length),
    epoch: 0,
  };
}

/** The lists of candidates' positions (no order; together, each candidate once). */
function candidateLists(index: MatchIndex, facts: FirmFacts, qualifications: readonly string[]): (readonly number[])[] {
  const { buckets: b } = index;
  const lists: (readonly number[])[] = [index.always];
  const add = (list: readonly number[] | undefined) => {
    if (list?.length) lists.push(list);
  };
  // industry: a firm's code reaches the items filed under its prefixes (an item's codes cover each other at most once)
  const code = facts.industry;
  if (!code) add(b.industry.all);
  else for (const n of index.industryLengths) if (n <= code.length) add(b.industry.byValue.get(code.slice(0, n)));
  add(facts.street ? b.street.byValue.get(facts.street) : b.street.all);
  add(facts.size ? b.size.byValue.get(facts.size) : b.size.all);
  add(facts.grade ? b.grade.byValue.get(facts.grade) : b.grade.all);
  // qualifications: an item filed under two of the firm's would come twice; keep it once
  if (qualifications.length === 1) add(b.qualification.byValue.get(qualifications[0]));
  else if (qualifications.length > 1) {
    const epoch = (index.epoch = (index.epoch + 1) >>> 0 || 1);
    const once: number[] = [];
    for (const q of qualifications)
      for (const i of b.qualification.byValue.get(q) ?? []) {
        if (index.seen[i] === epoch) continue;
        index.seen[i] = epoch;
        once.push(i);
      }
    add(once);
  }
  return lists;
}

const qualificationsOf = (facts: FirmFacts, declared: DeclaredFacts | undefined): string[] => {
  const reg = facts.qualifications ?? [];
  const dec = declared?.qualifications ?? [];
  return dec.length ? [...new Set([...reg, ...dec])] : reg.length > 1 ? [...new Set(reg)] : reg;
};

/**
 * A superset of the items whose verdict for these facts is not 'ineligible' (never misses one), in the items' order.
 * `declared`: what the firm declared, when it counts (依申请): its declared qualifications reach their items too.
 */
export function candidateItems(index: MatchIndex, facts: FirmFacts, declared?: DeclaredFacts): MatchableItem[] {
  return candidateLists(index, facts, qualificationsOf(facts, declared))
    .flat()
    .sort((a, b) => a - b)
    .map((i) => index.items[i]);
}

/** What a match looked at, added up over calls (the bench's figures). */
export interface MatchTally {
  firms: number;
  /** candidates from the index */
  candidates: number;
  /** candidates open on the day (all of them without openOnly) that the check did not rule out: judged with judgeItem */
  judged: number;
}

/** Candidates judged (judgeItem), keeping those not ineligible, in the items' order; optionally only items open on `today`. */
export function matchFirm(
  index: MatchIndex,
  facts: FirmFacts,
  opts: { today: string; declared?: DeclaredFacts; useDeclared: boolean; openOnly?: boolean; tally?: MatchTally },
): { item: MatchableItem; judgement: ItemJudgement }[] {
  const p: Prepared = {
    today: opts.today,
    todayKey: DAY.test(opts.today) ? Number(opts.today.replaceAll('-', '')) : NaN,
    reg: parseDay(facts.registeredOn),
    declared: opts.declared ?? {},
    useDeclared: opts.useDeclared,
  };
  const { items, checks } = index;
  const { today, openOnly } = opts;
  let open: Uint8Array | undefined;
  if (openOnly) {
    if (index.open?.day !== today)
      index.open = { day: today, flags: Uint8Array.from(items, (item) => (item.validFrom <= today && today <= item.validTo ? 1 : 0)) };
    open = index.open.flags;
  }
  const kept: number[] = [];
  let candidates = 0;
  for (const list of candidateLists(index, facts, qualificationsOf(facts, opts.useDeclared ? opts.declared : undefined))) {
    candidates += list.length;
    next: for (let k = 0; k < list.length; k++) {
      const i = list[k];
      if (open && !open[i]) continue;
      const cs = checks[i];
      for (let c = 0; c < cs.length; c++) if (!cs[c](facts, p)) continue next;
      kept.push(i);
    }
  }
  if (opts.tally) {
    opts.tally.firms++;
    opts.tally.candidates += candidates;
    opts.tally.judged += kept.length;
  }
  const judgeOpts = { today: opts.today, declared: opts.declared, useDeclared: opts.useDeclared };
  const out: { item: MatchableItem; judgement: ItemJudgement }[] = [];
  for (const i of kept.sort((a, b) => a - b)) {
    const judgement = judgeItem(items[i], facts, judgeOpts);
    if (judgement.verdict !== 'ineligible') out.push({ item: items[i], judgement });
  }
  return out;
}
