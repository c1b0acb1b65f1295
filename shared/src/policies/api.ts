import * as z from 'zod';
import { lazy } from '../api/lazy';
import { PageLimit } from '../api/paging';
import { PolicyBenefit, Condition } from './conditions';
import { BENEFIT_TYPES, DECLARABLE_FACTS, FACT_NAMES, POLICY_TOPICS, QUALIFICATIONS, type FactKey } from './vocabulary';

/**
 * 政策超市 and 免申即享 (issue 17): policies broken into items (政策条目) with conditions as data; a firm sees why it is or
 * is not eligible; 免申即享 items are matched by a batch, offered, confirmed with one tap, approved and paid.
 *
 * - A policy is versioned like the catalogue: every save is a new immutable version; a judgement, an offer or an
 *   application keeps the version it was made under.
 * - Item ids are `<policyId>-<n>`: kept across versions, so a firm's offer and past benefits follow the item.
 */

const keysOf = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
export const POLICY_ID = /^[a-z0-9-]{2,60}$/;
export const POLICY_ITEM_ID = /^[a-z0-9-]{2,60}-\d{1,2}$/;
const Day = lazy(() => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' }));
export const PolicyMode = lazy(() => z.enum(['auto', 'apply'], { message: '兑现方式应为免申即享或依申请' }));
export type PolicyMode = z.infer<typeof PolicyMode>;
export const POLICY_MODE_NAMES: Record<PolicyMode, string> = { auto: '免申即享', apply: '依申请兑现' };
export const PolicyTopic = lazy(() => z.enum(keysOf(POLICY_TOPICS), { message: '不是可选的政策主题' }));
export const BenefitTypeEnum = lazy(() => z.enum(keysOf(BENEFIT_TYPES), { message: '不是可选的扶持类型' }));

/** A policy item as the issuing department writes it. */
export const PolicyItemInput = lazy(() =>
  z
    .strictObject({
      /** kept when editing an existing item; a new item gets the next number */
      id: z.string().regex(POLICY_ITEM_ID, { message: '政策条目编号不正确' }).optional(),
      title: z.string({ message: '条目名称必填' }).trim().min(4, { message: '条目名称至少 4 个字' }).max(40, { message: '条目名称不能超过 40 个字' }),
      benefit: PolicyBenefit,
      conditions: z.array(Condition, { message: '请填写申请条件' }).max(12, { message: '申请条件最多 12 条' }),
      validFrom: Day,
      validTo: Day,
      mode: PolicyMode,
      /** 依申请: the catalogue item applied through (惠企政策兑现申请 when left out) */
      serviceItemId: z
        .string()
        .regex(/^[a-z0-9-]{2,60}$/, { message: '事项编号不正确' })
        .optional(),
    })
    .refine((i) => i.validFrom <= i.validTo, { message: '兑现截止日期不能早于开始日期', path: ['validTo'] })
    .refine((i) => i.mode !== 'auto' || i.benefit.amountYuan !== undefined || i.benefit.perUnit !== undefined, {
      message: '免申即享条目要写明金额或计算方式（系统据此直接拨付）',
      path: ['benefit'],
    })
    .refine((i) => i.mode !== 'auto' || i.conditions.length > 0, { message: '免申即享条目至少要有 1 条可由数据比对的条件', path: ['conditions'] }),
);
export type PolicyItemInput = z.input<typeof PolicyItemInput>;

const policyShape = () => ({
  title: z.string({ message: '政策名称必填' }).trim().min(4, { message: '政策名称至少 4 个字' }).max(80, { message: '政策名称不能超过 80 个字' }),
  /** the issuing department (staff: their own) */
  issuer: z.string({ message: '请选择发文部门' }).regex(/^[a-z0-9-]{2,40}$/, { message: '请选择发文部门' }),
  /** 文号, e.g. 越府办规〔2026〕3号 */
  docNo: z.string({ message: '文号必填' }).trim().min(4, { message: '文号至少 4 个字' }).max(40, { message: '文号不能超过 40 个字' }),
  issuedOn: Day,
  /** the original text (政策原文) */
  text: z.string({ message: '政策原文必填' }).trim().min(20, { message: '政策原文至少 20 个字' }).max(20_000, { message: '政策原文不能超过 20,000 字' }),
  /** 政策解读: for business owners, in plain words */
  interpretation: z
    .string({ message: '政策解读必填' })
    .trim()
    .min(20, { message: '政策解读至少 20 个字' })
    .max(3_000, { message: '政策解读不能超过 3,000 字' }),
  topics: z.array(PolicyTopic).min(1, { message: '至少选择 1 个政策主题' }).max(3, { message: '政策主题最多 3 个' }),
  items: z.array(PolicyItemInput, { message: '请填写政策条目' }).min(1, { message: '至少要有 1 个政策条目' }).max(20, { message: '政策条目最多 20 个' }),
});

function checkPolicy(p: { items: { id?: string; title: string }[]; topics: string[] }, ctx: z.core.$RefinementCtx) {
  const titles = p.items.map((i) => i.title);
  if (new Set(titles).size !== titles.length) ctx.addIssue({ code: 'custom', message: '政策条目名称重复', path: ['items'] });
  const ids = p.items.map((i) => i.id).filter(Boolean);
  if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: '政策条目编号重复', path: ['items'] });
  if (new Set(p.topics).size !== p.topics.length) ctx.addIssue({ code: 'custom', message: '政策主题重复', path: ['topics'] });
}

