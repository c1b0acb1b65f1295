import * as z from 'zod';
import { lazy } from '../api/lazy';
import { THEMES } from '../constants';
import { ItemFields } from '../apply/form';

/** Who a service item is for: 个人 (people) or 企业 (firms). */
export const Audience = lazy(() => z.enum(['person', 'enterprise']));
export type Audience = z.infer<typeof Audience>;

/** How many times a person must come to a hall: 零跑动 (0) or 最多跑一次 (1), sometimes more. */
export const Visits = lazy(() => z.union([z.literal(0), z.literal(1), z.literal(2)]));

// THEMES lives in ../constants (zod-free, for the H5 first screen)
export { THEMES };
export const ThemeId = lazy(() => z.enum(THEMES.map((t) => t.id) as [string, ...string[]]));

export const Department = lazy(() =>
  z.object({
    id: z.string().regex(/^[a-z0-9-]{2,40}$/),
    name: z.string().min(2).max(40), // e.g. 越秀区市场监督管理局
    shortName: z.string().min(2).max(12), // e.g. 区市场监管局
    phone: z.string().max(20), // public consultation line, e.g. 020-83123456
    address: z.string().max(80),
  }),
);
export type Department = z.infer<typeof Department>;

/**
 * Where a material comes from, which decides what the application form asks for:
 * - 'upload': the person provides it — a photo or scan, or an e-licence from their wallet when `eLicence` names one;
 * - 'form':   the application itself produces it (the 申请表 filled in online, a statement made in it): never an upload;
 * - 'shared': another department or body hands it to the one deciding (部门共享, 档案报送): never an upload.
 */
export const MaterialSource = lazy(() => z.enum(['upload', 'form', 'shared']));
export type MaterialSource = z.infer<typeof MaterialSource>;

export const Material = lazy(() =>
  z.object({
    name: z.string().min(2).max(60),
    required: z.boolean(),
    form: z.enum(['original', 'copy', 'original-and-copy', 'electronic']), // 原件 / 复印件 / 原件及复印件 / 电子件
    copies: z.number().int().min(0).max(10),
    /** e-licence type that can replace it (电子证照), e.g. 'id-card', 'business-licence'; null when none. */
    eLicence: z.string().nullable(),
    source: MaterialSource,
    /**
     * What a resident is told about it, written for a person: what it is, where to get it, what form it takes, in one
     * or two plain sentences (e.g. 「在线填写（已有信息自动带出），提交时自动生成，无需上传。」). Shown as it is by the
     * guide and the application form.
     */
    instruction: z.string().min(8).max(80),
  }),
);
export type Material = z.infer<typeof Material>;

export const Step = lazy(() =>
  z.object({
    name: z.string().min(2).max(20), // 申请 / 受理 / 审查 / 决定 / 送达
    actor: z.string().max(20), // 申请人 / 窗口 / 审批科室
    description: z.string().max(120),
    days: z.number().int().min(0).max(60).optional(), // working days this step may take
  }),
);

export const Faq = lazy(() => z.object({ q: z.string().min(2).max(80), a: z.string().min(2).max(300) }));

/**
 * 特别程序 that the law keeps out of the time limits (行政许可法第四十五条: 听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审);
 * an item lists the ones it may need.
 */
export const EXCLUDED_KINDS = {
  hearing: '听证',
  'expert-review': '专家评审',
  testing: '检验检测',
  appraisal: '鉴定',
  quarantine: '检疫',
  tender: '招标拍卖',
  // 政府信息公开条例 arts. 32–33: the time spent asking a third party or another body is not counted
  'third-party': '征求第三方意见',
  'other-body': '征求其他机关意见',
} as const;
export type ExcludedKind = keyof typeof EXCLUDED_KINDS;

