import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Uploaded } from '../api/upload';
import { MaterialUpload } from './MaterialUpload';

// jsdom has no canvas: H5's compressor is replaced here
jest.mock('../api/canvasImage', () => ({ shrinkToJpeg: jest.fn() }));

const request = Taro.request as unknown as jest.Mock;
const uploadFile = Taro.uploadFile as unknown as jest.Mock;
const chooseImage = Taro.chooseImage as unknown as jest.Mock;
// WeChat's picker of a file from a chat; the test double of @tarojs/taro has none of its own
const chooseMessageFile = jest.fn();
Object.assign(Taro, { chooseMessageFile });
const MB = 1024 * 1024;

/** Each ticket a new file id: f_page000001, f_page000002, … */
let seq = 0;
const serveUploads = () =>
  request.mockImplementation(async ({ url }: { url: string }) => {
    if (url.endsWith('/complete')) return { statusCode: 200, data: { fileId: 'x', status: 'ready', size: 1 } };
    seq += 1;
    return { statusCode: 201, data: { fileId: `f_page00000${seq}`, upload: { url: 'http://s3', fields: { key: 'k' } }, expiresInSeconds: 600 } };
  });
/** What the app told the server it would upload (each POST /v1/files). */
const declared = () => request.mock.calls.filter(([r]) => r.url.endsWith('/v1/files')).map(([r]) => JSON.parse(r.data));

let changes: Uploaded[][] = [];
function Material({ start = [], max }: { start?: Uploaded[]; max?: number }) {
  const [files, setFiles] = useState<Uploaded[]>(start);
  return (
    <MaterialUpload
      material="房屋租赁合同"
      value={files}
      max={max}
      onChange={(f) => {
        changes.push(f);
        setFiles(f);
      }}
    />
  );
}
const pages = () => screen.queryAllByTestId('material-page').map((p) => p.textContent);
const pdfFile = (name: string, size: number, type = 'application/pdf') => {
  const file = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], name, { type });
  Object.defineProperty(file, 'size', { value: size });
  return file;
};

const env = process.env.TARO_ENV;
beforeEach(() => {
  seq = 0;
  changes = [];
  request.mockReset();
  uploadFile.mockClear();
  chooseImage.mockClear();
  chooseMessageFile.mockReset();
  URL.createObjectURL = jest.fn(() => 'blob:pdf');
  URL.revokeObjectURL = jest.fn();
});
afterEach(() => {
  process.env.TARO_ENV = env;
});