/** POST /v1/staff/policies: publish a new policy (its id made from the time when not given). */
export const NewPolicy = lazy(() =>
  z
    .strictObject({ id: z.string().regex(POLICY_ID, { message: '政策编号只含小写字母、数字和 -，2–60 位' }).optional(), ...policyShape() })
    .superRefine(checkPolicy),
);
export type NewPolicy = z.input<typeof NewPolicy>;

/** POST /v1/staff/policies/{id}/versions: the policy as edited, and the version it was edited from (another save since: 409). */
export const PolicyVersionRequest = lazy(() =>
  z
    .strictObject({
      ...policyShape(),
      expectedVersion: z.number({ message: '缺少所编辑的版本号，请刷新后再保存' }).int().min(1).max(1_000_000),
      note: z.string().trim().max(60, { message: '修改说明不能超过 60 个字' }).optional(),
    })
    .superRefine(checkPolicy),
);
export type PolicyVersionRequest = z.input<typeof PolicyVersionRequest>;

export const WithdrawPolicyRequest = lazy(() =>
  z.strictObject({
    reason: z.string({ message: '请写明撤回原因' }).trim().min(4, { message: '撤回原因至少 4 个字' }).max(200, { message: '撤回原因不能超过 200 个字' }),
    expectedVersion: z.number({ message: '缺少版本号，请刷新后再试' }).int().min(1).max(1_000_000),
  }),
);

export const PolicyParams = lazy(() => z.strictObject({ id: z.string().regex(POLICY_ID, { message: '政策编号不正确' }) }));
export const PolicyItemParams = lazy(() => z.strictObject({ itemId: z.string().regex(POLICY_ITEM_ID, { message: '政策条目编号不正确' }) }));

export const PolicyStatus = lazy(() => z.enum(['published', 'withdrawn']));
export type PolicyStatus = z.infer<typeof PolicyStatus>;

/** An item as stored and shown: the input with its id and the catalogue item it is applied through. */
export const PolicyItem = lazy(() =>
  z.object({
    id: z.string(),
    title: z.string(),
    benefit: PolicyBenefit,
    conditions: z.array(Condition),
    validFrom: z.string(),
    validTo: z.string(),
    mode: PolicyMode,
    serviceItemId: z.string().optional(),
  }),
);
export type PolicyItem = z.output<typeof PolicyItem>;

/** The deadline filter of the market: items whose window closes within so many days. */
export const DEADLINE_WITHIN = { '30': '30 天内截止', '90': '90 天内截止' } as const;

