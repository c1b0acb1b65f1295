import { BatchGetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { streetSortKey, WO_GROUP_ASCENDING, WO_OWNER_LIST_ASCENDING, type WoGroup, type WoOwnerList } from '@yx/shared';
import { conditionalUpdate, db, isConditionFailure, queryIndex, queryPartition, table, transact, versionedUpdate } from '../lib/db';
import { getIdempotency, idempotencyItem } from '../lib/repository';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import {
  Follower,
  followerOf,
  handlingKeys,
  keys,
  NO_STREET,
  rowKind,
  WoAboutFirm,
  WoByMonth,
  WoEventRow,
  WoPlace,
  WorkOrder,
  type WoEvent,
  type WorkOrderRecord,
} from '../lib/entities/workorders';
import { noticeItems, uniqueRecipients, type Notice } from '../messages/repository';
import { log } from '../lib/log';
import { sealFields } from '../lib/pii';

/** Work orders (工单): the store. Keys and schemas: lib/entities/workorders.ts. */
export type { WoEvent, WorkOrderRecord };
export { NO_STREET };

const T = () => table();
/** A conditional update of the order and its event in the trail, in one transaction. */
const updateWithEvent = (no: string, update: Parameters<typeof conditionalUpdate>[1], tag: string, event: WoEvent) =>
  transact([conditionalUpdate(keys.workOrder(no), update), eventPut(no, tag, event)]);
const eventPut = (no: string, tag: string, e: WoEvent) => ({ Put: { TableName: T(), Item: WoEventRow.sideItem(no, tag, e) } });
/** A transaction holds at most 100 items. */
const MAX_ITEMS = 100;
/** The team's notices after a filing, this many people (3 items each) a transaction. */
const TEAM_BATCH = 30;

/**
 * The items that tell people of a change, one notice a person: the filer and followers first (at most 20), then the
 * handling team's members as far as the transaction has room (`taken`: the items already in it). A team larger than
 * that (about 30 people) has its first members told; the order is in the team's list regardless.
 */
function noticesOf(people: Notice[], team: Notice[], at: string, taken: number): Record<string, unknown>[] {
  const told = uniqueRecipients(people).slice(0, 20);
  const items = told.flatMap((m) => noticeItems(m, at));
  for (const m of uniqueRecipients(team)) {
    if (told.some((t) => t.userId === m.userId)) continue;
    const more = noticeItems(m, at);
    if (taken + items.length + more.length > MAX_ITEMS) break;
    told.push(m);
    items.push(...more);
  }
  return items;
}

/**
 * A new order with its first events, index rows and idempotency record and the filer's message: one transaction. The
 * handling team hears right after, 30 people a transaction: their inbox counters are in every filing to that team, so
 * a burst of filings (many people reporting one incident) would meet on them inside the orders' transactions and fail.
 * A notice that cannot be written is logged; the order is in the team's list regardless. Gives the order as stored.
 */
export async function createWorkOrder(
  wo: WorkOrderRecord,
  events: WoEvent[],
  idem: { userId: string; key: string },
  told: { filer?: Notice; team: Notice[] },
  also: Record<string, unknown>[] = [],
): Promise<WorkOrderRecord> {
  const row = WorkOrder.toItem(wo, streetSortKey({ ...wo, at: wo.createdAt }));
  const items: Record<string, unknown>[] = [
    idempotencyItem(idem.userId, idem.key, wo.createdAt, { woNo: wo.no }),
    { Put: { TableName: T(), Item: row, ConditionExpression: 'attribute_not_exists(pk)' } },
    ...events.map((e, n) => ({ Put: { TableName: T(), Item: WoEventRow.toItem(wo.no, n, e) } })),
  ];
  if (wo.geohash) items.push({ Put: { TableName: T(), Item: WoPlace.toItem(wo, wo.geohash) } });
  // the district's list by month (Open311 requests.json), a bounded number of partitions for any date range
  items.push({ Put: { TableName: T(), Item: WoByMonth.toItem(wo) } });
  // 投诉对象: under the firm too, so its complaints can be listed
  if (wo.aboutFirmCode) items.push({ Put: { TableName: T(), Item: WoAboutFirm.toItem({ ...wo, aboutFirmCode: wo.aboutFirmCode }) } });
  items.push(...also);
  items.push(...noticesOf(told.filer ? [told.filer] : [], [], wo.createdAt, items.length));
  await transact(items);
  const team = uniqueRecipients(told.team).filter((m) => m.userId !== told.filer?.userId);
  for (let i = 0; i < team.length; i += TEAM_BATCH) {
    await transact(team.slice(i, i + TEAM_BATCH).flatMap((m) => noticeItems(m, wo.createdAt))).catch((e: Error) =>
      log.error('team notices not written', { no: wo.no, err: e.name, people: Math.min(TEAM_BATCH, team.length - i) }),
    );
  }
  return WorkOrder.fromItem(row); // the order as a read would give it
}

/** The order an earlier request under this key filed (or the order its note went to). */
export async function idempotentWorkOrder(userId: string, key: string): Promise<string | undefined> {
  return (await getIdempotency(userId, key))?.woNo;
}

/** The order, its trail and its followers: one Query on its partition. */
export async function getWorkOrder(no: string): Promise<{ wo?: WorkOrderRecord; events: WoEvent[]; followers: string[] }> {
  const out: { wo?: WorkOrderRecord; events: WoEvent[]; followers: string[] } = { events: [], followers: [] };
  for (const row of await queryPartition(keys.woPk(no))) {
    const sk = String(row.sk);
    const kind = rowKind(sk);
    if (kind === 'order') out.wo = WorkOrder.fromItem(row);
    else if (kind === 'event') out.events.push(WoEventRow.fromItem(row));
    else if (kind === 'follower') out.followers.push(followerOf(sk));
  }
  return out;
}

/**
 * A state change with its event, the messages to the filer and followers and (sent back to a team) the team's notices,
 * guarded by state and version. Gives the order as the change leaves it, so the caller answers without reading it again.
 */
export async function changeWorkOrder(o: {
  wo: WorkOrderRecord;
  set: Record<string, unknown>;
  event: WoEvent;
  eventIndex: number;
  messages: Notice[];
  /** the members of the team the order goes (back) to */
  team?: Notice[];
  /** back in a team's queue (改派, reopened) with a new claim deadline */
  requeue?: { claimBy: string };
}): Promise<WorkOrderRecord> {
  const set = { ...o.set };
  const remove: string[] = [];
  if (o.requeue) {
    set.claimBy = o.requeue.claimBy;
    remove.push('escalatedAt'); // a new claim time: it may escalate again if this team is late too
  }
  // the street's list and the team's queue or owner's lists follow the state (and the deadline each sorts by)
  const next = { ...o.wo, ...set } as WorkOrderRecord;
  set.gsi3sk = streetSortKey({ state: next.state, claimBy: next.claimBy, replyBy: next.replyBy, at: o.event.at, no: o.wo.no });
  const listed = handlingKeys(next);
  if (listed) Object.assign(set, listed);
  else remove.push('gsi2pk', 'gsi2sk');
  await transact([
    versionedUpdate(keys.workOrder(o.wo.no), { version: o.wo.version, set, remove, states: [o.wo.state] }),
    { Put: { TableName: T(), Item: WoEventRow.toItem(o.wo.no, o.eventIndex, o.event), ConditionExpression: 'attribute_not_exists(pk)' } },
    ...noticesOf(o.messages, o.team ?? [], o.event.at, 2),
  ]);
  const row: Record<string, unknown> = { ...o.wo, ...set, version: o.wo.version + 1 };
  for (const k of remove) delete row[k];
  return WorkOrder.fromItem(row); // index keys dropped, as when read
}

/**
 * 处理进展: an event in the trail (append-only, its own key) and the messages to the filer and followers,
 * in one transaction that holds only while the order is still being handled by this owner.
 */
export async function addProgressNote(no: string, ownerId: string, idemKey: string, event: WoEvent, messages: Notice[]): Promise<void> {
  await transact([
    // once per Idempotency-Key: a retried note is not written twice
    idempotencyItem(ownerId, idemKey, event.at, { woNo: no }),
    {
      ConditionCheck: {
        TableName: T(),
        Key: keys.workOrder(no),
        ConditionExpression: '#s IN (:c, :p) AND ownerId = :me',
        ExpressionAttributeNames: { '#s': 'state' },
        ExpressionAttributeValues: { ':c': 'claimed', ':p': 'in_progress', ':me': ownerId },
      },
    },
    { Put: { TableName: T(), Item: WoEventRow.sideItem(no, 'note', event), ConditionExpression: 'attribute_not_exists(pk)' } },
    ...noticesOf(messages, [], event.at, 3),
  ]);
}

/** 我也遇到 (me too): one follower row per person; the affected count moves with it. */
export async function addMeToo(no: string, userId: string, at: string): Promise<void> {
  await transact([
    { Put: { TableName: T(), Item: Follower.toItem(no, userId, at), ConditionExpression: 'attribute_not_exists(pk)' } },
    conditionalUpdate(keys.workOrder(no), {
      update: 'ADD affected :one',
      condition: 'attribute_exists(pk) AND #s <> :closed',
      names: { '#s': 'state' },
      values: { ':one': 1, ':closed': 'closed' },
    }),
  ]);
}

/** 延期申请: at most one request waiting, by the owner; its event in the trail. */
export async function requestExtension(
  wo: WorkOrderRecord,
  ownerId: string,
  extension: NonNullable<WorkOrderRecord['extension']>,
  event: WoEvent,
): Promise<void> {
  await updateWithEvent(
    wo.no,
    {
      update: 'SET extension = :e',
      condition: '(attribute_not_exists(extension) OR extension.#st <> :req) AND ownerId = :me',
      names: { '#st': 'status' },
      values: { ':e': extension, ':req': 'requested', ':me': ownerId },
    },
    'ext',
    event,
  );
}

/**
 * The dispatcher's decision on a waiting extension, while the order is in the state it was read in; a new reply date
 * re-sorts the street's list and the owner's 我处理中.
 */
export async function decideExtension(wo: WorkOrderRecord, status: 'granted' | 'refused', replyBy: string, event: WoEvent): Promise<void> {
  const listed = handlingKeys({ ...wo, replyBy });
  await updateWithEvent(
    wo.no,
    {
      update: `SET extension.#st = :s, replyBy = :r, gsi3sk = :g3${listed ? ', gsi2pk = :g2p, gsi2sk = :g2s' : ''}`,
      condition: 'extension.#st = :req AND #state = :state',
      names: { '#st': 'status', '#state': 'state' },
      values: {
        ':s': status,
        ':r': replyBy,
        ':req': 'requested',
        ':state': wo.state,
        ':g3': streetSortKey({ ...wo, replyBy, at: event.at }),
        ...(listed ? { ':g2p': listed.gsi2pk, ':g2s': listed.gsi2sk } : {}),
      },
    },
    'extd',
    event,
  );
}

/**
 * 重复件: the duplicate closes (version-checked) and leaves the queue, both trails link each other, the
 * duplicate's filer follows the original (unless already) and the original's affected count grows.
 */
export async function mergeDuplicate(o: {
  wo: WorkOrderRecord;
  originalNo: string;
  followOriginal: boolean;
  actor: string;
  role: string;
  at: string;
}): Promise<void> {
  const { wo, originalNo, at } = o;
  await transact([
    versionedUpdate(keys.workOrder(wo.no), {
      version: wo.version,
      set: { state: 'closed', closedAt: at, duplicateOf: originalNo, gsi3sk: streetSortKey({ ...wo, state: 'closed', at }) },
      remove: ['gsi2pk', 'gsi2sk'],
    }),
    eventPut(wo.no, 'dup', { at, actor: o.actor, role: o.role, action: '重复件，并入原工单', note: originalNo, from: wo.state, to: 'closed' }),
    eventPut(originalNo, `dupof-${wo.no}`, { at, actor: o.actor, role: o.role, action: '并入重复件', note: wo.no }),
    ...(o.followOriginal
      ? [{ Put: { TableName: T(), Item: Follower.toItem(originalNo, wo.filerId, at), ConditionExpression: 'attribute_not_exists(pk)' } }]
      : []),
    { Update: { TableName: T(), Key: keys.workOrder(originalNo), UpdateExpression: 'ADD affected :n', ExpressionAttributeValues: { ':n': wo.affected } } },
  ]);
}

/** 超时未签收: flagged once, while still unclaimed; its event in the trail. */
export async function markEscalated(wo: WorkOrderRecord, event: WoEvent): Promise<void> {
  await updateWithEvent(
    wo.no,
    {
      update: 'SET escalatedAt = :at',
      condition: '#s = :d AND attribute_not_exists(escalatedAt)',
      names: { '#s': 'state' },
      values: { ':at': event.at, ':d': 'dispatched' },
    },
    'esc',
    event,
  );
}

export async function teamQueue(teamId: string, limit: number): Promise<WorkOrderRecord[]> {
  return (await queryIndex('gsi2', keys.teamPk(teamId), { limit: limit })).map(WorkOrder.fromItem);
}

/** 我处理中 / 已办结: a page of one of the officer's own lists (one Query), the most urgent (or newest) first. */
export async function ownerList(userId: string, list: WoOwnerList, limit: number, cursor?: string) {
  const pk = keys.ownerPk(userId);
  const prefix = keys.ownerListPrefix(list);
  const r = await db().send(
    new QueryCommand({
      TableName: T(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :a)',
      ExpressionAttributeValues: { ':pk': pk, ':a': prefix },
      ScanIndexForward: WO_OWNER_LIST_ASCENDING[list],
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, { partition: pk, index: 'gsi2', sortPrefix: prefix }),
    }),
  );
  return { items: (r.Items ?? []).map(WorkOrder.fromItem), nextCursor: encodeCursor(r.LastEvaluatedKey) };
}

