import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ApplicationState } from '@yx/shared';
import { cancellationReasons, db, queryPartition, readAll, table, transact, versionedUpdate, type Lookup } from '../lib/db';
import { allocateNumbers, getIdempotency, idempotencyItem } from '../lib/repository';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { LicenceUse } from '../lib/entities/wallet';
import {
  AppDocumentRef,
  AppEvent,
  Application,
  DeferredDue,
  DraftRow,
  keys,
  OfficerTask,
  Opinion,
  Rectification,
  rowKind,
  type AppDocument,
  type ApplicationRecord,
  type Deferral,
  type Draft,
  type EventRecord,
  type MaterialUse,
  type OpinionTask,
  type RectificationTask,
} from '../lib/entities/applications';
import { noticeItems, type Notice } from '../messages/repository';

export type { AppDocument, ApplicationRecord, Deferral, Draft, EventRecord, MaterialUse, OpinionTask, RectificationTask };
export { allocateNumbers };

const T = () => table();

/** What an earlier submit under this key wrote: its numbers, its request's hash, the receipt's query code. */
export async function getIdempotent(userId: string, key: string): Promise<{ appNos: string[]; requestHash?: string; queryCode?: string } | undefined> {
  const r = await getIdempotency(userId, key);
  return r?.appNos ? { appNos: r.appNos, requestHash: r.requestHash, queryCode: r.queryCode } : undefined;
}

/**
 * Writes a whole submission at once: the idempotency record (first writer wins), every linked
 * application with its first event, licence-use records, due dates of deferred materials, the
 * inbox message and outbox record, and drops the draft. Nothing is half-written. Dashboards count it
 * after it commits (functions/src/aggregate), so no row the district shares is in this transaction.
 */
export async function saveSubmission(o: {
  userId: string;
  idemKey: string;
  requestHash: string;
  apps: ApplicationRecord[];
  events: EventRecord[];
  message: Notice;
  licenceUses: { licenceId: string; appNo: string; material: string }[];
  formId: string;
  queryCode: string;
  /** promised deadline of each application: its place in the department's queue */
  deadlines: string[];
  /** rows another module puts with the submission (a policy claim's guard) */
  extra?: Record<string, unknown>[];
}): Promise<void> {
  const at = o.apps[0].submittedAt;
  const items: Record<string, unknown>[] = [
    // kept (7 days, owner only) so a retried submit shows the receipt's query code again
    idempotencyItem(o.userId, o.idemKey, at, { appNos: o.apps.map((a) => a.appNo), requestHash: o.requestHash, queryCode: o.queryCode }),
    { Delete: { TableName: T(), Key: keys.draft(o.userId, o.formId) } },
  ];
  o.apps.forEach((a, i) => {
    items.push({ Put: { TableName: T(), Item: Application.toItem(a, o.deadlines[i]), ConditionExpression: 'attribute_not_exists(pk)' } });
    items.push({ Put: { TableName: T(), Item: AppEvent.toItem(a.appNo, 0, o.events[i]) } });
    a.deferred.forEach((d, n) => items.push({ Put: { TableName: T(), Item: DeferredDue.toItem(d.dueDate, a.appNo, n, d.name) } }));
  });
  for (const u of o.licenceUses) items.push({ Put: { TableName: T(), Item: LicenceUse.toItem({ ...u, authorisedAt: at, holder: o.userId }) } });
  items.push(...noticeItems(o.message, at), ...(o.extra ?? []));
  await transact(items);
}

/** The application, its whole trail and its opinion tasks (并联审批): one Query on its partition. */
export async function getApplicationWithEvents(
  appNo: string,
): Promise<{ app?: ApplicationRecord; events: EventRecord[]; opinions: OpinionTask[]; notices: AppDocument[] }> {
  const out: { app?: ApplicationRecord; events: EventRecord[]; opinions: OpinionTask[]; notices: AppDocument[] } = { events: [], opinions: [], notices: [] };
  for (const row of await queryPartition(keys.appPk(appNo))) {
    const kind = rowKind(String(row.sk));
    if (kind === 'application') out.app = Application.fromItem(row);
    else if (kind === 'event') out.events.push(AppEvent.fromItem(row));
    else if (kind === 'opinion') out.opinions.push(Opinion.fromItem(row));
    else if (kind === 'document') out.notices.push(AppDocumentRef.fromItem(row));
  }
  return out;
}

/** A formal notice listed with its application (written with the notice, outside the application's version). */
export const appDocumentItem = (appNo: string, d: AppDocument) => ({ Put: { TableName: T(), Item: AppDocumentRef.toItem(appNo, d) } });

/** Everything issued for an application, in issue order: its certificate (on the row) and its notices (their own rows). */
export const documentsOf = (app: ApplicationRecord, notices: AppDocument[]): AppDocument[] => [...notices, ...(app.documents ?? [])];

export async function getApplication(appNo: string): Promise<ApplicationRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: T(), Key: keys.application(appNo) }));
  return r.Item ? Application.fromItem(r.Item) : undefined;
}

