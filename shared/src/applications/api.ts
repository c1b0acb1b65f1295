import * as z from 'zod';
import { DocumentRef } from '../documents/api';
import { UserIdParam } from '../identity/kin';
import { boundedJsonObject } from '../api/json';
import { PageLimit } from '../api/paging';
import { APP_NO_PATTERN, APPLICATION_STATES, RATINGS } from './states';
import { FIELD_KEY, FormDef } from '../apply/form';
import { CreditGrade } from '../apply/tolerance';
import { MaterialFile } from '../files/api';
import { lazy } from '../api/lazy';
import { POLICY_ITEM_ID, PolicyClaimView } from '../policies/api';
import { DisclosureView } from '../disclosure/api';

const Slug = lazy(() => z.string().regex(/^[a-z0-9-]{2,60}$/, { message: '编号不正确' }));
export const AppNo = lazy(() => z.string().trim().toUpperCase().regex(APP_NO_PATTERN, { message: '应为 YX 开头的 16 位办件编号' }));

/** 信用承诺's signer: a name of at most this many characters. */
export const COMMITMENT_SIGNER_MAX = 20;

/** The answers are checked against the item's form (shared/src/apply) by the service. */
export const SubmitRequest = lazy(() =>
  z
    .strictObject({
      itemId: Slug.optional(),
      bundleId: Slug.optional(),
      answers: z.record(z.string().max(40), z.unknown()),
      /** 容缺受理: names of required materials the firm will hand in later. */
      deferred: z.array(z.string().min(1).max(60)).max(20).default([]),
      /** 信用承诺: the signer's name, given when anything is deferred. */
      commitment: z.strictObject({ signed: z.literal(true), signer: z.string().trim().min(2).max(COMMITMENT_SIGNER_MAX) }).optional(),
      /** 政策兑现 (issue 17): the policy item this application claims, judged again at submission */
      policyItemId: z.string().regex(POLICY_ITEM_ID, { message: '政策条目编号不正确' }).optional(),
    })
    .refine((v) => Boolean(v.itemId) !== Boolean(v.bundleId), { message: '请选择一个办事事项或一个“一件事”主题', path: ['itemId'] }),
);
export type SubmitRequest = z.infer<typeof SubmitRequest>;

export const IdempotencyKey = lazy(() => z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { message: '提交凭证不正确，请刷新页面后重试' }));

export const LightSchema = lazy(() => z.enum(['green', 'yellow', 'red']));

/** A 容缺 material: due by `dueDate` (that day included); `late` once it turned into 补正; the working days left while open. */
export const DeferredMaterial = lazy(() =>
  z.object({ name: z.string(), dueDate: z.string(), handedIn: z.boolean(), late: z.boolean().optional(), workingDaysLeft: z.number().optional() }),
);

export const Receipt = lazy(() =>
  z.object({
    appNo: z.string(),
    queryCode: z.string().optional(), // shown once, at submission
    itemName: z.string(),
    departmentName: z.string(),
    submittedAt: z.string(),
    promisedDays: z.number(),
    statutoryDays: z.number(),
    promisedDeadline: z.string(),
    statutoryDeadline: z.string(),
    /** when a deadline falls in a year without final holiday data: that it counts weekends only for now (issue 16) */
    deadlineNote: z.string().optional(),
    nextSteps: z.array(z.string()),
    linked: z.array(z.object({ appNo: z.string(), itemName: z.string(), departmentName: z.string() })),
    deferred: z.array(DeferredMaterial),
  }),
);
export type Receipt = z.infer<typeof Receipt>;

export const ApplicationSummary = lazy(() =>
  z.object({
    appNo: z.string(),
    itemName: z.string(),
    departmentName: z.string(),
    state: z.enum(APPLICATION_STATES),
    stateName: z.string(),
    submittedAt: z.string(),
    light: LightSchema.nullable(), // null when the clock does not run (ended, withdrawn, waiting for the applicant)
    remainingDays: z.number().nullable(),
    deadline: z.string(),
    /** the deadline falls in a year without final holiday data (see Receipt.deadlineNote) */
    deadlineNote: z.string().optional(),
    /** 法定时限: from 受理 (not submission), stopped during 补正 (issue 16) */
    statutory: z.object({ started: z.boolean(), deadline: z.string().nullable(), remainingDays: z.number().nullable() }).optional(),
    /** a special procedure under way (专家评审中…): the days left stand still, by law */
    pausedFor: z.object({ name: z.string(), since: z.string() }).optional(),
    /** 政策兑现: the policy item claimed and the firm's judgement when it applied */
    policy: PolicyClaimView.optional(),
  }),
);
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;

