import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { signIn } from '../../../test/session';
import Wallet from './index';

const request = Taro.request as unknown as jest.Mock;
const ok = (data: unknown) => ({ statusCode: 200, data });

const doc = (n: number, over: Record<string, unknown> = {}) => ({
  serial: `ZM20261126${String(n).padStart(6, '0')}`,
  checkCode: 'AB3K7Q',
  kind: 'certificate',
  title: `证明${n}`,
  itemId: 'no-crime',
  departmentId: 'gaj',
  issuer: '广州市公安局越秀区分局',
  subject: '张晓明',
  issuedAt: `2026-11-${String(n).padStart(2, '0')}T06:05:00Z`,
  validUntil: '2099-05-25',
  status: 'valid',
  verifyUrl: 'https://zwfw.yuexiu.example/packages/verify/index?s=x&c=y',
  bytes: 48_000,
  ...over,
});

function serve(documents: unknown[], licences: unknown[] = [], uses: unknown[] = []) {
  request.mockImplementation(async ({ url }: { url: string }) => {
    if (url === '/v1/me/documents') return ok({ items: documents });
    if (url === '/v1/me/licences') return ok({ items: licences, uses });
    throw new Error(`unexpected ${url}`);
  });
}

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  (Taro.navigateTo as jest.Mock).mockClear();
});

describe('证照夹', () => {
  it('asks a visitor to log in and offers verification without it', () => {
    render(<Wallet />);
    expect(screen.getByText('登录后查看您的电子证明和电子证照')).toBeInTheDocument();
    fireEvent.click(screen.getByText('要核验别人给您的证明？不用登录，去核验 ›'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/verify/index' });
    expect(request).not.toHaveBeenCalled();
  });

  it('says how a certificate gets there when there is none', async () => {
    signIn({ id: 'u1', role: 'resident', nickname: '张晓明', level: 2, verified: true });
    serve([]);
    render(<Wallet />);
    expect(await screen.findByTestId('empty')).toHaveTextContent('还没有电子证明。在线开具证明后会自动放进证照夹');
    expect(screen.queryByTestId('licences')).not.toBeInTheDocument();
  });

  it('lists documents newest first with issuer, date, status and validity, the e-licences under them, and opens one', async () => {
    signIn({ id: 'u1', role: 'resident', nickname: '张晓明', level: 2, verified: true });
    serve(
      [
        doc(3, { status: 'revoked', title: '无犯罪记录证明' }),
        doc(5, { validUntil: undefined, kind: 'notice', title: '受理通知书' }),
        doc(4, { validUntil: '2020-01-01', title: '户籍证明' }),
      ],
      [{ id: 'el_1', type: 'business', name: '营业执照（某某餐饮）', number: '9144****', issuer: '区市场监管局', validUntil: '2030-01-01' }],
      [{ licenceId: 'el_1', appNo: 'YX20261120000007', material: '营业执照', at: '2026-11-20T02:00:00.000Z' }],
    );
    render(<Wallet />);
    await waitFor(() => expect(screen.getAllByTestId('document-card')).toHaveLength(3));
    const cards = screen.getAllByTestId('document-card');
    expect(cards[0]).toHaveTextContent('受理通知书');
    expect(cards[0]).toHaveTextContent('有效');
    expect(cards[0]).toHaveTextContent('长期有效');
    expect(cards[0]).toHaveTextContent('2026年11月5日出具');
    expect(cards[1]).toHaveTextContent('户籍证明');
    expect(cards[1]).toHaveTextContent('已过期');
    expect(cards[2]).toHaveTextContent('无犯罪记录证明');
    expect(cards[2]).toHaveTextContent('已撤销');
    expect(cards[2]).toHaveTextContent('有效期至 2099年5月25日');
    expect(cards[2]).toHaveTextContent('广州市公安局越秀区分局');
    expect(await screen.findByTestId('licence')).toHaveTextContent('营业执照（某某餐饮）');
    // every use the holder authorised: when, for which application and material
    expect(screen.getByTestId('licence-uses')).toHaveTextContent('授权用于办件 YX20261120000007（营业执照）');

    fireEvent.click(cards[2]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/wallet/document/index?serial=ZM20261126000003' });
  });

  it('shows the error with 重试 when the list cannot be loaded', async () => {
    signIn({ id: 'u1', role: 'enterprise', nickname: '陈志强', level: 2, verified: true });
    request.mockResolvedValue({ statusCode: 503, data: { error: { code: 'UNAVAILABLE', message: '系统繁忙，请稍后再试' } } });
    render(<Wallet />);
    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeInTheDocument();
    expect(screen.getByText('重试')).toBeInTheDocument();
  });
});
