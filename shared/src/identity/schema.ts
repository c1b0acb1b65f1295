import * as z from 'zod';
import { creditCodeProblem, isMobile, residentIdProblem } from './idNumbers';
import { lazy } from '../api/lazy';

export const Role = lazy(() => z.enum(['resident', 'enterprise', 'staff', 'grid', 'dispatcher', 'admin', 'partner']));
export type Role = z.infer<typeof Role>;

export const ROLE_NAMES: Record<Role, string> = {
  resident: '居民',
  enterprise: '企业',
  staff: '窗口/审批人员',
  grid: '网格员',
  dispatcher: '调度员',
  admin: '管理员',
  partner: '合作商户',
};

// in words a resident understands (issue 14): what is wrong and where to look, never 校验位
const ID_PROBLEMS = {
  format: '应为 18 位，最后一位是数字或 X',
  date: '号码里的出生日期不对，请核对第 7 到 14 位',
  check: '号码有误，请逐位核对，特别是最后一位',
} as const;
const CODE_PROBLEMS = { format: '应为 18 位数字或大写字母（不含 I、O、Z、S、V），见营业执照', check: '代码有误，请对照营业执照逐位核对' } as const;

/** 18-digit resident ID with its GB 11643 check digit; normalised to upper-case X. */
export const ResidentId = lazy(() =>
  z
    .string()
    .trim()
    .toUpperCase()
    .superRefine((v, ctx) => {
      const p = residentIdProblem(v);
      if (p) ctx.addIssue({ code: 'custom', message: ID_PROBLEMS[p] });
    }),
);

/** Unified social credit code with its GB 32100 check character. */
export const CreditCode = lazy(() =>
  z
    .string()
    .trim()
    .toUpperCase()
    .superRefine((v, ctx) => {
      const p = creditCodeProblem(v);
      if (p) ctx.addIssue({ code: 'custom', message: CODE_PROBLEMS[p] });
    }),
);

export const Mobile = lazy(() => z.string().trim().refine(isMobile, { message: '应为 11 位手机号码' }));

/** A person's name as on the ID card: 2–20 Chinese characters or a middle dot (少数民族姓名). */
export const PERSON_NAME_MAX = 20;
export const PersonName = lazy(() =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^[\\u4e00-\\u9fa5·]{2,${PERSON_NAME_MAX}}$`), { message: '请填写身份证上的中文姓名' }),
);

export const WechatLoginRequest = lazy(() =>
  z.strictObject({
    code: z.string().trim().min(1).max(128),
  }),
);

export const DevLoginRequest = lazy(() => z.strictObject({ userId: z.string().min(1).max(64) }));

export const RealNameRequest = lazy(() => z.strictObject({ name: PersonName, idNumber: ResidentId }));

/** 人脸核验 (L2): start with the name and ID number as typed; WeChat's session id comes back for wx.requestFacialVerify. */
export const FaceStartRequest = lazy(() => z.strictObject({ name: PersonName, idNumber: ResidentId }));
export const FaceStartResponse = lazy(() => z.object({ verifyId: z.string(), expiresIn: z.number().int() }));
/** …and finish with the same verifyId, name and ID number: the server asks WeChat for the result. */
const VerifyId = lazy(() => z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, { message: '核验编号格式不正确' }));
export const FaceFinishRequest = lazy(() => z.strictObject({ verifyId: VerifyId, name: PersonName, idNumber: ResidentId }));

/** The local stack's stand-in for the phone's face scan (H5 and tests): pass, or the person cancels. */
export const DevFaceParams = lazy(() => z.strictObject({ verifyId: VerifyId }));
export const DevFaceRequest = lazy(() => z.strictObject({ outcome: z.enum(['pass', 'cancel']) }));
export const DevFaceResponse = lazy(() => z.object({ errCode: z.number().int() }));

/** 手机号: the one-time code of WeChat's phone-number button (getPhoneNumber), exchanged by the server. */
export const PhoneBindRequest = lazy(() => z.strictObject({ code: z.string().trim().min(1).max(128) }));

/** An enterprise's name as on its business licence, at most this many characters. */
export const ENTERPRISE_NAME_MAX = 60;
export const EnterpriseBindRequest = lazy(() =>
  z.strictObject({
    enterpriseName: z.string().trim().min(2).max(ENTERPRISE_NAME_MAX),
    creditCode: CreditCode,
  }),
);

export const FIRM_ROLE_NAMES = { legal: '法定代表人', agent: '经办人' } as const;

export const EnterpriseView = lazy(() =>
  z.object({
    creditCode: z.string(),
    name: z.string(),
    grade: z.enum(['A', 'B', 'C', 'D']), // 信用等级
    legalRepresentative: z.string().optional(), // masked unless own
  }),
);
export type EnterpriseView = z.infer<typeof EnterpriseView>;

export const UserView = lazy(() =>
  z.object({
    id: z.string(),
    role: Role,
    nickname: z.string(),
    realName: z.string().optional(), // masked unless reveal
    idNumber: z.string().optional(), // masked unless reveal
    phone: z.string().optional(), // masked unless reveal
    verified: z.boolean(), // 已实名
    /** level of assurance: 1 WeChat login (a typed name at most), 2 real name proven by face verification */
    level: z.union([z.literal(1), z.literal(2)]),
    enterprise: EnterpriseView.optional(),
    /** how the account acts for its firm: 法定代表人 or 经办人 */
    firmRole: z.enum(['legal', 'agent']).optional(),
    departmentId: z.string().optional(),
    departmentName: z.string().optional(),
    area: z.string().optional(), // street / community for dispatchers and grid officials
    street: z.string().optional(), // 所在街道 id, e.g. beijing
  }),
);
export type UserView = z.infer<typeof UserView>;

export const SessionResponse = lazy(() => z.object({ token: z.string(), expiresAt: z.string(), user: UserView }));
export type SessionResponse = z.infer<typeof SessionResponse>;

export const DevUser = lazy(() => z.object({ id: z.string(), role: Role, nickname: z.string(), description: z.string() }));
export type DevUser = z.infer<typeof DevUser>;

export const MeQuery = lazy(() => z.strictObject({ reveal: z.enum(['true', 'false']).optional() }));
export const DevUserList = lazy(() => z.object({ items: z.array(DevUser) }));
