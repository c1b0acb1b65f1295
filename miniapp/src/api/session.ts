import Taro from '@tarojs/taro';
import type { SessionResponse, UserView } from '@yx/shared';

/** The app's own session, kept in storage so it survives closing the app until it expires. */
const KEY = 'yx.session';
export const SESSION_EVENT = 'yx:session';

export interface StoredSession {
  token: string;
  expiresAt: string;
  user: UserView;
}

export function getSession(): StoredSession | undefined {
  try {
    const s = Taro.getStorageSync(KEY) as StoredSession | '';
    if (!s || !s.token) return undefined;
    if (new Date(s.expiresAt).getTime() <= Date.now()) return undefined;
    return s;
  } catch {
    return undefined;
  }
}

export const getToken = () => getSession()?.token;

export function saveSession(s: SessionResponse): void {
  Taro.setStorageSync(KEY, s);
  Taro.eventCenter.trigger(SESSION_EVENT);
}

export function updateUser(user: UserView): void {
  const s = getSession();
  if (s) saveSession({ ...s, user });
}

export function clearSession(): void {
  Taro.removeStorageSync(KEY);
  Taro.eventCenter.trigger(SESSION_EVENT);
}
