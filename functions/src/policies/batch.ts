import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
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
async function versionOf(ref: ItemRef): Promise<repo.PolicyRecord | undefined> {
  const k = `${ref.policyId}#${ref.version}`;
  if (!versions.has(k)) {
    const p = await repo.getPolicyVersion(ref.policyId, ref.version);
    if (!p) return undefined;
    if (versions.size > 5000) versions.clear();
    versions.set(k, p);
  }
  return versions.get(k);
}

/** One shard of a run: its firms page by page, each against the run's items; figures per item into their run rows. */
export async function runShard(msg: ShardMessage): Promise<{ firms: number; offers: number }> {
  const day = today();
  const items: { ref: ItemRef; policy: repo.PolicyRecord; item: PolicyItemRecord }[] = [];
  for (const ref of msg.items) {
    const run = await repo.getRun(ref.policyId, ref.itemId);
    if (run && run.runId !== msg.runId) continue; // a newer run of the item took over
    const current = await repo.getPolicy(ref.policyId);
    if (!current || current.status === 'withdrawn') continue; // withdrawn meanwhile: offer nothing
    const policy = await versionOf(ref);
    const item = policy?.items.find((i) => i.id === ref.itemId);
    if (policy && item && item.mode === 'auto' && windowOf(item, day) === 'open') items.push({ ref, policy, item });
  }
  const offers = new Map<string, number>();
  let firms = 0;
  let start: Record<string, unknown> | undefined;
  // the run's items indexed by their most selective condition: a firm is judged against the few that may fit it
  const index = buildMatchIndex(items.map(({ policy, item }) => ({ ...item, policyId: policy.id, policyVersion: policy.version })));
  const byId = new Map(items.map((x) => [x.item.id, x]));
  if (items.length) {
    do {
      const page = await repo.firmShardPage(msg.shard, start);
      start = page.next;
      for (const firm of page.firms) {
        firms++;
        const facts = factsOf(firm);
        // 免申即享 pays from the district's own data only: what a firm declared is not counted here
        for (const { item: matched, judgement: j } of matchFirm(index, facts, { today: day, useDeclared: false, openOnly: true })) {
          if (j.verdict !== 'eligible' || !j.amountYuan) continue;
          const { ref, policy, item } = byId.get(matched.id)!;
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
              amountYuan: j.amountYuan,
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
                  body: `经数据比对，${firm.name}符合「${policy.title}」，可享受 ${yuan(j.amountYuan)}。请在 ${item.validTo} 前到“政策超市 → 免申即享”确认领取并选择收款账户。`,
                }
              : undefined,
          );
          if (written) offers.set(ref.itemId, (offers.get(ref.itemId) ?? 0) + 1);
        }
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
  const p = await versionOf({ policyId: msg.policyId, version: msg.version, itemId: '' });
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
export const runWork = (w: PolicyWork): Promise<unknown> => (w.kind === 'notify' ? runNotify(w) : runShard(w));

/** The worker: SQS delivers shard messages; a failed one is retried by SQS alone (the others are not). */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const failures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    try {
      await runWork(JSON.parse(record.body) as PolicyWork);
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
