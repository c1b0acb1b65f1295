import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Role } from '@yx/shared';
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
    fireEvent.click(screen.getByText('证明核验'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/verify/index' });
    expect(screen.queryByText('证照夹')).not.toBeInTheDocument(); // a visitor has none
  });

  it('opens the 证照夹 of residents and firms, not of officers', () => {
    const as = (role: Role) =>
      saveSession({ token: 't', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { id: 'u1', role, nickname: 'x', level: 1, verified: true } });
    for (const role of ['resident', 'enterprise'] as Role[]) {
      as(role);
      const r = render(<Me />);
      fireEvent.click(screen.getByText('证照夹'));
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/wallet/index' });
      r.unmount();
    }
    as('staff');
    render(<Me />);
    expect(screen.queryByText('证照夹')).not.toBeInTheDocument();
  });

  it('shows role and masked binding of a logged-in resident', () => {
    saveSession({
      token: 't',
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      user: {
        id: 'u1',
        role: 'resident',
        nickname: '张晓明',
        level: 2,
        verified: true,
        realName: '张*明',
        idNumber: '440***********0017',
        phone: '138****8000',
      },
    });
    render(<Me />);
    expect(screen.getByText('居民')).toBeInTheDocument();
    expect(screen.getByText('已实名 · 人脸核验')).toBeInTheDocument();
    expect(screen.getByText(/440\*+0017/)).toBeInTheDocument();
  });

  it('offers 街道调度 to dispatchers and admins only', () => {
    const as = (role: 'dispatcher' | 'admin' | 'staff' | 'grid') =>
      saveSession({
        token: 't',
        expiresAt: new Date(Date.now() + 3600_000).toISOString(),
        user: { id: `u-${role}`, role, nickname: '陈调度', level: 1, verified: true },
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

  it('offers 会员专区 to every member role, and partner cashiers only 兑换码核销', () => {
    const as = (role: Role) =>
      saveSession({
        token: 't',
        expiresAt: new Date(Date.now() + 3600_000).toISOString(),
        user: { id: `u-${role}`, role, nickname: '用户', level: 1, verified: true },
      });
    for (const role of ['resident', 'enterprise', 'staff', 'grid', 'dispatcher'] as const) {
      as(role);
      const r = render(<Me />);
      fireEvent.click(screen.getByText('我的会员卡'));
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/member/home/index' });
      fireEvent.click(screen.getByText('我的兑换码'));
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/member/claims/index' });
      expect(screen.queryByText('兑换码核销')).not.toBeInTheDocument();
      r.unmount();
    }

    as('partner');
    const r = render(<Me />);
    expect(screen.getByText('合作商户')).toBeInTheDocument();
    fireEvent.click(screen.getByText('兑换码核销'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/member/redeem/index' });
    for (const text of ['我的会员卡', '我的兑换码', '我的办件', '企业绑定', '工作台', '待办工单']) expect(screen.queryByText(text)).not.toBeInTheDocument();
    expect(screen.getByText('进度查询')).toBeInTheDocument();
    r.unmount();

    as('admin');
    render(<Me />);
    expect(screen.queryByText('我的会员卡')).not.toBeInTheDocument();
    expect(screen.queryByText('兑换码核销')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('会员管理'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/member-admin/index' });
  });

  it('offers firms 政策超市, 免申即享 and 企业画像, and no one else (issue 17)', () => {
    const as = (role: Role) =>
      saveSession({ token: 't', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { id: 'u1', role, nickname: 'x', level: 1, verified: true } });
    as('enterprise');
    const r = render(<Me />);
    const rows: [string, string][] = [
      ['政策超市', '/packages/policy/index'],
      ['免申即享', '/packages/policy/offers/index'],
      ['企业画像', '/packages/policy/profile/index'],
    ];
    for (const [name, url] of rows) {
      fireEvent.click(screen.getByRole('button', { name: new RegExp(`^${name}，`) }));
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url });
    }
    r.unmount();
    for (const role of ['resident', 'staff', 'admin'] as Role[]) {
      as(role);
      const other = render(<Me />);
      expect(screen.queryByTestId('me-policy')).not.toBeInTheDocument();
      other.unmount();
    }
  });

  it('offers 我的预约 to residents and firms, and 窗口叫号 to officers (issue 18)', () => {
    const as = (role: Role) =>
      saveSession({ token: 't', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { id: 'u1', role, nickname: 'x', level: 1, verified: true } });
    for (const role of ['resident', 'enterprise'] as Role[]) {
      as(role);
      const r = render(<Me />);
      fireEvent.click(screen.getByTestId('me-appointments'));
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/appointment/mine/index' });
      expect(screen.queryByText('窗口叫号')).not.toBeInTheDocument();
      r.unmount();
    }
    as('staff');
    const staff = render(<Me />);
    expect(screen.queryByTestId('me-appointments')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('窗口叫号'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/hall/index' });
    staff.unmount();
    for (const role of ['admin', 'dispatcher', 'grid', 'partner'] as Role[]) {
      as(role);
      const other = render(<Me />);
      expect(screen.queryByText('窗口叫号')).not.toBeInTheDocument();
      expect(screen.queryByTestId('me-appointments')).not.toBeInTheDocument();
      other.unmount();
    }
  });

  it('offers 居民议事 to residents and the 社区议事 desk to grid officials (issue 19)', () => {
    const as = (role: Role) =>
      saveSession({ token: 't', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { id: 'u1', role, nickname: 'x', level: 2, verified: true } });
    as('resident');
    const r = render(<Me />);
    fireEvent.click(screen.getByTestId('me-community'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/community/index' });
    expect(screen.queryByTestId('me-community-desk')).not.toBeInTheDocument();
    r.unmount();
    as('grid');
    const grid = render(<Me />);
    fireEvent.click(screen.getByTestId('me-community-desk'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/community/index' });
    expect(screen.queryByTestId('me-community')).not.toBeInTheDocument();
    grid.unmount();
  });

  it('offers the admin 办事地点与叫号, and no one else (issue 18)', () => {
    const as = (role: Role) =>
      saveSession({ token: 't', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { id: 'u1', role, nickname: 'x', level: 1, verified: true } });
    as('admin');
    const r = render(<Me />);
    fireEvent.click(screen.getByTestId('me-hall-admin'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/hall-admin/index' });
    expect(screen.getByTestId('me-hall-admin')).toHaveTextContent('办事地点与叫号');
    r.unmount();
    for (const role of ['staff', 'dispatcher', 'resident', 'enterprise'] as Role[]) {
      as(role);
      const other = render(<Me />);
      expect(screen.queryByTestId('me-hall-admin')).not.toBeInTheDocument();
      other.unmount();
    }
  });

  it('switches the large-text mode on and keeps it', () => {
    const { container } = render(<Me />);
    expect(container.firstChild).not.toHaveClass('elder');
    act(() => {
      fireEvent.click(screen.getByRole('switch', { name: '长辈版' }));
    });
    expect(Taro.setStorageSync).toHaveBeenCalledWith('yx.elderMode', true);
    expect(container.firstChild).toHaveClass('elder');
    // a page opened later starts in the same mode
    const again = render(<Me />);
    expect(again.container.firstChild).toHaveClass('elder');
  });
});
