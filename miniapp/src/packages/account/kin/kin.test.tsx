import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { getActingFor, stopActingFor } from '../../../api/acting';
import { api } from '../../../api/client';
import { saveSession } from '../../../api/session';
import Kin from './index';

const request = Taro.request as unknown as jest.Mock;
const grant = (over: Record<string, unknown> = {}) => ({
  principalId: 'u-resident-zhou',
  principalName: '周*福',
  agentId: 'u-resident-zhou-daughter',
  agentName: '周小敏',
  relation: 'child',
  allItems: true,
  itemIds: [],
  itemNames: [],
  expiresOn: '2027-11-29',
  status: 'offered',
  expired: false,
  offeredAt: '2026-11-30T02:00:00.000Z',
  ...over,
});

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  stopActingFor();
  saveSession({
    token: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u-resident-zhou-daughter', role: 'resident', nickname: '周小敏', level: 2, verified: true },
  });
});

describe('亲友代办', () => {
  it('accepts a request, then acts for the parent: every application call carries ?for= and the banner says so', async () => {
    let received = [grant()];
    request.mockImplementation(async ({ url, method }: { url: string; method: string }) => {
      if (method === 'GET' && url === '/v1/me/kin') return { statusCode: 200, data: { given: [], received } };
      if (method === 'POST' && url === '/v1/me/kin/u-resident-zhou/accept') {
        received = [grant({ status: 'accepted' })];
        return { statusCode: 200, data: received[0] };
      }
      if (method === 'GET' && url.startsWith('/v1/applications')) return { statusCode: 200, data: { items: [], nextCursor: null } };
      throw new Error(`unexpected ${method} ${url}`);
    });
    render(<Kin />);
    expect(await screen.findByText('待对方确认')).toBeInTheDocument();
    fireEvent.click(screen.getByText('接受代办'));
    fireEvent.click(await screen.findByText('为 周*福 办事'));
    expect(getActingFor()).toEqual({ userId: 'u-resident-zhou', name: '周*福' });
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/guide/index' });
    expect(await screen.findByTestId('acting-banner')).toHaveTextContent('正在为 周*福 代办');
    await act(async () => {
      await api.myApplications('all');
    });
    expect(request.mock.calls.map((c) => c[0].url)).toContain('/v1/applications?state=all&limit=20&for=u-resident-zhou');
    fireEvent.click(screen.getByText('切回本人'));
    await waitFor(() => expect(screen.queryByTestId('acting-banner')).not.toBeInTheDocument());
  });

  it('explains a bad ID under the field and sends no grant', async () => {
    request.mockResolvedValue({ statusCode: 200, data: { given: [], received: [] } });
    render(<Kin />);
    fireEvent.change(await screen.findByLabelText('亲友姓名'), { target: { value: '周小敏' } });
    fireEvent.change(screen.getByLabelText('亲友身份证号码'), { target: { value: '440104199003160021' } });
    fireEvent.click(screen.getByText('发出授权'));
    expect(await screen.findByText('号码有误，请逐位核对，特别是最后一位')).toBeInTheDocument();
    expect(request.mock.calls.filter((c) => c[0].method === 'POST')).toHaveLength(0);
  });
});
