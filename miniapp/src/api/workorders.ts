import type {
  FileWorkOrderRequest, Place, WO_RATINGS, WoActionBodies, WorkOrderAction, WorkOrderState,
} from '@yx/shared';
import type * as z from 'zod';
import { request } from './client';

/** 诉求 (接诉即办) and 一键呼叫 (越秀先锋): the work-order routes, as functions/src/workorders answers them. */

export type WoRating = (typeof WO_RATINGS)[number];

export interface WoTimelineEntry { at: string; actor: string; action: string; note?: string; to?: WorkOrderState }

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
}

export interface WoNearbyItem { no: string; category: string; description: string; address: string; affected: number; stateName: string; distance: number }

export interface WoSummary {
  no: string; category: string; description: string; state: WorkOrderState; stateName: string; teamName: string; createdAt: string; affected: number;
}

export interface WoTeamItem { no: string; category: string; description: string; address?: string; affected: number; claimBy: string; overdue: boolean }

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
  act: <A extends WorkOrderAction>(no: string, action: A, body: WoActionBody<A>) =>
    request<WoView>('POST', `/v1/workorders/${enc(no)}/${action}`, { body }),
};
