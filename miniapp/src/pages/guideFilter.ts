import Taro from '@tarojs/taro';
import type { ServiceListQuery } from '@yx/shared';

/** Tab pages take no query string (switchTab), so the guide's filter travels through storage. */
export type GuideFilter = Partial<Pick<ServiceListQuery, 'audience' | 'theme' | 'department' | 'q'>>;
const KEY = 'yx.guideFilter';

export function openGuide(filter: GuideFilter): void {
  Taro.setStorageSync(KEY, filter);
  Taro.switchTab({ url: '/pages/guide/index' });
}

/** Takes the pending filter once (so a later tap on the tab shows what the person left). */
export function takeGuideFilter(): GuideFilter | undefined {
  const f = Taro.getStorageSync(KEY) as GuideFilter | '';
  if (!f) return undefined;
  Taro.removeStorageSync(KEY);
  return f;
}
