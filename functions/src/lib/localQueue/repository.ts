import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from '../db';
import { randomId } from '../ids';
import { QueuedMessage, keys } from '../entities/queue';

/** The local stage's queue rows (no SQS on a laptop): put, the oldest few, taken once. */
export async function putQueued(queue: string, body: string): Promise<void> {
  await db().send(new PutCommand({ TableName: table(), Item: QueuedMessage.toItem(queue, new Date().toISOString(), randomId('q', 10), body) }));
}

export async function oldestQueued(queue: string, limit = 25) {
  const r = await db().send(
    new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.queuePk(queue) }, Limit: limit }),
  );
  return (r.Items ?? []).map(QueuedMessage.fromItem);
}

/** Takes a message: true for the one caller that removed it (a second drain at the same time gets false). */
export async function takeQueued(key: { pk: string; sk: string }): Promise<boolean> {
  try {
    await db().send(new DeleteCommand({ TableName: table(), Key: key, ConditionExpression: 'attribute_exists(pk)' }));
    return true;
  } catch (e) {
    if ((e as Error).name === 'ConditionalCheckFailedException') return false;
    throw e;
  }
}
