import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { db, table } from '../lib/db';
import { randomId } from '../lib/ids';
import { QueuedMessage, keys } from '../lib/entities/queue';
import type { QueueName } from '../lib/queue';

/**
 * The local stage's queue worker (no SQS on a laptop): runs every queued message through the worker, oldest first,
 * until none is left. `npm run jobs` and the tests call it; no deployed function does.
 */
export async function drainLocalQueue(queue: QueueName, worker: (body: unknown) => Promise<void>): Promise<number> {
  let ran = 0;
  for (;;) {
    const r = await db().send(
      new QueryCommand({ TableName: table(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.queuePk(queue) }, Limit: 25 }),
    );
    const messages = (r.Items ?? []).map(QueuedMessage.fromItem);
    if (!messages.length) return ran;
    for (const m of messages) {
      // taken before it runs: a second drain at the same time does not run it too
      try {
        await db().send(new DeleteCommand({ TableName: table(), Key: m.key, ConditionExpression: 'attribute_exists(pk)' }));
      } catch (e) {
        if ((e as Error).name === 'ConditionalCheckFailedException') continue;
        throw e;
      }
      try {
        await worker(JSON.parse(m.body));
      } catch (e) {
        // as SQS would redeliver it: back in the queue for the next run
        await db().send(new PutCommand({ TableName: table(), Item: QueuedMessage.toItem(queue, new Date().toISOString(), randomId('q', 10), m.body) }));
        throw e;
      }
      ran++;
    }
  }
}
