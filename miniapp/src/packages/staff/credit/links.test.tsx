import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { saveSession } from '../../../api/session';
import Queue from '../queue/index';

const request = Taro.request as unknown as jest.Mock;
const login = (departmentId: string) =>
  saveSession({
    token: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u1', role: 'staff', nickname: '林主任', level: 2, verified: true, departmentId, departmentName: '区市场监管局' },
  });

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  (Taro.navigateTo as jest.Mock).mockClear();
  request.mockReset();
  request.mockImplementation(async ({ url }: { url: string }) => {
    if (url === '/v1/staff/tasks') return { statusCode: 200, data: { items: [] } };
    if (url === '/v1/staff/counts') return { statusCode: 200, data: { departmentId: 'market', byState: {} } };
    return { statusCode: 200, data: { items: [], nextCursor: null } };
  });
});

describe('工作台 links to 信用', () => {
  it('every officer reaches 信用修复与异议; only the market regulator 商户评价审核', async () => {
    login('market');
    const { unmount } = render(<Queue />);
    fireEvent.click(await screen.findByText('信用修复与异议'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/credit/index' });
    fireEvent.click(screen.getByText('商户评价审核'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/credit/index?tab=held' });
    unmount();

    login('police');
    render(<Queue />);
    expect(await screen.findByText('信用修复与异议')).toBeInTheDocument();
    expect(screen.queryByText('商户评价审核')).toBeNull();
  });
});
