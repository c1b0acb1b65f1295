import {
  addYears,
  benefitAmount,
  describeCondition,
  judgeCondition,
  judgeItem,
  monthsUntil,
  type Condition,
  type FirmFacts,
  type PolicyBenefit,
} from './conditions';

const ON = (today: string, more: Partial<{ useDeclared: boolean; declared: object; itemId: string }> = {}) => ({
  today,
  itemId: 'p-1',
  useDeclared: false,
  ...more,
});
const judge = (c: Condition, facts: FirmFacts, today = '2026-06-01', more = {}) => judgeCondition(c, facts, ON(today, more));
const money = (amountYuan?: number, more: Partial<PolicyBenefit> = {}): PolicyBenefit => ({ type: 'subsidy', text: '一次性奖励', amountYuan, ...more });

describe('addYears', () => {
  it.each([
    ['2023-05-01', 3, '2026-05-01'],
    ['2026-12-31', 1, '2027-12-31'],
    ['2024-02-29', 1, '2025-03-01'], // no 29 Feb in 2025: the day after 28 Feb
    ['2024-02-29', 4, '2028-02-29'],
    ['2024-02-29', -1, '2023-03-01'],
    ['2026-06-01', -3, '2023-06-01'],
    ['2026-06-01', 0, '2026-06-01'],
  ])('%s + %i years = %s', (day, years, out) => expect(addYears(day, years)).toBe(out));
});

describe('monthsUntil', () => {
  it.each([
    ['2026-04-30', '2026-05-01', 1], // the day before
    ['2026-05-01', '2026-05-01', 1], // never less than 1
    ['2025-12-15', '2026-05-01', 5], // 4 months 17 days
    ['2025-12-01', '2026-05-01', 5], // exactly 5
    ['2025-12-01', '2026-05-02', 6], // a day over 5 rounds up
    ['2026-01-31', '2026-03-01', 2], // 1 month 1 day
    ['2026-02-28', '2026-03-31', 2],
    ['2025-03-01', '2028-03-01', 36],
  ])('from %s to %s: %i', (from, to, n) => expect(monthsUntil(from, to)).toBe(n));
});

