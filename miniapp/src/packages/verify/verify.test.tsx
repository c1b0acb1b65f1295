import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import VerifyPage from './index';

const request = Taro.request as unknown as jest.Mock;
const useRouter = Taro.useRouter as unknown as jest.Mock;
const SERIAL = 'ZM20261126000123';

const doc = {
  serial: SERIAL,
  title: '无犯罪记录证明',
  issuer: '广州市公安局越秀区分局',
  subject: '张*明',
  issuedAt: '2026-11-26T06:05:00Z',
  validUntil: '2027-05-25',
  status: 'valid',
};
const ok = (data: unknown) => ({ statusCode: 200, data });
const calls = (method: string, path: string) => request.mock.calls.map((c) => c[0]).filter((o) => o.method === method && o.url.startsWith(path));

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  (Taro.uploadFile as jest.Mock).mockClear();
  useRouter.mockReturnValue({ params: {} });
});

const fill = (serial: string, code: string) => {
  fireEvent.change(screen.getByLabelText('证明编号'), { target: { value: serial } });
  fireEvent.change(screen.getByLabelText('核验码'), { target: { value: code } });
  fireEvent.click(screen.getByText('核验'));
};

describe('证明核验', () => {
  it('checks the serial and code typed (upper-cased) and shows 真实有效 with the facts', async () => {
    request.mockResolvedValue(ok({ outcome: 'genuine', message: '该证明由出具单位出具，真实有效', document: doc }));
    render(<VerifyPage />);
    fill('zm2026 1126000123', 'ab3k7q');
    const badge = await screen.findByTestId('verify-outcome');
    expect(badge).toHaveAttribute('data-outcome', 'genuine');
    expect(badge).toHaveTextContent('真实有效');
    expect(calls('GET', `/v1/verify/${SERIAL}`)[0].url).toBe(`/v1/verify/${SERIAL}?c=AB3K7Q`);
    expect(screen.getByText('无犯罪记录证明')).toBeInTheDocument();
    expect(screen.getByText('广州市公安局越秀区分局')).toBeInTheDocument();
    expect(screen.getByText('张*明')).toBeInTheDocument();
    expect(screen.getByText('2027年5月25日')).toBeInTheDocument();
    expect(screen.getByText('2026年11月26日')).toBeInTheDocument();
  });

  it('verifies at once when opened from the QR code, and shows a revoked one in red with when and why', async () => {
    useRouter.mockReturnValue({ params: { s: SERIAL, c: 'AB3K7Q' } });
    request.mockResolvedValue(
      ok({
        outcome: 'revoked',
        message: '该证明已被出具单位撤销，不能再使用',
        document: { ...doc, status: 'revoked', revokedAt: '2026-11-28T02:00:00Z', revokedReason: '申请人信息有误，已重新出具' },
      }),
    );
    render(<VerifyPage />);
    const badge = await screen.findByTestId('verify-outcome');
    expect(badge).toHaveAttribute('data-outcome', 'revoked');
    expect(badge).toHaveTextContent('已撤销');
    expect(badge.className).toContain('vf-o-revoked');
    expect(screen.getByTestId('verify-revoked')).toHaveTextContent('撤销原因：申请人信息有误，已重新出具');
    expect(screen.getByTestId('verify-revoked')).toHaveTextContent('11月28日 10:00');
    expect(calls('GET', `/v1/verify/${SERIAL}`)).toHaveLength(1);
    expect((screen.getByLabelText('证明编号') as HTMLInputElement).value).toBe(SERIAL);
  });

  it('checks a share link with its token', async () => {
    const token = 'abcdefghijklmnopqrstuvwxyz.0123';
    useRouter.mockReturnValue({ params: { s: SERIAL, t: token } });
    request.mockResolvedValue(ok({ outcome: 'expired', message: '该证明已超过有效期', document: { ...doc, validUntil: '2026-11-30' } }));
    render(<VerifyPage />);
    expect(await screen.findByTestId('verify-outcome')).toHaveTextContent('已过有效期');
    expect(calls('GET', `/v1/verify/${SERIAL}`)[0].url).toBe(`/v1/verify/${SERIAL}?t=${token}`);
  });

  it('says in the API words when a share link no longer works', async () => {
    useRouter.mockReturnValue({ params: { s: SERIAL, t: 'abcdefghijklmnopqrstuvwxyz.0123' } });
    request.mockResolvedValue({ statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '分享链接已过期，请向证明持有人索取新链接' } } });
    render(<VerifyPage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('分享链接已过期，请向证明持有人索取新链接');
  });

  it('says the certificate was not found on a 404 and shows the limit message on a 429', async () => {
    request.mockResolvedValueOnce({ statusCode: 404, data: { error: { code: 'NOT_FOUND', message: 'not found' } } });
    render(<VerifyPage />);
    fill(SERIAL, 'AB3K7Q');
    expect(await screen.findByRole('alert')).toHaveTextContent('未找到该证明，请核对证明编号和核验码');
    expect(screen.queryByTestId('verify-outcome')).not.toBeInTheDocument();

    request.mockResolvedValueOnce({ statusCode: 429, data: { error: { code: 'RATE_LIMITED', message: '核验失败次数过多，请 10 分钟后再试' } } });
    fireEvent.click(screen.getByText('核验'));
    expect(await screen.findByText('核验失败次数过多，请 10 分钟后再试')).toBeInTheDocument();
  });

  it('explains a malformed serial and code under each field and sends nothing', async () => {
    render(<VerifyPage />);
    fill('YX2026', 'O0');
    expect(await screen.findByText('证明编号应为 ZM 或 TZ 开头的 16 位编号')).toBeInTheDocument();
    expect(screen.getByText('核验码应为 6 位字母或数字')).toBeInTheDocument();
    fill('', '');
    expect(await screen.findByText('请输入证明编号')).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
  });

  it('refuses a file over 300 KB or not a PDF before uploading anything', async () => {
    render(<VerifyPage />);
    const input = screen.getByTestId('verify-file') as HTMLInputElement;
    const big = new File([new Uint8Array(301 * 1024)], '证明.pdf', { type: 'application/pdf' });
    fireEvent.change(input, { target: { files: [big] } });
    expect(await screen.findByText(/文件太大（301 KB）/)).toBeInTheDocument();
    const photo = new File([new Uint8Array(10)], '证明.jpg', { type: 'image/jpeg' });
    fireEvent.change(input, { target: { files: [photo] } });
    expect(await screen.findByText('请选择 PDF 格式的证明文件（文件名以 .pdf 结尾）')).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
    expect(Taro.uploadFile).not.toHaveBeenCalled();
  });

  it('uploads a PDF on a ticket and shows what the check found', async () => {
    const urls = URL as unknown as { createObjectURL?: unknown; revokeObjectURL?: unknown };
    urls.createObjectURL = jest.fn(() => 'blob:pdf');
    urls.revokeObjectURL = jest.fn();
    request.mockImplementation(async ({ url, method }: { url: string; method: string }) => {
      if (method === 'POST' && url === '/v1/verify/uploads')
        return ok({ ticket: 'v_abcdefghijklmnop', upload: { url: 'http://uploads.local/upload', fields: { key: 'k' } }, expiresInSeconds: 300 });
      if (method === 'POST' && url === '/v1/verify/uploads/v_abcdefghijklmnop')
        return ok({
          outcome: 'altered',
          message: '文件内容与出具时不一致',
          document: doc,
          file: { signature: 'invalid', matchesRecord: false, reason: '电子印章与文件内容不符：文件出具后被修改过' },
        });
      throw new Error(`unexpected ${method} ${url}`);
    });
    render(<VerifyPage />);
    const pdf = new File(['%PDF-1.7 ...'], '无犯罪记录证明.pdf', { type: 'application/pdf' });
    fireEvent.change(screen.getByTestId('verify-file'), { target: { files: [pdf] } });
    const badge = await screen.findByTestId('verify-outcome');
    expect(badge).toHaveAttribute('data-outcome', 'altered');
    expect(badge).toHaveTextContent('文件已被改动，不是原件');
    expect(screen.getByTestId('verify-file-reason')).toHaveTextContent('文件检查：电子印章与文件内容不符：文件出具后被修改过');
    expect(Taro.uploadFile).toHaveBeenCalledWith({
      url: 'http://uploads.local/upload',
      filePath: 'blob:pdf',
      name: 'file',
      formData: { key: 'k' },
      fileName: '无犯罪记录证明.pdf',
    });
    await waitFor(() => expect(urls.revokeObjectURL).toHaveBeenCalledWith('blob:pdf'));
  });
});
