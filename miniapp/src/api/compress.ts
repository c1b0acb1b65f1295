import Taro from '@tarojs/taro';
import { fitWithin, jpegName, PHOTO_MAX_SIDE, PHOTO_QUALITY, shouldCompress, takesAsIs } from './photoSize';

/** A picked photo on its way to storage. */
export interface Photo {
  /** WeChat: a temporary file path; H5: a blob: URL. */
  path: string;
  size: number;
  type: string;
  name: string;
  /** H5: the picked file itself. */
  file?: Blob;
  /** Frees what compressing made (a blob: URL) once it is uploaded. */
  release?: () => void;
}

const TYPE_OF_EXT: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };

/**
 * The photo to upload: a big one (or one of a type the server refuses) shrunk on the phone — WeChat's compressImage in
 * the mini-program, a canvas in H5 — to at most PHOTO_MAX_SIDE pixels as JPEG. Compressing never fails an upload: when
 * it throws, or gives nothing smaller, the original goes (and the size limit is checked after).
 */
export async function compressPhoto(photo: Photo): Promise<Photo> {
  if (!shouldCompress(photo.size, photo.type)) return photo;
  try {
    const canvas = loadCanvas();
    const smaller = canvas ? await inBrowser(photo, (await canvas).shrinkToJpeg) : await inWeChat(photo);
    // a converted HEIC is kept even when larger: the server would refuse the original
    if (smaller.size > 0 && (smaller.size < photo.size || !takesAsIs(photo.type))) return smaller;
    smaller.release?.();
  } catch {
    // the browser or the phone could not read it: the original goes
  }
  return photo;
}

/**
 * H5's canvas code, loaded when first needed. Not an async function on purpose: the mini-program build sees the
 * constant condition here (async code reaches webpack already turned into a state machine) and leaves the module out.
 */
const loadCanvas = () => (process.env.TARO_ENV === 'h5' ? import('./canvasImage') : undefined);

async function inBrowser(photo: Photo, shrinkToJpeg: (source: Blob, maxSide: number, quality: number) => Promise<Blob>): Promise<Photo> {
  const source = photo.file ?? (await (await fetch(photo.path)).blob());
  const blob = await shrinkToJpeg(source, PHOTO_MAX_SIDE, PHOTO_QUALITY);
  const path = URL.createObjectURL(blob);
  return {
    path,
    size: blob.size,
    type: 'image/jpeg',
    name: renamed(photo, 'image/jpeg'),
    file: blob,
    release: () => URL.revokeObjectURL(path),
  };
}

/** getImageInfo gives the stored width and height; these orientations show the picture turned a quarter. */
const SIDEWAYS = new Set(['left', 'right', 'left-mirrored', 'right-mirrored']);

async function inWeChat(photo: Photo): Promise<Photo> {
  const info = await Taro.getImageInfo({ src: photo.path }).catch(() => undefined);
  const upright = info && SIDEWAYS.has(info.orientation) ? { w: info.height, h: info.width } : info && { w: info.width, h: info.height };
  const fit = upright && fitWithin(upright.w, upright.h, PHOTO_MAX_SIDE);
  const r = await Taro.compressImage({
    src: photo.path,
    quality: Math.round(PHOTO_QUALITY * 100),
    // base library 2.26+ scales (the height follows the width); older ones ignore it and only lower the quality
    ...(fit?.scaled ? { compressedWidth: fit.width } : {}),
  });
  const ext = /\.([a-z0-9]+)(?:\?.*)?$/i.exec(r.tempFilePath)?.[1]?.toLowerCase() ?? '';
  const type = TYPE_OF_EXT[ext];
  if (!type) throw new Error(`compressImage gave .${ext}`); // not a type the server takes: upload the original
  const size = await new Promise<number>((resolve, reject) =>
    Taro.getFileSystemManager().getFileInfo({ filePath: r.tempFilePath, success: (f) => resolve(f.size), fail: reject }),
  );
  return { path: r.tempFilePath, size, type, name: renamed(photo, type) };
}

/** A photo that became a JPEG is named so: 现场.png → 现场.jpg. */
const renamed = (photo: Photo, type: string) => (type === 'image/jpeg' && photo.type !== 'image/jpeg' ? jpegName(photo.name) : photo.name);
