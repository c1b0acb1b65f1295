import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { WAITING_CAP } from '@yx/shared';
import { cancellationReasons, db, madeUnlessRefused, queryAll, readAll, table, transact, type Lookup } from '../lib/db';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import {
  Ballot,
  Comment,
  Figures,
  keys,
  Residence,
  Support,
  Topic,
  type BallotRecord,
  type CommentRecord,
  type ResidenceRecord,
  type TallyRecord,
  type TopicRecord,
} from '../lib/entities/deliberation';
import { idempotencyItem, idempotencyLookup } from '../lib/repository';
import type { IdempotencyRecord } from '../lib/entities/idempotency';
import { log } from '../lib/log';
import { noticeItems, tell, type Notice } from '../messages/repository';

/**
 * The store of 居民议事 (issue 19). Every request costs a few calls by key, one Query of one partition, and at most one
 * transaction; no request writes a counter (the figures rows are the aggregator's). The final count of a vote reads its
 * eight ballot partitions once, in the job or the first read after the close, and is stored once on the topic.
 */

const T = table;
type Page<R> = { items: R[]; nextCursor: string | null };

// ---- residence ----------------------------------------------------------------------------------------------

export const residenceLookup = (userId: string): Lookup<ResidenceRecord> => ({ key: keys.residence(userId), parse: Residence.fromItem });

export async function getResidence(userId: string, consistent = false): Promise<ResidenceRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: T(), Key: keys.residence(userId), ...(consistent ? { ConsistentRead: true } : {}) }));
  return r.Item ? Residence.fromItem(r.Item) : undefined;
}

/**
 * The residence row is still the one read: the same declaration (or none), with no ballot added since (a ballot only
 * adds to `ballotCloses`, so its size tells). A person who votes at the very moment they move or leave is refused the
 * move, never left with a ballot the move forgot.
 */
function unchangedSince(read: ResidenceRecord | undefined) {
  if (!read) return { ConditionExpression: 'attribute_not_exists(pk)' };
  const n = read.ballotCloses?.length ?? 0;
  return {
    ConditionExpression: `declaredAt = :d AND ${n ? 'size(ballotCloses) = :n' : 'attribute_not_exists(ballotCloses)'}`,
    ExpressionAttributeValues: { ':d': read.declaredAt, ...(n ? { ':n': n } : {}) },
  };
}

/**
 * A declaration replaces whatever the person had declared before (moving away ends the old community at once), only
 * over the row read (`unchangedSince`). False: it changed meanwhile.
 */
export async function putResidence(r: ResidenceRecord, read: ResidenceRecord | undefined): Promise<boolean> {
  return madeUnlessRefused(() => db().send(new PutCommand({ TableName: T(), Item: Residence.toItem(r), ...unchangedSince(read) })));
}

/** 已搬离: the row deleted, only as it was read (`unchangedSince`). False: it changed meanwhile. */
export async function deleteResidence(userId: string, read: ResidenceRecord | undefined): Promise<boolean> {
  return madeUnlessRefused(() => db().send(new DeleteCommand({ TableName: T(), Key: keys.residence(userId), ...unchangedSince(read) })));
}

/**
 * A grid official's decision on a pending declaration, with the person's notice: only while it is still the pending
 * declaration read (the same community and time), so a newer declaration is never decided by an old screen. False when
 * it changed meanwhile.
 */
export async function decideResidence(read: ResidenceRecord, next: ResidenceRecord, notice: Notice): Promise<boolean> {
  return madeUnlessRefused(() =>
    transact([
      {
        Put: {
          TableName: T(),
          Item: Residence.toItem(next),
          ConditionExpression: '#s = :pending AND communityId = :c AND declaredAt = :d',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':pending': 'pending', ':c': read.communityId, ':d': read.declaredAt },
        },
      },
      ...noticeItems(notice, next.decidedAt ?? read.declaredAt),
    ]),
  );
}

