import * as z from 'zod';
import { PolicyClaimView } from '@yx/shared';
import { APPLICATION_STATES, DRAFT_DAYS, EXCLUDED_KINDS, EXEMPTION_IDS, RATINGS, REPLY_KIND_IDS, type ExcludedKind } from '@yx/shared';
import { parseRow, ttlAfter, type Item } from './entity';
import { openFields, sealFields } from '../pii';

/**
 * Applications (办件) and what lives in their partition or points at it.
 * | application          | APP#<appNo>       | APP               | gsi1 USERAPP#<userId> / <submittedAt>#<appNo>; gsi2 DEPTQ#<dept> / <deadline>#<appNo> (while open); gsi3 FIRMAPP#<code> / <submittedAt>#<appNo> (a firm's) |
 * | event (trail)        | APP#<appNo>       | EVT#<at>#<n>      | append-only; side events (opinions, supervision) EVT#<at>#<tag> |
 * | opinion task (并联)  | APP#<appNo>       | OPN#<deptId>      | gsi2 DEPTOPN#<deptId> / <due>#<appNo> while open |
 * | opinion due date     | OPNDUE#<date>     | <appNo>#<deptId>  | |
 * | rectification (整改) | APP#<appNo>       | RECT              | gsi2 DEPTRECT#<deptId> / <due>#<appNo> while open |
 * | deferred material due| DUE#<yyyy-mm-dd>  | <appNo>#<n>       | |
 * | draft                | USER#<userId>     | DRAFT#<formId>    | ttl 30 days |
 * | officer's task       | USER#<officerId>  | TASK#<appNo>      | 补正 answered: back to the officer who asked, until someone acts on it |
 * | 依申请公开 year figures | DISCSTAT#<yyyy> | <deptId>         | kept by the aggregator: received, replied, onTime, r_<reply kind> (the 年度报告) |
 * | supervision (督办)   | APP#<appNo>       | SUP               | gsi2 DEPTSUP#<deptId> / open#<replyBy>#<appNo> or answered#<at>#<appNo>; gsi3 SUPESC / <escalatedAt>#<appNo> while escalated and unanswered |
 */
export const keys = {
  application: (appNo: string) => ({ pk: `APP#${appNo}`, sk: 'APP' }),
  /** 依申请公开 figures of a year, one row per department (the 年度报告 reads the year's partition) */
  disclosureYear: (year: string, departmentId: string) => ({ pk: `DISCSTAT#${year}`, sk: departmentId }),
  disclosureYearPk: (year: string) => `DISCSTAT#${year}`,
  isDisclosureYear: (pk: string) => pk.startsWith('DISCSTAT#'),
  appPk: (appNo: string) => `APP#${appNo}`,
  event: (appNo: string, at: string, n: number) => ({ pk: `APP#${appNo}`, sk: `EVT#${at}#${String(n).padStart(3, '0')}` }),
  /** an event written outside a version-checked change (opinion answers, supervision notes) */
  sideEvent: (appNo: string, at: string, tag: string) => ({ pk: `APP#${appNo}`, sk: `EVT#${at}#${tag}` }),
  userApps: (userId: string, submittedAt: string, appNo: string) => ({ gsi1pk: `USERAPP#${userId}`, gsi1sk: `${submittedAt}#${appNo}` }),
  userAppsPk: (userId: string) => `USERAPP#${userId}`,
  /** a firm's applications, whoever filed them (gsi3): the legal representative's view of their agents' work */
  firmApps: (creditCode: string, submittedAt: string, appNo: string) => ({ gsi3pk: `FIRMAPP#${creditCode}`, gsi3sk: `${submittedAt}#${appNo}` }),
  firmAppsPk: (creditCode: string) => `FIRMAPP#${creditCode}`,
  /** a department's open applications, soonest deadline first (gsi2) */
  deptQueue: (departmentId: string, deadline: string, appNo: string) => ({ gsi2pk: `DEPTQ#${departmentId}`, gsi2sk: `${deadline}#${appNo}` }),
  deptQueuePk: (departmentId: string) => `DEPTQ#${departmentId}`,
  deptQueueSk: (deadline: string, appNo: string) => `${deadline}#${appNo}`,
  opinion: (appNo: string, departmentId: string) => ({ pk: `APP#${appNo}`, sk: `OPN#${departmentId}` }),
  deptOpinions: (departmentId: string, due: string, appNo: string) => ({ gsi2pk: `DEPTOPN#${departmentId}`, gsi2sk: `${due}#${appNo}` }),
  deptOpinionsPk: (departmentId: string) => `DEPTOPN#${departmentId}`,
  opinionDue: (due: string, appNo: string, departmentId: string) => ({ pk: `OPNDUE#${due}`, sk: `${appNo}#${departmentId}` }),
  opinionDuePk: (due: string) => `OPNDUE#${due}`,
  rectification: (appNo: string) => ({ pk: `APP#${appNo}`, sk: 'RECT' }),
  deptRectifications: (departmentId: string, due: string, appNo: string) => ({ gsi2pk: `DEPTRECT#${departmentId}`, gsi2sk: `${due}#${appNo}` }),
  deptRectificationsPk: (departmentId: string) => `DEPTRECT#${departmentId}`,
  due: (date: string, appNo: string, n: number) => ({ pk: `DUE#${date}`, sk: `${appNo}#${n}` }),
  duePk: (date: string) => `DUE#${date}`,
  draft: (userId: string, formId: string) => ({ pk: `USER#${userId}`, sk: `DRAFT#${formId}` }),
  officerTask: (officerId: string, appNo: string) => ({ pk: `USER#${officerId}`, sk: `TASK#${appNo}` }),
  /** 督办 (issue 16): one per application, a new round replacing the last */
  supervision: (appNo: string) => ({ pk: `APP#${appNo}`, sk: 'SUP' }),
  deptSupervisionsPk: (departmentId: string) => `DEPTSUP#${departmentId}`,
  /** gsi2 sort keys of a department's 督办: open ones by reply date (soonest first), answered ones by the answer */
  deptSupervisionSk: (status: 'open' | 'answered', date: string, appNo: string) => `${status}#${date}#${appNo}`,
  /** the range of open 督办 whose reply date is before `date` (the escalation job) */
  openSupervisionsBefore: (date: string) => ({ from: 'open#', to: `open#${date}` }),
  /** 督办 escalated to the district (reply overdue), while unanswered: one small partition the district reads */
  escalatedSupervisionsPk: 'SUPESC',
  /** a formal notice issued for the application (issue 15), listed with it */
  document: (appNo: string, serial: string) => ({ pk: `APP#${appNo}`, sk: `DOC#${serial}` }),
};

