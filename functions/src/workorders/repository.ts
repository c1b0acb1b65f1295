import { BatchGetCommand, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { streetSortKey, WO_GROUP_ASCENDING, type WoGroup, type WorkOrderState } from '@yx/shared';
import { db, table } from '../lib/db';
import { messageItems, type MessageInput } from '../applications/repository';
import { decodeCursor, encodeCursor } from '../lib/cursor';

/**
 * Work orders (工单) for appeals and community issues. Keys:
 * | work order        | WO#<no>            | WO               | gsi1 USERWO#<filer> / <createdAt>#<no>; gsi2 TEAM#<team> / <claimBy>#<no> (while open); |
 * |                   |                    |                  | gsi3 STREETWO#<street> / <group>#<claimBy or replyBy or changedAt>#<no> (streetSortKey) |
 * | event (trail)     | WO#<no>            | EVT#<at>#<n>     | append-only, written with the change it records |
 * | me-too / follower | WO#<no>            | METOO#<userId>   | |
 * | place index       | WOGEO#<cat>#<cell> | <createdAt>#<no> | geohash-7 cell, for "nearby open orders of this category" |
 */
export interface WorkOrderRecord {
  no: string;
  kind: 'appeal' | 'community';
  categoryId: string;
  categoryPath: string;
  teamId: string; // dept:<id> or grid:<street>
  teamName: string;
  street?: string; // the street whose dispatcher oversees it
  state: WorkOrderState;
  version: number;
  description: string;
  photoIds: string[];
  place?: { lat: number; lng: number; address: string };
  geohash?: string;
  filerId: string;
  filerRole: string;
  filerDisplay: string; // masked name or firm; 匿名 to the public when anonymous
  anonymous: boolean;
  contactPhone?: string; // shown masked to the handling team, so they can reach even an anonymous filer
  affected: number;
  ownerId?: string;
  ownerName?: string;
  claimBy: string;
  replyBy: string;
  reopened: boolean;
  rating?: string;
  createdAt: string;
  /** how the filer wants to hear back (联系方式偏好) */
  contactPreference?: 'phone' | 'message' | 'none';
  /** an enterprise's appeal is linked to the firm (统一社会信用代码) */
  enterpriseCode?: string;
  enterpriseName?: string;
  extension?: { days: number; reason: string; status: 'requested' | 'granted' | 'refused'; at: string };
  escalatedAt?: string;
  duplicateOf?: string;
  result?: string;
  resultPhotoIds?: string[];
}

/** One message per person: a transaction may touch a reader's unread counter only once (a filer can also follow). */
export const uniqueRecipients = (messages: MessageInput[]) => messages.filter((m, i) => messages.findIndex((x) => x.userId === m.userId) === i);

export interface WoEvent { at: string; actor: string; role: string; action: string; from?: WorkOrderState; to?: WorkOrderState; note?: string; photoIds?: string[] }

const T = () => table();
export const woKey = (no: string) => ({ pk: `WO#${no}`, sk: 'WO' });
const eventKey = (no: string, at: string, n: number) => ({ pk: `WO#${no}`, sk: `EVT#${at}#${String(n).padStart(3, '0')}` });
const teamIndex = (teamId: string, claimBy: string, no: string) => ({ gsi2pk: `TEAM#${teamId}`, gsi2sk: `${claimBy}#${no}` });
const filerIndex = (userId: string, createdAt: string, no: string) => ({ gsi1pk: `USERWO#${userId}`, gsi1sk: `${createdAt}#${no}` });
/** orders placed nowhere in particular (a department appeal without a street) are the district's to oversee */
export const NO_STREET = '_district';
/** the street dispatcher's list: by tab, the most urgent (or newest) first */
export const streetIndex = (street: string, sortKey: string) => ({ gsi3pk: `STREETWO#${street}`, gsi3sk: sortKey });
const monthKey = (createdAt: string, no: string) => ({ pk: `WOALL#${createdAt.slice(0, 7)}`, sk: `${createdAt}#${no}` });
const geoKey = (categoryId: string, cell: string, createdAt: string, no: string) => ({ pk: `WOGEO#${categoryId}#${cell}`, sk: `${createdAt}#${no}` });

export async function createWorkOrder(wo: WorkOrderRecord, events: WoEvent[], idem: { userId: string; key: string }, message: MessageInput | undefined, counters: Record<string, unknown>[] = []): Promise<void> {
  const items: Record<string, unknown>[] = [
    { Put: { TableName: T(), Item: { pk: `IDEM#${idem.userId}#${idem.key}`, sk: 'IDEM', entity: 'Idempotency', woNo: wo.no, ttl: Math.floor(Date.parse(wo.createdAt) / 1000) + 7 * 86_400 }, ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName: T(), Item: { ...woKey(wo.no), ...filerIndex(wo.filerId, wo.createdAt, wo.no), ...teamIndex(wo.teamId, wo.claimBy, wo.no),
      ...streetIndex(wo.street ?? NO_STREET, streetSortKey({ ...wo, at: wo.createdAt })), entity: 'WorkOrder', ...wo }, ConditionExpression: 'attribute_not_exists(pk)' } },
    ...events.map((e, n) => ({ Put: { TableName: T(), Item: { ...eventKey(wo.no, e.at, n), entity: 'WoEvent', ...e } } })),
    ...(message ? messageItems(message, wo.createdAt) : []),
    ...counters,
  ];
  if (wo.geohash) items.push({ Put: { TableName: T(), Item: { ...geoKey(wo.categoryId, wo.geohash, wo.createdAt, wo.no), entity: 'WoPlace', no: wo.no } } });
  // the district's list by month (Open311 requests.json), a bounded number of partitions for any date range
  items.push({ Put: { TableName: T(), Item: { ...monthKey(wo.createdAt, wo.no), entity: 'WoByMonth', no: wo.no, categoryId: wo.categoryId } } });
  await db().send(new TransactWriteCommand({ TransactItems: items as never }));
}

export async function idempotentWorkOrder(userId: string, key: string): Promise<string | undefined> {
  const r = await db().send(new GetCommand({ TableName: T(), Key: { pk: `IDEM#${userId}#${key}`, sk: 'IDEM' }, ConsistentRead: true }));
  return r.Item?.woNo as string | undefined;
}

/** The order, its trail and its followers: one Query on its partition. */
export async function getWorkOrder(no: string): Promise<{ wo?: WorkOrderRecord; events: WoEvent[]; followers: string[] }> {
  const out: { wo?: WorkOrderRecord; events: WoEvent[]; followers: string[] } = { events: [], followers: [] };
  let startKey: Record<string, unknown> | undefined;
  do {
    const r = await db().send(new QueryCommand({ TableName: T(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `WO#${no}` }, ExclusiveStartKey: startKey }));
    for (const row of r.Items ?? []) {
      const sk = String(row.sk);
      if (sk === 'WO') out.wo = row as unknown as WorkOrderRecord;
      else if (sk.startsWith('EVT#')) out.events.push(row as unknown as WoEvent);
      else if (sk.startsWith('METOO#')) out.followers.push(sk.slice(6));
    }
    startKey = r.LastEvaluatedKey;
  } while (startKey);
  return out;
}

/** A state change with its event and the messages to the filer and followers, guarded by state and version. */
export async function changeWorkOrder(o: {
  wo: WorkOrderRecord; set: Record<string, unknown>; event: WoEvent; eventIndex: number; messages: MessageInput[];
  /** ended: leaves the team's queue; requeue: back in a team's queue with a new claim deadline */
  queue?: { leave: true } | { teamId: string; claimBy: string };
  /** dashboard counter updates (CounterDeltas.transactItems) */
  counters?: Record<string, unknown>[];
}): Promise<void> {
  const set = { ...o.set };
  if (o.queue && 'claimBy' in o.queue) set.claimBy = o.queue.claimBy;
  // the street's list follows the state (and the deadline it is sorted by)
  const next = { ...o.wo, ...set } as WorkOrderRecord;
  set.gsi3sk = streetSortKey({ state: next.state, claimBy: next.claimBy, replyBy: next.replyBy, at: o.event.at, no: o.wo.no });
  const names: Record<string, string> = { '#v': 'version', '#s': 'state' };
  const values: Record<string, unknown> = { ':v': o.wo.version, ':v1': o.wo.version + 1, ':s0': o.wo.state };
  const sets = ['#v = :v1'];
  Object.entries(set).forEach(([k, v], i) => { names[`#f${i}`] = k; values[`:f${i}`] = v; sets.push(`#f${i} = :f${i}`); });
  let remove = '';
  if (o.queue && 'leave' in o.queue) remove = ' REMOVE gsi2pk, gsi2sk';
  else if (o.queue) {
    Object.assign(values, { ':g2': `TEAM#${o.queue.teamId}`, ':g2s': `${o.queue.claimBy}#${o.wo.no}` });
    sets.push('gsi2pk = :g2', 'gsi2sk = :g2s');
    remove = ' REMOVE escalatedAt'; // a new claim time: it may escalate again if this team is late too
  }
  await db().send(new TransactWriteCommand({
    TransactItems: [
      { Update: { TableName: T(), Key: woKey(o.wo.no), UpdateExpression: `SET ${sets.join(', ')}${remove}`, ConditionExpression: '#v = :v AND #s = :s0', ExpressionAttributeNames: names, ExpressionAttributeValues: values } },
      { Put: { TableName: T(), Item: { ...eventKey(o.wo.no, o.event.at, o.eventIndex), entity: 'WoEvent', ...o.event }, ConditionExpression: 'attribute_not_exists(pk)' } },
      ...uniqueRecipients(o.messages).slice(0, 20).flatMap((m) => messageItems(m, o.event.at)),
      ...(o.counters ?? []),
    ] as never,
  }));
}

/**
 * 处理进展: an event in the trail (append-only, its own key) and the messages to the filer and followers,
 * in one transaction that holds only while the order is still being handled by this owner.
 */
export async function addProgressNote(no: string, ownerId: string, idemKey: string, event: WoEvent, messages: MessageInput[]): Promise<void> {
  await db().send(new TransactWriteCommand({
    TransactItems: [
      // once per Idempotency-Key: a retried note is not written twice
      { Put: { TableName: T(), Item: { pk: `IDEM#${ownerId}#${idemKey}`, sk: 'IDEM', entity: 'Idempotency', woNo: no, ttl: Math.floor(Date.parse(event.at) / 1000) + 7 * 86_400 }, ConditionExpression: 'attribute_not_exists(pk)' } },
      { ConditionCheck: { TableName: T(), Key: woKey(no), ConditionExpression: '#s IN (:c, :p) AND ownerId = :me', ExpressionAttributeNames: { '#s': 'state' }, ExpressionAttributeValues: { ':c': 'claimed', ':p': 'in_progress', ':me': ownerId } } },
      { Put: { TableName: T(), Item: { pk: `WO#${no}`, sk: `EVT#${event.at}#note`, entity: 'WoEvent', ...event }, ConditionExpression: 'attribute_not_exists(pk)' } },
      ...uniqueRecipients(messages).slice(0, 20).flatMap((m) => messageItems(m, event.at)),
    ] as never,
  }));
}

/** Inbox messages to many people at once (a team's members), in transactions of at most 30 people. */
export async function sendMessages(messages: MessageInput[], at: string): Promise<void> {
  const unique = uniqueRecipients(messages);
  for (let i = 0; i < unique.length; i += 30) {
    await db().send(new TransactWriteCommand({ TransactItems: unique.slice(i, i + 30).flatMap((m) => messageItems(m, at)) as never }));
  }
}

/** 我也遇到 (me too): one follower row per person; the affected count moves with it. */
export async function addMeToo(no: string, userId: string, at: string): Promise<void> {
  await db().send(new TransactWriteCommand({
    TransactItems: [
      { Put: { TableName: T(), Item: { pk: `WO#${no}`, sk: `METOO#${userId}`, entity: 'WoFollower', at }, ConditionExpression: 'attribute_not_exists(pk)' } },
      { Update: { TableName: T(), Key: woKey(no), UpdateExpression: 'ADD affected :one', ConditionExpression: 'attribute_exists(pk) AND #s <> :closed', ExpressionAttributeNames: { '#s': 'state' }, ExpressionAttributeValues: { ':one': 1, ':closed': 'closed' } } },
    ],
  }));
}

export async function teamQueue(teamId: string, limit: number): Promise<WorkOrderRecord[]> {
  const r = await db().send(new QueryCommand({ TableName: T(), IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': `TEAM#${teamId}` }, Limit: limit }));
  return (r.Items ?? []) as WorkOrderRecord[];
}

/** A tab of the street dispatcher's list (one Query); `before` limits it to sort keys below a bound, e.g. overdue. */
export async function streetList(street: string, group: WoGroup, limit: number, cursor?: string, before?: string) {
  const r = await db().send(new QueryCommand({
    TableName: T(), IndexName: 'gsi3',
    KeyConditionExpression: before ? 'gsi3pk = :pk AND gsi3sk BETWEEN :a AND :b' : 'gsi3pk = :pk AND begins_with(gsi3sk, :a)',
    ExpressionAttributeValues: { ':pk': `STREETWO#${street}`, ':a': `${group}#`, ...(before ? { ':b': `${group}#${before}` } : {}) },
    ScanIndexForward: WO_GROUP_ASCENDING[group], Limit: limit,
    ExclusiveStartKey: decodeCursor(cursor, { partition: `STREETWO#${street}`, index: 'gsi3', sortPrefix: `${group}#` }),
  }));
  return { items: (r.Items ?? []) as WorkOrderRecord[], nextCursor: encodeCursor(r.LastEvaluatedKey) };
}

/** Order numbers placed in a geohash cell of a category since a time. */
export async function placeRows(categoryId: string, cell: string, since: string): Promise<string[]> {
  const r = await db().send(new QueryCommand({
    TableName: T(), KeyConditionExpression: 'pk = :pk AND sk >= :since', ExpressionAttributeValues: { ':pk': `WOGEO#${categoryId}#${cell}`, ':since': since }, Limit: 50,
  }));
  return (r.Items ?? []).map((i) => i.no as string);
}

export async function getMany(nos: string[]): Promise<WorkOrderRecord[]> {
  if (!nos.length) return [];
  const r = await db().send(new BatchGetCommand({ RequestItems: { [T()]: { Keys: [...new Set(nos)].slice(0, 100).map(woKey) } } }));
  return (r.Responses?.[T()] ?? []) as WorkOrderRecord[];
}

/** 我的诉求: the filer's orders, newest first. */
export async function listByFiler(userId: string, limit: number, cursor?: string) {
  const r = await db().send(new QueryCommand({
    TableName: T(), IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': `USERWO#${userId}` },
    ScanIndexForward: false, Limit: limit, ExclusiveStartKey: decodeCursor(cursor, { partition: `USERWO#${userId}`, index: 'gsi1' }),
  }));
  return { items: (r.Items ?? []) as WorkOrderRecord[], nextCursor: encodeCursor(r.LastEvaluatedKey) };
}

/** Order numbers created between two instants (inclusive), newest first, at most `limit`: one Query per month. */
export async function listByTime(from: string, to: string, limit: number): Promise<string[]> {
  const months: string[] = [];
  for (let d = new Date(`${from.slice(0, 7)}-01T00:00:00Z`); d.toISOString().slice(0, 7) <= to.slice(0, 7); d.setUTCMonth(d.getUTCMonth() + 1)) months.push(d.toISOString().slice(0, 7));
  const out: string[] = [];
  for (const m of months.reverse()) {
    if (out.length >= limit) break;
    const r = await db().send(new QueryCommand({
      TableName: T(), KeyConditionExpression: 'pk = :pk AND sk BETWEEN :a AND :b', ExpressionAttributeValues: { ':pk': `WOALL#${m}`, ':a': from, ':b': `${to}~` },
      ScanIndexForward: false, Limit: limit - out.length,
    }));
    out.push(...(r.Items ?? []).map((i) => i.no as string));
  }
  return out;
}
