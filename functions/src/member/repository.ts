import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_MEMBER_RULES, type Benefit, type MemberRules } from '@yx/shared';
import { db, queryIndex, readAll, table } from '../lib/db';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { idempotencyItem, idempotencyLookup, getIdempotency } from '../lib/repository';
import {
  BenefitItem,
  Card,
  Claim,
  keys,
  PointsEntryRow,
  PointsSource,
  Rules,
  seedPointsItems,
  type BenefitRow,
  type ClaimRow,
  type MemberCard,
  type PointsRow,
} from '../lib/entities/member';

/**
 * 会员专区 (member zone): the store. Keys and schemas: lib/entities/member.ts.
 * The card holds the balance and the growth value. Every entry is written in the same transaction as the
 * ADD on the card, so the balance is always the ledger's sum; spending is conditional on `balance >= price`,
 * so it can never go negative.
 */
const T = () => table();
export { seedPointsItems };
export type { BenefitRow, ClaimRow, MemberCard, PointsRow };

export async function getCard(userId: string): Promise<MemberCard | undefined> {
  const r = await db().send(new GetCommand({ TableName: T(), Key: keys.card(userId), ConsistentRead: true }));
  return r.Item ? Card.fromItem(r.Item) : undefined;
}

export async function getRules(): Promise<MemberRules> {
  const r = await db().send(new GetCommand({ TableName: T(), Key: keys.rules }));
  return (r.Item && Rules.fromItem(r.Item)) || DEFAULT_MEMBER_RULES;
}

export async function putRules(rules: MemberRules, by: string, at: string): Promise<void> {
  await db().send(new PutCommand({ TableName: T(), Item: Rules.toItem(rules, by, at) }));
}

