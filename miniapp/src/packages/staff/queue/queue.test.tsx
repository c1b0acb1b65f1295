import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { saveSession } from '../../../api/session';
import Queue from './index';

const request = Taro.request as unknown as jest.Mock;
const row = (n: number, over: Record<string, unknown> = {}) => ({
  appNo: `YX20261126${String(n).padStart(6, '0')}`,
  itemName: `事项${n}`,
  departmentName: '区市场监管局',
  state: 'accepted',
  stateName: '已受理',
  submittedAt: '2026-11-26T02:00:00Z',
  light: 'green',
  remainingDays: 3,
  deadline: '2026-12-03',
  ...over,
});
const ROWS = [
  row(1, { light: 'red', remainingDays: -1 }),
  row(2, { light: 'yellow', remainingDays: 1, state: 'submitted', stateName: '已提交，待受理' }),
  row(3),
];
const queueCalls = () => request.mock.calls.map((c) => c[0].url as string).filter((u) => u.startsWith('/v1/staff/applications'));
const login = (role: 'staff' | 'dispatcher') =>
  saveSession({
    token: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u1', role, nickname: '李窗口', level: 1, verified: true, departmentId: 'amr', departmentName: '越秀区市场监督管理局' },
  });

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  (Taro.navigateTo as jest.Mock).mockClear();
  request.mockImplementation(async ({ url }: { url: string }) => {
    if (url === '/v1/staff/tasks')
      return {
        statusCode: 200,
        data: { items: [{ appNo: 'YX20261126000077', itemName: '既有住宅加装电梯', at: '2026-11-27T02:00:00Z', note: '已补正：设计图纸' }] },
      };
    if (url === '/v1/staff/counts')
      return { statusCode: 200, data: { departmentId: 'amr', byState: { submitted: 4, accepted: 2, in_review: 7, supplement: 1, approved: 0 } } };
    if (url.startsWith('/v1/staff/applications')) {
      const q = new URLSearchParams(url.split('?')[1]);
      const items = ROWS.filter((r) => (!q.get('light') || r.light === q.get('light')) && (!q.get('state') || r.state === q.get('state')));
      if (q.get('cursor') === 'c1') return { statusCode: 200, data: { items: [row(9)], nextCursor: null } };
      return { statusCode: 200, data: { items, nextCursor: q.get('light') || q.get('state') ? null : 'c1' } };
    }
    throw new Error(`unexpected ${url}`);
  });
});

describe('工作台', () => {
  it('is only for staff', () => {
    login('dispatcher');
    render(<Queue />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('工作台仅供窗口/审批人员使用');
    expect(screen.getByTestId('role-gate')).toHaveTextContent('调度员');
    expect(request).not.toHaveBeenCalled();
  });

  it('shows the counts per state and filters by a tapped tile', async () => {
    login('staff');
    render(<Queue />);
    await waitFor(() => expect(screen.getByTestId('tile-in_review')).toHaveTextContent('7审查中'));
    expect(screen.getByTestId('tile-submitted')).toHaveTextContent('4待受理');
    expect(screen.getByTestId('tile-approved')).toHaveTextContent('0待送达');
    expect(await screen.findAllByTestId('queue-row')).toHaveLength(3);

    fireEvent.click(screen.getByTestId('tile-submitted'));
    expect(screen.getByTestId('tile-submitted')).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(screen.getAllByTestId('queue-row')).toHaveLength(1));
    expect(queueCalls().pop()).toContain('state=submitted');
    expect(screen.getByTestId('queue-row')).toHaveTextContent('事项2');
    fireEvent.click(screen.getByTestId('tile-submitted')); // again: filter off
    await waitFor(() => expect(screen.getAllByTestId('queue-row')).toHaveLength(3));
    expect(queueCalls().pop()).not.toContain('state=');
  });

  it('filters by light, shows each row with its tag, light and deadline, loads more and opens one', async () => {
    login('staff');
    render(<Queue />);
    expect(await screen.findAllByTestId('queue-row')).toHaveLength(3);
    const first = screen.getAllByTestId('queue-row')[0];
    expect(within(first).getByTestId('state-tag')).toHaveTextContent('已受理');
    expect(within(first).getByTestId('traffic-light')).toHaveAttribute('data-light', 'red');
    expect(first).toHaveTextContent('办结期限 2026年12月3日');
    expect(first).toHaveTextContent('YX20261126000001');

    fireEvent.click(screen.getByText('加载更多'));
    await waitFor(() => expect(screen.getAllByTestId('queue-row')).toHaveLength(4));
    expect(queueCalls().pop()).toContain('cursor=c1');
    expect(screen.getByText('没有更多了')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('radio', { name: '红灯' }));
    await waitFor(() => expect(screen.getAllByTestId('queue-row')).toHaveLength(1));
    expect(queueCalls().pop()).toContain('light=red');
    expect(screen.getByTestId('traffic-light')).toHaveAttribute('data-light', 'red');
    fireEvent.click(screen.getByRole('radio', { name: '黄灯' }));
    await waitFor(() => expect(screen.getByTestId('queue-row')).toHaveTextContent('事项2'));
    fireEvent.click(screen.getByRole('radio', { name: '全部' }));
    await waitFor(() => expect(screen.getAllByTestId('queue-row')).toHaveLength(3));

    fireEvent.click(screen.getAllByTestId('queue-row')[2]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/detail/index?appNo=YX20261126000003' });
  });

  it('opens an application by its number and links to the other desks', async () => {
    login('staff');
    render(<Queue />);
    await screen.findAllByTestId('queue-row');
    fireEvent.click(screen.getByText('查看'));
    expect(screen.getByText('请输入办件编号')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('办件编号'), { target: { value: 'yx2026' } });
    fireEvent.click(screen.getByText('查看'));
    expect(screen.getByText('应为 YX 开头的 16 位办件编号')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('办件编号'), { target: { value: 'yx 20261126000123' } });
    fireEvent.click(screen.getByText('查看'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/detail/index?appNo=YX20261126000123' });

    fireEvent.click(screen.getByText('并联意见'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/opinions/index' });
    fireEvent.click(screen.getByText('数据看板'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/dashboard/index' });
  });

  it('lists the 补正 that came back to me above the queue, and opens one', async () => {
    login('staff');
    render(<Queue />);
    const tasks = await screen.findByTestId('my-tasks');
    expect(tasks).toHaveTextContent('待我处理 1');
    expect(within(tasks).getByTestId('my-task')).toHaveTextContent('既有住宅加装电梯已补正：设计图纸');
    fireEvent.click(within(tasks).getByTestId('my-task'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: expect.stringContaining('appNo=YX20261126000077') });
  });
});