/** What a row of the application's partition is, by its sort key. */
export const rowKind = (sk: string): 'application' | 'event' | 'opinion' | 'document' | 'other' =>
  sk === 'APP' ? 'application' : sk.startsWith('EVT#') ? 'event' : sk.startsWith('OPN#') ? 'opinion' : sk.startsWith('DOC#') ? 'document' : 'other';

const AppDocumentSchema = z.object({ serial: z.string(), title: z.string(), kind: z.enum(['certificate', 'notice']), status: z.enum(['valid', 'revoked']) });
export type AppDocument = z.output<typeof AppDocumentSchema>;
export const AppDocumentRef = {
  toItem: (appNo: string, d: AppDocument): Item => ({ ...keys.document(appNo, d.serial), entity: 'AppDocument', ...d }),
  fromItem: (item: Item): AppDocument => parseRow(AppDocumentSchema, item),
};

/** Which (appNo, department) an opinion due row points at. */
export const opinionDueTarget = (sk: string) => {
  const [appNo, departmentId] = sk.split('#');
  return { appNo, departmentId };
};

const State = z.enum(APPLICATION_STATES);
const Rating = z.enum(RATINGS);
const MaterialUse = z.object({
  name: z.string(),
  source: z.enum(['upload', 'elicence', 'deferred', 'none']),
  fileIds: z.array(z.string()).optional(),
  licenceIds: z.array(z.string()).optional(),
});
/** A 容缺 material: due by `dueDate`; `late` once the sweep turned it into 补正 (so it does so once). */
const Deferral = z.object({ name: z.string(), dueDate: z.string(), handedIn: z.boolean(), late: z.boolean().optional() });
export type MaterialUse = z.output<typeof MaterialUse>;
export type Deferral = z.output<typeof Deferral>;

