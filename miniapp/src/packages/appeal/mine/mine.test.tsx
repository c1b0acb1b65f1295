import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { saveSession } from '../../../api/session';
import Mine from './index';

const request = Taro.request as unknown as jest.Mock;
const row = (n: number, over: Record<string, unknown> = {}) => ({
  no: `SQ20261126${String(n).padStart(6, '0')}`,
  category: `市容环境 / 诉求${n}`,
  description: `描述${n}`,
  state: 'dispatched',
  stateName: '已派单，待签收',
  teamName: '区城管执法局',
  createdAt: `2026-11-${String(n).padStart(2, '0')}T02:00:00Z`,
  affected: 1,
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

describe('我的诉求', () => {
  it('asks a visitor to log in, without calling the API', () => {
    render(<Mine />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('登录后可查看您反映的诉求');
    fireEvent.click(screen.getByText('去登录'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' });
    expect(request).not.toHaveBeenCalled();
  });

  it('lists newest first with state tags, loads more with the cursor and opens a detail', async () => {
    login();
    request.mockImplementation(async ({ url }: { url: string }) => {
      if (url.includes('cursor=c1')) return { statusCode: 200, data: { items: [row(1, { state: 'closed', stateName: '已关闭' })], nextCursor: null } };
      return { statusCode: 200, data: { items: [row(2), row(3, { state: 'resolved', stateName: '已办结，待评价', affected: 4 })], nextCursor: 'c1' } };
    });
    render(<Mine />);
    await waitFor(() => expect(screen.getAllByTestId('wo-row')).toHaveLength(2));
    expect(request.mock.calls[0][0].url).toBe('/v1/workorders/mine?limit=20');
    expect(screen.getAllByTestId('wo-row')[0]).toHaveTextContent('诉求3');
    expect(screen.getAllByTestId('wo-row')[0]).toHaveTextContent('4 人反映');
    expect(screen.getAllByTestId('wo-state').map((t) => [t.textContent, t.className])).toEqual([
      ['已办结，待评价', 'tag tag-green'],
      ['已派单，待签收', 'tag tag-orange'],
    ]);
    fireEvent.click(screen.getByText('加载更多'));
    await waitFor(() => expect(screen.getAllByTestId('wo-row')).toHaveLength(3));
    expect(screen.getAllByTestId('wo-state')[2]).toHaveTextContent('已关闭');
    expect(screen.queryByText('加载更多')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('描述3'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/appeal/detail/index?no=SQ20261126000003' });
  });

  it('points to the filing page when there is nothing yet', async () => {
    login();
    request.mockResolvedValue({ statusCode: 200, data: { items: [], nextCursor: null } });
    render(<Mine />);
    expect(await screen.findByText('您还没有反映过诉求')).toBeInTheDocument();
    fireEvent.click(screen.getByText('去反映'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/appeal/file/index' });
  });
});
