import * as z from 'zod';
import { lazy } from '../api/lazy';
import { PageLimit } from '../api/paging';
import { CategoryId } from '../workorders/categories';
import { COMMUNITY_ID } from './communities';
import { COMMENT_ID, COMMENT_STATUSES, MODERATION_ACTIONS, RESIDENCE_STATUSES, RESULTS_VISIBILITY, TOPIC_STATES, VOTE_KINDS, VOTE_OUTCOMES } from './rules';

/**
 * 居民议事 (issue 19): the routes' shapes. A proven resident declares their community (confirmed by the address data or
 * a grid official of it); confirmed residents raise topics, comment, support comments and vote; the community's grid
 * officials open or decline topics, moderate, confirm residents, respond and follow up, and may turn a topic into a work
 * order. Topics and their discussion are seen only by the community's confirmed residents and its grid officials.
 */

export const TOPIC_ID = /^tp_[A-Za-z0-9]{10,24}$/;
const USER_ID = /^u-[A-Za-z0-9-]{1,60}$/;
const Cursor = lazy(() =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,800}$/, { message: '翻页位置不正确' })
    .optional(),
);
/** An instant with its offset, e.g. 2026-12-20T18:00:00+08:00 (what the pages send) or …Z. */
const Instant = (what: string) =>
  z
    .string({ message: `请选择${what}` })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, { message: `${what}格式不正确` })
    .refine((s) => !Number.isNaN(Date.parse(s)), { message: `${what}不存在` })
    .transform((s) => new Date(s).toISOString());
const Text = (what: string, min: number, max: number) =>
  z
    .string({ message: `请填写${what}` })
    .trim()
    .min(min, { message: `${what}至少 ${min} 个字` })
    .max(max, { message: `${what}不能超过 ${max} 个字` });

export const CommunityParams = lazy(() => z.strictObject({ communityId: z.string().regex(COMMUNITY_ID, { message: '社区编号不正确' }) }));
export const TopicParams = lazy(() => z.strictObject({ topicId: z.string().regex(TOPIC_ID, { message: '议题编号不正确' }) }));
export const CommentParams = lazy(() =>
  z.strictObject({
    topicId: z.string().regex(TOPIC_ID, { message: '议题编号不正确' }),
    commentId: z.string().regex(COMMENT_ID, { message: '评论编号不正确' }),
  }),
);
export const ResidentParams = lazy(() => z.strictObject({ userId: z.string().regex(USER_ID, { message: '居民编号不正确' }) }));

// ---- communities and residence ----------------------------------------------------------------------

export const CommunityList = lazy(() =>
  z.object({
    streets: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        communities: z.array(
          z.object({ id: z.string(), name: z.string(), /** address data known: a matching address is confirmed at once */ addressKnown: z.boolean() }),
        ),
      }),
    ),
  }),
);
export type CommunityList = z.infer<typeof CommunityList>;

export const DeclareResidenceRequest = lazy(() =>
  z.strictObject({
    communityId: z.string({ message: '请选择所在社区' }).regex(COMMUNITY_ID, { message: '社区编号不正确' }),
    address: Text('居住地址', 6, 80),
  }),
);
export type DeclareResidenceRequest = z.infer<typeof DeclareResidenceRequest>;

export const ResidenceView = lazy(() =>
  z.object({
    communityId: z.string(),
    communityName: z.string(),
    street: z.string(),
    streetName: z.string(),
    /** the owner's own address, in full */
    address: z.string(),
    status: z.enum(RESIDENCE_STATUSES),
    statusName: z.string(),
    /** how it was confirmed: by the address data at once, or by a grid official */
    how: z.enum(['address', 'official']).optional(),
    declaredAt: z.string(),
    decidedAt: z.string().optional(),
    decidedByName: z.string().optional(),
    reason: z.string().optional(),
  }),
);
export type ResidenceView = z.infer<typeof ResidenceView>;

