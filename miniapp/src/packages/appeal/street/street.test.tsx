import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Role } from '@yx/shared';
import { saveSession } from '../../../api/session';
import type { WoStreetItem } from '../../../api/workorders';
import Street from './index';

const request = Taro.request as unknown as jest.Mock;
const login = (role: Role) =>
  saveSession({
    token: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u1', role, nickname: '陈调度', level: 1, verified: true, street: 'beijing' },
  });

const row = (n: number, over: Partial<WoStreetItem> = {}): WoStreetItem => ({
  no: `SQ20261126${String(n).padStart(6, '0')}`,
  kind: 'appeal',
  category: `市容环境 / 诉求${n}`,
  description: `描述${n}`,
  address: '北京路',
  state: 'dispatched',
  stateName: '已派单，待签收',
  teamName: '区城管执法局',
  affected: 1,
  claimBy: '2026-11-26T06:00:00Z',
  replyBy: '2026-12-03',
  createdAt: '2026-11-26T02:00:00Z',
  light: 'green',
  escalated: false,
  extensionRequested: false,
  ...over,
});

const GROUPS: Record<string, WoStreetItem[]> = {
  todo: [row(1, { light: 'red', escalated: true }), row(2, { light: 'yellow' })],
  doing: [row(3, { state: 'in_progress', stateName: '处理中', ownerName: '陈队', light: 'yellow', extensionRequested: true })],
  answered: [],
  returned: [row(4, { state: 'returned', stateName: '已退单，待改派', light: 'green' })],
  closed: [row(5, { state: 'closed', stateName: '已关闭', light: undefined, duplicateOf: 'SQ20261125000001' })],
};
const NAMES: Record<string, string> = { todo: '待签收', doing: '处理中', answered: '待评价', returned: '退单待改派', closed: '已关闭' };

type Call = { url: string; method: string };
const urls = () => request.mock.calls.map((c) => (c[0] as Call).url);
const streetCalls = () => urls().filter((u) => u.startsWith('/v1/street/workorders'));
const query = (u: string) => Object.fromEntries(new URLSearchParams(u.split('?')[1] ?? ''));
const tab = (name: string) => screen.getByRole('tab', { name });

function serve(overrides: Partial<Record<string, (q: Record<string, string>) => unknown>> = {}) {
  request.mockImplementation(async ({ url, method }: Call) => {
    if (method !== 'GET') throw new Error(`unexpected ${method} ${url}`);
    const path = url.split('?')[0];
    const q = query(url);
    if (overrides[path]) return overrides[path]!(q);
    if (path === '/v1/street/workorders/overdue') {
      return {
        statusCode: 200,
        data: {
          street: '北京街道',
          items: [row(1, { light: 'red', escalated: true })],
          replies: [
            row(6, { state: 'claimed', stateName: '已签收', light: 'red', replyBy: '2026-11-20' }),
            row(7, { state: 'in_progress', stateName: '处理中', light: 'red' }),
          ],
        },
      };
    }
    if (path === '/v1/street/workorders') {
      const g = q.group;
      if (g === 'todo' && q.cursor === 'c1')
        return { statusCode: 200, data: { street: '北京街道', group: g, groupName: NAMES[g], items: [row(8, { light: 'green' })], nextCursor: null } };
      return { statusCode: 200, data: { street: '北京街道', group: g, groupName: NAMES[g], items: GROUPS[g], nextCursor: g === 'todo' ? 'c1' : null } };
    }
    throw new Error(`unexpected ${url}`);
  });
}

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  (Taro.navigateTo as jest.Mock).mockClear();
});

