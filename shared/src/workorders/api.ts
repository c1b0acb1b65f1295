import * as z from 'zod';
import { PageLimit } from '../api/paging';
import { STREETS } from '../places/streets';
import { CategoryId } from './categories';
import { isInYuexiu, OUTSIDE_YUEXIU_MESSAGE, Place, PlaceInYuexiu } from './geo';
import {
  WO_ACTIONS,
  WO_COMMENT_MAX,
  WO_DESCRIPTION_MAX,
  WO_PHOTOS_MAX,
  WO_RATINGS,
  WO_NO_PATTERN,
  WO_TEXT_MIN,
  WORK_ORDER_STATES,
  type WorkOrderAction,
} from './states';
import { WO_GROUPS, WO_OWNER_LISTS } from './deadlines';
import { lazy } from '../api/lazy';
import { CreditCode } from '../identity/schema';

const StreetId = lazy(() => z.enum(STREETS.map((s) => s.id) as [string, ...string[]], { message: '请选择所在街道' }));
const FileId = lazy(() => z.string().regex(/^f_[A-Za-z0-9_-]{8,64}$/, { message: '照片编号不正确' }));

/** Said wherever a description is too short (the form, the schema, the service). */
export const WO_DESCRIPTION_MESSAGE = `请用至少 ${WO_TEXT_MIN} 个字描述问题`;

/**
 * 诉求 / 一键呼叫: what a person files. Place is required for some categories (checked by the service). The description
 * may be left out only by a grid official with a photo (一键呼叫, checked by the service, which then words one:
 * oneTapDescription); given, it has at least WO_TEXT_MIN characters.
 */
export const FileWorkOrderRequest = lazy(() =>
  z.strictObject({
    categoryId: CategoryId,
    description: z
      .string()
      .trim()
      .max(WO_DESCRIPTION_MAX)
      .refine((s) => s.length === 0 || s.length >= WO_TEXT_MIN, { message: WO_DESCRIPTION_MESSAGE })
      .optional(),
    photoIds: z
      .array(FileId)
      .max(WO_PHOTOS_MAX, { message: `最多 ${WO_PHOTOS_MAX} 张照片` })
      .default([]),
    place: PlaceInYuexiu.optional(),
    street: StreetId.optional(),
    anonymous: z.boolean().default(false),
    contactPreference: z.enum(['phone', 'message', 'none'], { message: '请选择希望的联系方式' }).default('message'),
    /** 公开: the order may appear in the open data feed (Open311), without names, notes or photos; off by default */
    public: z.boolean().default(false),
    /**
     * 投诉对象 (issue 20, 我要投诉 from a merchant's credit page): the firm complained about, by its 统一社会信用代码;
     * the service checks it is a registered firm and links the order to it.
     */
    aboutFirm: CreditCode.optional(),
  }),
);
/**
 * What a one-tap call (一键呼叫 with a photo and no description) says until the official adds more (补充说明 then
 * replaces it): the category and where, e.g. 一键呼叫：设施损坏，位置：北京街道 府前社区，详见现场照片.
 */
export const oneTapDescription = (categoryName: string, where: string | undefined) =>
  `一键呼叫：${categoryName}${where ? `，位置：${where}` : ''}，详见现场照片`;
/** 联系方式偏好: how the filer wants to hear back. */
export const CONTACT_PREFERENCE_NAMES = { phone: '电话联系我', message: '只发消息通知', none: '无需回访' } as const;
export type FileWorkOrderRequest = z.infer<typeof FileWorkOrderRequest>;

/** Only inside the district: a place near a pole once made the lookup visit 262,144 cells and time out (issue 13). */
export const NearbyQuery = lazy(() =>
  z
    .strictObject({
      categoryId: CategoryId,
      lat: z.coerce.number().min(-90).max(90),
      lng: z.coerce.number().min(-180).max(180),
    })
    .refine((q) => isInYuexiu({ lat: q.lat, lng: q.lng }), { error: OUTSIDE_YUEXIU_MESSAGE, when: (payload) => payload.issues.length === 0 }),
);

export const WoNoParams = lazy(() =>
  z.strictObject({
    no: z.string().trim().toUpperCase().regex(WO_NO_PATTERN, { message: '应为 SQ 开头的 18 位工单编号' }),
  }),
);
export const WoActionParams = lazy(() =>
  WoNoParams.extend({ action: z.enum(['claim', 'start', 'resolve', 'return', 'redispatch'], { message: '没有这个操作' }) }),
);
export const WoRateRequest = lazy(() => z.strictObject({ value: z.enum(WO_RATINGS), comment: z.string().trim().max(WO_COMMENT_MAX).optional() }));

