/** 依申请公开: the officer's extension and reply bodies, and what the requester and the officer see (zod contract). */
import * as z from 'zod';
import { lazy } from '../api/lazy';
import { EXEMPTION_IDS, REPLY_KIND_IDS, type ReplyKind } from './rules';

const Version = lazy(() => z.number().int().min(1));
const FileId = lazy(() => z.string().regex(/^f_[A-Za-z0-9_-]{8,64}$/, { message: '文件编号不正确' }));
export const DISCLOSURE_TEXT_MAX = 1000;
export const DISCLOSURE_FILES_MAX = 10;

/** 延长答复期限 (art. 33) or 延迟答复 (art. 35): approved by the head of the information-disclosure office, whose name is recorded. */
export const ExtendBody = lazy(() =>
  z.strictObject({
    version: Version,
    basis: z.enum(['art33', 'art35'], { message: '请选择延期依据：第三十三条延长答复期限，或第三十五条延迟答复' }),
    days: z
      .number({ message: '延长天数应为数字' })
      .int({ message: '延长天数应为整数' })
      .min(1, { message: '至少延长 1 个工作日' })
      .max(60, { message: '最多延长 60 个工作日' }),
    approvedBy: z.string().trim().min(2, { message: '请填写批准人（政府信息公开工作机构负责人）' }).max(20),
    reason: z.string().trim().min(2, { message: '请写明延期理由' }).max(300),
  }),
);

/** What each kind of reply must carry, beyond its text. */
export const REPLY_NEEDS: Readonly<Record<ReplyKind, readonly ('files' | 'where' | 'exemption' | 'withheld' | 'earlierAppNo')[]>> = {
  published: ['where'],
  disclosed: ['files'],
  partial: ['files', 'withheld', 'exemption'],
  withheld: ['exemption'],
  not_exist: [],
  not_ours: [],
  repeated: ['earlierAppNo'],
  other_law: ['where'],
  not_processed: [],
};

const NEED_MESSAGES = {
  files: '请上传提供给申请人的政府信息（PDF）',
  where: '请写明获取该信息的方式、途径（如网址、公开载体、办理机构）',
  exemption: '请选择不予公开的依据（条例第十四、十五或十六条）',
  withheld: '请写明不予公开的部分',
  earlierAppNo: '请填写此前已答复的申请编号',
} as const;

/** 答复 (art. 36/37/35): the kind, the text addressed to the requester, and what the kind needs. */
export const ReplyBody = lazy(() =>
  z
    .strictObject({
      version: Version,
      kind: z.enum(REPLY_KIND_IDS, { message: '请选择答复类型' }),
      text: z.string().trim().min(2, { message: '请填写答复内容' }).max(DISCLOSURE_TEXT_MAX),
      files: z
        .array(FileId)
        .max(DISCLOSURE_FILES_MAX, { message: `最多附 ${DISCLOSURE_FILES_MAX} 个文件` })
        .optional(),
      where: z.string().trim().min(2).max(200).optional(),
      exemption: z.enum(EXEMPTION_IDS, { message: '请选择不予公开的依据' }).optional(),
      withheld: z.string().trim().min(2).max(300).optional(),
      rightBody: z.strictObject({ name: z.string().trim().min(2).max(60), contact: z.string().trim().min(2).max(60).optional() }).optional(),
      earlierAppNo: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^YX\d{14}$/, { message: '应为 YX 开头的 16 位办件编号' })
        .optional(),
    })
    .superRefine((v, ctx) => {
      for (const need of REPLY_NEEDS[v.kind]) {
        const given = need === 'files' ? Boolean(v.files?.length) : Boolean(v[need]);
        if (!given) ctx.addIssue({ code: 'custom', path: [need], message: NEED_MESSAGES[need] });
      }
    }),
);
export type ReplyBody = z.output<typeof ReplyBody>;

/** The request's clock and reply as the requester and the officer see them. */
export const DisclosureView = lazy(() =>
  z.object({
    /** what was asked (art. 29), with the 补正 answer: the requester's own words, for them and the handling officer */
    request: z.object({
      requestedInfo: z.string(),
      documentNo: z.string().optional(),
      format: z.string(),
      clarification: z.string().optional(),
    }),
    receivedOn: z.string(),
    restartedOn: z.string().optional(),
    /** the 补正 went unanswered past its date: 视为放弃申请 (art. 30) */
    abandonedOn: z.string().optional(),
    /** the reply deadline now (20 working days, moved by 补正, the extension, the days asking others) */
    deadline: z.string(),
    /** art. 30: the last day for a 补正 notice (officer's view) */
    clarifyBy: z.string().optional(),
    extension: z.object({ basis: z.enum(['art33', 'art35']), days: z.number(), approvedBy: z.string(), reason: z.string(), on: z.string() }).optional(),
    /** a third party or another body being asked now, and by when it should answer */
    consulting: z.object({ name: z.string(), since: z.string(), answerBy: z.string().optional() }).optional(),
    pausedDays: z.number(),
    /** art. 35: the requester's requests in the last 30 days (officer's view only) */
    recentRequests: z.number().optional(),
    frequent: z.boolean().optional(),
    reply: z
      .object({
        kind: z.enum(REPLY_KIND_IDS),
        kindName: z.string(),
        on: z.string(),
        onTime: z.boolean(),
        text: z.string(),
        where: z.string().optional(),
        exemption: z.object({ name: z.string(), basis: z.string() }).optional(),
        withheld: z.string().optional(),
        rightBody: z.object({ name: z.string(), contact: z.string().optional() }).optional(),
        earlierAppNo: z.string().optional(),
        files: z.array(z.object({ fileId: z.string(), url: z.string(), fileName: z.string(), contentType: z.string() })),
        remedies: z.string(),
      })
      .optional(),
  }),
);
export type DisclosureView = z.output<typeof DisclosureView>;

/** 年度报告: a year's figures by department (received, replied, on time, by reply kind). */
export const AnnualQuery = lazy(() => z.strictObject({ year: z.coerce.number({ message: '年份应为数字' }).int().min(2019).max(2099) }));
export const AnnualFigures = lazy(() =>
  z.object({
    year: z.number(),
    departments: z.array(
      z.object({
        departmentId: z.string(),
        departmentName: z.string(),
        received: z.number(),
        replied: z.number(),
        onTime: z.number(),
        byKind: z.record(z.string(), z.number()),
      }),
    ),
    total: z.object({ received: z.number(), replied: z.number(), onTime: z.number(), byKind: z.record(z.string(), z.number()) }),
  }),
);
export type AnnualFigures = z.output<typeof AnnualFigures>;
