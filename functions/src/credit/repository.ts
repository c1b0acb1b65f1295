import { BatchWriteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RecordKind } from '@yx/shared';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { db, madeUnlessRefused, queryAll, readAll, table, transact } from '../lib/db';
import {
  CreditRecord,
  CreditReview,
  CreditSummary,
  GradeChange,
  NameEntry,
  Rating,
  RatingGuard,
  keys,
  type CreditRecordRecord,
  type CreditReviewRecord,
  type CreditSummaryRecord,
  type GradeChangeRecord,
  type RatingGuardRecord,
  type RatingRecord,
} from '../lib/entities/credit';
import { Enterprise, keys as identityKeys, type EnterpriseRecord } from '../lib/entities/identity';

export type { CreditRecordRecord, CreditReviewRecord, CreditSummaryRecord, GradeChangeRecord, RatingGuardRecord, RatingRecord, EnterpriseRecord };
export { recordIdOf, recordIdParts } from '../lib/entities/credit';

const T = table;

/** One page of a partition, newest first, with the opaque cursor of the next. */
async function page<R>(
  q: { index?: 'gsi1' | 'gsi2'; pk: string; prefix?: string; after?: string },
  parse: (item: Record<string, unknown>) => R,
  o: { limit: number; cursor?: string; oldestFirst?: boolean },
): Promise<{ items: R[]; cursor?: string }> {
  const pkName = q.index ? `${q.index}pk` : 'pk';
  const skName = q.index ? `${q.index}sk` : 'sk';
  const cond = q.prefix ? ` AND begins_with(#sk, :p)` : q.after ? ` AND #sk > :a` : '';
  const r = await db().send(
    new QueryCommand({
      TableName: T(),
      ...(q.index ? { IndexName: q.index } : {}),
      KeyConditionExpression: `#pk = :pk${cond}`,
      ExpressionAttributeNames: { '#pk': pkName, ...(cond ? { '#sk': skName } : {}) },
      ExpressionAttributeValues: { ':pk': q.pk, ...(q.prefix ? { ':p': q.prefix } : {}), ...(q.after ? { ':a': q.after } : {}) },
      ScanIndexForward: Boolean(o.oldestFirst),
      Limit: o.limit,
      ExclusiveStartKey: decodeCursor(o.cursor, { partition: q.pk, ...(q.index ? { index: q.index } : {}) }),
    }),
  );
  return { items: (r.Items ?? []).map(parse), cursor: encodeCursor(r.LastEvaluatedKey) ?? undefined };
}

// ---- the firm ------------------------------------------------------------------------------------------------------

/** The firm's registry row, its credit summary and its rating figures: one BatchGet. */
export async function readFirm(code: string, consistent = false) {
  const r = await readAll(
    {
      firm: [{ key: identityKeys.enterprise(code), parse: Enterprise.fromItem }],
      summary: [{ key: keys.summary(code), parse: CreditSummary.fromItem }],
      stats: [{ key: keys.merchantStats(code), parse: (i: Record<string, unknown>) => i }],
    },
    { consistent },
  );
  return { firm: r.firm[0], summary: r.summary[0], stats: r.stats[0] as Record<string, number> | undefined };
}

/** Several firms' registry rows (a search's hits): one BatchGet. */
export async function firmsByCode(codes: readonly string[]): Promise<EnterpriseRecord[]> {
  if (!codes.length) return [];
  const r = await readAll({ f: codes.map((c) => ({ key: identityKeys.enterprise(c), parse: Enterprise.fromItem })) });
  return r.f.filter((x): x is EnterpriseRecord => Boolean(x));
}

export const gradeHistory = (code: string, limit: number) => page({ pk: keys.firmPk(code), prefix: keys.gradeChangePrefix }, GradeChange.fromItem, { limit });

/**
 * The grade job's result: the summary always; with a change, the registry row's grade (only over the grade it read, so
 * two runs never both record one change) and the change's row, in one transaction. False when the grade moved meanwhile.
 */
