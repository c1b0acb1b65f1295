import type * as S from '@yx/shared';
import { PAGE_SIZE } from '@yx/shared';
import type * as z from 'zod';
import { call, type RouteBody, type RouteQuery } from './client';

/** 诉求 (接诉即办) and 一键呼叫 (越秀先锋): the work-order routes, typed from the shared contract (shared/src/workorders/api.ts). */

export type WoRating = (typeof S.WO_RATINGS)[number];
/** 延期申请: what the owner asked for and what the street dispatcher decided. */
export type WoExtension = z.output<typeof S.WoExtension>;
export type WoTimelineEntry = z.output<typeof S.WoTimelineEntry>;
/** One photo of an order, with a short-lived URL to show it (反映时上传, 处理进展, 办结照片). */
export type WoPhoto = z.output<typeof S.WoPhoto>;
/** GET /v1/workorders/{no}: the filer's view, or the handling side's (version, actions, lights…). */
export type WoView = z.output<typeof S.WorkOrderView>;
export type WoNearbyItem = z.output<typeof S.WoNearbyItem>;
export type WoSummary = z.output<typeof S.WoSummary>;
export type WoTeamItem = z.output<typeof S.WoTeamItem>;
/** A row of 我处理中 / 已办结 (the officer's own orders). */
export type WoOwnerItem = z.output<typeof S.WoOwnerItem>;
/** A row of 街道调度 (one tab, or 督办). */
export type WoStreetItem = z.output<typeof S.WoStreetItem>;
export type WoStreetPage = z.output<typeof S.WoStreetPage>;
/** 督办: unclaimed past the claim time (items), handled past the reply date (replies). */
export type WoOverdue = z.output<typeof S.WoOverdue>;

/** The body of a handler's action, as its shared schema accepts it. */
export type WoActionBody<A extends S.WorkOrderAction> = z.input<(typeof S.WoActionBodies)[A]>;

export const woApi = {
  /** Files an order; a retry with the same key answers with the order the first attempt created. */
  file: (idempotencyKey: string, body: RouteBody<'POST /v1/workorders'>) =>
    call('POST /v1/workorders', { body, headers: { 'Idempotency-Key': idempotencyKey } }),
  nearby: (categoryId: string, lat: number, lng: number) =>
    call('GET /v1/workorders/nearby', { query: { categoryId: categoryId as RouteQuery<'GET /v1/workorders/nearby'>['categoryId'], lat, lng } }),
  meToo: (no: string, followToken: string) => call('POST /v1/workorders/{no}/me-too', { params: { no }, body: { followToken } }),
  mine: (cursor?: string, limit = PAGE_SIZE) => call('GET /v1/workorders/mine', { query: { limit, cursor } }),
  get: (no: string) => call('GET /v1/workorders/{no}', { params: { no } }),
  rate: (no: string, value: WoRating, comment?: string) =>
    call('POST /v1/workorders/{no}/rating', { params: { no }, body: { value, ...(comment ? { comment } : {}) } }),
  team: () => call('GET /v1/team/workorders'),
  /** 我处理中 / 已办结: the calling officer's own orders, a page at a time. */
  own: (list: S.WoOwnerList, cursor?: string, limit = PAGE_SIZE) => call('GET /v1/team/workorders/mine', { query: { list, limit, cursor } }),
  /** 街道调度: one tab of the street's orders; the admin names a street (or `_district`). */
  street: (group: S.WoGroup, cursor?: string, street?: string, limit = PAGE_SIZE) =>
    call('GET /v1/street/workorders', { query: { group, limit, cursor, street } }),
  overdue: (street?: string) => call('GET /v1/street/workorders/overdue', { query: { street } }),
  /** The owner asks for more working days. */
  requestExtension: (no: string, days: number, reason: string) => call('POST /v1/workorders/{no}/extension', { params: { no }, body: { days, reason } }),
  /** The street's dispatcher grants or refuses the pending request. */
  decideExtension: (no: string, approve: boolean, note?: string) =>
    call('POST /v1/workorders/{no}/extension-decision', { params: { no }, body: { approve, ...(note ? { note } : {}) } }),
  /** The street's dispatcher closes this order as a duplicate of an open one. */
  markDuplicate: (no: string, originalNo: string) => call('POST /v1/workorders/{no}/duplicate', { params: { no }, body: { originalNo } }),
  /** The photos the viewer may see; the URLs expire soon, so load them again rather than keep them. */
  photos: (no: string) => call('GET /v1/workorders/{no}/photos', { params: { no } }),
  /** 处理进展: the owner, while handling, records what was done (with up to 9 photos); answers with the staff view. */
  addNote: (no: string, note: string, photoIds: string[], idempotencyKey: string) =>
    call('POST /v1/workorders/{no}/notes', { params: { no }, body: { note, photoIds }, headers: { 'Idempotency-Key': idempotencyKey } }),
  /** 补充说明: the filer adds to the description until the order is closed; a retry with the same key adds it once. */
  supplement: (no: string, note: string, idempotencyKey: string) =>
    call('POST /v1/workorders/{no}/supplement', { params: { no }, body: { note }, headers: { 'Idempotency-Key': idempotencyKey } }),
  act: <A extends S.WorkOrderAction>(no: string, action: A, body: WoActionBody<A>) =>
    call('POST /v1/workorders/{no}/{action}', { params: { no, action }, body }),
};
