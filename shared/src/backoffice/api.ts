import * as z from 'zod';
import { DocumentRef } from '../documents/api';
import { EXCLUDED_KINDS, type ExcludedKind } from '../guide/schema';
import { ApplicationSummary, DeferredMaterial, DELIVERY_METHODS, PostAddress, TimelineEntry, LightSchema } from '../applications/api';
import { APPLICATION_STATES, RATINGS } from '../applications/states';
import { MaterialFile } from '../files/api';
import { QUEUE_STATES, STAFF_ACTIONS, STAFF_TEXT_MAX, STAFF_TEXT_MIN, type StaffAction } from './actions';
import { lazy } from '../api/lazy';
import { DisclosureView } from '../disclosure/api';

// ---- bodies and queries of the back-office routes ----

/** 并联审批: another department's opinion; a disagreement needs a reason. */
export const OpinionRequest = lazy(() =>
  z
    .strictObject({
      decision: z.enum(['agree', 'disagree']),
      reason: z.string().trim().max(STAFF_TEXT_MAX).optional(),
    })
    .refine((v) => v.decision === 'agree' || (v.reason ?? '').length >= STAFF_TEXT_MIN, { message: '不同意时请说明理由', path: ['reason'] }),
);
/** 差评整改: a call-back record, or the closing note (which may be longer). */
export const RECTIFICATION_CLOSE_MAX = 500;
export const RectificationRequest = lazy(() =>
  z
    .strictObject({
      callback: z.string().trim().min(STAFF_TEXT_MIN).max(STAFF_TEXT_MAX).optional(),
      close: z.string().trim().min(STAFF_TEXT_MIN).max(RECTIFICATION_CLOSE_MAX).optional(),
    })
    .refine((v) => v.callback || v.close, { message: '请填写回访情况或整改说明', path: ['callback'] }),
);
export const SuperviseRequest = lazy(() => z.strictObject({ note: z.string().trim().min(STAFF_TEXT_MIN).max(STAFF_TEXT_MAX) }));
/** 督办回复: the department's answer to the round of 督办 it was shown (a newer round must be read first). */
export const SupervisionReplyRequest = lazy(() =>
  z.strictObject({
    reply: z
      .string()
      .trim()
      .min(STAFF_TEXT_MIN, { message: `请填写回复内容（至少 ${STAFF_TEXT_MIN} 个字）` })
      .max(STAFF_TEXT_MAX, { message: `回复内容最多 ${STAFF_TEXT_MAX} 个字` }),
    round: z.number({ message: '缺少督办轮次，请刷新后再回复' }).int().min(1, { message: '督办轮次不正确' }),
  }),
);
export const DashboardQuery = lazy(() =>
  z.strictObject({
    scope: z.enum(['dept', 'street', 'district']).optional(),
    id: z
      .string()
      .regex(/^[a-z0-9-]{2,40}$/, { message: '部门编号不正确' })
      .optional(),
  }),
);

// ---- answers ----

export const OkResponse = lazy(() => z.object({ ok: z.literal(true) }));

export const StaffCounts = lazy(() => z.object({ departmentId: z.string(), byState: z.record(z.enum(QUEUE_STATES), z.number()) }));

export const OPINION_STATUSES = ['open', 'agree', 'disagree', 'deemed'] as const;
const OpinionStatus = lazy(() => z.enum(OPINION_STATUSES));

/** 并联审批: one department's opinion on an application led by another. */
export const OpinionView = lazy(() =>
  z.object({
    departmentId: z.string(),
    departmentName: z.string(),
    status: OpinionStatus,
    reason: z.string().optional(),
    due: z.string(),
  }),
);

export const StaffMaterial = lazy(() =>
  z.object({
    name: z.string(),
    source: z.enum(['upload', 'elicence', 'deferred', 'none']),
    files: z.number(),
    fileUrls: z.array(MaterialFile).optional(),
  }),
);

