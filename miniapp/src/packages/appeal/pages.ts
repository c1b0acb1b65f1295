import Taro from '@tarojs/taro';

/** The 诉求 pages, and the way to one work order. */
export const APPEAL_PAGES = {
  file: '/packages/appeal/file/index',
  mine: '/packages/appeal/mine/index',
  detail: '/packages/appeal/detail/index',
  team: '/packages/appeal/team/index',
  street: '/packages/appeal/street/index',
} as const;

export const openWorkOrder = (no: string) => Taro.navigateTo({ url: `${APPEAL_PAGES.detail}?no=${encodeURIComponent(no)}` });
