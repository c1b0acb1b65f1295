import { judgeItem, type Condition, type DeclaredFacts, type FirmFacts } from './conditions';
import { buildMatchIndex, candidateItems, factStats, matchFirm, type MatchableItem, type MatchTally } from './matcher';

/** A seeded generator (mulberry32): the same firms and items on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const some = <T>(xs: readonly T[], max: number): T[] => [...new Set(Array.from({ length: int(1, max) }, () => pick(xs)))];
  const chance = (p: number) => next() < p;
  return { next, int, pick, some, chance };
}
type Rng = ReturnType<typeof rng>;

const day = (t: Date) => t.toISOString().slice(0, 10);
const shift = (d: string, months: number, days: number) => {
  const [y, m, dd] = d.split('-').map(Number);
  return day(new Date(Date.UTC(y, m - 1 + months, dd + days)));
};

// small domains, so that conditions and facts meet often and on their boundaries
const CODES = ['I', 'I64', 'I65', 'I6510', 'I6520', 'I651', 'F', 'F52', 'F5211', 'H62', 'M', 'M73', 'L72', 'C'];
const FIRM_CODES = ['I6410', 'I6510', 'I6520', 'I6513', 'I65', 'I', 'F5211', 'F5212', 'F5110', 'H6210', 'M7310', 'L7212', 'C1310', 'K7010'];
const STREETS = ['beijing', 'renmin', 'liuhua', 'huale', 'dongshan'];
const SIZES = ['micro', 'small', 'medium', 'large'] as const;
const GRADES = ['A', 'B', 'C', 'D'] as const;
const QUALS = ['hnte', 'tech-sme', 'srdi', 'above-scale'] as const;
const YEARS = [0.5, 1, 1.5, 2, 3, 5];

function randomCondition(r: Rng, ids: string[]): Condition {
  switch (r.int(0, 9)) {
    case 0:
      return { kind: 'industry', codes: r.some(CODES, 3) };
    case 1:
      return { kind: 'size', classes: r.some(SIZES, 3) };
    case 2:
      return { kind: 'street', streets: r.some(STREETS, 3) };
    case 3:
      return r.chance(0.5)
        ? { kind: 'age', min: r.pick(YEARS) }
        : r.chance(0.5)
          ? { kind: 'age', max: r.pick(YEARS) }
          : { kind: 'age', min: 1, max: r.pick([2, 3, 5]) };
    case 4:
      return { kind: 'headcount', ...(r.chance(0.7) ? { min: r.int(0, 20) } : { max: r.int(5, 20) }) };
    case 5:
      return { kind: 'revenue', min: r.pick([100, 500, 1000]), ...(r.chance(0.3) ? { max: 2000 } : {}) };
    case 6:
      return { kind: 'taxPaid', max: r.pick([10, 50]) };
    case 7:
      return { kind: 'grade', grades: r.some(GRADES, 2) };
    case 8:
      return { kind: 'qualification', any: r.some(QUALS, 2) };
    default:
      return { kind: 'notReceived', itemIds: r.chance(0.5) ? [] : r.some(ids, 2), withinYears: r.int(1, 3) };
  }
}

function randomItems(r: Rng, n: number): MatchableItem[] {
  const ids = Array.from({ length: n }, (_, i) => `p${Math.floor(i / 3)}-${(i % 3) + 1}`);
  return ids.map((id, i) => ({
    id,
    policyId: id.split('-')[0],
    policyVersion: 1,
    mode: r.chance(0.2) ? 'auto' : 'apply',
    validFrom: shift('2026-03-01', r.int(-24, 6), 0),
    validTo: shift('2026-03-01', r.int(-3, 24), 0),
    // an item in ten has no condition at all; the rest 1–5
    conditions: i % 10 === 0 ? [] : Array.from({ length: r.int(1, 5) }, () => randomCondition(r, ids)),
    benefit:
      i % 2
        ? { type: 'subsidy', text: '一次性奖励', amountYuan: r.int(1, 100) * 1000 }
        : { type: 'subsidy', text: '按人数奖励', perUnit: { base: r.pick(['headcount', 'revenue', 'taxPaid'] as const), yuan: 100 }, capYuan: 50_000 },
  }));
}

function randomFirm(r: Rng, today: string, ids: string[]): FirmFacts & { declared?: DeclaredFacts } {
  const maybe = <T>(p: number, v: () => T) => (r.chance(p) ? v() : undefined);
  // registered near an anniversary of today (the day before, on it, after it), on month ends, or on 29 Feb
  const registeredOn = maybe(0.92, () =>
    r.chance(0.15)
      ? r.pick(['2020-02-29', '2024-02-29', '2023-08-31', '2025-08-31', '2024-12-31'])
      : shift(today, -r.pick([6, 12, 18, 24, 36, 60]), r.int(-2, 2)),
  );
  const firm: FirmFacts & { declared?: DeclaredFacts } = {
    registeredOn,
    industry: maybe(0.9, () => r.pick(FIRM_CODES)),
    size: maybe(0.9, () => r.pick(SIZES)),
    street: maybe(0.9, () => r.pick(STREETS)),
    headcount: maybe(0.8, () => r.int(0, 25)),
    revenue: maybe(0.7, () => r.pick([99, 100, 101, 499, 500, 1000, 2000, 2001])),
    taxPaid: maybe(0.7, () => r.pick([0, 10, 10.5, 50, 51])),
    grade: maybe(0.9, () => r.pick(GRADES)),
    qualifications: maybe(0.4, () => r.some(QUALS, 3)),
    received: maybe(0.4, () => Array.from({ length: r.int(1, 3) }, () => ({ itemId: r.pick(ids), on: shift(today, -12 * r.int(1, 3), r.int(-2, 2)) }))),
  };
  for (const k of Object.keys(firm) as (keyof typeof firm)[]) if (firm[k] === undefined) delete firm[k];
  if (r.chance(0.3))
    firm.declared = {
      ...(r.chance(0.5) ? { headcount: r.int(0, 25) } : {}),
      ...(r.chance(0.5) ? { revenue: r.pick([100, 1000, 2500]) } : {}),
      ...(r.chance(0.5) ? { taxPaid: r.pick([5, 60]) } : {}),
      ...(r.chance(0.5) ? { qualifications: r.some(QUALS, 2) } : {}),
    };
  return firm;
}

const isOpen = (i: MatchableItem, today: string) => i.validFrom <= today && today <= i.validTo;

/** The truth: every item judged. */
function bruteForce(
  items: readonly MatchableItem[],
  facts: FirmFacts,
  opts: { today: string; declared?: DeclaredFacts; useDeclared: boolean; openOnly?: boolean },
) {
  return items
    .filter((i) => !opts.openOnly || isOpen(i, opts.today))
    .map((item) => ({ item, judgement: judgeItem(item, facts, opts) }))
    .filter((m) => m.judgement.verdict !== 'ineligible');
}

