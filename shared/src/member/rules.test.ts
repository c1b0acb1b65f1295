import { DEFAULT_MEMBER_RULES, MemberRules } from './rules';

const clone = () => structuredClone(DEFAULT_MEMBER_RULES);
const messages = (value: unknown) => {
  const r = MemberRules.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('MemberRules', () => {
  it('accepts the defaults (5 points, 7/14/28 bonuses, four cards, the 18th)', () => {
    expect(MemberRules.parse(DEFAULT_MEMBER_RULES)).toEqual(DEFAULT_MEMBER_RULES);
    expect(DEFAULT_MEMBER_RULES.levels.map((l) => [l.name, l.threshold])).toEqual([
      ['普通卡', 0],
      ['银卡', 200],
      ['金卡', 1000],
      ['钻石卡', 5000],
    ]);
    expect(new Set(DEFAULT_MEMBER_RULES.levels.map((l) => l.face.from)).size).toBe(4);
  });
  it('rejects a first threshold above 0', () => {
    const r = clone();
    r.levels[0].threshold = 10;
    expect(messages(r)).toContain('第一个等级的成长值门槛必须为 0（人人可领）');
  });
  it('rejects thresholds that do not strictly increase', () => {
    const r = clone();
    r.levels[2].threshold = 200;
    expect(messages(r)).toEqual(['等级的成长值门槛必须逐级升高']);
  });
  it('rejects duplicate level ids and bonus days', () => {
    const r = clone();
    r.levels[1].id = 'standard';
    r.checkIn.streakBonuses.push({ day: 7, points: 5 });
    expect(messages(r)).toEqual(expect.arrayContaining(['等级编号不能重复', '连续签到奖励的天数不能重复']));
  });
  it('gives Chinese messages for out-of-range numbers, colours and lengths', () => {
    const r = clone();
    r.checkIn.basePoints = 0;
    r.memberDay.dayOfMonth = 31;
    r.levels[0].face.to = 'red';
    r.levels[0].perks = ['很长'.repeat(21)];
    expect(messages(r)).toEqual(
      expect.arrayContaining(['每次签到积分至少为 1', '会员日应在每月 1–28 日之间', '颜色应写成 #RRGGBB，例如 #C62828', '每条权益不能超过 40 个字']),
    );
  });
  it('limits counts: 1..8 levels, ≤ 10 bonuses, ≤ 6 perks', () => {
    expect(messages({ ...clone(), levels: [] })).toContain('至少要有一个会员等级');
    const r = clone();
    r.checkIn.streakBonuses = Array.from({ length: 11 }, (_, i) => ({ day: i + 2, points: 1 }));
    r.levels[0].perks = Array(7).fill('权益');
    expect(messages(r)).toEqual(expect.arrayContaining(['连续签到奖励最多 10 条', '每个等级最多 6 条权益']));
  });
  it('rejects unknown keys', () => {
    expect(MemberRules.safeParse({ ...clone(), extra: 1 }).success).toBe(false);
  });
});
