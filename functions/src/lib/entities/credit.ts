import * as z from 'zod';
import { CREDIT_GRADES, RECORD_KIND_IDS, REVIEW_KIND_IDS, REVIEW_STATUS_IDS, SEVERITY_IDS, type RecordKind } from '@yx/shared';
import { parseRow, type Item } from './entity';
import { openFields, sealFields } from '../pii';

/**
 * 信用 (issue 20).
 * | credit record     | CREDREC#<code>           | REC#<k>#<yyyymmdd>#<id>   | 双公示 licences, penalties, honours; <k> l/p/h, so a kind reads newest first from the firm's own partition; gsi1 CREDPUB#<code>#<kind> / <decidedOn>#<id> only while published (the public pages page it); gsi2 CREDEXP#<leavesOn> / <code>#<id> while a published penalty waits to leave by itself |
 * | credit summary    | ENT#<code>               | CREDIT                    | what the grade job last computed: score, reasons, published counts, rules version |
 * | grade change      | ENT#<code>               | GRADE#<at>                | every change of grade with its reason (written with the grade in one transaction) |
 * | name index        | FIRMNAME#<bigram>        | <code>                    | a firm under each two characters of its name (the name search); written by the registry load |
 * | name index count  | FIRMNAMECNT#<bigram>     | N                         | how many firms a bigram names: the search reads the rarest bigram of the query |
 * | rating            | RATING#<code>            | <ratingId>                | ids sort by time; gsi1 RATINGS#<code> / <at>#<id> while shown; gsi2 RATEHELD / <at>#<code>#<id> while held |
 * | rating guard      | RATEGUARD#<code>         | <userId>                  | one rating per person and merchant within the window (conditional put) |
 * | merchant figures  | COUNT#MERCHANT#<code>    | STAT                      | the aggregator's: shown ratings, their star sum, s1…s5 |
 * | credit review     | CREDREV#<id>             | REV                       | 信用修复 / 信用异议; gsi1 CREDQ#<dept> / <deadline>#<id> while reviewing (the authority's queue); gsi2 FIRMCREDREV#<code> / <submittedAt>#<id> |
 */
const KIND_LETTER: Record<RecordKind, string> = { licence: 'l', penalty: 'p', honour: 'h' };
const LETTER_KIND: Record<string, RecordKind> = { l: 'licence', p: 'penalty', h: 'honour' };

/** A record's id carries its kind and decision date (`r_p20260315_x7k2`), so its key follows from the id alone. */
export const recordIdOf = (kind: RecordKind, decidedOn: string, suffix: string) => `r_${KIND_LETTER[kind]}${decidedOn.replace(/-/g, '')}_${suffix}`;
export function recordIdParts(id: string): { kind: RecordKind; date: string } | undefined {
  const m = /^r_([lph])(\d{8})_[A-Za-z0-9_-]+$/.exec(id);
  return m ? { kind: LETTER_KIND[m[1]], date: m[2] } : undefined;
}

export const keys = {
  record: (code: string, id: string) => {
    const p = recordIdParts(id);
    return { pk: `CREDREC#${code}`, sk: p ? `REC#${KIND_LETTER[p.kind]}#${p.date}#${id}` : `REC#?#${id}` };
  },
  recordsPk: (code: string) => `CREDREC#${code}`,
  recordKindPrefix: (kind: RecordKind) => `REC#${KIND_LETTER[kind]}#`,
  publicPk: (code: string, kind: RecordKind) => `CREDPUB#${code}#${kind}`,
  expiryPk: (date: string) => `CREDEXP#${date}`,
  summary: (code: string) => ({ pk: `ENT#${code}`, sk: 'CREDIT' }),
  gradeChange: (code: string, at: string) => ({ pk: `ENT#${code}`, sk: `GRADE#${at}` }),
  firmPk: (code: string) => `ENT#${code}`,
  gradeChangePrefix: 'GRADE#',
  nameEntry: (bigram: string, code: string) => ({ pk: `FIRMNAME#${bigram}`, sk: code }),
  namePk: (bigram: string) => `FIRMNAME#${bigram}`,
  nameCount: (bigram: string) => ({ pk: `FIRMNAMECNT#${bigram}`, sk: 'N' }),
  rating: (code: string, id: string) => ({ pk: `RATING#${code}`, sk: id }),
  ratingsPk: (code: string) => `RATING#${code}`,
  shownPk: (code: string) => `RATINGS#${code}`,
  heldPk: 'RATEHELD',
  ratingGuard: (code: string, userId: string) => ({ pk: `RATEGUARD#${code}`, sk: userId }),
  merchantStats: (code: string) => ({ pk: `COUNT#MERCHANT#${code}`, sk: 'STAT' }),
  review: (id: string) => ({ pk: `CREDREV#${id}`, sk: 'REV' }),
  reviewQueuePk: (dept: string) => `CREDQ#${dept}`,
  firmReviewsPk: (code: string) => `FIRMCREDREV#${code}`,
};

