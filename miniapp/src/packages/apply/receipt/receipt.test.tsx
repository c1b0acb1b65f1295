import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Receipt } from '@yx/shared';
import { signIn } from '../../../../test/session';
import { receiptKey } from '../draftStore';
import ReceiptPage from './index';

const request = Taro.request as unknown as jest.Mock;
const APP = 'YX20261126000123';
const SERIAL = 'ZM20261126000001';

const receipt: Receipt = {
  appNo: APP,
  queryCode: '482913',
  itemName: '无犯罪记录证明',
  departmentName: '广州市公安局越秀区分局',
  submittedAt: '2026-11-26T06:05:00Z',
  promisedDays: 0,
  statutoryDays: 5,
  promisedDeadline: '2026-11-26',
  statutoryDeadline: '2026-12-03',
  nextSteps: ['信息齐备的，系统当即出具电子证明'],
  linked: [],
  deferred: [],
};
const detail = (over: Record<string, unknown> = {}) => ({
  appNo: APP,
  itemId: 'no-crime',
  itemName: '无犯罪记录证明',
  state: 'submitted',
  issuesDocument: true,
  documents: [],
  ...over,
});
const ok = (data: unknown) => ({ statusCode: 200, data });
const calls = (method: string, path: string) => request.mock.calls.map((c) => c[0]).filter((o) => o.method === method && o.url.startsWith(path));

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  (Taro.navigateTo as jest.Mock).mockClear();
  (Taro.useRouter as jest.Mock).mockReturnValue({ params: { appNo: APP } });
  signIn({ id: 'u1', role: 'resident', nickname: '张晓明', level: 2, verified: true });
  Taro.setStorageSync(receiptKey(APP), receipt);
});

describe('申请回执 · 电子证明', () => {
  it('issues the certificate once with a spinner, then offers to open it', async () => {
    let answer!: (r: unknown) => void;
    request.mockImplementation(({ url, method }: { url: string; method: string }) => {
      if (method === 'GET' && url === `/v1/applications/${APP}`) return Promise.resolve(ok(detail()));
      if (method === 'POST' && url === `/v1/applications/${APP}/document`) return new Promise((resolve) => (answer = resolve));
      throw new Error(`unexpected ${method} ${url}`);
    });
    render(<ReceiptPage />);
    expect(await screen.findByTestId('receipt-issuing')).toHaveTextContent('正在出具电子证明…');
    await act(async () => answer(ok({ serial: SERIAL, title: '无犯罪记录证明', kind: 'certificate', status: 'valid' })));
    expect(await screen.findByText('证明已出具，已放入证照夹')).toBeInTheDocument();
    expect(screen.queryByTestId('receipt-issuing')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('receipt-document'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/wallet/document/index?serial=${SERIAL}` });
    expect(calls('POST', `/v1/applications/${APP}/document`)).toHaveLength(1);
  });

  it('says what went wrong and that the department will handle it, without trying again', async () => {
    request.mockImplementation(async ({ url, method }: { url: string; method: string }) => {
      if (method === 'GET') return ok(detail());
      return { statusCode: 422, data: { error: { code: 'UNPROCESSABLE', message: '您的信息需要民警核实后出具' } } };
    });
    render(<ReceiptPage />);
    expect(await screen.findByRole('alert')).toHaveTextContent('您的信息需要民警核实后出具');
    expect(screen.getByText(/部门会尽快办理/)).toBeInTheDocument();
    expect(screen.queryByTestId('receipt-document')).not.toBeInTheDocument();
    expect(calls('POST', `/v1/applications/${APP}/document`)).toHaveLength(1);
  });

  it('shows a certificate already issued instead of asking again, and nothing for other items', async () => {
    request.mockResolvedValue(ok(detail({ documents: [{ serial: SERIAL, title: '无犯罪记录证明', kind: 'certificate', status: 'valid' }] })));
    const r = render(<ReceiptPage />);
    expect(await screen.findByTestId('receipt-document')).toBeInTheDocument();
    expect(calls('POST', '/v1/applications')).toHaveLength(0);
    r.unmount();

    request.mockReset();
    request.mockResolvedValue(ok(detail({ issuesDocument: false })));
    render(<ReceiptPage />);
    await waitFor(() => expect(calls('GET', `/v1/applications/${APP}`)).toHaveLength(1));
    expect(screen.getByText('申请已提交')).toBeInTheDocument();
    expect(screen.queryByTestId('receipt-issuing')).not.toBeInTheDocument();
    expect(screen.queryByTestId('receipt-document')).not.toBeInTheDocument();
    expect(calls('POST', '/v1/applications')).toHaveLength(0);
  });
});

describe('申请回执 · 办理时限', () => {
  it('says when a deadline falls in a year whose holidays are not published yet (issue 16)', async () => {
    request.mockImplementation(async () => ok({ ...detail(), issuesDocument: false }));
    Taro.setStorageSync(receiptKey(APP), {
      ...receipt,
      statutoryDeadline: '2029-01-05',
      deadlineNote: '该年度节假日安排尚未公布，暂按周末计算，如有调整以部门通知为准',
    });
    render(<ReceiptPage />);
    expect(await screen.findByTestId('deadline-note')).toHaveTextContent('暂按周末计算');
    expect(screen.getByText('受理之日起计算')).toBeInTheDocument(); // 法定时限 starts at 受理 (issue 16)
  });
});