/**
 * Orders claimed before the owner's lists existed have no place on gsi2 (it was removed at the claim): gives one its
 * owner's place, only while it has none and is still as read (version). False when it already had one or changed.
 */
export async function listForOwner(wo: WorkOrderRecord): Promise<boolean> {
  const listed = handlingKeys(wo);
  if (!listed || wo.state === 'dispatched') return false;
  try {
    await db().send(
      new UpdateCommand({
        TableName: T(),
        Key: keys.workOrder(wo.no),
        UpdateExpression: 'SET gsi2pk = :p, gsi2sk = :s',
        ConditionExpression: 'attribute_not_exists(gsi2pk) AND version = :v',
        ExpressionAttributeValues: { ':p': listed.gsi2pk, ':s': listed.gsi2sk, ':v': wo.version },
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** A tab of the street dispatcher's list (one Query); `before` limits it to sort keys below a bound, e.g. overdue. */
export async function streetList(street: string, group: WoGroup, limit: number, cursor?: string, before?: string) {
  const prefix = keys.streetGroupPrefix(group);
  const r = await db().send(
    new QueryCommand({
      TableName: T(),
      IndexName: 'gsi3',
      KeyConditionExpression: before ? 'gsi3pk = :pk AND gsi3sk BETWEEN :a AND :b' : 'gsi3pk = :pk AND begins_with(gsi3sk, :a)',
      ExpressionAttributeValues: { ':pk': keys.streetPk(street), ':a': prefix, ...(before ? { ':b': `${prefix}${before}` } : {}) },
      ScanIndexForward: WO_GROUP_ASCENDING[group],
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, { partition: keys.streetPk(street), index: 'gsi3', sortPrefix: prefix }),
    }),
  );
  return { items: (r.Items ?? []).map(WorkOrder.fromItem), nextCursor: encodeCursor(r.LastEvaluatedKey) };
}

/** Order numbers placed in a geohash cell of a category since a time. */
export async function placeRows(categoryId: string, cell: string, since: string): Promise<string[]> {
  const r = await db().send(
    new QueryCommand({
      TableName: T(),
      KeyConditionExpression: 'pk = :pk AND sk >= :since',
      ExpressionAttributeValues: { ':pk': keys.placePk(categoryId, cell), ':since': since },
      Limit: 50,
    }),
  );
  return (r.Items ?? []).map((i) => WoPlace.fromItem(i).no);
}

export async function getMany(nos: string[]): Promise<WorkOrderRecord[]> {
  if (!nos.length) return [];
  const r = await db().send(new BatchGetCommand({ RequestItems: { [T()]: { Keys: [...new Set(nos)].slice(0, 100).map(keys.workOrder) } } }));
  return (r.Responses?.[T()] ?? []).map(WorkOrder.fromItem);
}

/** 我的诉求: the filer's orders, newest first. */
export async function listByFiler(userId: string, limit: number, cursor?: string) {
  const r = await db().send(
    new QueryCommand({
      TableName: T(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.filerPk(userId) },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, { partition: keys.filerPk(userId), index: 'gsi1' }),
    }),
  );
  return { items: (r.Items ?? []).map(WorkOrder.fromItem), nextCursor: encodeCursor(r.LastEvaluatedKey) };
}

/** 投诉对象: the numbers of the orders complaining about a firm, newest first (one Query on its sparse index). */
export async function complaintsAbout(creditCode: string, limit: number): Promise<string[]> {
  const r = await db().send(
    new QueryCommand({
      TableName: T(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.aboutFirmPk(creditCode) },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (r.Items ?? []).map((i) => WoAboutFirm.fromItem(i).no);
}

/** Order numbers created between two instants (inclusive), newest first, at most `limit`: one Query per month. */
export async function listByTime(from: string, to: string, limit: number): Promise<string[]> {
  const months: string[] = [];
  for (let d = new Date(`${from.slice(0, 7)}-01T00:00:00Z`); d.toISOString().slice(0, 7) <= to.slice(0, 7); d.setUTCMonth(d.getUTCMonth() + 1))
    months.push(d.toISOString().slice(0, 7));
  const out: string[] = [];
  for (const m of months.reverse()) {
    if (out.length >= limit) break;
    const r = await db().send(
      new QueryCommand({
        TableName: T(),
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :a AND :b',
        ExpressionAttributeValues: { ':pk': keys.monthPk(m), ':a': from, ':b': `${to}~` },
        ScanIndexForward: false,
        Limit: limit - out.length,
      }),
    );
    out.push(...(r.Items ?? []).map((i) => WoByMonth.fromItem(i).no));
  }
  return out;
}

/**
 * 补充说明: the filer's new description (sealed at rest like the one filed), its event in the trail, the record of the
 * Idempotency-Key and a word to the owner, in one transaction that holds only while the order is as read (version and
 * state). Gives the order as it leaves it.
 */
export async function supplementDescription(
  wo: WorkOrderRecord,
  description: string,
  idem: { userId: string; key: string },
  event: WoEvent,
  messages: Notice[],
): Promise<WorkOrderRecord> {
  const sealed = sealFields({ description }, ['description'], keys.workOrder(wo.no)).description;
  await transact([
    idempotencyItem(idem.userId, idem.key, event.at, { woNo: wo.no }),
    versionedUpdate(keys.workOrder(wo.no), { version: wo.version, set: { description: sealed }, states: [wo.state] }),
    eventPut(wo.no, 'supp', event),
    ...noticesOf(messages, [], event.at, 3),
  ]);
  return { ...wo, description, version: wo.version + 1 };
}