describe('judgeCondition: ranges (headcount, revenue, tax)', () => {
  const revenue: Condition = { kind: 'revenue', min: 1000, max: 5000 };
  it('counts the minimum itself as met', () => {
    expect(judge(revenue, { revenue: 1000 })).toEqual({ kind: 'revenue', status: 'met', text: '上年度营业收入 1,000 万元 ≥ 1,000 万元，≤ 5,000 万元' });
  });
  it('one below the minimum is unmet, with what is missing', () => {
    expect(judge(revenue, { revenue: 999 })).toEqual({ kind: 'revenue', status: 'unmet', text: '上年度营业收入 999 万元 < 1,000 万元', hint: '还差 1 万元' });
    expect(judge({ kind: 'headcount', min: 10 }, { headcount: 7 })).toMatchObject({ status: 'unmet', hint: '还差 3 人' });
    expect(judge({ kind: 'taxPaid', min: 1 }, { taxPaid: 0.9 })).toMatchObject({ status: 'unmet', hint: '还差 0.1 万元' });
  });
  it('counts the maximum itself as met, one over as unmet', () => {
    expect(judge(revenue, { revenue: 5000 }).status).toBe('met');
    expect(judge(revenue, { revenue: 5001 })).toEqual({
      kind: 'revenue',
      status: 'unmet',
      text: '上年度营业收入 5,001 万元 > 5,000 万元',
      hint: '超出上限 1 万元',
    });
    expect(judge({ kind: 'headcount', max: 100 }, { headcount: 100 })).toMatchObject({ status: 'met', text: '参保职工人数 100 人 ≤ 100 人' });
  });
  it('zero is a value, not a missing one', () => {
    expect(judge({ kind: 'taxPaid', max: 10 }, { taxPaid: 0 }).status).toBe('met');
    expect(judge({ kind: 'taxPaid', min: 0 }, { taxPaid: 0 }).status).toBe('met');
  });
  it('missing data is unknown, with the upload that would prove it', () => {
    expect(judge(revenue, {})).toEqual({ kind: 'revenue', status: 'unknown', text: '上年度营业收入数据缺失', hint: '上传上年度财务报表', fact: 'revenue' });
    expect(judge({ kind: 'headcount', min: 10 }, {})).toMatchObject({ status: 'unknown', hint: '上传社保参保缴费证明', fact: 'headcount' });
    expect(judge({ kind: 'taxPaid', min: 10, evidence: '税务局完税证明' }, {})).toMatchObject({
      status: 'unknown',
      hint: '上传税务局完税证明',
      fact: 'taxPaid',
    });
  });
  it('counts what the firm declared only when asked to, and marks it', () => {
    const declared = { revenue: 1200 };
    expect(judge(revenue, {}, '2026-06-01', { declared, useDeclared: false }).status).toBe('unknown');
    expect(judge(revenue, {}, '2026-06-01', { declared, useDeclared: true })).toEqual({
      kind: 'revenue',
      status: 'met',
      text: '上年度营业收入 1,200 万元 ≥ 1,000 万元，≤ 5,000 万元（企业自报，待核验）',
      declared: true,
    });
    const low = judge(revenue, {}, '2026-06-01', { declared: { revenue: 800 }, useDeclared: true });
    expect(low).toMatchObject({ status: 'unmet', hint: '还差 200 万元' });
    expect(low.text).toContain('（企业自报，待核验）');
    expect(low.declared).toBeUndefined();
  });
  it('prefers the district’s record to what the firm declared', () => {
    const r = judge(revenue, { revenue: 900 }, '2026-06-01', { declared: { revenue: 1200 }, useDeclared: true });
    expect(r).toMatchObject({ status: 'unmet', text: '上年度营业收入 900 万元 < 1,000 万元' });
    expect(r.declared).toBeUndefined();
    expect(judge(revenue, { revenue: 1100 }, '2026-06-01', { declared: { revenue: 1 }, useDeclared: true })).not.toHaveProperty('declared');
  });
});