describe('街道调度', () => {
  it('is for dispatchers and admins only', () => {
    login('staff');
    render(<Street />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('街道调度仅供调度员、管理员使用');
    expect(request).not.toHaveBeenCalled();
  });

  it('starts with 待签收: lights, badges, the claim time, load more, and opens a row', async () => {
    login('dispatcher');
    serve();
    render(<Street />);
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['待签收', '处理中', '待评价', '退单待改派', '已关闭', '督办']);
    expect(tab('待签收')).toHaveAttribute('aria-selected', 'true');
    const rows = await screen.findAllByTestId('street-row');
    expect(rows).toHaveLength(2);
    expect(query(streetCalls()[0])).toEqual({ group: 'todo', limit: '20' }); // a dispatcher never names a street
    expect(screen.getByTestId('street-name')).toHaveTextContent('北京街道');
    expect(within(rows[0]).getByTestId('traffic-light')).toHaveAttribute('data-light', 'red');
    expect(within(rows[0]).getByTestId('badge-escalated')).toHaveTextContent('已提请调度');
    expect(within(rows[0]).getByTestId('deadline')).toHaveTextContent(/签收时限 (2026年)?11月26日 14:00/);
    expect(within(rows[0]).getByTestId('deadline')).toHaveClass('ws-late');
    expect(within(rows[1]).getByTestId('traffic-light')).toHaveAttribute('data-light', 'yellow');
    expect(within(rows[1]).queryByTestId('badge-escalated')).not.toBeInTheDocument();
    expect(rows[0]).toHaveTextContent('承办：区城管执法局');

    fireEvent.click(screen.getByText('加载更多'));
    await waitFor(() => expect(screen.getAllByTestId('street-row')).toHaveLength(3));
    expect(query(streetCalls().pop()!)).toEqual({ group: 'todo', limit: '20', cursor: 'c1' });
    expect(screen.getByText('没有更多了')).toBeInTheDocument();
    expect(screen.queryByText('加载更多')).not.toBeInTheDocument();

    fireEvent.click(screen.getByText('描述2'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/appeal/detail/index?no=SQ20261126000002' });
  });

  it('switches tabs and asks for the right group each time, with the deadline that matters there', async () => {
    login('dispatcher');
    serve();
    render(<Street />);
    await screen.findAllByTestId('street-row');

    fireEvent.click(tab('处理中'));
    expect(tab('处理中')).toHaveAttribute('aria-selected', 'true');
    expect(tab('待签收')).toHaveAttribute('aria-selected', 'false');
    await waitFor(() => expect(screen.getAllByTestId('street-row')).toHaveLength(1));
    expect(query(streetCalls().pop()!).group).toBe('doing');
    const doing = screen.getByTestId('street-row');
    expect(doing).toHaveTextContent('承办：区城管执法局（陈队）');
    expect(within(doing).getByTestId('badge-extension')).toHaveTextContent('延期待批');
    expect(within(doing).getByTestId('deadline')).toHaveTextContent('答复期限 2026年12月3日');

    fireEvent.click(tab('待评价'));
    expect(await screen.findByText('暂无待评价的工单')).toBeInTheDocument();
    expect(query(streetCalls().pop()!).group).toBe('answered');

    fireEvent.click(tab('退单待改派'));
    await waitFor(() => expect(screen.getByTestId('street-row')).toHaveTextContent('已退单，待改派'));
    expect(query(streetCalls().pop()!).group).toBe('returned');

    fireEvent.click(tab('已关闭'));
    await waitFor(() => expect(screen.getByTestId('street-row')).toHaveTextContent('已关闭'));
    expect(query(streetCalls().pop()!).group).toBe('closed');
    const closed = screen.getByTestId('street-row');
    expect(within(closed).getByTestId('badge-duplicate')).toHaveTextContent('重复件');
    expect(within(closed).queryByTestId('traffic-light')).not.toBeInTheDocument(); // no clock once closed
    expect(within(closed).getByTestId('deadline')).toHaveTextContent('反映时间');

    expect(streetCalls().map((u) => query(u).group)).toEqual(['todo', 'doing', 'answered', 'returned', 'closed']);
  });

  it('督办 shows both overdue lists with their counts', async () => {
    login('dispatcher');
    serve();
    render(<Street />);
    await screen.findAllByTestId('street-row');
    fireEvent.click(tab('督办'));
    const unclaimed = await screen.findByTestId('overdue-unclaimed');
    expect(urls().pop()).toBe('/v1/street/workorders/overdue');
    expect(unclaimed).toHaveTextContent('超时未签收');
    expect(screen.getByTestId('overdue-unclaimed-count')).toHaveTextContent('1');
    expect(within(unclaimed).getAllByTestId('street-row')).toHaveLength(1);
    const replies = screen.getByTestId('overdue-replies');
    expect(replies).toHaveTextContent('超期未答复');
    expect(screen.getByTestId('overdue-replies-count')).toHaveTextContent('2');
    const late = within(replies).getAllByTestId('street-row');
    expect(late).toHaveLength(2);
    expect(within(late[0]).getByTestId('deadline')).toHaveTextContent('答复期限 2026年11月20日');
    expect(within(late[0]).getByTestId('traffic-light')).toHaveAttribute('data-light', 'red');

    fireEvent.click(within(late[1]).getByText('描述7'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/appeal/detail/index?no=SQ20261126000007' });
  });

  it('says when nothing is overdue', async () => {
    login('dispatcher');
    serve({ '/v1/street/workorders/overdue': () => ({ statusCode: 200, data: { street: '北京街道', items: [], replies: [] } }) });
    render(<Street />);
    await screen.findAllByTestId('street-row');
    fireEvent.click(tab('督办'));
    expect(await screen.findByText('没有超时未签收的工单')).toBeInTheDocument();
    expect(screen.getByText('没有超期未答复的工单')).toBeInTheDocument();
    expect(screen.getByTestId('overdue-unclaimed-count')).toHaveTextContent('0');
  });

  it("shows the server's error with a retry", async () => {
    login('dispatcher');
    let fail = true;
    serve({
      '/v1/street/workorders': (q) =>
        fail
          ? { statusCode: 403, data: { error: { code: 'FORBIDDEN', message: '您的账号未分配街道' } } }
          : { statusCode: 200, data: { street: '北京街道', group: q.group, groupName: '待签收', items: [row(1)], nextCursor: null } },
    });
    render(<Street />);
    expect(await screen.findByRole('alert')).toHaveTextContent('您的账号未分配街道');
    fail = false;
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findAllByTestId('street-row')).toHaveLength(1);
  });

  it('lets the admin pick a street (区级 by default)', async () => {
    login('admin');
    serve();
    render(<Street />);
    await screen.findAllByTestId('street-row');
    expect(query(streetCalls()[0])).toEqual({ group: 'todo', limit: '20', street: '_district' });
    expect(screen.getByRole('radio', { name: '区级（未定位街道）' })).toHaveAttribute('aria-checked', 'true');
    fireEvent.click(screen.getByRole('radio', { name: '流花街道' }));
    await waitFor(() => expect(query(streetCalls().pop()!)).toEqual({ group: 'todo', limit: '20', street: 'liuhua' }));
    fireEvent.click(tab('督办'));
    await waitFor(() => expect(urls().pop()).toBe('/v1/street/workorders/overdue?street=liuhua'));
  });
});
