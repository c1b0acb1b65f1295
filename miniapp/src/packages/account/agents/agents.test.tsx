import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { saveSession } from '../../../api/session';
import Agents from './index';
import Offers from '../offers/index';
import { endOf } from '../grantTerms';

const request = Taro.request as unknown as jest.Mock;
const sent = (method: string, path: string) => request.mock.calls.map((c) => c[0]).filter((o) => o.method === method && o.url.startsWith(path));
const grant = (over: Record<string, unknown> = {}) => ({
  creditCode: '91440104MA5F8YR3K9',
  firmName: '广州越秀云山文化传媒有限公司',
  agentId: 'u-agent-qian',
  agentName: '钱*东',
  agentIdNumber: '440***********003X',
  allItems: true,
  itemIds: [],
  itemNames: [],
  commitments: true,
  benefits: false,
  expiresOn: '2027-11-29',
  status: 'accepted',
  expired: false,
  offeredBy: '赵*山',
  offeredAt: '2026-11-30T02:00:00.000Z',
  ...over,
});
const login = (role: 'enterprise' | 'resident') =>
  saveSession({
    token: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u1', role, nickname: '赵云山', level: 2, verified: true, firmRole: 'legal' },
  });

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
});

describe('企业经办人 (legal representative)', () => {
  it('lists agents with their state, revokes after confirmation, and grants a new one with scope and end date', async () => {
    login('enterprise');
    let items = [grant()];
    request.mockImplementation(async ({ url, method }: { url: string; method: string }) => {
      if (method === 'GET' && url === '/v1/firm/agents') return { statusCode: 200, data: { items } };
      if (method === 'GET' && url.startsWith('/v1/services')) return { statusCode: 200, data: { items: [] } };
      if (method === 'POST' && url === '/v1/firm/agents/u-agent-qian/revoke') {
        items = [grant({ status: 'revoked' })];
        return { statusCode: 200, data: items[0] };
      }
      if (method === 'POST' && url === '/v1/firm/agents') return { statusCode: 201, data: grant({ agentId: 'u-2', status: 'offered' }) };
      throw new Error(`unexpected ${method} ${url}`);
    });
    render(<Agents />);
    const card = await screen.findByTestId('agent-u-agent-qian');
    expect(card).toHaveTextContent('已生效');
    expect(card).toHaveTextContent('企业全部事项');
    expect(within(card).getByTestId('agent-benefits')).toHaveTextContent('政策兑现：不可办理（由法定代表人确认）');
    fireEvent.click(screen.getByText('撤销授权'));
    await waitFor(() => expect(sent('POST', '/v1/firm/agents/u-agent-qian/revoke')).toHaveLength(1));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '撤销授权' }));
    expect(await screen.findByText('已撤销')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('经办人姓名'), { target: { value: '孙经办' } });
    fireEvent.change(screen.getByLabelText('经办人身份证号码'), { target: { value: '11010519491231002X' } });
    fireEvent.click(screen.getByLabelText('3 个月'));
    fireEvent.click(screen.getByText('发出授权'));
    await waitFor(() => expect(sent('POST', '/v1/firm/agents')).toHaveLength(2));
    const body = JSON.parse(sent('POST', '/v1/firm/agents').filter((o) => o.url === '/v1/firm/agents')[0].data);
    expect(body).toMatchObject({ name: '孙经办', idNumber: '11010519491231002X', allItems: true, commitments: false, benefits: false, expiresOn: endOf('3m') });
  });

  it('grants 政策兑现 when switched on, says so before sending, and shows it on the card', async () => {
    login('enterprise');
    let items = [grant()];
    request.mockImplementation(async ({ url, method, data }: { url: string; method: string; data?: string }) => {
      if (method === 'GET' && url === '/v1/firm/agents') return { statusCode: 200, data: { items } };
      if (method === 'GET' && url.startsWith('/v1/services')) return { statusCode: 200, data: { items: [] } };
      if (method === 'POST' && url === '/v1/firm/agents') {
        const g = JSON.parse(data!);
        items = [...items, grant({ agentId: 'u-2', agentName: '孙*办', status: 'offered', commitments: g.commitments, benefits: g.benefits })];
        return { statusCode: 201, data: items[1] };
      }
      throw new Error(`unexpected ${method} ${url}`);
    });
    render(<Agents />);
    await screen.findByTestId('agent-u-agent-qian');
    fireEvent.change(screen.getByLabelText('经办人姓名'), { target: { value: '孙经办' } });
    fireEvent.change(screen.getByLabelText('经办人身份证号码'), { target: { value: '11010519491231002X' } });
    act(() => {
      fireEvent.click(screen.getByRole('switch', { name: '可办理政策兑现（确认免申即享、指定收款账户）' }));
    });
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(screen.getByText('发出授权'));
    await waitFor(() =>
      expect(Taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ content: expect.stringContaining('可办理政策兑现（确认免申即享、指定收款账户）') }),
      ),
    );
    expect(sent('POST', '/v1/firm/agents')).toHaveLength(0);

    fireEvent.click(screen.getByText('发出授权'));
    await waitFor(() => expect(sent('POST', '/v1/firm/agents')).toHaveLength(1));
    expect(JSON.parse(sent('POST', '/v1/firm/agents')[0].data)).toMatchObject({ commitments: false, benefits: true });
    const card = await screen.findByTestId('agent-u-2');
    expect(within(card).getByTestId('agent-benefits')).toHaveTextContent('政策兑现：可以确认免申即享、指定收款账户');
  });

  it('explains a bad ID under the field and sends no grant', async () => {
    login('enterprise');
    request.mockImplementation(async ({ url }: { url: string }) => ({ statusCode: 200, data: { items: url === '/v1/firm/agents' ? [] : [] } }));
    render(<Agents />);
    expect(await screen.findByText('还没有授权经办人')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('经办人姓名'), { target: { value: '孙经办' } });
    fireEvent.change(screen.getByLabelText('经办人身份证号码'), { target: { value: '110105194912310021' } });
    fireEvent.click(screen.getByText('发出授权'));
    expect(await screen.findByText('号码有误，请逐位核对，特别是最后一位')).toBeInTheDocument();
    expect(sent('POST', '/v1/firm/agents')).toHaveLength(0);
  });

  it('computes the end date in whole months, the day before', () => {
    expect(endOf('1y', '2026-11-30')).toBe('2027-11-29');
    expect(endOf('3m', '2026-11-30')).toBe('2027-02-27'); // 30 Feb does not exist: the term ends with February's last day
  });
});

describe('企业授权 (agent)', () => {
  it('accepts an offer after confirmation and takes the new session', async () => {
    login('resident');
    request.mockImplementation(async ({ url, method }: { url: string; method: string }) => {
      if (method === 'GET' && url === '/v1/me/firm-offers') return { statusCode: 200, data: { items: [grant({ status: 'offered', agentName: '钱晓东' })] } };
      if (method === 'POST' && url === '/v1/me/firm-offers/91440104MA5F8YR3K9/accept')
        return {
          statusCode: 200,
          data: {
            token: 't2',
            expiresAt: new Date(Date.now() + 3600_000).toISOString(),
            user: { id: 'u1', role: 'enterprise', nickname: '钱晓东', level: 2, verified: true, firmRole: 'agent' },
          },
        };
      throw new Error(`unexpected ${method} ${url}`);
    });
    render(<Offers />);
    expect(await screen.findByText('待经办人确认')).toBeInTheDocument();
    fireEvent.click(screen.getByText('接受授权'));
    await waitFor(() => expect(sent('POST', '/v1/me/firm-offers')).toHaveLength(1));
    await waitFor(() => expect((Taro.getStorageSync('yx.session') as { token: string }).token).toBe('t2'));
  });
});
