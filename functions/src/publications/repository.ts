import { BatchWriteCommand, DeleteCommand, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { db, isConditionFailure, readAll, table, transact, type Lookup } from '../lib/db';
import { idempotencyItem, idempotencyLookup } from '../lib/repository';
import type { Key } from '../lib/entities/entity';
import {
  IndexMarks,
  Posting,
  Publication,
  PublicationLinkRow,
  Subscriptions,
  ToIndex,
  Told,
  keys,
  sortKeyOf,
  type IndexMarksRecord,
  type PostingRecord,
  type PublicationLinkRecord,
  type PublicationRecord,
  type PublicationSummaryRecord,
  type ToIndexRecord,
} from '../lib/entities/publications';
import { fileLookup, type FileRecord } from '../files/repository';
import { noticeItems, type Notice } from '../messages/repository';

export type { IndexMarksRecord, PostingRecord, PublicationLinkRecord, PublicationRecord, PublicationSummaryRecord, ToIndexRecord };
export { sortKeyOf };

/**
 * 政务公开's rows (lib/entities/publications.ts). Reads are bounded at any size: a list page is one Query of an index, a
 * detail one Query of the item's partition, a search a Query per bigram and a BatchGet or two.
 */

// ---- reads ----------------------------------------------------------------------------------------

export async function getCurrent(id: string, consistent = false): Promise<PublicationRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.current(id), ConsistentRead: consistent }));
  return r.Item ? Publication.fromItem(r.Item) : undefined;
}

/** The current row and the links of its interpretations (a policy's): one Query, between `LINK#` and `PUB`. */
export async function getDetail(id: string): Promise<{ current?: PublicationRecord; links: PublicationLinkRecord[] }> {
  const r = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.pubPk(id), ':from': keys.detailRange.from, ':to': keys.detailRange.to },
      ScanIndexForward: false, // the current row first, then the links newest first
    }),
  );
  const rows = r.Items ?? [];
  const current = rows.find((x) => x.sk === keys.current(id).sk);
  return {
    current: current ? Publication.fromItem(current) : undefined,
    links: rows.filter((x) => String(x.sk).startsWith(keys.linkPrefix)).map(PublicationLinkRow.fromItem),
  };
}

export type ListIndex = { kind: 'category'; category: string } | { kind: 'department'; department: string; withdrawn?: boolean } | { kind: 'all' };

const INDEX_OF = { category: 'gsi1', department: 'gsi2', all: 'gsi3' } as const;

/**
 * One page of summaries, newest first, from a list index. With `category` on a department's list (both asked for), the
 * rows of other categories are filtered out: up to 5 reads of the page size each, so a page may come back shorter.
 */
export async function listPage(
  at: ListIndex,
  limit: number,
  cursor?: string,
  category?: string,
): Promise<{ items: PublicationSummaryRecord[]; nextCursor: string | null }> {
  const index = INDEX_OF[at.kind];
  const partition =
    at.kind === 'category' ? keys.byCategory(at.category) : at.kind === 'department' ? keys.byDepartment(at.department, at.withdrawn) : keys.all;
  let start: Record<string, unknown> | undefined = decodeCursor(cursor, { partition, index });
  const items: PublicationSummaryRecord[] = [];
  for (let reads = 0; reads < 5; reads++) {
    const r = await db().send(
      new QueryCommand({
        TableName: table(),
        IndexName: index,
        KeyConditionExpression: `${index}pk = :pk`,
        ExpressionAttributeValues: { ':pk': partition, ...(category ? { ':c': category } : {}) },
        ...(category ? { FilterExpression: '#cat = :c', ExpressionAttributeNames: { '#cat': 'category' } } : {}),
        ScanIndexForward: false,
        Limit: limit - items.length,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(r.Items ?? []).map(Publication.summaryFromItem));
    start = r.LastEvaluatedKey;
    if (!start || items.length >= limit || !category) break;
  }
  return { items, nextCursor: encodeCursor(start) };
}

/** The summaries of these items (a search page): one BatchGet. */
export async function summaries(ids: readonly string[]): Promise<Map<string, PublicationSummaryRecord>> {
  if (!ids.length) return new Map();
  const r = await readAll({ s: ids.map((id) => ({ key: keys.summary(id), parse: Publication.summaryFromItem })) });
  return new Map(r.s.flatMap((s) => (s ? [[s.id, s] as const] : [])));
}

/** The saved versions, newest first (at most 50). */
export async function listVersions(id: string): Promise<PublicationRecord[]> {
  const r = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
      ExpressionAttributeValues: { ':pk': keys.pubPk(id), ':v': keys.versionPrefix },
      ScanIndexForward: false,
      Limit: 50,
    }),
  );
  return (r.Items ?? []).map(Publication.fromItem);
}

