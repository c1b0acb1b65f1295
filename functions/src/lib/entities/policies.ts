import * as z from 'zod';
import { PolicyBenefit, Condition } from '@yx/shared';
import { parseRow, type Item } from './entity';
import { fieldContext, open, seal } from '../pii';

/**
 * 政策超市 and 免申即享 (issue 17).
 * | policy version  | POLICY#<id>      | V#<nnnnnn>        | immutable: the policy as saved (a judgement, an offer or an application keeps its number) |
 * | current policy  | POLICY#<id>      | CURRENT           | the latest version and its status (published / withdrawn) |
 * | market index    | POLIDX           | <id>              | what browsing, search and matching read: the policy without its original text |
 * | index version   | POLIDX           | #META             | `version` grows with every save: a container's cached index is current while it matches |
 * | match run       | POLICY#<id>      | RUN#<itemId>      | the last 数据比对 of an item: shards done, firms compared, offers written |
 * | offer           | ENT#<creditCode> | OFFER#<itemId>    | 免申即享, one per firm per item; gsi1 `OFFERS#<itemId>` / `<status>#<creditCode>` (the department's batch) |
 * | declared fact   | ENT#<creditCode> | FACT#<fact>       | what the firm added, with its proof (企业自报) |
 * | claim           | ENT#<creditCode> | POLAPP#<itemId>   | the firm's application for a 依申请 item (one per item) |
 * | item figures    | POLSTAT          | <itemId>          | counters per offer state (`<status>_firms`, `<status>_yuan`), kept by the aggregator |
 * | topics          | USER#<userId>    | POLTOPICS         | the topics a person subscribed to |
 * | told            | POLICY#<id>      | TOLD#<userId>     | a subscriber was told of the policy (once, however many of its topics they follow) |
 * | topic follower  | TOPICSUB#<topic>#<shard> | <userId>  | the same, for the batch that tells subscribers of a new policy |
 * Firms' registry facts are on their `ENT#<creditCode>` / `PROFILE` row (identity's Enterprise), which is on gsi2 under
 * `FIRMS#<shard>` so the matching batch reads a shard of firms page by page.
 */
export const FIRM_SHARDS = 16;
export const TOPIC_SHARDS = 8;

/** A stable shard of a key (FNV-1a): firms and subscribers spread evenly over the batch's workers. */
export function shardOf(key: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % shards;
}
const pad = (n: number) => String(n).padStart(6, '0');

export const keys = {
  policyPk: (id: string) => `POLICY#${id}`,
  version: (id: string, v: number) => ({ pk: `POLICY#${id}`, sk: `V#${pad(v)}` }),
  versionPrefix: 'V#',
  current: (id: string) => ({ pk: `POLICY#${id}`, sk: 'CURRENT' }),
  indexPk: 'POLIDX',
  index: (id: string) => ({ pk: 'POLIDX', sk: id }),
  indexMeta: { pk: 'POLIDX', sk: '#META' },
  run: (policyId: string, itemId: string) => ({ pk: `POLICY#${policyId}`, sk: `RUN#${itemId}` }),
  firmPk: (creditCode: string) => `ENT#${creditCode}`,
  offer: (creditCode: string, itemId: string) => ({ pk: `ENT#${creditCode}`, sk: `OFFER#${itemId}` }),
  offerPrefix: 'OFFER#',
  offersIndex: (itemId: string) => `OFFERS#${itemId}`,
  fact: (creditCode: string, fact: string) => ({ pk: `ENT#${creditCode}`, sk: `FACT#${fact}` }),
  factPrefix: 'FACT#',
  claim: (creditCode: string, itemId: string) => ({ pk: `ENT#${creditCode}`, sk: `POLAPP#${itemId}` }),
  claimPrefix: 'POLAPP#',
  statPk: 'POLSTAT',
  stat: (itemId: string) => ({ pk: 'POLSTAT', sk: itemId }),
  topics: (userId: string) => ({ pk: `USER#${userId}`, sk: 'POLTOPICS' }),
  told: (policyId: string, userId: string) => ({ pk: `POLICY#${policyId}`, sk: `TOLD#${userId}` }),
  topicFollower: (topic: string, userId: string) => ({ pk: `TOPICSUB#${topic}#${shardOf(userId, TOPIC_SHARDS)}`, sk: userId }),
  topicFollowersPk: (topic: string, shard: number) => `TOPICSUB#${topic}#${shard}`,
  /** the gsi2 attributes of a firm's profile row */
  firmShard: (creditCode: string) => ({ gsi2pk: `FIRMS#${shardOf(creditCode, FIRM_SHARDS)}`, gsi2sk: creditCode }),
  firmShardPk: (shard: number) => `FIRMS#${shard}`,
};

const ItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  benefit: PolicyBenefit,
  conditions: z.array(Condition),
  validFrom: z.string(),
  validTo: z.string(),
  mode: z.enum(['auto', 'apply']),
  serviceItemId: z.string().optional(),
});
export type PolicyItemRecord = z.output<typeof ItemSchema>;

const PolicySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(['published', 'withdrawn']),
  title: z.string(),
  issuer: z.string(),
  docNo: z.string(),
  issuedOn: z.string(),
  text: z.string(),
  interpretation: z.string(),
  topics: z.array(z.string()),
  items: z.array(ItemSchema),
  savedAt: z.string(),
  savedBy: z.string(),
  note: z.string().optional(),
  withdrawnReason: z.string().optional(),
  withdrawnAt: z.string().optional(),
});
export type PolicyRecord = z.output<typeof PolicySchema>;

/** What the market reads of a policy: everything but the original text. */
export type PolicyIndexRecord = Omit<PolicyRecord, 'text'>;
const IndexSchema = PolicySchema.omit({ text: true });

export const Policy = {
  Schema: PolicySchema,
  versionItem: (p: PolicyRecord): Item => ({ ...keys.version(p.id, p.version), entity: 'PolicyVersion', ...p }),
  currentItem: (p: PolicyRecord): Item => ({ ...keys.current(p.id), entity: 'Policy', ...p }),
  indexItem: (p: PolicyRecord): Item => {
    const { text: _t, ...rest } = p;
    return { ...keys.index(p.id), entity: 'PolicyIndex', ...rest };
  },
  fromItem: (item: Item): PolicyRecord => parseRow(PolicySchema, item),
  indexFromItem: (item: Item): PolicyIndexRecord => parseRow(IndexSchema, item),
};

const RunSchema = z.object({
  runId: z.string(),
  policyId: z.string(),
  itemId: z.string(),
  policyVersion: z.number().int(),
  startedAt: z.string(),
  shards: z.number().int(),
  shardsDone: z.array(z.number().int()),
  firms: z.number().int(),
  offers: z.number().int(),
  finishedAt: z.string().optional(),
});
export type MatchRunRecord = z.output<typeof RunSchema>;
export const MatchRun = {
  Schema: RunSchema,
  toItem: (r: MatchRunRecord): Item => ({ ...keys.run(r.policyId, r.itemId), entity: 'PolicyMatchRun', ...r }),
  fromItem: (item: Item): MatchRunRecord => parseRow(RunSchema, item),
};

export const OFFER_STATUSES = ['offered', 'confirmed', 'approved', 'paid', 'declined', 'rejected', 'lapsed'] as const;
export type OfferStatusValue = (typeof OFFER_STATUSES)[number];

const OfferSchema = z.object({
  creditCode: z.string(),
  firmName: z.string(),
  itemId: z.string(),
  policyId: z.string(),
  policyVersion: z.number().int(),
  policyTitle: z.string(),
  itemTitle: z.string(),
  issuer: z.string(),
  amountYuan: z.number(),
  status: z.enum(OFFER_STATUSES),
  /** the facts compared, as judged (数据比对) */
  conditions: z.array(
    z.object({
      kind: z.string(),
      status: z.enum(['met', 'unmet', 'unknown']),
      text: z.string(),
      hint: z.string().optional(),
      declared: z.boolean().optional(),
      fact: z.string().optional(),
    }),
  ),
  runId: z.string(),
  offeredAt: z.string(),
  confirmBy: z.string(),
  confirmedAt: z.string().optional(),
  confirmedBy: z.string().optional(),
  confirmedById: z.string().optional(),
  /** the account the money goes to (sealed at rest) */
  account: z.object({ bank: z.string(), accountNo: z.string() }).optional(),
  approvedAt: z.string().optional(),
  approvedBy: z.string().optional(),
  paidAt: z.string().optional(),
  paidOn: z.string().optional(),
  paymentRef: z.string().optional(),
  rejectedReason: z.string().optional(),
  closedAt: z.string().optional(),
});
export type OfferRecord = z.output<typeof OfferSchema>;
const FiguresSchema = OfferSchema.pick({ itemId: true, status: true, amountYuan: true });
export type OfferFigures = z.output<typeof FiguresSchema>;

