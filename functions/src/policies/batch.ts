import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { buildMatchIndex, judgeItem, matchFirm, yuan } from '@yx/shared';
import { now } from '../lib/clock';
import { log } from '../lib/log';
import { randomId } from '../lib/ids';
import { enqueue } from '../lib/queue';
import { FIRM_SHARDS, TOPIC_SHARDS, type PolicyItemRecord } from '../lib/entities/policies';
import { factsOf } from './firm';
import { today, windowOf } from './market';
import * as repo from './repository';

/**
 * 数据比对 (免申即享's first step): every firm on record against open 免申即享 items, an offer for each eligible firm.
 * Split across workers by SQS (one message per shard of firms: gsi2 `FIRMS#<shard>`), so a run at the seeds' scale
 * (148,000 firms) is 16 workers of about 9,000 firms each. A shard reads its firms once whatever the number of items.
 * Idempotent: an offer is written only where none is (a redelivered message, a re-run or the nightly run offer nothing
 * twice), and a shard is counted once in its run.
 */

export interface ItemRef {
  policyId: string;
  version: number;
  itemId: string;
}
export interface ShardMessage {
  kind?: 'match';
  runId: string;
  shard: number;
  shards: number;
  items: ItemRef[];
  /** a shard cut short by the worker's time goes on from here (a follow-up message), with its figures so far */
  start?: Record<string, unknown>;
  part?: number;
  firms?: number;
  offers?: Record<string, number>;
}
/** 订阅: tell a topic's followers in one shard of a newly published policy (a firm only when an item may fit it). */
export interface NotifyMessage {
  kind: 'notify';
  policyId: string;
  version: number;
  topic: string;
  shard: number;
}
export type PolicyWork = ShardMessage | NotifyMessage;

/** Starts a run of these items: a run row per item, then a message per shard. */
export async function startRun(refs: ItemRef[], shards = FIRM_SHARDS): Promise<string> {
  const runId = randomId('run', 12);
  const at = now().toISOString();
  for (const r of refs) {
    await repo.putRun({ runId, policyId: r.policyId, itemId: r.itemId, policyVersion: r.version, startedAt: at, shards, shardsDone: [], firms: 0, offers: 0 });
  }
  if (!refs.length) return runId;
  const messages: ShardMessage[] = Array.from({ length: shards }, (_, shard) => ({ runId, shard, shards, items: refs }));
  await enqueue('policyMatch', messages);
  return runId;
}

/** The 免申即享 items of a policy version that are open or about to open. */
export const autoItemsOf = (p: repo.PolicyRecord): ItemRef[] =>
  p.status === 'published'
    ? p.items.filter((i) => i.mode === 'auto' && windowOf(i, today()) !== 'closed').map((i) => ({ policyId: p.id, version: p.version, itemId: i.id }))
    : [];

const versions = new Map<string, repo.PolicyRecord>();
async function versionOf(ref: Pick<ItemRef, 'policyId' | 'version'>): Promise<repo.PolicyRecord | undefined> {
  const k = `${ref.policyId}#${ref.version}`;
  if (!versions.has(k)) {
    const p = await repo.getPolicyVersion(ref.policyId, ref.version);
    if (!p) return undefined;
    if (versions.size > 5000) versions.clear();
    versions.set(k, p);
  }
  return versions.get(k);
}

/** Runs tasks, at most `n` at a time (a shard's offers: each its own transaction, several in flight). */
async function inParallel(tasks: (() => Promise<void>)[], n: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) await tasks[next++]();
  };
  await Promise.all(Array.from({ length: Math.min(n, tasks.length) }, lane));
}
/** Offers written at once within a shard: ~65,000 transactions of a full-scale shard take ~1 min at 10–15 ms each. */
const OFFERS_IN_FLIGHT = 16;
/** A shard still running this close to the worker's timeout hands the rest to a follow-up message. */
const HAND_OVER_MS = 60_000;