export async function getVersion(id: string, version: number): Promise<PublicationRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.version(id, version) }));
  return r.Item ? Publication.fromItem(r.Item) : undefined;
}

const currentLookup = (id: string): Lookup<PublicationRecord> => ({ key: keys.current(id), parse: Publication.fromItem });

/** What publishing reads, in one consistent BatchGet: the key's record, the attachments' file rows, the policy interpreted. */
export async function publishReads(userId: string, idemKey: string | undefined, fileIds: readonly string[], interpretsId?: string) {
  const r = await readAll(
    {
      idem: idemKey ? [idempotencyLookup(userId, idemKey)] : [],
      files: fileIds.map((f) => fileLookup(f)),
      policy: interpretsId ? [currentLookup(interpretsId)] : [],
    },
    { consistent: true },
  );
  return { made: r.idem[0]?.ref, files: r.files as (FileRecord | undefined)[], policy: r.policy[0] };
}

// ---- writes ---------------------------------------------------------------------------------------

/** The policy an interpretation names must be a published 政策文件 when the link is written. */
const policyCheck = (policyId: string) => ({
  ConditionCheck: {
    TableName: table(),
    Key: keys.current(policyId),
    ConditionExpression: '#s = :pub AND #cat = :policy',
    ExpressionAttributeNames: { '#s': 'status', '#cat': 'category' },
    ExpressionAttributeValues: { ':pub': 'published', ':policy': 'policy' },
  },
});

/** The rows of a version: current, summary and the immutable version row (and the link on the policy's partition). */
function rowsOf(p: PublicationRecord, currentCondition: Record<string, unknown>) {
  return [
    { Put: { TableName: table(), Item: Publication.currentItem(p), ...currentCondition } },
    { Put: { TableName: table(), Item: Publication.summaryItem(p) } },
    { Put: { TableName: table(), Item: Publication.versionItem(p), ConditionExpression: 'attribute_not_exists(pk)' } },
  ];
}

const whileVersion = (v: number) => ({
  ConditionExpression: '#v = :v AND #s = :pub',
  ExpressionAttributeNames: { '#s': 'status', '#v': 'version' },
  ExpressionAttributeValues: { ':v': v, ':pub': 'published' },
});

/**
 * An edit's or a withdrawal's to-index row: its version and time raised; a publish's owed news (`notify`) kept, so an
 * edit before the first index still tells the subscribers.
 */
const toIndexUpdate = (p: PublicationRecord) => ({
  Update: {
    TableName: table(),
    Key: keys.toIndex(p.id),
    UpdateExpression: 'SET #e = :e, #id = :id, #v = :v, #c = :c, #at = :at',
    ExpressionAttributeNames: { '#e': 'entity', '#id': 'id', '#v': 'version', '#c': 'category', '#at': 'at' },
    ExpressionAttributeValues: { ':e': ToIndex.entity, ':id': p.id, ':v': p.version, ':c': p.category, ':at': p.updatedAt },
  },
});

/**
 * 发布: version 1, its idempotency record (a second request with the key fails its condition) and its to-index row in
 * one transaction. The policy's check stays the 4th item (the service reads the cancellation reasons by position).
 */
export async function putNew(p: PublicationRecord, idem: { userId: string; key: string }): Promise<void> {
  await transact([
    ...rowsOf(p, { ConditionExpression: 'attribute_not_exists(pk)' }),
    ...(p.interpretsId ? [policyCheck(p.interpretsId), { Put: { TableName: table(), Item: PublicationLinkRow.toItem(p.interpretsId, p) } }] : []),
    idempotencyItem(idem.userId, idem.key, p.updatedAt, { ref: p.id }),
    { Put: { TableName: table(), Item: ToIndex.toItem(p) } },
  ]);
}

/** 修改: a new version, only over the version edited; the interpretation's link follows it (moved, renamed or dropped). */
export async function putEdit(p: PublicationRecord, before: PublicationRecord): Promise<void> {
  const oldLink = before.interpretsId ? keys.link(before.interpretsId, before) : undefined;
  const newLink = p.interpretsId ? keys.link(p.interpretsId, p) : undefined;
  const moved = oldLink && (!newLink || oldLink.pk !== newLink.pk || oldLink.sk !== newLink.sk);
  await transact([
    ...rowsOf(p, whileVersion(before.version)),
    toIndexUpdate(p),
    ...(moved ? [{ Delete: { TableName: table(), Key: oldLink } }] : []),
    ...(p.interpretsId
      ? [
          ...(p.interpretsId !== before.interpretsId ? [policyCheck(p.interpretsId)] : []),
          { Put: { TableName: table(), Item: PublicationLinkRow.toItem(p.interpretsId, p) } },
        ]
      : []),
  ]);
}

