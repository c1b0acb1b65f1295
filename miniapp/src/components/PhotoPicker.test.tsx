import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { shrinkToJpeg } from '../api/canvasImage';
import type { Uploaded } from '../api/upload';
import { PhotoPicker } from './PhotoPicker';

// jsdom has no canvas: H5's compressor is replaced here
jest.mock('../api/canvasImage', () => ({ shrinkToJpeg: jest.fn() }));

const request = Taro.request as unknown as jest.Mock;
const uploadFile = Taro.uploadFile as unknown as jest.Mock;
const compressImage = Taro.compressImage as unknown as jest.Mock;
const shrink = shrinkToJpeg as jest.Mock;
const MB = 1024 * 1024;

function Picker({ max = 9 }: { max?: number }) {
  const [photos, setPhotos] = useState<Uploaded[]>([]);
  return <PhotoPicker photos={photos} onChange={setPhotos} material="现场照片" max={max} />;
}

const serveUploads = () =>
  request.mockImplementation(async ({ url }: { url: string }) =>
    url.endsWith('/complete')
      ? { statusCode: 200, data: { fileId: 'f1', status: 'ready', size: 1024 } }
      : { statusCode: 201, data: { fileId: 'f1', upload: { url: 'http://s3', fields: {} } } },
  );
/** What the app told the server it would upload (POST /v1/files). */
const declared = () => JSON.parse(request.mock.calls.find(([r]) => r.url.endsWith('/v1/files'))[0].data);

/** uploadFile held open: the test sends progress events and then finishes it. */
function heldUpload() {
  const held: { progress?: (r: { progress: number }) => void; finish?: (r: unknown) => void } = {};
  uploadFile.mockImplementationOnce(() =>
    Object.assign(new Promise((resolve) => (held.finish = resolve)), {
      onProgressUpdate: (cb: (r: { progress: number }) => void) => (held.progress = cb),
    }),
  );
  return held;
}

beforeEach(() => {
  request.mockReset();
  uploadFile.mockClear();
  compressImage.mockClear();
  shrink.mockReset();
});

describe('PhotoPicker', () => {
  it('uploads a picked photo at once, lists it with 删除, and stops offering more at the limit', async () => {
    serveUploads();
    render(<Picker max={1} />);
    fireEvent.click(screen.getByText('拍照或选择照片'));
    await waitFor(() => expect(screen.getAllByTestId('photo')).toHaveLength(1));
    expect(screen.queryByText('拍照或选择照片')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /删除照片/ }));
    expect(screen.queryByTestId('photo')).not.toBeInTheDocument();
    expect(screen.getByText('拍照或选择照片')).toBeInTheDocument();
  });

  it('shows 正在压缩… and then how much is uploaded, and sends the compressed photo', async () => {
    serveUploads();
    let compressed!: (r: unknown) => void;
    compressImage.mockImplementationOnce(() => new Promise((resolve) => (compressed = resolve)));
    const upload = heldUpload();
    (Taro.chooseImage as jest.Mock).mockResolvedValueOnce({ tempFiles: [{ path: 'http://tmp/big.jpg', size: 20 * MB }] });
    render(<Picker />);
    fireEvent.click(screen.getByText('拍照或选择照片'));

    expect(await screen.findByTestId('upload-progress')).toHaveTextContent('正在压缩…');
    expect(screen.getByText('拍照或选择照片').closest('button')).toBeDisabled();
    await act(async () => compressed({ tempFilePath: 'http://tmp/compressed.jpg' }));

    await waitFor(() => expect(upload.progress).toBeDefined());
    expect(screen.getByTestId('upload-progress')).toHaveTextContent('正在上传 0%');
    act(() => upload.progress!({ progress: 45 }));
    expect(screen.getByTestId('upload-progress')).toHaveTextContent('正在上传 45%');
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '45');
    act(() => upload.progress!({ progress: 100 }));
    expect(screen.getByTestId('upload-progress')).toHaveTextContent('正在上传 100%');
    await act(async () => upload.finish!({ statusCode: 204, data: '' }));

    await waitFor(() => expect(screen.getAllByTestId('photo')).toHaveLength(1));
    expect(screen.queryByTestId('upload-progress')).not.toBeInTheDocument();
    expect(screen.getByText('拍照或选择照片').closest('button')).toBeEnabled();
    // the compressed file, at its own size, is what went
    expect(uploadFile).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'http://tmp/compressed.jpg' }));
    expect(declared()).toEqual({ fileName: '现场照片.jpg', contentType: 'image/jpeg', size: 400 * 1024 });
  });

  it('says the photo is too big only when compressing could not bring it under the limit', async () => {
    compressImage.mockRejectedValueOnce({ errMsg: 'compressImage:fail' });
    (Taro.chooseImage as jest.Mock).mockResolvedValueOnce({
      tempFilePaths: ['blob:big'],
      tempFiles: [{ path: 'blob:big', size: 20 * MB, type: 'image/jpeg' }],
    });
    render(<Picker />);
    fireEvent.click(screen.getByText('拍照或选择照片'));
    expect(await screen.findByRole('alert')).toHaveTextContent('照片太大');
    expect(request).not.toHaveBeenCalled();
    expect(screen.queryByTestId('photo')).not.toBeInTheDocument();
    expect(screen.queryByTestId('upload-progress')).not.toBeInTheDocument();
  });

  describe('in H5', () => {
    const env = process.env.TARO_ENV;
    beforeEach(() => {
      process.env.TARO_ENV = 'h5';
      URL.createObjectURL = jest.fn(() => 'blob:compressed');
      URL.revokeObjectURL = jest.fn();
    });
    afterEach(() => {
      process.env.TARO_ENV = env;
    });
    const pickFile = (size: number) => {
      const file = new File([new Uint8Array(8)], '现场.png', { type: 'image/png' });
      Object.defineProperty(file, 'size', { value: size });
      (Taro.chooseImage as jest.Mock).mockResolvedValueOnce({ tempFiles: [{ path: 'blob:original', size, type: 'image/png', originalFileObj: file }] });
      return file;
    };

    it('uploads what the canvas made of the photo', async () => {
      serveUploads();
      let drawn!: (b: Blob) => void;
      shrink.mockImplementationOnce(() => new Promise((resolve) => (drawn = resolve)));
      const file = pickFile(12 * MB);
      render(<Picker />);
      fireEvent.click(screen.getByText('拍照或选择照片'));
      expect(await screen.findByText('正在压缩…')).toBeInTheDocument();
      expect(shrink).toHaveBeenCalledWith(file, 1600, 0.8);
      await act(async () => drawn(new Blob([new Uint8Array(3000)], { type: 'image/jpeg' })));

      await waitFor(() => expect(screen.getAllByTestId('photo')).toHaveLength(1));
      expect(screen.getByTestId('photo')).toHaveTextContent('现场.jpg');
      expect(uploadFile).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'blob:compressed' }));
      expect(declared()).toEqual({ fileName: '现场.jpg', contentType: 'image/jpeg', size: 3000 });
    });

    it('uploads the original when the canvas fails', async () => {
      serveUploads();
      shrink.mockRejectedValueOnce(new Error('the browser cannot read this picture'));
      pickFile(3 * MB);
      render(<Picker />);
      fireEvent.click(screen.getByText('拍照或选择照片'));

      await waitFor(() => expect(screen.getAllByTestId('photo')).toHaveLength(1));
      expect(screen.getByTestId('photo')).toHaveTextContent('现场.png');
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
      expect(uploadFile).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'blob:original' }));
      expect(declared()).toEqual({ fileName: '现场.png', contentType: 'image/png', size: 3 * MB });
    });
  });
});