/** An application (办件) as stored. Only the owner and the owning department ever read it. */
const ApplicationSchema = z.object({
  appNo: z.string(),
  itemId: z.string(),
  /** the catalogue version of the item it was filed under (issue 16); absent on applications filed before versions: the current one */
  itemVersion: z.number().int().min(1).optional(),
  itemName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  /** 所在街道: the street whose dashboard counts this application */
  streetId: z.string().optional(),
  bundleId: z.string().optional(),
  linked: z.array(z.object({ appNo: z.string(), itemName: z.string() })),
  applicantId: z.string(),
  applicantDisplay: z.string(), // masked name shown on public lookups, e.g. 张*明
  enterpriseCode: z.string().optional(),
  state: State,
  version: z.number(),
  submittedAt: z.string(),
  startDate: z.string(), // business date the clock starts from
  promisedDays: z.number(),
  statutoryDays: z.number(),
  pausedDays: z.number(),
  pausedSince: z.string().optional(),
  /** 受理 (business date): the statutory clock starts here (issue 16); absent before acceptance */
  acceptedOn: z.string().optional(),
  /** working days the statutory clock stood still (补正 after acceptance) */
  statutoryPausedDays: z.number().optional(),
  delivery: z.enum(['pickup', 'post', 'electronic']),
  deliveryInfo: z
    .object({ method: z.enum(['pickup', 'post', 'electronic']), pickupCode: z.string().optional(), trackingNo: z.string().optional(), at: z.string() })
    .optional(),
  /** the applicant chose `delivery` (else it is the item's first way) */
  deliveryChosen: z.boolean().optional(),
  /** 邮寄送达: where to (sealed) */
  postTo: z.object({ recipient: z.string(), phone: z.string(), address: z.string() }).optional(),
  answers: z.record(z.string(), z.unknown()),
  materials: z.array(MaterialUse),
  deferred: z.array(Deferral),
  commitment: z.object({ signer: z.string(), at: z.string() }).optional(),
  /** 政策兑现 (issue 17): the policy item claimed, its version and the firm's judgement at submission */
  policy: PolicyClaimView.optional(),
  queryCodeHash: z.string(),
  /** 联系电话: the form's phone answer, else the account's number from WeChat when the application was made */
  contactPhone: z.string().optional(),
  phoneHash: z.string().optional(),
  supplementNotice: z
    .object({
      items: z.array(z.object({ material: z.string(), reason: z.string() })),
      dueDate: z.string().optional(),
      /** where the case goes back to when answered (补正 during review stays in review, its opinions kept) */
      fromState: z.enum(APPLICATION_STATES).optional(),
      /** the officer who asked: the answer becomes a task in their list */
      askedBy: z.object({ userId: z.string(), label: z.string() }).optional(),
    })
    .optional(),
  /** 特别程序 under way (听证、专家评审…): the clocks stand still from `since` (pausedSince) until it ends */
  excludedPeriod: z.object({ kind: z.enum(Object.keys(EXCLUDED_KINDS) as [ExcludedKind, ...ExcludedKind[]]), since: z.string(), note: z.string() }).optional(),
  /** the officer with an open task on it (an answered 补正), cleared by the next staff action */
  taskFor: z.string().optional(),
  rating: z.object({ value: Rating, comment: z.string().optional(), at: z.string() }).optional(),
  /** 办结 (approved or denied): on which business date, working days used, within the promised days or not */
  completion: z.object({ on: z.string(), usedDays: z.number(), onTime: z.boolean() }).optional(),
  /** 依申请公开 (issue 19): the 条例's clock and the reply's kind and files (the reply's words are `disclosureReply`, sealed) */
  disclosure: z
    .object({
      /** 收到申请之日 (art. 31) */
      receivedOn: z.string(),
      /** the 补正 answer arrived: the clock counts again from here (art. 30) */
      restartedOn: z.string().optional(),
      /** the 补正 notice was sent (one only) */
      clarifiedOn: z.string().optional(),
      /** the 补正 went unanswered past its date: 视为放弃申请 (art. 30) */
      abandonedOn: z.string().optional(),
      extension: z.object({ basis: z.enum(['art33', 'art35']), days: z.number(), approvedBy: z.string(), reason: z.string(), on: z.string() }).optional(),
      reply: z.object({ kind: z.enum(REPLY_KIND_IDS), on: z.string(), onTime: z.boolean(), fileIds: z.array(z.string()) }).optional(),
    })
    .optional(),
  disclosureReply: z
    .object({
      text: z.string(),
      where: z.string().optional(),
      exemption: z.enum(EXEMPTION_IDS).optional(),
      withheld: z.string().optional(),
      rightBody: z.object({ name: z.string(), contact: z.string().optional() }).optional(),
      earlierAppNo: z.string().optional(),
    })
    .optional(),
  /** sealed documents issued for it (issue 15): the certificate, formal notices */
  documents: z
    .array(z.object({ serial: z.string(), title: z.string(), kind: z.enum(['certificate', 'notice']), status: z.enum(['valid', 'revoked']) }))
    .optional(),
});
export type ApplicationRecord = z.output<typeof ApplicationSchema>;

