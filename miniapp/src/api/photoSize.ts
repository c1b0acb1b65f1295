/**
 * The rules for shrinking a photo on the phone before it is uploaded (issue 14): pure, so they are tested without a
 * canvas or WeChat. A 20 MB camera photo becomes a JPEG of a few hundred KB whose longer side is PHOTO_MAX_SIDE —
 * still sharp enough to read a licence or a form — and normal photos never reach the server's 10 MB limit.
 */

/** The longer side of an uploaded photo, in pixels. */
export const PHOTO_MAX_SIDE = 1600;
/** JPEG quality, 0–1 (WeChat's compressImage takes it × 100). */
export const PHOTO_QUALITY = 0.8;
/** Photos up to this size go as they are: shrinking them saves little and costs a second on a slow phone. */
export const COMPRESS_ABOVE_BYTES = 1024 * 1024;

/** The photo types the server takes (shared/src/files/api.ts UPLOAD_TYPES); any other is worth converting to JPEG. */
export const takesAsIs = (type: string): boolean => type === 'image/jpeg' || type === 'image/png';

/** Whether a picked photo should be shrunk before upload: too big to send quickly, or a type the server refuses. */
export function shouldCompress(size: number, type: string): boolean {
  return size > COMPRESS_ABOVE_BYTES || !takesAsIs(type);
}

/**
 * The size to draw a width × height picture at so that its longer side is at most maxSide, keeping its proportions
 * (whole pixels, at least 1). A picture already small enough keeps its size; `scaled` says whether it changed.
 */
export function fitWithin(width: number, height: number, maxSide: number = PHOTO_MAX_SIDE): { width: number; height: number; scaled: boolean } {
  const w = Math.max(1, Math.round(width) || 1);
  const h = Math.max(1, Math.round(height) || 1);
  const limit = Math.max(1, Math.floor(maxSide));
  const longer = Math.max(w, h);
  if (longer <= limit) return { width: w, height: h, scaled: false };
  const ratio = limit / longer;
  // the longer side lands exactly on the limit; the shorter one is rounded and never 0
  return w >= h
    ? { width: limit, height: Math.max(1, Math.round(h * ratio)), scaled: true }
    : { width: Math.max(1, Math.round(w * ratio)), height: limit, scaled: true };
}

/** The file name for a photo that became a JPEG: 现场.png → 现场.jpg, IMG_1.HEIC → IMG_1.jpg, 营业执照 → 营业执照.jpg. */
export function jpegName(fileName: string): string {
  const base = fileName.replace(/\.[a-z0-9]{1,5}$/i, '');
  return `${base || '照片'}.jpg`;
}