/** 街道调度: a tab of the street's orders; the district admin may name a street (or `_district` for orders without one). */
export const StreetQuery = lazy(() =>
  z.strictObject({
    street: z.enum(['_district', ...STREETS.map((s) => s.id)] as [string, ...string[]], { message: '没有这个街道' }).optional(),
  }),
);
export const StreetOrdersQuery = lazy(() =>
  StreetQuery.extend({
    group: z.enum(WO_GROUPS, { message: '没有这个分组' }).default('todo'),
    limit: PageLimit,
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,600}$/, { message: '翻页位置不正确' })
      .optional(),
  }),
);
/** 我处理中 / 已办结: one of the calling officer's own lists, a page at a time. */
export const WoOwnerQuery = lazy(() =>
  z.strictObject({
    list: z.enum(WO_OWNER_LISTS, { message: '没有这个列表' }).default('doing'),
    limit: PageLimit,
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,600}$/, { message: '翻页位置不正确' })
      .optional(),
  }),
);

// ---- bodies of the handling routes (one schema each, used by the handler and the pages) ----

const FileIds = lazy(() => z.array(FileId).max(WO_PHOTOS_MAX, { message: `最多 ${WO_PHOTOS_MAX} 张照片` }));
/** A note the owner writes while handling (处理进展). */
export const WO_NOTE_MAX = WO_COMMENT_MAX;
export const WO_NOTE_MIN = 2;
export const WO_EXTENSION_MAX_DAYS = 10;
export const WoExtensionRequest = lazy(() =>
  z.strictObject({
    days: z.number().int().min(1).max(WO_EXTENSION_MAX_DAYS),
    reason: z.string().trim().min(WO_TEXT_MIN).max(WO_COMMENT_MAX),
  }),
);
export const WoExtensionDecision = lazy(() => z.strictObject({ approve: z.boolean(), note: z.string().trim().max(WO_COMMENT_MAX).optional() }));
export const WoNoteRequest = lazy(() =>
  z.strictObject({
    note: z
      .string()
      .trim()
      .min(WO_NOTE_MIN, { message: '请填写处理进展' })
      .max(WO_NOTE_MAX, { message: `处理进展不能超过 ${WO_NOTE_MAX} 字` }),
    photoIds: FileIds.default([]),
  }),
);
/**
 * 补充说明: the filer adds to the description of an order not yet closed (a one-tap call's worded description is
 * replaced, any other gets the text appended).
 */
export const WoSupplementRequest = lazy(() =>
  z.strictObject({
    note: z
      .string()
      .trim()
      .min(WO_TEXT_MIN, { message: `请用至少 ${WO_TEXT_MIN} 个字补充说明` })
      .max(WO_COMMENT_MAX, { message: `补充说明不能超过 ${WO_COMMENT_MAX} 字` }),
  }),
);
export const WoDuplicateRequest = lazy(() =>
  z.strictObject({
    originalNo: z.string().trim().toUpperCase().regex(WO_NO_PATTERN, { message: '应为 SQ 开头的 18 位工单编号' }),
  }),
);
export const WoMineQuery = lazy(() =>
  z.strictObject({
    limit: PageLimit,
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,400}$/, { message: '翻页位置不正确' })
      .optional(),
  }),
);

// ---- answers ----

const WoState = lazy(() => z.enum(WORK_ORDER_STATES));
const WoKind = lazy(() => z.enum(['appeal', 'community']));
const Light = lazy(() => z.enum(['green', 'yellow', 'red']));

/** 延期申请: what the owner asked for and what the street dispatcher decided. */
export const WoExtension = lazy(() => z.object({ days: z.number(), reason: z.string(), status: z.enum(['requested', 'granted', 'refused']), at: z.string() }));

/** `photoCount`: the photos attached to this step (处理进展 with before/after photos). */
export const WoTimelineEntry = lazy(() =>
  z.object({
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    note: z.string().optional(),
    to: WoState.optional(),
    photoCount: z.number().optional(),
  }),
);

/**
 * GET /v1/workorders/{no}: the filer's view (mine, photoIds), or for the handling team and the
 * street's dispatcher the staff view (version, actions, masked phone, anonymousToPublic, lights…).
 */
export const WorkOrderView = lazy(() =>
  z.object({
    no: z.string(),
    kind: WoKind,
    /** The category path, e.g. 市容环境 / 占道经营 */
    category: z.string(),
    state: WoState,
    stateName: z.string(),
    description: z.string(),
    place: Place.optional(),
    street: z.string().optional(),
    teamName: z.string(),
    ownerName: z.string().nullish(), // null once returned or redispatched
    affected: z.number(),
    createdAt: z.string(),
    claimBy: z.string(),
    replyBy: z.string(),
    rating: z.enum(WO_RATINGS).optional(),
    reopened: z.boolean(),
    /** The filer's display name (masked); 匿名 to the public when they chose so. */
    filer: z.string(),
    timeline: z.array(WoTimelineEntry),
    photoIds: z.array(z.string()).optional(),
    /** Filer view: true for the person who filed it, false for someone following it (我也遇到). */
    mine: z.boolean().optional(),
    // staff view only
    version: z.number().optional(),
    actions: z.array(z.enum(Object.keys(WO_ACTIONS) as [WorkOrderAction, ...WorkOrderAction[]])).optional(),
    anonymousToPublic: z.boolean().optional(),
    contactPhone: z.string().optional(),
    /** The light against the claim time (unclaimed) or the reply date (being handled); none once answered. */
    light: Light.optional(),
    /** 联系方式偏好, as the filer's words (电话联系我 / 只发消息通知 / 无需回访). */
    contactPreference: z.string().optional(),
    /** 投诉对象: the firm the order complains about (public registry data: name and code as registered). */
    aboutFirm: z.object({ code: z.string(), name: z.string() }).optional(),
    /** The filer's firm, for an enterprise's appeal; the credit code masked. */
    enterprise: z.object({ name: z.string().optional(), code: z.string() }).optional(),
    extension: WoExtension.optional(),
    /** Closed as a duplicate of this order. */
    duplicateOf: z.string().optional(),
    /** 已提请调度: overdue and raised to the street's dispatcher. */
    escalated: z.boolean().optional(),
    /** The viewer is the street's dispatcher (or the district's admin). */
    dispatcher: z.boolean().optional(),
  }),
);
export type WorkOrderView = z.infer<typeof WorkOrderView>;