/** One page of an index partition (its key's order, or newest first), with the opaque cursor of the next: one Query. */
async function indexPage<T>(
  index: 'gsi1' | 'gsi2',
  pk: string,
  parse: (item: Record<string, unknown>) => T,
  o: { limit: number; cursor?: string; newestFirst?: boolean },
): Promise<Page<T>> {
  const r = await db().send(
    new QueryCommand({
      TableName: T(),
      IndexName: index,
      KeyConditionExpression: `${index}pk = :pk`,
      ExpressionAttributeValues: { ':pk': pk },
      ...(o.newestFirst ? { ScanIndexForward: false } : {}),
      Limit: o.limit,
      ExclusiveStartKey: decodeCursor(o.cursor, { partition: pk, index }),
    }),
  );
  return { items: (r.Items ?? []).map(parse), nextCursor: encodeCursor(r.LastEvaluatedKey) };
}

/** A community's pending declarations (oldest first) or its confirmed residents: one Query of a sparse index. */
export async function listResidences(communityId: string, status: 'pending' | 'confirmed', limit: number, cursor?: string): Promise<Page<ResidenceRecord>> {
  const pk = status === 'pending' ? keys.pendingPk(communityId) : keys.residentsPk(communityId);
  return indexPage('gsi1', pk, Residence.fromItem, { limit, cursor });
}

/**
 * How many rows an index partition holds, up to WAITING_CAP + 1 (one COUNT Query of one page: the officials' 待办
 * figures). A figure above WAITING_CAP means that many or more (shown 99+), however long the queue grows.
 */
async function countIndex(index: 'gsi1' | 'gsi2', pk: string): Promise<number> {
  const r = await db().send(
    new QueryCommand({
      TableName: T(),
      IndexName: index,
      KeyConditionExpression: `${index}pk = :pk`,
      ExpressionAttributeValues: { ':pk': pk },
      Select: 'COUNT',
      Limit: WAITING_CAP + 1,
    }),
  );
  return Math.min(r.Count ?? 0, WAITING_CAP + 1);
}

/** What waits for a community's officials: pending declarations, held comments, proposed topics (three COUNT Queries, each capped). */
export async function waiting(communityId: string): Promise<{ pendingResidences: number; heldComments: number; proposedTopics: number }> {
  const [pendingResidences, heldComments, proposedTopics] = await Promise.all([
    countIndex('gsi1', keys.pendingPk(communityId)),
    countIndex('gsi2', keys.heldPk(communityId)),
    countIndex('gsi2', keys.proposedPk(communityId)),
  ]);
  return { pendingResidences, heldComments, proposedTopics };
}

// ---- figures (the aggregator's rows, read only) ------------------------------------------------------------------

export async function communityResidents(communityId: string): Promise<number> {
  const r = await db().send(new GetCommand({ TableName: T(), Key: keys.communityStats(communityId) }));
  return Figures.fromItem(r.Item).residents ?? 0;
}

const statsLookup = (topicId: string): Lookup<Record<string, number>> => ({ key: keys.topicStats(topicId), parse: Figures.fromItem });

// ---- topics ----------------------------------------------------------------------------------------------------------

export const topicLookup = (id: string): Lookup<TopicRecord> => ({ key: keys.topic(id), parse: Topic.fromItem });

export async function getTopic(id: string, consistent = false): Promise<TopicRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: T(), Key: keys.topic(id), ...(consistent ? { ConsistentRead: true } : {}) }));
  return r.Item ? Topic.fromItem(r.Item) : undefined;
}

/**
 * What a topic's page needs in one BatchGetItem: the topic, its figures, the caller's residence and ballot. Read
 * consistently: a person who just voted or just declared sees it.
 */
