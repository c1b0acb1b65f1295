import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { db, queryAll, readAll, table, transact } from '../lib/db';
import { Enterprise, keys as identityKeys, type EnterpriseRecord } from '../lib/entities/identity';
import {
  Claim,
  DeclaredFact,
  MatchRun,
  Offer,
  Policy,
  Topics,
  keys,
  type DeclaredFactRecord,
  type MatchRunRecord,
  type OfferRecord,
  type OfferStatusValue,
  type PolicyIndexRecord,
  type PolicyRecord,
  type TopicsRecord,
} from '../lib/entities/policies';
import { noticeItems, type Notice } from '../messages/repository';

export type { DeclaredFactRecord, EnterpriseRecord, MatchRunRecord, OfferRecord, OfferStatusValue, PolicyIndexRecord, PolicyRecord, TopicsRecord };

/**
 * The policies' rows. The market reads one partition (`POLIDX`, the policies without their original text) into memory,
 * kept while the index version row says nothing changed: a list, a search or a firm's matching costs one GetItem once
 * the container has it.
 */

let index: { version: number; policies: PolicyIndexRecord[]; checkedAt: number } | undefined;
/** how long a container trusts its index without asking the version row (a publish shows everywhere within this) */
const CHECK_MS = 2_000;

async function indexVersion(): Promise<number> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.indexMeta }));
  return Number(r.Item?.version ?? 0);
}

/** Every policy as the market sees it (withdrawn ones too: their page says so). */
export async function loadIndex(): Promise<PolicyIndexRecord[]> {
  if (index && Date.now() - index.checkedAt < CHECK_MS) return index.policies;
  const version = await indexVersion();
  if (index && index.version === version) {
    index.checkedAt = Date.now();
    return index.policies;
  }
  const rows = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.indexPk } });
  const policies = rows.filter((r) => r.sk !== keys.indexMeta.sk).map(Policy.indexFromItem);
  index = { version, policies, checkedAt: Date.now() };
  return policies;
}

export function clearPolicyCache(): void {
  index = undefined;
}

export async function getPolicy(id: string): Promise<PolicyRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.current(id) }));
  return r.Item ? Policy.fromItem(r.Item) : undefined;
}

/** One saved version (immutable). */
export async function getPolicyVersion(id: string, version: number): Promise<PolicyRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.version(id, version) }));
  return r.Item ? Policy.fromItem(r.Item) : undefined;
}

export async function listVersions(id: string): Promise<PolicyRecord[]> {
  const rows = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
    ExpressionAttributeValues: { ':pk': keys.policyPk(id), ':v': keys.versionPrefix },
    ScanIndexForward: false,
  });
  return rows.map(Policy.fromItem);
}

/**
 * Saves a version: the immutable version row, the current row and the market's row together, only if no one saved
 * since `expected` (0: a new policy). Then the index version moves on (outside the transaction: it is every list's row).
 */
export async function savePolicy(p: PolicyRecord, expected: number): Promise<void> {
  const cond =
    expected === 0
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expected } };
  await transact([
    { Put: { TableName: table(), Item: Policy.versionItem(p), ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName: table(), Item: Policy.currentItem(p), ...cond } },
    { Put: { TableName: table(), Item: Policy.indexItem(p) } },
  ]);
  await bumpIndex();
}

/** Withdraws: the current and market rows say so (the versions stay as they were). */
export async function withdrawPolicy(p: PolicyRecord, expected: number): Promise<void> {
  await transact([
    {
      Put: {
        TableName: table(),
        Item: Policy.currentItem(p),
        ConditionExpression: 'version = :v AND #s = :pub',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':v': expected, ':pub': 'published' },
      },
    },
    { Put: { TableName: table(), Item: Policy.indexItem(p) } },
  ]);
  await bumpIndex();
}

async function bumpIndex(): Promise<void> {
  await db().send(
    new UpdateCommand({ TableName: table(), Key: keys.indexMeta, UpdateExpression: 'ADD version :one', ExpressionAttributeValues: { ':one': 1 } }),
  );
  index = undefined;
}

