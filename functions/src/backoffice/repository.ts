import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ApplicationState } from '@yx/shared';
import { conditionalUpdate, db, queryIndex, queryPartition, readAll, table, transact } from '../lib/db';
import { noticeItems, type Notice } from '../messages/repository';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import {
  AppEvent,
  Application,
  keys,
  Opinion,
  opinionDueTarget,
  Rectification,
  Supervision,
  type ApplicationRecord,
  type SupervisionRecord,
  type EventRecord,
  type OpinionTask,
  type RectificationTask,
} from '../lib/entities/applications';

/**
 * The back office's reads and writes on applications' rows: department queues (gsi2), opinion tasks,
 * rectification tasks, supervision notes. Keys and schemas: lib/entities/applications.ts.
 */
const T = () => table();

/** One page of a department's open applications, soonest deadline first, optionally of one state. */
export async function queuePage(departmentId: string, state: ApplicationState | undefined, limit: number, cursor?: string) {
  const pk = keys.deptQueuePk(departmentId);
  const r = await db().send(
    new QueryCommand({
      TableName: T(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': pk, ...(state ? { ':s': state } : {}) },
      ...(state ? { FilterExpression: '#state = :s', ExpressionAttributeNames: { '#state': 'state' } } : {}),
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, { partition: pk, index: 'gsi2' }),
    }),
  );
  return { items: (r.Items ?? []).map(Application.fromItem), nextCursor: encodeCursor(r.LastEvaluatedKey) };
}