/** 撤回: the withdrawn version; off the public lists (its summary keeps only the department's 已撤回 list) and off its policy's page. */
export async function putWithdrawal(p: PublicationRecord, before: PublicationRecord): Promise<void> {
  await transact([
    ...rowsOf(p, whileVersion(before.version)),
    toIndexUpdate(p),
    ...(before.interpretsId ? [{ Delete: { TableName: table(), Key: keys.link(before.interpretsId, before) } }] : []),
  ]);
}

/** The seed's rows for a publication (version 1) and, for an interpretation, its link. */
export const seedRows = (p: PublicationRecord) => [
  Publication.currentItem(p),
  Publication.summaryItem(p),
  Publication.versionItem(p),
  ...(p.interpretsId ? [PublicationLinkRow.toItem(p.interpretsId, p)] : []),
];

// ---- the search index -----------------------------------------------------------------------------

/**
 * Takes the item's index lease (one worker indexes an item at a time) until `until` (ms), noting the version it will
 * write as pending; undefined when another worker holds it. Returns the marks as they were.
 */
export async function takeIndexLease(id: string, owner: string, nowMs: number, until: number, version: number): Promise<IndexMarksRecord | undefined> {
  try {
    const r = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.indexMarks(id),
        UpdateExpression: 'SET #by = :me, #until = :until, #e = :e ADD #p :v',
        ConditionExpression: 'attribute_not_exists(#until) OR #until < :now',
        ExpressionAttributeNames: { '#by': 'lockedBy', '#until': 'lockedUntil', '#e': 'entity', '#p': 'pending' },
        ExpressionAttributeValues: { ':me': owner, ':until': until, ':now': nowMs, ':v': new Set([version]), ':e': IndexMarks.entity },
        ReturnValues: 'ALL_OLD',
      }),
    );
    return IndexMarks.fromItem(r.Attributes);
  } catch (e) {
    if (isConditionFailure(e)) return undefined;
    throw e;
  }
}

/** The pass is done: the index holds `version`; the pending versions it cleaned are dropped, and the lease let go (if still ours). */
export async function releaseIndexLease(id: string, owner: string, version: number, cleaned: readonly number[], at: string): Promise<void> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.indexMarks(id),
        UpdateExpression: 'SET #iv = :v, #at = :at REMOVE #by, #until DELETE #p :cleaned',
        ConditionExpression: '#by = :me',
        ExpressionAttributeNames: { '#iv': 'indexedVersion', '#at': 'indexedAt', '#by': 'lockedBy', '#until': 'lockedUntil', '#p': 'pending' },
        ExpressionAttributeValues: { ':v': version, ':at': at, ':me': owner, ':cleaned': new Set([...cleaned, version]) },
      }),
    );
  } catch (e) {
    if (!isConditionFailure(e)) throw e; // the lease ran out and another worker took it: it finishes the job
  }
}

/** The item's to-index row: a save not yet indexed (none once the worker has caught up). */
export async function getToIndex(id: string): Promise<ToIndexRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.toIndex(id), ConsistentRead: true }));
  return r.Item ? ToIndex.fromItem(r.Item) : undefined;
}

/** The index holds `version`: the row goes, unless a later save raised it meanwhile (that save's pass deletes it). */
export async function deleteToIndex(id: string, version: number): Promise<void> {
  try {
    await db().send(
      new DeleteCommand({
        TableName: table(),
        Key: keys.toIndex(id),
        ConditionExpression: '#v <= :v',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':v': version },
      }),
    );
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
  }
}

/**
 * Saves left unindexed since before `before` (their queueing failed, or the worker's did): at most `max`, a Query of
 * the to-index partition (a few rows, each living seconds; up to 3 pages when something has been failing a while).
 */
export async function savesNotIndexed(before: string, max = 100): Promise<ToIndexRecord[]> {
  const out: ToIndexRecord[] = [];
  let start: Record<string, unknown> | undefined;
  for (let page = 0; page < 3; page++) {
    const r = await db().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: '#at < :before',
        ExpressionAttributeNames: { '#at': 'at' },
        ExpressionAttributeValues: { ':pk': keys.toIndexPk, ':before': before },
        ExclusiveStartKey: start,
      }),
    );
    out.push(...(r.Items ?? []).map(ToIndex.fromItem));
    start = r.LastEvaluatedKey;
    if (!start || out.length >= max) break;
  }
  return out.slice(0, max);
}