describe('matchFirm against brute force (random firms and items, fixed seeds)', () => {
  it.each([
    [1, '2026-03-01'],
    [2, '2028-02-29'],
    [3, '2026-08-31'],
    [4, '2027-02-28'],
  ])('seed %i, today %s: the same judgements as judging every item, with or without a histogram', (seed, today) => {
    const r = rng(seed);
    const items = randomItems(r, 200);
    const ids = items.map((i) => i.id);
    const firms = Array.from({ length: 120 }, () => randomFirm(r, today, ids));
    const indexes = [buildMatchIndex(items), buildMatchIndex(items, factStats(firms)), buildMatchIndex(items, factStats(firms.slice(0, 10)))];
    let compared = 0;
    let found = 0;
    for (const firm of firms) {
      const { declared, ...facts } = firm;
      for (const opts of [
        { today, useDeclared: false },
        { today, useDeclared: true, declared },
        { today, useDeclared: false, declared, openOnly: true },
        { today, useDeclared: true, declared, openOnly: true },
      ]) {
        const truth = bruteForce(items, facts, opts);
        for (const index of indexes) {
          const got = matchFirm(index, facts, opts);
          // the same items and the same judgements (toEqual, slow on thousands of arrays, only to show a difference)
          if (got.length !== truth.length || got.some((m, k) => m.item !== truth[k].item || JSON.stringify(m.judgement) !== JSON.stringify(truth[k].judgement)))
            expect(got).toEqual(truth);
          compared++;
        }
        found += truth.length;
      }
      // candidates: never miss an item that is not ineligible
      const cands = new Set(candidateItems(indexes[1], facts, declared).map((i) => i.id));
      for (const m of bruteForce(items, facts, { today, useDeclared: true, declared })) expect(cands).toContain(m.item.id);
    }
    expect(compared).toBe(120 * 4 * 3);
    expect(found).toBeGreaterThan(1000); // the random data reaches items, not only 暂不符合
  });

  it('counts years as judgeItem does around every anniversary: month ends, 29 Feb, half years', () => {
    const items = YEARS.flatMap((y, n) => [item(`min-${n}`, [{ kind: 'age', min: y }]), item(`max-${n}`, [{ kind: 'age', max: y }])]);
    const index = buildMatchIndex(items);
    const registered = ['2023-08-31', '2024-02-29', '2024-01-31', '2024-03-31', '2025-08-30', '2025-08-31', '2025-12-31', '2023-02-28', '2024-02-28'];
    let compared = 0;
    for (const registeredOn of registered)
      for (const y of YEARS)
        for (let d = -3; d <= 3; d++) {
          const on = shift(registeredOn, Math.round(y * 12), d);
          const got = matchFirm(index, { registeredOn }, { today: on, useDeclared: false });
          expect(got.map((m) => m.item.id)).toEqual(bruteForce(items, { registeredOn }, { today: on, useDeclared: false }).map((m) => m.item.id));
          compared++;
        }
    expect(compared).toBe(9 * 6 * 7);
  });

  it('looks at the items filed under the firm’s values, not at all of them', () => {
    const sections = ['C', 'E', 'F', 'G', 'H', 'I', 'K', 'L', 'M', 'O'];
    const items = sections.flatMap((s) =>
      Array.from({ length: 20 }, (_, n): MatchableItem => ({
        id: `${s.toLowerCase()}-${n}`,
        policyId: s.toLowerCase(),
        policyVersion: 1,
        mode: 'auto',
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
        conditions: [
          { kind: 'revenue', min: n * 100 },
          { kind: 'industry', codes: [s] },
        ],
        benefit: { type: 'subsidy', text: '一次性奖励', amountYuan: 1000 },
      })),
    );
    const index = buildMatchIndex(items);
    const tally: MatchTally = { firms: 0, candidates: 0, judged: 0 };
    const got = matchFirm(index, { industry: 'I6510', revenue: 450 }, { today: '2026-03-01', useDeclared: false, tally });
    expect(got.map((m) => m.item.id)).toEqual(['i-0', 'i-1', 'i-2', 'i-3', 'i-4']);
    expect(tally).toEqual({ firms: 1, candidates: 20, judged: 5 });
  });
});

