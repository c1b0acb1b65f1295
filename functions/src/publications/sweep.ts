import { now } from '../lib/clock';
import { log } from '../lib/log';
import { enqueue } from '../lib/queue';
import { coldStart } from '../lib/secrets';
import * as repo from './repository';
import type { IndexMessage } from './worker';

/** How long a save may wait for its index before the sweep queues it again (the queue takes seconds). */
export const REQUEUE_AFTER_MS = 5 * 60_000;

/**
 * 政务公开's catch-up (every 5 minutes; locally by `npm run jobs`): the saves still not indexed 5 minutes on — their
 * message was never sent (the send failed after the save's transaction), or the worker kept failing on it — are queued
 * again, at most 100 a run, read from their to-index rows (a small partition, no list or table read). The worker's pass
 * is the same however often it comes: a save indexed since finds nothing to do, and a publish's subscribers are told
 * once when it is first indexed.
 */
export async function requeueUnindexed(at: Date = now()): Promise<{ requeued: string[] }> {
  const rows = await repo.savesNotIndexed(new Date(at.getTime() - REQUEUE_AFTER_MS).toISOString());
  if (rows.length)
    await enqueue(
      'publications',
      rows.map((r): IndexMessage => ({ kind: 'index', id: r.id })),
    );
  return { requeued: rows.map((r) => r.id) };
}

/** The scheduled entry: its own module, so the bundle holds only what the sweep runs. */
export const handler = async () => {
  await coldStart(); // the stage's secrets, as every job loads them
  const { requeued } = await requeueUnindexed();
  if (requeued.length) log.error('publications sweep: saves not indexed 5 minutes on, queued again', { count: requeued.length, ids: requeued.slice(0, 20) });
  return { requeued: requeued.length };
};