/** A department's applications whose promised deadline is before a date (督办), at most 50. */
export async function overdueInQueue(departmentId: string, before: string): Promise<ApplicationRecord[]> {
  const r = await db().send(
    new QueryCommand({
      TableName: T(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :today',
      ExpressionAttributeValues: { ':pk': keys.deptQueuePk(departmentId), ':today': before },
      Limit: 50,
    }),
  );
  return (r.Items ?? []).map(Application.fromItem);
}

/** Whether an application exists, and the applicant's street (one GetItem): `undefined` when there is none. */
export async function applicationPlace(appNo: string): Promise<{ streetId?: string } | undefined> {
  const r = await db().send(new GetCommand({ TableName: T(), Key: keys.application(appNo), ProjectionExpression: 'pk, streetId' }));
  return r.Item ? { ...(typeof r.Item.streetId === 'string' ? { streetId: r.Item.streetId } : {}) } : undefined;
}

/** An event in an application's trail outside a version-checked change (a supervision note). */
export async function addSideEvent(appNo: string, tag: string, e: EventRecord): Promise<void> {
  await db().send(new PutCommand({ TableName: T(), Item: AppEvent.sideItem(appNo, tag, e) }));
}

/**
 * The application as `changeApplication` (applications/repository) leaves it: the fields set, those removed, the version
 * one up. An action answers with it instead of reading the partition again.
 */
export function changedApplication(app: ApplicationRecord, set: Partial<ApplicationRecord>, remove: (keyof ApplicationRecord)[]): ApplicationRecord {
  const next: Record<string, unknown> = { ...app, ...set, version: app.version + 1 };
  for (const k of remove) delete next[k];
  return Application.fromItem(next);
}

// ---- 并联审批 opinions --------------------------------------------------------------------------

export async function listOpinions(departmentId: string): Promise<OpinionTask[]> {
  return (await queryIndex('gsi2', keys.deptOpinionsPk(departmentId), { limit: 100 })).map(Opinion.fromItem);
}

export async function getOpinion(appNo: string, departmentId: string): Promise<OpinionTask | undefined> {
  const r = await db().send(new GetCommand({ TableName: T(), Key: keys.opinion(appNo, departmentId) }));
  return r.Item ? Opinion.fromItem(r.Item) : undefined;
}

/** The opinion tasks due on a date: (appNo, department) pairs. */
export async function opinionsDueOn(date: string): Promise<{ appNo: string; departmentId: string }[]> {
  const r = await db().send(
    new QueryCommand({ TableName: T(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.opinionDuePk(date) } }),
  );
  return (r.Items ?? []).map((row) => opinionDueTarget(String(row.sk)));
}

/**
 * An opinion given (agree, disagree) or deemed, once: only while the task is open; it leaves the
 * department's list, and its event goes into the application's trail in the same transaction.
 */
export async function closeOpinion(
  t: Pick<OpinionTask, 'appNo' | 'departmentId'>,
  status: 'agree' | 'disagree' | 'deemed',
  reason: string | undefined,
  event: EventRecord,
  tag: string,
): Promise<void> {
  await transact([
    conditionalUpdate(keys.opinion(t.appNo, t.departmentId), {
      update: `SET #s = :s, ${reason !== undefined ? 'reason = :r, ' : ''}answeredAt = :at REMOVE gsi2pk, gsi2sk`,
      condition: '#s = :open',
      names: { '#s': 'status' },
      values: { ':s': status, ...(reason !== undefined ? { ':r': reason } : {}), ':at': event.at, ':open': 'open' },
    }),
    { Put: { TableName: T(), Item: AppEvent.sideItem(t.appNo, tag, event) } },
  ]);
}

// ---- 好差评整改 rectifications -------------------------------------------------------------------

export async function listRectifications(departmentId: string): Promise<RectificationTask[]> {
  return (await queryIndex('gsi2', keys.deptRectificationsPk(departmentId), { limit: 100 })).map(Rectification.fromItem);
}

export async function getRectification(appNo: string): Promise<RectificationTask | undefined> {
  const r = await db().send(new GetCommand({ TableName: T(), Key: keys.rectification(appNo) }));
  return r.Item ? Rectification.fromItem(r.Item) : undefined;
}

/**
 * 回访 and/or 整改说明 while the task is open; closing takes it off the list (the dashboards' open count follows from the
 * row). The notices (closing tells the rater) go in the same transaction: told once, only when the close was written.
 */
export async function updateRectification(
  appNo: string,
  change: { callback?: { at: string; note: string }; close?: { note: string; at: string } },
  notices: Notice[] = [],
): Promise<void> {
  const sets: string[] = [];
  const values: Record<string, unknown> = { ':open': 'open' };
  if (change.callback) {
    sets.push('callback = :cb');
    values[':cb'] = change.callback;
  }
  if (change.close) {
    sets.push('closingNote = :cn, closedAt = :at, #s = :closed');
    Object.assign(values, { ':cn': change.close.note, ':at': change.close.at, ':closed': 'closed' });
  }
  const update = conditionalUpdate(keys.rectification(appNo), {
    update: `SET ${sets.join(', ')}${change.close ? ' REMOVE gsi2pk, gsi2sk' : ''}`,
    condition: '#s = :open',
    names: { '#s': 'status' },
    values,
  });
  if (!notices.length) {
    await db().send(new UpdateCommand(update.Update));
    return;
  }
  const at = change.close?.at ?? change.callback?.at ?? new Date().toISOString();
  await transact([update, ...notices.flatMap((n) => noticeItems(n, at))]);
}

/** A department's open rectifications due before a date (the overdue job), at most 100. */
export async function rectificationsDueBefore(departmentId: string, before: string): Promise<RectificationTask[]> {
  const r = await db().send(
    new QueryCommand({
      TableName: T(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :before',
      ExpressionAttributeValues: { ':pk': keys.deptRectificationsPk(departmentId), ':before': before },
      Limit: 100,
    }),
  );
  return (r.Items ?? []).map(Rectification.fromItem);
}

/**
 * Marks an open rectification overdue, once (`attribute_not_exists(overdueAt)`), with an internal event in the trail
 * and the department's notices in the same transaction: a second run finds it marked and writes nothing.
 */
export async function markRectificationOverdue(appNo: string, at: string, event: EventRecord, notices: Notice[]): Promise<void> {
  await transact([
    conditionalUpdate(keys.rectification(appNo), {
      update: 'SET overdueAt = :at',
      condition: '#s = :open AND attribute_not_exists(overdueAt)',
      names: { '#s': 'status' },
      values: { ':at': at, ':open': 'open' },
    }),
    { Put: { TableName: T(), Item: AppEvent.sideItem(appNo, 'x', event) } },
    ...notices.flatMap((n) => noticeItems(n, at)),
  ]);
}

/** Who applied, and what for (one GetItem of a few fields: nothing sealed is read). */
export async function applicationFacts(appNo: string) {
  const r = await db().send(
    new GetCommand({
      TableName: T(),
      Key: keys.application(appNo),
      ProjectionExpression: 'appNo, itemName, departmentId, departmentName, streetId, applicantId, #state',
      ExpressionAttributeNames: { '#state': 'state' },
    }),
  );
  return r.Item ? Facts.parse(r.Item) : undefined;
}
const Facts = Application.Schema.pick({
  appNo: true,
  itemName: true,
  departmentId: true,
  departmentName: true,
  streetId: true,
  applicantId: true,
  state: true,
});

// ---- 督办 supervision (issue 16) ----------------------------------------------------------------

export async function getSupervision(appNo: string): Promise<SupervisionRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: T(), Key: Supervision.key(appNo), ConsistentRead: true }));
  return r.Item ? Supervision.fromItem(r.Item) : undefined;
}

