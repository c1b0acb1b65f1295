/** 信用 (issue 20): the contract of the credit profile, the merchant credit code, ratings and credit repair (zod). */
import * as z from 'zod';
import { lazy } from '../api/lazy';
import { PageLimit } from '../api/paging';
import { CreditGrade } from '../apply/tolerance';
import { CreditCode } from '../identity/schema';
import { RATING_RULES, RATING_TAGS, RECORD_KIND_IDS, REVIEW_KIND_IDS, REVIEW_STATUS_IDS, SEVERITY_IDS } from './rules';

const Cursor = lazy(() => z.string().max(600, { message: '翻页位置不正确' }).optional());
const RecordId = lazy(() => z.string().regex(/^r_[A-Za-z0-9_-]{4,64}$/, { message: '信用信息编号不正确' }));
const RatingId = lazy(() => z.string().regex(/^rt_[A-Za-z0-9_-]{4,64}$/, { message: '评价编号不正确' }));
const ReviewId = lazy(() => z.string().regex(/^cr_[A-Za-z0-9_-]{4,64}$/, { message: '申请编号不正确' }));
const FileId = lazy(() => z.string().regex(/^f_[A-Za-z0-9_-]{8,64}$/, { message: '文件编号不正确' }));
const Version = lazy(() => z.number({ message: '版本号应为数字' }).int().min(1));
/** The poster's proof of a scan: what the QR code carries besides the firm's code (see the poster's signature). */
const Scan = lazy(() => z.string({ message: '请扫描商户的信用码后再评价' }).regex(/^[A-Za-z0-9_-]{16,64}$/, { message: '请扫描商户的信用码后再评价' }));

export const FirmParams = lazy(() => z.strictObject({ creditCode: CreditCode }));
export const RatingParams = lazy(() => z.strictObject({ creditCode: CreditCode, ratingId: RatingId }));
export const ReviewParams = lazy(() => z.strictObject({ id: ReviewId }));
export const OwnRatingParams = lazy(() => z.strictObject({ ratingId: RatingId }));

/** GET /v1/credit/firms?q=: by name (any two characters of it) or by the whole code. */
export const FirmSearchQuery = lazy(() =>
  z.strictObject({
    q: z.string({ message: '请输入企业名称或统一社会信用代码' }).trim().min(2, { message: '请至少输入两个字' }).max(40, { message: '最多输入 40 个字' }),
  }),
);
export type FirmSearchQuery = z.input<typeof FirmSearchQuery>;

/** GET /v1/credit/firms/{code}/records: one kind, newest first, a page at a time. */
export const RecordsQuery = lazy(() =>
  z.strictObject({
    kind: z.enum(RECORD_KIND_IDS, { message: '信息类别应为行政许可、行政处罚或守信激励' }).default('licence'),
    cursor: Cursor,
    limit: PageLimit,
  }),
);
export type RecordsQuery = z.input<typeof RecordsQuery>;
export const RatingsQuery = lazy(() => z.strictObject({ cursor: Cursor, limit: PageLimit }));
export type RatingsQuery = z.input<typeof RatingsQuery>;
export const CreditQueueQuery = lazy(() => z.strictObject({ cursor: Cursor, limit: PageLimit }));
export type CreditQueueQuery = z.input<typeof CreditQueueQuery>;

/** POST /v1/credit/firms/{code}/ratings (Idempotency-Key): after a visit, proven by the code the poster carries. */
export const MerchantRatingRequest = lazy(() =>
  z.strictObject({
    scan: Scan,
    stars: z
      .number({ message: '请选择 1 到 5 颗星' })
      .int({ message: '请选择 1 到 5 颗星' })
      .min(1, { message: '请选择 1 到 5 颗星' })
      .max(5, { message: '请选择 1 到 5 颗星' }),
    tags: z
      .array(z.enum(RATING_TAGS, { message: '评价标签不正确' }))
      .max(RATING_RULES.tagsMax, { message: `最多选择 ${RATING_RULES.tagsMax} 个标签` })
      .refine((t) => new Set(t).size === t.length, { message: '标签重复了' })
      .default([]),
    comment: z
      .string()
      .trim()
      .max(RATING_RULES.commentMax, { message: `评价内容最多 ${RATING_RULES.commentMax} 个字` })
      .optional(),
  }),
);
export type MerchantRatingRequest = z.input<typeof MerchantRatingRequest>;

/** POST …/ratings/{ratingId}/reply: the merchant answers a rating once. */
export const RatingReplyRequest = lazy(() =>
  z.strictObject({
    text: z
      .string({ message: '请填写回复内容' })
      .trim()
      .min(2, { message: '回复至少 2 个字' })
      .max(RATING_RULES.replyMax, { message: `回复最多 ${RATING_RULES.replyMax} 个字` }),
  }),
);
export type RatingReplyRequest = z.input<typeof RatingReplyRequest>;

