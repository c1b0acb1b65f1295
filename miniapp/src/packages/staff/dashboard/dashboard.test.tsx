import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Dashboard } from '../../../api/staff';
import { saveSession } from '../../../api/session';
import DashboardPage, { barPercent } from './index';

const request = Taro.request as unknown as jest.Mock;
const weeks = (n: number[][]) => n.map(([received, done], i) => ({ week: `2026-W${41 + i}`, received, done, onTime: done }));
const dept: Dashboard = {
  scope: 'dept',
  name: '越秀区市场监督管理局',
  byState: { submitted: 10, accepted: 0, in_review: 5, supplement: 2, approved: 4, delivered: 20 },
  open: 15,
  done: 40,
  onTimeRate: 0.925,
  avgUsedDays: 3.46,
  ratings: 10,
  satisfactionRate: 0.8,
  weeks: weeks([
    [8, 4],
    [2, 2],
    [0, 0],
    [4, 8],
    [1, 0],
    [3, 3],
    [6, 5],
    [5, 6],
  ]),
};
const empty: Dashboard = {
  scope: 'district',
  name: '越秀区',
  byState: {},
  done: 0,
  onTimeRate: null,
  avgUsedDays: null,
  ratings: 0,
  satisfactionRate: null,
  weeks: weeks([
    [0, 0],
    [0, 0],
  ]),
};
const dashboardCalls = () => request.mock.calls.map((c) => c[0].url as string).filter((u) => u.startsWith('/v1/dashboard'));
const height = (id: string) => (screen.getByTestId(id) as HTMLElement).style.height;
const login = (role: 'staff' | 'dispatcher' | 'resident' | 'admin', departmentId?: string) =>
  saveSession({
    token: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u1', role, nickname: '李窗口', level: 1, verified: true, departmentId },
  });

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  request.mockImplementation(async ({ url }: { url: string }) => {
    if (url === '/v1/departments')
      return {
        statusCode: 200,
        data: {
          items: [
            { id: 'amr', name: '越秀区市场监督管理局', shortName: '区市场监管局', phone: '', address: '' },
            { id: 'fire', name: '越秀区消防救援大队', shortName: '区消防大队', phone: '', address: '' },
          ],
        },
      };
    if (url.startsWith('/v1/dashboard?scope=district')) return { statusCode: 200, data: empty };
    if (url.startsWith('/v1/dashboard?scope=street')) return { statusCode: 200, data: { ...empty, scope: 'street', name: '北京街道', rectificationsOpen: 2 } };
    if (url.startsWith('/v1/dashboard?scope=dept')) return { statusCode: 200, data: dept };
    throw new Error(`unexpected ${url}`);
  });
});

