import { waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { shrinkToJpeg } from './canvasImage';
import { pickAndUploadImage, type UploadProgress } from './upload';

jest.mock('./canvasImage', () => ({ shrinkToJpeg: jest.fn() }));

const request = Taro.request as unknown as jest.Mock;
const chooseImage = Taro.chooseImage as unknown as jest.Mock;
const uploadFile = Taro.uploadFile as unknown as jest.Mock;
const compressImage = Taro.compressImage as unknown as jest.Mock;
const getImageInfo = Taro.getImageInfo as unknown as jest.Mock;
const shrink = shrinkToJpeg as jest.Mock;
const MB = 1024 * 1024;

/** The body of POST /v1/files: what the app told the server it would upload. */
const declared = () => JSON.parse(request.mock.calls.find(([r]) => r.url.endsWith('/v1/files'))[0].data);

beforeEach(() => {
  request.mockReset();
  request.mockImplementation(async ({ url }: { url: string }) =>
    url.endsWith('/complete')
      ? { statusCode: 200, data: { fileId: 'f_abcdefgh12', status: 'ready', size: 1 } }
      : { statusCode: 201, data: { fileId: 'f_abcdefgh12', upload: { url: 'http://s3', fields: { key: 'k' } }, expiresInSeconds: 600 } },
  );
  for (const m of [uploadFile, compressImage, getImageInfo, shrink, Taro.showLoading as jest.Mock, Taro.hideLoading as jest.Mock]) m.mockClear();
  shrink.mockReset();
});

describe('in WeChat (compressImage)', () => {
  it('shrinks a big photo to 1600 px at quality 80 and uploads the compressed file', async () => {
    chooseImage.mockResolvedValueOnce({ tempFiles: [{ path: 'http://tmp/big.jpg', size: 20 * MB }] });
    const steps: UploadProgress[] = [];
    const up = await pickAndUploadImage('营业执照', { onProgress: (p) => steps.push(p) });

    expect(compressImage).toHaveBeenCalledWith({ src: 'http://tmp/big.jpg', quality: 80, compressedWidth: 1600 });
    expect(declared()).toEqual({ fileName: '营业执照.jpg', contentType: 'image/jpeg', size: 400 * 1024 });
    expect(uploadFile).toHaveBeenCalledWith({ url: 'http://s3', filePath: 'http://tmp/compressed.jpg', name: 'file', formData: { key: 'k' } });
    expect(up).toEqual({ fileId: 'f_abcdefgh12', fileName: '营业执照.jpg' });
    expect(steps).toEqual([{ stage: 'compressing' }, { stage: 'uploading', percent: 0 }]);
    expect(Taro.showLoading).not.toHaveBeenCalled(); // the page shows the progress itself
  });

  it('scales a photo taken sideways by its upright width', async () => {
    getImageInfo.mockResolvedValueOnce({ width: 4000, height: 3000, orientation: 'right', type: 'jpeg' });
    chooseImage.mockResolvedValueOnce({ tempFiles: [{ path: 'http://tmp/portrait.jpg', size: 8 * MB }] });
    await pickAndUploadImage('现场照片');
    expect(compressImage).toHaveBeenCalledWith(expect.objectContaining({ compressedWidth: 1200 }));
  });

  it('sends a small photo as it is', async () => {
    chooseImage.mockResolvedValueOnce({ tempFiles: [{ path: 'http://tmp/small.jpg', size: 300 * 1024 }] });
    await pickAndUploadImage('现场照片');
    expect(compressImage).not.toHaveBeenCalled();
    expect(uploadFile).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'http://tmp/small.jpg' }));
    expect(declared().size).toBe(300 * 1024);
  });

  it('uploads the original when compressing fails, and says it is too big only when it still is', async () => {
    compressImage.mockRejectedValueOnce({ errMsg: 'compressImage:fail' });
    chooseImage.mockResolvedValueOnce({ tempFiles: [{ path: 'http://tmp/odd.jpg', size: 6 * MB }] });
    await pickAndUploadImage('现场照片');
    expect(uploadFile).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'http://tmp/odd.jpg' }));
    expect(declared().size).toBe(6 * MB);

    request.mockClear();
    compressImage.mockRejectedValueOnce({ errMsg: 'compressImage:fail' });
    chooseImage.mockResolvedValueOnce({ tempFiles: [{ path: 'http://tmp/huge.jpg', size: 20 * MB }] });
    await expect(pickAndUploadImage('现场照片')).rejects.toMatchObject({ message: '照片太大，不能超过 10 MB，请重新拍摄或选择' });
    expect(request).not.toHaveBeenCalled();
  });

  it('keeps the original when compressing makes nothing smaller', async () => {
    (Taro.getFileSystemManager().getFileInfo as jest.Mock).mockImplementationOnce(({ success }) => success({ size: 3 * MB }));
    chooseImage.mockResolvedValueOnce({ tempFiles: [{ path: 'http://tmp/plan.png', size: 2 * MB }] });
    await pickAndUploadImage('场所平面图');
    expect(uploadFile).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'http://tmp/plan.png' }));
    expect(declared()).toEqual({ fileName: '场所平面图.png', contentType: 'image/png', size: 2 * MB });
  });

  it('shows the progress in the loading toast for a page without its own progress line', async () => {
    let progress!: (r: { progress: number }) => void;
    let finish!: (r: unknown) => void;
    uploadFile.mockImplementationOnce(() =>
      Object.assign(new Promise((resolve) => (finish = resolve)), { onProgressUpdate: (cb: typeof progress) => (progress = cb) }),
    );
    chooseImage.mockResolvedValueOnce({ tempFiles: [{ path: 'http://tmp/big.jpg', size: 5 * MB }] });
    const done = pickAndUploadImage('现场照片');
    await waitFor(() => expect(progress).toBeDefined());
    progress({ progress: 45 });
    progress({ progress: 47 }); // the same ten: the toast is not redrawn
    progress({ progress: 100 });
    finish({ statusCode: 204, data: '' });
    await done;
    expect((Taro.showLoading as jest.Mock).mock.calls.map(([o]) => o.title)).toEqual(['正在压缩…', '正在上传 0%', '正在上传 40%', '正在上传 100%']);
    expect(Taro.hideLoading).toHaveBeenCalledTimes(1);
  });
});

