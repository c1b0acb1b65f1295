import type * as S from '@yx/shared';
import type * as z from 'zod';
import { PAGE_SIZE } from '@yx/shared';
import { call, newIdempotencyKey, type RouteBody } from './client';

/** 政务公开 (issue 19): the public lists, search and pages, a person's subscriptions, the department's desk (shared/src/openness). */

export type PublicationSummary = z.output<typeof S.PublicationSummary>;
export type PublicationHit = z.output<typeof S.PublicationHit>;
export type PublicationDetail = z.output<typeof S.PublicationDetail>;
export type PublicationLink = z.output<typeof S.PublicationLink>;
export type PublicationCategory = S.PublicationCategory;
export type PublishBody = RouteBody<'POST /v1/staff/publications'>;
export type EditBody = RouteBody<'PUT /v1/staff/publications/{id}'>;

export const publicationsApi = {
  /** Anyone: newest first, of a category (or everything). */
  list: (category: PublicationCategory | undefined, cursor?: string) => call('GET /v1/publications', { query: { category, limit: PAGE_SIZE, cursor } }),
  search: (q: string, category: PublicationCategory | undefined, cursor?: string) => call('GET /v1/publications/search', { query: { q, category, cursor } }),
  detail: (id: string) => call('GET /v1/publications/{id}', { params: { id } }),
  subscriptions: () => call('GET /v1/me/publication-subscriptions'),
  setSubscribed: (category: PublicationCategory, subscribed: boolean) => call('PUT /v1/me/publication-subscriptions', { body: { category, subscribed } }),
};

export const staffPublicationsApi = {
  /** The department's own: 已发布 or 已撤回. */
  list: (status: 'published' | 'withdrawn', cursor?: string) => call('GET /v1/staff/publications', { query: { status, limit: PAGE_SIZE, cursor } }),
  /** The department's published policy documents (to link an interpretation to), newest first. */
  policies: () => call('GET /v1/publications', { query: { category: 'policy', limit: 50 } }),
  /** 发布: `key` made when the form opened, so a retried tap makes one item. */
  publish: (body: PublishBody, key: string) => call('POST /v1/staff/publications', { body, headers: { 'Idempotency-Key': key } }),
  edit: (id: string, body: EditBody) => call('PUT /v1/staff/publications/{id}', { params: { id }, body }),
  withdraw: (id: string, reason: string, expectedVersion: number) =>
    call('POST /v1/staff/publications/{id}/withdraw', { params: { id }, body: { reason, expectedVersion } }),
  history: (id: string) => call('GET /v1/staff/publications/{id}/versions', { params: { id } }),
  newKey: () => newIdempotencyKey('pub'),
};
