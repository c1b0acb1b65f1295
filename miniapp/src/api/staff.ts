import type * as S from '@yx/shared';
import { PAGE_SIZE } from '@yx/shared';
import type * as z from 'zod';
import { call, type RouteBody } from './client';

/** 工作台: the back-office routes, typed from the shared contract (shared/src/backoffice). */

/** States the queue can be filtered by (the open ones plus 待补正 and 待送达). */
export type QueueState = S.QueueState;
export type QueueQuery = Partial<z.output<typeof S.QueueQuery>>;
export type QueueResponse = z.output<typeof S.ListMineResponse>;
export type StaffCounts = z.output<typeof S.StaffCounts>;

export type OpinionStatus = (typeof S.OPINION_STATUSES)[number];
/** 并联审批: one department's opinion on an application led by another. */
export type OpinionView = z.output<typeof S.OpinionView>;
export type StaffMaterial = z.output<typeof S.StaffMaterial>;
/** GET /v1/staff/applications/{appNo}: the officer's view, personal data masked. */
export type StaffApplicationView = z.output<typeof S.StaffApplicationView>;

/** The body of one staff action, as its shared schema accepts it. */
export type StaffActionBody<A extends S.StaffAction> = z.input<(typeof S.StaffActionBodies)[A]>;

/** An opinion task sent to my department. */
export type OpinionTask = z.output<typeof S.OpinionTask>;
export type OpinionAnswer = RouteBody<'POST /v1/staff/opinions/{appNo}'>;

/** 差评整改: a poor rating my department has to follow up. */
export type Rectification = z.output<typeof S.Rectification>;
export type RectificationUpdate = RouteBody<'POST /v1/staff/rectifications/{appNo}'>;

/** 督办: an overdue application anywhere in the district. */
export type SupervisionItem = z.output<typeof S.SupervisionItem>;
/** One 督办 as tracked: asked by whom, reply by when, the reply (issue 16). */
export type SupervisionState = z.output<typeof S.SupervisionState>;
/** A 督办 with its application: my department's list, the district's escalated list. */
export type SupervisionTask = z.output<typeof S.SupervisionTask>;
/** The admin's overview of every department's open and overdue rectifications. */
export type RectificationOverview = z.output<typeof S.RectificationOverview>;

/** Which dashboard to ask for (a query, not an answer). */
export type DashboardScope = { scope: 'dept'; id: string } | { scope: 'street'; id?: string } | { scope: 'district' };
export type DashboardWeek = z.output<typeof S.DashboardWeek>;
/** 诉求 and 越秀先锋 work orders handled in the scope. */
export type WorkOrderStats = z.output<typeof S.WorkOrderStats>;
/** GET /v1/dashboard: counts and rates for a department, a street or the whole district. */
export type Dashboard = z.output<typeof S.Dashboard>;
/** GET /v1/staff/disclosure/annual: 依申请公开 in a year, by department (issue 19). */
export type DisclosureAnnual = z.output<typeof S.AnnualFigures>;

export const staffApi = {
  queue: (q: QueueQuery = {}) =>
    call('GET /v1/staff/applications', { query: { state: q.state, light: q.light, limit: q.limit ?? PAGE_SIZE, cursor: q.cursor } }),
  counts: () => call('GET /v1/staff/counts'),
  application: (appNo: string) => call('GET /v1/staff/applications/{appNo}', { params: { appNo } }),
  act: <A extends S.StaffAction>(appNo: string, action: A, body: StaffActionBody<A>) =>
    call('POST /v1/staff/applications/{appNo}/{action}', { params: { appNo, action }, body }),

  /** 待我处理: answered 补正s back to me */
  tasks: () => call('GET /v1/staff/tasks'),
  opinions: () => call('GET /v1/staff/opinions'),
  answerOpinion: (appNo: string, body: OpinionAnswer) => call('POST /v1/staff/opinions/{appNo}', { params: { appNo }, body }),

  rectifications: () => call('GET /v1/staff/rectifications'),
  updateRectification: (appNo: string, body: RectificationUpdate) => call('POST /v1/staff/rectifications/{appNo}', { params: { appNo }, body }),

  supervision: () => call('GET /v1/supervision'),
  supervise: (appNo: string, note: string) => call('POST /v1/supervision/{appNo}', { params: { appNo }, body: { note } }),
  /** 督办 sent to my department, and the reply (once) */
  departmentSupervision: () => call('GET /v1/staff/supervision'),
  replySupervision: (appNo: string, reply: string, round: number) => call('POST /v1/staff/supervision/{appNo}', { params: { appNo }, body: { reply, round } }),
  /** 差评整改总览 (admin) */
  rectificationOverview: () => call('GET /v1/admin/rectifications'),

  /** 政府信息公开年度报告: the year's requests by department (staff: their own; admin: all) */
  disclosureAnnual: (year: number) => call('GET /v1/staff/disclosure/annual', { query: { year } }),

  dashboard: (s: DashboardScope) => call('GET /v1/dashboard', { query: s.scope === 'district' ? { scope: 'district' } : { scope: s.scope, id: s.id } }),
};
