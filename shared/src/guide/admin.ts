import * as z from 'zod';
import { lazy } from '../api/lazy';
import { PageLimit } from '../api/paging';
import { FormDef, ItemFields } from '../apply/form';
import { Audience, E_LICENCE_TYPES, EXCLUDED_KINDS, ServiceItem, ThemeId, type ELicenceType, type ExcludedKind } from './schema';
import { ServiceSummary } from './api';

/**
 * The admin's catalogue screens (issue 16): a service item as the admin writes it, saved as a new immutable version.
 * What the admin does not write (code, steps, FAQ, fees…) comes from the version edited, or for a new item from plain
 * defaults (`functions/src/guide/catalogueAdmin.ts`).
 */

const SLUG = /^[a-z0-9-]{2,60}$/;
const DELIVERY = ['pickup', 'post', 'electronic'] as const;

/** A material as the admin writes it: its name, whether it must be given, which e-licence may replace it. */
export const MaterialInput = lazy(() =>
  z.strictObject({
    name: z.string({ message: '材料名称必填' }).trim().min(2, { message: '材料名称至少 2 个字' }).max(60, { message: '材料名称不能超过 60 个字' }),
    required: z.boolean({ message: '请选择材料是否必交' }),
    /** e-licence type that may replace it (电子证照), null for none */
    eLicence: z
      .enum(Object.keys(E_LICENCE_TYPES) as [ELicenceType, ...ELicenceType[]], { message: '不是可用的电子证照类型' })
      .nullable()
      .default(null),
    form: z.enum(['original', 'copy', 'original-and-copy', 'electronic'], { message: '材料形式不正确' }).default('copy'),
    /** upload: the applicant gives it; form: the application itself produces it; shared: another department provides it */
    source: z.enum(['upload', 'form', 'shared'], { message: '材料来源不正确' }).default('upload'),
    /** what the applicant is told; a plain default when left out */
    instruction: z.string().trim().min(8, { message: '材料说明至少 8 个字' }).max(80, { message: '材料说明不能超过 80 个字' }).optional(),
  }),
);
export type MaterialInput = z.input<typeof MaterialInput>;

const days = (what: string) =>
  z
    .number({ message: `${what}应为 0–120 的整数（工作日）` })
    .int({ message: `${what}应为整数（工作日）` })
    .min(0, { message: `${what}不能小于 0` })
    .max(120, { message: `${what}不能超过 120 个工作日` });

const itemShape = () => ({
  name: z.string({ message: '事项名称必填' }).trim().min(2, { message: '事项名称至少 2 个字' }).max(40, { message: '事项名称不能超过 40 个字' }),
  departmentId: z.string({ message: '请选择实施部门' }).regex(/^[a-z0-9-]{2,40}$/, { message: '请选择实施部门' }),
  audience: z.array(Audience, { message: '请选择服务对象' }).min(1, { message: '请选择服务对象（个人或企业）' }).max(2),
  summary: z.string({ message: '事项简介必填' }).trim().min(4, { message: '事项简介至少 4 个字' }).max(120, { message: '事项简介不能超过 120 个字' }),
  conditions: z
    .array(z.string().trim().min(2, { message: '受理条件至少 2 个字' }).max(160, { message: '受理条件每条不能超过 160 个字' }), { message: '请填写受理条件' })
    .min(1, { message: '至少填写 1 条受理条件' })
    .max(20, { message: '受理条件最多 20 条' }),
  materials: z.array(MaterialInput, { message: '请填写申请材料' }).min(1, { message: '至少要有 1 项申请材料' }).max(30, { message: '申请材料最多 30 项' }),
  /** the item's own questions on the application form (事项信息) */
  fields: ItemFields.default([]),
  promisedDays: days('承诺时限'),
  statutoryDays: days('法定时限'),
  online: z.boolean({ message: '请选择是否全程网办' }),
  assurance: z.union([z.literal(1), z.literal(2)], { message: '实名等级应为 1（实名登记）或 2（人脸核验）' }),
  deferrable: z.boolean({ message: '请选择是否可容缺受理' }),
  excludedKinds: z
    .array(z.enum(Object.keys(EXCLUDED_KINDS) as [ExcludedKind, ...ExcludedKind[]], { message: '不是可选的特别程序' }))
    .max(6)
    .default([]),
  delivery: z.array(z.enum(DELIVERY, { message: '送达方式应为窗口领取、邮寄送达或电子证照' })).min(1, { message: '至少选择 1 种送达方式' }),
  themes: z.array(ThemeId, { message: '主题分类不正确' }).min(1, { message: '至少选择 1 个主题' }).optional(),
  result: z.string().trim().min(2, { message: '办理结果至少 2 个字' }).max(60, { message: '办理结果不能超过 60 个字' }).optional(),
});

type ItemShape = z.infer<z.ZodObject<ReturnType<typeof itemShape>>>;

