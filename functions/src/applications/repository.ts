import { businessDate } from '@yx/shared';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ApplicationState, Rating } from '@yx/shared';
import { db, table } from '../lib/db';
import { keys } from '../lib/keys';
import { randomId } from '../lib/ids';
import { CounterDeltas, stateAttr } from '../lib/counters';
import { decodeCursor, encodeCursor } from '../lib/cursor';

export interface MaterialUse { name: string; source: 'upload' | 'elicence' | 'deferred' | 'none'; fileIds?: string[]; licenceIds?: string[] }
export interface Deferral { name: string; dueDate: string; handedIn: boolean }

/** An application (办件) as stored. Only the owner and the owning department ever read it. */
export interface ApplicationRecord {
  appNo: string;
  itemId: string;
  itemName: string;
  departmentId: string;
  departmentName: string;
  /** 所在街道: the street whose dashboard counts this application */
  streetId?: string;
  bundleId?: string;
  linked: { appNo: string; itemName: string }[];
  applicantId: string;
  applicantDisplay: string; // masked name shown on public lookups, e.g. 张*明
  enterpriseCode?: string;
  state: ApplicationState;
  version: number;
  submittedAt: string;
  startDate: string; // business date the clock starts from
  promisedDays: number;
  statutoryDays: number;
  pausedDays: number;
  pausedSince?: string;
  delivery: 'pickup' | 'post' | 'electronic';
  answers: Record<string, unknown>;
  materials: MaterialUse[];
  deferred: Deferral[];
  commitment?: { signer: string; at: string };
  queryCodeHash: string;
  phoneHash?: string;
  supplementNotice?: { items: { material: string; reason: string }[]; dueDate?: string };
  rating?: { value: Rating; comment?: string; at: string };
}

export interface EventRecord { at: string; actor: string; action: string; note?: string; state?: ApplicationState; fromState?: ApplicationState }

export interface MessageInput { userId: string; title: string; body: string; appNo?: string; template: string }

const T = () => table();

/** The next n application numbers of a business day (one atomic counter per day). */
export async function allocateNumbers(day: string, n: number): Promise<number[]> {
  const r = await db().send(new UpdateCommand({
    TableName: T(), Key: keys.appSequence(day), UpdateExpression: 'ADD #n :n', ExpressionAttributeNames: { '#n': 'n' }, ExpressionAttributeValues: { ':n': n }, ReturnValues: 'UPDATED_NEW',
  }));
  const last = Number(r.Attributes?.n);
  return Array.from({ length: n }, (_, i) => last - n + 1 + i);
}

export async function getIdempotent(userId: string, key: string): Promise<{ appNos: string[]; requestHash: string; queryCode?: string } | undefined> {
  const r = await db().send(new GetCommand({ TableName: T(), Key: keys.idempotency(userId, key), ConsistentRead: true }));
  return r.Item as { appNos: string[]; requestHash: string } | undefined;
}

/** Items that put a message in the inbox (with the unread counter) and a subscribe-message outbox record. */
export function messageItems(m: MessageInput, at: string): Record<string, unknown>[] {
  const id = randomId('m', 12);
  return [
    { Put: { TableName: T(), Item: { ...keys.message(m.userId, at, id), entity: 'Message', id, at, title: m.title, body: m.body, appNo: m.appNo, read: false } } },
    { Update: { TableName: T(), Key: keys.user(m.userId), UpdateExpression: 'ADD unread :one', ExpressionAttributeValues: { ':one': 1 } } },
    { Put: { TableName: T(), Item: { ...keys.outbox(businessDate(new Date(at)).replace(/-/g, ''), at, id), entity: 'Outbox', id, at, toUserId: m.userId, template: m.template, data: { title: m.title, appNo: m.appNo }, status: 'pending', ttl: Math.floor(Date.parse(at) / 1000) + 30 * 24 * 3600 } } },
  ];
}

/**
 * Writes a whole submission at once: the idempotency record (first writer wins), every linked
 * application with its first event, licence-use records, due dates of deferred materials, the
 * inbox message and outbox record, and drops the draft. Nothing is half-written.
 */
export async function saveSubmission(o: {
  userId: string; idemKey: string; requestHash: string; apps: ApplicationRecord[]; events: EventRecord[]; message: MessageInput;
  licenceUses: { licenceId: string; appNo: string; material: string }[]; formId: string; queryCode: string;
  /** promised deadline of each application: its place in the department's queue */
  deadlines: string[];
}): Promise<void> {
  const at = o.apps[0].submittedAt;
  const items: Record<string, unknown>[] = [
    { Put: { TableName: T(), Item: { ...keys.idempotency(o.userId, o.idemKey), entity: 'Idempotency', appNos: o.apps.map((a) => a.appNo), requestHash: o.requestHash, at,
      // kept (7 days, owner only) so a retried submit shows the receipt's query code again
      queryCode: o.queryCode, ttl: Math.floor(Date.parse(at) / 1000) + 7 * 24 * 3600 }, ConditionExpression: 'attribute_not_exists(pk)' } },
    { Delete: { TableName: T(), Key: keys.draft(o.userId, o.formId) } },
  ];
  o.apps.forEach((a, i) => {
    items.push({ Put: { TableName: T(), Item: { ...keys.application(a.appNo), ...keys.userAppsIndex(a.applicantId, a.submittedAt, a.appNo), ...keys.deptQueue(a.departmentId, o.deadlines[i], a.appNo), entity: 'Application', ...a }, ConditionExpression: 'attribute_not_exists(pk)' } });
    items.push({ Put: { TableName: T(), Item: { ...keys.appEvent(a.appNo, at, 0), entity: 'AppEvent', ...o.events[i] } } });
    a.deferred.forEach((d, n) => items.push({ Put: { TableName: T(), Item: { ...keys.due(d.dueDate, a.appNo, n), entity: 'DeferredDue', appNo: a.appNo, material: d.name } } }));
  });
  for (const u of o.licenceUses) {
    items.push({ Put: { TableName: T(), Item: { ...keys.licenceUse(o.userId, at, `${u.appNo}#${u.licenceId}`), entity: 'ELicenceUse', ...u, authorisedAt: at, holder: o.userId } } });
  }
  items.push(...messageItems(o.message, at));
  const counters = new CounterDeltas();
  for (const a of o.apps) counters.everywhere(a.departmentId, { [stateAttr('submitted')]: 1, received: 1 }, a.startDate, a.streetId);
  items.push(...counters.transactItems(T()));
  await db().send(new TransactWriteCommand({ TransactItems: items as never }));
}