export const PolicyListQuery = lazy(() =>
  z.strictObject({
    q: z.string().trim().max(30, { message: '搜索词不能超过 30 个字' }).optional(),
    department: z
      .string()
      .regex(/^[a-z0-9-]{2,40}$/, { message: '部门编号不正确' })
      .optional(),
    /** a GB/T 4754 section letter or division (I, I65): items open to that industry (or to every industry) */
    industry: z
      .string()
      .regex(/^[A-T](\d{2})?$/, { message: '行业应为门类字母或大类代码，如 I 或 I65' })
      .optional(),
    benefit: BenefitTypeEnum.optional(),
    topic: PolicyTopic.optional(),
    mode: PolicyMode.optional(),
    deadline: z.enum(keysOf(DEADLINE_WITHIN), { message: '截止时间筛选应为 30 或 90 天' }).optional(),
    /** a firm's own: only the items it may get (符合 or 信息不足) */
    forMe: z.enum(['1'], { message: 'forMe 只能为 1' }).optional(),
    /** staff: withdrawn ones too */
    withdrawn: z.enum(['1'], { message: 'withdrawn 只能为 1' }).optional(),
    limit: PageLimit,
    cursor: z
      .string()
      .regex(/^\d{1,5}$/, { message: '翻页位置不正确' })
      .optional(),
  }),
);
export type PolicyListQuery = z.input<typeof PolicyListQuery>;

export const ItemWindow = lazy(() => z.enum(['open', 'upcoming', 'closed']));
export type ItemWindow = z.infer<typeof ItemWindow>;

export const PolicyItemSummary = lazy(() =>
  z.object({
    id: z.string(),
    title: z.string(),
    benefitType: BenefitTypeEnum,
    benefitText: z.string(),
    mode: PolicyMode,
    validFrom: z.string(),
    validTo: z.string(),
    window: ItemWindow,
    /** a firm's list: its verdict for the item */
    verdict: z.enum(['eligible', 'ineligible', 'unknown']).optional(),
  }),
);
export type PolicyItemSummary = z.infer<typeof PolicyItemSummary>;

export const PolicySummary = lazy(() =>
  z.object({
    id: z.string(),
    title: z.string(),
    issuer: z.string(),
    issuerName: z.string(),
    docNo: z.string(),
    issuedOn: z.string(),
    topics: z.array(z.string()),
    /** the first lines of the interpretation */
    excerpt: z.string(),
    version: z.number().int(),
    status: PolicyStatus,
    items: z.array(PolicyItemSummary),
  }),
);
export type PolicySummary = z.infer<typeof PolicySummary>;

export const PolicyListResponse = lazy(() => z.object({ items: z.array(PolicySummary), total: z.number().int(), nextCursor: z.string().nullable() }));
export type PolicyListResponse = z.infer<typeof PolicyListResponse>;

export const ConditionResultView = lazy(() =>
  z.object({
    kind: z.string(),
    status: z.enum(['met', 'unmet', 'unknown']),
    text: z.string(),
    hint: z.string().optional(),
    declared: z.boolean().optional(),
    fact: z.string().optional(),
  }),
);

/** A firm's judgement on one item (企业视角: 符合 / 暂不符合 / 信息不足, condition by condition). */
export const ItemMatchView = lazy(() =>
  z.object({
    itemId: z.string(),
    policyVersion: z.number().int(),
    verdict: z.enum(['eligible', 'ineligible', 'unknown']),
    conditions: z.array(ConditionResultView),
    amountYuan: z.number().optional(),
    /** the firm's 免申即享 offer for the item, when there is one */
    offerStatus: z.string().optional(),
    /** an application already filed for the item */
    appNo: z.string().optional(),
  }),
);
export type ItemMatchView = z.infer<typeof ItemMatchView>;

/** A 依申请 application's policy (申请的政策条目): the item, the version, and the firm's judgement when it applied. */
export const PolicyClaimView = lazy(() =>
  z.object({
    itemId: z.string(),
    policyId: z.string(),
    version: z.number().int(),
    policyTitle: z.string(),
    itemTitle: z.string(),
    verdict: z.enum(['eligible', 'ineligible', 'unknown']),
    conditions: z.array(ConditionResultView),
    amountYuan: z.number().optional(),
    /** what the application should prove (the conditions' evidence) */
    evidence: z.array(z.string()),
  }),
);
export type PolicyClaimView = z.infer<typeof PolicyClaimView>;

export const PolicyItemDetail = lazy(() =>
  PolicyItem.extend({
    window: ItemWindow,
    /** each condition in words */
    conditionTexts: z.array(z.string()),
    /** the evidence a 依申请 application will ask for */
    evidence: z.array(z.string()),
  }),
);

