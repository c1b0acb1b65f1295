import * as z from 'zod';
import { PUBLICATION_CATEGORY_IDS } from '@yx/shared';
import { parseRow, ttlAfter, type Item } from './entity';

/**
 * 政务公开 (issue 19): what departments publish, its history, the search index and the subscriptions.
 * | current        | PUB#<id>                  | PUB                      | the publication as it is now, its text and attachments |
 * | summary        | PUB#<id>                  | SUMMARY                  | what a list shows (no text); gsi1 `PUBCAT#<category>`, gsi3 `PUBALL` while published; gsi2 `PUBDEPT#<dept>` (published) or `PUBDEPTOFF#<dept>` (withdrawn); sort `<publishedOn>#<publishedAt>#<id>` |
 * | version        | PUB#<id>                  | V#<nnnnnn>               | immutable: each publish, edit and withdrawal (the history) |
 * | interpretation | PUB#<policyId>            | LINK#<publishedOn>#<id>  | an interpretation of this policy document, on the policy's partition (its detail reads them with itself) |
 * | index marks    | PUB#<id>                  | INDEX                    | which version the search index holds, versions being written, the worker's lease |
 * | told           | PUB#<id>                  | TOLD#<userId>            | a subscriber was told of it (once, whatever is redelivered); ttl 14 days |
 * | posting        | PUBTERM#<bigram>          | <sort>                   | the search index: a published item holding the bigram, with the words around it (`ctx`), `t` when in the title, `c` its category |
 * | subscriptions  | USER#<userId>             | PUBSUBS                  | a person's categories (a string set) |
 * | subscriber     | PUBSUB#<category>#<0–15>  | <userId>                 | the same, for the job telling a category's subscribers, sharded |
 * | to index       | PUBTODO                   | <id>                     | a save the worker has not yet indexed (and, for a publish, whose subscribers are owed): written in the save's transaction, deleted by the worker; the sweep queues one left over again |
 * A detail is one Query of its partition between `LINK#` and `PUB` (the current row and its interpretations' links;
 * `INDEX`, `SUMMARY`, `TOLD#` and `V#` sort outside that range).
 */
export const SUBSCRIBER_SHARDS = 16;
/** Days a 「told」 guard is kept: a redelivered message comes within minutes, never after this. */
export const TOLD_DAYS = 14;

/** A stable shard of a user id (FNV-1a). */
export function subscriberShard(userId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) {
    h ^= userId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % SUBSCRIBER_SHARDS;
}
const pad = (n: number) => String(n).padStart(6, '0');

/** Where a publication sorts in every list and in the index: its date, the instant it was first published, its id. */
export const sortKeyOf = (p: { publishedOn: string; publishedAt: string; id: string }) => `${p.publishedOn}#${p.publishedAt}#${p.id}`;

export const keys = {
  pubPk: (id: string) => `PUB#${id}`,
  current: (id: string) => ({ pk: `PUB#${id}`, sk: 'PUB' }),
  summary: (id: string) => ({ pk: `PUB#${id}`, sk: 'SUMMARY' }),
  version: (id: string, v: number) => ({ pk: `PUB#${id}`, sk: `V#${pad(v)}` }),
  versionPrefix: 'V#',
  /** the detail's range: the interpretations' links, then the current row */
  detailRange: { from: 'LINK#', to: 'PUB' },
  link: (policyId: string, interpretation: { publishedOn: string; id: string }) => ({
    pk: `PUB#${policyId}`,
    sk: `LINK#${interpretation.publishedOn}#${interpretation.id}`,
  }),
  linkPrefix: 'LINK#',
  indexMarks: (id: string) => ({ pk: `PUB#${id}`, sk: 'INDEX' }),
  told: (id: string, userId: string) => ({ pk: `PUB#${id}`, sk: `TOLD#${userId}` }),
  posting: (term: string, sort: string) => ({ pk: `PUBTERM#${term}`, sk: sort }),
  postingPk: (term: string) => `PUBTERM#${term}`,
  byCategory: (category: string) => `PUBCAT#${category}`,
  byDepartment: (department: string, withdrawn = false) => `${withdrawn ? 'PUBDEPTOFF' : 'PUBDEPT'}#${department}`,
  all: 'PUBALL',
  subscriptions: (userId: string) => ({ pk: `USER#${userId}`, sk: 'PUBSUBS' }),
  subscriber: (category: string, userId: string) => ({ pk: `PUBSUB#${category}#${subscriberShard(userId)}`, sk: userId }),
  subscribersPk: (category: string, shard: number) => `PUBSUB#${category}#${shard}`,
  /** a person's subscription rows, every category's (a few): what closing the account deletes */
  allSubscriptionRows: (userId: string): { pk: string; sk: string }[] => [
    keys.subscriptions(userId),
    ...PUBLICATION_CATEGORY_IDS.map((c) => keys.subscriber(c, userId)),
  ],
  toIndex: (id: string) => ({ pk: 'PUBTODO', sk: id }),
  toIndexPk: 'PUBTODO',
};

