import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

/** 适老化: large text mode, kept in storage so it stays on across launches. */
const KEY = 'yx.elderMode';
const EVENT = 'yx:elder';

export const isElderMode = () => {
  try {
    return Taro.getStorageSync(KEY) === true;
  } catch {
    return false;
  }
};

export function useElderMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(isElderMode);
  useEffect(() => {
    const h = () => setOn(isElderMode());
    Taro.eventCenter.on(EVENT, h);
    return () => {
      Taro.eventCenter.off(EVENT, h);
    };
  }, []);
  const set = useCallback((v: boolean) => {
    Taro.setStorageSync(KEY, v);
    Taro.eventCenter.trigger(EVENT);
  }, []);
  return [on, set];
}
