import { env } from '../lib/env';

let token: { value: string; until: number } | undefined;

/**
 * The mini-program's access_token (/cgi-bin/token), kept until 5 minutes before it expires (per container). Every
 * server-side WeChat call (subscribe messages, face verification, phone numbers) takes it from here; `force` renews
 * it after WeChat answered 40001/42001 (invalid or expired).
 */
export async function accessToken(force = false): Promise<string> {
  if (!force && token && token.until > Date.now()) return token.value;
  const url = new URL('/cgi-bin/token', env.wechatApiBase);
  url.searchParams.set('grant_type', 'client_credential');
  url.searchParams.set('appid', env.wechatAppId);
  url.searchParams.set('secret', env.wechatSecret);
  const r = (await (await fetch(url, { signal: AbortSignal.timeout(5000) })).json()) as { access_token?: string; expires_in?: number; errcode?: number };
  if (!r.access_token) throw new Error(`token errcode ${r.errcode ?? 'none'}`);
  token = { value: r.access_token, until: Date.now() + Math.max(60, (r.expires_in ?? 7200) - 300) * 1000 };
  return token.value;
}

/** WeChat's answers for a token that is no longer good: renew it once and try again. */
export const staleToken = (errcode: number | undefined) => errcode === 40001 || errcode === 42001;

/**
 * POSTs JSON to a WeChat server API with the access_token, renewing a stale token once. Network failures throw;
 * WeChat's own errors come back in the answer's errcode for the caller to map.
 */
export async function postWechat<T extends { errcode?: number }>(path: string, body: unknown): Promise<T> {
  let answer: T | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    const url = new URL(path, env.wechatApiBase);
    url.searchParams.set('access_token', await accessToken(attempt > 0));
    const res = await fetch(url, {
      method: 'POST',
      signal: AbortSignal.timeout(5000),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    answer = (await res.json()) as T;
    if (!staleToken(answer.errcode)) return answer;
  }
  return answer!;
}

/** Tests only. */
export const forgetToken = () => {
  token = undefined;
};