/** GET /v1/staff/applications/{appNo}: the officer's view, personal data masked. */
export const StaffApplicationView = lazy(() =>
  ApplicationSummary.extend({
    version: z.number(),
    applicant: z.string(),
    promisedDays: z.number(),
    statutoryDays: z.number(),
    materials: z.array(StaffMaterial),
    deferred: z.array(DeferredMaterial),
    supplementNotice: z
      .object({ items: z.array(z.object({ material: z.string(), reason: z.string() })), dueDate: z.string().optional(), askedBy: z.string().optional() })
      .optional(),
    actions: z.array(z.enum(Object.keys(STAFF_ACTIONS) as [StaffAction, ...StaffAction[]])),
    timeline: z.array(TimelineEntry),
    opinions: z.array(OpinionView).optional(),
    /** the item is issued as a sealed electronic document (证明开具, issue 15) */
    issuesDocument: z.boolean().optional(),
    /** sealed documents issued for this application: the certificate, formal notices */
    documents: z.array(DocumentRef).optional(),
    /** 特别程序 the item allows (shown while in review) */
    excludedKinds: z.array(z.object({ kind: z.enum(Object.keys(EXCLUDED_KINDS) as [ExcludedKind, ...ExcludedKind[]]), name: z.string() })).optional(),
    /** 特别程序 under way (听证、专家评审…): the clocks stand still */
    excludedPeriod: z.object({ name: z.string(), since: z.string(), note: z.string() }).optional(),
    /** 结果送达 as the applicant chose it (the address in full: this department handles the case) */
    delivery: z.object({ method: z.enum(DELIVERY_METHODS), chosen: z.boolean(), postTo: PostAddress.optional(), trackingNo: z.string().optional() }).optional(),
    /** 依申请公开 (issue 19): the 条例's clock, the 补正 cut-off, art. 35's figures, the reply */
    disclosure: DisclosureView.optional(),
  }),
);

/** An opinion task sent to my department. */
export const OpinionTask = lazy(() =>
  z.object({
    appNo: z.string(),
    itemName: z.string(),
    fromDepartmentName: z.string(),
    due: z.string(),
    light: LightSchema.nullable(),
    status: OpinionStatus,
    reason: z.string().optional(),
  }),
);
export const OpinionTaskList = lazy(() => z.object({ items: z.array(OpinionTask) }));

/** 差评整改: a poor rating my department has to follow up. */
export const Rectification = lazy(() =>
  z.object({
    /** open and past its due date */
    overdue: z.boolean().optional(),
    /** when the daily job marked it overdue and told the department (escalated to the admin's overview) */
    escalatedAt: z.string().optional(),
    appNo: z.string(),
    itemName: z.string(),
    rating: z.enum(RATINGS),
    ratingName: z.string().optional(),
    comment: z.string().optional(),
    due: z.string(),
    light: LightSchema.nullable(),
    status: z.enum(['open', 'closed']),
    callback: z.object({ at: z.string(), note: z.string() }).optional(),
    closingNote: z.string().optional(),
  }),
);
export const RectificationList = lazy(() => z.object({ items: z.array(Rectification) }));

/** GET /v1/admin/rectifications: every department's open and overdue rectifications (the admin's overview). */
export const RectificationOverview = lazy(() =>
  z.object({
    total: z.object({ open: z.number(), overdue: z.number() }),
    departments: z.array(z.object({ departmentId: z.string(), departmentName: z.string(), open: z.number(), overdue: z.number() })),
    /** open rectifications, overdue first, then by due date */
    items: z.array(Rectification.extend({ departmentId: z.string(), departmentName: z.string() })),
  }),
);

/** 待我处理: applications whose 补正 came back to the officer who asked, until someone acts on them. */
export const StaffTask = lazy(() => z.object({ appNo: z.string(), itemName: z.string(), at: z.string(), note: z.string() }));
export const StaffTaskList = lazy(() => z.object({ items: z.array(StaffTask) }));
export type StaffTask = z.infer<typeof StaffTask>;

