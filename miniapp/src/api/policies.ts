import type * as S from '@yx/shared';
import type * as z from 'zod';
import { PAGE_SIZE } from '@yx/shared';
import { call, type RouteBody, type RouteQuery } from './client';

/** 政策超市 and 免申即享 (issue 17): the firm, public and topic routes, typed from the shared contract (shared/src/policies/api.ts). */

export type PolicySummary = z.output<typeof S.PolicySummary>;
export type PolicyItemSummary = z.output<typeof S.PolicyItemSummary>;
export type PolicyListResponse = z.output<typeof S.PolicyListResponse>;
export type PolicyDetail = z.output<typeof S.PolicyDetail>;
export type PolicyItemDetail = z.output<typeof S.PolicyItemDetail>;
export type ItemMatchView = z.output<typeof S.ItemMatchView>;
export type ConditionResultView = z.output<typeof S.ConditionResultView>;
export type FirmProfileView = z.output<typeof S.FirmProfileView>;
export type ProfileFact = z.output<typeof S.ProfileFact>;
export type OfferView = z.output<typeof S.OfferView>;
export type DisbursementList = z.output<typeof S.DisbursementList>;
export type DisbursementRow = z.output<typeof S.DisbursementRow>;
export type Verdict = ItemMatchView['verdict'];

/** The market's filters (the search word, department, industry, benefit type, topic, deadline, 免申即享, forMe). */
export type PolicyFilter = Omit<Partial<RouteQuery<'GET /v1/policies'>>, 'limit' | 'cursor' | 'withdrawn'>;

export const policyApi = {
  /** Anyone: the published policies. */
  list: (f: PolicyFilter, cursor?: string) => call('GET /v1/policies', { query: { ...withoutForMe(f), limit: PAGE_SIZE, cursor } }),
  /** A firm: the same list with its verdict on each item; forMe=1 keeps only the items it may get. */
  firmList: (f: PolicyFilter, cursor?: string) => call('GET /v1/firm/policies', { query: { ...f, limit: PAGE_SIZE, cursor } }),
  detail: (id: string) => call('GET /v1/policies/{id}', { params: { id } }),
  /** A firm: the policy with `matches`, its judgement on each item condition by condition. */
  firmDetail: (id: string) => call('GET /v1/firm/policies/{id}', { params: { id } }),
  disbursements: () => call('GET /v1/policies/disbursements'),
  profile: () => call('GET /v1/firm/profile'),
  declareFact: (body: RouteBody<'PUT /v1/firm/profile/facts'>) => call('PUT /v1/firm/profile/facts', { body }),
  offers: () => call('GET /v1/firm/offers'),
  /** 意愿确认: the account and the agreement; a second confirmation answers with the first. */
  confirmOffer: (itemId: string, body: RouteBody<'POST /v1/firm/offers/{itemId}/confirm'>) =>
    call('POST /v1/firm/offers/{itemId}/confirm', { params: { itemId }, body }),
  declineOffer: (itemId: string) => call('POST /v1/firm/offers/{itemId}/decline', { params: { itemId }, body: {} }),
  topics: () => call('GET /v1/me/policy-topics'),
  saveTopics: (topics: RouteBody<'PUT /v1/me/policy-topics'>['topics']) => call('PUT /v1/me/policy-topics', { body: { topics } }),
};

/** forMe is the firm list's alone: the public list refuses what it does not know. */
function withoutForMe(f: PolicyFilter): PolicyFilter {
  const { forMe: _forMe, ...rest } = f;
  return rest;
}
