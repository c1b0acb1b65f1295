import * as z from 'zod';
import { COMMENT_STATUSES, RESIDENCE_STATUSES, RESULTS_VISIBILITY, STORED_TOPIC_STATES, VOTE_KINDS, VOTE_OUTCOMES, fnv1a } from '@yx/shared';
import { parseRow, type Item } from './entity';
import { openFields, sealFields } from '../pii';

/**
 * 居民议事 (issue 19).
 * | residence        | USER#<userId>                 | RESIDENCE              | the community a person declared; gsi1 RESQ#<community> / <declaredAt>#<userId> while pending, RESIDENTS#<community> / <userId> while confirmed; ballotCloses: the closing times of the votes they cast a ballot in (a string set) |
 * | topic            | DTOPIC#<topicId>              | TOPIC                  | gsi1 CTOPICS#<community> / <raisedAt>#<topicId> (the community's list); gsi2 CTOPICQ#<community> / <raisedAt>#<topicId> while proposed; gsi3 VOTEDUE / <closesAt>#<topicId> while its vote waits for the final count |
 * | comment, reply   | DTOPIC#<topicId>              | C#<commentId>          | a reply's id is its parent's + `.` + its own, so a thread reads in order; gsi2 CMODQ#<community> / <at>#<topicId>#<commentId> while held |
 * | support          | DTOPIC#<topicId>              | S#<userId>#<commentId> | one per person per comment (conditional put); a person's supports in a topic are one Query |
 * | ballot           | DVOTE#<topicId>#<0–7>         | <userId>               | one per resident per topic (a put replaces it until the close); 8 partitions by the voter, so a thousand at once spread |
 * | topic figures    | COUNT#TOPIC#<topicId>         | STAT                   | the aggregator's: comments, voters, v_<option>, s_<commentId> (supports) |
 * | community figures| COUNT#COMMUNITY#<communityId> | STAT                   | the aggregator's: residents (confirmed) |
 * The figures rows start with COUNT# like the dashboards' (the reconciliation job rebuilds and checks every such row).
 */
export const VOTE_SHARDS = 8;
const shardOf = (userId: string) => fnv1a(userId) % VOTE_SHARDS;

export const keys = {
  residence: (userId: string) => ({ pk: `USER#${userId}`, sk: 'RESIDENCE' }),
  pendingPk: (communityId: string) => `RESQ#${communityId}`,
  residentsPk: (communityId: string) => `RESIDENTS#${communityId}`,
  topic: (id: string) => ({ pk: `DTOPIC#${id}`, sk: 'TOPIC' }),
  topicPk: (id: string) => `DTOPIC#${id}`,
  communityTopicsPk: (communityId: string) => `CTOPICS#${communityId}`,
  proposedPk: (communityId: string) => `CTOPICQ#${communityId}`,
  tallyDuePk: 'VOTEDUE',
  comment: (topicId: string, commentId: string) => ({ pk: `DTOPIC#${topicId}`, sk: `C#${commentId}` }),
  commentPrefix: 'C#',
  heldPk: (communityId: string) => `CMODQ#${communityId}`,
  support: (topicId: string, userId: string, commentId: string) => ({ pk: `DTOPIC#${topicId}`, sk: `S#${userId}#${commentId}` }),
  supportPrefix: (userId: string) => `S#${userId}#`,
  ballot: (topicId: string, userId: string) => ({ pk: `DVOTE#${topicId}#${shardOf(userId)}`, sk: userId }),
  ballotPks: (topicId: string) => Array.from({ length: VOTE_SHARDS }, (_, i) => `DVOTE#${topicId}#${i}`),
  topicStats: (topicId: string) => ({ pk: `COUNT#TOPIC#${topicId}`, sk: 'STAT' }),
  communityStats: (communityId: string) => ({ pk: `COUNT#COMMUNITY#${communityId}`, sk: 'STAT' }),
};

// ---- residence -------------------------------------------------------------------------------------------