const Category = z.enum(PUBLICATION_CATEGORY_IDS);
const AttachmentSchema = z.object({
  fileId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  /** where the object is stored, and the version checked at upload: links show only it */
  key: z.string(),
  objectVersion: z.string().optional(),
});
export type AttachmentRecord = z.output<typeof AttachmentSchema>;

const PublicationSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(['published', 'withdrawn']),
  category: Category,
  title: z.string(),
  content: z.string(),
  docNo: z.string().optional(),
  publishedOn: z.string(),
  /** the instant it was first published (kept by edits: its place in the lists) */
  publishedAt: z.string(),
  department: z.string(),
  attachments: z.array(AttachmentSchema),
  interpretsId: z.string().optional(),
  validity: z.enum(['effective', 'repealed']).optional(),
  updatedAt: z.string(),
  /** the officer who saved this version (masked name) */
  savedBy: z.string(),
  savedById: z.string(),
  note: z.string().optional(),
  withdrawnReason: z.string().optional(),
  withdrawnAt: z.string().optional(),
});
export type PublicationRecord = z.output<typeof PublicationSchema>;

const SummarySchema = PublicationSchema.omit({ content: true, attachments: true, savedById: true }).extend({ attachmentCount: z.number().int() });
export type PublicationSummaryRecord = z.output<typeof SummarySchema>;

/** The list indexes of a summary: by category and for the whole district while published; by department either way. */
function listKeys(p: PublicationRecord) {
  const sort = sortKeyOf(p);
  if (p.status === 'withdrawn') return { gsi2pk: keys.byDepartment(p.department, true), gsi2sk: sort };
  return { gsi1pk: keys.byCategory(p.category), gsi1sk: sort, gsi2pk: keys.byDepartment(p.department), gsi2sk: sort, gsi3pk: keys.all, gsi3sk: sort };
}

export const Publication = {
  Schema: PublicationSchema,
  currentItem: (p: PublicationRecord): Item => ({ ...keys.current(p.id), entity: 'Publication', ...p }),
  versionItem: (p: PublicationRecord): Item => ({ ...keys.version(p.id, p.version), entity: 'PublicationVersion', ...p }),
  summaryItem: (p: PublicationRecord): Item => {
    const { content: _c, attachments, savedById: _s, ...rest } = p;
    return { ...keys.summary(p.id), ...listKeys(p), entity: 'PublicationSummary', ...rest, attachmentCount: attachments.length };
  },
  fromItem: (item: Item): PublicationRecord => parseRow(PublicationSchema, item),
  summaryFromItem: (item: Item): PublicationSummaryRecord => parseRow(SummarySchema, item),
};

const LinkSchema = z.object({
  id: z.string(),
  title: z.string(),
  category: Category,
  publishedOn: z.string(),
  department: z.string(),
  docNo: z.string().optional(),
});
export type PublicationLinkRecord = z.output<typeof LinkSchema>;
export const PublicationLinkRow = {
  Schema: LinkSchema,
  /** the interpretation `p`, on the partition of the policy it interprets */
  toItem: (policyId: string, p: PublicationRecord): Item => ({
    ...keys.link(policyId, p),
    entity: 'PublicationLink',
    id: p.id,
    title: p.title,
    category: p.category,
    publishedOn: p.publishedOn,
    department: p.department,
    ...(p.docNo ? { docNo: p.docNo } : {}),
  }),
  fromItem: (item: Item): PublicationLinkRecord => parseRow(LinkSchema, item),
};