export async function saveGrade(s: CreditSummaryRecord, change?: GradeChangeRecord): Promise<boolean> {
  if (!change) {
    await db().send(new PutCommand({ TableName: T(), Item: CreditSummary.toItem(s) }));
    return true;
  }
  return madeUnlessRefused(() =>
    transact([
      { Put: { TableName: T(), Item: CreditSummary.toItem(s) } },
      {
        Update: {
          TableName: T(),
          Key: identityKeys.enterprise(s.creditCode),
          UpdateExpression: 'SET grade = :g',
          ConditionExpression: change.from === null ? 'attribute_exists(pk)' : 'grade = :before',
          ExpressionAttributeValues: { ':g': change.to, ...(change.from === null ? {} : { ':before': change.from }) },
        },
      },
      { Put: { TableName: T(), Item: GradeChange.toItem(change), ConditionExpression: 'attribute_not_exists(pk)' } },
    ]),
  );
}

// ---- records -------------------------------------------------------------------------------------------------------

export async function getRecord(code: string, id: string, consistent = false): Promise<CreditRecordRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: T(), Key: keys.record(code, id), ConsistentRead: consistent }));
  return r.Item ? CreditRecord.fromItem(r.Item) : undefined;
}

/** Several records (a page of reviews names them): one BatchGet, by `<code>/<id>`. */
export async function getRecords(wanted: readonly { code: string; id: string }[]): Promise<Map<string, CreditRecordRecord>> {
  if (!wanted.length) return new Map();
  const r = await readAll({ r: wanted.map((w) => ({ key: keys.record(w.code, w.id), parse: CreditRecord.fromItem })) });
  return new Map(r.r.filter((x): x is CreditRecordRecord => Boolean(x)).map((x) => [`${x.creditCode}/${x.id}`, x]));
}

/** Published records of a kind, newest first (the public pages); `since` keeps only those decided on or after it. */
export const publishedRecords = (code: string, kind: RecordKind, o: { limit: number; cursor?: string; since?: string }) =>
  o.since
    ? page({ index: 'gsi1', pk: keys.publicPk(code, kind), after: o.since }, CreditRecord.fromItem, o)
    : page({ index: 'gsi1', pk: keys.publicPk(code, kind) }, CreditRecord.fromItem, o);

/** Every record of a kind, published or not, newest first (the firm's own people). */
export const allRecords = (code: string, kind: RecordKind, o: { limit: number; cursor?: string }) =>
  page({ pk: keys.recordsPk(code), prefix: keys.recordKindPrefix(kind) }, CreditRecord.fromItem, o);

/** The grade job's read: every published record of a kind (penalties and honours are few; licences are only counted). */
export async function everyPublished(code: string, kind: RecordKind): Promise<CreditRecordRecord[]> {
  const rows = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.publicPk(code, kind) },
  });
  return rows.map(CreditRecord.fromItem);
}

