import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { signIn } from '../../../../test/session';
import DocumentPage from './index';

const request = Taro.request as unknown as jest.Mock;
const SERIAL = 'ZM20261126000123';
const ok = (data: unknown) => ({ statusCode: 200, data });
const calls = (method: string, path: string) => request.mock.calls.map((c) => c[0]).filter((o) => o.method === method && o.url.startsWith(path));

const detail = (over: Record<string, unknown> = {}) => ({
  document: {
    serial: SERIAL,
    checkCode: 'AB3K7Q',
    kind: 'certificate',
    title: '无犯罪记录证明',
    itemId: 'no-crime',
    appNo: 'YX20261126000123',
    departmentId: 'gaj',
    issuer: '广州市公安局越秀区分局',
    subject: '张晓明',
    issuedAt: '2026-11-26T06:05:00Z',
    validUntil: '2099-05-25',
    status: 'valid',
    verifyUrl: `https://zwfw.yuexiu.example/packages/verify/index?s=${SERIAL}&c=AB3K7Q`,
    bytes: 48_000,
    ...over,
  },
  pdfUrl: 'https://files.example/doc.pdf?sig=1',
  uses: [
    { at: '2026-11-27T02:00:00Z', kind: 'verified', who: '通过核验码核验' },
    { at: '2026-11-28T03:00:00Z', kind: 'application', who: '区人力资源和社会保障局', appNo: 'YX20261128000007' },
  ],
});

function serve(d: unknown) {
  request.mockImplementation(async ({ url, method, data }: { url: string; method: string; data?: string }) => {
    if (method === 'GET' && url === `/v1/me/documents/${SERIAL}`) return ok(d);
    if (method === 'POST' && url === `/v1/me/documents/${SERIAL}/share`) {
      const { days } = JSON.parse(data!);
      return ok({ url: `https://zwfw.yuexiu.example/packages/verify/index?s=${SERIAL}&t=tok${days}abcdefghijklmnopqrstu`, expiresAt: '2026-12-03T06:05:00Z' });
    }
    throw new Error(`unexpected ${method} ${url}`);
  });
}

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  (Taro.setClipboardData as jest.Mock).mockClear();
  (Taro.useRouter as jest.Mock).mockReturnValue({ params: { serial: SERIAL.toLowerCase() } });
  signIn({ id: 'u1', role: 'resident', nickname: '张晓明', level: 2, verified: true });
});

describe('电子证明', () => {
  it('shows the facts, the serial and check code, the QR of the verification link, the PDF link and the uses newest first', async () => {
    serve(detail());
    render(<DocumentPage />);
    expect(await screen.findByText('无犯罪记录证明')).toBeInTheDocument();
    expect(screen.getByTestId('doc-serial')).toHaveTextContent(SERIAL);
    expect(screen.getByTestId('doc-code')).toHaveTextContent('AB3K7Q');
    expect(screen.getByText('2099年5月25日')).toBeInTheDocument();
    expect(screen.getByAltText('无犯罪记录证明的核验二维码')).toHaveAttribute('src', expect.stringMatching(/^data:image\/svg\+xml;base64,/));
    const open = screen.getByTestId('doc-open');
    expect(open).toHaveAttribute('href', 'https://files.example/doc.pdf?sig=1');
    expect(open).toHaveAttribute('target', '_blank');
    const uses = screen.getAllByTestId('doc-use');
    expect(uses[0]).toHaveTextContent('用于办事');
    expect(uses[0]).toHaveTextContent('区人力资源和社会保障局');
    expect(uses[0]).toHaveTextContent('办件编号 YX20261128000007');
    expect(uses[1]).toHaveTextContent('通过核验码核验');

    fireEvent.click(screen.getByTestId('doc-code'));
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'AB3K7Q' });
  });

  it('makes a share link for the days chosen and copies it', async () => {
    serve(detail());
    render(<DocumentPage />);
    fireEvent.click(await screen.findByText('分享核验链接'));
    fireEvent.click(screen.getByRole('radio', { name: '30 天' }));
    fireEvent.click(screen.getByText('生成链接'));
    const url = await screen.findByTestId('doc-share-url');
    expect(url).toHaveTextContent(`s=${SERIAL}&t=tok30`);
    expect(JSON.parse(calls('POST', `/v1/me/documents/${SERIAL}/share`)[0].data)).toEqual({ days: 30 });
    fireEvent.click(screen.getByText('复制链接'));
    await waitFor(() => expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: expect.stringContaining('t=tok30') }));
  });

  it('says a revoked one is revoked, why, and offers no share link', async () => {
    serve(detail({ status: 'revoked', revokedAt: '2026-11-28T02:00:00Z', revokedReason: '申请人信息有误' }));
    render(<DocumentPage />);
    expect(await screen.findByTestId('doc-revoked')).toHaveTextContent('原因：申请人信息有误');
    expect(screen.queryByText('分享核验链接')).not.toBeInTheDocument();
    expect(screen.getByTestId('doc-open')).toBeInTheDocument();
  });

  it('shows the server message with 重试 for a document that is not mine', async () => {
    request.mockResolvedValue({ statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '证照夹中没有这份证明' } } });
    render(<DocumentPage />);
    expect(await screen.findByText('证照夹中没有这份证明')).toBeInTheDocument();
    expect(calls('GET', `/v1/me/documents/${SERIAL}`)).toHaveLength(1);
  });
});