export const MyResidence = lazy(() =>
  z.object({
    residence: ResidenceView.nullable(),
    /** a name proven by face (L2) is needed to declare and to take part */
    proven: z.boolean(),
  }),
);
export type MyResidence = z.infer<typeof MyResidence>;

export const ResidenceQueueQuery = lazy(() =>
  z.strictObject({ status: z.enum(['pending', 'confirmed'], { message: '没有这个列表' }).default('pending'), limit: PageLimit, cursor: Cursor }),
);
export const ResidenceQueue = lazy(() =>
  z.object({
    items: z.array(
      z.object({
        userId: z.string(),
        /** pending: the official confirming needs to know who and where, so name and address in full; confirmed: both masked */
        name: z.string(),
        address: z.string(),
        status: z.enum(RESIDENCE_STATUSES),
        statusName: z.string(),
        declaredAt: z.string(),
        decidedAt: z.string().optional(),
      }),
    ),
    nextCursor: z.string().nullable(),
  }),
);
export type ResidenceQueue = z.infer<typeof ResidenceQueue>;

export const ResidenceDecision = lazy(() =>
  z
    .strictObject({
      confirm: z.boolean({ message: '请选择确认或不予确认' }),
      reason: Text('原因', 2, 100).optional(),
    })
    .refine((b) => b.confirm || b.reason, { message: '不予确认时请写明原因', path: ['reason'] }),
);
export type ResidenceDecision = z.infer<typeof ResidenceDecision>;

/** The officials' 待办 figures are counted up to one above this: a larger queue reads as 99+ (`waitingLabel`). */
export const WAITING_CAP = 99;
/** A 待办 figure as shown: the number, or 99+ when the queue is longer than the count reads. */
export const waitingLabel = (n: number) => (n > WAITING_CAP ? `${WAITING_CAP}+` : String(n));

/** A grid official's community and what waits for them (each figure at most WAITING_CAP + 1: above WAITING_CAP, that many or more). */
export const OfficialCommunity = lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    street: z.string(),
    streetName: z.string(),
    pendingResidences: z.number(),
    heldComments: z.number(),
    proposedTopics: z.number(),
  }),
);
export type OfficialCommunity = z.infer<typeof OfficialCommunity>;

// ---- topics ------------------------------------------------------------------------------------------------

export const RaiseTopicRequest = lazy(() => z.strictObject({ title: Text('议题标题', 4, 40), details: Text('议题内容', 10, 1000) }));
export type RaiseTopicRequest = z.infer<typeof RaiseTopicRequest>;

export const VoteInput = lazy(() =>
  z
    .strictObject({
      kind: z.enum(VOTE_KINDS, { message: '请选择投票方式' }),
      question: Text('投票问题', 4, 60),
      /** single and multiple choice: the options' words (2–10) */
      options: z
        .array(Text('选项', 1, 30))
        .max(10, { message: '最多 10 个选项' })
        .optional(),
      maxPicks: z
        .number({ message: '最多可选应为数字' })
        .int()
        .min(2, { message: '最多可选至少 2 项' })
        .max(10, { message: '最多可选不超过 10 项' })
        .optional(),
      /** absent: now */
      opensAt: Instant('投票开始时间').optional(),
      closesAt: Instant('投票截止时间'),
      quorumPercent: z
        .number({ message: '参与率要求应为数字' })
        .int()
        .min(0, { message: '参与率要求不能小于 0' })
        .max(100, { message: '参与率要求不能大于 100' }),
      resultsVisibility: z.enum(RESULTS_VISIBILITY, { message: '请选择结果公布方式' }),
    })
    .refine((v) => v.kind === 'yesno' || (v.options?.length ?? 0) >= 2, { message: '单选和多选至少需要 2 个选项', path: ['options'] }),
);
export type VoteInput = z.infer<typeof VoteInput>;

