import * as z from 'zod';
import { lazy } from '../api/lazy';
import { STREETS } from '../places/streets';
import { Department } from '../guide/schema';

/**
 * Staff accounts (工作人员): the admin invites a person to a role and a posting with a one-time code that binds on the
 * invitee's login, changes roles and postings, and disables accounts. A change ends the person's sessions at once.
 */
export const STAFF_ROLES = ['staff', 'grid', 'dispatcher', 'partner', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const STAFF_ROLE_NAMES: Record<StaffRole, string> = {
  staff: '窗口/审批人员',
  grid: '网格员',
  dispatcher: '街道调度员',
  partner: '合作商户核销员',
  admin: '管理员',
};
export const INVITATION_DAYS = 7;

const StreetId = lazy(() => z.enum(STREETS.map((s) => s.id) as [string, ...string[]], { message: '请选择街道' }));
const Slug = lazy(() => z.string().regex(/^[a-z0-9-]{2,40}$/, { message: '编号格式不正确' }));

/** A role and where the person works: a department (staff, admin), a street (dispatcher), a grid (grid official), a partner. */
export const Posting = lazy(() =>
  z.discriminatedUnion('role', [
    z.strictObject({ role: z.literal('staff'), departmentId: Slug }),
    z.strictObject({ role: z.literal('dispatcher'), street: StreetId }),
    z.strictObject({ role: z.literal('grid'), street: StreetId, community: z.string().trim().min(2).max(20) }),
    z.strictObject({ role: z.literal('partner'), partnerId: Slug }),
    z.strictObject({ role: z.literal('admin'), departmentId: Slug.optional() }),
  ]),
);
export type Posting = z.output<typeof Posting>;

const DisplayName = lazy(() => z.string().trim().min(2, { message: '请填写称呼（2–20 个字）' }).max(20, { message: '称呼最多 20 个字' }));

export const InvitationRequest = lazy(() => z.strictObject({ displayName: DisplayName, posting: Posting }));
export type InvitationRequest = z.output<typeof InvitationRequest>;

export const InvitationView = lazy(() =>
  z.object({
    id: z.string(),
    displayName: z.string(),
    role: z.enum(STAFF_ROLES),
    postingName: z.string(),
    createdAt: z.string(),
    expiresAt: z.string(),
    status: z.enum(['pending', 'used', 'expired']),
    usedBy: z.string().optional(),
  }),
);
export type InvitationView = z.infer<typeof InvitationView>;
/** The code is shown once, when the invitation is made; only its hash is kept. */
export const InvitationCreated = lazy(() => z.object({ code: z.string(), invitation: InvitationView }));
export const InvitationList = lazy(() => z.object({ items: z.array(InvitationView) }));

/** 8 characters without look-alikes (no 0/O, 1/I/L), shown as XXXX-XXXX. */
export const INVITATION_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const InvitationCode = lazy(() =>
  z
    .string()
    .trim()
    .toUpperCase()
    .transform((v) => v.replace(/[\s-]/g, ''))
    .refine((v) => new RegExp(`^[${INVITATION_ALPHABET}]{8}$`).test(v), { message: '邀请码应为 8 位字母或数字' }),
);
export const AcceptInvitationRequest = lazy(() => z.strictObject({ code: InvitationCode }));

export const StaffView = lazy(() =>
  z.object({
    id: z.string(),
    nickname: z.string(),
    role: z.enum(STAFF_ROLES),
    postingName: z.string(),
    departmentId: z.string().optional(),
    street: z.string().optional(),
    area: z.string().optional(),
    partnerId: z.string().optional(),
    disabled: z.boolean(),
    updatedAt: z.string(),
  }),
);
export type StaffView = z.infer<typeof StaffView>;
export const StaffList = lazy(() => z.object({ items: z.array(StaffView), nextCursor: z.string().nullable() }));
export const StaffQuery = lazy(() =>
  z.strictObject({
    limit: z.coerce.number().int().min(1).max(50).default(20),
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,400}$/, { message: '翻页位置不正确' })
      .optional(),
  }),
);
/** A change of role and posting, or 停用 / 启用; at least one. */
export const StaffChangeRequest = lazy(() =>
  z
    .strictObject({ posting: Posting.optional(), disabled: z.boolean().optional() })
    .refine((c) => c.posting || c.disabled !== undefined, { message: '请说明要修改什么' }),
);
export const StaffParams = lazy(() => z.strictObject({ userId: z.string().regex(/^u-[A-Za-z0-9-]{1,60}$/, { message: '用户编号格式不正确' }) }));

// ---- 组织架构: departments, streets and their grids (网格) ----------------------------------------------

export const DepartmentFields = lazy(() =>
  z.strictObject({
    name: z.string().trim().min(2, { message: '请填写部门全称' }).max(40),
    shortName: z.string().trim().min(2, { message: '请填写简称（2–12 个字）' }).max(12, { message: '简称最多 12 个字' }),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9-]{5,20}$/, { message: '请填写咨询电话，如 020-83123456' }),
    address: z.string().trim().min(4, { message: '请填写办公地址' }).max(80),
  }),
);
export const NewDepartment = lazy(() => DepartmentFields.extend({ id: Slug }));
export const DepartmentParams = lazy(() => z.strictObject({ id: Slug }));
export const StreetParams = lazy(() => z.strictObject({ street: Slug }));
const GridName = lazy(() => z.string().trim().min(2, { message: '社区名称 2–20 个字' }).max(20, { message: '社区名称 2–20 个字' }));
export const GridsRequest = lazy(() =>
  z.strictObject({
    grids: z
      .array(GridName)
      .max(60, { message: '一个街道最多 60 个网格' })
      .refine((g) => new Set(g).size === g.length, { message: '社区名称不能重复' }),
  }),
);
export const OrgView = lazy(() =>
  z.object({
    departments: z.array(Department),
    streets: z.array(z.object({ id: z.string(), name: z.string(), grids: z.array(z.string()) })),
  }),
);
export type OrgView = z.infer<typeof OrgView>;
