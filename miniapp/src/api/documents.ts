import Taro from '@tarojs/taro';
import type * as S from '@yx/shared';
import { MAX_DOCUMENT_BYTES } from '@yx/shared';
import type * as z from 'zod';
import { ApiError, call } from './client';
import { postToStore, type UploadProgress } from './upload';

/** 电子证明 and 文书 (issue 15): the holder's wallet, the public verification, the officer's revocation (shared/src/documents/api.ts). */

export type DocumentView = z.output<typeof S.DocumentView>;
export type DocumentRef = z.output<typeof S.DocumentRef>;
export type DocumentDetail = z.output<typeof S.DocumentDetail>;
export type DocumentUse = z.output<typeof S.DocumentUse>;
export type ShareLink = z.output<typeof S.ShareLink>;
export type VerifyResult = z.output<typeof S.VerifyResult>;
export type VerifyOutcome = VerifyResult['outcome'];
export type ShareDays = 1 | 7 | 30;

export const documentsApi = {
  /** 出具电子证明: the applicant at once (when the data is on record), or the department's officer after approval. */
  issue: (appNo: string) => call('POST /v1/applications/{appNo}/document', { params: { appNo } }),
  mine: () => call('GET /v1/me/documents'),
  /** the e-licences (营业执照…) the wallet also holds */
  licences: () => call('GET /v1/me/licences'),
  detail: (serial: string) => call('GET /v1/me/documents/{serial}', { params: { serial } }),
  share: (serial: string, days: ShareDays) => call('POST /v1/me/documents/{serial}/share', { params: { serial }, body: { days } }),
  revoke: (serial: string, reason: string) => call('POST /v1/staff/documents/{serial}/revoke', { params: { serial }, body: { reason } }),
  /** Public: serial + check code (c), or a holder's share token (t). */
  verify: (serial: string, q: { c?: string; t?: string }) => call('GET /v1/verify/{serial}', { params: { serial }, query: q }),
  uploadTicket: () => call('POST /v1/verify/uploads'),
  checkUpload: (ticket: string) => call('POST /v1/verify/uploads/{ticket}', { params: { ticket } }),
};

/** What a document's status is called on a tag. */
export const DOCUMENT_STATUS: Record<DocumentView['status'], { name: string; tone: string }> = {
  valid: { name: '有效', tone: 'tag-green' },
  revoked: { name: '已撤销', tone: 'tag-red' },
};

/** The last day a document is good for has passed (its status stays 有效: only revocation changes it). */
export const pastValidity = (d: { validUntil?: string }) =>
  Boolean(d.validUntil && d.validUntil < new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));

/** A page of the wallet: one document. */
export const openDocument = (serial: string) => Taro.navigateTo({ url: `/packages/wallet/document/index?serial=${encodeURIComponent(serial)}` });

// ---- 上传证明文件核验: a PDF chosen on the phone or in the browser, checked before it is sent ----

/** A PDF to check: a path Taro.uploadFile can send (a blob: URL in H5), its size and name. */
export interface PickedPdf {
  path: string;
  size: number;
  name: string;
  type?: string;
  /** H5: the blob: URL made for the file, to let go of once sent */
  release?: () => void;
}

/** Why a chosen file cannot be one of our certificates, before anything is sent; undefined when it may be. */
export function pdfProblem(f: { size: number; name: string; type?: string }): string | undefined {
  const isPdf = f.type === 'application/pdf' || /\.pdf$/i.test(f.name);
  if (!isPdf) return '请选择 PDF 格式的证明文件（文件名以 .pdf 结尾）';
  if (f.size > MAX_DOCUMENT_BYTES) return `文件太大（${Math.ceil(f.size / 1024)} KB）。本系统出具的证明都不超过 300 KB，这个文件不是原件`;
  if (f.size === 0) return '文件是空的，请重新选择';
  return undefined;
}

/** WeChat: the PDF from a chat (证明 are usually sent as a file). Undefined when the person cancels. */
export async function choosePdfInWeChat(): Promise<PickedPdf | undefined> {
  try {
    const r = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf'] });
    const f = r.tempFiles?.[0];
    // tempFiles' type is 'file' here, not a MIME type: the name tells
    return f ? { path: f.path, size: f.size, name: f.name } : undefined;
  } catch {
    return undefined;
  }
}

/** H5: the file from an <input type="file">, as a blob: URL for Taro.uploadFile. */
export function pdfFromFile(file: File): PickedPdf {
  const url = URL.createObjectURL(file);
  return { path: url, size: file.size, name: file.name, type: file.type, release: () => URL.revokeObjectURL(url) };
}

/**
 * 上传核验: refuse what cannot be ours, get a ticket, post the file straight to the store on it (with progress), then let
 * the API check the signature and compare the file with the record.
 */
export async function checkPdf(f: PickedPdf, onProgress: (p: UploadProgress) => void): Promise<VerifyResult> {
  try {
    const problem = pdfProblem(f);
    if (problem) throw new ApiError(0, 'CLIENT', problem);
    const ticket = await documentsApi.uploadTicket();
    onProgress({ stage: 'uploading', percent: 0 });
    await postToStore(ticket.upload, f.path, onProgress, `${f.name.replace(/\.pdf$/i, '').slice(0, 80) || '证明'}.pdf`);
    return await documentsApi.checkUpload(ticket.ticket);
  } finally {
    f.release?.();
  }
}
