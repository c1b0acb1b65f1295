import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Role } from '@yx/shared';
import { saveSession } from '../api/session';
import { RoleGate } from './RoleGate';

const login = (role: Role) =>
  saveSession({ token: 't', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { id: 'u1', role, nickname: '某人', level: 1, verified: true } });

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  (Taro.navigateTo as jest.Mock).mockClear();
  (Taro.switchTab as jest.Mock).mockClear();
});

describe('RoleGate', () => {
  it('asks a visitor to log in, and renders nothing of the page', () => {
    render(
      <RoleGate roles={['staff']} what="工作台" loginExtra={<div>不登录也可以</div>}>
        <div>页面</div>
      </RoleGate>,
    );
    expect(screen.getByTestId('role-gate')).toHaveTextContent('请先用工作人员账号登录，再使用工作台');
    expect(screen.getByText('不登录也可以')).toBeInTheDocument();
    expect(screen.queryByText('页面')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('去登录'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('tells someone of another role who may use the page, and the way back', () => {
    login('resident');
    render(
      <RoleGate roles={['dispatcher', 'admin']} what="督办">
        <div>页面</div>
      </RoleGate>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('督办仅供调度员、管理员使用');
    expect(screen.getByRole('alert')).toHaveTextContent('您当前的身份是“居民”');
    expect(screen.queryByText('页面')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('返回我的'));
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' });
  });

  it('takes the page own words for the refusal', () => {
    login('staff');
    const go = jest.fn();
    render(
      <RoleGate
        roles={['resident']}
        what="我要反映"
        deniedText="工作人员账号不能提交诉求"
        deniedNote={() => '请使用个人账号'}
        deniedAction={{ text: '查看待办工单', go }}
      >
        <div>页面</div>
      </RoleGate>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('工作人员账号不能提交诉求请使用个人账号');
    fireEvent.click(screen.getByText('查看待办工单'));
    expect(go).toHaveBeenCalled();
  });

  it('renders the page for an allowed role, or for anyone logged in when no roles are named', () => {
    login('grid');
    const { rerender } = render(
      <RoleGate roles={['staff', 'grid']} what="待办工单">
        <div>页面</div>
      </RoleGate>,
    );
    expect(screen.getByText('页面')).toBeInTheDocument();
    rerender(<RoleGate what="诉求详情">{(user) => <div>{user.nickname}的页面</div>}</RoleGate>);
    expect(screen.getByText('某人的页面')).toBeInTheDocument();
  });
});
