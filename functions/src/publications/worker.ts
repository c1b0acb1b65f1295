import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { PUBLICATION_CATEGORY_NAMES, indexEntries } from '@yx/shared';
import { markFilesUsed } from '../files/repository';
import { now } from '../lib/clock';
import { randomId } from '../lib/ids';
import { log } from '../lib/log';
import { enqueue } from '../lib/queue';
import { SUBSCRIBER_SHARDS } from '../lib/entities/publications';
import * as repo from './repository';
import { deptNames } from './departments';

/**
 * The publications worker (a queue: SQS in the cloud, table rows on the local stage, drained by `npm run jobs`):
 * - `index`: makes the search index hold an item as it is now — its bigrams' postings written, those of earlier versions
 *   (or of a withdrawn item) deleted. One worker per item at a time (a lease on its `INDEX` row); a pass that stops
 *   halfway leaves its version as pending, for the next pass to clean. Whatever order messages come in, each pass
 *   indexes the current version, and looks again when done.
 *   A pass that catches up with the newest save deletes its to-index row, queueing the subscribers' news first when
 *   the row owes it (a publish: told once it is first indexed).
 * - `notify`: tells one shard of a category's subscribers of a new item, each once (a guard row with the message).
 * Neither runs inside the officer's request: a district's item may have thousands of subscribers and thousands of bigrams.
 * A save whose message never came (the send failed after its transaction) keeps its to-index row: the sweep
 * (`sweep.ts`, on a schedule) queues it again.
 */

export interface IndexMessage {
  kind: 'index';
  id: string;
}
export interface NotifyMessage {
  kind: 'notify';
  id: string;
  category: string;
  shard: number;
  /** a shard cut short by the worker's time goes on from here */
  start?: Record<string, unknown>;
}
export type PublicationWork = IndexMessage | NotifyMessage;

export const queueIndex = (id: string) => enqueue('publications', [{ kind: 'index', id } satisfies IndexMessage]);

/** A message per shard of the category's subscribers (16): each shard is told by its own worker. */
export const queueNotify = (p: Pick<repo.PublicationRecord, 'id' | 'category'>) =>
  enqueue(
    'publications',
    Array.from({ length: SUBSCRIBER_SHARDS }, (_, shard): NotifyMessage => ({ kind: 'notify', id: p.id, category: p.category, shard })),
  );

/** How long a worker holds an item's index lease: far longer than a pass (a 20,000-字 text is ~8,000 postings, ~10 s). */
const LEASE_MS = 10 * 60_000;

const postingKey = (term: string, sort: string) => `${term}\u0000${sort}`;

/** The postings of a version as it was saved: none when withdrawn. */
function postingsOf(p: repo.PublicationRecord | undefined): Map<string, { term: string; sort: string; context: string; inTitle: boolean; category: string }> {
  const out = new Map<string, { term: string; sort: string; context: string; inTitle: boolean; category: string }>();
  if (!p || p.status !== 'published') return out;
  const sort = repo.sortKeyOf(p);
  for (const e of indexEntries(p)) out.set(postingKey(e.term, sort), { ...e, sort, category: p.category });
  return out;
}

/**
 * One item's index made to match its current version. Returns what was written; `busy` when another worker holds the
 * lease (it looks again when done, so nothing is lost; SQS brings the message back later too).
 */
