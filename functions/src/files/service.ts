import { MAX_UPLOAD_BYTES, sniffType, UPLOAD_TYPES, type CreateUploadRequest, type FileView } from '@yx/shared';
import { now } from '../lib/clock';
import { notFound, ruleViolation } from '../lib/errors';
import { randomId } from '../lib/ids';
import { objectStore } from '../lib/storage';
import * as repo from './repository';

const TICKET_SECONDS = 15 * 60;

const view = (f: repo.FileRecord): FileView => ({ fileId: f.fileId, fileName: f.fileName, contentType: f.contentType, size: f.size, status: f.status });

/** Step 1: a ticket to post the file straight to storage (bounded type and size). */
export async function createUpload(ownerId: string, req: CreateUploadRequest) {
  const fileId = randomId('f');
  const key = `materials/${ownerId}/${fileId}`;
  // listed as unused until an application or order uses it (files/uses.ts); the sweep deletes what stays unused
  await repo.createFile({
    fileId,
    ownerId,
    key,
    fileName: req.fileName,
    contentType: req.contentType,
    size: req.size,
    status: 'pending',
    createdAt: now().toISOString(),
  });
  const upload = await objectStore().presignPost(key, req.contentType, MAX_UPLOAD_BYTES, TICKET_SECONDS);
  return { fileId, upload, expiresInSeconds: TICKET_SECONDS };
}

/** Step 2: look at what arrived — it must exist, fit the limit, and really be the declared type. */
export async function completeUpload(ownerId: string, fileId: string): Promise<FileView> {
  const f = await repo.getFile(fileId);
  if (!f || f.ownerId !== ownerId) throw notFound('未找到该文件');
  if (f.status === 'ready') return view(f);
  const obj = await objectStore().head(f.key);
  if (!obj) throw ruleViolation('文件还没有上传完成，请重新上传');
  if (obj.size > MAX_UPLOAD_BYTES) {
    await repo.setFileStatus(fileId, 'rejected', obj.size);
    throw ruleViolation('文件太大，不能超过 10 MB');
  }
  const actual = sniffType(obj.firstBytes);
  if (actual !== f.contentType) {
    await repo.setFileStatus(fileId, 'rejected', obj.size);
    throw ruleViolation(`文件内容不是${UPLOAD_TYPES[f.contentType as keyof typeof UPLOAD_TYPES] ?? '允许的类型'}，请上传清晰的照片或 PDF`);
  }
  // pin the version checked: bytes posted again on the same ticket are never served under this file (issue 13)
  await repo.setFileStatus(fileId, 'ready', obj.size, obj.version || undefined);
  return view({ ...f, status: 'ready', size: obj.size });
}

/** For the application service: a ready file of this owner, or undefined. */
export async function readyFileOf(ownerId: string, fileId: string): Promise<repo.FileRecord | undefined> {
  const f = await repo.getFile(fileId);
  return f && f.ownerId === ownerId && f.status === 'ready' ? f : undefined;
}

/**
 * Short-lived URLs to look at files the caller's module has already allowed them to see (e.g. an order's
 * photos for its filer and handlers). One BatchGet; files not ready are left out.
 */
export async function viewUrls(fileIds: string[]): Promise<Map<string, { url: string; contentType: string; fileName: string }>> {
  const files = await repo.getFiles(fileIds);
  const ready = files.filter((f) => f.status === 'ready');
  const urls = await Promise.all(ready.map((f) => objectStore().presignGet(f.key, VIEW_SECONDS, f.version)));
  return new Map(ready.map((f, i) => [f.fileId, { url: urls[i], contentType: f.contentType, fileName: f.fileName }]));
}
// long enough to review an application at leisure; the page fetches fresh links whenever it reloads
const VIEW_SECONDS = 30 * 60;
