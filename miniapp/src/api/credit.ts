import type * as S from '@yx/shared';
import type * as z from 'zod';
import { call, type RouteBody } from './client';

/** 信用 (issue 20), typed from the shared contract (shared/src/credit/api.ts). */

export type CreditProfile = z.output<typeof S.CreditProfileView>;
export type CreditRecord = z.output<typeof S.CreditRecordView>;
export type CreditRecordPage = z.output<typeof S.CreditRecordPage>;
export type Rating = z.output<typeof S.RatingView>;
export type RatingPage = z.output<typeof S.RatingPage>;
export type MyRating = z.output<typeof S.MyRatingView>;
export type FirmSearchResult = z.output<typeof S.FirmSearchResult>;
export type GradeRules = z.output<typeof S.GradeRulesView>;
export type CreditReview = z.output<typeof S.CreditReviewView>;
export type CreditReviewPage = z.output<typeof S.CreditReviewPage>;
export type HeldRatingPage = z.output<typeof S.HeldRatingPage>;
export type Poster = z.output<typeof S.PosterView>;
export type RateBody = RouteBody<'POST /v1/credit/firms/{creditCode}/ratings'>;
export type ReviewBody = RouteBody<'POST /v1/credit/mine/reviews'>;
export type RecordKindId = 'licence' | 'penalty' | 'honour';

const idem = (key: string) => ({ 'Idempotency-Key': key });

/** The pages of this capability (one place, so links stay right). */
export const CREDIT_PAGES = {
  search: '/packages/credit/index',
  merchant: '/packages/credit/merchant/index',
  records: '/packages/credit/records/index',
  rate: '/packages/credit/rate/index',
  rules: '/packages/credit/rules/index',
  mine: '/packages/credit/mine/index',
  review: '/packages/credit/review/index',
  staffReviews: '/packages/staff/credit/index',
  staffReview: '/packages/staff/credit/review/index',
} as const;

/** Anyone (no login): look up, read a profile, its records and ratings, the rules. */
export const creditApi = {
  search: (q: string) => call('GET /v1/credit/firms', { query: { q } }),
  rules: () => call('GET /v1/credit/rules'),
  profile: (code: string) => call('GET /v1/credit/firms/{creditCode}', { params: { creditCode: code } }),
  records: (code: string, kind: RecordKindId, cursor?: string) =>
    call('GET /v1/credit/firms/{creditCode}/records', { params: { creditCode: code }, query: { kind, cursor } }),
  ratings: (code: string, cursor?: string) => call('GET /v1/credit/firms/{creditCode}/ratings', { params: { creditCode: code }, query: { cursor } }),
  /** signed in */
  myRating: (code: string) => call('GET /v1/credit/firms/{creditCode}/my-rating', { params: { creditCode: code } }),
  rate: (key: string, code: string, body: RateBody) =>
    call('POST /v1/credit/firms/{creditCode}/ratings', { params: { creditCode: code }, body, headers: idem(key) }),
};

/** The firm's own people. */
export const myCreditApi = {
  profile: () => call('GET /v1/credit/mine'),
  records: (kind: RecordKindId, cursor?: string) => call('GET /v1/credit/mine/records', { query: { kind, cursor } }),
  reply: (ratingId: string, text: string) => call('POST /v1/credit/mine/ratings/{ratingId}/reply', { params: { ratingId }, body: { text } }),
  reviews: (cursor?: string) => call('GET /v1/credit/mine/reviews', { query: { cursor } }),
  file: (key: string, body: ReviewBody) => call('POST /v1/credit/mine/reviews', { body, headers: idem(key) }),
  poster: () => call('POST /v1/credit/mine/poster'),
};

/** The authority's staff (repairs, objections) and the market regulator (held ratings). */
export const creditStaffApi = {
  reviews: (cursor?: string) => call('GET /v1/staff/credit/reviews', { query: { cursor } }),
  review: (id: string) => call('GET /v1/staff/credit/reviews/{id}', { params: { id } }),
  decide: (id: string, body: RouteBody<'POST /v1/staff/credit/reviews/{id}/decision'>) =>
    call('POST /v1/staff/credit/reviews/{id}/decision', { params: { id }, body }),
  held: (cursor?: string) => call('GET /v1/staff/credit/ratings/held', { query: { cursor } }),
  moderate: (code: string, ratingId: string, body: RouteBody<'POST /v1/staff/credit/ratings/{creditCode}/{ratingId}/moderate'>) =>
    call('POST /v1/staff/credit/ratings/{creditCode}/{ratingId}/moderate', { params: { creditCode: code, ratingId }, body }),
};