describe('judgeCondition: years since registration', () => {
  const three: Condition = { kind: 'age', min: 3 };
  it('满 3 年 is met on the third anniversary', () => {
    expect(judge(three, { registeredOn: '2023-05-01' }, '2026-05-01')).toEqual({ kind: 'age', status: 'met', text: '成立于 2023-05-01，满 3 年' });
  });
  it('the day before, it is a month away', () => {
    expect(judge(three, { registeredOn: '2023-05-01' }, '2026-04-30')).toEqual({
      kind: 'age',
      status: 'unmet',
      text: '成立满 3 年（成立于 2023-05-01）',
      hint: '还差 1 个月（2026-05-01 起满 3 年）',
    });
    expect(judge(three, { registeredOn: '2023-05-01' }, '2025-12-15').hint).toBe('还差 5 个月（2026-05-01 起满 3 年）');
  });
  it('a firm registered on 29 Feb has its anniversary on 1 Mar in other years', () => {
    const leap = { registeredOn: '2024-02-29' };
    expect(judge({ kind: 'age', min: 1 }, leap, '2025-02-28')).toMatchObject({ status: 'unmet', hint: '还差 1 个月（2025-03-01 起满 1 年）' });
    expect(judge({ kind: 'age', min: 1 }, leap, '2025-03-01').status).toBe('met');
    expect(judge({ kind: 'age', min: 4 }, leap, '2028-02-28')).toMatchObject({ status: 'unmet', hint: '还差 1 个月（2028-02-29 起满 4 年）' });
    expect(judge({ kind: 'age', min: 4 }, leap, '2028-02-29').status).toBe('met');
    expect(judge({ kind: 'age', max: 1 }, leap, '2025-02-28').status).toBe('met');
    expect(judge({ kind: 'age', max: 1 }, leap, '2025-03-01').status).toBe('unmet');
  });
  it('不满 N 年 (new firms) is met until the Nth anniversary', () => {
    const young: Condition = { kind: 'age', max: 3 };
    expect(judge(young, { registeredOn: '2024-05-01' }, '2027-04-30')).toEqual({ kind: 'age', status: 'met', text: '成立于 2024-05-01，不满 3 年' });
    expect(judge(young, { registeredOn: '2024-05-01' }, '2027-05-01')).toEqual({
      kind: 'age',
      status: 'unmet',
      text: '成立不满 3 年（成立于 2024-05-01，已满 3 年）',
    });
    expect(judge(young, { registeredOn: '2026-06-01' }, '2026-06-01').status).toBe('met'); // registered today
  });
  it('both bounds: 满 1 年、不满 5 年', () => {
    const band: Condition = { kind: 'age', min: 1, max: 5 };
    expect(judge(band, { registeredOn: '2025-06-02' }, '2026-06-01').status).toBe('unmet');
    expect(judge(band, { registeredOn: '2025-06-01' }, '2026-06-01')).toMatchObject({ status: 'met', text: '成立于 2025-06-01，满 1 年、不满 5 年' });
    expect(judge(band, { registeredOn: '2021-06-02' }, '2026-06-01').status).toBe('met');
    expect(judge(band, { registeredOn: '2021-06-01' }, '2026-06-01').status).toBe('unmet');
  });
  it('half a year is six months, not a whole year', () => {
    const half: Condition = { kind: 'age', min: 0.5 };
    expect(judge(half, { registeredOn: '2026-01-15' }, '2026-07-14')).toMatchObject({ status: 'unmet', hint: '还差 1 个月（2026-07-15 起满 0.5 年）' });
    expect(judge(half, { registeredOn: '2026-01-15' }, '2026-07-15').status).toBe('met');
    expect(judge({ kind: 'age', max: 0.5 }, { registeredOn: '2026-01-15' }, '2026-07-14').status).toBe('met');
    expect(judge({ kind: 'age', max: 0.5 }, { registeredOn: '2026-01-15' }, '2026-07-15').status).toBe('unmet');
    expect(judge({ kind: 'age', min: 1.5 }, { registeredOn: '2024-08-31' }, '2026-02-28').status).toBe('unmet'); // no 31 Feb: 3 Mar, as 29 Feb → 1 Mar
    expect(judge({ kind: 'age', min: 1.5 }, { registeredOn: '2024-08-31' }, '2026-03-03').status).toBe('met');
  });
  it('no registration date: unknown, not something the firm uploads', () => {
    expect(judge(three, {})).toEqual({ kind: 'age', status: 'unknown', text: '成立日期数据缺失', hint: '请联系主管部门核实成立日期', fact: 'registeredOn' });
  });
});