// ---- records -------------------------------------------------------------------------------------------------------

const CreditRecordSchema = z.object({
  id: z.string(),
  creditCode: z.string(),
  kind: z.enum(RECORD_KIND_IDS),
  decisionNo: z.string(),
  title: z.string(),
  basis: z.string().optional(),
  severity: z.enum(SEVERITY_IDS).optional(),
  authority: z.string(),
  /** the department that decided it: reviews its repairs and objections */
  authorityDept: z.string(),
  decidedOn: z.string(),
  validUntil: z.string().optional(),
  /** on the public profile now (the registry load and the jobs keep it; the indexes follow it) */
  published: z.boolean(),
  /** the day a published penalty leaves by itself */
  leavesOn: z.string().optional(),
  repairedAt: z.string().optional(),
  /** an upheld objection, or the maximum period passed */
  removedAt: z.string().optional(),
  removedWhy: z.enum(['objection', 'expired']).optional(),
  /** a repair or objection being checked */
  reviewing: z.enum(REVIEW_KIND_IDS).optional(),
});
export type CreditRecordRecord = z.output<typeof CreditRecordSchema>;

const recordIndexes = (r: CreditRecordRecord) =>
  r.published
    ? {
        gsi1pk: keys.publicPk(r.creditCode, r.kind),
        gsi1sk: `${r.decidedOn}#${r.id}`,
        ...(r.kind === 'penalty' && r.leavesOn ? { gsi2pk: keys.expiryPk(r.leavesOn), gsi2sk: `${r.creditCode}#${r.id}` } : {}),
      }
    : {};

export const CreditRecord = {
  Schema: CreditRecordSchema,
  toItem: (r: CreditRecordRecord): Item => ({ ...keys.record(r.creditCode, r.id), ...recordIndexes(r), entity: 'CreditRecord', ...r }),
  fromItem: (item: Item): CreditRecordRecord => parseRow(CreditRecordSchema, item),
  /** the index attributes a record has while published (an update that unpublishes REMOVEs them) */
  indexAttrs: ['gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'] as const,
};

// ---- grade ---------------------------------------------------------------------------------------------------------

const Grade = z.enum(CREDIT_GRADES);
const CreditSummarySchema = z.object({
  creditCode: z.string(),
  grade: Grade,
  score: z.number(),
  reasons: z.array(z.object({ recordId: z.string().optional(), points: z.number(), text: z.string(), advice: z.string().optional() })),
  counts: z.object({ licence: z.number(), penalty: z.number(), honour: z.number() }),
  rulesVersion: z.string(),
  computedAt: z.string(),
});
export type CreditSummaryRecord = z.output<typeof CreditSummarySchema>;
export const CreditSummary = {
  Schema: CreditSummarySchema,
  toItem: (s: CreditSummaryRecord): Item => ({ ...keys.summary(s.creditCode), entity: 'CreditSummary', ...s }),
  fromItem: (item: Item): CreditSummaryRecord => parseRow(CreditSummarySchema, item),
};

const GradeChangeSchema = z.object({ creditCode: z.string(), at: z.string(), from: Grade.nullable(), to: Grade, score: z.number(), reason: z.string() });
export type GradeChangeRecord = z.output<typeof GradeChangeSchema>;
export const GradeChange = {
  Schema: GradeChangeSchema,
  toItem: (g: GradeChangeRecord): Item => ({ ...keys.gradeChange(g.creditCode, g.at), entity: 'GradeChange', ...g }),
  fromItem: (item: Item): GradeChangeRecord => parseRow(GradeChangeSchema, item),
};

// ---- name index ----------------------------------------------------------------------------------------------------

export const NameEntry = {
  toItem: (bigram: string, code: string, name: string): Item => ({ ...keys.nameEntry(bigram, code), entity: 'FirmName', name }),
  fromItem: (item: Item) => ({ creditCode: String(item.sk), name: String(item.name) }),
};

// ---- ratings -------------------------------------------------------------------------------------------------------

