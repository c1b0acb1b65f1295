import { oldestQueued, putQueued, takeQueued } from '../lib/localQueue/repository';
import type { QueueName } from '../lib/queue';

/**
 * The local stage's queue worker (no SQS on a laptop): runs every queued message through the worker, oldest first,
 * until none is left. `npm run jobs` and the tests call it; no deployed function does.
 */
export async function drainLocalQueue(queue: QueueName, worker: (body: unknown) => Promise<void>): Promise<number> {
  let ran = 0;
  for (;;) {
    const messages = await oldestQueued(queue);
    if (!messages.length) return ran;
    for (const m of messages) {
      if (!(await takeQueued(m.key))) continue; // another drain took it
      try {
        await worker(JSON.parse(m.body));
      } catch (e) {
        await putQueued(queue, m.body); // as SQS would redeliver it: back in the queue for the next run
        throw e;
      }
      ran++;
    }
  }
}
