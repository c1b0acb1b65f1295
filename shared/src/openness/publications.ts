import * as z from 'zod';
import { lazy } from '../api/lazy';
import { PageLimit } from '../api/paging';
import { dayNumber } from '../calendar/date';
import { queryTerms, type HighlightPart } from './search';

/**
 * 政务公开 (issue 19): what departments publish on their own initiative — notices, policy documents and their
 * interpretations, school catchment areas and lottery results, food-safety warnings — with a category, the department (the
 * officer's posting, never the body), a date, PDF attachments and, for an interpretation, the policy document it explains.
 * Residents browse by category or department, search the full text, and subscribe to categories.
 */

/** The categories, as data: the id in English, the name people read, and what belongs there (the publish form's hint). */
export const PUBLICATION_CATEGORIES = [
  { id: 'notice', name: '通知公告', hint: '工作通知、公告、公示，如停水停电、征求意见、评选公示' },
  { id: 'policy', name: '政策文件', hint: '规范性文件和政策措施，写明文号和效力状态' },
  { id: 'interpretation', name: '政策解读', hint: '用群众听得懂的话解读一份政策文件，并关联该文件' },
  { id: 'catchment', name: '划片招生', hint: '义务教育阶段学校招生地段划分、招生办法' },
  { id: 'lottery', name: '摇号结果', hint: '民办学校电脑派位、公租房等摇号的结果公示' },
  { id: 'food-safety', name: '食品安全预警', hint: '食品安全风险预警、消费提示、抽检不合格情况' },
] as const;
export type PublicationCategory = (typeof PUBLICATION_CATEGORIES)[number]['id'];
export const PUBLICATION_CATEGORY_IDS = PUBLICATION_CATEGORIES.map((c) => c.id) as [PublicationCategory, ...PublicationCategory[]];
export const PUBLICATION_CATEGORY_NAMES = Object.fromEntries(PUBLICATION_CATEGORIES.map((c) => [c.id, c.name])) as Record<PublicationCategory, string>;

/** 效力状态 of a policy document: in force, or repealed (已废止: still published, marked so). */
export const PUBLICATION_VALIDITY = { effective: '有效', repealed: '已废止' } as const;
export type PublicationValidity = keyof typeof PUBLICATION_VALIDITY;

export const PUBLICATION_STATUS = { published: '已发布', withdrawn: '已撤回' } as const;
export type PublicationStatus = keyof typeof PUBLICATION_STATUS;

export const PUBLICATION_ID = /^pb_[A-Za-z0-9]{10,16}$/;
export const PUBLICATION_LIMITS = { titleMin: 4, titleMax: 80, contentMin: 10, contentMax: 20_000, attachments: 10, searchMax: 30 } as const;