describe('MaterialUpload', () => {
  it('adds photos as pages in order, says how many, and removes one with 删除', async () => {
    serveUploads();
    render(<Material />);
    expect(screen.getByText(/一份材料最多 10 页/)).toBeInTheDocument();
    fireEvent.click(screen.getByText('拍照/上传照片'));
    await waitFor(() => expect(pages()).toHaveLength(1));
    fireEvent.click(screen.getByText('拍照/上传照片'));
    await waitFor(() => expect(pages()).toHaveLength(2));
    expect(pages()).toEqual(['第1页图片房屋租赁合同.jpg重新上传删除', '第2页图片房屋租赁合同.jpg重新上传删除']);
    expect(screen.getByText(/已上传 2 页/)).toBeInTheDocument();
    expect(changes.at(-1)).toEqual([
      { fileId: 'f_page000001', fileName: '房屋租赁合同.jpg' },
      { fileId: 'f_page000002', fileName: '房屋租赁合同.jpg' },
    ]);

    fireEvent.click(screen.getByRole('button', { name: '删除房屋租赁合同第1页' }));
    expect(changes.at(-1)).toEqual([{ fileId: 'f_page000002', fileName: '房屋租赁合同.jpg' }]);
    expect(pages()).toHaveLength(1);
    expect(screen.getByRole('button', { name: '删除房屋租赁合同第1页' })).toBeInTheDocument(); // the old 第2页 is now 第1页
  });

  it('replaces one page in place with 重新上传', async () => {
    serveUploads();
    const start = [
      { fileId: 'f_first00001', fileName: '第一页.jpg' },
      { fileId: 'f_second0001', fileName: '第二页.jpg' },
    ];
    render(<Material start={start} />);
    fireEvent.click(screen.getByRole('button', { name: '重新上传房屋租赁合同第1页' }));
    await waitFor(() => expect(changes).toHaveLength(1));
    expect(changes[0]).toEqual([{ fileId: 'f_page000001', fileName: '房屋租赁合同.jpg' }, start[1]]);
    expect(chooseImage).toHaveBeenCalledTimes(1);
  });

  it('stops offering more at the limit and says so', async () => {
    const start = Array.from({ length: 3 }, (_, i) => ({ fileId: `f_full0000${i}`, fileName: `${i + 1}.jpg` }));
    render(<Material start={start} max={3} />);
    expect(screen.queryByText('拍照/上传照片')).not.toBeInTheDocument();
    expect(screen.queryByText('选择PDF文件')).not.toBeInTheDocument();
    expect(screen.getByText(/已到 3 页上限/)).toBeInTheDocument();
  });

  it('shows the progress of an upload and holds the buttons meanwhile', async () => {
    serveUploads();
    const held: { progress?: (r: { progress: number }) => void; finish?: (r: unknown) => void } = {};
    uploadFile.mockImplementationOnce(() =>
      Object.assign(new Promise((resolve) => (held.finish = resolve)), { onProgressUpdate: (cb: typeof held.progress) => (held.progress = cb) }),
    );
    render(<Material />);
    fireEvent.click(screen.getByText('拍照/上传照片'));
    await waitFor(() => expect(held.progress).toBeDefined());
    act(() => held.progress!({ progress: 45 }));
    expect(screen.getByTestId('upload-progress')).toHaveTextContent('正在上传 45%');
    expect(screen.getByRole('button', { name: '房屋租赁合同：选择PDF文件' })).toBeDisabled();
    await act(async () => held.finish!({ statusCode: 204, data: '' }));
    await waitFor(() => expect(pages()).toHaveLength(1));
    expect(screen.queryByTestId('upload-progress')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '房屋租赁合同：选择PDF文件' })).toBeEnabled();
  });

  it('shows why an upload failed', async () => {
    request.mockResolvedValue({ statusCode: 422, data: { error: { code: 'RULE', message: '文件内容不是PDF 文件，请上传清晰的照片或 PDF' } } });
    render(<Material />);
    fireEvent.click(screen.getByText('拍照/上传照片'));
    expect(await screen.findByRole('alert')).toHaveTextContent('文件内容不是PDF 文件');
    expect(pages()).toHaveLength(0);
  });

  describe('a PDF in the browser (a file input: Taro H5 has no chooseMessageFile)', () => {
    beforeEach(() => {
      process.env.TARO_ENV = 'h5';
    });

    it('opens the file dialog from the tap and uploads the chosen PDF as it is', async () => {
      serveUploads();
      render(<Material />);
      const input = screen.getByTestId('material-pdf-input') as HTMLInputElement;
      expect(input).toHaveAttribute('accept', 'application/pdf,.pdf');
      const click = jest.spyOn(input, 'click');
      fireEvent.click(screen.getByText('选择PDF文件'));
      expect(click).toHaveBeenCalled();

      fireEvent.change(input, { target: { files: [pdfFile('租赁合同（盖章）.pdf', 2 * MB)] } });
      await waitFor(() => expect(pages()).toEqual(['第1页PDF租赁合同（盖章）.pdf重新上传删除']));
      expect(declared()).toEqual([{ fileName: '租赁合同（盖章）.pdf', contentType: 'application/pdf', size: 2 * MB }]);
      expect(uploadFile).toHaveBeenCalledWith({
        url: 'http://s3',
        filePath: 'blob:pdf',
        name: 'file',
        formData: { key: 'k' },
        fileName: '租赁合同（盖章）.pdf',
      });
      expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:pdf');
      expect(changes.at(-1)).toEqual([{ fileId: 'f_page000001', fileName: '租赁合同（盖章）.pdf' }]);
    });

    it('refuses a PDF over 10 MB, or a file that is not a PDF, before sending anything', async () => {
      render(<Material />);
      const input = screen.getByTestId('material-pdf-input');
      fireEvent.change(input, { target: { files: [pdfFile('扫描件.pdf', 12 * MB)] } });
      expect(await screen.findByRole('alert')).toHaveTextContent('这个 PDF 有 12 MB，超过了 10 MB，不能上传');
      fireEvent.change(input, { target: { files: [pdfFile('合同.docx', MB, 'application/msword')] } });
      expect(await screen.findByRole('alert')).toHaveTextContent('只能选择 PDF 文件');
      expect(request).not.toHaveBeenCalled();
      expect(pages()).toHaveLength(0);
    });
  });

  describe('a PDF in WeChat (from a chat)', () => {
    beforeEach(() => {
      process.env.TARO_ENV = 'weapp';
    });

    it('picks it with chooseMessageFile and mixes it with photos', async () => {
      serveUploads();
      chooseMessageFile.mockResolvedValueOnce({ tempFiles: [{ path: 'wxfile://tmp/contract.pdf', size: 300 * 1024, name: '合同.pdf', type: 'file' }] });
      render(<Material />);
      expect(screen.queryByTestId('material-pdf-input')).not.toBeInTheDocument();
      fireEvent.click(screen.getByText('拍照/上传照片'));
      await waitFor(() => expect(pages()).toHaveLength(1));
      fireEvent.click(screen.getByText('从聊天记录选PDF'));
      await waitFor(() => expect(pages()).toHaveLength(2));
      expect(chooseMessageFile).toHaveBeenCalledWith({ count: 1, type: 'file', extension: ['pdf'] });
      expect(pages()[1]).toBe('第2页PDF合同.pdf重新上传删除');
      expect(declared()[1]).toEqual({ fileName: '合同.pdf', contentType: 'application/pdf', size: 300 * 1024 });
      expect(uploadFile).toHaveBeenLastCalledWith(expect.objectContaining({ filePath: 'wxfile://tmp/contract.pdf' }));
    });

    it('does nothing when the person closes the chat picker', async () => {
      chooseMessageFile.mockRejectedValueOnce({ errMsg: 'chooseMessageFile:fail cancel' });
      render(<Material />);
      fireEvent.click(screen.getByText('从聊天记录选PDF'));
      await waitFor(() => expect(chooseMessageFile).toHaveBeenCalled());
      await waitFor(() => expect(screen.getByText('从聊天记录选PDF').closest('button')).toBeEnabled());
      expect(request).not.toHaveBeenCalled();
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    });
  });

  it('is 44 px and 60 px in 长辈版 by its classes (tap / btn)', () => {
    render(<Material start={[{ fileId: 'f_one0000001', fileName: '1.jpg' }]} />);
    const page = screen.getByTestId('material-page');
    for (const b of within(page).getAllByRole('button')) expect(b).toHaveClass('tap');
    expect(screen.getByText('拍照/上传照片').closest('button')).toHaveClass('btn');
  });
});