/** POST /v1/staff/credit/ratings/{code}/{ratingId}/moderate: release a held rating, or remove it with a reason. */
export const ModerateRatingRequest = lazy(() =>
  z
    .strictObject({
      action: z.enum(['release', 'remove'], { message: '请选择恢复显示或移除' }),
      reason: z.string().trim().min(2, { message: '请写明移除的原因' }).max(100).optional(),
    })
    .refine((b) => b.action === 'release' || b.reason, { message: '请写明移除的原因', path: ['reason'] }),
);
export type ModerateRatingRequest = z.input<typeof ModerateRatingRequest>;

/** POST /v1/credit/firms/{code}/reviews (Idempotency-Key): 信用修复 of a penalty, or 信用异议 to any published record. */
export const CreditReviewRequest = lazy(() =>
  z
    .strictObject({
      kind: z.enum(REVIEW_KIND_IDS, { message: '请选择信用修复或信用异议' }),
      recordId: RecordId,
      text: z
        .string({ message: '请说明理由' })
        .trim()
        .min(10, { message: '请写明纠正失信行为的情况或异议的理由（至少 10 个字）' })
        .max(1000, { message: '最多 1000 个字' }),
      files: z.array(FileId).min(1, { message: '请上传证明材料（PDF），如整改报告、缴纳罚款凭证' }).max(10, { message: '最多上传 10 个文件' }),
      /** 信用修复承诺书: the firm promises the facts are true and it will keep the law */
      commitment: z.boolean().optional(),
    })
    .refine((b) => b.kind !== 'repair' || b.commitment === true, { message: '申请信用修复须签署信用修复承诺', path: ['commitment'] }),
);
export type CreditReviewRequest = z.input<typeof CreditReviewRequest>;

/** POST /v1/staff/credit/reviews/{id}/decision: the authority approves, or refuses with a reason the firm is told. */
export const CreditDecisionRequest = lazy(() =>
  z
    .strictObject({
      version: Version,
      approve: z.boolean({ message: '请选择同意或不同意' }),
      reason: z.string().trim().min(2, { message: '请写明理由' }).max(500, { message: '理由最多 500 个字' }).optional(),
    })
    .refine((b) => b.approve || b.reason, { message: '不同意时请写明理由，企业会收到通知', path: ['reason'] }),
);
export type CreditDecisionRequest = z.input<typeof CreditDecisionRequest>;

// ——— what the pages see ———

const RecordStatus = lazy(() => z.enum(['published', 'repaired', 'expired', 'removed', 'hidden']));

export const CreditRecordView = lazy(() =>
  z.object({
    id: z.string(),
    kind: z.enum(RECORD_KIND_IDS),
    /** 决定文书号 */
    decisionNo: z.string(),
    /** 许可/处罚内容, 荣誉名称 */
    title: z.string(),
    /** 处罚依据 */
    basis: z.string().optional(),
    severity: z.enum(SEVERITY_IDS).optional(),
    authority: z.string(),
    decidedOn: z.string(),
    /** a licence's end date; `valid` says whether it is still in force today */
    validUntil: z.string().optional(),
    valid: z.boolean().optional(),
    status: RecordStatus,
    /** 异议处理中 shows on the public page while an objection is checked */
    reviewing: z.boolean(),
    /** the firm's own people: when it may be repaired and when it leaves */
    repairableFrom: z.string().optional(),
    leavesOn: z.string().optional(),
    repairedAt: z.string().optional(),
    /** the firm's own people: the server's word (its date) on whether a repair may be asked for today */
    repairable: z.boolean().optional(),
    /** the firm's own people: what is being checked on it */
    reviewKind: z.enum(REVIEW_KIND_IDS).optional(),
  }),
);
export type CreditRecordView = z.infer<typeof CreditRecordView>;
export const CreditRecordPage = lazy(() => z.object({ items: z.array(CreditRecordView), cursor: z.string().optional() }));
export type CreditRecordPage = z.infer<typeof CreditRecordPage>;

export const RatingView = lazy(() =>
  z.object({
    id: z.string(),
    /** 「张**」: a rater is never named in full */
    rater: z.string(),
    stars: z.number(),
    tags: z.array(z.string()),
    comment: z.string().optional(),
    at: z.string(),
    status: z.enum(['shown', 'held', 'removed']),
    /** why a rating waits (the author and the moderators see it) */
    heldFor: z.enum(['words', 'storm']).optional(),
    reply: z.object({ text: z.string(), at: z.string() }).optional(),
    mine: z.boolean().optional(),
  }),
);
export type RatingView = z.infer<typeof RatingView>;
export const RatingPage = lazy(() => z.object({ items: z.array(RatingView), cursor: z.string().optional() }));
export type RatingPage = z.infer<typeof RatingPage>;

