import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { saveSession } from '../../../api/session';
import Mine from './index';

const request = Taro.request as unknown as jest.Mock;
const row = (n: number, over: Record<string, unknown> = {}) => ({
  appNo: `YX20261126${String(n).padStart(6, '0')}`,
  itemName: `事项${n}`,
  departmentName: '区市场监管局',
  state: 'in_review',
  stateName: '审查中',
  submittedAt: `2026-11-${String(n).padStart(2, '0')}T02:00:00Z`,
  light: 'green',
  remainingDays: 3,
  deadline: '2026-12-03',
  ...over,
});
const login = () =>
  saveSession({
    token: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u1', role: 'resident', nickname: '张晓明', level: 1, verified: true },
  });

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  (Taro.navigateTo as jest.Mock).mockClear();
});

describe('我的办件', () => {
  it('asks a visitor to log in', () => {
    render(<Mine />);
    fireEvent.click(screen.getByText('去登录'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' });
    expect(request).not.toHaveBeenCalled();
  });

  it('lists newest first, loads more with the cursor, filters by tab and opens a detail', async () => {
    login();
    request.mockImplementation(async ({ url }: { url: string }) => {
      if (url.includes('cursor=c1')) return { statusCode: 200, data: { items: [row(1, { light: 'red', remainingDays: -2 })], nextCursor: null } };
      if (url.includes('state=action')) return { statusCode: 200, data: { items: [], nextCursor: null } };
      return { statusCode: 200, data: { items: [row(2), row(3)], nextCursor: 'c1' } };
    });
    render(<Mine />);
    await waitFor(() => expect(screen.getAllByTestId('application-row')).toHaveLength(2));
    expect(screen.getAllByTestId('application-row')[0]).toHaveTextContent('事项3');
    expect(request.mock.calls[0][0].url).toContain('state=all');
    fireEvent.click(screen.getByText('加载更多'));
    await waitFor(() => expect(screen.getAllByTestId('application-row')).toHaveLength(3));
    expect(screen.getAllByTestId('application-row')[2]).toHaveTextContent('已超时，我们正在督促尽快办结');
    expect(screen.queryByText('加载更多')).not.toBeInTheDocument();

    fireEvent.click(screen.getByText('事项3'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/progress/detail/index?appNo=YX20261126000003' });

    fireEvent.click(screen.getByRole('tab', { name: '待我处理' }));
    expect(await screen.findByText('没有需要您处理的办件')).toBeInTheDocument();
    expect(request.mock.calls.at(-1)![0].url).toContain('state=action');
  });

  it('points to the guide when there is nothing yet', async () => {
    login();
    request.mockResolvedValue({ statusCode: 200, data: { items: [], nextCursor: null } });
    render(<Mine />);
    expect(await screen.findByText('还没有办件，去办事指南看看')).toBeInTheDocument();
    fireEvent.click(screen.getByText('去办事指南'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/guide/index' });
  });

  it('lets a firm’s legal representative switch to all of the firm’s applications', async () => {
    saveSession({
      token: 't',
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      user: { id: 'u1', role: 'enterprise', nickname: '赵云山', level: 2, verified: true, firmRole: 'legal' },
    });
    request.mockResolvedValue({ statusCode: 200, data: { items: [row(3)], nextCursor: null } });
    render(<Mine />);
    await screen.findByText('事项3');
    expect(request.mock.calls[0][0].url).not.toContain('scope=');
    fireEvent.click(screen.getByLabelText('企业全部办件'));
    await waitFor(() => expect(request.mock.calls.some((c) => c[0].url.includes('scope=firm'))).toBe(true));
  });
});