/** The 督办 of several applications (one BatchGetItem per 100), in the order asked. */
export async function supervisionsOf(appNos: string[]): Promise<(SupervisionRecord | undefined)[]> {
  const out: (SupervisionRecord | undefined)[] = [];
  for (let i = 0; i < appNos.length; i += 100) {
    const { sup } = await readAll({ sup: appNos.slice(i, i + 100).map((a) => ({ key: Supervision.key(a), parse: Supervision.fromItem })) });
    out.push(...sup);
  }
  return out;
}

/** A department's 督办: open ones first, then the answered, newest first; at most `limit` (one Query). */
export async function deptSupervisions(departmentId: string, limit = 100): Promise<SupervisionRecord[]> {
  return (await queryIndex('gsi2', keys.deptSupervisionsPk(departmentId), { limit, newestFirst: true })).map(Supervision.fromItem);
}

/** A department's open 督办 whose reply date is before `date` (the escalation job), at most 100. */
export async function openSupervisionsBefore(departmentId: string, date: string): Promise<SupervisionRecord[]> {
  const range = keys.openSupervisionsBefore(date);
  const r = await db().send(
    new QueryCommand({
      TableName: T(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.deptSupervisionsPk(departmentId), ':from': range.from, ':to': range.to },
      Limit: 100,
    }),
  );
  return (r.Items ?? []).map(Supervision.fromItem);
}

/** 督办 escalated to the district and still unanswered, newest first (one Query). */
export async function escalatedSupervisions(limit = 100): Promise<SupervisionRecord[]> {
  return (await queryIndex('gsi3', keys.escalatedSupervisionsPk, { limit, newestFirst: true })).map(Supervision.fromItem);
}

/**
 * Writes a 督办 row with its trail event and notices in one transaction, under a condition on the stored row:
 * `new` none yet (自动督办: never over a 督办 made before); `round` the round read (a person supervising again, or for
 * the first time); `open` still open in that round (the reply: one of two racing replies wins); `escalate` open in that
 * round and not escalated yet. A failed condition throws (isConditionFailure): the caller's 409, or nothing to do.
 */
export async function writeSupervision(
  s: SupervisionRecord,
  when: { kind: 'new' } | { kind: 'round'; round?: number } | { kind: 'open'; round: number } | { kind: 'escalate'; round: number },
  event: EventRecord,
  eventTag: string,
  notices: Notice[],
): Promise<void> {
  const cond =
    when.kind === 'new'
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : when.kind === 'round'
        ? when.round === undefined
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: '#round = :round', ExpressionAttributeNames: { '#round': 'round' }, ExpressionAttributeValues: { ':round': when.round } }
        : {
            ConditionExpression: `#s = :open AND #round = :round${when.kind === 'escalate' ? ' AND attribute_not_exists(escalatedAt)' : ''}`,
            ExpressionAttributeNames: { '#s': 'status', '#round': 'round' },
            ExpressionAttributeValues: { ':open': 'open', ':round': when.round },
          };
  await transact([
    { Put: { TableName: T(), Item: Supervision.toItem(s), ...cond } },
    { Put: { TableName: T(), Item: AppEvent.sideItem(s.appNo, eventTag, event) } },
    ...notices.flatMap((n) => noticeItems(n, event.at)),
  ]);
}

/** 依申请公开 figures of a year: one row per department, kept by the aggregator (the year's partition, ≤ ~40 rows). */
export async function disclosureYear(year: string): Promise<{ departmentId: string; counts: Record<string, number> }[]> {
  const rows = await queryPartition(keys.disclosureYearPk(year));
  return rows.map((r) => ({
    departmentId: String(r.sk),
    counts: Object.fromEntries(Object.entries(r).filter((e): e is [string, number] => typeof e[1] === 'number')),
  }));
}
