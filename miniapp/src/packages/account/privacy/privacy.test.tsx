import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { PRIVACY_VERSION } from '@yx/shared';
import { signIn } from '../../../../test/session';
import { getToken } from '../../../api/session';
import Privacy from './index';

const request = Taro.request as unknown as jest.Mock;
const view = (over: Record<string, unknown> = {}) => ({
  version: PRIVACY_VERSION,
  consents: { realName: { version: PRIVACY_VERSION, at: '2026-11-30T02:00:00.000Z' } },
  openApplications: 0,
  openWorkOrders: 0,
  ...over,
});
const EXPORT = {
  exportedAt: '2026-11-30T03:00:00.000Z',
  profile: { id: 'u1', nickname: '郑', realName: '郑晓雯', idNumber: '440104199003070017', createdAt: '2026-11-01' },
  consents: {},
  applications: [{ appNo: 'YX20261130000001', itemName: '居住证', state: 'delivered', submittedAt: '2026-11-30T01:00:00.000Z', answers: {} }],
  drafts: [],
  workOrders: [],
  messages: [{ at: '2026-11-30T01:00:00.000Z', title: '已受理', body: '…' }],
  truncated: [],
};

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  signIn({ id: 'u1', role: 'resident', nickname: '郑', level: 2, verified: true });
});

describe('我的个人信息', () => {
  it('says what is collected and why, with the consent given, and exports a copy to the clipboard', async () => {
    request.mockImplementation(async ({ url, method }: { url: string; method: string }) => {
      if (method === 'GET' && url === '/v1/me/privacy') return { statusCode: 200, data: view() };
      if (method === 'GET' && url === '/v1/me/export') return { statusCode: 200, data: EXPORT };
      throw new Error(`unexpected ${method} ${url}`);
    });
    render(<Privacy />);
    expect(await screen.findByTestId('collected-realName')).toHaveTextContent('您已于 2026-11-30 同意');
    expect(screen.getByTestId('collected-phone')).toHaveTextContent('尚未提供');
    expect(screen.getByText('最后一次保存后 30 天自动删除')).toBeInTheDocument();
    fireEvent.click(screen.getByText('导出我的数据', { selector: 'button, taro-button-core, [role=button], .btn' }));
    expect(await screen.findByTestId('export-summary')).toHaveTextContent('办件 1 件');
    fireEvent.click(screen.getByText('复制全部数据'));
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: expect.stringContaining('440104199003070017') });
  });

  it('will not close the account while a matter is being handled', async () => {
    request.mockImplementation(async () => ({ statusCode: 200, data: view({ openWorkOrders: 1 }) }));
    render(<Privacy />);
    expect(await screen.findByTestId('close-blocked')).toHaveTextContent('1 件诉求正在办理');
    expect(screen.queryByText('注销账号', { selector: '.privacy-close' })).not.toBeInTheDocument();
  });

  it('closes the account only with the word typed and a second confirmation, then signs out', async () => {
    request.mockImplementation(async ({ url, method }: { url: string; method: string }) => {
      if (method === 'GET' && url === '/v1/me/privacy') return { statusCode: 200, data: view() };
      if (method === 'POST' && url === '/v1/me/close') return { statusCode: 200, data: { closedAt: '2026-11-30T04:00:00.000Z' } };
      throw new Error(`unexpected ${method} ${url}`);
    });
    render(<Privacy />);
    const button = await screen.findByText('注销账号', { selector: '.privacy-close' });
    fireEvent.click(button);
    expect(await screen.findByText('请输入“注销”两个字确认')).toBeInTheDocument();
    fireEvent.input(screen.getByLabelText('输入“注销”确认'), { target: { value: '注销' } });
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false });
    fireEvent.click(button);
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(request.mock.calls.some((c) => c[0].url === '/v1/me/close')).toBe(false); // cancelled: nothing sent
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: true });
    fireEvent.click(button);
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
    expect(JSON.parse(request.mock.calls.find((c) => c[0].url === '/v1/me/close')![0].data)).toEqual({ confirm: '注销' });
    expect(getToken()).toBeUndefined();
  });
});
