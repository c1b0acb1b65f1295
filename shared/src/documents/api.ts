import * as z from 'zod';
import { lazy } from '../api/lazy';

/**
 * 电子证明 and 文书 (issue 15): sealed PDFs a department issues, that anyone can verify.
 *
 * - Serial (证明编号): `ZM` (certificate) or `TZ` (formal notice) + the issue date + a 6-digit number of the day.
 * - Check code (核验码): 6 characters without look-alikes (no 0/O/1/I), printed on the document beside the serial.
 *   Serial and code together let anyone verify; a serial alone reveals nothing.
 */
export const SERIAL_PATTERN = /^(ZM|TZ)\d{8}\d{6}$/;
export const CHECK_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CHECK_CODE_PATTERN = /^[2-9A-HJ-NP-Z]{6}$/;
/** A certificate's PDF stays under this (the budget); an uploaded copy over it cannot be ours. */
export const MAX_DOCUMENT_BYTES = 300 * 1024;

export const Serial = lazy(() => z.string().trim().toUpperCase().regex(SERIAL_PATTERN, { message: '证明编号应为 ZM 或 TZ 开头的 16 位编号' }));
export const CheckCode = lazy(() => z.string().trim().toUpperCase().regex(CHECK_CODE_PATTERN, { message: '核验码应为 6 位字母或数字' }));
export const SerialParams = lazy(() => z.strictObject({ serial: Serial }));

export const DocumentKind = lazy(() => z.enum(['certificate', 'notice']));
export type DocumentKind = z.infer<typeof DocumentKind>;
export const DocumentStatus = lazy(() => z.enum(['valid', 'revoked']));
export type DocumentStatus = z.infer<typeof DocumentStatus>;

/** A document as an application lists it (办件详情 and the officer's view). */
export const DocumentRef = lazy(() => z.object({ serial: z.string(), title: z.string(), kind: DocumentKind, status: DocumentStatus }));
export type DocumentRef = z.infer<typeof DocumentRef>;

/** A document as its holder sees it (证照夹): everything printed on it. */
export const DocumentView = lazy(() =>
  z.object({
    serial: z.string(),
    checkCode: z.string(),
    kind: DocumentKind,
    /** 无犯罪记录证明, 受理通知书… */
    title: z.string(),
    itemId: z.string(),
    appNo: z.string().optional(),
    departmentId: z.string(),
    issuer: z.string(),
    /** the person or firm it is about, as printed (the holder's own: unmasked) */
    subject: z.string(),
    issuedAt: z.string(),
    /** last day it is valid (YYYY-MM-DD), when the item has a validity period */
    validUntil: z.string().optional(),
    status: DocumentStatus,
    revokedAt: z.string().optional(),
    revokedReason: z.string().optional(),
    /** the public page the QR code opens (serial + check code) */
    verifyUrl: z.string(),
    bytes: z.number(),
  }),
);
export type DocumentView = z.infer<typeof DocumentView>;
export const DocumentList = lazy(() => z.object({ items: z.array(DocumentView) }));

/** One use of a document: an application it was given to with the holder's authorisation, or a verification. */
export const DocumentUse = lazy(() =>
  z.object({
    at: z.string(),
    kind: z.enum(['application', 'verified', 'shared', 'downloaded']),
    /** who: 区公安分局, 通过分享链接核验… */
    who: z.string(),
    appNo: z.string().optional(),
  }),
);
export type DocumentUse = z.infer<typeof DocumentUse>;

export const DocumentDetail = lazy(() =>
  z.object({
    document: DocumentView,
    /** a short-lived link to the PDF (an <a>/openDocument cannot send our Authorization header) */
    pdfUrl: z.string(),
    uses: z.array(DocumentUse),
  }),
);
export type DocumentDetail = z.infer<typeof DocumentDetail>;

/** 分享核验链接: how long the link works. */
export const ShareRequest = lazy(() => z.strictObject({ days: z.union([z.literal(1), z.literal(7), z.literal(30)]) }));
export const ShareLink = lazy(() => z.object({ url: z.string(), expiresAt: z.string() }));
export type ShareLink = z.infer<typeof ShareLink>;

/** The issuing department revokes (撤销), with the reason verification shows. */
export const RevokeRequest = lazy(() =>
  z.strictObject({ reason: z.string().trim().min(4, { message: '请写明撤销原因（至少 4 个字）' }).max(200, { message: '撤销原因不能超过 200 字' }) }),
);

/** GET /v1/verify/{serial}: with the check code, or a holder's share token. */
export const VerifyQuery = lazy(() =>
  z.strictObject({
    c: CheckCode.optional(),
    t: z
      .string()
      .regex(/^[A-Za-z0-9_-]{20,400}(\.[A-Za-z0-9_-]{1,400}){0,2}$/, { message: '分享链接不完整' })
      .optional(),
  }),
);

/**
 * What verification (核验) tells anyone: the document's public facts, the subject masked.
 * `outcome`: genuine — as issued and in force; revoked; expired; altered — the file is not the one issued
 * (signature or content does not match); unknown — no seal of ours in the file.
 */
export const VerifyOutcome = lazy(() => z.enum(['genuine', 'revoked', 'expired', 'altered', 'unknown']));
export type VerifyOutcome = z.infer<typeof VerifyOutcome>;
export const VerifyResult = lazy(() =>
  z.object({
    outcome: VerifyOutcome,
    /** one sentence a person understands */
    message: z.string(),
    document: z
      .object({
        serial: z.string(),
        title: z.string(),
        issuer: z.string(),
        subject: z.string(),
        issuedAt: z.string(),
        validUntil: z.string().optional(),
        status: DocumentStatus,
        revokedAt: z.string().optional(),
        revokedReason: z.string().optional(),
      })
      .optional(),
    /** for an uploaded file: what was checked */
    file: z.object({ signature: z.enum(['valid', 'invalid', 'missing']), matchesRecord: z.boolean(), reason: z.string() }).optional(),
  }),
);
export type VerifyResult = z.infer<typeof VerifyResult>;

/** POST /v1/verify/uploads: a ticket to post one PDF (≤ 300 KB) straight to the store. */
export const VerifyUploadTicket = lazy(() =>
  z.object({ ticket: z.string(), upload: z.object({ url: z.string(), fields: z.record(z.string(), z.string()) }), expiresInSeconds: z.number() }),
);
export const VerifyTicketParams = lazy(() => z.strictObject({ ticket: z.string().regex(/^v_[A-Za-z0-9_-]{16,64}$/, { message: '核验文件编号不正确' }) }));