export async function topicWithCaller(topicId: string, userId: string) {
  const r = await readAll(
    {
      topic: [topicLookup(topicId)],
      stats: [statsLookup(topicId)],
      residence: [residenceLookup(userId)],
      ballot: [{ key: keys.ballot(topicId, userId), parse: Ballot.fromItem }],
    },
    { consistent: true },
  );
  return { topic: r.topic[0], stats: r.stats[0] ?? {}, residence: r.residence[0], ballot: r.ballot[0] };
}

/** A topic and the caller's residence (the actions' first read). */
export async function topicAndResidence(topicId: string, userId: string) {
  const r = await readAll({ topic: [topicLookup(topicId)], residence: [residenceLookup(userId)] }, { consistent: true });
  return { topic: r.topic[0], residence: r.residence[0] };
}

/** A raised topic with the raiser's idempotency record: the first of twin requests writes, the others fail. */
export async function createTopic(t: TopicRecord, idem: { userId: string; key: string }): Promise<void> {
  await transact([
    idempotencyItem(idem.userId, idem.key, t.raisedAt, { ref: t.id }),
    { Put: { TableName: T(), Item: Topic.toItem(t), ConditionExpression: 'attribute_not_exists(pk)' } },
  ]);
}

export const idempotencyOf = async (userId: string, key: string): Promise<IdempotencyRecord | undefined> =>
  (await readAll({ r: [idempotencyLookup(userId, key)] }, { consistent: true })).r[0];

/**
 * A topic's change (opened, declined, answered, followed up): the whole row as it now is, only over the version read
 * (two officials at once: one wins, the other is told to reload), with the raiser's notice in the same transaction.
 */
export async function replaceTopic(next: TopicRecord, readVersion: number, notices: Notice[] = []): Promise<boolean> {
  return madeUnlessRefused(() =>
    transact([
      {
        Put: {
          TableName: T(),
          Item: Topic.toItem(next),
          ConditionExpression: '#v = :v',
          ExpressionAttributeNames: { '#v': 'version' },
          ExpressionAttributeValues: { ':v': readVersion },
        },
      },
      ...notices.flatMap((n) => noticeItems(n, next.updatedAt)),
    ]),
  );
}

/**
 * A reader's lease on making the final count (until `until`): only while the topic has no result and no other reader
 * holds an unexpired lease, so one reader at a time reads the ballots. False: another holds it, or the count is stored.
 */
export async function takeCountLease(topicId: string, now: string, until: string): Promise<boolean> {
  return madeUnlessRefused(() =>
    db().send(
      new UpdateCommand({
        TableName: T(),
        Key: keys.topic(topicId),
        UpdateExpression: 'SET countingUntil = :until',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#r) AND (attribute_not_exists(countingUntil) OR countingUntil < :now)',
        ExpressionAttributeNames: { '#r': 'result' },
        ExpressionAttributeValues: { ':until': until, ':now': now },
      }),
    ),
  );
}

/** The final count, stored once: only while the topic has none (the job and a first reader may race). False: it had one. */
export async function storeResult(topicId: string, result: TallyRecord): Promise<boolean> {
  return madeUnlessRefused(() =>
    db().send(
      new UpdateCommand({
        TableName: T(),
        Key: keys.topic(topicId),
        UpdateExpression: 'SET #r = :r, #v = #v + :one, updatedAt = :at REMOVE gsi3pk, gsi3sk, countingUntil',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#r)',
        ExpressionAttributeNames: { '#r': 'result', '#v': 'version' },
        ExpressionAttributeValues: { ':r': result, ':one': 1, ':at': result.countedAt },
      }),
    ),
  );
}

/** The transaction item that links a work order to the topic, inside the order's own transaction: once only. */
export function linkWorkOrderItem(topicId: string, no: string, at: string) {
  return {
    Update: {
      TableName: T(),
      Key: keys.topic(topicId),
      UpdateExpression: 'SET workOrderNo = :no, #v = #v + :one, updatedAt = :at',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(workOrderNo) AND #s IN (:answered, :completed)',
      ExpressionAttributeNames: { '#v': 'version', '#s': 'state' },
      ExpressionAttributeValues: { ':no': no, ':one': 1, ':at': at, ':answered': 'answered', ':completed': 'completed' },
    },
  };
}

