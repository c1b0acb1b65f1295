import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { ACTING_EVENT, getActingFor, type ActingFor } from '../api/acting';

/** Whom this phone is acting for now (亲友代办), kept current across pages. */
export function useActingFor(): ActingFor | undefined {
  const [acting, setActing] = useState(getActingFor);
  useEffect(() => {
    const on = () => setActing(getActingFor());
    Taro.eventCenter.on(ACTING_EVENT, on);
    return () => {
      Taro.eventCenter.off(ACTING_EVENT, on);
    };
  }, []);
  return acting;
}