export const OpenTopicRequest = lazy(() => z.strictObject({ closesAt: Instant('讨论截止时间'), vote: VoteInput.optional() }));
export type OpenTopicRequest = z.infer<typeof OpenTopicRequest>;
export const DeclineTopicRequest = lazy(() => z.strictObject({ reason: Text('不予采纳的原因', 4, 200) }));
export const RespondRequest = lazy(() => z.strictObject({ text: Text('处理结果', 4, 1000) }));
export const FollowUpRequest = lazy(() =>
  z.strictObject({ text: Text('落实情况', 4, 500), completes: z.boolean({ message: '请选择是否已全部落实' }).default(false) }),
);
export const TopicWorkOrderRequest = lazy(() => z.strictObject({ categoryId: CategoryId, description: Text('工单说明', 10, 500).optional() }));
export type TopicWorkOrderRequest = z.infer<typeof TopicWorkOrderRequest>;

export const TopicListQuery = lazy(() =>
  z.strictObject({ view: z.enum(['all', 'proposed'], { message: '没有这个列表' }).default('all'), limit: PageLimit, cursor: Cursor }),
);

export const VoteOptionView = lazy(() => z.object({ id: z.string(), label: z.string() }));
export const VoteView = lazy(() =>
  z.object({
    kind: z.enum(VOTE_KINDS),
    kindName: z.string(),
    question: z.string(),
    options: z.array(VoteOptionView),
    maxPicks: z.number(),
    opensAt: z.string(),
    closesAt: z.string(),
    quorumPercent: z.number(),
    resultsVisibility: z.enum(RESULTS_VISIBILITY),
    resultsVisibilityName: z.string(),
    phase: z.enum(['before', 'open', 'closed']),
    /** the caller's ballot, while it may be seen (always their own) */
    myChoices: z.array(z.string()).optional(),
    /** the caller may cast or change a ballot now */
    canVote: z.boolean(),
  }),
);
export type VoteView = z.infer<typeof VoteView>;

/** Numbers of a vote: running (live votes, from the counters, a few seconds behind) or the final count. */
export const VoteResultView = lazy(() =>
  z.object({
    final: z.boolean(),
    voters: z.number(),
    eligible: z.number().optional(),
    turnoutPercent: z.number().optional(),
    quorumMet: z.boolean().optional(),
    outcome: z.enum(VOTE_OUTCOMES).optional(),
    outcomeName: z.string().optional(),
    options: z.array(z.object({ id: z.string(), label: z.string(), count: z.number(), percent: z.number(), winner: z.boolean() })),
    /** the result in words (beside the chart, for screen readers too) */
    text: z.string(),
    countedAt: z.string().optional(),
  }),
);
export type VoteResultView = z.infer<typeof VoteResultView>;

export const TopicSummary = lazy(() =>
  z.object({
    id: z.string(),
    title: z.string(),
    state: z.enum(TOPIC_STATES),
    stateName: z.string(),
    raisedByName: z.string(),
    raisedAt: z.string(),
    closesAt: z.string().optional(),
    hasVote: z.boolean(),
    voteClosesAt: z.string().optional(),
    comments: z.number(),
    voters: z.number().optional(),
    mine: z.boolean(),
  }),
);
export type TopicSummary = z.infer<typeof TopicSummary>;

export const TopicList = lazy(() =>
  z.object({
    community: z.object({ id: z.string(), name: z.string(), streetName: z.string() }),
    /** the caller is a grid official of the community (may open, decline, moderate…) */
    official: z.boolean(),
    /** the caller may raise a topic (a confirmed resident with a proven name) */
    canRaise: z.boolean(),
    items: z.array(TopicSummary),
    nextCursor: z.string().nullable(),
  }),
);
export type TopicList = z.infer<typeof TopicList>;