/**
 * Sealed at rest (lib/pii): the form's answers (ID numbers, a spouse's ID, addresses), the contact phone, who signed the
 * commitment, the postal address, a 依申请公开 reply's words (they may name a third party).
 */
const APP_SEALED = ['answers', 'contactPhone', 'commitment', 'postTo', 'disclosureReply'] as const;

export const Application = {
  Schema: ApplicationSchema,
  /** `deadline`: the promised deadline, its place in the department's queue */
  toItem: (a: ApplicationRecord, deadline: string): Item => ({
    ...keys.application(a.appNo),
    ...keys.userApps(a.applicantId, a.submittedAt, a.appNo),
    ...(a.enterpriseCode ? keys.firmApps(a.enterpriseCode, a.submittedAt, a.appNo) : {}),
    // waiting for another item of its 一件事 (issue 16): in no department's queue until released
    ...(a.state === 'waiting' ? {} : keys.deptQueue(a.departmentId, deadline, a.appNo)),
    entity: 'Application',
    ...sealFields(a, APP_SEALED, keys.application(a.appNo)),
  }),
  fromItem: (item: Item): ApplicationRecord => parseRow(ApplicationSchema, openFields(item, APP_SEALED)),
  /** The sealed fields of a change, sealed as the row's own would be. */
  sealChange: <T extends object>(appNo: string, set: T): Record<string, unknown> => sealFields(set, APP_SEALED, keys.application(appNo)),
};

const EventSchema = z.object({
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  note: z.string().optional(),
  state: State.optional(),
  fromState: State.optional(),
  /** for the departments and overseers only (督办): never in the applicant's or the public trail */
  internal: z.boolean().optional(),
});
export type EventRecord = z.output<typeof EventSchema>;

export const AppEvent = {
  Schema: EventSchema,
  toItem: (appNo: string, n: number, e: EventRecord): Item => ({ ...keys.event(appNo, e.at, n), entity: 'AppEvent', ...e }),
  /** opinion answers and supervision notes: not numbered, tagged by who wrote them */
  sideItem: (appNo: string, tag: string, e: EventRecord): Item => ({ ...keys.sideEvent(appNo, e.at, tag), entity: 'AppEvent', ...e }),
  fromItem: (item: Item): EventRecord => parseRow(EventSchema, item),
};

const OpinionSchema = z.object({
  appNo: z.string(),
  itemName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  fromDepartmentId: z.string(),
  fromDepartmentName: z.string(),
  status: z.enum(['open', 'agree', 'disagree', 'deemed']),
  reason: z.string().optional(),
  due: z.string(),
  createdAt: z.string(),
  answeredAt: z.string().optional(),
});
export type OpinionTask = z.output<typeof OpinionSchema>;

export const Opinion = {
  Schema: OpinionSchema,
  toItem: (t: OpinionTask): Item => ({
    ...keys.opinion(t.appNo, t.departmentId),
    ...keys.deptOpinions(t.departmentId, t.due, t.appNo),
    entity: 'OpinionTask',
    ...t,
  }),
  dueItem: (t: OpinionTask): Item => ({ ...keys.opinionDue(t.due, t.appNo, t.departmentId), entity: 'OpinionDue' }),
  fromItem: (item: Item): OpinionTask => parseRow(OpinionSchema, item),
};

const RectificationSchema = z.object({
  appNo: z.string(),
  itemName: z.string(),
  departmentId: z.string(),
  streetId: z.string().optional(),
  rating: Rating,
  comment: z.string().optional(),
  due: z.string(),
  createdAt: z.string(),
  status: z.enum(['open', 'closed']),
  callback: z.object({ at: z.string(), note: z.string() }).optional(),
  closingNote: z.string().optional(),
  closedAt: z.string().optional(),
  /** past its due date while open: marked once by the daily job, which told the department (escalated to the admin's overview) */
  overdueAt: z.string().optional(),
});
export type RectificationTask = z.output<typeof RectificationSchema>;

export const Rectification = {
  Schema: RectificationSchema,
  toItem: (t: RectificationTask): Item => ({
    ...keys.rectification(t.appNo),
    ...keys.deptRectifications(t.departmentId, t.due, t.appNo),
    entity: 'Rectification',
    ...t,
  }),
  fromItem: (item: Item): RectificationTask => parseRow(RectificationSchema, item),
};