export const Offer = {
  Schema: OfferSchema,
  toItem: (o: OfferRecord): Item => {
    const key = keys.offer(o.creditCode, o.itemId);
    const { account, ...rest } = o;
    return {
      ...key,
      gsi1pk: keys.offersIndex(o.itemId),
      gsi1sk: `${o.status}#${o.creditCode}`,
      entity: 'PolicyOffer',
      ...rest,
      ...(account ? { account: seal(JSON.stringify(account), fieldContext(key, 'account')) } : {}),
    };
  },
  fromItem: (item: Item): OfferRecord => {
    const key = { pk: String(item.pk), sk: String(item.sk) };
    const sealed = item.account;
    const account = sealed === undefined ? undefined : JSON.parse(String(open(sealed, fieldContext(key, 'account'))));
    return parseRow(OfferSchema, { ...item, ...(account ? { account } : {}) });
  },
  /** what the counters read: no sealed field opened (the aggregator holds no data keys) */
  figuresOf: (item: Item): OfferFigures => parseRow(FiguresSchema, { itemId: item.itemId, status: item.status, amountYuan: item.amountYuan }),
  /** the index attribute of a status, for an update that moves the offer */
  indexSk: (status: OfferStatusValue, creditCode: string) => `${status}#${creditCode}`,
  sealAccount: (creditCode: string, itemId: string, account: { bank: string; accountNo: string }) =>
    seal(JSON.stringify(account), fieldContext(keys.offer(creditCode, itemId), 'account')),
};

const FactSchema = z.object({
  creditCode: z.string(),
  fact: z.enum(['headcount', 'revenue', 'taxPaid', 'qualifications']),
  value: z.union([z.number(), z.array(z.string())]),
  fileId: z.string(),
  fileIds: z.array(z.string()),
  declaredAt: z.string(),
  declaredBy: z.string(),
});
export type DeclaredFactRecord = z.output<typeof FactSchema>;
export const DeclaredFact = {
  Schema: FactSchema,
  toItem: (f: Omit<DeclaredFactRecord, 'fileIds'>): Item => ({ ...keys.fact(f.creditCode, f.fact), entity: 'FirmFact', ...f, fileIds: [f.fileId] }),
  fromItem: (item: Item): DeclaredFactRecord => parseRow(FactSchema, item),
};

const TopicsSchema = z.object({ userId: z.string(), topics: z.array(z.string()), creditCode: z.string().optional(), updatedAt: z.string() });
export type TopicsRecord = z.output<typeof TopicsSchema>;
export const Topics = {
  Schema: TopicsSchema,
  toItem: (t: TopicsRecord): Item => ({ ...keys.topics(t.userId), entity: 'PolicyTopics', ...t }),
  followerItem: (topic: string, t: TopicsRecord): Item => ({
    ...keys.topicFollower(topic, t.userId),
    entity: 'TopicFollower',
    userId: t.userId,
    ...(t.creditCode ? { creditCode: t.creditCode } : {}),
  }),
  fromItem: (item: Item): TopicsRecord => parseRow(TopicsSchema, item),
  followerFromItem: (item: Item) => parseRow(z.object({ userId: z.string(), creditCode: z.string().optional() }), item),
};

/** The figures of an item's offers by state (kept by the aggregator): `<status>_firms`, `<status>_yuan`. */
export const statAttrs = (status: OfferStatusValue, amountYuan: number) => ({ [`${status}_firms`]: 1, [`${status}_yuan`]: amountYuan });

const ClaimSchema = z.object({ creditCode: z.string(), itemId: z.string(), appNo: z.string(), at: z.string() });
export type ClaimRecord = z.output<typeof ClaimSchema>;
export const Claim = {
  Schema: ClaimSchema,
  toItem: (c: ClaimRecord): Item => ({ ...keys.claim(c.creditCode, c.itemId), entity: 'PolicyClaim', ...c }),
  fromItem: (item: Item): ClaimRecord => parseRow(ClaimSchema, item),
};
