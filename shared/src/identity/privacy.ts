import * as z from 'zod';
import { lazy } from '../api/lazy';
import { CLOSE_ACCOUNT_PHRASE } from '../constants';
import type { ApplicationState } from '../applications/states';
import type { WorkOrderState } from '../workorders/states';

/**
 * 个人信息保护 (PIPL): what the service collects, why, how long it keeps it, and the person's consent to each. The text
 * is shown where the data is asked for and on the "我的个人信息" page; the version is recorded with the consent.
 */
export const PRIVACY_VERSION = '2026-11-30';

/** Days a draft is kept after its last save; an upload no application or order has used goes a day later. */
export const DRAFT_DAYS = 30;

export const CONSENT_KINDS = ['realName', 'phone'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** What is collected and why (收集的信息与用途), in the words shown to residents. */
export const COLLECTED: { key: string; what: string; why: string; consent?: ConsentKind }[] = [
  {
    key: 'realName',
    what: '姓名、身份证号码',
    why: '实名办理政务服务事项、核对申请人身份。人脸核验由微信完成，我们只保存核验结果，不保存人脸照片。',
    consent: 'realName',
  },
  { key: 'phone', what: '手机号码', why: '发送办件进度通知、工作人员联系您，以及凭手机号后 4 位查询进度。', consent: 'phone' },
  { key: 'forms', what: '申请表填写内容和上传的材料', why: '办理您申请的事项，由承办部门依法审核。' },
  { key: 'appeals', what: '诉求描述、照片和位置', why: '派单到承办单位、现场处置和回访。默认不公开；您选择公开时只公开去除个人信息的内容。' },
];

/** How long things are kept (保存期限). */
export const RETENTION: { what: string; keep: string }[] = [
  { what: '草稿', keep: `最后一次保存后 ${DRAFT_DAYS} 天自动删除` },
  { what: '未用于办件或诉求的上传文件', keep: `上传 ${DRAFT_DAYS + 1} 天后自动删除（草稿保存期间不会删除）` },
  { what: '已办结的办件、诉求及材料', keep: '按政务服务档案管理规定保存（一般不少于 10 年），期满销毁；注销账号后仅用于依法查询和审计' },
  { what: '系统访问日志', keep: '180 天（网络安全法第二十一条）' },
  { what: '账号信息（姓名、证件号、手机号、授权记录）', keep: '注销账号时立即删除' },
];

/** Who may ask for the export and closing: people who hold their own data in the service. */
export const Consent = lazy(() => z.object({ version: z.string(), at: z.string() }));
export type Consent = z.infer<typeof Consent>;

/** 我的个人信息: what is held now and the consents given. */
export const PrivacyView = lazy(() =>
  z.object({
    version: z.string(),
    consents: z.object({ realName: Consent.optional(), phone: Consent.optional() }),
    /** open matters that keep the account from being closed */
    openApplications: z.number(),
    openWorkOrders: z.number(),
  }),
);
export type PrivacyView = z.infer<typeof PrivacyView>;

/** 导出我的数据: everything the service holds about the person, in full (it is their own). */
export const MyDataExport = lazy(() =>
  z.object({
    exportedAt: z.string(),
    profile: z.object({
      id: z.string(),
      nickname: z.string(),
      realName: z.string().optional(),
      idNumber: z.string().optional(),
      phone: z.string().optional(),
      enterpriseCode: z.string().optional(),
      createdAt: z.string(),
    }),
    consents: z.object({ realName: Consent.optional(), phone: Consent.optional() }),
    applications: z.array(
      z.object({ appNo: z.string(), itemName: z.string(), state: z.string(), submittedAt: z.string(), answers: z.record(z.string(), z.unknown()) }),
    ),
    drafts: z.array(z.object({ formId: z.string(), savedAt: z.string(), answers: z.record(z.string(), z.unknown()) })),
    workOrders: z.array(
      z.object({ no: z.string(), category: z.string(), state: z.string(), createdAt: z.string(), description: z.string(), address: z.string().optional() }),
    ),
    messages: z.array(z.object({ at: z.string(), title: z.string(), body: z.string() })),
    /** a list longer than the export holds says so: ask the hall for the rest */
    truncated: z.array(z.string()),
  }),
);
export type MyDataExport = z.infer<typeof MyDataExport>;

// 注销账号's typed phrase lives in ../constants (zod-free, for the H5 first screen)
export { CLOSE_ACCOUNT_PHRASE };
export const CloseAccountRequest = lazy(() => z.strictObject({ confirm: z.literal(CLOSE_ACCOUNT_PHRASE, { message: `请输入“${CLOSE_ACCOUNT_PHRASE}”确认` }) }));
export const CloseAccountResponse = lazy(() => z.object({ closedAt: z.string() }));

/** Matters still being handled: the account cannot be closed under them (the department or team still needs the person). */
export const APPLICATION_STATES_CLOSED: ApplicationState[] = ['not_accepted', 'denied', 'delivered', 'withdrawn', 'terminated'];
export const WORK_ORDER_STATES_OPEN: WorkOrderState[] = ['dispatched', 'claimed', 'in_progress', 'returned'];
