import Taro from '@tarojs/taro';
import { MAX_UPLOAD_BYTES } from '@yx/shared';
import { api, ApiError } from './client';
import { compressPhoto, type Photo } from './compress';
import { shouldCompress } from './photoSize';

const IMAGE_TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };

export interface Uploaded {
  fileId: string;
  fileName: string;
}

/** Where an upload is: shrinking the photo on the phone, then sending it (percent of the bytes sent). */
export type UploadProgress = { stage: 'compressing' } | { stage: 'uploading'; percent: number };

/** 正在压缩… / 正在上传 45% */
export const uploadProgressText = (p: UploadProgress): string => (p.stage === 'compressing' ? '正在压缩…' : `正在上传 ${p.percent}%`);

export interface UploadOptions {
  /** Each step, for a progress line on the page; without it WeChat's loading toast says the same. */
  onProgress?: (p: UploadProgress) => void;
}

function messageOf(body: unknown): string | undefined {
  try {
    const data = (typeof body === 'string' ? JSON.parse(body) : body) as { error?: { message?: string } };
    return data?.error?.message;
  } catch {
    return undefined;
  }
}

/** Progress in the loading toast, for pages without a progress line of their own (tens of percent: fewer redraws). */
function toastProgress() {
  let shown = '';
  return {
    report(p: UploadProgress) {
      const title = uploadProgressText(p.stage === 'uploading' ? { ...p, percent: Math.floor(p.percent / 10) * 10 } : p);
      if (title === shown) return;
      shown = title;
      Taro.showLoading({ title, mask: true });
    },
    close() {
      if (shown) Taro.hideLoading();
    },
  };
}

/**
 * One photo for a material: pick it, shrink it on the phone when it is big (compressPhoto), get an upload ticket,
 * post the file straight to storage, and let the API check what arrived. Undefined when the person cancels the picker.
 */
export async function pickAndUploadImage(material: string, { onProgress }: UploadOptions = {}): Promise<Uploaded | undefined> {
  let picked: Taro.chooseImage.SuccessCallbackResult;
  try {
    picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  } catch {
    return undefined; // cancelled
  }
  const file = picked?.tempFiles?.[0];
  if (!file) return undefined;
  const original = file.originalFileObj;
  const ext = /\.([a-z0-9]+)(?:\?.*)?$/i.exec(original?.name ?? file.path)?.[1]?.toLowerCase() ?? '';
  const type = file.type || original?.type || IMAGE_TYPES[ext] || 'image/jpeg';
  const photo: Photo = {
    path: file.path,
    size: file.size ?? original?.size ?? 0,
    type,
    name: original?.name?.trim() || `${material}.${type === 'image/png' ? 'png' : 'jpg'}`,
    file: original,
  };

  const toast = onProgress ? undefined : toastProgress();
  const report = onProgress ?? toast!.report;
  let sent = photo;
  try {
    if (shouldCompress(photo.size, photo.type)) report({ stage: 'compressing' });
    sent = await compressPhoto(photo);
    if (sent.size > MAX_UPLOAD_BYTES) throw new ApiError(0, 'CLIENT', '照片太大，不能超过 10 MB，请重新拍摄或选择');
    const fileName = sent.name.slice(0, 100);
    const ticket = await api.createUpload(fileName, sent.type, sent.size);
    report({ stage: 'uploading', percent: 0 });
    await postToStore(ticket.upload, sent.path, report);
    await api.completeUpload(ticket.fileId);
    return { fileId: ticket.fileId, fileName };
  } finally {
    sent.release?.();
    toast?.close();
  }
}

// ---- PDFs (issue 16): a material may be a PDF as well as photos, sent as it is ----

/** A PDF picked for a material: a path Taro.uploadFile can send (a blob: URL in H5), its size and name. */
export interface PickedPdf {
  path: string;
  size: number;
  name: string;
  /** H5: the file's MIME type; WeChat's chooseMessageFile says only 'file' */
  type?: string;
  /** H5: the blob: URL made for the file, to let go of once sent */
  release?: () => void;
}

/** A name that says it is a PDF: 房产证.pdf. */
export const isPdfName = (name: string) => /\.pdf$/i.test(name.trim());

const mbOf = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');