describe('judgeCondition: industry, size, street, grade', () => {
  it('matches an industry code by prefix', () => {
    const software: Condition = { kind: 'industry', codes: ['I65'] };
    expect(judge(software, { industry: 'I6510' })).toEqual({
      kind: 'industry',
      status: 'met',
      text: '所属行业 软件和信息技术服务业（I6510）属于 软件和信息技术服务业',
    });
    expect(judge(software, { industry: 'I65' }).status).toBe('met');
    expect(judge(software, { industry: 'I6410' })).toMatchObject({ status: 'unmet', text: '所属行业 互联网和相关服务（I6410）不属于 软件和信息技术服务业' });
    expect(judge(software, { industry: 'M7310' }).status).toBe('unmet');
    expect(judge({ kind: 'industry', codes: ['I'] }, { industry: 'I6410' }).status).toBe('met');
    expect(judge({ kind: 'industry', codes: ['F52', 'H62'] }, { industry: 'H6210' }).status).toBe('met');
    expect(judge({ kind: 'industry', codes: ['I6510'] }, { industry: 'I6520' }).status).toBe('unmet');
  });
  it('no industry on record: unknown, the department checks it', () => {
    expect(judge({ kind: 'industry', codes: ['I65'] }, {})).toEqual({
      kind: 'industry',
      status: 'unknown',
      text: '所属行业数据缺失',
      hint: '请联系主管部门核实所属行业',
      fact: 'industry',
    });
  });
  it('size classes', () => {
    const smallFirms: Condition = { kind: 'size', classes: ['micro', 'small'] };
    expect(judge(smallFirms, { size: 'micro' })).toEqual({ kind: 'size', status: 'met', text: '企业规模 微型，属于 微型、小型企业' });
    expect(judge(smallFirms, { size: 'medium' })).toEqual({ kind: 'size', status: 'unmet', text: '企业规模 中型，不属于 微型、小型企业' });
    expect(judge(smallFirms, {})).toMatchObject({ status: 'unknown', fact: 'size' });
  });
  it('streets: named when few, counted when many', () => {
    expect(judge({ kind: 'street', streets: ['beijing', 'renmin'] }, { street: 'beijing' })).toEqual({
      kind: 'street',
      status: 'met',
      text: '所在街道 北京街道，在 北京街道、人民街道范围内',
    });
    expect(judge({ kind: 'street', streets: ['beijing', 'renmin', 'liuhua', 'dongshan'] }, { street: 'huale' })).toEqual({
      kind: 'street',
      status: 'unmet',
      text: '所在街道 华乐街道，不在 4 个街道范围内',
    });
    expect(judge({ kind: 'street', streets: ['beijing'] }, {})).toMatchObject({ status: 'unknown', fact: 'street' });
  });
  it('credit grades, with the way back for an unmet one', () => {
    expect(judge({ kind: 'grade', grades: ['A', 'B'] }, { grade: 'B' })).toEqual({ kind: 'grade', status: 'met', text: '信用等级 B 级，属于 A、B 级' });
    expect(judge({ kind: 'grade', grades: ['A'] }, { grade: 'C' })).toEqual({
      kind: 'grade',
      status: 'unmet',
      text: '信用等级 C 级，不属于 A 级',
      hint: '完成信用修复、等级提升后可再查看',
    });
    expect(judge({ kind: 'grade', grades: ['A'] }, {})).toMatchObject({ status: 'unknown', fact: 'grade' });
  });
});

describe('judgeCondition: qualifications', () => {
  const q: Condition = { kind: 'qualification', any: ['hnte', 'srdi'] };
  it('is met by the registry, any one of them', () => {
    expect(judge(q, { qualifications: ['above-scale', 'srdi'] })).toEqual({ kind: 'qualification', status: 'met', text: '已认定为专精特新中小企业' });
  });
  it('is met by a declared one only when declared facts count, and says so', () => {
    const declared = { qualifications: ['hnte'] };
    expect(judge(q, {}, '2026-06-01', { declared, useDeclared: true })).toEqual({
      kind: 'qualification',
      status: 'met',
      text: '高新技术企业（企业自报，待核验）',
      declared: true,
    });
    expect(judge(q, {}, '2026-06-01', { declared, useDeclared: false }).status).toBe('unmet');
    expect(judge(q, { qualifications: ['hnte'] }, '2026-06-01', { declared, useDeclared: true })).not.toHaveProperty('declared');
  });
  it('without one it is unmet, and the firm may upload its certificate', () => {
    expect(judge(q, { qualifications: ['tech-sme'] })).toEqual({
      kind: 'qualification',
      status: 'unmet',
      text: '未认定为高新技术企业或专精特新中小企业',
      hint: '已取得认定的，上传资质认定证书',
      fact: 'qualifications',
    });
    expect(judge(q, {}, '2026-06-01', { declared: { qualifications: ['tech-sme'] }, useDeclared: true }).status).toBe('unmet');
  });
});