/** The seed's rows for a policy (version 1): written with the catalogue. */
export const seedPolicyItems = (p: PolicyRecord) => [Policy.versionItem(p), Policy.currentItem(p), Policy.indexItem(p)];
export const indexMetaItem = (version: number) => ({ ...keys.indexMeta, entity: 'PolicyIndexMeta', version });

// ---- firms ----

/** A firm's profile, declared facts and offers: one Query of its partition. */
export interface FirmRows {
  firm?: EnterpriseRecord;
  declared: DeclaredFactRecord[];
  offers: OfferRecord[];
  /** 依申请 items applied for: item id → application number */
  claims: Map<string, string>;
}

export async function readFirm(creditCode: string): Promise<FirmRows> {
  const rows = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.firmPk(creditCode) } });
  const out: FirmRows = { declared: [], offers: [], claims: new Map() };
  for (const r of rows) {
    const sk = String(r.sk);
    if (sk === identityKeys.enterprise(creditCode).sk) out.firm = Enterprise.fromItem(r);
    else if (sk.startsWith(keys.factPrefix)) out.declared.push(DeclaredFact.fromItem(r));
    else if (sk.startsWith(keys.offerPrefix)) out.offers.push(Offer.fromItem(r));
    else if (sk.startsWith(keys.claimPrefix)) {
      const c = Claim.fromItem(r);
      out.claims.set(c.itemId, c.appNo);
    }
  }
  return out;
}

export async function putDeclaredFact(f: Omit<DeclaredFactRecord, 'fileIds'>): Promise<void> {
  await db().send(new PutCommand({ TableName: table(), Item: DeclaredFact.toItem(f) }));
}

/** One page of a shard of firms (the batch's read: gsi2 `FIRMS#<shard>`). */
export async function firmShardPage(shard: number, start?: Record<string, unknown>): Promise<{ firms: EnterpriseRecord[]; next?: Record<string, unknown> }> {
  const r = await db().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.firmShardPk(shard) },
      ExclusiveStartKey: start,
    }),
  );
  return { firms: (r.Items ?? []).map(Enterprise.fromItem), next: r.LastEvaluatedKey };
}

// ---- offers ----

export async function getOffer(creditCode: string, itemId: string): Promise<OfferRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.offer(creditCode, itemId), ConsistentRead: true }));
  return r.Item ? Offer.fromItem(r.Item) : undefined;
}