const Day = lazy(() =>
  z
    .string({ message: '请填写发布日期' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
    .refine((d) => dayNumber(d) !== null, { message: '日期不存在' }),
);
const Category = lazy(() => z.enum(PUBLICATION_CATEGORY_IDS, { message: '请选择栏目（通知公告、政策文件、政策解读、划片招生、摇号结果、食品安全预警）' }));
const PublicationId = lazy(() => z.string({ message: '缺少信息编号' }).regex(PUBLICATION_ID, { message: '信息编号不正确' }));
const FileId = lazy(() => z.string().regex(/^f_[A-Za-z0-9_-]{8,64}$/, { message: '附件编号不正确，请重新上传' }));
const Version = lazy(() => z.number({ message: '缺少所编辑的版本号，请刷新后再试' }).int().min(1).max(1_000_000));

const inputShape = () => ({
  category: Category,
  title: z
    .string({ message: '请填写标题' })
    .trim()
    .min(PUBLICATION_LIMITS.titleMin, { message: `标题至少 ${PUBLICATION_LIMITS.titleMin} 个字` })
    .max(PUBLICATION_LIMITS.titleMax, { message: `标题不能超过 ${PUBLICATION_LIMITS.titleMax} 个字` }),
  /** the text as published (plain text; blank lines part paragraphs) */
  content: z
    .string({ message: '请填写正文' })
    .trim()
    .min(PUBLICATION_LIMITS.contentMin, { message: `正文至少 ${PUBLICATION_LIMITS.contentMin} 个字` })
    .max(PUBLICATION_LIMITS.contentMax, { message: `正文不能超过 ${PUBLICATION_LIMITS.contentMax.toLocaleString('en-US')} 字` }),
  /** 文号, e.g. 越教〔2026〕12号 */
  docNo: z.string().trim().min(4, { message: '文号至少 4 个字' }).max(40, { message: '文号不能超过 40 个字' }).optional(),
  /** the date on the document (today when left out); never later than today */
  publishedOn: Day.optional(),
  /** PDFs uploaded through the files API by the publishing officer */
  attachments: z
    .array(FileId, { message: '附件应为文件列表' })
    .max(PUBLICATION_LIMITS.attachments, { message: `附件最多 ${PUBLICATION_LIMITS.attachments} 个` })
    .optional(),
  /** 政策解读 only: the policy document (a published 政策文件) it interprets */
  interpretsId: PublicationId.optional(),
  /** 政策文件 only: 有效 (the default) or 已废止 */
  validity: z.enum(['effective', 'repealed'], { message: '效力状态应为有效或已废止' }).optional(),
});

function checkInput(p: { category: PublicationCategory; attachments?: string[]; interpretsId?: string; validity?: string }, ctx: z.core.$RefinementCtx) {
  if (p.interpretsId && p.category !== 'interpretation')
    ctx.addIssue({ code: 'custom', message: '只有政策解读可以关联所解读的政策文件', path: ['interpretsId'] });
  if (p.category === 'interpretation' && !p.interpretsId)
    ctx.addIssue({ code: 'custom', message: '请选择这篇解读所解读的政策文件（须先发布该文件）', path: ['interpretsId'] });
  if (p.validity && p.category !== 'policy') ctx.addIssue({ code: 'custom', message: '只有政策文件有效力状态', path: ['validity'] });
  const files = p.attachments ?? [];
  if (new Set(files).size !== files.length) ctx.addIssue({ code: 'custom', message: '同一个附件重复添加了', path: ['attachments'] });
}

/** POST /v1/staff/publications: what the officer writes (the department comes from their posting; Idempotency-Key). */
export const NewPublication = lazy(() => z.strictObject(inputShape()).superRefine(checkInput));
export type NewPublication = z.input<typeof NewPublication>;

/** PUT /v1/staff/publications/{id}: the item as edited and the version edited (another save since: 409); a new version. */
export const EditPublication = lazy(() =>
  z
    .strictObject({
      ...inputShape(),
      expectedVersion: Version,
      note: z.string().trim().max(60, { message: '修改说明不能超过 60 个字' }).optional(),
    })
    .superRefine(checkInput),
);
export type EditPublication = z.input<typeof EditPublication>;

/** POST /v1/staff/publications/{id}/withdraw: 撤回, with the reason kept in the history. */
export const WithdrawPublication = lazy(() =>
  z.strictObject({
    reason: z.string({ message: '请写明撤回原因' }).trim().min(4, { message: '撤回原因至少 4 个字' }).max(200, { message: '撤回原因不能超过 200 个字' }),
    expectedVersion: Version,
  }),
);
export type WithdrawPublication = z.input<typeof WithdrawPublication>;

export const PublicationParams = lazy(() => z.strictObject({ id: PublicationId }));
/** PUT /v1/me/publication-subscriptions: one category on or off (doing it twice changes nothing). */
export const SubscriptionRequest = lazy(() =>
  z.strictObject({ category: Category, subscribed: z.boolean({ message: '请说明订阅还是取消订阅（true 或 false）' }) }),
);
export type SubscriptionRequest = z.input<typeof SubscriptionRequest>;

const Cursor = lazy(() => z.string().max(600, { message: '翻页位置不正确' }).optional());
const Department = lazy(() =>
  z
    .string()
    .regex(/^[a-z0-9-]{2,40}$/, { message: '部门编号不正确' })
    .optional(),
);

/** GET /v1/publications: newest first, of a category, a department, or both. */
export const PublicationListQuery = lazy(() => z.strictObject({ category: Category.optional(), department: Department, cursor: Cursor, limit: PageLimit }));
export type PublicationListQuery = z.input<typeof PublicationListQuery>;

/** GET /v1/publications/search: the words (two characters at least), in a category or all. */
export const PublicationSearchQuery = lazy(() =>
  z.strictObject({
    q: z
      .string({ message: '请输入要搜索的字词' })
      .trim()
      .max(PUBLICATION_LIMITS.searchMax, { message: `搜索词不能超过 ${PUBLICATION_LIMITS.searchMax} 个字` })
      .refine((q) => queryTerms(q).length > 0, { message: '请至少输入两个连续的字（标点和空格不算）' }),
    category: Category.optional(),
    cursor: Cursor,
  }),
);
export type PublicationSearchQuery = z.input<typeof PublicationSearchQuery>;

/** GET /v1/staff/publications: the department's own, 已发布 or 已撤回. */
export const StaffPublicationQuery = lazy(() =>
  z.strictObject({
    status: z.enum(['published', 'withdrawn'], { message: '状态应为已发布或已撤回' }).optional(),
    cursor: Cursor,
    limit: PageLimit,
  }),
);
export type StaffPublicationQuery = z.input<typeof StaffPublicationQuery>;

// ---- views ---------------------------------------------------------------------------------------

export const PublicationSummary = lazy(() =>
  z.object({
    id: z.string(),
    category: Category,
    categoryName: z.string(),
    title: z.string(),
    department: z.string(),
    departmentName: z.string(),
    docNo: z.string().optional(),
    publishedOn: z.string(),
    /** 政策文件 only */
    validity: z.enum(['effective', 'repealed']).optional(),
    attachmentCount: z.number().int(),
    interpretsId: z.string().optional(),
    version: z.number().int(),
    status: z.enum(['published', 'withdrawn']),
    /** 已撤回: why (the department's own list) */
    withdrawnReason: z.string().optional(),
  }),
);
export type PublicationSummary = z.infer<typeof PublicationSummary>;

export const PublicationList = lazy(() => z.object({ items: z.array(PublicationSummary), nextCursor: z.string().nullable() }));
export type PublicationList = z.infer<typeof PublicationList>;

const Parts = lazy(() => z.array(z.object({ text: z.string(), hit: z.boolean() })));
/** A search hit: the summary, its title and a snippet of the text around the words, cut into parts (hits shown bold). */
export const PublicationHit = lazy(() => PublicationSummary.extend({ titleParts: Parts, snippet: Parts, inTitle: z.boolean() }));
export type PublicationHit = z.infer<typeof PublicationHit>;
export type { HighlightPart };

export const PublicationSearchResult = lazy(() =>
  z.object({
    items: z.array(PublicationHit),
    nextCursor: z.string().nullable(),
    /** the bigrams the query was matched on */
    terms: z.array(z.string()),
  }),
);
export type PublicationSearchResult = z.infer<typeof PublicationSearchResult>;

/** An attachment to open: a signed link for a short while (anyone may download a published attachment). */
export const PublicationAttachment = lazy(() =>
  z.object({ fileId: z.string(), fileName: z.string(), contentType: z.string(), size: z.number(), url: z.string() }),
);
export type PublicationAttachment = z.infer<typeof PublicationAttachment>;

/** Another publication named on a page: the policy an interpretation explains, or an interpretation of this policy. */
export const PublicationLink = lazy(() =>
  z.object({ id: z.string(), title: z.string(), category: Category, publishedOn: z.string(), departmentName: z.string(), docNo: z.string().optional() }),
);
export type PublicationLink = z.infer<typeof PublicationLink>;

export const PublicationDetail = lazy(() =>
  PublicationSummary.extend({
    content: z.string(),
    attachments: z.array(PublicationAttachment),
    /** 政策解读: the policy document it interprets (while that is published) */
    interprets: PublicationLink.optional(),
    /** 政策文件: its interpretations, newest first */
    interpretations: z.array(PublicationLink),
    updatedAt: z.string(),
    withdrawnAt: z.string().optional(),
  }),
);
export type PublicationDetail = z.infer<typeof PublicationDetail>;

export const PublicationHistory = lazy(() =>
  z.object({
    items: z.array(
      z.object({
        version: z.number().int(),
        status: z.enum(['published', 'withdrawn']),
        title: z.string(),
        savedAt: z.string(),
        savedBy: z.string(),
        note: z.string().optional(),
        withdrawnReason: z.string().optional(),
      }),
    ),
  }),
);
export type PublicationHistory = z.infer<typeof PublicationHistory>;

/** A person's subscribed categories: a new publication in one of them sends a message. */
export const PublicationSubscriptions = lazy(() => z.object({ categories: z.array(Category) }));
export type PublicationSubscriptions = z.infer<typeof PublicationSubscriptions>;

/** The category names of a list, in the categories' own order: 「通知公告、划片招生」. */
export const categoryNames = (ids: readonly string[]) =>
  PUBLICATION_CATEGORIES.filter((c) => ids.includes(c.id))
    .map((c) => c.name)
    .join('、');