describe('judgeCondition: not received before', () => {
  const once: Condition = { kind: 'notReceived', itemIds: [], withinYears: 1 };
  it('is about the item itself when no items are named', () => {
    expect(judge(once, { received: [{ itemId: 'p-1', on: '2025-06-02' }] }, '2026-06-01')).toEqual({
      kind: 'notReceived',
      status: 'unmet',
      text: '2025-06-02 已享受过同类政策（1 年内限一次）',
      hint: '2026-06-02 起可再申请',
    });
    expect(judge(once, { received: [{ itemId: 'p-1', on: '2025-06-01' }] }, '2026-06-01')).toEqual({
      kind: 'notReceived',
      status: 'met',
      text: '近 1 年未享受过同类政策',
    });
    expect(judge(once, { received: [{ itemId: 'p-2', on: '2026-05-01' }] }, '2026-06-01').status).toBe('met');
    expect(judge(once, {}, '2026-06-01').status).toBe('met');
  });
  it('looks at the named items (not the item itself) when there are some', () => {
    const others: Condition = { kind: 'notReceived', itemIds: ['q-1', 'q-2'], withinYears: 3 };
    expect(judge(others, { received: [{ itemId: 'p-1', on: '2026-01-01' }] }).status).toBe('met');
    const r = judge(others, {
      received: [
        { itemId: 'q-1', on: '2024-01-01' },
        { itemId: 'q-2', on: '2025-03-01' },
        { itemId: 'q-1', on: '2022-01-01' },
      ],
    });
    expect(r).toMatchObject({ status: 'unmet', text: '2025-03-01 已享受过同类政策（3 年内限一次）', hint: '2028-03-01 起可再申请' });
  });
  it('says it may be had again on the very day the window ends, also on 29 Feb', () => {
    // on 29 Feb 2028 a benefit of 1 Mar 2027 is less than a year old: 2028-03-01 起可再申请
    expect(judge(once, { received: [{ itemId: 'p-1', on: '2027-03-01' }] }, '2028-02-29')).toMatchObject({ status: 'unmet', hint: '2028-03-01 起可再申请' });
    expect(judge(once, { received: [{ itemId: 'p-1', on: '2027-02-28' }] }, '2028-02-29').status).toBe('met');
    expect(judge(once, { received: [{ itemId: 'p-1', on: '2024-02-29' }] }, '2025-02-28').status).toBe('unmet');
    expect(judge(once, { received: [{ itemId: 'p-1', on: '2024-02-29' }] }, '2025-03-01').status).toBe('met');
  });
});

describe('judgeItem', () => {
  const item = (conditions: Condition[], benefit = money(100_000)) => ({ id: 'p-1', conditions, benefit });
  const opts = { today: '2026-06-01', useDeclared: false };
  it('any unmet beats unknown: 暂不符合', () => {
    const j = judgeItem(
      item([
        { kind: 'revenue', min: 1000 },
        { kind: 'grade', grades: ['A'] },
      ]),
      { grade: 'C' },
      opts,
    );
    expect(j.verdict).toBe('ineligible');
    expect(j.conditions.map((c) => c.status)).toEqual(['unknown', 'unmet']);
    expect(j.amountYuan).toBeUndefined();
  });
  it('unknown without unmet: 信息不足, with the amount it would be', () => {
    const j = judgeItem(
      item([
        { kind: 'revenue', min: 1000 },
        { kind: 'grade', grades: ['A'] },
      ]),
      { grade: 'A' },
      opts,
    );
    expect(j).toMatchObject({ verdict: 'unknown', amountYuan: 100_000 });
  });
  it('all met: 符合条件; no conditions: 符合条件', () => {
    expect(judgeItem(item([{ kind: 'grade', grades: ['A'] }]), { grade: 'A' }, opts).verdict).toBe('eligible');
    expect(judgeItem(item([]), {}, opts)).toEqual({ verdict: 'eligible', conditions: [], amountYuan: 100_000 });
  });
  it('judges notReceived against the item’s own id', () => {
    const j = judgeItem(item([{ kind: 'notReceived', itemIds: [], withinYears: 2 }]), { received: [{ itemId: 'p-1', on: '2025-01-01' }] }, opts);
    expect(j.verdict).toBe('ineligible');
  });
  it('works the amount out from declared facts only when they count', () => {
    const perHead = money(undefined, { perUnit: { base: 'headcount', yuan: 1000 } });
    const declared = { headcount: 12 };
    expect(judgeItem(item([], perHead), {}, { ...opts, declared }).amountYuan).toBeUndefined();
    expect(judgeItem(item([], perHead), {}, { ...opts, declared, useDeclared: true }).amountYuan).toBe(12_000);
  });
});