export async function nextMemberSeq(): Promise<number> {
  const r = await db().send(
    new UpdateCommand({
      TableName: T(),
      Key: keys.memberSequence,
      UpdateExpression: 'ADD #n :one',
      ExpressionAttributeNames: { '#n': 'n' },
      ExpressionAttributeValues: { ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(r.Attributes?.n);
}

/** The admin's figures: the days' rows and the all-time row (one BatchGet; the aggregator adds to them). */
export async function readStats(days: string[]): Promise<Map<string, Record<string, number>>> {
  const wanted = [...days, 'ALL'];
  const r = await db().send(new BatchGetCommand({ RequestItems: { [T()]: { Keys: wanted.map((d) => keys.stat(d)) } } }));
  const out = new Map<string, Record<string, number>>();
  for (const row of r.Responses?.[T()] ?? []) {
    const counts: Record<string, number> = {};
    for (const [k, v] of Object.entries(row)) if (typeof v === 'number') counts[k] = v;
    out.set(keys.statDayOf(String(row.pk)), counts);
  }
  return out;
}

/** 领取会员卡: once per person; points earned before the card are already on the row and stay. */
export function claimCardItem(userId: string, memberNo: string, levelId: string, at: string, today: string, growthWas: number) {
  return {
    Update: {
      TableName: T(),
      Key: keys.card(userId),
      UpdateExpression:
        'SET memberNo = :no, levelId = :lvl, levelReachedAt = :today, claimedAt = :at, userId = :u, entity = :e, gsi1pk = :g1, gsi1sk = :g1s, balance = if_not_exists(balance, :zero), growth = if_not_exists(growth, :zero), streak = if_not_exists(streak, :zero)',
      ConditionExpression:
        growthWas === 0
          ? 'attribute_not_exists(memberNo) AND (attribute_not_exists(growth) OR growth = :zero)'
          : 'attribute_not_exists(memberNo) AND growth = :gw',
      ExpressionAttributeValues: {
        ':no': memberNo,
        ':lvl': levelId,
        ':today': today,
        ':at': at,
        ':u': userId,
        ':e': 'MemberCard',
        ':g1': keys.members(at, userId).gsi1pk,
        ':g1s': keys.members(at, userId).gsi1sk,
        ':zero': 0,
        ...(growthWas === 0 ? {} : { ':gw': growthWas }),
      },
    },
  };
}

/**
 * A ledger entry and its source guard (one per source, so a retried award is harmless) and the card's
 * balance move. `growthWas` guards level changes computed from the growth we read; `minBalance` guards spending.
 */
export function pointsItems(
  userId: string,
  e: PointsRow,
  card: { set?: Record<string, unknown>; growthWas?: number; minBalance?: number },
): Record<string, unknown>[] {
  const grows = e.kind === 'earned' || (e.kind === 'adjusted' && e.points > 0);
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':p': e.points, ':u': userId };
  const sets = ['userId = :u'];
  Object.entries(card.set ?? {}).forEach(([k, v], i) => {
    names[`#s${i}`] = k;
    values[`:s${i}`] = v;
    sets.push(`#s${i} = :s${i}`);
  });
  const conditions: string[] = [];
  if (card.growthWas !== undefined) {
    conditions.push(card.growthWas === 0 ? '(attribute_not_exists(growth) OR growth = :gw)' : 'growth = :gw');
    values[':gw'] = card.growthWas;
  }
  if (card.minBalance !== undefined) {
    conditions.push('balance >= :min');
    values[':min'] = card.minBalance;
  }
  if (grows) values[':g'] = e.points;
  return [
    { Put: { TableName: T(), Item: PointsSource.toItem(userId, e), ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName: T(), Item: PointsEntryRow.toItem(userId, e) } },
    {
      Update: {
        TableName: T(),
        Key: keys.card(userId),
        UpdateExpression: `SET ${sets.join(', ')} ADD balance :p${grows ? ', growth :g' : ''}`,
        ...(conditions.length ? { ConditionExpression: conditions.join(' AND ') } : {}),
        ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
        ExpressionAttributeValues: values,
      },
    },
  ];
}

/** Check-in days of a month: the `checkin:<date>` sources (one Query). */
export async function checkInDates(userId: string, month: string): Promise<string[]> {
  const r = await db().send(
    new QueryCommand({
      TableName: T(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': keys.card(userId).pk, ':p': keys.checkInPrefix(month) },
    }),
  );
  return (r.Items ?? []).map((i) => keys.checkInDateOf(String(i.sk)));
}

/** The ledger, newest first. */
export async function ledger(userId: string, limit: number, cursor?: string) {
  const r = await db().send(
    new QueryCommand({
      TableName: T(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': keys.card(userId).pk, ':p': keys.entryPrefix },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, { partition: keys.card(userId).pk, sortPrefix: keys.entryPrefix }),
    }),
  );
  return { items: (r.Items ?? []).map(PointsEntryRow.fromItem), nextCursor: encodeCursor(r.LastEvaluatedKey) };
}

export async function listBenefits(): Promise<BenefitRow[]> {
  const r = await db().send(
    new QueryCommand({ TableName: T(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.benefitsPk }, Limit: 100 }),
  );
  return (r.Items ?? []).map(BenefitItem.fromItem);
}

export async function getBenefit(id: string): Promise<BenefitRow | undefined> {
  const r = await db().send(new GetCommand({ TableName: T(), Key: keys.benefit(id), ConsistentRead: true }));
  return r.Item ? BenefitItem.fromItem(r.Item) : undefined;
}

/** Admin: create a benefit, or change one; the stock left follows the new stock minus what was claimed (never below it). */
export async function saveBenefit(b: Benefit, at: string, mode: 'create' | 'update'): Promise<void> {
  const { id, ...fields } = b;
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':stock': b.stock, ':zero': 0, ':at': at, ':e': 'Benefit', ':id': id };
  const sets = [
    'stockLeft = :stock - if_not_exists(claimed, :zero)',
    'claimed = if_not_exists(claimed, :zero)',
    'redeemed = if_not_exists(redeemed, :zero)',
    'updatedAt = :at',
    'entity = :e',
    'id = :id',
  ];
  Object.entries(fields).forEach(([k, v], i) => {
    names[`#f${i}`] = k;
    values[`:f${i}`] = v;
    sets.push(`#f${i} = :f${i}`);
  });
  await db().send(
    new UpdateCommand({
      TableName: T(),
      Key: keys.benefit(id),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: mode === 'create' ? 'attribute_not_exists(pk)' : 'attribute_exists(pk) AND claimed <= :stock',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
}

/**
 * What a claim is judged on, in one consistent read: the rules, the member's card, the benefit, an earlier claim
 * under this key, and how often the member has claimed it.
 */
export async function claimInputs(userId: string, benefitId: string, idem: string) {
  const r = await readAll(
    {
      rules: [{ key: keys.rules, parse: Rules.fromItem }],
      card: [{ key: keys.card(userId), parse: Card.fromItem }],
      benefit: [{ key: keys.benefit(benefitId), parse: BenefitItem.fromItem }],
      earlier: idem ? [idempotencyLookup(userId, idem)] : [],
      count: [{ key: keys.count(userId, benefitId), parse: (row: Record<string, unknown>) => Number(row.n ?? 0) }],
    },
    { consistent: true },
  );
  return { rules: r.rules[0] ?? DEFAULT_MEMBER_RULES, card: r.card[0], benefit: r.benefit[0], earlier: r.earlier[0]?.code, claimed: r.count[0] ?? 0 };
}

export async function claimedCount(userId: string, benefitIds: string[]): Promise<Map<string, number>> {
  if (!benefitIds.length) return new Map();
  const r = await db().send(new BatchGetCommand({ RequestItems: { [T()]: { Keys: benefitIds.slice(0, 100).map((b) => keys.count(userId, b)) } } }));
  return new Map((r.Responses?.[T()] ?? []).map((row) => [keys.countBenefitOf(String(row.sk)), Number(row.n ?? 0)]));
}

/**
 * One unit of stock, taken on its own before the claim's transaction: the benefit row is the one item every
 * claimer shares, and a plain conditional update queues there instead of failing as a transaction conflict.
 * Never below zero. False when none is left.
 */
export async function reserveUnit(benefitId: string): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: T(),
        Key: keys.benefit(benefitId),
        UpdateExpression: 'SET stockLeft = stockLeft - :one ADD claimed :one',
        ConditionExpression: 'stockLeft > :zero',
        ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
      }),
    );
    return true;
  } catch (e) {
    if ((e as Error).name === 'ConditionalCheckFailedException') return false;
    throw e;
  }
}

/** Gives a reserved unit back when the claim itself could not be made (limit, points, a double tap's twin). */
export async function releaseUnit(benefitId: string, units = 1): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: T(),
      Key: keys.benefit(benefitId),
      UpdateExpression: 'ADD stockLeft :n, claimed :minus',
      ExpressionAttributeValues: { ':n': units, ':minus': -units },
    }),
  );
}

