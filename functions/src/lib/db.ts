import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { env } from './env';

let doc: DynamoDBDocumentClient | undefined;

/** One document client per container; locally it talks to DynamoDB Local. */
export function db(): DynamoDBDocumentClient {
  if (!doc) {
    const endpoint = env.dynamoEndpoint;
    const client = new DynamoDBClient(
      endpoint
        ? { endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 3 }
        : { maxAttempts: 3 },
    );
    doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }
  return doc;
}

export const table = () => env.tableName;

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