describe('benefitAmount', () => {
  it('a fixed amount, capped or not', () => {
    expect(benefitAmount(money(50_000), {})).toBe(50_000);
    expect(benefitAmount(money(50_000, { capYuan: 30_000 }), {})).toBe(30_000);
  });
  it('per unit, rounded to the yuan, with its cap', () => {
    const perHead = money(undefined, { perUnit: { base: 'headcount', yuan: 2000 }, capYuan: 50_000 });
    expect(benefitAmount(perHead, { headcount: 20 })).toBe(40_000);
    expect(benefitAmount(perHead, { headcount: 25 })).toBe(50_000);
    expect(benefitAmount(perHead, { headcount: 30 })).toBe(50_000);
    expect(benefitAmount(money(undefined, { perUnit: { base: 'taxPaid', yuan: 500 } }), { taxPaid: 12.345 })).toBe(6173); // 6172.5
    expect(benefitAmount(money(undefined, { perUnit: { base: 'revenue', yuan: 10 } }), { revenue: 0 })).toBe(0);
  });
  it('a missing base: no amount; a declared base when given', () => {
    const perTax = money(undefined, { perUnit: { base: 'taxPaid', yuan: 500 } });
    expect(benefitAmount(perTax, { revenue: 100 })).toBeUndefined();
    expect(benefitAmount(perTax, {}, { taxPaid: 10 })).toBe(5000);
    expect(benefitAmount(perTax, { taxPaid: 20 }, { taxPaid: 10 })).toBe(10_000); // the record first
  });
  it('no money: no amount', () => {
    expect(benefitAmount({ type: 'factor', text: '优先安排用地指标' }, { headcount: 10 })).toBeUndefined();
  });
});

describe('describeCondition', () => {
  it.each([
    [{ kind: 'industry', codes: ['I65', 'I6510', 'M'] }, '所属行业：软件和信息技术服务业、科学研究和技术服务业'],
    [{ kind: 'size', classes: ['micro', 'small'] }, '企业规模：微型、小型'],
    [{ kind: 'street', streets: ['beijing', 'huale'] }, '所在街道：北京街道、华乐街道'],
    [{ kind: 'age', min: 3 }, '成立年限：满 3 年'],
    [{ kind: 'age', max: 1 }, '成立年限：不满 1 年'],
    [{ kind: 'age', min: 1, max: 5 }, '成立年限：满 1 年、不满 5 年'],
    [{ kind: 'headcount', min: 10, max: 300 }, '参保职工人数 ≥ 10 人，≤ 300 人'],
    [{ kind: 'revenue', min: 1000 }, '上年度营业收入 ≥ 1,000 万元'],
    [{ kind: 'taxPaid', max: 50.5 }, '上年度纳税额 ≤ 50.5 万元'],
    [{ kind: 'grade', grades: ['A', 'B'] }, '信用等级：A、B 级'],
    [{ kind: 'qualification', any: ['hnte', 'srdi-giant'] }, '企业资质：高新技术企业或专精特新“小巨人”企业'],
    [{ kind: 'notReceived', itemIds: [], withinYears: 3 }, '近 3 年未享受过本政策'],
    [{ kind: 'notReceived', itemIds: ['q-1'], withinYears: 1 }, '近 1 年未享受过同类政策'],
  ] as [Condition, string][])('%j → %s', (c, text) => expect(describeCondition(c)).toBe(text));
});
