import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Role } from '@yx/shared';
import { saveSession } from '../../../api/session';
import type { WoOwnerItem } from '../../../api/workorders';
import Team from './index';

const request = Taro.request as unknown as jest.Mock;
const login = (role: Role) =>
  saveSession({
    token: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u1', role, nickname: '网格员 何敏', level: 1, verified: true },
  });

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  (Taro.navigateTo as jest.Mock).mockClear();
});

describe('待办工单', () => {
  it('is for staff and grid officials only', () => {
    login('resident');
    render(<Team />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('待办工单仅供窗口/审批人员、网格员使用');
    expect(request).not.toHaveBeenCalled();
  });

  it("lists the team's orders with a red tag when overdue, and opens one", async () => {
    login('grid');
    request.mockResolvedValue({
      statusCode: 200,
      data: {
        teamId: 'grid:beijing',
        items: [
          {
            no: 'SQ20261126000001',
            category: '社区治理 / 安全隐患',
            description: '楼道飞线充电',
            address: '府前路 3 号',
            affected: 2,
            claimBy: '2026-11-26T02:00:00Z',
            overdue: true,
            light: 'red',
          },
          {
            no: 'SQ20261126000002',
            category: '社区治理 / 设施损坏',
            description: '健身器材断裂',
            affected: 1,
            claimBy: '2026-11-27T10:00:00Z',
            overdue: false,
            light: 'yellow',
          },
        ],
      },
    });
    render(<Team />);
    const rows = await screen.findAllByTestId('team-row');
    expect(request.mock.calls[0][0].url).toBe('/v1/team/workorders');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveClass('overdue');
    expect(screen.getAllByTestId('overdue')).toHaveLength(1);
    expect(screen.getByTestId('overdue')).toHaveClass('tag-red');
    expect(rows[1]).toHaveTextContent('待签收');
    // each row's claim light
    expect(within(rows[0]).getByTestId('traffic-light')).toHaveAttribute('data-light', 'red');
    expect(within(rows[0]).getByTestId('traffic-light')).toHaveTextContent('已超时');
    expect(within(rows[1]).getByTestId('traffic-light')).toHaveAttribute('data-light', 'yellow');
    expect(within(rows[1]).getByTestId('traffic-light')).toHaveTextContent('临近时限');
    expect(rows[1]).toHaveClass('soon');
    fireEvent.click(screen.getByText('楼道飞线充电'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/appeal/detail/index?no=SQ20261126000001' });
  });

  it('says when there is nothing to do', async () => {
    login('staff');
    request.mockResolvedValue({ statusCode: 200, data: { teamId: 'dept:urban', items: [] } });
    render(<Team />);
    expect(await screen.findByText('暂无待签收的工单')).toBeInTheDocument();
  });
});

const own = (n: number, over: Partial<WoOwnerItem> = {}): WoOwnerItem => ({
  no: `SQ20261126${String(n).padStart(6, '0')}`,
  category: `社区治理 / 设施损坏${n}`,
  description: `描述${n}`,
  state: 'claimed',
  stateName: '已签收',
  affected: 1,
  createdAt: '2026-11-26T02:00:00Z',
  replyBy: '2026-12-03',
  overdue: false,
  light: 'green',
  extensionRequested: false,
  reopened: false,
  ...over,
});
const LISTS: Record<string, WoOwnerItem[]> = {
  doing: [
    own(1, { state: 'in_progress', stateName: '处理中', replyBy: '2026-11-20', overdue: true, light: 'red' }),
    own(2, { light: 'yellow', extensionRequested: true }),
  ],
  done: [
    own(3, { state: 'closed', stateName: '已关闭', resolvedAt: '2026-11-25T08:00:00Z', light: undefined, rating: '满意' }),
    own(4, { state: 'resolved', stateName: '已办结，待评价', resolvedAt: '2026-11-24T08:00:00Z', overdue: true, light: undefined }),
  ],
};
const urls = () => request.mock.calls.map((c) => (c[0] as { url: string }).url);
const query = (u: string) => Object.fromEntries(new URLSearchParams(u.split('?')[1] ?? ''));

/** The team's queue, and the officer's own lists (with a second page of 我处理中 behind cursor c1). */
function serve(lists: Record<string, WoOwnerItem[]> = LISTS) {
  request.mockImplementation(async ({ url }: { url: string }) => {
    const [path] = url.split('?');
    const q = query(url);
    if (path === '/v1/team/workorders') return { statusCode: 200, data: { teamId: 'grid:beijing', items: [] } };
    if (path === '/v1/team/workorders/mine') {
      const name = q.list === 'done' ? '已办结' : '我处理中';
      if (q.cursor === 'c1') return { statusCode: 200, data: { list: q.list, listName: name, items: [own(9)], nextCursor: null } };
      const items = lists[q.list] ?? [];
      return { statusCode: 200, data: { list: q.list, listName: name, items, nextCursor: q.list === 'doing' && items.length ? 'c1' : null } };
    }
    throw new Error(`unexpected ${url}`);
  });
}

describe('待办工单: 待签收 / 我处理中 / 已办结', () => {
  it('shows the three tabs, 待签收 first', async () => {
    login('grid');
    serve();
    render(<Team />);
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['待签收', '我处理中', '已办结']);
    expect(screen.getByRole('tab', { name: '待签收' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByText('暂无待签收的工单')).toBeInTheDocument();
    expect(urls()).toEqual(['/v1/team/workorders']);
  });

  it('lists the orders I am handling with their reply lights, overdue and extension tags, and pages', async () => {
    login('grid');
    serve();
    render(<Team />);
    fireEvent.click(screen.getByRole('tab', { name: '我处理中' }));
    const rows = await screen.findAllByTestId('own-row');
    const asked = urls().filter((u) => u.startsWith('/v1/team/workorders/mine'));
    expect(query(asked[0])).toMatchObject({ list: 'doing' });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveClass('overdue');
    expect(within(rows[0]).getByTestId('overdue')).toHaveTextContent('已超期');
    expect(within(rows[0]).getByTestId('traffic-light')).toHaveAttribute('data-light', 'red');
    expect(rows[0]).toHaveTextContent('答复期限');
    expect(rows[1]).toHaveClass('soon');
    expect(within(rows[1]).getByTestId('traffic-light')).toHaveAttribute('data-light', 'yellow');
    expect(within(rows[1]).getByTestId('wo-state')).toHaveTextContent('已签收');
    expect(within(rows[1]).getByTestId('badge-extension')).toHaveTextContent('延期待批');
    fireEvent.click(screen.getByText('加载更多'));
    await waitFor(() => expect(screen.getAllByTestId('own-row')).toHaveLength(3));
    expect(query(urls().pop()!)).toMatchObject({ list: 'doing', cursor: 'c1' });
    expect(await screen.findByText('没有更多了')).toBeInTheDocument();
    fireEvent.click(screen.getByText('描述2'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/appeal/detail/index?no=SQ20261126000002' });
  });

  it('lists the orders I answered, newest first as served, with late answers and ratings', async () => {
    login('staff');
    serve();
    render(<Team />);
    fireEvent.click(screen.getByRole('tab', { name: '已办结' }));
    const rows = await screen.findAllByTestId('own-row');
    expect(query(urls().pop()!)).toMatchObject({ list: 'done' });
    expect(rows.map((r) => within(r).getByTestId('wo-state').textContent)).toEqual(['已关闭', '已办结，待评价']);
    expect(rows[0]).toHaveTextContent('按时办结');
    expect(rows[0]).toHaveTextContent('评价：满意');
    expect(within(rows[1]).getByTestId('overdue')).toHaveTextContent('超期办结');
    expect(rows[1]).toHaveClass('overdue');
    expect(screen.queryByTestId('traffic-light')).not.toBeInTheDocument(); // answered: no clock runs
  });

  it('says so in Chinese when a list is empty', async () => {
    login('grid');
    serve({ doing: [], done: [] });
    render(<Team />);
    fireEvent.click(screen.getByRole('tab', { name: '我处理中' }));
    expect(await screen.findByText('暂无处理中的工单')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('tab', { name: '已办结' }));
    expect(await screen.findByText('暂无已办结的工单')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('tab', { name: '待签收' }));
    expect(await screen.findByText('暂无待签收的工单')).toBeInTheDocument();
  });
});