export const TimelineEntry = lazy(() =>
  z.object({
    at: z.string(),
    actor: z.string(), // a department or 申请人 — never a person's private data
    action: z.string(),
    note: z.string().optional(),
    state: z.enum(APPLICATION_STATES).optional(),
  }),
);
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const ApplicationDetail = lazy(() =>
  ApplicationSummary.extend({
    promisedDays: z.number(),
    statutoryDays: z.number(),
    usedDays: z.number().nullable(),
    timeline: z.array(TimelineEntry),
    nextAction: z.object({ kind: z.enum(['supplement', 'pickup', 'rate', 'wait', 'none']), text: z.string() }),
    supplementNotice: z.object({ items: z.array(z.object({ material: z.string(), reason: z.string() })), dueDate: z.string().optional() }).optional(),
    deferred: z.array(DeferredMaterial),
    materials: z.array(
      z.object({
        name: z.string(),
        source: z.enum(['upload', 'elicence', 'deferred', 'none']),
        /** the applicant's own uploads, to look at again (short-lived URLs) */
        files: z.array(MaterialFile).optional(),
      }),
    ),
    linked: z.array(z.object({ appNo: z.string(), itemName: z.string() })),
    rating: z.object({ value: z.enum(RATINGS), comment: z.string().optional() }).optional(),
    itemId: z.string(),
    /** the item is issued as a sealed electronic document (证明开具, issue 15) */
    issuesDocument: z.boolean().optional(),
    /** sealed documents issued for this application: the certificate, formal notices */
    documents: z.array(DocumentRef).optional(),
    delivery: DeliveryView.optional(),
    /** 一件事 (issue 16): the bundle's one combined status and its results, on every member's page */
    bundle: BundleStatusView.optional(),
    /** 依申请公开 (issue 19): the 条例's clock and the reply */
    disclosure: DisclosureView.optional(),
  }),
);
export type ApplicationDetail = z.infer<typeof ApplicationDetail>;

const BUNDLE_PHASES = ['waiting', 'in_progress', 'done', 'ended'] as const;
/** 一件事's combined status (shared/src/apply/bundles.ts `bundleStatus`): every member with its state and what it waits for. */
export const BundleStatusView = lazy(() =>
  z.object({
    bundleId: z.string(),
    name: z.string(),
    state: z.enum(['in_progress', 'done', 'ended']),
    stateName: z.string(),
    summary: z.string(),
    counts: z.object({ waiting: z.number(), in_progress: z.number(), done: z.number(), ended: z.number(), total: z.number() }),
    items: z.array(
      z.object({
        appNo: z.string(),
        itemId: z.string(),
        itemName: z.string(),
        state: z.enum(APPLICATION_STATES),
        stateName: z.string(),
        phase: z.enum(BUNDLE_PHASES),
        /** names of the items it waits for */
        after: z.array(z.string()),
      }),
    ),
    results: z.array(z.object({ appNo: z.string(), itemName: z.string(), result: z.string(), ready: z.boolean(), note: z.string() })),
  }),
);
export type BundleStatusView = z.infer<typeof BundleStatusView>;

export const ListMineQuery = lazy(() =>
  z.strictObject({
    for: UserIdParam.optional(), // 亲友代办: the applications of a person who authorised the caller
    scope: z.enum(['mine', 'firm']).default('mine'), // firm: all of the firm's (its legal representative only)
    state: z.enum(['open', 'action', 'ended', 'all']).default('all'),
    limit: PageLimit,
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,300}$/, { message: '翻页位置不正确' })
      .optional(),
  }),
);
export const ListMineResponse = lazy(() => z.object({ items: z.array(ApplicationSummary), nextCursor: z.string().nullable() }));

