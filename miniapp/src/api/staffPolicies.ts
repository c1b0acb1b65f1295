import type { NewPolicy, OfferStatus, PolicyVersionRequest } from '@yx/shared';
import { PAGE_SIZE } from '@yx/shared';
import { call, request, type RouteBody, type RouteResponse } from './client';

/** Reads of a policy so far: part of each read's own URL. */
let reads = 0;

/**
 * 政策发布 (staff and admin, issue 17): the department's policies (the admin's: all), publishing, new versions, withdrawing,
 * and an item's 兑现批次 (免申即享: counts by state, re-matching, approving, rejecting, recording payments).
 */
export const staffPoliciesApi = {
  /** withdrawn ones too (marked 已撤回) */
  list: (q: { q?: string; cursor?: string }) =>
    call('GET /v1/staff/policies', { query: { withdrawn: '1', ...(q.q ? { q: q.q } : {}), ...(q.cursor ? { cursor: q.cursor } : {}) } }),
  /**
   * The policy as it is now (its items with their conditions), for the editor. The public route may be cached for 30 s
   * (max-age): a query the server ignores makes each read a new URL, so the editor never starts from, or reloads after
   * a 409 to, a version that is no longer the latest.
   */
  policy: (id: string) =>
    request<RouteResponse<'GET /v1/policies/{id}'>>('GET', `/v1/policies/${encodeURIComponent(id)}`, { query: { fresh: `${Date.now()}-${++reads}` } }),
  create: (body: NewPolicy) => call('POST /v1/staff/policies', { body }),
  /** the version edited: another save in between is a 409 (nothing written) */
  saveVersion: (id: string, body: PolicyVersionRequest) => call('POST /v1/staff/policies/{id}/versions', { params: { id }, body }),
  withdraw: (id: string, body: RouteBody<'POST /v1/staff/policies/{id}/withdraw'>) => call('POST /v1/staff/policies/{id}/withdraw', { params: { id }, body }),
  history: (id: string) => call('GET /v1/staff/policies/{id}/versions', { params: { id } }),
  departments: () => call('GET /v1/departments'),

  batch: (itemId: string) => call('GET /v1/staff/policy-items/{itemId}/batch', { params: { itemId } }),
  offers: (itemId: string, status: OfferStatus, cursor?: string) =>
    call('GET /v1/staff/policy-items/{itemId}/offers', { params: { itemId }, query: { status, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } }),
  match: (itemId: string) => call('POST /v1/staff/policy-items/{itemId}/match', { params: { itemId } }),
  approve: (itemId: string, creditCodes: string[]) => call('POST /v1/staff/policy-items/{itemId}/approve', { params: { itemId }, body: { creditCodes } }),
  reject: (itemId: string, body: RouteBody<'POST /v1/staff/policy-items/{itemId}/reject'>) =>
    call('POST /v1/staff/policy-items/{itemId}/reject', { params: { itemId }, body }),
  pay: (itemId: string, body: RouteBody<'POST /v1/staff/policy-items/{itemId}/pay'>) =>
    call('POST /v1/staff/policy-items/{itemId}/pay', { params: { itemId }, body }),
};