/** Writes and deletes postings, 25 a call (BatchWriteItem), asking again for what the store left unprocessed. */
export async function writePostings(puts: Record<string, unknown>[], deletes: Key[]): Promise<void> {
  const requests = [...deletes.map((Key) => ({ DeleteRequest: { Key } })), ...puts.map((Item) => ({ PutRequest: { Item } }))];
  for (let i = 0; i < requests.length; i += 25) {
    let pending: unknown[] = requests.slice(i, i + 25);
    for (let attempt = 0; pending.length; attempt++) {
      if (attempt >= 8) throw new Error('posting writes left unprocessed');
      if (attempt) await new Promise((res) => setTimeout(res, 50 * 2 ** attempt));
      const r = await db().send(new BatchWriteCommand({ RequestItems: { [table()]: pending as never } }));
      pending = r.UnprocessedItems?.[table()] ?? [];
    }
  }
}

export const postingItem = Posting.toItem;
export const postingKey = keys.posting;
export const idOfSort = Posting.idOf;

/** The newest postings of a bigram older than `before` (a search page's cursor), at most `limit`: one Query. */
export async function postings(term: string, limit: number, before?: string): Promise<{ rows: PostingRecord[]; complete: boolean }> {
  const r = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: before ? 'pk = :pk AND sk < :before' : 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.postingPk(term), ...(before ? { ':before': before } : {}) },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return { rows: (r.Items ?? []).map(Posting.fromItem), complete: !r.LastEvaluatedKey };
}

/** Which of these (bigram, item) postings exist: one BatchGet per 100 keys. */
export async function postingsExist(wanted: readonly { term: string; sort: string }[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < wanted.length; i += 100) {
    const slice = wanted.slice(i, i + 100);
    const r = await readAll({ p: slice.map((w) => ({ key: keys.posting(w.term, w.sort), parse: () => true })) });
    r.p.forEach((hit, j) => {
      if (hit) found.add(`${slice[j].term}\u0000${slice[j].sort}`);
    });
  }
  return found;
}

// ---- subscribers ----------------------------------------------------------------------------------

export async function getSubscriptions(userId: string, consistent = false): Promise<string[]> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.subscriptions(userId), ConsistentRead: consistent }));
  return Subscriptions.fromItem(r.Item).categories;
}

/** Subscribes (or not): the person's set and the category's subscriber row together; doing it twice changes nothing. */
export async function setSubscribed(userId: string, category: string, on: boolean, at: string): Promise<string[]> {
  await transact([
    {
      Update: {
        TableName: table(),
        Key: keys.subscriptions(userId),
        UpdateExpression: on ? 'SET #u = :at, #e = :e ADD #c :c' : 'SET #u = :at, #e = :e DELETE #c :c',
        ExpressionAttributeNames: { '#u': 'updatedAt', '#e': 'entity', '#c': 'categories' },
        ExpressionAttributeValues: { ':at': at, ':c': new Set([category]), ':e': Subscriptions.entity },
      },
    },
    on
      ? { Put: { TableName: table(), Item: Subscriptions.subscriberItem(category, userId, at) } }
      : { Delete: { TableName: table(), Key: keys.subscriber(category, userId) } },
  ]);
  return getSubscriptions(userId, true);
}

/** One page of a category's subscribers in a shard. */
export async function subscribersPage(category: string, shard: number, start?: Record<string, unknown>) {
  const r = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.subscribersPk(category, shard) },
      ExclusiveStartKey: start,
    }),
  );
  return { userIds: (r.Items ?? []).map((i) => Subscriptions.subscriberFromItem(i).userId), next: r.LastEvaluatedKey };
}

/** Tells a subscriber of an item once: the guard row (kept 14 days) and the notice in one transaction; false when told before. */
export async function tellOnce(id: string, notice: Notice, at: string): Promise<boolean> {
  try {
    await transact([
      { Put: { TableName: table(), Item: Told.toItem(id, notice.userId, at), ConditionExpression: 'attribute_not_exists(pk)' } },
      ...noticeItems(notice, at),
    ]);
    return true;
  } catch (e) {
    const reasons = (e as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
    if (reasons?.[0]?.Code === 'ConditionalCheckFailed') return false;
    throw e;
  }
}