/** 进度查询 without logging in: the number plus the query code or the last 4 digits of the phone. */
/** 免登录查询: a 6-digit query code, or the last 4 digits of the applicant's phone. */
export const LOOKUP_CODE_LENGTH = 6;
export const PHONE_TAIL_LENGTH = 4;
export const LookupRequest = lazy(() =>
  z.strictObject({
    appNo: AppNo,
    code: z
      .string()
      .trim()
      .regex(new RegExp(`^(\\d{${PHONE_TAIL_LENGTH}}|\\d{${LOOKUP_CODE_LENGTH}})$`), {
        message: `请输入 ${LOOKUP_CODE_LENGTH} 位查询码或手机号后 ${PHONE_TAIL_LENGTH} 位`,
      }),
  }),
);
export const LookupResponse = lazy(() => ApplicationSummary.extend({ timeline: z.array(TimelineEntry), applicant: z.string() }));

/** A rating's comment (好差评), at most this many characters. */
export const RATING_COMMENT_MAX = 300;
export const RateRequest = lazy(() => z.strictObject({ value: z.enum(RATINGS), comment: z.string().trim().max(RATING_COMMENT_MAX).optional() }));
/** 结果送达: how the applicant receives the result — at the window, by post (to an address), or into the wallet. */
export const DELIVERY_METHODS = ['pickup', 'post', 'electronic'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_NAMES: Record<DeliveryMethod, string> = { pickup: '窗口领取', post: '邮寄送达', electronic: '电子证照（发到证照夹）' };
export const PostAddress = lazy(() =>
  z.strictObject({
    recipient: z.string().trim().min(1, { message: '请填写收件人' }).max(20, { message: '收件人不超过 20 个字' }),
    phone: z
      .string()
      .trim()
      .regex(/^1[3-9]\d{9}$/, { message: '请填写 11 位手机号码' }),
    address: z.string().trim().min(6, { message: '请填写详细地址（区、街道、门牌号）' }).max(120, { message: '地址不超过 120 个字' }),
  }),
);
export type PostAddress = z.infer<typeof PostAddress>;
export const DeliveryRequest = lazy(() =>
  z.discriminatedUnion(
    'method',
    [
      z.strictObject({ method: z.literal('pickup') }),
      z.strictObject({ method: z.literal('electronic') }),
      z.strictObject({ method: z.literal('post'), postTo: PostAddress }),
    ],
    { message: '请选择领取方式：窗口领取、邮寄送达或电子证照' },
  ),
);
export type DeliveryRequest = z.infer<typeof DeliveryRequest>;
/** What the applicant sees of the delivery: the choice, where to pick up or where it is posted, the tracking number. */
export const DeliveryView = lazy(() =>
  z.object({
    method: z.enum(DELIVERY_METHODS),
    /** the methods this item offers, for a change of mind before the result is sent */
    options: z.array(z.enum(DELIVERY_METHODS)),
    /** chosen by the applicant (else the item's default) */
    chosen: z.boolean(),
    /** pickup: the hall and its hours */
    hall: z.string().optional(),
    hours: z.string().optional(),
    /** post: the address (the owner's own, unmasked) */
    postTo: PostAddress.optional(),
    trackingNo: z.string().optional(),
    pickupCode: z.string().optional(),
    /** sent or handed over */
    done: z.boolean(),
  }),
);

export const SupplementRequest = lazy(() => z.strictObject({ answers: z.record(z.string().max(40), z.unknown()) }));
export const AppNoParams = lazy(() => z.strictObject({ appNo: AppNo }));

export const DraftParams = lazy(() => z.strictObject({ formId: z.string().regex(/^(item|bundle)-[a-z0-9-]{2,60}$/, { message: '表单编号不正确' }) }));
/** Draft answers are what a person typed so far: free-form but bounded (depth, keys, sizes, finite numbers). */
export const DRAFT_JSON_BOUNDS = { maxDepth: 4, maxKeys: 60, maxString: 2000, maxArray: 20 } as const;
/**
 * What each answered field meant when the draft was saved: field key → `fieldPrint` (shared/src/apply/drafts.ts), so a
 * draft opened after the form changed keeps only the answers whose field is still the same. Drafts saved before it have
 * none.
 */
export const FieldPrints = lazy(() =>
  z
    .record(z.string().regex(FIELD_KEY, { message: '字段名不正确' }), z.string().regex(/^[0-9a-z]{1,12}$/, { message: '字段指纹不正确' }))
    .refine((r) => Object.keys(r).length <= DRAFT_JSON_BOUNDS.maxKeys, { message: `不能超过 ${DRAFT_JSON_BOUNDS.maxKeys} 项` }),
);
export const DraftBody = lazy(() =>
  z.strictObject({
    answers: boundedJsonObject(DRAFT_JSON_BOUNDS),
    deferred: z.array(z.string().max(60)).max(20).default([]),
    step: z.number().int().min(0).max(10).default(0),
    fields: FieldPrints.optional(),
  }),
);

export const MessageView = lazy(() =>
  z.object({
    id: z.string(),
    at: z.string(),
    title: z.string(),
    body: z.string(),
    appNo: z.string().optional(),
    read: z.boolean(),
  }),
);
export const MessageListResponse = lazy(() => z.object({ items: z.array(MessageView), unread: z.number(), nextCursor: z.string().nullable() }));

export const MessagesQuery = lazy(() =>
  z.strictObject({
    limit: PageLimit,
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,200}$/, { message: '翻页位置不正确' })
      .optional(),
  }),
);
/** A message is addressed by its time and id (both from the list), so reading it costs one key lookup. */
export const MessageParams = lazy(() => z.strictObject({ messageId: z.string().regex(/^m_[A-Za-z0-9]{12}$/, { message: '消息编号不正确' }) }));
export const ReadMessageRequest = lazy(() => z.strictObject({ at: z.iso.datetime({ message: '时间格式不正确' }) }));
export const UnreadCount = lazy(() => z.object({ unread: z.number() }));

