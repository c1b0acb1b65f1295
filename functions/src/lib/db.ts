import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, QueryCommand, TransactWriteCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { env } from './env';
import { log } from './log';
import { addCapacity, countCall, currentMeter, takesCapacity } from './meter';

let doc: DynamoDBDocumentClient | undefined;

/**
 * DynamoDB Local (never DynamoDB itself) answers some writes of a burst on a busy machine with a 500 InternalServerError,
 * 「…timed out because it too long waiting for a lock. This request will succeed in actual DynamoDB API」 — transactions
 * and the single updates of a hot row (a day's sequence number) alike. The SDK's own three tries share one retry quota
 * per client, which a burst spends, so on a 2-core CI machine some requests failed with 500. Against the emulator, such
 * a call (not applied) is tried again, up to LOCK_TIMEOUT_RETRIES times, with a growing jittered wait.
 */
export const LOCK_TIMEOUT_RETRIES = 6;
export const isEmulatorLockTimeout = (e: unknown): boolean =>
  (e as Error)?.name === 'InternalServerError' && /waiting for a lock/.test((e as Error).message ?? '');

/** One document client per container; locally it talks to DynamoDB Local. */
export function db(): DynamoDBDocumentClient {
  if (!doc) {
    const endpoint = env.dynamoEndpoint;
    const client = new DynamoDBClient(
      endpoint ? { endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 3 } : { maxAttempts: 3 },
    );
    if (endpoint) {
      client.middlewareStack.add(
        (next) => async (args) => {
          for (let tries = 0; ; tries++) {
            try {
              return await next(args);
            } catch (e) {
              if (!isEmulatorLockTimeout(e) || tries >= LOCK_TIMEOUT_RETRIES) throw e;
              await new Promise((r) => setTimeout(r, 50 * 2 ** tries * (1 + Math.random())));
            }
          }
        },
        { step: 'initialize', name: 'emulatorLockRetry' },
      );
    }
    // while a meter is active (a local request, a test), each command is counted and asked for its consumed capacity;
    // counted once however often the SDK or the emulator's lock retry above tries it again (so 'high': it wraps them).
    // INDEXES, not TOTAL: DynamoDB Local leaves index reads out of TOTAL.
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const meter = currentMeter();
        if (!meter) return next(args);
        const command = String(context.commandName).replace(/Command$/, '');
        countCall(meter, command);
        const input = takesCapacity(command) ? { ...(args.input as object), ReturnConsumedCapacity: 'INDEXES' } : args.input;
        const out = await next({ ...args, input });
        addCapacity(meter, command, (out.output as { ConsumedCapacity?: Parameters<typeof addCapacity>[2] }).ConsumedCapacity);
        return out;
      },
      { step: 'initialize', priority: 'high', name: 'storeMeter' },
    );
    doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }
  return doc;
}

export const table = () => env.tableName;

/**
 * Every row one Query finds, read page by page (one Query call a page, as many as the rows take); with `max`, no
 * further page is read once that many rows are in. A filter, when given, applies to each page.
 */
export async function queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>, max = Infinity): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await db().send(new QueryCommand({ TableName: table(), ...input, ExclusiveStartKey: start }));
    rows.push(...(r.Items ?? []));
    start = r.LastEvaluatedKey;
  } while (start && rows.length < max);
  return rows;
}

/** The first `limit` rows of one partition of an index (one Query), in its sort order or, with `newestFirst`, the reverse. */
export async function queryIndex(index: 'gsi1' | 'gsi2' | 'gsi3', pk: string, o: { limit: number; newestFirst?: boolean }): Promise<Record<string, unknown>[]> {
  const r = await db().send(
    new QueryCommand({
      TableName: table(),
      IndexName: index,
      KeyConditionExpression: `${index}pk = :pk`,
      ExpressionAttributeValues: { ':pk': pk },
      ...(o.newestFirst ? { ScanIndexForward: false } : {}),
      Limit: o.limit,
    }),
  );
  return r.Items ?? [];
}

/** Every row of one partition (`pk`), page by page. */
export const queryPartition = (pk: string) => queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } });

/** Tries after the first of a transaction that only met another transaction on the same rows. */
export const CONFLICT_RETRIES = 6;

/**
 * Whether to try a cancelled transaction again, and after how many ms: only when it was cancelled because another
 * transaction touched the same rows at the same moment ('TransactionConflict' on some item, 'None' on the rest: no
 * condition failed, so the same write may well pass now) and fewer than CONFLICT_RETRIES retries were made. A failed
 * condition anywhere is an answer (the caller's 409), never retried. The wait grows and is jittered (10–30 ms, 20–60,
 * 40–120 … 320–960: about 2 s in all at most) so the racers part; on a busy 2-core machine a burst of a hundred
 * transactions on one person's row (their inbox counter) took more than three tries.
 */
export function conflictRetryDelay(reasons: readonly string[] | undefined, retriesSoFar: number, random: () => number = Math.random): number | undefined {
  if (!reasons?.includes('TransactionConflict') || retriesSoFar >= CONFLICT_RETRIES) return undefined;
  if (!reasons.every((r) => r === 'TransactionConflict' || r === 'None')) return undefined;
  return 10 * 2 ** retriesSoFar * (1 + 2 * random());
}

/**
 * Writes the items (Put, Update, ConditionCheck, Delete) in one transaction: all of them or none. A transaction
 * cancelled by a conflict alone is tried again (conflictRetryDelay); each retry is logged as a warning.
 */