export const ServiceItem = lazy(() =>
  z.object({
    id: z.string().regex(/^[a-z0-9-]{2,60}$/),
    code: z.string().regex(/^\d{4}[A-Z0-9]{4,20}$/), // implementation code (实施编码), shown under the QR
    name: z.string().min(2).max(40),
    departmentId: z.string(),
    audience: z.array(Audience).min(1),
    themes: z.array(ThemeId).min(1),
    keywords: z.array(z.string().min(1).max(12)).max(12),
    summary: z.string().max(120),
    conditions: z.array(z.string().max(160)).min(1), // 受理条件
    materials: z.array(Material).min(1), // 申请材料
    legalBasis: z.array(z.string().max(200)).min(1), // 设定依据
    statutoryDays: z.number().int().min(0).max(120), // 法定办结时限 (working days)
    promisedDays: z.number().int().min(0).max(120), // 承诺办结时限 (working days), ≤ statutory
    fee: z.object({ charged: z.boolean(), description: z.string().max(120) }), // 收费标准
    channels: z.array(z.enum(['online', 'hall', 'self-service', 'mail'])).min(1), // 办理渠道
    visits: Visits, // 到现场次数
    hall: z.string().max(80), // 办理地点
    hours: z.string().max(80), // 办理时间
    steps: z.array(Step).min(2), // 办理流程 (drawn as a flow)
    result: z.string().max(60), // 审批结果 (e.g. 食品经营许可证)
    delivery: z.array(z.enum(['pickup', 'post', 'electronic'])).min(1),
    faq: z.array(Faq).min(1),
    /** Departments asked for an opinion in 并联审批 (may be empty). */
    opinionDepartmentIds: z.array(z.string()).default([]),
    popularity: z.number().int().min(0), // rough monthly applications, orders 热门事项
    online: z.boolean(), // 全程网办
    /** 实名等级 the applicant needs: 1 a WeChat login and a typed real name, 2 a real name proven by face verification */
    assurance: z.union([z.literal(1), z.literal(2)]).default(2),
    /** 特别程序 the item may need, kept out of its time limits by law (keys of EXCLUDED_KINDS) */
    excludedKinds: z.array(z.enum(Object.keys(EXCLUDED_KINDS) as [ExcludedKind, ...ExcludedKind[]])).default([]),
    /** 容缺受理试点事项: the department lets graded firms hand in some required materials later (the seeds name 47 such items) */
    deferrable: z.boolean().default(false),
    /**
     * The item's own questions (事项信息) as data, kept by the admin's catalogue screens (issue 16); absent: the questions
     * written in code for the shipped items (`ITEM_FIELDS` in shared/src/apply/forms.ts), or none.
     */
    fields: ItemFields.optional(),
  }),
);
export type ServiceItem = z.infer<typeof ServiceItem>;

/** 一件事一次办: several items, one form, one submission. */
export const Bundle = lazy(() =>
  z.object({
    id: z.string().regex(/^[a-z0-9-]{2,60}$/),
    name: z.string().min(2).max(30), // 出生一件事
    audience: Audience,
    themes: z.array(ThemeId).min(1),
    summary: z.string().max(160),
    slogan: z.string().max(60), // 一表申请、一网受理、一次不跑、一日办结
    itemIds: z.array(z.string()).min(2),
    promisedDays: z.number().int().min(0).max(60),
    visitsBefore: z.number().int().min(0).max(20), // 改革前跑动次数
    materialsBefore: z.number().int().min(0).max(60), // 改革前材料份数
    keywords: z.array(z.string().min(1).max(12)).max(12),
    /**
     * Items that need another item's result first (issue 16), e.g. 新生儿入户登记 needs the 出生医学证明: item id → the
     * ids of the items it waits for, all in `itemIds`, without cycles. Absent: every item proceeds at once.
     */
    dependsOn: z.record(z.string(), z.array(z.string()).min(1)).optional(),
  }),
);
export type Bundle = z.infer<typeof Bundle>;

/** E-licence (电子证照) type ids a material may be replaced by. */
export const E_LICENCE_TYPES = {
  'id-card': '居民身份证',
  'household-register': '居民户口簿',
  'business-licence': '营业执照',
  'marriage-certificate': '结婚证',
  diploma: '学历证书',
  'driving-licence': '机动车驾驶证',
  'birth-certificate': '出生医学证明',
  'property-certificate': '不动产权证书',
  'residence-permit': '居住证',
} as const;
export type ELicenceType = keyof typeof E_LICENCE_TYPES;
