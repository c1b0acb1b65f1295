import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';

/** 适老化: large text mode, kept in storage so it stays on across launches. */
const KEY = 'yx.elderMode';
const EVENT = 'yx:elder';

/**
 * WeChat's own text size (我-设置-通用-字体大小, 关怀模式): at 1.25× the usual or more, the app starts in 长辈版 until the
 * person chooses for themselves (issue 14). `fontSizeScaleFactor` where the base library gives it, else the setting in
 * px against the usual 16.
 */
export function elderFromSystem(info: { fontSizeScaleFactor?: number; fontSizeSetting?: number } | undefined): boolean {
  const scale = info?.fontSizeScaleFactor ?? (info?.fontSizeSetting ? info.fontSizeSetting / 16 : 1);
  return scale >= 1.25;
}

const systemInfo = () => {
  try {
    return Taro.getAppBaseInfo?.() as { fontSizeScaleFactor?: number; fontSizeSetting?: number } | undefined;
  } catch {
    return undefined; // H5 and older base libraries
  }
};

/** The person's own choice when they made one (on or off), else what WeChat's text size says. */
export const isElderMode = () => {
  try {
    const chosen = Taro.getStorageSync(KEY);
    if (chosen === true || chosen === false) return chosen;
    return elderFromSystem(systemInfo());
  } catch {
    return false;
  }
};

/** Whether the person has chosen either way (the home page offers 长辈版 until they have). */
export const elderChosen = () => {
  try {
    const chosen = Taro.getStorageSync(KEY);
    return chosen === true || chosen === false;
  } catch {
    return false;
  }
};

/** Words that mean 长辈版 when typed into search. */
export const ELDER_WORDS = /长辈|老年|老人|大字|适老|关怀|字体|字太小/;

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