/** 我的办件: newest first, optionally only some states; the cursor is opaque to the client. */
export function listByApplicant(userId: string, states: ApplicationState[] | undefined, limit: number, cursor?: string) {
  return listOn('gsi1', keys.userAppsPk(userId), states, limit, cursor);
}

/** A firm's applications, newest first, whoever of its people filed them. */
export function listByFirm(creditCode: string, states: ApplicationState[] | undefined, limit: number, cursor?: string) {
  return listOn('gsi3', keys.firmAppsPk(creditCode), states, limit, cursor);
}

async function listOn(index: 'gsi1' | 'gsi3', partition: string, states: ApplicationState[] | undefined, limit: number, cursor?: string) {
  const r = await db().send(
    new QueryCommand({
      TableName: T(),
      IndexName: index,
      KeyConditionExpression: `${index}pk = :pk`,
      ExpressionAttributeValues: { ':pk': partition, ...(states ? Object.fromEntries(states.map((s, i) => [`:s${i}`, s])) : {}) },
      ...(states ? { FilterExpression: `#state IN (${states.map((_, i) => `:s${i}`).join(', ')})`, ExpressionAttributeNames: { '#state': 'state' } } : {}),
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, { partition, index }),
    }),
  );
  return {
    items: (r.Items ?? []).map(Application.fromItem),
    nextCursor: encodeCursor(r.LastEvaluatedKey),
  };
}

/** Fields a change may set: the record's own, or its place in the department's queue (`queueDeadline`). */
export type ApplicationChange = Partial<ApplicationRecord>;

/**
 * A change of one application, guarded by its version (optimistic lock) and, when given, its
 * state; with the event that records it and the message that tells the applicant, in one transaction.
 * The dashboards follow from the changed row (functions/src/aggregate/contributions.ts).
 */
export async function changeApplication(o: {
  app: ApplicationRecord;
  set: ApplicationChange;
  remove?: (keyof ApplicationRecord)[];
  expectState?: ApplicationState[];
  /** a new place in the department's queue (the deadline moved) */
  queueDeadline?: string;
  event: EventRecord;
  eventIndex: number;
  message?: Notice;
  /** 并联审批: opinion tasks opened with this change */
  opinions?: OpinionTask[];
  /** 差评整改: a rectification task opened with this change */
  rectification?: RectificationTask;
  /** more writes of the same change, from another entity's repository (an issued document's rows) */
  alsoWrite?: Record<string, unknown>[];
}): Promise<void> {
  // an application that has ended leaves its department's queue
  const leaving = o.set.state && ['delivered', 'denied', 'not_accepted', 'withdrawn', 'terminated'].includes(o.set.state) ? ['gsi2pk', 'gsi2sk'] : [];
  const set: Record<string, unknown> = {
    ...Application.sealChange(o.app.appNo, o.set),
    ...(o.queueDeadline ? { gsi2sk: keys.deptQueueSk(o.queueDeadline, o.app.appNo) } : {}),
  };
  const items: Record<string, unknown>[] = [
    versionedUpdate(keys.application(o.app.appNo), { version: o.app.version, set, remove: [...(o.remove ?? []), ...leaving], states: o.expectState }),
    { Put: { TableName: T(), Item: AppEvent.toItem(o.app.appNo, o.eventIndex, o.event), ConditionExpression: 'attribute_not_exists(pk)' } },
  ];
  if (o.message) items.push(...noticeItems(o.message, o.event.at));
  for (const t of o.opinions ?? []) items.push({ Put: { TableName: T(), Item: Opinion.toItem(t) } }, { Put: { TableName: T(), Item: Opinion.dueItem(t) } });
  if (o.rectification) items.push({ Put: { TableName: T(), Item: Rectification.toItem(o.rectification) } });
  items.push(...(o.alsoWrite ?? []));
  await transact(items);
}

// ---- 一件事 members that wait for another's result (issue 16) ----------------------------------------

export const applicationLookup = (appNo: string): Lookup<ApplicationRecord> => ({ key: keys.application(appNo), parse: Application.fromItem });

/** Applications by number in one BatchGetItem (a bundle's members), in the order asked; undefined where there is none. */
export async function getApplications(appNos: string[], o: { consistent?: boolean } = {}): Promise<(ApplicationRecord | undefined)[]> {
  if (!appNos.length) return [];
  return (await readAll({ apps: appNos.map(applicationLookup) }, o)).apps;
}

/**
 * The writes that move a waiting member of a bundle on, inside the change of the member it waited for: its update (held
 * to `waiting` at the version read, so it is released or ended once however many changes race), its event, and the
 * notices (one per person: callers pass distinct recipients). `queueDeadline`: released into its department's queue.
 */
