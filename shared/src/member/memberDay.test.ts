import { Benefit, claimCheck, CLAIM_REFUSAL_MESSAGES, isMemberDay, nextMemberDay } from './memberDay';
import { DEFAULT_MEMBER_RULES as RULES } from './rules';

const BENEFIT: Benefit = {
  id: 'museum-ticket',
  title: '广东省博物馆门票',
  description: '会员日凭兑换码到服务台换取门票一张',
  partner: '广东省博物馆',
  partnerId: 'gd-museum',
  stock: 100,
  perMemberLimit: 1,
  minLevel: 'silver',
  pointsPrice: 50,
  validDays: 7,
};
const base = { benefit: BENEFIT, member: { levelId: 'silver', balance: 60 }, claimedByMember: 0, today: '2026-11-18', rules: RULES };

describe('member day', () => {
  it('is the configured day of every month', () => {
    expect(isMemberDay('2026-11-18', RULES)).toBe(true);
    expect(isMemberDay('2026-11-17', RULES)).toBe(false);
    expect(isMemberDay('2026-11-08', { ...RULES, memberDay: { dayOfMonth: 8 } })).toBe(true);
  });
  it('nextMemberDay is today on member day, else this or next month, across the year end', () => {
    expect(nextMemberDay('2026-11-18', RULES)).toBe('2026-11-18');
    expect(nextMemberDay('2026-11-01', RULES)).toBe('2026-11-18');
    expect(nextMemberDay('2026-11-19', RULES)).toBe('2026-12-18');
    expect(nextMemberDay('2026-12-31', RULES)).toBe('2027-01-18');
  });
});

describe('Benefit', () => {
  it('accepts a free benefit and rejects bad fields in Chinese', () => {
    expect(Benefit.parse({ ...BENEFIT, pointsPrice: 0 }).pointsPrice).toBe(0);
    const r = Benefit.safeParse({ ...BENEFIT, title: '长'.repeat(31), perMemberLimit: 11, validDays: 0 });
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual(['福利名称不能超过 30 个字', '每人限领次数不能大于 10', '兑换有效天数不能小于 1']);
  });
});

describe('claimCheck', () => {
  it('allows a qualified member on member day', () => {
    expect(claimCheck(base)).toEqual({ ok: true });
    expect(claimCheck({ ...base, member: { levelId: 'diamond', balance: 50 } })).toEqual({ ok: true });
  });
  it('refuses outside member day and says when the next one is', () => {
    expect(claimCheck({ ...base, today: '2026-11-19' })).toEqual({
      ok: false,
      code: 'NOT_MEMBER_DAY',
      message: '福利只能在会员日（每月 18 日）领取，下次会员日是 12 月 18 日',
    });
  });
  it('refuses when stock is already gone', () => {
    expect(claimCheck({ ...base, benefit: { ...BENEFIT, stock: 0 } })).toEqual({ ok: false, code: 'SOLD_OUT', message: '已领完' });
    expect(CLAIM_REFUSAL_MESSAGES.SOLD_OUT).toBe('已领完');
  });
  it('refuses a level below the requirement (order from rules.levels)', () => {
    expect(claimCheck({ ...base, member: { levelId: 'standard', balance: 60 } })).toEqual({
      ok: false,
      code: 'LEVEL_TOO_LOW',
      message: '这项福利仅限银卡及以上会员领取',
    });
    expect(claimCheck({ ...base, benefit: { ...BENEFIT, minLevel: 'gone' } })).toMatchObject({ ok: false, code: 'LEVEL_TOO_LOW' });
  });
  it('refuses past the per-member limit', () => {
    expect(claimCheck({ ...base, claimedByMember: 1 })).toEqual({ ok: false, code: 'LIMIT_REACHED', message: '这项福利每人限领 1 次，您已领满' });
  });
  it('refuses without enough points', () => {
    expect(claimCheck({ ...base, member: { levelId: 'gold', balance: 20 } })).toEqual({
      ok: false,
      code: 'NOT_ENOUGH_POINTS',
      message: '领取需要 50 积分，您还差 30 积分',
    });
  });
});
