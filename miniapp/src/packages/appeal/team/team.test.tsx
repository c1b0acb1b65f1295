import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Role } from '@yx/shared';
import { saveSession } from '../../../api/session';
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
