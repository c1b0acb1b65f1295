import { BatchGetCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, table, type Lookup } from './db';
import { keys as identityKeys, User, type UserRecord } from './entities/identity';
import { Idempotency, keys as idemKeys, type IdempotencyRecord } from './entities/idempotency';
import { Counter, keys as counterKeys, type Scope } from './entities/counters';
import { keys as rateKeys } from './entities/rateLimit';
import type { CounterDeltas } from './counters';

/**
 * Rows every capability shares: the caller's user row, idempotency records, dashboard counters,
 * number sequences, rate-limit windows. Keys and schemas are in lib/entities.
 */

/** The user row (one GetItem): who the caller is, as stored now. */
export async function getUser(userId: string): Promise<UserRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: identityKeys.user(userId) }));
  return r.Item ? User.fromItem(r.Item) : undefined;
}

// ---- idempotency ----------------------------------------------------------------------------

/** What an earlier action under this key made, read consistently (its twin may have just written it). */
export async function getIdempotency(userId: string, key: string): Promise<IdempotencyRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: idemKeys.idempotency(userId, key), ConsistentRead: true }));
  return r.Item ? Idempotency.fromItem(r.Item) : undefined;
}

/** The same record, to read with other rows in one call (`readAll`, consistently: its twin may have just written it). */
export const idempotencyLookup = (userId: string, key: string): Lookup<IdempotencyRecord> => ({
  key: idemKeys.idempotency(userId, key),
  parse: Idempotency.fromItem,
});

/** The record of an action, written in the action's own transaction: the first writer wins, the others' transactions fail. */
export function idempotencyItem(userId: string, key: string, at: string, made: Omit<IdempotencyRecord, 'at'>) {
  return { Put: { TableName: table(), Item: Idempotency.toItem(userId, key, at, made), ConditionExpression: 'attribute_not_exists(pk)' } };
}

// ---- counters and sequences -----------------------------------------------------------------

/** ADDs of a transaction's counter deltas, one update per row (a transaction may touch a row only once). */
export function counterItems(deltas: CounterDeltas | undefined): Record<string, unknown>[] {
  if (!deltas) return [];
  return deltas.rows().map(({ key, add }) => {
    const entries = Object.entries(add);
    return {
      Update: {
        TableName: table(),
        Key: key,
        UpdateExpression: `ADD ${entries.map((_, i) => `#a${i} :n${i}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(entries.map(([a], i) => [`#a${i}`, a])),
        ExpressionAttributeValues: Object.fromEntries(entries.map(([, n], i) => [`:n${i}`, n])),
      },
    };
  });
}

/** A scope's all-time counters and its weeks (two store calls at any volume). */
export async function readCounters(scope: Scope, weeks: string[]): Promise<{ all: Record<string, number>; byWeek: Map<string, Record<string, number>> }> {
  const [all, trend] = await Promise.all([
    db().send(new GetCommand({ TableName: table(), Key: counterKeys.counter(scope) })),
    db().send(new BatchGetCommand({ RequestItems: { [table()]: { Keys: weeks.map((w) => counterKeys.counter(scope, w)) } } })),
  ]);
  return {
    all: all.Item ? Counter.fromItem(all.Item) : {},
    byWeek: new Map((trend.Responses?.[table()] ?? []).map((r) => [counterKeys.weekOf(String(r.sk)), Counter.fromItem(r)])),
  };
}

/** A scope's all-time counters only (one GetItem). */
export async function readCounterRow(scope: Scope): Promise<Record<string, number>> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: counterKeys.counter(scope) }));
  return r.Item ? Counter.fromItem(r.Item) : {};
}

/**
 * Numbers a container takes from a day's sequence at once. One atomic ADD per block instead of one per submit, so
 * the district's sequence row is touched 1/NUMBER_BLOCK as often. Numbers stay readable (YX + date + 6 digits) and
 * never repeat; they are not strictly in time order across containers, and a container that stops leaves a gap.
 */
export const NUMBER_BLOCK = 20;
const blocks = new Map<string, { next: number; last: number }>();
const refills = new Map<string, Promise<void>>();

/** The next n numbers of a day's sequence (`day` names it: 20261130, WO20261130…), from this container's block. */
export async function allocateNumbers(day: string, n: number): Promise<number[]> {
  const out: number[] = [];
  while (out.length < n) {
    const block = blocks.get(day);
    if (block && block.next <= block.last) {
      out.push(block.next++);
      continue;
    }
    // one refill at a time: callers arriving meanwhile wait for it instead of taking (and wasting) blocks of their own
    let refill = refills.get(day);
    if (!refill) {
      const take = Math.max(NUMBER_BLOCK, n - out.length);
      refill = takeBlock(day, take)
        .then((last) => {
          blocks.delete(day); // re-inserted last: the oldest days' blocks are the first forgotten
          blocks.set(day, { next: last - take + 1, last });
          while (blocks.size > 16) blocks.delete(blocks.keys().next().value!);
        })
        .finally(() => refills.delete(day));
      refills.set(day, refill);
    }
    await refill;
  }
  return out;
}

/** Reserves `take` numbers of the day's sequence (one atomic ADD); returns the last of them. */
async function takeBlock(day: string, take: number): Promise<number> {
  const r = await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: counterKeys.sequence(day),
      UpdateExpression: 'ADD #n :n',
      ExpressionAttributeNames: { '#n': 'n' },
      ExpressionAttributeValues: { ':n': take },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(r.Attributes?.n);
}

// ---- rate limits ----------------------------------------------------------------------------

export async function rateWindowCount(bucket: string, window: string): Promise<number> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: rateKeys.rateWindow(bucket, window) }));
  return Number(r.Item?.count ?? 0);
}

/**
 * Takes one of `limit` tries in the window in a single conditional write, so requests in flight together cannot all
 * pass a check made before any of them counted: false when the window is full.
 */
export async function takeFromWindow(bucket: string, window: string, ttl: number, limit: number): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: rateKeys.rateWindow(bucket, window),
        UpdateExpression: 'ADD #c :one SET #ttl = if_not_exists(#ttl, :ttl)',
        ConditionExpression: 'attribute_not_exists(#c) OR #c < :limit',
        ExpressionAttributeNames: { '#c': 'count', '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':one': 1, ':ttl': ttl, ':limit': limit },
      }),
    );
    return true;
  } catch (e) {
    if ((e as Error).name === 'ConditionalCheckFailedException') return false;
    throw e;
  }
}

/** Gives a taken try back (the attempt succeeded, so it does not count against the person). */
export async function giveBackToWindow(bucket: string, window: string): Promise<void> {
  await db()
    .send(
      new UpdateCommand({
        TableName: table(),
        Key: rateKeys.rateWindow(bucket, window),
        UpdateExpression: 'ADD #c :minus',
        ConditionExpression: 'attribute_exists(#c) AND #c > :zero',
        ExpressionAttributeNames: { '#c': 'count' },
        ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
      }),
    )
    .catch(() => undefined); // already at zero, or the window rolled over: nothing to give back
}

/** One more event in the window; the row expires by TTL after `ttl`. */
export async function countInWindow(bucket: string, window: string, ttl: number): Promise<number> {
  const r = await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: rateKeys.rateWindow(bucket, window),
      UpdateExpression: 'ADD #c :one SET #ttl = if_not_exists(#ttl, :ttl)',
      ExpressionAttributeNames: { '#c': 'count', '#ttl': 'ttl' },
      ExpressionAttributeValues: { ':one': 1, ':ttl': ttl },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(r.Attributes?.count ?? 0);
}
