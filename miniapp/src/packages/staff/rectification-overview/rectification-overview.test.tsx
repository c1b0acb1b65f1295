import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { saveSession } from '../../../api/session';
import RectificationOverviewPage, { barWidth } from './index';

const request = Taro.request as unknown as jest.Mock;
const login = (role: 'staff' | 'admin') =>
  saveSession({ token: 't', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { id: 'u1', role, nickname: '管理员', level: 1, verified: true } });

const OVERVIEW = {
  total: { open: 5, overdue: 2 },
  departments: [
    { departmentId: 'planning', departmentName: '规划和自然资源越秀分局', open: 3, overdue: 2 },
    { departmentId: 'market', departmentName: '区市场监管局', open: 2, overdue: 0 },
  ],
  items: [
    {
      appNo: 'YX20261101000001',
      itemName: '既有住宅加装电梯',
      rating: 'unsatisfied',
      ratingName: '不满意',
      due: '2026-11-23',
      light: 'red',
      status: 'open',
      overdue: true,
      escalatedAt: '2026-11-24T16:55:00Z',
      departmentId: 'planning',
      departmentName: '规划和自然资源越秀分局',
    },
    {
      appNo: 'YX20261101000002',
      itemName: '食品经营许可',
      rating: 'very_unsatisfied',
      due: '2026-12-10',
      light: 'green',
      status: 'open',
      overdue: false,
      departmentId: 'market',
      departmentName: '区市场监管局',
    },
  ],
};

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
});

describe('差评整改总览', () => {
  it('is for the admin only', () => {
    login('staff');
    render(<RectificationOverviewPage />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('差评整改总览仅供管理员使用');
    expect(request).not.toHaveBeenCalled();
  });

  it('shows the totals, a bar per department and the list, overdue first', async () => {
    login('admin');
    request.mockResolvedValue({ statusCode: 200, data: OVERVIEW });
    render(<RectificationOverviewPage />);
    await waitFor(() => expect(screen.getAllByTestId('ro-dept')).toHaveLength(2));
    expect(request.mock.calls[0][0].url).toBe('/v1/admin/rectifications');
    expect(screen.getByTestId('ro-open')).toHaveTextContent('5待整改');
    expect(screen.getByTestId('ro-overdue')).toHaveTextContent('2已逾期');
    expect(screen.getAllByTestId('ro-dept')[0]).toHaveAttribute('aria-label', '规划和自然资源越秀分局 待整改 3 件，已逾期 2 件');
    const [first, second] = screen.getAllByTestId('ro-item');
    expect(first).toHaveTextContent('已逾期');
    expect(first).toHaveTextContent('已通知部门并报区级督办');
    expect(second).toHaveTextContent('非常不满意');
    expect(second).toHaveTextContent('整改中');
  });

  it('says when nothing is open, and offers 重试 on an error', async () => {
    login('admin');
    request.mockResolvedValueOnce({ statusCode: 200, data: { total: { open: 0, overdue: 0 }, departments: [], items: [] } });
    const { unmount } = render(<RectificationOverviewPage />);
    expect(await screen.findByText('各部门暂无待整改的差评')).toBeInTheDocument();
    unmount();
    request.mockResolvedValueOnce({ statusCode: 500, data: { error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } } });
    render(<RectificationOverviewPage />);
    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeInTheDocument();
    expect(screen.getByText('重试')).toBeInTheDocument();
  });

  it('draws bars as shares of the largest department', () => {
    expect(barWidth(3, 3)).toBe('100%');
    expect(barWidth(1, 3)).toBe('33.3%');
    expect(barWidth(0, 0)).toBe('0%');
  });
});