const item = (id: string, conditions: Condition[], more: Partial<MatchableItem> = {}): MatchableItem => ({
  id,
  policyId: id.split('-')[0],
  policyVersion: 1,
  mode: 'apply',
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  conditions,
  benefit: { type: 'subsidy', text: '一次性奖励', amountYuan: 10_000 },
  ...more,
});
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);
const today = '2026-06-01';

describe('candidateItems', () => {
  const items = [
    item('soft-1', [{ kind: 'industry', codes: ['I65'] }]),
    item('net-1', [{ kind: 'industry', codes: ['I64'] }]),
    item('info-1', [{ kind: 'industry', codes: ['I', 'I65'] }]),
    item('street-1', [{ kind: 'street', streets: ['beijing'] }]),
    item('small-1', [{ kind: 'size', classes: ['micro', 'small'] }]),
    item('grade-1', [{ kind: 'grade', grades: ['A'] }]),
    item('hnte-1', [{ kind: 'qualification', any: ['hnte', 'srdi'] }]),
    item('new-1', [{ kind: 'age', max: 1 }]),
    item('all-1', []),
  ];
  const index = buildMatchIndex(items);

  it('matches industry codes by prefix: I65 reaches I6510, not I6410', () => {
    const soft = ids(candidateItems(index, { industry: 'I6510', street: 'renmin', size: 'large', grade: 'B' }));
    expect(soft).toEqual(['soft-1', 'info-1', 'new-1', 'all-1']);
    const net = ids(candidateItems(index, { industry: 'I6410', street: 'renmin', size: 'large', grade: 'B' }));
    expect(net).toEqual(['net-1', 'info-1', 'new-1', 'all-1']);
  });
  it('gives a firm that lacks a fact every item filed under it (信息不足, not 暂不符合)', () => {
    expect(ids(candidateItems(index, { street: 'renmin', size: 'large', grade: 'B' }))).toEqual(['soft-1', 'net-1', 'info-1', 'new-1', 'all-1']);
    expect(ids(candidateItems(index, { industry: 'C1310' }))).toEqual(['street-1', 'small-1', 'grade-1', 'new-1', 'all-1']);
    for (const m of matchFirm(index, {}, { today, useDeclared: false })) expect(m.judgement.verdict).not.toBe('ineligible');
  });
  it('reaches a qualification item once, by the registry or by what the firm declared', () => {
    const f: FirmFacts = { industry: 'C1310', street: 'renmin', size: 'large', grade: 'B', qualifications: ['srdi', 'hnte'] };
    expect(ids(candidateItems(index, f))).toEqual(['hnte-1', 'new-1', 'all-1']);
    const g: FirmFacts = { ...f, qualifications: [] };
    expect(ids(candidateItems(index, g))).toEqual(['new-1', 'all-1']);
    expect(ids(candidateItems(index, g, { qualifications: ['hnte'] }))).toEqual(['hnte-1', 'new-1', 'all-1']);
    expect(matchFirm(index, g, { today, useDeclared: false, declared: { qualifications: ['hnte'] } }).map((m) => m.item.id)).not.toContain('hnte-1');
    const declared = matchFirm(index, g, { today, useDeclared: true, declared: { qualifications: ['hnte'] } }).find((m) => m.item.id === 'hnte-1');
    expect(declared?.judgement).toMatchObject({ verdict: 'eligible', conditions: [{ status: 'met', declared: true }] });
  });
});

