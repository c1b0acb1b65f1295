// Request schemas for the member-zone API (resident, partner staff and admin endpoints).
import * as z from 'zod';
import { PageLimit } from '../api/paging';
import { RedeemCodeParam } from './codes';
import { PointsSource } from './ledger';
import { Benefit } from './memberDay';
import { MemberRules } from './rules';
import { lazy } from '../api/lazy';

/** 签到: the server decides the date (businessDate(now)); the client sends nothing. */
export const CheckInRequest = lazy(() => z.strictObject({}));
export type CheckInRequest = z.infer<typeof CheckInRequest>;

export const ClaimBenefitRequest = lazy(() => z.strictObject({ benefitId: z.string().regex(/^[a-z0-9-]{2,40}$/, { message: '福利编号不正确' }) }));
export type ClaimBenefitRequest = z.infer<typeof ClaimBenefitRequest>;

/** Partner staff redeem a code once; the code arrives normalized ('ABCD-EFGH-JK'). */
export const RedeemRequest = lazy(() => z.strictObject({ code: RedeemCodeParam }));
export type RedeemRequest = z.infer<typeof RedeemRequest>;

/** Points awarded by another module (e.g. rating a work order); `source` makes a retry harmless. */
export const AwardPointsInput = lazy(() =>
  z.strictObject({
    userId: z.string().min(1, { message: '请指定用户' }).max(64, { message: '用户编号不正确' }),
    points: z
      .number({ message: '积分应为整数' })
      .int({ message: '积分应为整数' })
      .min(1, { message: '积分至少为 1' })
      .max(10000, { message: '一次最多发放 10000 积分' }),
    reason: z.string().trim().min(1, { message: '请填写积分原因' }).max(40, { message: '原因不能超过 40 个字' }),
    source: PointsSource,
  }),
);
export type AwardPointsInput = z.infer<typeof AwardPointsInput>;

export const MemberRulesUpdate = MemberRules;
export type MemberRulesUpdate = MemberRules;

export const BenefitUpsert = Benefit;
export type BenefitUpsert = Benefit;

/** Check-in calendar month; the server uses the current month when absent. */
export const MonthQuery = lazy(() =>
  z.strictObject({
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份应写成 YYYY-MM，例如 2026-11' })
      .optional(),
  }),
);
export type MonthQuery = z.infer<typeof MonthQuery>;

export const BenefitIdParams = lazy(() => z.strictObject({ benefitId: z.string().regex(/^[a-z0-9-]{2,40}$/, { message: '福利编号不正确' }) }));
/** A redeem code in the path (partner staff type or scan it). */
export const ClaimCodeParams = lazy(() => z.strictObject({ code: RedeemCodeParam }));

const Cursor = lazy(() => z.string().regex(/^[A-Za-z0-9_-]{1,600}$/, { message: '翻页位置不正确' }));
export const PointsQuery = lazy(() => z.strictObject({ limit: PageLimit, cursor: Cursor.optional() }));
export const MembersQuery = PointsQuery;
export const StatsQuery = lazy(() =>
  z.strictObject({
    days: z.coerce.number({ message: '天数应为数字' }).int().min(7, { message: '至少看 7 天' }).max(60, { message: '最多看 60 天' }).default(14),
  }),
);

/** 积分调整 by an admin: either sign, never zero, with a reason the member will see. */
/** 积分调整: at most this many points either way, and a reason of at most this many characters. */
export const ADJUST_POINTS_MAX = 10000;
export const ADJUST_REASON_MAX = 40;
export const AdjustPointsRequest = lazy(() =>
  z.strictObject({
    userId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: '用户编号不正确' }),
    points: z
      .number({ message: '积分应为整数' })
      .int({ message: '积分应为整数' })
      .min(-ADJUST_POINTS_MAX, { message: `一次最多扣减 ${ADJUST_POINTS_MAX} 积分` })
      .max(ADJUST_POINTS_MAX, { message: `一次最多发放 ${ADJUST_POINTS_MAX} 积分` })
      .refine((n) => n !== 0, { message: '调整的积分不能为 0' }),
    reason: z
      .string()
      .trim()
      .min(2, { message: '请填写调整原因' })
      .max(ADJUST_REASON_MAX, { message: `原因不能超过 ${ADJUST_REASON_MAX} 个字` }),
  }),
);
