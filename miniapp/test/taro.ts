/** A small @tarojs/taro for jsdom tests: storage in memory, events, navigation as jest.fn(). */
import React from 'react';

const store = new Map<string, unknown>();
const listeners = new Map<string, Set<(...a: unknown[]) => void>>();

export const eventCenter = {
  on: (e: string, f: (...a: unknown[]) => void) => {
    if (!listeners.has(e)) listeners.set(e, new Set());
    listeners.get(e)!.add(f);
  },
  off: (e: string, f: (...a: unknown[]) => void) => {
    listeners.get(e)?.delete(f);
  },
  trigger: (e: string, ...a: unknown[]) => {
    listeners.get(e)?.forEach((f) => f(...a));
  },
};
export const getStorageSync = jest.fn((k: string) => (store.has(k) ? store.get(k) : ''));
export const setStorageSync = jest.fn((k: string, v: unknown) => {
  store.set(k, v);
});
export const removeStorageSync = jest.fn((k: string) => {
  store.delete(k);
});
export const navigateTo = jest.fn();
export const navigateBack = jest.fn();
export const switchTab = jest.fn();
export const showToast = jest.fn();
export const showModal = jest.fn(async () => ({ confirm: true, cancel: false }));
export const makePhoneCall = jest.fn();
export const login = jest.fn(async () => ({ code: 'test-code' }));
export const request = jest.fn();
export const redirectTo = jest.fn();
export const reLaunch = jest.fn();
/** WeChat's base info; tests set the text size with getAppBaseInfo.mockReturnValue({ fontSizeScaleFactor: 1.4 }). */
export const getAppBaseInfo = jest.fn(() => ({ fontSizeScaleFactor: 1 }) as Record<string, unknown>);
/** The page stack: one page unless a test says otherwise (getCurrentPages.mockReturnValueOnce([...])). */
export const getCurrentPages = jest.fn(() => [{}] as unknown[]);
export const pageScrollTo = jest.fn(async () => ({ errMsg: 'pageScrollTo:ok' }));
export const setClipboardData = jest.fn(async () => ({ errMsg: 'setClipboardData:ok' }));
export const showLoading = jest.fn();
export const hideLoading = jest.fn();
/** Tests set what the picker "returns", e.g. chooseImage.mockResolvedValueOnce({ tempFiles: [...] }). */
export const chooseImage = jest.fn(async () => ({ tempFilePaths: ['blob:photo'], tempFiles: [{ path: 'blob:photo', size: 1024, type: 'image/jpeg' }] }));
export const uploadFile = jest.fn(async () => ({ statusCode: 204, data: '', errMsg: 'uploadFile:ok' }));
/**
 * WeChat's compression (the mini-program's path; H5's canvas is miniapp/src/api/canvasImage.ts, mocked where needed):
 * a 4000 × 3000 photo by default, compressed to a JPEG whose size fileInfo gives (tests change it with
 * fileInfo.mockImplementationOnce(({ success }) => success({ size: … }))).
 */
export const getImageInfo = jest.fn(async () => ({
  width: 4000,
  height: 3000,
  orientation: 'up',
  type: 'jpeg',
  path: 'blob:photo',
  errMsg: 'getImageInfo:ok',
}));
export const compressImage = jest.fn(async () => ({ tempFilePath: 'http://tmp/compressed.jpg', errMsg: 'compressImage:ok' }));
export const fileInfo = jest.fn(({ success }: { filePath: string; success: (r: { size: number }) => void }) => success({ size: 400 * 1024 }));
export const getFileSystemManager = jest.fn(() => ({ getFileInfo: fileInfo }));
/** A point on 北京路 by default; tests make it fail with getLocation.mockRejectedValueOnce(...). */
export const getLocation = jest.fn(async () => ({ latitude: 23.12505, longitude: 113.26915, accuracy: 30, errMsg: 'getLocation:ok' }));
export const setNavigationBarTitle = jest.fn();
export const previewImage = jest.fn();
export const downloadFile = jest.fn(async () => ({ tempFilePath: 'blob:file', statusCode: 200 }));
export const openDocument = jest.fn();
export const useRouter = jest.fn(() => ({ params: {} as Record<string, string> }));
/** Shown once, when the page mounts (tests that need a second show re-render the page). */
export const useDidShow = (f: () => void) => {
  const latest = React.useRef(f);
  latest.current = f;
  React.useEffect(() => {
    latest.current();
  }, []);
};
export const useLaunch = () => undefined;
/** Pull-down and reach-bottom handlers of the mounted page; tests fire them with __pullDown() / __reachBottom(). */
const pageHooks = { pullDown: new Set<() => void>(), reachBottom: new Set<() => void>() };
const pageHook = (kind: keyof typeof pageHooks) => (f: () => void) => {
  const latest = React.useRef(f);
  latest.current = f;
  React.useEffect(() => {
    const h = () => latest.current();
    pageHooks[kind].add(h);
    return () => {
      pageHooks[kind].delete(h);
    };
  }, []);
};
export const usePullDownRefresh = pageHook('pullDown');
export const useReachBottom = pageHook('reachBottom');
export const stopPullDownRefresh = jest.fn();
export const __pullDown = () => pageHooks.pullDown.forEach((h) => h());
export const __reachBottom = () => pageHooks.reachBottom.forEach((h) => h());
export const __reset = () => {
  store.clear();
  listeners.clear();
};

const Taro = {
  __reset,
  eventCenter,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  navigateTo,
  navigateBack,
  redirectTo,
  reLaunch,
  getAppBaseInfo,
  getCurrentPages,
  pageScrollTo,
  setClipboardData,
  switchTab,
  showToast,
  showModal,
  showLoading,
  hideLoading,
  makePhoneCall,
  login,
  request,
  chooseImage,
  uploadFile,
  getImageInfo,
  compressImage,
  getFileSystemManager,
  useRouter,
  useDidShow,
  useLaunch,
  getLocation,
  setNavigationBarTitle,
  previewImage,
  downloadFile,
  openDocument,
  usePullDownRefresh,
  useReachBottom,
  stopPullDownRefresh,
  __pullDown,
  __reachBottom,
};
export default Taro;