/** Why a chosen file cannot go as a material's PDF, said before anything is sent; undefined when it can. */
export function pdfProblem(f: { size: number; name: string; type?: string }): string | undefined {
  if (f.type !== 'application/pdf' && !isPdfName(f.name)) return '只能选择 PDF 文件（文件名以 .pdf 结尾）；照片请点“拍照/上传照片”';
  if (!f.size) return '这个文件是空的，请重新选择';
  if (f.size > MAX_UPLOAD_BYTES) return `这个 PDF 有 ${mbOf(f.size)} MB，超过了 10 MB，不能上传。可以分成几个文件，或者拍照上传`;
  return undefined;
}

/** The name the PDF is stored under: its own, else the material's, always ending in .pdf and at most 100 characters. */
export function pdfFileName(name: string, material: string): string {
  const base =
    name
      .replace(/^.*[\\/]/, '')
      .replace(/\.pdf$/i, '')
      .trim() || material;
  return `${base.slice(0, 96)}.pdf`;
}

/** WeChat: a PDF from a chat (people are usually sent documents there, or keep them in 文件传输助手). Undefined when cancelled. */
export async function choosePdfFromChat(): Promise<PickedPdf | undefined> {
  try {
    const r = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf'] });
    const f = r?.tempFiles?.[0];
    return f ? { path: f.path, size: f.size, name: f.name } : undefined;
  } catch {
    return undefined; // cancelled
  }
}

/** H5: the file from an <input type="file" accept="application/pdf"> (Taro's H5 has no chooseMessageFile), as a blob: URL. */
export function pdfFromFile(file: File): PickedPdf {
  const url = URL.createObjectURL(file);
  return { path: url, size: file.size, name: file.name, type: file.type, release: () => URL.revokeObjectURL(url) };
}

/**
 * One PDF for a material, as it is (a PDF is never compressed): refused on the phone when it is not a PDF or over
 * 10 MB, then the same ticket → store → complete as a photo; the API checks the bytes really are a PDF.
 */
export async function uploadPdf(f: PickedPdf, material: string, { onProgress }: UploadOptions = {}): Promise<Uploaded> {
  const toast = onProgress ? undefined : toastProgress();
  const report = onProgress ?? toast!.report;
  try {
    const problem = pdfProblem(f);
    if (problem) throw new ApiError(0, 'CLIENT', problem);
    const fileName = pdfFileName(f.name, material);
    const ticket = await api.createUpload(fileName, 'application/pdf', f.size);
    report({ stage: 'uploading', percent: 0 });
    await postToStore(ticket.upload, f.path, report, fileName);
    await api.completeUpload(ticket.fileId);
    return { fileId: ticket.fileId, fileName };
  } finally {
    f.release?.();
    toast?.close();
  }
}

/** WeChat: pick a PDF from a chat and upload it. Undefined when the person cancels. */
export async function pickAndUploadPdf(material: string, options: UploadOptions = {}): Promise<Uploaded | undefined> {
  const f = await choosePdfFromChat();
  return f ? uploadPdf(f, material, options) : undefined;
}

/**
 * The file to storage on its ticket, with the share of bytes sent (UploadTask.onProgressUpdate: XHR progress in H5).
 * `fileName` names the part in H5 (a blob: URL has no name of its own); WeChat names it from the path.
 */
export async function postToStore(
  upload: { url: string; fields: Record<string, string> },
  filePath: string,
  report: (p: UploadProgress) => void,
  fileName?: string,
) {
  let last = 0;
  try {
    const task = Taro.uploadFile({ url: upload.url, filePath, name: 'file', formData: upload.fields, ...(fileName ? { fileName } : {}) });
    const onUpdate = (r: { progress: number }) => {
      const percent = Math.min(100, Math.max(0, Math.round(r.progress)));
      if (percent === last) return;
      last = percent;
      report({ stage: 'uploading', percent });
    };
    if (typeof task?.onProgressUpdate === 'function') task.onProgressUpdate(onUpdate);
    else task?.progress?.(onUpdate);
    const r = await task;
    if (r.statusCode < 200 || r.statusCode >= 300) throw new ApiError(r.statusCode, 'UPLOAD_FAILED', messageOf(r.data) ?? '上传失败，请重试');
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError(0, 'NETWORK', '上传失败，请检查网络后重试');
  }
}