export function waitingMemberWrites(o: {
  app: ApplicationRecord;
  set: ApplicationChange;
  queueDeadline?: string;
  event: EventRecord;
  notices: Notice[];
}): Record<string, unknown>[] {
  const set = { ...Application.sealChange(o.app.appNo, o.set), ...(o.queueDeadline ? keys.deptQueue(o.app.departmentId, o.queueDeadline, o.app.appNo) : {}) };
  return [
    versionedUpdate(keys.application(o.app.appNo), { version: o.app.version, set, states: ['waiting'] }),
    // a waiting member has had one change per version (no side events): its next event's number is its version
    { Put: { TableName: T(), Item: AppEvent.toItem(o.app.appNo, o.app.version, o.event), ConditionExpression: 'attribute_not_exists(pk)' } },
    ...o.notices.flatMap((n) => noticeItems(n, o.event.at)),
  ];
}

/** A member the change relies on stays as read (version) until the change commits: two approvals at once cannot both miss each other. */
export const applicationUnchanged = (app: ApplicationRecord) => ({
  ConditionCheck: {
    TableName: T(),
    Key: keys.application(app.appNo),
    ConditionExpression: '#version = :v',
    ExpressionAttributeNames: { '#version': 'version' },
    ExpressionAttributeValues: { ':v': app.version },
  },
});

// ---- officers' tasks (待我处理) ----------------------------------------------------------------

/** The writes of a 补正 coming back to the officer who asked: the task row and the officer's message. */
export const officerTaskWrites = (officerId: string, t: OfficerTask, message: Omit<Notice, 'userId' | 'appNo'>) => [
  { Put: { TableName: T(), Item: OfficerTask.toItem(officerId, t) } },
  ...noticeItems({ ...message, userId: officerId, appNo: t.appNo }, t.at),
];
/** The task row the next staff action on the application removes. */
/** 依申请公开: the 补正 answer's due date, read by the daily sweep that ends an unanswered request (条例 art. 30). */
export const clarifyDueItem = (date: string, appNo: string) => ({ Put: { TableName: T(), Item: DeferredDue.toItem(date, appNo, 0, '补正') } });

export const officerTaskDelete = (officerId: string, appNo: string) => ({ Delete: { TableName: T(), Key: OfficerTask.key(officerId, appNo) } });

/** An officer's open tasks, oldest first (a handful: each is cleared by the next action on its application). */
export async function listOfficerTasks(officerId: string, limit = 50): Promise<OfficerTask[]> {
  const { pk, sk: prefix } = OfficerTask.prefix(officerId);
  const r = await db().send(
    new QueryCommand({
      TableName: T(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': pk, ':p': prefix },
      Limit: limit,
    }),
  );
  return (r.Items ?? []).map(OfficerTask.fromItem).sort((a, b) => (a.at < b.at ? -1 : 1));
}

export type DueRow = ReturnType<typeof DeferredDue.fromItem>;

/** The deferred materials due on a date (the 容缺 sweep): one partition per day. */
export async function dueOn(date: string): Promise<DueRow[]> {
  return (await queryPartition(keys.duePk(date))).map((row) => DeferredDue.fromItem(row));
}

/** A reminder that a deferred material falls due in `days` working days, sent once: the mark and the message together. */
export async function remindDue(row: DueRow, days: number, notice: Notice, at: string): Promise<boolean> {
  try {
    const mark = {
      TableName: T(),
      Key: DeferredDue.key(row.date, row.appNo, row.n),
      UpdateExpression: 'ADD reminded :d',
      ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(reminded) OR NOT contains(reminded, :day))',
      ExpressionAttributeValues: { ':d': new Set([days]), ':day': days },
    };
    await transact([{ Update: mark }, ...noticeItems(notice, at)]);
    return true;
  } catch (e) {
    if (cancellationReasons(e)?.[0] === 'ConditionalCheckFailed') return false; // already reminded (a second run the same day)
    throw e;
  }
}

// ---- drafts ---------------------------------------------------------------------------------

export async function getDraft(userId: string, formId: string): Promise<Draft | undefined> {
  const r = await db().send(new GetCommand({ TableName: T(), Key: keys.draft(userId, formId) }));
  return r.Item ? DraftRow.fromItem(r.Item) : undefined;
}

export async function saveDraft(userId: string, formId: string, d: Draft): Promise<Draft> {
  await db().send(new PutCommand({ TableName: T(), Item: DraftRow.toItem(userId, formId, d) }));
  return d;
}

/** A person's drafts (a few: one per form, kept 30 days), for their export and for closing the account. */
export async function listDrafts(userId: string): Promise<{ formId: string; draft: Draft }[]> {
  const { pk, sk: prefix } = keys.draft(userId, '');
  const r = await db().send(
    new QueryCommand({
      TableName: T(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': pk, ':p': prefix },
      Limit: 50,
    }),
  );
  return (r.Items ?? []).map((row) => ({ formId: String(row.sk).slice(prefix.length), draft: DraftRow.fromItem(row) }));
}

export async function deleteDraft(userId: string, formId: string): Promise<void> {
  await db().send(new DeleteCommand({ TableName: T(), Key: keys.draft(userId, formId) }));
}
