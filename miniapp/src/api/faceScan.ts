import Taro from '@tarojs/taro';
import { api, ApiError } from './client';

/** WeChat's face scan on the phone (基础库 ≥ 2.x: wx.requestFacialVerify); not in Taro's typings. */
declare const wx: { requestFacialVerify?: (o: { verifyId: string; success?: () => void; fail?: () => void }) => void } | undefined;

/**
 * Runs the face scan for a verification the server opened. What the phone reports is not trusted: the caller always
 * asks the server to finish, and the server asks WeChat for the real result. In the mini-program this is WeChat's own
 * scan; the H5 page cannot scan a face, so on the local stack the WeChat stand-in plays it (刷脸通过 or 取消), and
 * anywhere else the person is sent to the mini-program.
 */
export async function scanFace(verifyId: string): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const verify = typeof wx !== 'undefined' ? wx.requestFacialVerify : undefined;
    if (!verify) throw new ApiError(0, 'CLIENT', '当前微信版本不支持人脸核验，请升级微信后重试');
    await new Promise<void>((resolve) => verify({ verifyId, success: () => resolve(), fail: () => resolve() }));
    return;
  }
  const r = await Taro.showModal({
    title: '人脸核身（本地演示）',
    content: '网页版无法调用微信刷脸。本地演示环境由微信替身扮演手机上的刷脸步骤，结果仍由服务器向“微信”查询。',
    confirmText: '刷脸通过',
    cancelText: '取消刷脸',
  });
  try {
    await api.devFace(verifyId, r.confirm ? 'pass' : 'cancel');
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) throw new ApiError(404, 'H5', '网页版无法进行人脸核验，请在“越秀政务”微信小程序中完成实名认证');
    throw e;
  }
}