describe('in H5 (canvas)', () => {
  const env = process.env.TARO_ENV;
  const created: Blob[] = [];
  beforeEach(() => {
    process.env.TARO_ENV = 'h5';
    created.length = 0;
    URL.createObjectURL = jest.fn((b: Blob) => {
      created.push(b);
      return 'blob:small';
    });
    URL.revokeObjectURL = jest.fn();
  });
  afterEach(() => {
    process.env.TARO_ENV = env;
  });
  const picked = (name: string, type: string, size: number) => {
    const file = new File([new Uint8Array(16)], name, { type });
    Object.defineProperty(file, 'size', { value: size });
    return { tempFiles: [{ path: 'blob:original', size, type, originalFileObj: file }] };
  };

  it('draws a big photo into a canvas and uploads the JPEG it gives, named .jpg', async () => {
    const small = new Blob([new Uint8Array(2048)], { type: 'image/jpeg' });
    shrink.mockResolvedValueOnce(small);
    const pick = picked('现场.png', 'image/png', 12 * MB);
    chooseImage.mockResolvedValueOnce(pick);
    const up = await pickAndUploadImage('现场照片');

    expect(shrink).toHaveBeenCalledWith(pick.tempFiles[0].originalFileObj, 1600, 0.8);
    expect(created).toEqual([small]);
    expect(declared()).toEqual({ fileName: '现场.jpg', contentType: 'image/jpeg', size: 2048 });
    expect(uploadFile).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'blob:small' }));
    expect(up?.fileName).toBe('现场.jpg');
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:small'); // freed once sent
  });

  it('uploads the original when the browser cannot draw it', async () => {
    shrink.mockRejectedValueOnce(new Error('the browser cannot read this picture'));
    chooseImage.mockResolvedValueOnce(picked('现场.jpg', 'image/jpeg', 3 * MB));
    await pickAndUploadImage('现场照片');
    expect(uploadFile).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'blob:original' }));
    expect(declared()).toEqual({ fileName: '现场.jpg', contentType: 'image/jpeg', size: 3 * MB });
  });

  it('turns a photo the server would refuse (HEIC) into a JPEG even when that is no smaller', async () => {
    shrink.mockResolvedValueOnce(new Blob([new Uint8Array(600 * 1024)], { type: 'image/jpeg' }));
    chooseImage.mockResolvedValueOnce(picked('IMG_0001.HEIC', 'image/heic', 500 * 1024));
    await pickAndUploadImage('现场照片');
    expect(declared()).toEqual({ fileName: 'IMG_0001.jpg', contentType: 'image/jpeg', size: 600 * 1024 });
  });
});
