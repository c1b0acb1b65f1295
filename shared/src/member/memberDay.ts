// Member day (会员日): one day each month when members claim benefits (tickets, coupons) from partners.
import * as z from 'zod';
import { fromDay, toDay } from './dates';
import { MemberSlug, type MemberRules } from './rules';
import { lazy } from '../api/lazy';

/** True when `date` ('YYYY-MM-DD', Asia/Shanghai) is this month's member day. */
export function isMemberDay(date: string, rules: MemberRules): boolean {
  toDay(date);
  return Number(date.slice(8, 10)) === rules.memberDay.dayOfMonth;
}

/** The next member day on or after `today` (today itself when it is member day). */
export function nextMemberDay(today: string, rules: MemberRules): string {
  toDay(today);
  const [y, m, d] = today.split('-').map(Number);
  const dom = rules.memberDay.dayOfMonth;
  // dayOfMonth ≤ 28, so the day exists in every month; Date.UTC rolls month 12 into next January.
  return fromDay(Date.UTC(y, d <= dom ? m - 1 : m, dom) / 86_400_000);
}

const int = (label: string, min: number, max: number) =>
  z
    .number({ message: `${label}应为整数` })
    .int({ message: `${label}应为整数` })
    .min(min, { message: `${label}不能小于 ${min}` })
    .max(max, { message: `${label}不能大于 ${max}` });

/** Limits of a benefit's set-up, for the schema and the admin's form. */
export const BENEFIT_TITLE_MAX = 30;
export const BENEFIT_DESCRIPTION_MAX = 200;
export const BENEFIT_PARTNER_MAX = 30;
export const BENEFIT_STOCK_MAX = 100000;
export const BENEFIT_PER_MEMBER_MAX = 10;
export const BENEFIT_POINTS_MAX = 100000;
export const BENEFIT_VALID_DAYS_MAX = 90;

/** A member-day benefit an admin sets up; claiming it gives a redeem code the partner checks once. */
export const Benefit = lazy(() =>
  z.strictObject({
    id: MemberSlug,
    title: z
      .string()
      .trim()
      .min(1, { message: '请填写福利名称' })
      .max(BENEFIT_TITLE_MAX, { message: `福利名称不能超过 ${BENEFIT_TITLE_MAX} 个字` }),
    description: z
      .string()
      .trim()
      .max(BENEFIT_DESCRIPTION_MAX, { message: `福利说明不能超过 ${BENEFIT_DESCRIPTION_MAX} 个字` }),
    partner: z
      .string()
      .trim()
      .min(1, { message: '请填写合作单位' })
      .max(BENEFIT_PARTNER_MAX, { message: `合作单位名称不能超过 ${BENEFIT_PARTNER_MAX} 个字` }),
    /** The partner whose staff redeem its codes (their accounts carry the same partnerId). */
    partnerId: MemberSlug,
    stock: int('库存', 0, BENEFIT_STOCK_MAX),
    perMemberLimit: int('每人限领次数', 1, BENEFIT_PER_MEMBER_MAX),
    /** Lowest level that may claim (a level id from MemberRules.levels; order = index there). */
    minLevel: MemberSlug,
    /** Points taken per claim; 0 = free. */
    pointsPrice: int('所需积分', 0, BENEFIT_POINTS_MAX),
    /** The redeem code is valid for this many days from the claim. */
    validDays: int('兑换有效天数', 1, BENEFIT_VALID_DAYS_MAX),
  }),
);
export type Benefit = z.infer<typeof Benefit>;

export type ClaimRefusalCode = 'NOT_MEMBER_DAY' | 'SOLD_OUT' | 'LEVEL_TOO_LOW' | 'LIMIT_REACHED' | 'NOT_ENOUGH_POINTS';
export type ClaimRefusal = { ok: false; code: ClaimRefusalCode; message: string };
export type ClaimCheck = { ok: true } | ClaimRefusal;

/** Generic wording per refusal, e.g. for SOLD_OUT after the store's conditional stock write fails. */
export const CLAIM_REFUSAL_MESSAGES: Record<ClaimRefusalCode, string> = {
  NOT_MEMBER_DAY: '福利只能在会员日领取',
  SOLD_OUT: '已领完',
  LEVEL_TOO_LOW: '您的会员等级暂不能领取这项福利',
  LIMIT_REACHED: '您已达到这项福利的领取次数上限',
  NOT_ENOUGH_POINTS: '您的积分不足',
};

const refuse = (code: ClaimRefusalCode, message: string): ClaimRefusal => ({ ok: false, code, message });

/**
 * Whether a member may claim `benefit` today, checked in the order a resident would want to hear it.
 * Refuses SOLD_OUT when stock is already 0; the store must still decrement stock with a conditional
 * write, since this check cannot see concurrent claims. An unknown member level counts as the first.
 */
export function claimCheck(input: {
  benefit: Benefit;
  member: { levelId: string; balance: number };
  claimedByMember: number;
  today: string;
  rules: MemberRules;
}): ClaimCheck {
  const { benefit, member, claimedByMember, today, rules } = input;
  if (!isMemberDay(today, rules)) {
    const next = nextMemberDay(today, rules);
    return refuse(
      'NOT_MEMBER_DAY',
      `福利只能在会员日（每月 ${rules.memberDay.dayOfMonth} 日）领取，下次会员日是 ${Number(next.slice(5, 7))} 月 ${Number(next.slice(8, 10))} 日`,
    );
  }
  if (benefit.stock <= 0) return refuse('SOLD_OUT', CLAIM_REFUSAL_MESSAGES.SOLD_OUT);
  const need = rules.levels.findIndex((l) => l.id === benefit.minLevel);
  const have = Math.max(
    0,
    rules.levels.findIndex((l) => l.id === member.levelId),
  );
  if (need < 0) return refuse('LEVEL_TOO_LOW', CLAIM_REFUSAL_MESSAGES.LEVEL_TOO_LOW);
  if (have < need) return refuse('LEVEL_TOO_LOW', `这项福利仅限${rules.levels[need].name}及以上会员领取`);
  if (claimedByMember >= benefit.perMemberLimit) return refuse('LIMIT_REACHED', `这项福利每人限领 ${benefit.perMemberLimit} 次，您已领满`);
  if (member.balance < benefit.pointsPrice) {
    return refuse('NOT_ENOUGH_POINTS', `领取需要 ${benefit.pointsPrice} 积分，您还差 ${benefit.pointsPrice - Math.max(0, member.balance)} 积分`);
  }
  return { ok: true };
}