/** Writes an offer once (a firm is never offered an item twice) and tells the firm; false when it was there already. */
export async function putOffer(o: OfferRecord, notice: Notice | undefined): Promise<boolean> {
  try {
    await transact([
      { Put: { TableName: table(), Item: Offer.toItem(o), ConditionExpression: 'attribute_not_exists(pk)' } },
      // the firm's row lists what it was offered: a later run skips it without a write
      {
        Update: {
          TableName: table(),
          Key: identityKeys.enterprise(o.creditCode),
          UpdateExpression: 'SET offered = list_append(if_not_exists(offered, :empty), :i)',
          ExpressionAttributeValues: { ':empty': [], ':i': [o.itemId] },
        },
      },
      ...(notice ? noticeItems(notice, o.offeredAt) : []),
    ]);
    return true;
  } catch (e) {
    const reasons = (e as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
    if (reasons?.[0]?.Code === 'ConditionalCheckFailed') return false;
    throw e;
  }
}

/**
 * Moves an offer from one state to the next, only from `from` (a double tap, a second officer, a race: one wins).
 * `set` adds fields; `firm` adds to the firm's row in the same transaction (the benefit received on payment).
 */
export async function moveOffer(
  o: Pick<OfferRecord, 'creditCode' | 'itemId'>,
  from: readonly OfferStatusValue[],
  to: OfferStatusValue,
  set: Record<string, unknown>,
  extra: { received?: { itemId: string; on: string }; notice?: Notice; at: string },
): Promise<void> {
  const names: Record<string, string> = { '#status': 'status' };
  const values: Record<string, unknown> = { ':to': to, ':sk': Offer.indexSk(to, o.creditCode) };
  const sets = ['#status = :to', 'gsi1sk = :sk'];
  Object.entries(set).forEach(([k, v], i) => {
    names[`#f${i}`] = k;
    values[`:f${i}`] = v;
    sets.push(`#f${i} = :f${i}`);
  });
  const conds = from.map((s, i) => {
    values[`:from${i}`] = s;
    return `:from${i}`;
  });
  await transact([
    {
      Update: {
        TableName: table(),
        Key: keys.offer(o.creditCode, o.itemId),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: `#status IN (${conds.join(', ')})`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    },
    ...(extra.received ? [receivedItem(o.creditCode, extra.received.itemId, extra.received.on)] : []),
    ...(extra.notice ? noticeItems(extra.notice, extra.at) : []),
  ]);
}

/** One page of an item's offers in a state (the department's batch), by credit code. */
export async function offersPage(itemId: string, status: OfferStatusValue | undefined, limit: number, cursor?: string) {
  const start = decodeCursor(cursor, { partition: keys.offersIndex(itemId), index: 'gsi1', ...(status ? { sortPrefix: `${status}#` } : {}) });
  const r = await db().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: status ? 'gsi1pk = :pk AND begins_with(gsi1sk, :s)' : 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.offersIndex(itemId), ...(status ? { ':s': `${status}#` } : {}) },
      Limit: limit,
      ExclusiveStartKey: start,
    }),
  );
  return { offers: (r.Items ?? []).map(Offer.fromItem), nextCursor: encodeCursor(r.LastEvaluatedKey) };
}

// ---- match runs ----

export async function putRun(r: MatchRunRecord): Promise<void> {
  await db().send(new PutCommand({ TableName: table(), Item: MatchRun.toItem(r) }));
}

/** The run rows of many items (one BatchGet per 100), by item id. */
export async function getRuns(refs: readonly { policyId: string; itemId: string }[]): Promise<Map<string, MatchRunRecord>> {
  const out = new Map<string, MatchRunRecord>();
  for (let i = 0; i < refs.length; i += 100) {
    const r = await readAll({ runs: refs.slice(i, i + 100).map((x) => ({ key: keys.run(x.policyId, x.itemId), parse: MatchRun.fromItem })) });
    for (const run of r.runs) if (run) out.set(run.itemId, run);
  }
  return out;
}

export async function getRun(policyId: string, itemId: string): Promise<MatchRunRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.run(policyId, itemId) }));
  return r.Item ? MatchRun.fromItem(r.Item) : undefined;
}

/** A shard's part of a run: counted once (a redelivered message adds nothing), and the run closes with the last shard. */
export async function finishShard(
  r: Pick<MatchRunRecord, 'policyId' | 'itemId' | 'runId' | 'shards'>,
  shard: number,
  firms: number,
  offers: number,
  at: string,
) {
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.run(r.policyId, r.itemId),
        UpdateExpression: 'SET shardsDone = list_append(shardsDone, :s) ADD firms :f, offers :o',
        ConditionExpression: 'runId = :run AND NOT contains(shardsDone, :n)',
        ExpressionAttributeValues: { ':s': [shard], ':f': firms, ':o': offers, ':run': r.runId, ':n': shard },
        ReturnValues: 'ALL_NEW',
      }),
    );
    const run = MatchRun.fromItem(out.Attributes!);
    if (run.shardsDone.length >= r.shards && !run.finishedAt) {
      await db().send(
        new UpdateCommand({
          TableName: table(),
          Key: keys.run(r.policyId, r.itemId),
          UpdateExpression: 'SET finishedAt = :at',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
    }
  } catch (e) {
    if ((e as Error).name !== 'ConditionalCheckFailedException') throw e;
  }
}

// ---- figures ----

export async function readItemStats(itemId: string): Promise<Record<string, number>> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.stat(itemId) }));
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(r.Item ?? {})) if (typeof v === 'number') out[k] = v;
  return out;
}

