import Taro from '@tarojs/taro';
import { MAX_UPLOAD_BYTES } from '@yx/shared';
import { api, ApiError } from './client';

const IMAGE_TYPES: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };

export interface Uploaded {
  fileId: string;
  fileName: string;
}

function messageOf(body: unknown): string | undefined {
  try {
    const data = (typeof body === 'string' ? JSON.parse(body) : body) as { error?: { message?: string } };
    return data?.error?.message;
  } catch {
    return undefined;
  }
}

/**
 * One photo for a material: pick it, get an upload ticket, post the file straight to storage, and
 * let the API check what arrived. Undefined when the person cancels the picker.
 */
export async function pickAndUploadImage(material: string): Promise<Uploaded | undefined> {
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
  const size = file.size ?? original?.size ?? 0;
  if (size > MAX_UPLOAD_BYTES) throw new ApiError(0, 'CLIENT', '照片太大，不能超过 10 MB，请重新拍摄或选择');
  const fileName = (original?.name?.trim() || `${material}.${type === 'image/png' ? 'png' : 'jpg'}`).slice(0, 100);

  const ticket = await api.createUpload(fileName, type, size);
  Taro.showLoading({ title: '上传中…', mask: true });
  try {
    const r = await Taro.uploadFile({ url: ticket.upload.url, filePath: file.path, name: 'file', formData: ticket.upload.fields });
    if (r.statusCode < 200 || r.statusCode >= 300) throw new ApiError(r.statusCode, 'UPLOAD_FAILED', messageOf(r.data) ?? '上传失败，请重试');
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError(0, 'NETWORK', '上传失败，请检查网络后重试');
  } finally {
    Taro.hideLoading();
  }
  await api.completeUpload(ticket.fileId);
  return { fileId: ticket.fileId, fileName };
}
