import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { saveSession } from '../../../api/session';
import Supervision from './index';

const request = Taro.request as unknown as jest.Mock;
const posts = () => request.mock.calls.map((c) => c[0]).filter((o) => o.method === 'POST');
const login = (role: 'staff' | 'dispatcher' | 'resident') =>
  saveSession({ token: 't', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { id: 'u1', role, nickname: '陈调度', level: 1, verified: true } });

const SUP = {
  round: 1,
  status: 'open',
  state: 'waiting',
  auto: false,
  by: '北京街道（督办）',
  note: '请说明超时原因',
  at: '2026-11-16T02:00:00Z',
  replyBy: '2026-11-19',
  escalated: false,
};

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  request.mockImplementation(async ({ url, method }: { url: string; method: string }) => {
    if (method === 'GET' && url === '/v1/supervision') {
      return {
        statusCode: 200,
        data: {
          items: [
            { appNo: 'YX20261110000001', itemName: '户外广告设置', departmentName: '区城管执法局', deadline: '2026-11-20', overdueDays: 1, light: 'red' },
            { appNo: 'YX20261101000002', itemName: '食品经营许可', departmentName: '区市场监管局', deadline: '2026-11-12', overdueDays: 6, light: 'red' },
            {
              appNo: 'YX20261101000003',
              itemName: '既有住宅加装电梯',
              departmentName: '规划和自然资源越秀分局',
              deadline: '2026-11-10',
              overdueDays: 3,
              light: 'red',
              supervision: {
                ...SUP,
                auto: true,
                status: 'answered',
                state: 'late',
                reply: { note: '已出具审查意见', by: '规划 · 罗工', at: '2026-11-19T02:00:00Z', late: true },
              },
            },
          ],
          escalated: [{ ...SUP, appNo: 'YX20261101000004', itemName: '户口迁移', departmentName: '区公安分局', state: 'overdue', escalated: true }],
        },
      };
    }
    if (method === 'GET' && url === '/v1/staff/supervision') {
      return {
        statusCode: 200,
        data: {
          items: [
            {
              ...SUP,
              appNo: 'YX20261101000005',
              itemName: '既有住宅加装电梯',
              departmentName: '规划和自然资源越秀分局',
              state: 'answered',
              status: 'answered',
              reply: { note: '本周办结', by: '规划 · 罗工', at: '2026-11-18T02:00:00Z', late: false },
            },
            { ...SUP, appNo: 'YX20261101000003', itemName: '建设工程规划许可', departmentName: '规划和自然资源越秀分局', round: 2 },
          ],
        },
      };
    }
    if (method === 'POST' && url === '/v1/staff/supervision/YX20261101000003') return { statusCode: 200, data: { ok: true } };
    if (method === 'POST' && url === '/v1/supervision/YX20261101000002') return { statusCode: 200, data: { ok: true } };
    throw new Error(`unexpected ${method} ${url}`);
  });
});

describe('督办', () => {
  it('is for staff, dispatchers and admins only', () => {
    login('resident');
    render(<Supervision />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('督办仅供窗口/审批人员、调度员、管理员使用');
    expect(request).not.toHaveBeenCalled();
  });

  it('lists the most overdue first and sends a supervision note', async () => {
    login('dispatcher');
    render(<Supervision />);
    await waitFor(() => expect(screen.getAllByTestId('supervision-item')).toHaveLength(3));
    expect(screen.getAllByTestId('supervision-item')[0]).toHaveTextContent('已超时 6 个工作日');
    fireEvent.click(screen.getAllByText('督办 ›')[0]);
    fireEvent.click(screen.getByText('发送督办'));
    expect(screen.getByText('请填写督办意见（至少 2 个字）')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('督办意见'), { target: { value: '请于 2 个工作日内办结' } });
    fireEvent.click(screen.getByText('发送督办'));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(JSON.parse(posts()[0].data)).toEqual({ note: '请于 2 个工作日内办结' });
    expect(await screen.findByText('已督办')).toBeInTheDocument();
  });

  it('shows each 督办 as tags: 自动督办, 逾期回复 with the reply, and what escalated to the district', async () => {
    login('dispatcher');
    render(<Supervision />);
    await waitFor(() => expect(screen.getAllByTestId('supervision-item')).toHaveLength(3));
    const answered = screen.getAllByTestId('supervision-item')[1];
    expect(answered).toHaveTextContent('逾期回复');
    expect(answered).toHaveTextContent('自动督办');
    expect(answered).toHaveTextContent('已出具审查意见');
    expect(answered).toHaveTextContent('再次督办 ›');
    expect(screen.getByTestId('escalated')).toHaveTextContent('逾期未回复，已升级区级（1 件）');
    expect(screen.getByTestId('escalated')).toHaveTextContent('户口迁移');
  });
});

describe('督办 for the department', () => {
  beforeEach(() => {
    saveSession({
      token: 't',
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      user: { id: 'u2', role: 'staff', nickname: '规划窗口 罗工', level: 1, verified: true, departmentId: 'planning' },
    });
  });

  it('lists the open ones first with their reply date, and replies once after confirming', async () => {
    render(<Supervision />);
    await waitFor(() => expect(screen.getAllByTestId('dept-supervision')).toHaveLength(2));
    const [open, done] = screen.getAllByTestId('dept-supervision');
    expect(open).toHaveTextContent('待回复');
    expect(open).toHaveTextContent('2026年11月19日前回复');
    expect(open).toHaveTextContent('北京街道（督办）');
    expect(done).toHaveTextContent('已回复');
    expect(done).toHaveTextContent('本周办结');
    expect(screen.getAllByText('回复督办 ›')).toHaveLength(1);
    fireEvent.click(screen.getByText('回复督办 ›'));
    fireEvent.click(screen.getByText('发送回复'));
    expect(screen.getByText('请填写回复内容（至少 2 个字）')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('回复内容'), { target: { value: '已加派人手，本周五前办结' } });
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(screen.getByText('发送回复'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(posts()).toHaveLength(0); // 再想想: nothing sent
    fireEvent.click(screen.getByText('发送回复'));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(JSON.parse(posts()[0].data)).toEqual({ reply: '已加派人手，本周五前办结', round: 2 });
  });
});
