import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { saveSession } from '../../api/session';
import Me from './index';

beforeEach(() => (Taro as unknown as { __reset?: () => void }).__reset?.());

describe('我的', () => {
  it('asks a visitor to log in', () => {
    render(<Me />);
    expect(screen.getByText('您还没有登录')).toBeInTheDocument();
    fireEvent.click(screen.getByText('登录 / 注册'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('has the 我的办事 rows for everyone', () => {
    render(<Me />);
    fireEvent.click(screen.getByText('我的办件'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/progress/mine/index' });
    fireEvent.click(screen.getByText('进度查询'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/progress/lookup/index' });
  });

  it('shows role and masked binding of a logged-in resident', () => {
    saveSession({
      token: 't', expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      user: { id: 'u1', role: 'resident', nickname: '张晓明', verified: true, realName: '张*明', idNumber: '440***********0017', phone: '138****8000' },
    });
    render(<Me />);
    expect(screen.getByText('居民')).toBeInTheDocument();
    expect(screen.getByText('已实名')).toBeInTheDocument();
    expect(screen.getByText(/440\*+0017/)).toBeInTheDocument();
  });

  it('offers 街道调度 to dispatchers and admins only', () => {
    const as = (role: 'dispatcher' | 'admin' | 'staff' | 'grid') => saveSession({
      token: 't', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { id: `u-${role}`, role, nickname: '陈调度', verified: true },
    });
    as('dispatcher');
    const r = render(<Me />);
    fireEvent.click(screen.getByText('街道调度'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/appeal/street/index' });
    r.unmount();

    as('admin');
    const r2 = render(<Me />);
    expect(screen.getByText('街道调度')).toBeInTheDocument();
    r2.unmount();

    for (const role of ['staff', 'grid'] as const) {
      as(role);
      const r3 = render(<Me />);
      expect(screen.queryByText('街道调度')).not.toBeInTheDocument();
      r3.unmount();
    }
  });

  it('switches the large-text mode on and keeps it', () => {
    const { container } = render(<Me />);
    expect(container.firstChild).not.toHaveClass('elder');
    act(() => { fireEvent.click(screen.getByRole('switch', { name: '长辈模式' })); });
    expect(Taro.setStorageSync).toHaveBeenCalledWith('yx.elderMode', true);
    expect(container.firstChild).toHaveClass('elder');
    // a page opened later starts in the same mode
    const again = render(<Me />);
    expect(again.container.firstChild).toHaveClass('elder');
  });
});
