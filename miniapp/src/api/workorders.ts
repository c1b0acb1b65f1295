import type {
  FileWorkOrderRequest, Light, Place, WO_RATINGS, WoActionBodies, WoGroup, WorkOrderAction, WorkOrderState,
} from '@yx/shared';
import type * as z from 'zod';
import { request } from './client';

/** 诉求 (接诉即办) and 一键呼叫 (越秀先锋): the work-order routes, as functions/src/workorders answers them. */

export type WoRating = (typeof WO_RATINGS)[number];

/** 延期申请: what the owner asked for and what the street dispatcher decided. */
export interface WoExtension { days: number; reason: string; status: 'requested' | 'granted' | 'refused'; at: string }

/** `photoCount`: the photos attached to this step (处理进展 with before/after photos). */
export interface WoTimelineEntry { at: string; actor: string; action: string; note?: string; to?: WorkOrderState; photoCount?: number }

/**
 * One photo of an order, with a short-lived URL to show it. `kind` says where it comes from:
 * 反映时上传 (the filer's; not shown to followers), 处理进展, 办结照片.
 */
export interface WoPhoto { fileId: string; url: string; kind: string; at: string }

/**
 * GET /v1/workorders/{no}: the filer's view (mine, photoIds), or for the handling team and the
 * street's dispatcher the staff view (version, actions, masked phone, anonymousToPublic).
 */
export interface WoView {
  no: string;
  kind: 'appeal' | 'community';
  /** The category path, e.g. 市容环境 / 占道经营 */
  category: string;
  state: WorkOrderState;
  stateName: string;
  description: string;
  place?: Place;
  street?: string;
  teamName: string;
  ownerName?: string;
  affected: number;
  createdAt: string;
  claimBy: string;
  replyBy: string;
  rating?: WoRating;
  reopened: boolean;
  /** The filer's display name (masked); 匿名 to the public when they chose so. */
  filer: string;
  timeline: WoTimelineEntry[];
  photoIds?: string[];
  /** Filer view: true for the person who filed it, false for someone following it (我也遇到). */
  mine?: boolean;
  // staff view only
  version?: number;
  actions?: WorkOrderAction[];
  anonymousToPublic?: boolean;
  contactPhone?: string;
  /** The light against the claim time (unclaimed) or the reply date (being handled); none once answered. */
  light?: Light;
  /** 联系方式偏好, as the filer's words (电话联系我 / 只发消息通知 / 无需回访). */
  contactPreference?: string;
  /** The filer's firm, for an enterprise's appeal; the credit code masked. */
  enterprise?: { name?: string; code: string };
  extension?: WoExtension;
  /** Closed as a duplicate of this order. */
  duplicateOf?: string;
  /** 已提请调度: overdue and raised to the street's dispatcher. */
  escalated?: boolean;
  /** The viewer is the street's dispatcher (or the district's admin). */
  dispatcher?: boolean;
}

export interface WoNearbyItem { no: string; category: string; description: string; address: string; affected: number; stateName: string; distance: number }

export interface WoSummary {
  no: string; category: string; description: string; state: WorkOrderState; stateName: string; teamName: string; createdAt: string; affected: number;
}

export interface WoTeamItem { no: string; category: string; description: string; address?: string; affected: number; claimBy: string; overdue: boolean; light?: Light }

/** A row of 街道调度 (one tab, or 督办). */
export interface WoStreetItem {
  no: string;
  kind: 'appeal' | 'community';
  category: string;
  description: string;
  address?: string;
  state: WorkOrderState;
  stateName: string;
  teamName: string;
  ownerName?: string;
  affected: number;
  claimBy: string;
  replyBy: string;
  createdAt: string;
  light?: Light;
  escalated: boolean;
  extensionRequested: boolean;
  duplicateOf?: string;
}

export interface WoStreetPage { street: string; group: WoGroup; groupName: string; items: WoStreetItem[]; nextCursor: string | null }
/** 督办: unclaimed past the claim time (items), handled past the reply date (replies). */
export interface WoOverdue { street: string; items: WoStreetItem[]; replies: WoStreetItem[] }

/** The body of a handler's action, as its shared schema accepts it. */
export type WoActionBody<A extends WorkOrderAction> = z.input<(typeof WoActionBodies)[A]>;

const enc = (no: string) => encodeURIComponent(no);

export const woApi = {
  /** Files an order; a retry with the same key answers with the order the first attempt created. */
  file: (idempotencyKey: string, body: z.input<typeof FileWorkOrderRequest>) =>
    request<WoView>('POST', '/v1/workorders', { body, headers: { 'Idempotency-Key': idempotencyKey } }),
  nearby: (categoryId: string, lat: number, lng: number) =>
    request<{ items: WoNearbyItem[] }>('GET', '/v1/workorders/nearby', { query: { categoryId, lat, lng } }),
  meToo: (no: string) => request<WoView>('POST', `/v1/workorders/${enc(no)}/me-too`),
  mine: (cursor?: string, limit = 20) =>
    request<{ items: WoSummary[]; nextCursor: string | null }>('GET', '/v1/workorders/mine', { query: { limit, cursor } }),
  get: (no: string) => request<WoView>('GET', `/v1/workorders/${enc(no)}`),
  rate: (no: string, value: WoRating, comment?: string) =>
    request<WoView>('POST', `/v1/workorders/${enc(no)}/rating`, { body: { value, ...(comment ? { comment } : {}) } }),
  team: () => request<{ teamId: string; items: WoTeamItem[] }>('GET', '/v1/team/workorders'),
  /** 街道调度: one tab of the street's orders; the admin names a street (or `_district`). */
  street: (group: WoGroup, cursor?: string, street?: string, limit = 20) =>
    request<WoStreetPage>('GET', '/v1/street/workorders', { query: { group, limit, cursor, street } }),
  overdue: (street?: string) => request<WoOverdue>('GET', '/v1/street/workorders/overdue', { query: { street } }),
  /** The owner asks for more working days. */
  requestExtension: (no: string, days: number, reason: string) =>
    request<WoView>('POST', `/v1/workorders/${enc(no)}/extension`, { body: { days, reason } }),
  /** The street's dispatcher grants or refuses the pending request. */
  decideExtension: (no: string, approve: boolean, note?: string) =>
    request<WoView>('POST', `/v1/workorders/${enc(no)}/extension-decision`, { body: { approve, ...(note ? { note } : {}) } }),
  /** The street's dispatcher closes this order as a duplicate of an open one. */
  markDuplicate: (no: string, originalNo: string) =>
    request<WoView>('POST', `/v1/workorders/${enc(no)}/duplicate`, { body: { originalNo } }),
  /** The photos the viewer may see; the URLs expire soon, so load them again rather than keep them. */
  photos: (no: string) => request<{ items: WoPhoto[] }>('GET', `/v1/workorders/${enc(no)}/photos`),
  /** 处理进展: the owner, while handling, records what was done (2–300 characters, up to 9 photos); answers with the staff view. */
  addNote: (no: string, note: string, photoIds: string[], idempotencyKey: string) =>
    request<WoView>('POST', `/v1/workorders/${enc(no)}/notes`, { body: { note, photoIds }, headers: { 'Idempotency-Key': idempotencyKey } }),
  act: <A extends WorkOrderAction>(no: string, action: A, body: WoActionBody<A>) =>
    request<WoView>('POST', `/v1/workorders/${enc(no)}/${action}`, { body }),
};