export async function indexItem(id: string): Promise<{ puts: number; deletes: number; busy?: boolean }> {
  const owner = randomId('ix', 8);
  let puts = 0;
  let deletes = 0;
  for (let pass = 0; pass < 5; pass++) {
    const cur = await repo.getCurrent(id, true);
    if (!cur) return { puts, deletes };
    const marks = await repo.takeIndexLease(id, owner, Date.now(), Date.now() + LEASE_MS, cur.version);
    if (!marks) return { puts, deletes, busy: true };
    const earlier = [...new Set([marks.indexedVersion, ...marks.pending])].filter((v): v is number => v !== undefined && v !== cur.version);
    if (earlier.length || marks.indexedVersion !== cur.version) {
      const [olds, fresh] = [await Promise.all(earlier.map((v) => repo.getVersion(id, v))), postingsOf(cur)];
      // what the index holds for sure: the indexed version, when no pass stopped halfway since
      const clean = marks.pending.every((v) => v === cur.version);
      const indexed = clean ? postingsOf(olds[earlier.indexOf(marks.indexedVersion ?? -1)]) : new Map();
      const gone = new Map<string, { term: string; sort: string }>();
      for (const old of olds) for (const [k, e] of postingsOf(old)) if (!fresh.has(k)) gone.set(k, e);
      // a posting already written the same way (an edit that changed a few words) is not written again
      const changed = [...fresh.entries()].filter(([k, e]) => {
        const was = indexed.get(k);
        return !was || was.context !== e.context || was.inTitle !== e.inTitle || was.category !== e.category;
      });
      await repo.writePostings(
        changed.map(([, e]) => repo.postingItem(e.term, e.sort, e)),
        [...gone.values()].map((e) => repo.postingKey(e.term, e.sort)),
      );
      puts += changed.length;
      deletes += gone.size;
      // its PDFs are in use: the unused-files sweep leaves them (a file marked before is left as it is)
      if (cur.status === 'published')
        await markFilesUsed(
          cur.attachments.map((a) => a.fileId),
          id,
        );
    }
    await repo.releaseIndexLease(id, owner, cur.version, marks.pending, now().toISOString());
    // saved again meanwhile (its own message may have found the lease taken): another pass
    const after = await repo.getCurrent(id, true);
    if (!after || after.version === cur.version) {
      await settle(cur);
      return { puts, deletes };
    }
  }
  return { puts, deletes }; // still being saved after 5 passes: its to-index row stays, and the sweep queues it again
}

/**
 * The index holds the item's newest save: the subscribers are told of a new item (its first index; withdrawn by then,
 * nobody), and the to-index row goes. A failure here fails the message, which comes back: the news is queued again, and
 * each subscriber is still told once.
 */
async function settle(cur: repo.PublicationRecord): Promise<void> {
  const todo = await repo.getToIndex(cur.id);
  if (!todo || todo.version > cur.version) return; // none (already settled, or a seeded item), or a later save's to settle
  if (todo.notify && cur.status === 'published') await queueNotify(cur);
  await repo.deleteToIndex(cur.id, cur.version);
}

/** Rows told at once within a shard (each its own small transaction). */
const TOLD_IN_FLIGHT = 16;
/** A shard still running this close to the worker's timeout hands the rest to a follow-up message. */
const HAND_OVER_MS = 30_000;

async function inParallel(tasks: (() => Promise<void>)[], n: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) await tasks[next++]();
  };
  await Promise.all(Array.from({ length: Math.min(n, tasks.length) }, lane));
}

/** One shard of a category's subscribers told of a new item (once each, however often the message comes). */
export async function notifyShard(msg: NotifyMessage, deadline?: number): Promise<{ told: number }> {
  const p = await repo.getCurrent(msg.id, true); // consistent: the message may come a moment after the publish
  if (!p || p.status !== 'published') return { told: 0 }; // withdrawn before anyone was told
  const dept = (await deptNames()).short(p.department);
  const title = `政务公开：${p.title}`;
  const body = `${dept}在“${PUBLICATION_CATEGORY_NAMES[p.category]}”栏目发布了「${p.title}」（${p.publishedOn}）。可在首页“政务公开”查看全文和附件。`;
  let told = 0;
  let start = msg.start;
  do {
    const page = await repo.subscribersPage(msg.category, msg.shard, start);
    start = page.next;
    await inParallel(
      page.userIds.map((userId) => async () => {
        if (await repo.tellOnce(p.id, { userId, template: 'publication_new', title, body }, now().toISOString())) told++;
      }),
      TOLD_IN_FLIGHT,
    );
    if (start && deadline !== undefined && Date.now() > deadline - HAND_OVER_MS) {
      await enqueue('publications', [{ ...msg, start }]);
      return { told };
    }
  } while (start);
  return { told };
}

export async function runWork(w: PublicationWork, deadline?: number): Promise<unknown> {
  if (w.kind === 'notify') return notifyShard(w, deadline);
  const r = await indexItem(w.id);
  if (r.busy) throw new Error('index lease held by another worker'); // tried again later (SQS redelivers; locally the next run)
  return r;
}

/** The worker: SQS delivers the messages one at a time; a failed one is retried by SQS alone. */
export async function handler(event: SQSEvent, context?: Context): Promise<SQSBatchResponse> {
  const failures: { itemIdentifier: string }[] = [];
  const deadline = context ? Date.now() + context.getRemainingTimeInMillis() : undefined;
  for (const record of event.Records) {
    try {
      await runWork(JSON.parse(record.body) as PublicationWork, deadline);
    } catch (e) {
      log.error('publications work failed', { messageId: record.messageId, err: (e as Error).name, message: (e as Error).message });
      failures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures: failures };
}