describe('数据看板', () => {
  it('computes bar heights as shares of the largest value, zero-safe', () => {
    expect(barPercent(5, 10)).toBe('50%');
    expect(barPercent(10, 10)).toBe('100%');
    expect(barPercent(1, 3)).toBe('33.3%');
    expect(barPercent(0, 0)).toBe('0%');
    expect(barPercent(3, 0)).toBe('0%');
  });

  it("shows a staff member's own department: KPIs and bars proportional to the values", async () => {
    login('staff', 'amr');
    render(<DashboardPage />);
    expect(await screen.findByText('越秀区市场监督管理局')).toBeInTheDocument();
    expect(dashboardCalls()).toEqual(['/v1/dashboard?scope=dept&id=amr']);
    expect(screen.getByText('本部门')).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: '全区' })).not.toBeInTheDocument(); // staff cannot switch scope
    expect(screen.getByTestId('kpi-ontime')).toHaveTextContent('92.5%按时办结率');
    expect(screen.getByTestId('kpi-avg')).toHaveTextContent('3.5个工作日平均用时');
    expect(screen.getByTestId('kpi-satisfaction')).toHaveTextContent('80%满意率');
    expect(screen.getByTestId('kpi-open')).toHaveTextContent('15件在办');
    expect(screen.getByText('累计办结 40 件')).toBeInTheDocument();

    // by state: the largest (已送达 20) is full height, the rest in proportion
    expect(height('bar-delivered')).toBe('100%');
    expect(height('bar-submitted')).toBe('50%');
    expect(height('bar-in_review')).toBe('25%');
    expect(height('bar-approved')).toBe('20%');
    expect(height('bar-accepted')).toBe('0%');
    expect(height('bar-denied')).toBe('0%');
    // weekly: received and done share one scale (max 8)
    expect(screen.getAllByTestId('week')).toHaveLength(8);
    expect(height('received-2026-W41')).toBe('100%');
    expect(height('done-2026-W41')).toBe('50%');
    expect(height('done-2026-W44')).toBe('100%');
    expect(height('received-2026-W45')).toBe('12.5%');
    expect(screen.getByText('10/5')).toBeInTheDocument(); // 2026-W41, by its Monday (not "W41")
    // ratings: one split bar, satisfied vs not
    expect((screen.getByTestId('rating-satisfied') as HTMLElement).style.width).toBe('80%');
    expect((screen.getByTestId('rating-other') as HTMLElement).style.width).toBe('20%');
    expect(screen.getByText('共 10 条评价，满意率 80%')).toBeInTheDocument();
  });

  it('says 暂无 for null rates and draws empty bars when everything is zero; dispatchers switch to a department', async () => {
    login('dispatcher');
    render(<DashboardPage />);
    // a street's dispatcher starts with the street (街道绩效), open rectifications included
    expect(await screen.findByText('北京街道')).toBeInTheDocument();
    expect(screen.getByTestId('kpi-rect')).toHaveTextContent('2件');
    fireEvent.click(screen.getByRole('radio', { name: '全区' }));
    expect(await screen.findByText('越秀区')).toBeInTheDocument();
    expect(dashboardCalls()).toEqual(['/v1/dashboard?scope=street', '/v1/dashboard?scope=district']);
    expect(screen.getByTestId('kpi-ontime')).toHaveTextContent('暂无');
    expect(screen.getByTestId('kpi-avg')).toHaveTextContent('暂无');
    expect(screen.getByTestId('kpi-satisfaction')).toHaveTextContent('暂无');
    expect(screen.getByTestId('kpi-open')).toHaveTextContent('0件');
    expect(height('bar-submitted')).toBe('0%');
    expect(height('received-2026-W41')).toBe('0%');
    expect(screen.getByText('暂无评价')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/NaN|Infinity/);

    fireEvent.click(screen.getByRole('radio', { name: '按部门' }));
    expect(await screen.findByText('请选择一个部门')).toBeInTheDocument();
    fireEvent.click(await screen.findByRole('radio', { name: '区消防大队' }));
    await waitFor(() => expect(dashboardCalls()).toContain('/v1/dashboard?scope=dept&id=fire'));
    expect(await screen.findByText('越秀区市场监督管理局')).toBeInTheDocument();
  });

  it('shows the 诉求工单 section: KPIs and the weekly filed/closed bars on one scale; none without the figures', async () => {
    const street = {
      ...empty,
      scope: 'street',
      name: '北京街道',
      workOrders: { filed: 42, open: 7, closed: 30, resolved: 33, reopened: 2, duplicates: 3, onTimeRate: 0.9, satisfactionRate: 0.875 },
      weeks: [
        { week: '2026-W47', received: 0, done: 0, onTime: 0, woFiled: 10, woClosed: 4 },
        { week: '2026-W48', received: 0, done: 0, onTime: 0, woFiled: 5, woClosed: 8 },
      ],
    };
    request.mockImplementation(async ({ url }: { url: string }) => {
      if (url.startsWith('/v1/dashboard?scope=street')) return { statusCode: 200, data: street };
      if (url.startsWith('/v1/dashboard?scope=district')) return { statusCode: 200, data: empty };
      throw new Error(`unexpected ${url}`);
    });
    login('dispatcher');
    render(<DashboardPage />);
    const section = await screen.findByTestId('wo-section');
    expect(section).toHaveTextContent('诉求工单');
    expect(screen.getByTestId('wo-kpi-filed')).toHaveTextContent('42件受理');
    expect(screen.getByTestId('wo-kpi-open')).toHaveTextContent('7件在办');
    expect(screen.getByTestId('wo-kpi-closed')).toHaveTextContent('30件办结');
    expect(screen.getByTestId('wo-kpi-ontime')).toHaveTextContent('90%按期答复率');
    expect(screen.getByTestId('wo-kpi-satisfaction')).toHaveTextContent('87.5%满意率');
    expect(section).toHaveTextContent('其中重新办理 2 件，重复件 3 件');
    expect(screen.getAllByTestId('wo-week')).toHaveLength(2);
    expect(height('wo-filed-2026-W47')).toBe('100%');
    expect(height('wo-closed-2026-W47')).toBe('40%');
    expect(height('wo-filed-2026-W48')).toBe('50%');
    expect(height('wo-closed-2026-W48')).toBe('80%');
    expect(screen.getAllByTestId('wo-week')[0]).toHaveAttribute('aria-label', '11 月 16 日起的一周：受理 10 件，办结 4 件');

    // the district's figures without work-order counts: no section
    fireEvent.click(screen.getByRole('radio', { name: '全区' }));
    expect(await screen.findByText('越秀区')).toBeInTheDocument();
    expect(screen.queryByTestId('wo-section')).not.toBeInTheDocument();
  });

  it('says 暂无 for work-order rates before any answer or rating', async () => {
    request.mockImplementation(async () => ({
      statusCode: 200,
      data: { ...dept, workOrders: { filed: 0, open: 0, closed: 0, resolved: 0, reopened: 0, duplicates: 0, onTimeRate: null, satisfactionRate: null } },
    }));
    login('staff', 'amr');
    render(<DashboardPage />);
    expect(await screen.findByTestId('wo-section')).toBeInTheDocument();
    expect(screen.getByTestId('wo-kpi-ontime')).toHaveTextContent('暂无按期答复率');
    expect(screen.getByTestId('wo-kpi-satisfaction')).toHaveTextContent('暂无满意率');
    expect(height('wo-filed-2026-W41')).toBe('0%');
    expect(document.body.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('is not for residents, and needs a department for staff', () => {
    login('resident');
    const { unmount } = render(<DashboardPage />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('数据看板仅供窗口/审批人员、调度员、管理员使用');
    unmount();
    login('staff');
    render(<DashboardPage />);
    expect(screen.getByText(/您的账号未分配部门/)).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
  });

  it('shows the district the 督办 escalated to it: the count, the list and the way to the 督办 list', async () => {
    const escalated = {
      round: 1,
      status: 'open',
      state: 'overdue',
      auto: true,
      by: '系统（自动督办）',
      note: '已超过承诺时限 3 个工作日',
      at: '2026-11-16T16:50:00Z',
      replyBy: '2026-11-19',
      escalated: true,
      appNo: 'YX20261101000001',
      itemName: '既有住宅加装电梯',
      departmentName: '规划和自然资源越秀分局',
    };
    request.mockImplementation(async ({ url }: { url: string }) => {
      if (url.startsWith('/v1/dashboard')) return { statusCode: 200, data: { ...empty, escalatedSupervisions: { count: 1, items: [escalated] } } };
      if (url === '/v1/departments') return { statusCode: 200, data: { items: [] } };
      throw new Error(`unexpected ${url}`);
    });
    login('admin');
    render(<DashboardPage />);
    const section = await screen.findByTestId('db-escalated');
    expect(section).toHaveTextContent('督办升级（逾期未回复）1 件');
    expect(section).toHaveTextContent('规划和自然资源越秀分局 · 应于 2026年11月19日 前回复 · 自动督办');
    fireEvent.click(screen.getByText('查看督办清单 ›'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/supervision/index' });
  });
});