describe('buildMatchIndex: the most selective condition', () => {
  const both = [
    item('x-1', [
      { kind: 'size', classes: ['micro'] },
      { kind: 'industry', codes: ['I6510'] },
    ]),
  ];
  const software = { industry: 'I6510', street: 'renmin', size: 'medium' as const, grade: 'B' as const };
  const shop = { industry: 'F5211', street: 'renmin', size: 'micro' as const, grade: 'B' as const };

  it('by default prefers a 4-digit industry class to a size class', () => {
    const index = buildMatchIndex(both);
    expect(ids(candidateItems(index, software))).toEqual(['x-1']);
    expect(ids(candidateItems(index, shop))).toEqual([]);
  });
  it('follows the histogram: in a district of software firms, few of them micro, the size is the narrower', () => {
    const firms = [...Array.from({ length: 90 }, () => software), ...Array.from({ length: 10 }, () => shop)];
    const stats = factStats(firms);
    expect(stats).toMatchObject({ firms: 100, industry: { I: 90, I65: 90, I651: 90, I6510: 90, F: 10 }, size: { medium: 90, micro: 10 } });
    const index = buildMatchIndex(both, stats);
    expect(ids(candidateItems(index, software))).toEqual([]);
    expect(ids(candidateItems(index, shop))).toEqual(['x-1']);
    // either way, the judgement is the same: the software firm is not micro, the shop is not in I6510
    for (const f of [software, shop]) expect(matchFirm(index, f, { today, useDeclared: false })).toEqual([]);
  });
  it('counts firms lacking the fact as reached (their verdict is 信息不足)', () => {
    // a street every firm lacks reaches all of them; the section letter reaches 10 of 100
    const firms = Array.from({ length: 100 }, (_, i) => ({ industry: i < 10 ? 'I6510' : 'F5211' }));
    const index = buildMatchIndex(
      [
        item('y-1', [
          { kind: 'street', streets: ['beijing'] },
          { kind: 'industry', codes: ['I'] },
        ]),
      ],
      factStats(firms),
    );
    expect(ids(candidateItems(index, { industry: 'F5211', street: 'beijing' }))).toEqual([]);
    expect(ids(candidateItems(index, { industry: 'I6510', street: 'renmin' }))).toEqual(['y-1']);
  });
});

describe('matchFirm', () => {
  const items = [
    item(
      'a-1',
      [
        { kind: 'industry', codes: ['I65'] },
        { kind: 'revenue', min: 1000 },
      ],
      { mode: 'auto' },
    ),
    item(
      'a-2',
      [
        { kind: 'industry', codes: ['I65'] },
        { kind: 'revenue', min: 1000 },
      ],
      { validFrom: '2026-07-01' },
    ),
    item('b-1', [
      { kind: 'industry', codes: ['I65'] },
      { kind: 'notReceived', itemIds: [], withinYears: 1 },
    ]),
  ];
  const index = buildMatchIndex(items);
  const firm: FirmFacts = { industry: 'I6510', revenue: 1200, received: [{ itemId: 'b-1', on: '2026-01-10' }] };

  it('keeps what is not 暂不符合, in the items’ order, judged as judgeItem does', () => {
    const got = matchFirm(index, firm, { today, useDeclared: false });
    expect(got.map((m) => [m.item.id, m.judgement.verdict])).toEqual([
      ['a-1', 'eligible'],
      ['a-2', 'eligible'],
    ]);
    expect(got[0].judgement).toEqual(judgeItem(items[0], firm, { today, useDeclared: false }));
  });
  it('with openOnly, only the items open on the day', () => {
    expect(matchFirm(index, firm, { today, useDeclared: false, openOnly: true }).map((m) => m.item.id)).toEqual(['a-1']);
    expect(matchFirm(index, firm, { today: '2026-07-01', useDeclared: false, openOnly: true }).map((m) => m.item.id)).toEqual(['a-1', 'a-2']);
  });
  it('counts declared revenue only when asked to', () => {
    const { revenue, ...noRevenue } = firm;
    expect(revenue).toBe(1200);
    const declared = { revenue: 800 };
    expect(matchFirm(index, noRevenue, { today, declared, useDeclared: false }).map((m) => m.judgement.verdict)).toEqual(['unknown', 'unknown']);
    expect(matchFirm(index, noRevenue, { today, declared, useDeclared: true })).toEqual([]);
  });
});
