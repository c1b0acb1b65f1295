// Answers of the member-zone API (as functions/src/member/service.ts builds them).
import * as z from 'zod';
import { POINTS_KINDS } from './ledger';
import { Benefit } from './memberDay';
import { MemberLevel } from './rules';
import { lazy } from '../api/lazy';

export const CardFace = lazy(() => z.object({ from: z.string(), to: z.string(), text: z.string() }));

/** The owner's own card (nothing masked). */
export const MemberCardView = lazy(() =>
  z.object({
    memberNo: z.string(),
    claimedAt: z.string(),
    level: z.object({ id: z.string(), name: z.string(), face: CardFace, perks: z.array(z.string()), index: z.number() }),
    /** Points to spend. */
    balance: z.number(),
    /** Points ever earned: what the level follows; spending never lowers it. */
    growth: z.number(),
    /** The level above, or null at the top. */
    next: z.object({ name: z.string(), threshold: z.number(), needed: z.number(), ratio: z.number() }).nullable(),
    streak: z.number(),
    checkedToday: z.boolean(),
    nextBonus: z.object({ day: z.number(), points: z.number(), daysLeft: z.number() }).nullable(),
  }),
);

export const MemberDayView = lazy(() => z.object({ isToday: z.boolean(), next: z.string(), dayOfMonth: z.number() }));

export const MemberHome = lazy(() =>
  z.object({
    card: MemberCardView.nullable(),
    /** Points earned before the card was claimed (e.g. for rating a service). */
    pendingPoints: z.number(),
    today: z.string(),
    memberDay: MemberDayView,
    checkIn: z.object({ basePoints: z.number(), streakBonuses: z.array(z.object({ day: z.number(), points: z.number() })) }),
    levels: z.array(MemberLevel.pick({ id: true, name: true, threshold: true, face: true, perks: true }).extend({ face: CardFace })),
  }),
);

export const CheckInResult = lazy(() =>
  z.object({
    already: z.boolean(),
    points: z.number(),
    bonus: z.number(),
    streak: z.number().optional(),
    /** The new level's name when this check-in raised the card. */
    upgradedTo: z.string().nullable(),
    card: MemberCardView,
  }),
);

export const CheckInMonth = lazy(() =>
  z.object({ month: z.string(), today: z.string(), dates: z.array(z.string()), streak: z.number(), checkedToday: z.boolean() }),
);

export const PointsItem = lazy(() => z.object({ at: z.string(), kind: z.enum(POINTS_KINDS), kindName: z.string(), points: z.number(), reason: z.string() }));
export const PointsPage = lazy(() => z.object({ balance: z.number(), growth: z.number(), items: z.array(PointsItem), nextCursor: z.string().nullable() }));

export const BenefitView = lazy(() =>
  z.object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    partner: z.string(),
    stock: z.number(),
    stockLeft: z.number(),
    perMemberLimit: z.number(),
    /** The lowest level's name, e.g. 银卡. */
    minLevel: z.string(),
    pointsPrice: z.number(),
    validDays: z.number(),
    claimedByMe: z.number(),
    canClaim: z.boolean(),
    /** Why not, in the server's words. */
    reason: z.string().nullable(),
    soldOut: z.boolean(),
  }),
);
export const BenefitsPage = lazy(() => z.object({ today: z.string(), memberDay: MemberDayView, items: z.array(BenefitView) }));

export const ClaimView = lazy(() =>
  z.object({
    code: z.string(),
    benefitId: z.string(),
    title: z.string(),
    partner: z.string(),
    pointsPrice: z.number(),
    claimedAt: z.string(),
    /** Last day the code may be used (a Shanghai date). */
    expiresOn: z.string(),
    status: z.enum(['claimed', 'redeemed']),
    /** 待使用 / 已核销 / 已过期 */
    statusName: z.string(),
    redeemedAt: z.string().optional(),
  }),
);
export const ClaimList = lazy(() => z.object({ items: z.array(ClaimView) }));
/** What partner staff see: the member by a masked card number. */
export const PartnerClaimView = lazy(() => ClaimView.extend({ memberNo: z.string() }));

// ---- admin ----

/** A benefit as the admin list shows it: the set-up plus what has happened to its stock. */
export const AdminBenefit = lazy(() =>
  z.object(Benefit.shape).extend({ stockLeft: z.number(), claimed: z.number(), redeemed: z.number(), updatedAt: z.string() }),
);
export const AdminBenefitList = lazy(() => z.object({ items: z.array(AdminBenefit) }));

const statFigures = () => ({ checkIns: z.number(), pointsIssued: z.number(), pointsSpent: z.number(), claims: z.number(), redemptions: z.number() });
export const MemberStatsTotals = lazy(() => z.object({ members: z.number(), ...statFigures() }));
export const MemberStatsDay = lazy(() => z.object({ date: z.string(), newMembers: z.number(), ...statFigures() }));
export const MemberStatsBenefit = lazy(() =>
  z.object({
    id: z.string(),
    title: z.string(),
    partner: z.string(),
    stock: z.number(),
    stockLeft: z.number(),
    claimed: z.number(),
    redeemed: z.number(),
  }),
);
/** GET /v1/admin/member/stats: all-time totals, one row per day (oldest first) and each benefit's stock. */
export const MemberStats = lazy(() => z.object({ totals: MemberStatsTotals, days: z.array(MemberStatsDay), benefits: z.array(MemberStatsBenefit) }));

/** One card holder; `name` arrives masked, `level` is the level's name. */
export const AdminMemberRow = lazy(() =>
  z.object({
    userId: z.string(),
    name: z.string(),
    memberNo: z.string(),
    level: z.string(),
    balance: z.number(),
    growth: z.number(),
    streak: z.number(),
    lastCheckIn: z.string().optional(),
    claimedAt: z.string().optional(),
  }),
);
export const AdminMembersPage = lazy(() => z.object({ items: z.array(AdminMemberRow), nextCursor: z.string().nullable() }));

export const AdjustPointsResponse = lazy(() => z.object({ awarded: z.boolean(), repeated: z.boolean().optional(), balance: z.number().optional() }));