export const RatingSummary = lazy(() =>
  z.object({
    average: z.number().nullable(),
    count: z.number(),
    /** how many shown ratings gave 1, 2, 3, 4, 5 stars */
    stars: z.array(z.number()).length(5),
  }),
);
export type RatingSummary = z.infer<typeof RatingSummary>;

export const GradeReasonView = lazy(() => z.object({ recordId: z.string().optional(), points: z.number(), text: z.string(), advice: z.string().optional() }));
export const GradeChangeView = lazy(() => z.object({ at: z.string(), from: CreditGrade.nullable(), to: CreditGrade, score: z.number(), reason: z.string() }));
export type GradeChangeView = z.infer<typeof GradeChangeView>;

export const CreditProfileView = lazy(() =>
  z.object({
    firm: z.object({
      creditCode: z.string(),
      name: z.string(),
      /** masked for everyone but the firm's own people */
      legalRepresentative: z.string(),
      registeredOn: z.string().optional(),
      address: z.string().optional(),
      street: z.string().optional(),
      industry: z.string().optional(),
    }),
    grade: z.object({ grade: CreditGrade, computedAt: z.string().optional(), rulesVersion: z.string(), rulesName: z.string() }),
    /** published records by kind (penalties: still published) */
    counts: z.object({ licence: z.number(), penalty: z.number(), honour: z.number() }),
    /** the newest few of each kind; penalties of the last 3 years only */
    licences: z.array(CreditRecordView),
    penalties: z.array(CreditRecordView),
    honours: z.array(CreditRecordView),
    rating: RatingSummary,
    recentRatings: z.array(RatingView),
    /** the signed-in person has rated within the window: until when they may not again */
    myRating: z.object({ at: z.string(), nextOn: z.string() }).optional(),
    /** only for the firm's own people */
    own: z
      .object({
        score: z.number(),
        reasons: z.array(GradeReasonView),
        history: z.array(GradeChangeView),
        openReviews: z.number(),
      })
      .optional(),
  }),
);
export type CreditProfileView = z.infer<typeof CreditProfileView>;

export const FirmSearchResult = lazy(() =>
  z.object({
    items: z.array(z.object({ creditCode: z.string(), name: z.string(), grade: CreditGrade, street: z.string().optional() })),
    /** more firms match than shown: type more of the name */
    more: z.boolean(),
  }),
);
export type FirmSearchResult = z.infer<typeof FirmSearchResult>;

export const CreditReviewView = lazy(() =>
  z.object({
    id: z.string(),
    kind: z.enum(REVIEW_KIND_IDS),
    creditCode: z.string(),
    firmName: z.string(),
    record: CreditRecordView,
    text: z.string(),
    files: z.array(z.object({ id: z.string(), name: z.string(), url: z.string().optional() })),
    commitment: z.boolean(),
    status: z.enum(REVIEW_STATUS_IDS),
    submittedAt: z.string(),
    receivedOn: z.string(),
    deadline: z.string(),
    light: z.enum(['green', 'yellow', 'red']).optional(),
    remainingDays: z.number().optional(),
    decidedAt: z.string().optional(),
    decidedBy: z.string().optional(),
    reason: z.string().optional(),
    /** who asked: 「陈*强（法定代表人）」 */
    applicant: z.string(),
    version: z.number(),
  }),
);
export type CreditReviewView = z.infer<typeof CreditReviewView>;
export const CreditReviewPage = lazy(() => z.object({ items: z.array(CreditReviewView), cursor: z.string().optional() }));
export type CreditReviewPage = z.infer<typeof CreditReviewPage>;

export const HeldRatingPage = lazy(() =>
  z.object({
    items: z.array(RatingView.extend({ creditCode: z.string(), firmName: z.string(), heldWords: z.array(z.string()) })),
    cursor: z.string().optional(),
  }),
);
export type HeldRatingPage = z.infer<typeof HeldRatingPage>;

export const GradeRulesView = lazy(() =>
  z.object({
    version: z.string(),
    name: z.string(),
    words: z.array(z.string()),
    publication: z.array(z.object({ severity: z.string(), minMonths: z.number().nullable(), maxMonths: z.number().nullable() })),
    review: z.array(z.object({ kind: z.string(), days: z.number() })),
    rating: z.object({ windowDays: z.number(), tags: z.array(z.string()) }),
  }),
);
export type GradeRulesView = z.infer<typeof GradeRulesView>;

export const MyRatingView = lazy(() => z.object({ rating: RatingView.nullable(), nextOn: z.string().nullable() }));
export type MyRatingView = z.infer<typeof MyRatingView>;

/** The printable poster: a short-lived link to its PDF, and the address its QR code opens. */
export const PosterView = lazy(() => z.object({ url: z.string(), version: z.number(), scanUrl: z.string() }));
export type PosterView = z.infer<typeof PosterView>;