/** How many records of a kind are published (the grade job: a firm may hold thousands of licences). */
export async function countPublished(code: string, kind: RecordKind): Promise<number> {
  let n = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const r = await db().send(
      new QueryCommand({
        TableName: T(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.publicPk(code, kind) },
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    );
    n += r.Count ?? 0;
    start = r.LastEvaluatedKey;
  } while (start);
  return n;
}

/** Published penalties whose maximum period ends on `date` (the daily sweep). */
export async function leavingOn(date: string): Promise<{ creditCode: string; id: string }[]> {
  const rows = await queryAll({ IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :pk', ExpressionAttributeValues: { ':pk': keys.expiryPk(date) } });
  return rows.map((i) => ({ creditCode: String(i.creditCode), id: String(i.id) }));
}

/** Takes a record off the public profile (repaired, objection upheld, period over): the record stays for the authority. */
export function unpublishItem(r: CreditRecordRecord, set: Partial<Pick<CreditRecordRecord, 'repairedAt' | 'removedAt' | 'removedWhy'>>) {
  const names: Record<string, string> = { '#pub': 'published', '#rev': 'reviewing' };
  const values: Record<string, unknown> = { ':f': false, ':t': true };
  const sets = ['#pub = :f'];
  for (const [k, v] of Object.entries(set)) {
    names[`#${k}`] = k;
    values[`:${k}`] = v;
    sets.push(`#${k} = :${k}`);
  }
  return {
    Update: {
      TableName: T(),
      Key: keys.record(r.creditCode, r.id),
      UpdateExpression: `SET ${sets.join(', ')} REMOVE #rev, ${CreditRecord.indexAttrs.join(', ')}`,
      ConditionExpression: '#pub = :t',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** The sweep: a published penalty whose maximum period is over leaves by itself (once: only while still published). */
export const expireRecord = (r: CreditRecordRecord, at: string) =>
  madeUnlessRefused(() => transact([unpublishItem(r, { removedAt: at, removedWhy: 'expired' })]));

/** The registry load: records 25 to a call (a batch, never a request). Unprocessed items are sent again. */
export async function writeItems(items: readonly Record<string, unknown>[]): Promise<number> {
  let calls = 0;
  for (let i = 0; i < items.length; i += 25) {
    let req: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
      [T()]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
    };
    for (let tries = 0; req && Object.keys(req).length; tries++) {
      calls++;
      const r = await db().send(new BatchWriteCommand({ RequestItems: req }));
      req = r.UnprocessedItems as typeof req;
      if (req && Object.keys(req).length) await new Promise((res) => setTimeout(res, Math.min(1000, 20 * 2 ** tries)));
    }
  }
  return calls;
}

export const recordItem = CreditRecord.toItem;
export const nameItem = NameEntry.toItem;
export const nameCountItem = (bigram: string, n: number) => ({ ...keys.nameCount(bigram), entity: 'FirmNameCount', bigram, n });

// ---- name search ---------------------------------------------------------------------------------------------------

/** How many firms each bigram names: one BatchGet. */
export async function nameCounts(bigrams: readonly string[]): Promise<Map<string, number>> {
  const r = await readAll({ c: bigrams.map((b) => ({ key: keys.nameCount(b), parse: (i: Record<string, unknown>) => Number(i.n) })) });
  return new Map(bigrams.map((b, i) => [b, r.c[i] ?? 0]));
}

/** The firms a bigram names, up to `limit`: one Query. */
export async function namePostings(bigram: string, limit: number): Promise<{ creditCode: string; name: string }[]> {
  const r = await db().send(
    new QueryCommand({ TableName: T(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.namePk(bigram) }, Limit: limit }),
  );
  return (r.Items ?? []).map(NameEntry.fromItem);
}

// ---- ratings -------------------------------------------------------------------------------------------------------

export async function getGuard(code: string, userId: string, consistent = false): Promise<RatingGuardRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: T(), Key: keys.ratingGuard(code, userId), ConsistentRead: consistent }));
  return r.Item ? RatingGuard.fromItem(r.Item) : undefined;
}

export async function getRating(code: string, id: string, consistent = false): Promise<RatingRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: T(), Key: keys.rating(code, id), ConsistentRead: consistent }));
  return r.Item ? Rating.fromItem(r.Item) : undefined;
}

/**
 * A rating with the person's guard for this merchant, in one transaction: the guard only when there is none or its
 * window is over, so of twenty attempts at once exactly one is written. False when the guard refused.
 */
export const createRating = (r: RatingRecord, guard: RatingGuardRecord, nowIso: string) =>
  madeUnlessRefused(() =>
    transact([
      {
        Put: {
          TableName: T(),
          Item: RatingGuard.toItem(guard),
          ConditionExpression: 'attribute_not_exists(pk) OR #until <= :now',
          ExpressionAttributeNames: { '#until': 'until' },
          ExpressionAttributeValues: { ':now': nowIso },
        },
      },
      { Put: { TableName: T(), Item: Rating.toItem(r), ConditionExpression: 'attribute_not_exists(pk)' } },
    ]),
  );

/** The merchant's ratings written since `sinceId` (ids sort by time), newest first, at most `limit`: the storm check. */
export async function ratingsSince(code: string, sinceId: string, limit: number): Promise<RatingRecord[]> {
  return (await page({ pk: keys.ratingsPk(code), after: sinceId }, Rating.fromItem, { limit })).items;
}

export const shownRatings = (code: string, o: { limit: number; cursor?: string }) => page({ index: 'gsi1', pk: keys.shownPk(code) }, Rating.fromItem, o);
export const heldRatings = (o: { limit: number; cursor?: string }) => page({ index: 'gsi2', pk: keys.heldPk }, Rating.fromItem, { ...o, oldestFirst: true });

/** A rating replaced as it now is, only over the status read (a moderator and a storm hold at once: one wins). */
export const replaceRating = (next: RatingRecord, statusRead: RatingRecord['status']) =>
  madeUnlessRefused(() =>
    db().send(
      new PutCommand({
        TableName: T(),
        Item: Rating.toItem(next),
        ConditionExpression: '#s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': statusRead },
      }),
    ),
  );

