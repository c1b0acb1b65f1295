import { GetQueueUrlCommand, SQSClient, SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { env } from './env';
import { putQueued } from './localQueue/repository';

/**
 * Work handed to other workers: SQS in the cloud (a queue per kind of work, named in the environment; Lambda's SQS
 * trigger runs the worker, retries it and dead-letters what keeps failing), rows of the table on the local stage,
 * taken by `npm run jobs` (every minute under `npm start`) and by the tests (scripts/lib/localQueue.ts). The worker is
 * the same function either way.
 */
export type QueueName = 'policyMatch' | 'publications' | 'credit';
const NAME_VARS: Record<QueueName, string> = { policyMatch: 'POLICY_MATCH_QUEUE', publications: 'PUBLICATIONS_QUEUE', credit: 'CREDIT_QUEUE' };

let sqs: SQSClient | undefined;
const urls = new Map<QueueName, string>();

async function urlOf(queue: QueueName): Promise<string> {
  const known = urls.get(queue);
  if (known) return known;
  const name = process.env[NAME_VARS[queue]];
  if (!name) throw new Error(`${NAME_VARS[queue]} must be set outside the local stage`);
  sqs ??= new SQSClient({});
  const r = await sqs.send(new GetQueueUrlCommand({ QueueName: name }));
  urls.set(queue, r.QueueUrl!);
  return r.QueueUrl!;
}

export async function enqueue(queue: QueueName, bodies: readonly unknown[]): Promise<void> {
  if (!env.isLocal) {
    const url = await urlOf(queue);
    for (let i = 0; i < bodies.length; i += 10) {
      const batch = bodies.slice(i, i + 10);
      const r = await sqs!.send(
        new SendMessageBatchCommand({ QueueUrl: url, Entries: batch.map((b, j) => ({ Id: String(j), MessageBody: JSON.stringify(b) })) }),
      );
      if (r.Failed?.length) throw new Error(`queue ${queue}: ${r.Failed.length} messages not sent (${r.Failed[0].Code})`);
    }
    return;
  }
  for (const b of bodies) await putQueued(queue, JSON.stringify(b));
}