/** Every item's figures (the public list): one partition, a row per item that has offers. */
export async function readAllItemStats(): Promise<{ itemId: string; figures: Record<string, number> }[]> {
  const rows = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.statPk } });
  return rows.map((r) => {
    const figures: Record<string, number> = {};
    for (const [k, v] of Object.entries(r)) if (typeof v === 'number') figures[k] = v;
    return { itemId: String(r.sk), figures };
  });
}

// ---- topics ----

export async function getTopics(userId: string): Promise<TopicsRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.topics(userId) }));
  return r.Item ? Topics.fromItem(r.Item) : undefined;
}

/** The person's topics and the follower rows the batch reads, changed together. */
export async function setTopics(t: TopicsRecord, before: readonly string[]): Promise<void> {
  const removed = before.filter((x) => !t.topics.includes(x));
  const added = t.topics.filter((x) => !before.includes(x));
  await transact([
    { Put: { TableName: table(), Item: Topics.toItem(t) } },
    ...removed.map((topic) => ({ Delete: { TableName: table(), Key: keys.topicFollower(topic, t.userId) } })),
    ...added.map((topic) => ({ Put: { TableName: table(), Item: Topics.followerItem(topic, t) } })),
  ]);
}

/** One page of a topic's followers in a shard. */
export async function followersPage(topic: string, shard: number, start?: Record<string, unknown>) {
  const r = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.topicFollowersPk(topic, shard) },
      ExclusiveStartKey: start,
    }),
  );
  return { followers: (r.Items ?? []).map(Topics.followerFromItem), next: r.LastEvaluatedKey };
}

// ---- 依申请 claims ----

/** The guard of one application per firm and item, put with the application (a second one fails its condition). */
export const claimGuardItem = (creditCode: string, itemId: string, appNo: string, at: string) => ({
  Put: { TableName: table(), Item: Claim.toItem({ creditCode, itemId, appNo, at }), ConditionExpression: 'attribute_not_exists(pk)' },
});

/** The firms of these codes (the subscribers' firms): one BatchGet per 100. */
export async function getFirms(codes: readonly string[]): Promise<Map<string, EnterpriseRecord>> {
  const out = new Map<string, EnterpriseRecord>();
  const unique = [...new Set(codes)];
  for (let i = 0; i < unique.length; i += 100) {
    const r = await readAll({ firms: unique.slice(i, i + 100).map((c) => ({ key: identityKeys.enterprise(c), parse: Enterprise.fromItem })) });
    for (const f of r.firms) if (f) out.set(f.creditCode, f);
  }
  return out;
}

/** Tells a subscriber of a policy once (a person following two of its topics, a redelivered message: one message). */
export async function tellOnce(policyId: string, notice: Notice, at: string): Promise<boolean> {
  try {
    await transact([
      {
        Put: { TableName: table(), Item: { ...keys.told(policyId, notice.userId), entity: 'PolicyTold', at }, ConditionExpression: 'attribute_not_exists(pk)' },
      },
      ...noticeItems(notice, at),
    ]);
    return true;
  } catch (e) {
    const reasons = (e as { CancellationReasons?: { Code?: string }[] }).CancellationReasons;
    if (reasons?.[0]?.Code === 'ConditionalCheckFailed') return false;
    throw e;
  }
}

/** The benefit on the firm's record (政策兑现 approved): a 「近 N 年未享受」 condition sees it; a transaction item. */
export const receivedItem = (creditCode: string, itemId: string, on: string) => ({
  Update: {
    TableName: table(),
    Key: identityKeys.enterprise(creditCode),
    UpdateExpression: 'SET received = list_append(if_not_exists(received, :empty), :r)',
    ExpressionAttributeValues: { ':empty': [], ':r': [{ itemId, on }] },
  },
});