/** The merchant's one reply: only while there is none and the rating is not removed. */
export const replyToRating = (r: RatingRecord, reply: NonNullable<RatingRecord['reply']>) =>
  madeUnlessRefused(() =>
    db().send(
      new PutCommand({
        TableName: T(),
        Item: Rating.toItem({ ...r, reply }),
        ConditionExpression: 'attribute_not_exists(reply) AND #s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': r.status },
      }),
    ),
  );

// ---- reviews -------------------------------------------------------------------------------------------------------

export async function getReview(id: string, consistent = false): Promise<CreditReviewRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: T(), Key: keys.review(id), ConsistentRead: consistent }));
  return r.Item ? CreditReview.fromItem(r.Item) : undefined;
}

/**
 * A repair or objection, and its mark on the record (异议处理中), in one transaction: only while the record is published
 * and nothing else is being checked on it, so a double tap or two people of the firm file one. False otherwise.
 */
export const createReview = (rv: CreditReviewRecord) =>
  madeUnlessRefused(() =>
    transact([
      { Put: { TableName: T(), Item: CreditReview.toItem(rv), ConditionExpression: 'attribute_not_exists(pk)' } },
      {
        Update: {
          TableName: T(),
          Key: keys.record(rv.creditCode, rv.recordId),
          UpdateExpression: 'SET #rev = :k',
          ConditionExpression: 'attribute_exists(pk) AND #pub = :t AND attribute_not_exists(#rev)',
          ExpressionAttributeNames: { '#rev': 'reviewing', '#pub': 'published' },
          ExpressionAttributeValues: { ':k': rv.kind, ':t': true },
        },
      },
    ]),
  );

/**
 * The authority's decision: the review over the version read, and the record — off the public profile when approved,
 * the mark cleared when refused — in one transaction. False when someone decided first.
 */
export function decideReview(next: CreditReviewRecord, versionRead: number, record: CreditRecordRecord, at: string): Promise<boolean> {
  const recordChange =
    next.status === 'approved'
      ? unpublishItem(record, next.kind === 'repair' ? { repairedAt: at } : { removedAt: at, removedWhy: 'objection' })
      : {
          Update: {
            TableName: T(),
            Key: keys.record(record.creditCode, record.id),
            UpdateExpression: 'REMOVE #rev',
            ConditionExpression: '#rev = :k',
            ExpressionAttributeNames: { '#rev': 'reviewing' },
            ExpressionAttributeValues: { ':k': next.kind },
          },
        };
  return madeUnlessRefused(() =>
    transact([
      {
        Put: {
          TableName: T(),
          Item: CreditReview.toItem(next),
          ConditionExpression: '#v = :v AND #s = :reviewing',
          ExpressionAttributeNames: { '#v': 'version', '#s': 'status' },
          ExpressionAttributeValues: { ':v': versionRead, ':reviewing': 'reviewing' },
        },
      },
      recordChange,
    ]),
  );
}

export const reviewQueue = (dept: string, o: { limit: number; cursor?: string }) =>
  page({ index: 'gsi1', pk: keys.reviewQueuePk(dept) }, CreditReview.fromItem, { ...o, oldestFirst: true });
export const firmReviews = (code: string, o: { limit: number; cursor?: string }) =>
  page({ index: 'gsi2', pk: keys.firmReviewsPk(code) }, CreditReview.fromItem, o);

/** The review a firm filed with this idempotency key (a retried submit answers with the first): newest few, in memory. */
export async function reviewByKey(code: string, idemKey: string): Promise<CreditReviewRecord | undefined> {
  return (await firmReviews(code, { limit: 20 })).items.find((r) => r.idemKey === idemKey);
}

// ---- seed ----------------------------------------------------------------------------------------------------------

export const ratingItem = Rating.toItem;
export const guardItem = RatingGuard.toItem;
export const summaryItem = CreditSummary.toItem;
export const gradeChangeItem = GradeChange.toItem;

/** Marks the firm's poster version (a reprint makes the old code stop proving visits). */
export async function setPosterVersion(code: string, version: number): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: T(),
      Key: identityKeys.enterprise(code),
      UpdateExpression: 'SET posterVersion = :v',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':v': version },
    }),
  );
}
