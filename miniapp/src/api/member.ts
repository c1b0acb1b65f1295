import type { PointsKind } from '@yx/shared';
import { request } from './client';

/** 会员专区: the member routes, as functions/src/member answers them. */

export interface CardFace { from: string; to: string; text: string }

/** The owner's own card (nothing masked). */
export interface MemberCardView {
  memberNo: string;
  claimedAt: string;
  level: { id: string; name: string; face: CardFace; perks: string[]; index: number };
  /** Points to spend. */
  balance: number;
  /** Points ever earned: what the level follows; spending never lowers it. */
  growth: number;
  /** The level above, or null at the top. */
  next: { name: string; threshold: number; needed: number; ratio: number } | null;
  streak: number;
  checkedToday: boolean;
  nextBonus: { day: number; points: number; daysLeft: number } | null;
}

export interface MemberDayView { isToday: boolean; next: string; dayOfMonth: number }

export interface MemberHome {
  card: MemberCardView | null;
  /** Points earned before the card was claimed (e.g. for rating a service). */
  pendingPoints: number;
  today: string;
  memberDay: MemberDayView;
  checkIn: { basePoints: number; streakBonuses: { day: number; points: number }[] };
  levels: { id: string; name: string; threshold: number; face: CardFace; perks: string[] }[];
}

export interface CheckInResult {
  already: boolean;
  points: number;
  bonus: number;
  streak?: number;
  /** The new level's name when this check-in raised the card. */
  upgradedTo: string | null;
  card: MemberCardView;
}

export interface CheckInMonth { month: string; today: string; dates: string[]; streak: number; checkedToday: boolean }

export interface PointsItem { at: string; kind: PointsKind; kindName: string; points: number; reason: string }
export interface PointsPage { balance: number; growth: number; items: PointsItem[]; nextCursor: string | null }

export interface BenefitView {
  id: string;
  title: string;
  description: string;
  partner: string;
  stock: number;
  stockLeft: number;
  perMemberLimit: number;
  /** The lowest level's name, e.g. 银卡. */
  minLevel: string;
  pointsPrice: number;
  validDays: number;
  claimedByMe: number;
  canClaim: boolean;
  /** Why not, in the server's words. */
  reason: string | null;
  soldOut: boolean;
}

export interface BenefitsPage { today: string; memberDay: MemberDayView; items: BenefitView[] }

export type ClaimStatus = 'claimed' | 'redeemed';

export interface ClaimView {
  code: string;
  benefitId: string;
  title: string;
  partner: string;
  pointsPrice: number;
  claimedAt: string;
  /** Last day the code may be used (a Shanghai date). */
  expiresOn: string;
  status: ClaimStatus;
  /** 待使用 / 已核销 / 已过期 */
  statusName: string;
  redeemedAt?: string;
}

/** What partner staff see: the member by a masked card number. */
export interface PartnerClaimView extends ClaimView { memberNo: string }

const enc = encodeURIComponent;

export const memberApi = {
  home: () => request<MemberHome>('GET', '/v1/member'),
  /** Once per person; a second call answers with the same card. */
  claimCard: () => request<MemberCardView>('POST', '/v1/member/card', { body: {} }),
  checkIn: () => request<CheckInResult>('POST', '/v1/member/check-in', { body: {} }),
  checkIns: (month?: string) => request<CheckInMonth>('GET', '/v1/member/check-ins', { query: { month } }),
  points: (cursor?: string, limit = 20) => request<PointsPage>('GET', '/v1/member/points', { query: { limit, cursor } }),
  benefits: () => request<BenefitsPage>('GET', '/v1/member/benefits'),
  /** A retry or double tap with the same key answers with the code the first one got. */
  claimBenefit: (idempotencyKey: string, benefitId: string) =>
    request<ClaimView>('POST', `/v1/member/benefits/${enc(benefitId)}/claim`, { body: {}, headers: { 'Idempotency-Key': idempotencyKey } }),
  claims: () => request<{ items: ClaimView[] }>('GET', '/v1/member/claims'),
  /** Partner staff: look a code up (normalized, e.g. ABCD-EFGH-JK). */
  partnerClaim: (code: string) => request<PartnerClaimView>('GET', `/v1/partner/claims/${enc(code)}`),
  redeem: (code: string) => request<PartnerClaimView>('POST', `/v1/partner/claims/${enc(code)}/redeem`, { body: {} }),
};