/** Rules across fields, with the messages an admin reads. */
function checkItem(v: ItemShape, ctx: z.core.$RefinementCtx<ItemShape>) {
  if (v.promisedDays > v.statutoryDays) ctx.addIssue({ code: 'custom', message: '承诺时限不能长于法定时限', path: ['promisedDays'] });
  const names = v.materials.map((m) => m.name);
  if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', message: '申请材料名称重复', path: ['materials'] });
  if (new Set(v.audience).size !== v.audience.length) ctx.addIssue({ code: 'custom', message: '服务对象重复', path: ['audience'] });
  if (new Set(v.delivery).size !== v.delivery.length) ctx.addIssue({ code: 'custom', message: '送达方式重复', path: ['delivery'] });
  if (v.deferrable && !v.materials.some((m) => m.required && m.source === 'upload')) {
    ctx.addIssue({ code: 'custom', message: '容缺受理需要至少 1 项必交的上传材料', path: ['deferrable'] });
  }
}

/** POST /v1/admin/catalogue/items: a new item (its id made from the time when not given). */
export const NewCatalogueItem = lazy(() =>
  z
    .strictObject({
      id: z.string().regex(SLUG, { message: '事项编号只含小写字母、数字和 -，2–60 位' }).optional(),
      ...itemShape(),
    })
    .superRefine(checkItem),
);
export type NewCatalogueItem = z.input<typeof NewCatalogueItem>;

/** POST /v1/admin/catalogue/items/{id}/versions: the item as edited, and the version it was edited from (another save since: 409). */
export const CatalogueItemVersionRequest = lazy(() =>
  z
    .strictObject({
      ...itemShape(),
      expectedVersion: z
        .number({ message: '缺少所编辑的版本号，请刷新后再保存' })
        .int({ message: '版本号应为正整数' })
        .min(1, { message: '版本号应为正整数' })
        .max(1_000_000, { message: '版本号应为正整数' }),
      /** what changed, in a few words, for the history */
      note: z.string().trim().max(60, { message: '修改说明不能超过 60 个字' }).optional(),
    })
    .superRefine(checkItem),
);
export type CatalogueItemVersionRequest = z.input<typeof CatalogueItemVersionRequest>;

export const CatalogueListQuery = lazy(() =>
  z.strictObject({
    q: z.string().trim().max(30, { message: '搜索词不能超过 30 个字' }).optional(),
    department: z
      .string()
      .regex(/^[a-z0-9-]{2,40}$/, { message: '部门编号不正确' })
      .optional(),
    limit: PageLimit,
    cursor: z
      .string()
      .regex(/^\d{1,5}$/, { message: '翻页位置不正确' })
      .optional(),
  }),
);
export type CatalogueListQuery = z.infer<typeof CatalogueListQuery>;

export const CatalogueItemParams = lazy(() => z.strictObject({ id: z.string().regex(SLUG, { message: '事项编号不正确' }) }));
export const CatalogueVersionParams = lazy(() =>
  z.strictObject({
    id: z.string().regex(SLUG, { message: '事项编号不正确' }),
    version: z
      .string()
      .regex(/^[1-9]\d{0,6}$/, { message: '版本号应为正整数' })
      .transform(Number),
  }),
);

export const CatalogueListResponse = lazy(() =>
  z.object({
    items: z.array(ServiceSummary),
    total: z.number().int(),
    nextCursor: z.string().nullable(),
  }),
);
export type CatalogueListResponse = z.infer<typeof CatalogueListResponse>;

/** One saved version, for the history. */
export const CatalogueVersionEntry = lazy(() =>
  z.object({
    version: z.number().int(),
    name: z.string(),
    savedAt: z.string().optional(),
    savedBy: z.string().optional(),
    note: z.string().optional(),
    /** how many own questions the form asked in that version */
    fieldCount: z.number().int(),
  }),
);
export type CatalogueVersionEntry = z.infer<typeof CatalogueVersionEntry>;

/** GET /v1/admin/catalogue/items/{id}: the current version, the history (newest first), the bundles that include it. */
/** One saved version of an item: what it was, its number, who saved it and why. */
const savedVersion = () => ({
  item: ServiceItem,
  version: z.number().int(),
  savedAt: z.string().optional(),
  savedBy: z.string().optional(),
  note: z.string().optional(),
});

export const CatalogueItemView = lazy(() =>
  z.object({
    ...savedVersion(),
    /** the item's own questions as the form asks them (the shipped items' code-written questions included) */
    fields: ItemFields,
    versions: z.array(CatalogueVersionEntry),
    bundles: z.array(z.object({ id: z.string(), name: z.string() })),
  }),
);
export type CatalogueItemView = z.infer<typeof CatalogueItemView>;

/** GET /v1/admin/catalogue/items/{id}/versions/{version}: one version as saved, with the form it gave. */
export const CatalogueVersionView = lazy(() =>
  z.object({
    ...savedVersion(),
    current: z.boolean(),
    form: FormDef,
  }),
);
export type CatalogueVersionView = z.infer<typeof CatalogueVersionView>;
