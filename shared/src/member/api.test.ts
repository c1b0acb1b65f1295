import { AwardPointsInput, BenefitUpsert, CheckInRequest, ClaimBenefitRequest, MemberRulesUpdate, MonthQuery, RedeemRequest } from './api';
import { DEFAULT_MEMBER_RULES } from './rules';

const issues = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? [] : r.error!.issues.map((i) => i.message));

describe('member api schemas', () => {
  it('CheckInRequest is empty and strict', () => {
    expect(CheckInRequest.parse({})).toEqual({});
    expect(CheckInRequest.safeParse({ date: '2026-11-26' }).success).toBe(false);
  });
  it('ClaimBenefitRequest takes a benefit slug', () => {
    expect(ClaimBenefitRequest.parse({ benefitId: 'museum-ticket' })).toEqual({ benefitId: 'museum-ticket' });
    expect(issues(ClaimBenefitRequest.safeParse({ benefitId: 'Museum Ticket' }))).toEqual(['福利编号不正确']);
  });
  it('RedeemRequest normalizes the code', () => {
    expect(RedeemRequest.parse({ code: 'abcdefghjk' })).toEqual({ code: 'ABCD-EFGH-JK' });
  });
  it('AwardPointsInput bounds points, reason and source', () => {
    const ok = { userId: 'u_1', points: 10, reason: '评价工单', source: 'rating:SQ20261126000001' };
    expect(AwardPointsInput.parse(ok)).toEqual(ok);
    expect(issues(AwardPointsInput.safeParse({ ...ok, points: 0 }))).toEqual(['积分至少为 1']);
    expect(issues(AwardPointsInput.safeParse({ ...ok, points: 10001 }))).toEqual(['一次最多发放 10000 积分']);
    expect(issues(AwardPointsInput.safeParse({ ...ok, source: 'rating' }))).toEqual(['积分来源格式不正确']);
    expect(issues(AwardPointsInput.safeParse({ ...ok, reason: '长'.repeat(41) }))).toEqual(['原因不能超过 40 个字']);
  });
  it('MemberRulesUpdate and BenefitUpsert are the domain schemas', () => {
    expect(MemberRulesUpdate.parse(DEFAULT_MEMBER_RULES)).toEqual(DEFAULT_MEMBER_RULES);
    expect(BenefitUpsert.safeParse({ id: 'x' }).success).toBe(false);
  });
  it('MonthQuery takes an optional YYYY-MM', () => {
    expect(MonthQuery.parse({})).toEqual({});
    expect(MonthQuery.parse({ month: '2026-11' })).toEqual({ month: '2026-11' });
    expect(issues(MonthQuery.safeParse({ month: '2026-13' }))).toEqual(['月份应写成 YYYY-MM，例如 2026-11']);
  });
});
