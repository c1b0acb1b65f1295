import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, TransactWriteCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { env } from './env';

let doc: DynamoDBDocumentClient | undefined;

/** One document client per container; locally it talks to DynamoDB Local. */
export function db(): DynamoDBDocumentClient {
  if (!doc) {
    const endpoint = env.dynamoEndpoint;
    const client = new DynamoDBClient(
      endpoint ? { endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 3 } : { maxAttempts: 3 },
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

/** Writes the items (Put, Update, ConditionCheck, Delete) in one transaction: all of them or none. */
export async function transact(items: readonly unknown[]): Promise<void> {
  await db().send(new TransactWriteCommand({ TransactItems: items as never }));
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
