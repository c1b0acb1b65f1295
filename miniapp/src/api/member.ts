import type * as S from '@yx/shared';
import type * as z from 'zod';
import { PAGE_SIZE } from '@yx/shared';
import { call } from './client';

/** 会员专区: the member routes, typed from the shared contract (shared/src/member/views.ts). */

export type CardFace = z.output<typeof S.CardFace>;
/** The owner's own card (nothing masked). */
export type MemberCardView = z.output<typeof S.MemberCardView>;
export type MemberDayView = z.output<typeof S.MemberDayView>;
export type MemberHome = z.output<typeof S.MemberHome>;
export type CheckInResult = z.output<typeof S.CheckInResult>;
export type CheckInMonth = z.output<typeof S.CheckInMonth>;
export type PointsItem = z.output<typeof S.PointsItem>;
export type PointsPage = z.output<typeof S.PointsPage>;
export type BenefitView = z.output<typeof S.BenefitView>;
export type BenefitsPage = z.output<typeof S.BenefitsPage>;
export type ClaimView = z.output<typeof S.ClaimView>;
export type ClaimStatus = ClaimView['status'];
/** What partner staff see: the member by a masked card number. */
export type PartnerClaimView = z.output<typeof S.PartnerClaimView>;

export const memberApi = {
  home: () => call('GET /v1/member'),
  /** Once per person; a second call answers with the same card. */
  claimCard: () => call('POST /v1/member/card', { body: {} }),
  checkIn: () => call('POST /v1/member/check-in', { body: {} }),
  checkIns: (month?: string) => call('GET /v1/member/check-ins', { query: { month } }),
  points: (cursor?: string, limit = PAGE_SIZE) => call('GET /v1/member/points', { query: { limit, cursor } }),
  benefits: () => call('GET /v1/member/benefits'),
  /** A retry or double tap with the same key answers with the code the first one got. */
  claimBenefit: (idempotencyKey: string, benefitId: string) =>
    call('POST /v1/member/benefits/{benefitId}/claim', { params: { benefitId }, body: {}, headers: { 'Idempotency-Key': idempotencyKey } }),
  claims: () => call('GET /v1/member/claims'),
  /** Partner staff: look a code up (normalized, e.g. ABCD-EFGH-JK). */
  partnerClaim: (code: string) => call('GET /v1/partner/claims/{code}', { params: { code } }),
  redeem: (code: string) => call('POST /v1/partner/claims/{code}/redeem', { params: { code }, body: {} }),
};
