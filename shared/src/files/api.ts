import * as z from 'zod';
import { lazy } from '../api/lazy';

/** Materials people may upload: photos and PDFs, at most 10 MB. */
export const UPLOAD_TYPES = { 'image/jpeg': 'JPG 图片', 'image/png': 'PNG 图片', 'application/pdf': 'PDF 文件' } as const;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export type UploadType = keyof typeof UPLOAD_TYPES;

export const CreateUploadRequest = lazy(() =>
  z.strictObject({
    fileName: z.string().trim().min(1).max(100),
    contentType: z.enum(Object.keys(UPLOAD_TYPES) as [UploadType, ...UploadType[]], { message: '只能上传 JPG、PNG 图片或 PDF 文件' }),
    size: z.number().int().min(1, { message: '文件是空的' }).max(MAX_UPLOAD_BYTES, { message: '文件太大，不能超过 10 MB' }),
  }),
);
export type CreateUploadRequest = z.infer<typeof CreateUploadRequest>;

export const FileParams = lazy(() => z.strictObject({ fileId: z.string().regex(/^f_[A-Za-z0-9_-]{8,64}$/, { message: '文件编号不正确' }) }));

export const UploadTicket = lazy(() =>
  z.object({
    fileId: z.string(),
    upload: z.object({ url: z.string(), fields: z.record(z.string(), z.string()) }),
    expiresInSeconds: z.number(),
  }),
);
export const FileView = lazy(() =>
  z.object({
    fileId: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number(),
    status: z.enum(['pending', 'ready', 'rejected']),
  }),
);
export type FileView = z.infer<typeof FileView>;

/** A stored upload to look at: a short-lived URL (images open in the previewer, PDFs as documents). */
export const MaterialFile = lazy(() => z.object({ fileId: z.string(), url: z.string(), contentType: z.string(), fileName: z.string() }));
export type MaterialFile = z.infer<typeof MaterialFile>;

/** The first bytes of each allowed type: what the server checks after the upload. */
export function sniffType(first: Uint8Array): UploadType | undefined {
  const b = Array.from(first.slice(0, 8));
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return 'application/pdf';
  return undefined;
}