/**
 * One shard of a run: its firms page by page, each against the run's items (through the matcher's index); figures per
 * item into their run rows once the shard is done. With `deadline` (the worker's), a shard that would run out of time
 * queues the rest (`start`, and the figures so far) and stops; SQS runs it as a new message.
 */
export async function runShard(msg: ShardMessage, deadline?: number): Promise<{ firms: number; offers: number }> {
  const day = today();
  // what the run covers, from the market index (cached) and the run rows (one BatchGet per 100 items)
  const runs = await repo.getRuns(msg.items);
  let market = await repo.loadIndex();
  // published a moment ago: a container's index may predate it (it is checked every 2 s), so read it afresh
  if (msg.items.some((ref) => (market.find((p) => p.id === ref.policyId)?.version ?? 0) < ref.version)) {
    repo.clearPolicyCache();
    market = await repo.loadIndex();
  }
  const items: { ref: ItemRef; policy: repo.PolicyIndexRecord; item: PolicyItemRecord }[] = [];
  for (const ref of msg.items) {
    if (runs.get(ref.itemId)?.runId !== msg.runId) continue; // a newer run of the item took over
    const policy = market.find((p) => p.id === ref.policyId);
    // withdrawn meanwhile: offer nothing; edited meanwhile: the new version started its own run
    if (!policy || policy.status === 'withdrawn' || policy.version !== ref.version) continue;
    const item = policy.items.find((i) => i.id === ref.itemId);
    if (item && item.mode === 'auto' && windowOf(item, day) === 'open') items.push({ ref, policy, item });
  }
  const offers = new Map<string, number>(Object.entries(msg.offers ?? {}));
  let firms = msg.firms ?? 0;
  let start = msg.start;
  // the run's items indexed by their most selective condition: a firm is judged against the few that may fit it
  const index = buildMatchIndex(items.map(({ policy, item }) => ({ ...item, policyId: policy.id, policyVersion: policy.version })));
  const byId = new Map(items.map((x) => [x.item.id, x]));
  if (items.length) {
    do {
      const page = await repo.firmShardPage(msg.shard, start);
      start = page.next;
      const writes: (() => Promise<void>)[] = [];
      for (const firm of page.firms) {
        firms++;
        const facts = factsOf(firm);
        const already = new Set(firm.offered ?? []);
        // 免申即享 pays from the district's own data only: what a firm declared is not counted here
        for (const { item: matched, judgement: j } of matchFirm(index, facts, { today: day, useDeclared: false, openOnly: true })) {
          if (j.verdict !== 'eligible' || !j.amountYuan || already.has(matched.id)) continue; // offered before: nothing to write
          const { ref, policy, item } = byId.get(matched.id)!;
          const amountYuan = j.amountYuan;
          writes.push(async () => {
            const at = now().toISOString();
            const written = await repo.putOffer(
              {
                creditCode: firm.creditCode,
                firmName: firm.name,
                itemId: item.id,
                policyId: policy.id,
                policyVersion: policy.version,
                policyTitle: policy.title,
                itemTitle: item.title,
                issuer: policy.issuer,
                amountYuan,
                status: 'offered',
                conditions: j.conditions,
                runId: msg.runId,
                offeredAt: at,
                confirmBy: item.validTo,
              },
              firm.legalUserId
                ? {
                    userId: firm.legalUserId,
                    template: 'policy_offer',
                    title: `免申即享：${item.title}`,
                    body: `经数据比对，${firm.name}符合「${policy.title}」，可享受 ${yuan(amountYuan)}。请在 ${item.validTo} 前到“政策超市 → 免申即享”确认领取并选择收款账户。`,
                  }
                : undefined,
            );
            if (written) offers.set(ref.itemId, (offers.get(ref.itemId) ?? 0) + 1);
          });
        }
      }
      await inParallel(writes, OFFERS_IN_FLIGHT);
      if (start && deadline !== undefined && Date.now() > deadline - HAND_OVER_MS) {
        await enqueue('policyMatch', [{ ...msg, start, firms, offers: Object.fromEntries(offers), part: (msg.part ?? 0) + 1 }]);
        log.info('policy match shard handed over', { runId: msg.runId, shard: msg.shard, part: (msg.part ?? 0) + 1, firms });
        return { firms, offers: [...offers.values()].reduce((a, b) => a + b, 0) };
      }
    } while (start);
  }
  const at = now().toISOString();
  for (const ref of msg.items)
    await repo.finishShard({ ...ref, runId: msg.runId, shards: msg.shards }, msg.shard, items.length ? firms : 0, offers.get(ref.itemId) ?? 0, at);
  const total = [...offers.values()].reduce((a, b) => a + b, 0);
  log.info('policy match shard done', { runId: msg.runId, shard: msg.shard, firms, offers: total });
  return { firms, offers: total };
}