export const TopicDetail = lazy(() =>
  TopicSummary.extend({
    communityId: z.string(),
    communityName: z.string(),
    details: z.string(),
    openedAt: z.string().optional(),
    openedByName: z.string().optional(),
    declined: z.object({ reason: z.string(), at: z.string(), byName: z.string() }).optional(),
    vote: VoteView.optional(),
    /** absent while the numbers may not be seen (a vote that publishes after closing, or one not yet open) */
    result: VoteResultView.optional(),
    /** after the close, until the final count is made (a minute) */
    counting: z.boolean(),
    response: z.object({ text: z.string(), at: z.string(), byName: z.string() }).optional(),
    followUps: z.array(z.object({ text: z.string(), at: z.string(), byName: z.string(), completes: z.boolean() })),
    workOrder: z.object({ no: z.string(), stateName: z.string(), teamName: z.string() }).optional(),
    official: z.boolean(),
    /** what the caller may do now */
    can: z.object({
      comment: z.boolean(),
      open: z.boolean(),
      decline: z.boolean(),
      respond: z.boolean(),
      followUp: z.boolean(),
      workOrder: z.boolean(),
    }),
  }),
);
export type TopicDetail = z.infer<typeof TopicDetail>;

// ---- discussion ------------------------------------------------------------------------------------------------

export const CommentRequest = lazy(() =>
  z.strictObject({
    text: Text('评论', 1, 500),
    /** a reply to this comment (a top-level one; a reply to a reply goes under the same comment) */
    replyTo: z.string().regex(COMMENT_ID, { message: '回复的评论编号不正确' }).optional(),
  }),
);
export type CommentRequest = z.infer<typeof CommentRequest>;

export const CommentView = lazy(() =>
  z.object({
    id: z.string(),
    parentId: z.string().optional(),
    replyToName: z.string().optional(),
    authorName: z.string(),
    /** a grid official's comment (shown as 网格员) */
    official: z.boolean(),
    /** absent for a removed comment, except to its author */
    text: z.string().optional(),
    status: z.enum(COMMENT_STATUSES),
    statusName: z.string(),
    at: z.string(),
    supports: z.number(),
    supportedByMe: z.boolean(),
    mine: z.boolean(),
    /** to the author (and to officials for a held one): why */
    reason: z.string().optional(),
  }),
);
export type CommentView = z.infer<typeof CommentView>;

export const CommentListQuery = lazy(() => z.strictObject({ limit: PageLimit, cursor: Cursor }));
export const CommentPage = lazy(() => z.object({ items: z.array(CommentView), nextCursor: z.string().nullable() }));
export type CommentPage = z.infer<typeof CommentPage>;

export const SupportView = lazy(() => z.object({ commentId: z.string(), supportedByMe: z.boolean() }));
export type SupportView = z.infer<typeof SupportView>;

export const ModerateRequest = lazy(() =>
  z
    .strictObject({ action: z.enum(MODERATION_ACTIONS, { message: '请选择处理方式' }), reason: Text('原因', 2, 100).optional() })
    .refine((b) => b.action !== 'remove' || b.reason, { message: '移除评论时请写明原因', path: ['reason'] }),
);
export type ModerateRequest = z.infer<typeof ModerateRequest>;

export const ModerationQueue = lazy(() =>
  z.object({
    items: z.array(CommentView.extend({ topicId: z.string(), topicTitle: z.string(), heldWords: z.array(z.string()) })),
    nextCursor: z.string().nullable(),
  }),
);
export type ModerationQueue = z.infer<typeof ModerationQueue>;

// ---- votes ------------------------------------------------------------------------------------------------------

export const BallotRequest = lazy(() =>
  z.strictObject({
    choices: z
      .array(z.string().regex(/^[a-z0-9]{1,10}$/, { message: '选项编号不正确' }), { message: '请选择投票选项' })
      .min(1, { message: '请至少选择一项' })
      .max(10, { message: '最多选择 10 项' }),
  }),
);
export type BallotRequest = z.infer<typeof BallotRequest>;

export const BallotView = lazy(() => z.object({ topicId: z.string(), choices: z.array(z.string()), castAt: z.string(), changed: z.boolean() }));
export type BallotView = z.infer<typeof BallotView>;

export const TopicLinkView = lazy(() =>
  z.object({ topicId: z.string(), workOrder: z.object({ no: z.string(), stateName: z.string(), teamName: z.string() }) }),
);
export type TopicLinkView = z.infer<typeof TopicLinkView>;