export async function transact(items: readonly unknown[]): Promise<void> {
  for (let retries = 0; ; retries++) {
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items as never }));
      return;
    } catch (e) {
      const reasons = cancellationReasons(e);
      const wait = conflictRetryDelay(reasons, retries);
      if (wait === undefined) throw e;
      // lib/log has no warn level: the level field overrides its 'info'. Reasons and attempt only, never the items.
      log.info(`transaction conflict: retry ${retries + 1} of ${CONFLICT_RETRIES}`, { level: 'warn', reasons, attempt: retries + 2 });
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/** An update of one row that holds only under its condition, as a transaction item (`.Update` is the UpdateCommand's input). */
export function conditionalUpdate(
  key: { pk: string; sk: string },
  o: { update: string; condition: string; names?: Record<string, string>; values: Record<string, unknown> },
) {
  return {
    Update: {
      TableName: table(),
      Key: key,
      UpdateExpression: o.update,
      ConditionExpression: o.condition,
      ...(o.names ? { ExpressionAttributeNames: o.names } : {}),
      ExpressionAttributeValues: o.values,
    },
  };
}

/** A write refused by its condition (alone, or as part of a cancelled transaction): the caller's 409 or retry, never a 500. */
export const isConditionFailure = (e: unknown) => ['TransactionCanceledException', 'ConditionalCheckFailedException'].includes((e as Error)?.name);

/** A conditional write that may lose: true when it was made, false when its condition refused it (any other error throws). */
export async function madeUnlessRefused(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/**
 * Why a transaction was cancelled, item by item ('None', 'ConditionalCheckFailed', 'TransactionConflict'…);
 * a single conditional write that failed reads as one 'ConditionalCheckFailed'; undefined for any other error.
 */
export function cancellationReasons(e: unknown): string[] | undefined {
  const err = e as { name?: string; CancellationReasons?: { Code?: string }[] };
  if (err?.name === 'ConditionalCheckFailedException') return ['ConditionalCheckFailed'];
  if (err?.name !== 'TransactionCanceledException') return undefined;
  return (err.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
}

/**
 * The one version-checked update (optimistic lock), as a transaction item: SET the fields and `version + 1`,
 * REMOVE some attributes, only while the stored version is the one read and, when given, the state is one of
 * `states`. Applications and work orders change only through it.
 */
export function versionedUpdate(
  key: { pk: string; sk: string },
  o: { version: number; set: Record<string, unknown>; remove?: string[]; states?: readonly string[] },
) {
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':v': o.version, ':v1': o.version + 1 };
  const sets = ['#version = :v1'];
  Object.entries(o.set).forEach(([k, v], i) => {
    names[`#f${i}`] = k;
    values[`:f${i}`] = v;
    sets.push(`#f${i} = :f${i}`);
  });
  const removes = (o.remove ?? []).map((k, i) => {
    names[`#r${i}`] = k;
    return `#r${i}`;
  });
  let condition = '#version = :v';
  if (o.states) {
    names['#state'] = 'state';
    condition += ` AND #state IN (${o.states
      .map((s, i) => {
        values[`:e${i}`] = s;
        return `:e${i}`;
      })
      .join(', ')})`;
  }
  return {
    Update: {
      TableName: table(),
      Key: key,
      UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ConditionExpression: condition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** One row to read by its key and how to read it. Repositories build them, so only they know the keys. */
export interface Lookup<T> {
  key: { pk: string; sk: string };
  parse: (item: Record<string, unknown>) => T;
}

type Parsed<L> = L extends Lookup<infer T> ? T : never;

/**
 * Rows of any kinds in one BatchGetItem (a request reads what it needs in one call instead of one GetItem each),
 * in named groups: each group's records in the order asked, undefined where there is no row. Up to 100 distinct
 * keys; keys the store leaves unprocessed (throttling) are asked for again.
 */
export async function readAll<G extends Record<string, Lookup<unknown>[]>>(
  groups: G,
  o: { consistent?: boolean } = {},
): Promise<{ [K in keyof G]: (Parsed<G[K][number]> | undefined)[] }> {
  const id = (k: { pk: string; sk: string }) => `${k.pk}\u0000${k.sk}`;
  const all = Object.values(groups).flat();
  let pending = [...new Map(all.map((l) => [id(l.key), l.key])).values()];
  if (pending.length > 100) throw new Error('readAll: more than 100 keys');
  const rows = new Map<string, Record<string, unknown>>();
  for (let attempt = 0; pending.length; attempt++) {
    if (attempt) await new Promise((r) => setTimeout(r, 20 * 2 ** Math.min(attempt, 5)));
    const r = await db().send(new BatchGetCommand({ RequestItems: { [table()]: { Keys: pending, ...(o.consistent ? { ConsistentRead: true } : {}) } } }));
    for (const row of r.Responses?.[table()] ?? []) rows.set(id({ pk: String(row.pk), sk: String(row.sk) }), row);
    pending = (r.UnprocessedKeys?.[table()]?.Keys ?? []) as { pk: string; sk: string }[];
  }
  const read = (l: Lookup<unknown>) => {
    const row = rows.get(id(l.key));
    return row ? l.parse(row) : undefined;
  };
  return Object.fromEntries(Object.entries(groups).map(([name, list]) => [name, list.map(read)])) as { [K in keyof G]: (Parsed<G[K][number]> | undefined)[] };
}
