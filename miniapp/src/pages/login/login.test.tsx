import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Login from './index';

const request = Taro.request as unknown as jest.Mock;
const session = {
  token: 't',
  expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  user: { id: 'u1', role: 'resident', nickname: '张晓明', level: 2, verified: true },
};

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  request.mockImplementation(async ({ url }: { url: string }) => {
    if (url === '/v1/dev/users')
      return { statusCode: 200, data: { items: [{ id: 'u1', role: 'resident', nickname: '张晓明', description: '居民 · 已实名' }] } };
    if (url === '/v1/dev/login') return { statusCode: 200, data: session };
    throw new Error(`unexpected ${url}`);
  });
});

describe('登录', () => {
  it('goes back to the page that asked for a login (a gate, the form a person was on)', async () => {
    (Taro.getCurrentPages as jest.Mock).mockReturnValue([{ route: 'packages/apply/form/index' }, { route: 'pages/login/index' }]);
    render(<Login />);
    fireEvent.click(await screen.findByTestId('dev-user-u1'));
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
    expect(Taro.switchTab).not.toHaveBeenCalled();
  });

  it('opened on its own, lands on 我的', async () => {
    (Taro.getCurrentPages as jest.Mock).mockReturnValue([{ route: 'pages/login/index' }]);
    render(<Login />);
    fireEvent.click(await screen.findByTestId('dev-user-u1'));
    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' }));
  });
});
