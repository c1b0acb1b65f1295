import Taro from '@tarojs/taro';
import { api, ApiError } from './client';

export interface Uploaded { fileId: string; fileName: string; size: number }

const TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' };

function typeOf(file: { type?: string; path: string; name?: string }): string {
  if (file.type && Object.values(TYPES).includes(file.type)) return file.type;
  const ext = /\.([a-z0-9]+)(?:\?|$)/i.exec(file.name ?? file.path)?.[1]?.toLowerCase() ?? 'jpg';
  return TYPES[ext] ?? 'image/jpeg';
}

/**
 * Picks a photo (camera or album) and uploads it: ticket from the API → POST straight to storage
 * → the API checks what arrived. Returns undefined when the person cancels.
 */
export async function pickAndUploadImage(label: string): Promise<Uploaded | undefined> {
  let picked: Taro.chooseImage.SuccessCallbackResult;
  try {
    picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  } catch {
    return undefined; // cancelled
  }
  const file = picked.tempFiles[0] as Taro.chooseImage.ImageFile & { type?: string; originalFileObj?: File };
  if (!file) return undefined;
  const name = file.originalFileObj?.name ?? `${label}.${typeOf(file) === 'image/png' ? 'png' : 'jpg'}`;
  const contentType = typeOf({ type: file.type ?? file.originalFileObj?.type, path: file.path, name });
  const ticket = await api.createUpload(name.slice(0, 100), contentType, file.size);
  Taro.showLoading({ title: '上传中…', mask: true });
  try {
    const r = await Taro.uploadFile({ url: ticket.upload.url, filePath: file.path, name: 'file', formData: ticket.upload.fields });
    if (r.statusCode >= 300) {
      let message = '上传失败，请重试';
      try { message = (JSON.parse(r.data) as { error?: { message?: string } }).error?.message ?? message; } catch { /* keep default */ }
      throw new ApiError(r.statusCode, 'UPLOAD_FAILED', message);
    }
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError(0, 'NETWORK', '上传失败，请检查网络后重试');
  } finally {
    Taro.hideLoading();
  }
  const done = await api.completeUpload(ticket.fileId);
  return { fileId: ticket.fileId, fileName: name, size: done.size };
}