/** A community's topics, newest first (or, for its officials, the proposals waiting, oldest first), with their figures: one Query and one BatchGetItem. */
export async function listTopics(
  communityId: string,
  view: 'all' | 'proposed',
  limit: number,
  cursor?: string,
): Promise<Page<{ topic: TopicRecord; stats: Record<string, number> }>> {
  const [index, pk] = view === 'proposed' ? (['gsi2', keys.proposedPk(communityId)] as const) : (['gsi1', keys.communityTopicsPk(communityId)] as const);
  // proposals oldest first (the queue), the community's topics newest first
  const page = await indexPage(index, pk, Topic.fromItem, { limit, cursor, newestFirst: view !== 'proposed' });
  const topics = page.items;
  const stats = topics.length ? (await readAll({ s: topics.map((t) => statsLookup(t.id)) })).s : [];
  return { items: topics.map((topic, i) => ({ topic, stats: stats[i] ?? {} })), nextCursor: page.nextCursor };
}

/** Topics whose vote closed before `before` and has no final count yet (the job's list: a sparse index). */
export async function votesDue(before: string, max = 100): Promise<string[]> {
  const rows = await queryAll(
    {
      IndexName: 'gsi3',
      KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk < :before',
      ExpressionAttributeValues: { ':pk': keys.tallyDuePk, ':before': before },
    },
    max,
  );
  return rows.map((r) => String(r.id));
}

// ---- comments and supports -------------------------------------------------------------------------------------------

export const commentLookup = (topicId: string, id: string): Lookup<CommentRecord> => ({ key: keys.comment(topicId, id), parse: Comment.fromItem });

export async function getComment(topicId: string, id: string): Promise<CommentRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: T(), Key: keys.comment(topicId, id), ConsistentRead: true }));
  return r.Item ? Comment.fromItem(r.Item) : undefined;
}

/**
 * A comment with its author's idempotency record (a double tap writes one), in one transaction; the one replied to is
 * told right after, on their own: their inbox counter is on their user row, which every reply to them would otherwise
 * put in its transaction (twenty replies to one comment at once would meet there and fail). A notice that cannot be
 * written is logged; the comment stands.
 */
export async function createComment(c: CommentRecord, idem: { userId: string; key: string }, notices: Notice[]): Promise<void> {
  await transact([
    idempotencyItem(idem.userId, idem.key, c.at, { ref: c.id }),
    { Put: { TableName: T(), Item: Comment.toItem(c), ConditionExpression: 'attribute_not_exists(pk)' } },
  ]);
  if (notices.length)
    await tell(notices, c.at).catch((e: Error) => log.error('reply notice not written', { topic: c.topicId, err: e.name, people: notices.length }));
}

/** A page of a topic's discussion in thread order (each comment followed by its replies): one Query. */
export async function listComments(topicId: string, limit: number, cursor?: string): Promise<Page<CommentRecord>> {
  const pk = keys.topicPk(topicId);
  const r = await db().send(
    new QueryCommand({
      TableName: T(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)',
      ExpressionAttributeValues: { ':pk': pk, ':c': keys.commentPrefix },
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, { partition: pk, sortPrefix: keys.commentPrefix }),
    }),
  );
  return { items: (r.Items ?? []).map(Comment.fromItem), nextCursor: encodeCursor(r.LastEvaluatedKey) };
}

/** The comments of a topic the person supports: one Query of their rows in the topic's partition. */
export async function mySupports(topicId: string, userId: string): Promise<Set<string>> {
  const rows = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :s)',
    ExpressionAttributeValues: { ':pk': keys.topicPk(topicId), ':s': keys.supportPrefix(userId) },
  });
  return new Set(rows.map(Support.commentOf));
}