export interface OpinionTask {
  appNo: string; itemName: string; departmentId: string; departmentName: string; fromDepartmentId: string; fromDepartmentName: string;
  status: 'open' | 'agree' | 'disagree' | 'deemed'; reason?: string; due: string; createdAt: string; answeredAt?: string;
}

/** The application, its whole trail and its opinion tasks (并联审批): one Query on its partition. */
export async function getApplicationWithEvents(appNo: string): Promise<{ app?: ApplicationRecord; events: EventRecord[]; opinions: OpinionTask[] }> {
  const out: { app?: ApplicationRecord; events: EventRecord[]; opinions: OpinionTask[] } = { events: [], opinions: [] };
  let startKey: Record<string, unknown> | undefined;
  do {
    const r = await db().send(new QueryCommand({ TableName: T(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.appPk(appNo) }, ExclusiveStartKey: startKey }));
    for (const row of r.Items ?? []) {
      if (row.sk === 'APP') out.app = row as unknown as ApplicationRecord;
      else if (String(row.sk).startsWith('EVT#')) out.events.push(row as unknown as EventRecord);
      else if (String(row.sk).startsWith('OPN#')) out.opinions.push(row as unknown as OpinionTask);
    }
    startKey = r.LastEvaluatedKey;
  } while (startKey);
  return out;
}

export async function getApplication(appNo: string): Promise<ApplicationRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: T(), Key: keys.application(appNo) }));
  return r.Item as ApplicationRecord | undefined;
}

/** 我的办件: newest first, optionally only some states; the cursor is opaque to the client. */
export async function listByApplicant(userId: string, states: ApplicationState[] | undefined, limit: number, cursor?: string) {
  const r = await db().send(new QueryCommand({
    TableName: T(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.userAppsPk(userId), ...(states ? Object.fromEntries(states.map((s, i) => [`:s${i}`, s])) : {}) },
    ...(states ? { FilterExpression: `#state IN (${states.map((_, i) => `:s${i}`).join(', ')})`, ExpressionAttributeNames: { '#state': 'state' } } : {}),
    ScanIndexForward: false,
    Limit: limit,
    ExclusiveStartKey: decodeCursor(cursor, { partition: keys.userAppsPk(userId), index: 'gsi1' }),
  }));
  return {
    items: (r.Items ?? []) as ApplicationRecord[],
    nextCursor: encodeCursor(r.LastEvaluatedKey),
  };
}

/**
 * A change of one application, guarded by its version (optimistic lock) and, when given, its
 * state; with the event that records it and the message that tells the applicant, in one transaction.
 */
export async function changeApplication(o: {
  app: ApplicationRecord; set: Partial<ApplicationRecord>; remove?: (keyof ApplicationRecord)[]; expectState?: ApplicationState[];
  event: EventRecord; eventIndex: number; message?: MessageInput;
  /** more counter moves than the state change itself (completions, ratings) */
  counters?: CounterDeltas;
  /** more rows written in the same transaction (opinion tasks, rectification tasks) */
  extraItems?: Record<string, unknown>[];
}): Promise<void> {
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':v': o.app.version, ':v1': o.app.version + 1 };
  const sets = ['#version = :v1'];
  Object.entries(o.set).forEach(([k, v], i) => { names[`#f${i}`] = k; values[`:f${i}`] = v; sets.push(`#f${i} = :f${i}`); });
  // an application that has ended leaves its department's queue
  const leaving = o.set.state && ['delivered', 'denied', 'not_accepted', 'withdrawn'].includes(o.set.state) ? ['gsi2pk', 'gsi2sk'] : [];
  const removes = [...(o.remove ?? []), ...leaving].map((k, i) => { names[`#r${i}`] = k as string; return `#r${i}`; });
  let condition = '#version = :v';
  if (o.expectState) {
    names['#state'] = 'state';
    condition += ` AND #state IN (${o.expectState.map((s, i) => { values[`:e${i}`] = s; return `:e${i}`; }).join(', ')})`;
  }
  const items: Record<string, unknown>[] = [
    { Update: { TableName: T(), Key: keys.application(o.app.appNo), UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`, ConditionExpression: condition, ExpressionAttributeNames: names, ExpressionAttributeValues: values } },
    { Put: { TableName: T(), Item: { ...keys.appEvent(o.app.appNo, o.event.at, o.eventIndex), entity: 'AppEvent', ...o.event }, ConditionExpression: 'attribute_not_exists(pk)' } },
  ];
  if (o.message) items.push(...messageItems(o.message, o.event.at));
  const counters = o.counters ?? new CounterDeltas();
  const to = o.set.state;
  if (to && to !== o.app.state) counters.everywhere(o.app.departmentId, { [stateAttr(o.app.state)]: -1, [stateAttr(to)]: 1 }, undefined, o.app.streetId);
  items.push(...counters.transactItems(T()), ...(o.extraItems ?? []));
  await db().send(new TransactWriteCommand({ TransactItems: items as never }));
}
