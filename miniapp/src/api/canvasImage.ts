import { fitWithin } from './photoSize';

/**
 * H5 only: a picked photo drawn into a canvas no larger than maxSide and exported as JPEG. A few lines of the
 * browser's own canvas instead of an image library (docs/DECISIONS.md). jsdom has no canvas: tests mock this module.
 * Throws when the browser cannot read or draw the picture; the caller then uploads the original.
 */
export async function shrinkToJpeg(source: Blob, maxSide: number, quality: number): Promise<Blob> {
  const picture = await decode(source);
  try {
    const size = fitWithin(picture.width, picture.height, maxSide);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    // a JPEG has no transparency: a PNG's clear parts become white, not black
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size.width, size.height);
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(picture.image, 0, 0, size.width, size.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
    // release the pixels at once: a phone browser keeps few canvases
    canvas.width = 0;
    canvas.height = 0;
    if (!blob || blob.size === 0) throw new Error('canvas gave no JPEG');
    return blob;
  } finally {
    picture.close();
  }
}

interface Picture {
  image: CanvasImageSource;
  width: number;
  height: number;
  close: () => void;
}

/** The picture upright (as the camera's EXIF orientation says), through createImageBitmap or else an <img>. */
async function decode(source: Blob): Promise<Picture> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(source, { imageOrientation: 'from-image' });
      return { image: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() };
    } catch {
      // older Safari takes no Blob here: try an <img>
    }
  }
  const url = URL.createObjectURL(source);
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the browser cannot read this picture'));
      img.src = url;
    });
    return { image: img, width: img.naturalWidth, height: img.naturalHeight, close: () => URL.revokeObjectURL(url) };
  } catch (e) {
    URL.revokeObjectURL(url);
    throw e;
  }
}