/** One support per person per comment: a conditional put. False: it was there already. */
export async function addSupport(topicId: string, userId: string, commentId: string, at: string): Promise<boolean> {
  return madeUnlessRefused(() =>
    db().send(new PutCommand({ TableName: T(), Item: Support.toItem(topicId, userId, commentId, at), ConditionExpression: 'attribute_not_exists(pk)' })),
  );
}

export async function removeSupport(topicId: string, userId: string, commentId: string): Promise<void> {
  await db().send(new DeleteCommand({ TableName: T(), Key: keys.support(topicId, userId, commentId) }));
}

/** A moderation step: the comment as it now is, only from the status read, with the author's notice. False: it moved meanwhile. */
export async function moderate(read: CommentRecord, next: CommentRecord, notices: Notice[]): Promise<boolean> {
  return madeUnlessRefused(() =>
    transact([
      {
        Put: {
          TableName: T(),
          Item: Comment.toItem(next),
          ConditionExpression: '#s = :s',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':s': read.status },
        },
      },
      ...notices.flatMap((n) => noticeItems(n, next.moderatedAt ?? next.at)),
    ]),
  );
}

/** A community's held comments, oldest first: one Query of a sparse index. */
export async function listHeld(communityId: string, limit: number, cursor?: string): Promise<Page<CommentRecord>> {
  return indexPage('gsi2', keys.heldPk(communityId), Comment.fromItem, { limit, cursor });
}

/** The titles of some topics (the moderation queue names each comment's topic): one BatchGetItem. */
export async function topicsById(ids: string[]): Promise<Map<string, TopicRecord>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const r = await readAll({ t: unique.map(topicLookup) });
  return new Map(r.t.filter((t): t is TopicRecord => Boolean(t)).map((t) => [t.id, t]));
}

// ---- ballots ------------------------------------------------------------------------------------------------------------

/**
 * A ballot, cast or changed: the voter's one row for the topic (a put replaces the earlier one), written only while the
 * voter's own residence row says they are a confirmed resident of the topic's community, and adding the vote's closing
 * time to that row's `ballotCloses` (until then they may not move or leave). An update of their own row: a thousand
 * voters touch a thousand different rows, never a shared one. 'not_resident': the residence did not hold; 'busy': the
 * transaction met another on the same rows (the voter's own, at once) more often than it is tried again.
 */
export async function castBallot(b: BallotRecord, closesAt: string): Promise<'cast' | 'not_resident' | 'busy'> {
  try {
    await transact([
      { Put: { TableName: T(), Item: Ballot.toItem(b) } },
      {
        Update: {
          TableName: T(),
          Key: keys.residence(b.userId),
          UpdateExpression: 'ADD ballotCloses :close',
          ConditionExpression: '#s = :confirmed AND communityId = :c',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':confirmed': 'confirmed', ':c': b.communityId, ':close': new Set([closesAt]) },
        },
      },
    ]);
    return 'cast';
  } catch (e) {
    const reasons = cancellationReasons(e);
    if (!reasons) throw e;
    return reasons[1] === 'ConditionalCheckFailed' ? 'not_resident' : 'busy';
  }
}

/** Every ballot of a topic: its eight partitions, page by page (the final count; never in a request but the first read after the close). */
export async function allBallots(topicId: string): Promise<BallotRecord[]> {
  const parts = await Promise.all(
    keys.ballotPks(topicId).map((pk) => queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true })),
  );
  return parts.flat().map(Ballot.fromItem);
}

/** A notice's items for another capability's transaction (the raiser told inside the work order's own). */
export const noticeItemsFor = (n: Notice, at: string) => noticeItems(n, at);

// ---- seed -----------------------------------------------------------------------------------------------------------------

export const residenceItem = Residence.toItem;
export const topicItem = Topic.toItem;
export const commentItem = Comment.toItem;
export const ballotItem = Ballot.toItem;