export const PolicyDetail = lazy(() =>
  z.object({
    id: z.string(),
    version: z.number().int(),
    status: PolicyStatus,
    title: z.string(),
    issuer: z.string(),
    issuerName: z.string(),
    docNo: z.string(),
    issuedOn: z.string(),
    text: z.string(),
    interpretation: z.string(),
    topics: z.array(z.string()),
    items: z.array(PolicyItemDetail),
    withdrawnReason: z.string().optional(),
    /** for a firm (its legal representative or agent): its judgement on each item, by this version */
    matches: z.array(ItemMatchView).optional(),
  }),
);
export type PolicyDetail = z.infer<typeof PolicyDetail>;

export const PolicyVersionEntry = lazy(() =>
  z.object({ version: z.number().int(), savedAt: z.string(), savedBy: z.string(), note: z.string().optional(), status: PolicyStatus }),
);
export const PolicyHistory = lazy(() => z.object({ items: z.array(PolicyVersionEntry) }));

// ---- the firm's profile (企业画像) ----

export const FactSource = lazy(() => z.enum(['registry', 'declared']));
export const ProfileFact = lazy(() =>
  z.object({
    key: z.string(),
    label: z.string(),
    /** in words (「1,200 万元」, 「高新技术企业」) */
    value: z.string().nullable(),
    source: FactSource.nullable(),
    /** a declared value waits for the department to check its evidence */
    evidenceFileId: z.string().optional(),
    declaredAt: z.string().optional(),
  }),
);
export const FirmProfileView = lazy(() =>
  z.object({
    creditCode: z.string(),
    name: z.string(),
    facts: z.array(ProfileFact),
    topics: z.array(z.string()),
  }),
);
export type FirmProfileView = z.infer<typeof FirmProfileView>;

export const DeclarableFact = lazy(() =>
  z.enum(DECLARABLE_FACTS, { message: `可自报的信息为：${DECLARABLE_FACTS.map((k) => FACT_NAMES[k as FactKey]).join('、')}` }),
);

/** PUT /v1/firm/profile/facts: the firm adds a fact the district lacks, with its evidence (an uploaded file). */
export const DeclareFactRequest = lazy(() =>
  z.union([
    z.strictObject({
      fact: z.enum(['headcount', 'revenue', 'taxPaid']),
      value: z
        .number({ message: '请填写数值' })
        .finite({ message: '请填写数值' })
        .min(0, { message: '数值不能小于 0' })
        .max(100_000_000, { message: '数值过大' }),
      fileId: z.string().regex(/^f_[A-Za-z0-9_-]{8,64}$/, { message: '请上传证明材料' }),
    }),
    z.strictObject({
      fact: z.literal('qualifications'),
      value: z
        .array(z.enum(keysOf(QUALIFICATIONS), { message: '不是可选的企业资质' }))
        .min(1, { message: '请选择资质' })
        .max(7),
      fileId: z.string().regex(/^f_[A-Za-z0-9_-]{8,64}$/, { message: '请上传证明材料' }),
    }),
  ]),
);
export type DeclareFactRequest = z.infer<typeof DeclareFactRequest>;

export const TopicsRequest = lazy(() =>
  z.strictObject({
    topics: z
      .array(PolicyTopic)
      .max(8)
      .refine((t) => new Set(t).size === t.length, { message: '政策主题重复' }),
  }),
);
export const TopicsView = lazy(() => z.object({ topics: z.array(z.string()) }));

// ---- 免申即享 offers ----

/** offered (数据比对) → confirmed (意愿确认) → approved (审核通过) → paid (拨付到账); or declined / rejected / lapsed */
export const OfferStatus = lazy(() => z.enum(['offered', 'confirmed', 'approved', 'paid', 'declined', 'rejected', 'lapsed']));
export type OfferStatus = z.infer<typeof OfferStatus>;
export const OFFER_STATUS_NAMES: Record<OfferStatus, string> = {
  offered: '待确认',
  confirmed: '已确认，待审核',
  approved: '审核通过，待拨付',
  paid: '已拨付到账',
  declined: '已放弃',
  rejected: '未通过审核',
  lapsed: '已过期',
};

export const BankAccount = lazy(() =>
  z.strictObject({
    bank: z.string({ message: '开户银行必填' }).trim().min(4, { message: '开户银行至少 4 个字' }).max(40, { message: '开户银行不能超过 40 个字' }),
    accountNo: z
      .string({ message: '银行账号必填' })
      .transform((s) => s.replace(/\s+/g, ''))
      .pipe(z.string().regex(/^\d{8,30}$/, { message: '银行账号应为 8–30 位数字' })),
  }),
);
export type BankAccount = z.input<typeof BankAccount>;

