import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ApplicationState } from '@yx/shared';
import { conditionalUpdate, db, queryIndex, table, transact } from '../lib/db';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import {
  AppEvent,
  Application,
  keys,
  Opinion,
  opinionDueTarget,
  Rectification,
  type ApplicationRecord,
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

/** 回访 and/or 整改说明 while the task is open; closing takes it off the list (the dashboards' open count follows from the row). */
export async function updateRectification(
  appNo: string,
  change: { callback?: { at: string; note: string }; close?: { note: string; at: string } },
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
  await db().send(new UpdateCommand(update.Update));
}