const RatingSchema = z.object({
  id: z.string(),
  creditCode: z.string(),
  firmName: z.string(),
  userId: z.string(),
  /** masked when written (「张**」): a rater is never shown in full */
  rater: z.string(),
  stars: z.number().int().min(1).max(5),
  tags: z.array(z.string()),
  comment: z.string().optional(),
  at: z.string(),
  status: z.enum(['shown', 'held', 'removed']),
  heldFor: z.enum(['words', 'storm']).optional(),
  heldWords: z.array(z.string()).optional(),
  /** the rater's account was younger than the storm rule's age when they rated */
  newAccount: z.boolean(),
  reply: z.object({ text: z.string(), at: z.string(), by: z.string() }).optional(),
  moderatedBy: z.string().optional(),
  removedReason: z.string().optional(),
  idemKey: z.string().optional(),
});
export type RatingRecord = z.output<typeof RatingSchema>;
/** Sealed at rest: what a person wrote (it may name people or give a phone number). */
const RATING_SEALED = ['comment'] as const;

const ratingIndexes = (r: RatingRecord) =>
  r.status === 'shown'
    ? { gsi1pk: keys.shownPk(r.creditCode), gsi1sk: `${r.at}#${r.id}` }
    : r.status === 'held'
      ? { gsi2pk: keys.heldPk, gsi2sk: `${r.at}#${r.creditCode}#${r.id}` }
      : {};

export const Rating = {
  Schema: RatingSchema,
  toItem: (r: RatingRecord): Item => ({
    ...keys.rating(r.creditCode, r.id),
    ...ratingIndexes(r),
    entity: 'MerchantRating',
    ...sealFields(r, RATING_SEALED, keys.rating(r.creditCode, r.id)),
  }),
  fromItem: (item: Item): RatingRecord => parseRow(RatingSchema, openFields(item, RATING_SEALED)),
  /** what the counters read (no sealed field opened) */
  figuresOf: (item: Item) => ({ creditCode: String(item.creditCode), shown: item.status === 'shown', stars: Number(item.stars) }),
};

const RatingGuardSchema = z.object({
  creditCode: z.string(),
  userId: z.string(),
  ratingId: z.string(),
  at: z.string(),
  until: z.string(),
  idemKey: z.string().optional(),
});
export type RatingGuardRecord = z.output<typeof RatingGuardSchema>;
export const RatingGuard = {
  Schema: RatingGuardSchema,
  toItem: (g: RatingGuardRecord): Item => ({ ...keys.ratingGuard(g.creditCode, g.userId), entity: 'RatingGuard', ...g }),
  fromItem: (item: Item): RatingGuardRecord => parseRow(RatingGuardSchema, item),
};

// ---- reviews (信用修复, 信用异议) -------------------------------------------------------------------------------------

const CreditReviewSchema = z.object({
  id: z.string(),
  kind: z.enum(REVIEW_KIND_IDS),
  creditCode: z.string(),
  firmName: z.string(),
  recordId: z.string(),
  authorityDept: z.string(),
  text: z.string(),
  fileIds: z.array(z.string()),
  commitment: z.boolean(),
  applicantId: z.string(),
  /** 「陈*强（法定代表人）」, 「经办人 钱*东」 */
  applicant: z.string(),
  submittedAt: z.string(),
  receivedOn: z.string(),
  deadline: z.string(),
  status: z.enum(REVIEW_STATUS_IDS),
  version: z.number(),
  decidedAt: z.string().optional(),
  decidedBy: z.string().optional(),
  reason: z.string().optional(),
  idemKey: z.string().optional(),
});
export type CreditReviewRecord = z.output<typeof CreditReviewSchema>;
/** Sealed at rest: the firm's account of what it corrected, and the authority's reason. */
const REVIEW_SEALED = ['text', 'reason'] as const;

export const CreditReview = {
  Schema: CreditReviewSchema,
  toItem: (r: CreditReviewRecord): Item => ({
    ...keys.review(r.id),
    ...(r.status === 'reviewing' ? { gsi1pk: keys.reviewQueuePk(r.authorityDept), gsi1sk: `${r.deadline}#${r.id}` } : {}),
    gsi2pk: keys.firmReviewsPk(r.creditCode),
    gsi2sk: `${r.submittedAt}#${r.id}`,
    entity: 'CreditReview',
    ...sealFields(r, REVIEW_SEALED, keys.review(r.id)),
  }),
  fromItem: (item: Item): CreditReviewRecord => parseRow(CreditReviewSchema, openFields(item, REVIEW_SEALED)),
};