/**
 * 督办's state for a person: waiting for the reply (待回复), reply overdue (逾期未回复), answered (已回复), answered after
 * the reply date (逾期回复).
 */
export const SUPERVISION_STATES = ['waiting', 'overdue', 'answered', 'late'] as const;
export type SupervisionStateName = (typeof SUPERVISION_STATES)[number];

/** One 督办 as tracked (issue 16): who asked what, reply by when, the reply. */
export const SupervisionState = lazy(() =>
  z.object({
    round: z.number(),
    status: z.enum(['open', 'answered']),
    state: z.enum(SUPERVISION_STATES),
    /** 自动督办: put on the list by the daily job when the application turned red */
    auto: z.boolean(),
    by: z.string(),
    note: z.string(),
    at: z.string(),
    replyBy: z.string(),
    reply: z.object({ note: z.string(), by: z.string(), at: z.string(), late: z.boolean() }).optional(),
    /** the reply was overdue: escalated to the district */
    escalated: z.boolean(),
  }),
);
/** A 督办 with its application: the department's list, the district's escalated list. */
export const SupervisionTask = lazy(() =>
  SupervisionState.extend({ appNo: z.string(), itemName: z.string(), departmentName: z.string(), deadline: z.string().optional() }),
);
export const SupervisionTaskList = lazy(() => z.object({ items: z.array(SupervisionTask) }));

/** 督办: an overdue application anywhere in the district. */
export const SupervisionItem = lazy(() =>
  z.object({
    appNo: z.string(),
    itemName: z.string(),
    departmentName: z.string(),
    deadline: z.string(),
    overdueDays: z.number(),
    light: z.literal('red'),
    /** its 督办, once supervised (by a person or 自动督办) */
    supervision: SupervisionState.optional(),
  }),
);
export const SupervisionList = lazy(() =>
  z.object({
    items: z.array(SupervisionItem),
    /** 督办 whose reply is overdue, escalated to the district (the dispatcher's street only) */
    escalated: z.array(SupervisionTask).optional(),
  }),
);

export const DashboardWeek = lazy(() =>
  z.object({
    week: z.string(),
    received: z.number(),
    done: z.number(),
    onTime: z.number(),
    /** 诉求工单 filed and closed that week. */
    woFiled: z.number().optional(),
    woClosed: z.number().optional(),
  }),
);

/** 诉求 and 越秀先锋 work orders handled in the scope. */
export const WorkOrderStats = lazy(() =>
  z.object({
    filed: z.number(),
    open: z.number(),
    closed: z.number(),
    resolved: z.number(),
    reopened: z.number(),
    duplicates: z.number(),
    /** Answered by the reply date, of those answered; null before any. */
    onTimeRate: z.number().nullable(),
    /** 满意 and 基本满意, of those rated; null before any. */
    satisfactionRate: z.number().nullable(),
  }),
);

/** GET /v1/dashboard: counts and rates for a department, a street or the whole district. */
export const Dashboard = lazy(() =>
  z.object({
    scope: z.enum(['dept', 'street', 'district']),
    name: z.string(),
    /** 差评整改 still open */
    rectificationsOpen: z.number().optional(),
    byState: z.partialRecord(z.enum(APPLICATION_STATES), z.number()),
    /** Applications whose clock runs (submitted, accepted, in review). */
    open: z.number().optional(),
    done: z.number(),
    onTimeRate: z.number().nullable(),
    avgUsedDays: z.number().nullable(),
    /** How many ratings were given; satisfactionRate is the satisfied share of them. */
    ratings: z.number(),
    satisfactionRate: z.number().nullable(),
    weeks: z.array(DashboardWeek),
    workOrders: WorkOrderStats.optional(),
    /** the district's view: 督办 escalated because the department did not reply in time (still unanswered) */
    escalatedSupervisions: z.object({ count: z.number(), items: z.array(SupervisionTask) }).optional(),
  }),
);