export const WoNearbyItem = lazy(() =>
  z.object({
    no: z.string(),
    category: z.string(),
    description: z.string(),
    address: z.string(),
    affected: z.number(),
    stateName: z.string(),
    distance: z.number(),
    /** lets this person say 我也遇到 for this order: only orders nearby offered them can be followed */
    followToken: z.string(),
  }),
);
export const MeTooRequest = lazy(() => z.strictObject({ followToken: z.string().regex(/^[a-f0-9]{32}$/, { message: '请从“附近的相同问题”中选择' }) }));
export const WoNearbyResponse = lazy(() => z.object({ items: z.array(WoNearbyItem) }));

export const WoSummary = lazy(() =>
  z.object({
    no: z.string(),
    category: z.string(),
    description: z.string(),
    state: WoState,
    stateName: z.string(),
    teamName: z.string(),
    createdAt: z.string(),
    affected: z.number(),
  }),
);
export const WoMineResponse = lazy(() => z.object({ items: z.array(WoSummary), nextCursor: z.string().nullable() }));

export const WoTeamItem = lazy(() =>
  z.object({
    no: z.string(),
    category: z.string(),
    description: z.string(),
    address: z.string().optional(),
    affected: z.number(),
    claimBy: z.string(),
    overdue: z.boolean(),
    light: Light.optional(),
  }),
);
export const WoTeamResponse = lazy(() => z.object({ teamId: z.string(), items: z.array(WoTeamItem) }));

/**
 * A row of 我处理中 / 已办结 (the officer's own orders). Handling: `light` against the reply date and `overdue` past
 * it; answered: no light, `overdue` when the answer came after the reply date, and the filer's rating once given.
 */
export const WoOwnerItem = lazy(() =>
  z.object({
    no: z.string(),
    category: z.string(),
    description: z.string(),
    address: z.string().optional(),
    state: WoState,
    stateName: z.string(),
    affected: z.number(),
    createdAt: z.string(),
    replyBy: z.string(),
    resolvedAt: z.string().optional(),
    overdue: z.boolean(),
    light: Light.optional(),
    extensionRequested: z.boolean(),
    reopened: z.boolean(),
    /** the filer's rating, in words (满意 / 基本满意 / 不满意) */
    rating: z.string().optional(),
  }),
);
export const WoOwnerPage = lazy(() =>
  z.object({
    list: z.enum(WO_OWNER_LISTS),
    listName: z.string(),
    items: z.array(WoOwnerItem),
    nextCursor: z.string().nullable(),
  }),
);

/** A row of 街道调度 (one tab, or 督办). */
export const WoStreetItem = lazy(() =>
  z.object({
    no: z.string(),
    kind: WoKind,
    category: z.string(),
    description: z.string(),
    address: z.string().optional(),
    state: WoState,
    stateName: z.string(),
    teamName: z.string(),
    ownerName: z.string().nullish(),
    affected: z.number(),
    claimBy: z.string(),
    replyBy: z.string(),
    createdAt: z.string(),
    light: Light.optional(),
    escalated: z.boolean(),
    extensionRequested: z.boolean(),
    duplicateOf: z.string().optional(),
  }),
);
export const WoStreetPage = lazy(() =>
  z.object({
    street: z.string(),
    group: z.enum(WO_GROUPS),
    groupName: z.string(),
    items: z.array(WoStreetItem),
    nextCursor: z.string().nullable(),
  }),
);
/** 督办: unclaimed past the claim time (items), handled past the reply date (replies). */
export const WoOverdue = lazy(() => z.object({ street: z.string(), items: z.array(WoStreetItem), replies: z.array(WoStreetItem) }));

/**
 * One photo of an order, with a short-lived URL to show it. `kind` says where it comes from:
 * 反映时上传 (the filer's; not shown to followers), 处理进展, 办结照片.
 */
export const WoPhoto = lazy(() => z.object({ fileId: z.string(), url: z.string(), kind: z.string(), at: z.string() }));
export const WoPhotosResponse = lazy(() => z.object({ items: z.array(WoPhoto) }));
