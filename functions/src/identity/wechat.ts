import { env } from '../lib/env';
import { AppError, badRequest, forbidden, tooManyRequests, upstreamFailed } from '../lib/errors';

/** What jscode2session gives us. session_key stays in this module's caller and is never returned. */
export interface WechatSession {
  openid: string;
  unionid?: string;
}

/**
 * Exchanges a wx.login code for the user's openid (auth.code2Session).
 * WeChat answers HTTP 200 with an errcode on failure; each known code becomes a clear 4xx.
 */
export async function code2Session(code: string): Promise<WechatSession> {
  const url = new URL('/sns/jscode2session', env.wechatApiBase);
  url.searchParams.set('appid', env.wechatAppId);
  url.searchParams.set('secret', env.wechatSecret);
  url.searchParams.set('js_code', code);
  url.searchParams.set('grant_type', 'authorization_code');
  let data: { openid?: string; unionid?: string; session_key?: string; errcode?: number; errmsg?: string };
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    data = (await res.json()) as typeof data;
  } catch {
    throw upstreamFailed('微信登录服务暂时不可用，请稍后再试');
  }
  switch (data.errcode ?? 0) {
    case 0:
      if (!data.openid) throw upstreamFailed('微信登录服务返回异常，请稍后再试');
      return { openid: data.openid, ...(data.unionid ? { unionid: data.unionid } : {}) };
    case 40029:
    case 40163: // code already used
      throw badRequest('登录凭证无效或已使用，请重新进入小程序后再试');
    case 45011:
      throw tooManyRequests('登录太频繁，请一分钟后再试');
    case 40226:
      throw forbidden('您的微信账号存在安全风险，暂时无法登录，请通过微信安全中心处理');
    case -1:
      throw upstreamFailed('微信系统繁忙，请稍后再试');
    default:
      throw new AppError(502, 'UPSTREAM_FAILED', '微信登录失败，请稍后再试');
  }
}