/** The claim's own writes (all the member's own rows): the idempotency record, the member's count, the code. */
export function claimItems(c: ClaimRow, limit: number, idem: string): Record<string, unknown>[] {
  return [
    idempotencyItem(c.userId, idem, c.claimedAt, { code: c.code }),
    {
      Update: {
        TableName: T(),
        Key: keys.count(c.userId, c.benefitId),
        UpdateExpression: 'ADD n :one',
        ConditionExpression: 'attribute_not_exists(n) OR n < :limit',
        ExpressionAttributeValues: { ':one': 1, ':limit': limit },
      },
    },
    { Put: { TableName: T(), Item: Claim.toItem(c), ConditionExpression: 'attribute_not_exists(pk)' } },
  ];
}

export async function idempotentClaim(userId: string, key: string): Promise<string | undefined> {
  return (await getIdempotency(userId, key))?.code;
}

export async function getClaim(code: string): Promise<ClaimRow | undefined> {
  const r = await db().send(new GetCommand({ TableName: T(), Key: keys.claim(code), ConsistentRead: true }));
  return r.Item ? Claim.fromItem(r.Item) : undefined;
}

export async function myClaims(userId: string, limit: number): Promise<ClaimRow[]> {
  return (await queryIndex('gsi1', keys.userClaimsPk(userId), { limit, newestFirst: true })).map(Claim.fromItem);
}

/** 核销: once, before it expires. */
export function redeemItems(c: ClaimRow, by: string, at: string, today: string, partnerId: string): Record<string, unknown>[] {
  return [
    {
      Update: {
        TableName: T(),
        Key: keys.claim(c.code),
        UpdateExpression: 'SET #s = :r, redeemedAt = :at, redeemedBy = :by',
        ConditionExpression: '#s = :c AND expiresOn >= :today AND partnerId = :pid',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':r': 'redeemed', ':c': 'claimed', ':at': at, ':by': by, ':today': today, ':pid': partnerId },
      },
    },
  ];
}

/** Members, newest first (admin). */
export async function listMembers(limit: number, cursor?: string) {
  const r = await db().send(
    new QueryCommand({
      TableName: T(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.membersPk },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, { partition: keys.membersPk, index: 'gsi1' }),
    }),
  );
  return { items: (r.Items ?? []).map(Card.fromItem), nextCursor: encodeCursor(r.LastEvaluatedKey) };
}