const ResidenceSchema = z.object({
  userId: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  street: z.string(),
  /** the person's proven name and the address they gave: for the grid official who confirms */
  name: z.string(),
  address: z.string(),
  status: z.enum(RESIDENCE_STATUSES),
  how: z.enum(['address', 'official']).optional(),
  declaredAt: z.string(),
  decidedAt: z.string().optional(),
  decidedBy: z.string().optional(),
  decidedByName: z.string().optional(),
  reason: z.string().optional(),
  /**
   * The closing times of the votes the person cast a ballot in while living here (a string set, added by the ballot's
   * own transaction): while one is still open they may not move to another community or leave.
   */
  ballotCloses: z.preprocess((v) => (v instanceof Set ? [...v] : v), z.array(z.string()).optional()),
});
export type ResidenceRecord = z.output<typeof ResidenceSchema>;
/** Sealed at rest: the person's name and home address. */
const RESIDENCE_SEALED = ['name', 'address'] as const;

const residenceIndex = (r: Omit<ResidenceRecord, 'ballotCloses'>) =>
  r.status === 'pending'
    ? { gsi1pk: keys.pendingPk(r.communityId), gsi1sk: `${r.declaredAt}#${r.userId}` }
    : r.status === 'confirmed'
      ? { gsi1pk: keys.residentsPk(r.communityId), gsi1sk: r.userId }
      : {};

export const Residence = {
  Schema: ResidenceSchema,
  toItem: ({ ballotCloses, ...r }: ResidenceRecord): Item => ({
    ...keys.residence(r.userId),
    ...residenceIndex(r),
    entity: 'Residence',
    ...sealFields(r, RESIDENCE_SEALED, keys.residence(r.userId)),
    // a string set (the ballot's ADD); DynamoDB holds no empty set
    ...(ballotCloses?.length ? { ballotCloses: new Set(ballotCloses) } : {}),
  }),
  fromItem: (item: Item): ResidenceRecord => parseRow(ResidenceSchema, openFields(item, RESIDENCE_SEALED)),
  /** what the counters read: no sealed field opened (the aggregator holds no data keys) */
  figuresOf: (item: Item) => ({ communityId: String(item.communityId), confirmed: item.status === 'confirmed' }),
};

// ---- topics -------------------------------------------------------------------------------------------------

const VoteSchema = z.object({
  kind: z.enum(VOTE_KINDS),
  question: z.string(),
  options: z.array(z.object({ id: z.string(), label: z.string() })),
  maxPicks: z.number().optional(),
  opensAt: z.string(),
  closesAt: z.string(),
  quorumPercent: z.number(),
  resultsVisibility: z.enum(RESULTS_VISIBILITY),
});
const TallySchema = z.object({
  voters: z.number(),
  counts: z.record(z.string(), z.number()),
  eligible: z.number(),
  turnoutPercent: z.number(),
  quorumMet: z.boolean(),
  outcome: z.enum(VOTE_OUTCOMES),
  winners: z.array(z.string()),
  countedAt: z.string(),
});
const TopicSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  street: z.string(),
  title: z.string(),
  details: z.string(),
  raisedBy: z.string(),
  raisedByName: z.string(),
  raisedAt: z.string(),
  state: z.enum(STORED_TOPIC_STATES),
  version: z.number(),
  /** words of the filter the proposal holds: shown to its raiser and the officials only until opened */
  heldWords: z.array(z.string()).default([]),
  closesAt: z.string().optional(),
  openedAt: z.string().optional(),
  openedByName: z.string().optional(),
  declined: z.object({ reason: z.string(), at: z.string(), byName: z.string() }).optional(),
  vote: VoteSchema.optional(),
  result: TallySchema.optional(),
  response: z.object({ text: z.string(), at: z.string(), byName: z.string() }).optional(),
  followUps: z.array(z.object({ text: z.string(), at: z.string(), byName: z.string(), completes: z.boolean() })).default([]),
  workOrderNo: z.string().optional(),
  /** a reader making the final count holds it until then (others show 计票中 meanwhile; the job counts regardless) */
  countingUntil: z.string().optional(),
  updatedAt: z.string(),
});
export type TopicRecord = z.output<typeof TopicSchema>;
export type TallyRecord = z.output<typeof TallySchema>;
/** Sealed at rest: what the resident wrote (it may hold a phone or an address). */
const TOPIC_SEALED = ['details'] as const;

