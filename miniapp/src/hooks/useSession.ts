import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { getSession, SESSION_EVENT, type StoredSession } from '../api/session';

/** The current session, re-read whenever someone logs in, binds or logs out. */
export function useSession(): StoredSession | undefined {
  const [s, setS] = useState(getSession);
  useEffect(() => {
    const on = () => setS(getSession());
    Taro.eventCenter.on(SESSION_EVENT, on);
    return () => {
      Taro.eventCenter.off(SESSION_EVENT, on);
    };
  }, []);
  return s;
}
