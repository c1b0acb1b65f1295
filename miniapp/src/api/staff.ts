import type {
  ApplicationState, ApplicationSummary, Light, Rating, StaffAction, StaffActionBodies, TimelineEntry,
} from '@yx/shared';
import type * as z from 'zod';
import { request } from './client';
import type { MaterialFile } from '../components/MaterialFiles';

/** States the queue can be filtered by (the open ones plus 待补正 and 待送达). */
export type QueueState = 'submitted' | 'supplement' | 'accepted' | 'in_review' | 'approved';

export interface QueueQuery { state?: QueueState; light?: Light; limit?: number; cursor?: string }
export interface QueueResponse { items: ApplicationSummary[]; nextCursor: string | null }

export interface StaffCounts { departmentId: string; byState: Record<QueueState, number> }

export type OpinionStatus = 'open' | 'agree' | 'disagree' | 'deemed';

/** 并联审批: one department's opinion on an application led by another. */
export interface OpinionView { departmentId: string; departmentName: string; status: OpinionStatus; reason?: string; due: string }

export interface StaffMaterial { name: string; source: 'upload' | 'elicence' | 'deferred' | 'none'; files: number; fileUrls?: MaterialFile[] }

/** GET /v1/staff/applications/{appNo}: the officer's view, personal data masked. */
export interface StaffApplicationView extends ApplicationSummary {
  version: number;
  applicant: string;
  promisedDays: number;
  statutoryDays: number;
  materials: StaffMaterial[];
  deferred: { name: string; dueDate: string; handedIn: boolean }[];
  supplementNotice?: { items: { material: string; reason: string }[]; dueDate?: string };
  actions: StaffAction[];
  timeline: TimelineEntry[];
  opinions?: OpinionView[];
}

/** The body of one staff action, as its shared schema accepts it. */
export type StaffActionBody<A extends StaffAction> = z.input<(typeof StaffActionBodies)[A]>;

/** An opinion task sent to my department. */
export interface OpinionTask { appNo: string; itemName: string; fromDepartmentName: string; due: string; light: Light | null; status: OpinionStatus; reason?: string }
export interface OpinionAnswer { decision: 'agree' | 'disagree'; reason?: string }

/** 差评整改: a poor rating my department has to follow up. */
export interface Rectification {
  appNo: string;
  itemName: string;
  rating: Rating;
  ratingName?: string;
  comment?: string;
  due: string;
  light: Light | null;
  status: 'open' | 'closed';
  callback?: { at: string; note: string };
  closingNote?: string;
}
export interface RectificationUpdate { callback?: string; close?: string }

/** 督办: an overdue application anywhere in the district. */
export interface SupervisionItem { appNo: string; itemName: string; departmentName: string; deadline: string; overdueDays: number; light: 'red' }

export type DashboardScope = { scope: 'dept'; id: string } | { scope: 'street'; id?: string } | { scope: 'district' };

export interface DashboardWeek {
  week: string; received: number; done: number; onTime: number;
  /** 诉求工单 filed and closed that week. */
  woFiled?: number; woClosed?: number;
}

/** 诉求 and 越秀先锋 work orders handled in the scope. */
export interface WorkOrderStats {
  filed: number;
  open: number;
  closed: number;
  resolved: number;
  reopened: number;
  duplicates: number;
  /** Answered by the reply date, of those answered; null before any. */
  onTimeRate: number | null;
  /** 满意 and 基本满意, of those rated; null before any. */
  satisfactionRate: number | null;
}

/** GET /v1/dashboard: counts and rates for a department or the whole district. */
export interface Dashboard {
  scope: 'dept' | 'street' | 'district';
  name: string;
  /** 差评整改 still open */
  rectificationsOpen?: number;
  byState: Partial<Record<ApplicationState, number>>;
  /** Applications whose clock runs (submitted, accepted, in review). */
  open?: number;
  done: number;
  onTimeRate: number | null;
  avgUsedDays: number | null;
  /** How many ratings were given; satisfactionRate is the satisfied share of them. */
  ratings: number;
  satisfactionRate: number | null;
  weeks: DashboardWeek[];
  workOrders?: WorkOrderStats;
}

const no = (appNo: string) => encodeURIComponent(appNo);

export const staffApi = {
  queue: (q: QueueQuery = {}) =>
    request<QueueResponse>('GET', '/v1/staff/applications', { query: { state: q.state, light: q.light, limit: q.limit ?? 20, cursor: q.cursor } }),
  counts: () => request<StaffCounts>('GET', '/v1/staff/counts'),
  application: (appNo: string) => request<StaffApplicationView>('GET', `/v1/staff/applications/${no(appNo)}`),
  act: <A extends StaffAction>(appNo: string, action: A, body: StaffActionBody<A>) =>
    request<StaffApplicationView>('POST', `/v1/staff/applications/${no(appNo)}/${action}`, { body }),

  opinions: () => request<{ items: OpinionTask[] }>('GET', '/v1/staff/opinions'),
  answerOpinion: (appNo: string, body: OpinionAnswer) => request<{ ok: true }>('POST', `/v1/staff/opinions/${no(appNo)}`, { body }),

  rectifications: () => request<{ items: Rectification[] }>('GET', '/v1/staff/rectifications'),
  /** The answer's shape is not relied on: the page reloads the list afterwards. */
  updateRectification: (appNo: string, body: RectificationUpdate) => request<unknown>('POST', `/v1/staff/rectifications/${no(appNo)}`, { body }),

  supervision: () => request<{ items: SupervisionItem[] }>('GET', '/v1/supervision'),
  supervise: (appNo: string, note: string) => request<unknown>('POST', `/v1/supervision/${no(appNo)}`, { body: { note } }),

  dashboard: (s: DashboardScope) =>
    request<Dashboard>('GET', '/v1/dashboard', { query: s.scope === 'district' ? { scope: 'district' } : { scope: s.scope, id: s.id } }),
};