const numbers = z.preprocess((v) => (v instanceof Set ? [...v] : (v ?? [])), z.array(z.number()));
const MarksSchema = z.object({
  /** the version the postings hold (published: its bigrams; withdrawn: none) */
  indexedVersion: z.number().int().optional(),
  /** versions whose postings are being written (a pass that stopped halfway leaves them here for the next one to clean) */
  pending: numbers,
  /** the worker holding the lease, and until when (ms) */
  lockedBy: z.string().optional(),
  lockedUntil: z.number().optional(),
  indexedAt: z.string().optional(),
});
export type IndexMarksRecord = z.output<typeof MarksSchema>;
export const IndexMarks = {
  Schema: MarksSchema,
  fromItem: (item: Item | undefined): IndexMarksRecord => parseRow(MarksSchema, item ?? { pending: [] }),
  entity: 'PublicationIndex',
};

const PostingSchema = z.object({ ctx: z.string(), t: z.number().optional(), c: z.string() });
export type PostingRecord = { sort: string; context: string; inTitle: boolean; category: string };

/** A posting of the search index: the item `sort` holds `term`, the words around it, in the title or not, its category. */
export const Posting = {
  toItem: (term: string, sort: string, e: { context: string; inTitle: boolean; category: string }): Item => ({
    ...keys.posting(term, sort),
    ctx: e.context,
    ...(e.inTitle ? { t: 1 } : {}),
    c: e.category,
  }),
  fromItem: (item: Item) => {
    const r = parseRow(PostingSchema, item);
    return { sort: String(item.sk), context: r.ctx, inTitle: r.t === 1, category: r.c };
  },
  /** the publication id at the end of a sort key */
  idOf: (sort: string) => sort.slice(sort.lastIndexOf('#') + 1),
};

export const Told = {
  toItem: (id: string, userId: string, at: string): Item => ({ ...keys.told(id, userId), entity: 'PublicationTold', at, ttl: ttlAfter(at, TOLD_DAYS) }),
};

const strings = z.preprocess((v) => (v instanceof Set ? [...v] : (v ?? [])), z.array(Category));
const SubscriptionsSchema = z.object({ categories: strings, updatedAt: z.string().optional() });
export const Subscriptions = {
  Schema: SubscriptionsSchema,
  fromItem: (item: Item | undefined) => parseRow(SubscriptionsSchema, item ?? { categories: [] }),
  entity: 'PublicationSubscriptions',
  subscriberItem: (category: string, userId: string, at: string): Item => ({
    ...keys.subscriber(category, userId),
    entity: 'PublicationSubscriber',
    userId,
    at,
  }),
  subscriberFromItem: (item: Item) => parseRow(z.object({ userId: z.string(), at: z.string() }), item),
};

const ToIndexSchema = z.object({
  id: z.string(),
  /** the newest save's version: the worker deletes the row once the index holds it (or a later one) */
  version: z.number().int(),
  category: Category,
  /** when that save was made: the sweep queues a row older than a few minutes again */
  at: z.string(),
  /** a publish: its subscribers are told when it is first indexed (kept by an edit before then) */
  notify: z.boolean().optional(),
});
export type ToIndexRecord = z.output<typeof ToIndexSchema>;
/** A save still to be indexed (a single small partition: a row lives seconds, from the save to the worker's pass). */
export const ToIndex = {
  entity: 'PublicationToIndex',
  /** a publish's row: its subscribers are owed the news */
  toItem: (p: PublicationRecord): Item => ({
    ...keys.toIndex(p.id),
    entity: 'PublicationToIndex',
    id: p.id,
    version: p.version,
    category: p.category,
    at: p.updatedAt,
    notify: true,
  }),
  fromItem: (item: Item): ToIndexRecord => parseRow(ToIndexSchema, item),
};
