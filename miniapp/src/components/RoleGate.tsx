import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ROLE_NAMES, type Role, type UserView } from '@yx/shared';
import type { ReactNode } from 'react';
import { useSession } from '../hooks/useSession';
import './RoleGate.css';
import { Button } from './Button';

const goLogin = () => Taro.navigateTo({ url: '/pages/login/index' });
const goMe = () => Taro.switchTab({ url: '/pages/me/index' });

export interface RoleGateProps {
  /** Who may use the page; omitted, anyone logged in. */
  roles?: readonly Role[];
  /** What the page is, in the refusal: 工作台, 街道调度, … */
  what: string;
  /** What a visitor is told above 去登录. */
  loginText?: string;
  /** More for a visitor under 去登录 (e.g. a way that needs no login). */
  loginExtra?: ReactNode;
  /** The refusal, the line under it (given the person's role name) and the way out, when the defaults do not fit. */
  deniedText?: string;
  deniedNote?: (roleName: string) => string;
  deniedAction?: { text: string; go: () => void };
  /** The page itself; a function gets the logged-in user. */
  children: ReactNode | ((user: UserView) => ReactNode);
}

/**
 * The one gate of pages that need someone logged in, or someone of given roles: anyone else gets a
 * friendly message and a way on, and the page below (with its API calls) is never rendered.
 */
export function RoleGate({
  roles,
  what,
  loginText = `请先用工作人员账号登录，再使用${what}`,
  loginExtra,
  children,
  deniedText = `${what}仅供${(roles ?? []).map((r) => ROLE_NAMES[r]).join('、')}使用`,
  deniedNote = (name) => `您当前的身份是“${name}”。如需开通，请联系本单位管理员。`,
  deniedAction = { text: '返回我的', go: goMe },
}: RoleGateProps) {
  const session = useSession();
  if (!session) {
    return (
      <View className="state state-empty" data-testid="role-gate">
        <View>{loginText}</View>
        <Button className="btn gate-btn" onClick={goLogin}>
          去登录
        </Button>
        {loginExtra}
      </View>
    );
  }
  if (roles && !roles.includes(session.user.role)) {
    return (
      <View className="state state-empty" role="alert" data-testid="role-gate">
        <View>{deniedText}</View>
        <View className="muted gate-note">{deniedNote(ROLE_NAMES[session.user.role])}</View>
        <Button className="btn btn-plain gate-btn" onClick={deniedAction.go}>
          {deniedAction.text}
        </Button>
      </View>
    );
  }
  return <>{typeof children === 'function' ? children(session.user) : children}</>;
}