export const ConfirmOfferRequest = lazy(() =>
  z.strictObject({
    account: BankAccount,
    /** 意愿确认: the firm agrees the facts compared are its own and it wants the benefit */
    agree: z.literal(true, { message: '请阅读并勾选确认事项' }),
  }),
);
export type ConfirmOfferRequest = z.input<typeof ConfirmOfferRequest>;

export const OfferView = lazy(() =>
  z.object({
    itemId: z.string(),
    policyId: z.string(),
    policyVersion: z.number().int(),
    policyTitle: z.string(),
    itemTitle: z.string(),
    creditCode: z.string(),
    firmName: z.string(),
    amountYuan: z.number(),
    status: OfferStatus,
    /** the facts compared (数据比对), as the firm was judged */
    conditions: z.array(ConditionResultView),
    offeredAt: z.string(),
    /** confirm by (意愿确认 closes with the item's window) */
    confirmBy: z.string(),
    confirmedAt: z.string().optional(),
    confirmedBy: z.string().optional(),
    /** the account: masked (开户行 尾号 1234), whole only in the issuing department's batch (it pays) */
    account: z.string().optional(),
    approvedAt: z.string().optional(),
    paidAt: z.string().optional(),
    /** the day the money was paid (拨付日期), as the department recorded it */
    paidOn: z.string().optional(),
    /** 拨付凭证号 */
    paymentRef: z.string().optional(),
    rejectedReason: z.string().optional(),
  }),
);
export type OfferView = z.infer<typeof OfferView>;
export const OfferList = lazy(() => z.object({ items: z.array(OfferView) }));

// ---- the department's batch (兑现批次) ----

export const BatchQuery = lazy(() =>
  z.strictObject({
    status: OfferStatus.optional(),
    limit: PageLimit,
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,400}$/, { message: '翻页位置不正确' })
      .optional(),
  }),
);
export const BatchSummary = lazy(() =>
  z.object({
    itemId: z.string(),
    itemTitle: z.string(),
    policyId: z.string(),
    policyTitle: z.string(),
    /** how many firms, and how much, in each state */
    counts: z.record(z.string(), z.object({ firms: z.number().int(), amountYuan: z.number() })),
    /** the last matching run: when, how many firms compared, offers written */
    lastRun: z.object({ at: z.string(), firms: z.number().int(), offers: z.number().int(), done: z.boolean() }).optional(),
  }),
);
export const BatchPage = lazy(() => z.object({ items: z.array(OfferView), nextCursor: z.string().nullable() }));

const CreditCodes = () =>
  z
    .array(z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, { message: '统一社会信用代码格式不正确' }))
    .min(1, { message: '请选择企业' })
    .max(50, { message: '一次最多 50 家企业' })
    .refine((c) => new Set(c).size === c.length, { message: '企业重复' });

export const ApproveOffersRequest = lazy(() => z.strictObject({ creditCodes: CreditCodes() }));
export const RejectOffersRequest = lazy(() =>
  z.strictObject({
    creditCodes: CreditCodes(),
    reason: z.string({ message: '请写明不予通过的原因' }).trim().min(4, { message: '原因至少 4 个字' }).max(200, { message: '原因不能超过 200 个字' }),
  }),
);
export const PayOffersRequest = lazy(() =>
  z.strictObject({
    creditCodes: CreditCodes(),
    /** 拨付凭证号 (the treasury's payment reference) */
    reference: z
      .string({ message: '请填写拨付凭证号' })
      .trim()
      .regex(/^[A-Za-z0-9-]{6,40}$/, { message: '拨付凭证号应为 6–40 位字母、数字或 -' }),
    paidOn: Day,
  }),
);
export const BatchActionResult = lazy(() =>
  z.object({ done: z.array(z.string()), skipped: z.array(z.object({ creditCode: z.string(), reason: z.string() })) }),
);

// ---- 兑现公示 (public, de-identified) ----

export const DisbursementRow = lazy(() =>
  z.object({ policyId: z.string(), policyTitle: z.string(), itemId: z.string(), itemTitle: z.string(), firms: z.number().int(), amountYuan: z.number() }),
);
export const DisbursementList = lazy(() =>
  z.object({ items: z.array(DisbursementRow), totalFirms: z.number().int(), totalYuan: z.number(), asOf: z.string() }),
);
