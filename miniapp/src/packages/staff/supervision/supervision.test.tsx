import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { saveSession } from '../../../api/session';
import Supervision from './index';

const request = Taro.request as unknown as jest.Mock;
const posts = () => request.mock.calls.map((c) => c[0]).filter((o) => o.method === 'POST');
const login = (role: 'staff' | 'dispatcher') =>
  saveSession({ token: 't', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { id: 'u1', role, nickname: '陈调度', level: 1, verified: true } });

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
          ],
        },
      };
    }
    if (method === 'POST' && url === '/v1/supervision/YX20261101000002') return { statusCode: 200, data: { ok: true } };
    throw new Error(`unexpected ${method} ${url}`);
  });
});

describe('督办', () => {
  it('is for dispatchers and admins only', () => {
    login('staff');
    render(<Supervision />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('督办仅供调度员、管理员使用');
    expect(request).not.toHaveBeenCalled();
  });

  it('lists the most overdue first and sends a supervision note', async () => {
    login('dispatcher');
    render(<Supervision />);
    await waitFor(() => expect(screen.getAllByTestId('supervision-item')).toHaveLength(2));
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
});