/** Tells the followers of the policy's topics, a message per topic and shard of followers. */
export async function startNotify(p: repo.PolicyRecord): Promise<void> {
  const messages: NotifyMessage[] = p.topics.flatMap((topic) =>
    Array.from({ length: TOPIC_SHARDS }, (_, shard) => ({ kind: 'notify' as const, policyId: p.id, version: p.version, topic, shard })),
  );
  await enqueue('policyMatch', messages);
}

/** One shard of a topic's followers: a resident hears of every new policy in the topic, a firm only of one it may get. */
export async function runNotify(msg: NotifyMessage): Promise<{ told: number }> {
  const p = await versionOf({ policyId: msg.policyId, version: msg.version });
  if (!p || p.status !== 'published') return { told: 0 };
  const day = today();
  const open = p.items.filter((i) => windowOf(i, day) !== 'closed');
  let told = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await repo.followersPage(msg.topic, msg.shard, start);
    start = page.next;
    const firms = await repo.getFirms(page.followers.flatMap((f) => (f.creditCode ? [f.creditCode] : [])));
    for (const f of page.followers) {
      let body = `${p.title}（${p.docNo}）已发布，点击查看政策解读。`;
      if (f.creditCode) {
        const firm = firms.get(f.creditCode);
        const fits = firm ? open.filter((i) => judgeItem(i, factsOf(firm), { today: day, useDeclared: true }).verdict !== 'ineligible') : [];
        if (!fits.length) continue; // nothing in it for this firm
        body = `「${fits[0].title}」${fits.length > 1 ? `等 ${fits.length} 个条目` : ''}可能适用于贵企业，点击查看逐条符合情况。`;
      }
      const at = now().toISOString();
      if (await repo.tellOnce(p.id, { userId: f.userId, template: 'policy_new', title: `新政策：${p.title}`, body }, at)) told++;
    }
  } while (start);
  return { told };
}

/** One queued piece of work, whichever kind. */
export const runWork = (w: PolicyWork, deadline?: number): Promise<unknown> => (w.kind === 'notify' ? runNotify(w) : runShard(w, deadline));

/** The worker: SQS delivers shard messages; a failed one is retried by SQS alone (the others are not). */
export async function handler(event: SQSEvent, context?: Context): Promise<SQSBatchResponse> {
  const failures: { itemIdentifier: string }[] = [];
  const deadline = context ? Date.now() + context.getRemainingTimeInMillis() : undefined;
  for (const record of event.Records) {
    try {
      await runWork(JSON.parse(record.body) as PolicyWork, deadline);
    } catch (e) {
      log.error('policy match shard failed', { messageId: record.messageId, err: (e as Error).name });
      failures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures: failures };
}

/** The nightly run (and the local jobs): every open 免申即享 item, so firms whose data changed are offered too. */
export async function scheduledRun(): Promise<{ runId: string; items: number }> {
  const refs: ItemRef[] = [];
  for (const p of await repo.loadIndex()) {
    if (p.status !== 'published') continue;
    for (const i of p.items) if (i.mode === 'auto' && windowOf(i, today()) === 'open') refs.push({ policyId: p.id, version: p.version, itemId: i.id });
  }
  return { runId: await startRun(refs), items: refs.length };
}

export const scheduledHandler = async () => scheduledRun();