/**
 * 督办 (issue 16): a supervisor (a street's dispatcher, the admin, or the daily job: `auto`, 自动督办) asks the handling
 * department to reply by `replyBy`; the reply is recorded once (`late` when after that date). An open 督办 whose reply
 * date passed is escalated to the district (`escalatedAt`, listed on gsi3 until answered).
 */
const SupervisionSchema = z.object({
  appNo: z.string(),
  itemName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  streetId: z.string().optional(),
  /** 1 for the first 督办 of the application, one up each time it is supervised again */
  round: z.number(),
  status: z.enum(['open', 'answered']),
  auto: z.boolean(),
  by: z.string(),
  byUserId: z.string().optional(),
  note: z.string(),
  at: z.string(),
  replyBy: z.string(),
  /** the application's promised deadline when supervised */
  deadline: z.string().optional(),
  reply: z.object({ note: z.string(), by: z.string(), byUserId: z.string(), at: z.string(), late: z.boolean() }).optional(),
  escalatedAt: z.string().optional(),
});
export type SupervisionRecord = z.output<typeof SupervisionSchema>;

export const Supervision = {
  Schema: SupervisionSchema,
  toItem: (s: SupervisionRecord): Item => ({
    ...keys.supervision(s.appNo),
    gsi2pk: keys.deptSupervisionsPk(s.departmentId),
    gsi2sk: s.status === 'open' ? keys.deptSupervisionSk('open', s.replyBy, s.appNo) : keys.deptSupervisionSk('answered', s.reply?.at ?? s.at, s.appNo),
    ...(s.status === 'open' && s.escalatedAt ? { gsi3pk: keys.escalatedSupervisionsPk, gsi3sk: `${s.escalatedAt}#${s.appNo}` } : {}),
    entity: 'Supervision',
    ...s,
  }),
  fromItem: (item: Item): SupervisionRecord => parseRow(SupervisionSchema, item),
  key: (appNo: string) => keys.supervision(appNo),
};

/** An officer's task: an application whose 补正 came back to them (待我处理). */
const OfficerTaskSchema = z.object({ appNo: z.string(), itemName: z.string(), at: z.string(), note: z.string() });
export type OfficerTask = z.output<typeof OfficerTaskSchema>;
export const OfficerTask = {
  Schema: OfficerTaskSchema,
  toItem: (officerId: string, t: OfficerTask): Item => ({ ...keys.officerTask(officerId, t.appNo), entity: 'OfficerTask', ...t }),
  fromItem: (item: Item): OfficerTask => parseRow(OfficerTaskSchema, item),
  prefix: (officerId: string) => keys.officerTask(officerId, ''),
  key: (officerId: string, appNo: string) => keys.officerTask(officerId, appNo),
};

/** The day a deferred material falls due, for the daily sweep; `reminded`: the reminders sent (working days before). */
export const DeferredDue = {
  Schema: z.object({
    appNo: z.string(),
    material: z.string(),
    reminded: z.preprocess((v) => (v instanceof Set ? [...v] : v), z.array(z.number()).default([])),
  }),
  toItem: (date: string, appNo: string, n: number, material: string): Item => ({ ...keys.due(date, appNo, n), entity: 'DeferredDue', appNo, material }),
  fromItem: (item: Item) => ({
    ...parseRow(DeferredDue.Schema, item),
    date: String(item.pk).slice('DUE#'.length),
    n: Number(String(item.sk).split('#').pop()),
  }),
  key: (date: string, appNo: string, n: number) => keys.due(date, appNo, n),
};

/**
 * 草稿: what a person typed, saved as they go, kept 30 days. Not validated: it is unfinished. `fields`: the fingerprints
 * of the answered fields when saved (shared `draftPrints`), absent in drafts saved before them.
 */
const DraftSchema = z.object({
  answers: z.record(z.string(), z.unknown()),
  deferred: z.array(z.string()),
  step: z.number(),
  savedAt: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
});
export type Draft = z.output<typeof DraftSchema>;

export const DraftRow = {
  Schema: DraftSchema,
  toItem: (userId: string, formId: string, d: Draft): Item => ({
    ...keys.draft(userId, formId),
    entity: 'Draft',
    ...sealFields(d, ['answers'], keys.draft(userId, formId)),
    ttl: ttlAfter(d.savedAt, DRAFT_DAYS),
  }),
  fromItem: (item: Item): Draft => parseRow(DraftSchema, openFields(item, ['answers'])),
};