/** The index attributes a topic carries in its state: the community's list always, the officials' queue while proposed, the count's queue while a vote waits for it. */
export function topicIndex(t: Pick<TopicRecord, 'id' | 'communityId' | 'raisedAt' | 'state' | 'vote' | 'result'>): Item {
  return {
    gsi1pk: keys.communityTopicsPk(t.communityId),
    gsi1sk: `${t.raisedAt}#${t.id}`,
    ...(t.state === 'proposed' ? { gsi2pk: keys.proposedPk(t.communityId), gsi2sk: `${t.raisedAt}#${t.id}` } : {}),
    ...(t.vote && !t.result ? { gsi3pk: keys.tallyDuePk, gsi3sk: `${t.vote.closesAt}#${t.id}` } : {}),
  };
}

export const Topic = {
  Schema: TopicSchema,
  toItem: (t: TopicRecord): Item => ({ ...keys.topic(t.id), ...topicIndex(t), entity: 'DelibTopic', ...sealFields(t, TOPIC_SEALED, keys.topic(t.id)) }),
  fromItem: (item: Item): TopicRecord => parseRow(TopicSchema, openFields(item, TOPIC_SEALED)),
};

// ---- comments and supports -------------------------------------------------------------------------------------

const CommentSchema = z.object({
  id: z.string(),
  topicId: z.string(),
  communityId: z.string(),
  parentId: z.string().optional(),
  replyToName: z.string().optional(),
  authorId: z.string(),
  authorName: z.string(),
  official: z.boolean(),
  text: z.string(),
  at: z.string(),
  status: z.enum(COMMENT_STATUSES),
  /** held by the word filter (the words) or by an official */
  heldWords: z.array(z.string()).default([]),
  reason: z.string().optional(),
  moderatedAt: z.string().optional(),
  moderatedByName: z.string().optional(),
});
export type CommentRecord = z.output<typeof CommentSchema>;
const COMMENT_SEALED = ['text'] as const;

export const commentHeldIndex = (c: Pick<CommentRecord, 'communityId' | 'at' | 'topicId' | 'id' | 'status'>): Item =>
  c.status === 'held' ? { gsi2pk: keys.heldPk(c.communityId), gsi2sk: `${c.at}#${c.topicId}#${c.id}` } : {};

export const Comment = {
  Schema: CommentSchema,
  toItem: (c: CommentRecord): Item => ({
    ...keys.comment(c.topicId, c.id),
    ...commentHeldIndex(c),
    entity: 'DelibComment',
    ...sealFields(c, COMMENT_SEALED, keys.comment(c.topicId, c.id)),
  }),
  fromItem: (item: Item): CommentRecord => parseRow(CommentSchema, openFields(item, COMMENT_SEALED)),
  figuresOf: (item: Item) => ({ topicId: String(item.topicId), visible: item.status === 'visible' }),
};

export const Support = {
  toItem: (topicId: string, userId: string, commentId: string, at: string): Item => ({
    ...keys.support(topicId, userId, commentId),
    entity: 'DelibSupport',
    topicId,
    commentId,
    at,
  }),
  figuresOf: (item: Item) => ({ topicId: String(item.topicId), commentId: String(item.commentId) }),
  commentOf: (item: Item) => String(item.commentId),
};

// ---- ballots ---------------------------------------------------------------------------------------------------------

const BallotSchema = z.object({
  topicId: z.string(),
  userId: z.string(),
  communityId: z.string(),
  choices: z.array(z.string()),
  castAt: z.string(),
  firstAt: z.string(),
});
export type BallotRecord = z.output<typeof BallotSchema>;

export const Ballot = {
  Schema: BallotSchema,
  toItem: (b: BallotRecord): Item => ({ ...keys.ballot(b.topicId, b.userId), entity: 'DelibBallot', ...b }),
  fromItem: (item: Item): BallotRecord => parseRow(BallotSchema, item),
  figuresOf: (item: Item) => parseRow(BallotSchema.pick({ topicId: true, choices: true }), { topicId: item.topicId, choices: item.choices }),
};

/** The aggregator's figures rows: every numeric attribute a count. */
export const Figures = {
  fromItem: (item: Item | undefined): Record<string, number> =>
    Object.fromEntries(Object.entries(item ?? {}).filter(([, v]) => typeof v === 'number')) as Record<string, number>,
};