/** An e-licence in the wallet (电子证照), its number masked. */
export const LicenceView = lazy(() =>
  z.object({
    id: z.string(),
    type: z.string(),
    name: z.string(),
    number: z.string(),
    issuer: z.string(),
    validUntil: z.string().optional(),
  }),
);
export type LicenceView = z.infer<typeof LicenceView>;
/** One authorised use of an e-licence: which application read it, for which material, when (the holder's record). */
export const LicenceUseView = lazy(() => z.object({ licenceId: z.string(), appNo: z.string(), material: z.string(), at: z.string() }));
export type LicenceUseView = z.infer<typeof LicenceUseView>;
/** 证照夹's licences, and every use the holder authorised, newest first. */
export const LicenceList = lazy(() => z.object({ items: z.array(LicenceView), uses: z.array(LicenceUseView).optional() }));

/** 草稿: what a person typed, saved as they go. */
export const DraftView = lazy(() =>
  z.object({
    answers: z.record(z.string(), z.unknown()),
    deferred: z.array(z.string()),
    step: z.number(),
    savedAt: z.string(),
    /** the fingerprints of the answered fields when saved (see `FieldPrints`); absent in older drafts */
    fields: z.record(z.string(), z.string()).optional(),
  }),
);
export type DraftView = z.infer<typeof DraftView>;

/** GET /v1/forms/{formId}: everything the apply page needs at once. */
export const FormPayload = lazy(() =>
  z.object({
    formId: z.string(),
    form: FormDef,
    itemNames: z.array(z.string()),
    prefill: z.record(z.string(), z.unknown()),
    draft: DraftView.optional(),
    verified: z.boolean(),
    /** 实名等级: what the items need and what the applicant has (2: proven by face verification) */
    assurance: z.object({ needed: z.union([z.literal(1), z.literal(2)]), level: z.union([z.literal(1), z.literal(2)]) }),
    licences: z.array(LicenceView),
    /** for each file field, the licence type that can replace it (null: upload only) */
    licenceTypes: z.record(z.string(), z.string().nullable()),
    /** 容缺: the firm's grade, how many materials it may defer here (0 when the item is not open to it), the days to hand them in */
    tolerance: z.object({ grade: CreditGrade.nullable(), quota: z.number(), dueWorkingDays: z.number(), itemOpen: z.boolean() }),
    /** the applicant's applications for these items still being handled: asked about before a second one (issue 14) */
    inProgress: z.array(z.object({ appNo: z.string(), itemName: z.string(), stateName: z.string(), submittedAt: z.string() })),
    /** 政策兑现 (`?policyItemId=`): the item claimed and why the firm may claim it, condition by condition */
    policy: PolicyClaimView.optional(),
  }),
);
export type FormPayload = z.infer<typeof FormPayload>;
/** GET /v1/forms/{formId}: acting for a relative (`for`), or claiming a policy item (`policyItemId`). */
export const FormQuery = lazy(() =>
  z.strictObject({
    for: UserIdParam.optional(),
    policyItemId: z.string().regex(POLICY_ITEM_ID, { message: '政策条目编号不正确' }).optional(),
  }),
);
export const DraftDeleted = lazy(() => z.object({ deleted: z.literal(true) }));
