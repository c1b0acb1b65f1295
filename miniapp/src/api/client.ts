import Taro from '@tarojs/taro';
import type {
  BundleDetail, BundleSummary, Department, DevUser, ServiceDetail, ServiceListQuery, ServiceListResponse, SessionResponse, UserView,
} from '@yx/shared';
import { clearSession, getToken } from './session';

/** A failed call, with the server's Chinese message ready to show. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: { field: string; message: string }[]) {
    super(message);
  }
}

type Query = Record<string, string | number | undefined>;

function qs(query?: Query): string {
  if (!query) return '';
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export async function request<T>(method: 'GET' | 'POST' | 'PUT', path: string, opts: { query?: Query; body?: unknown } = {}): Promise<T> {
  const token = getToken();
  let res: Taro.request.SuccessCallbackResult<Record<string, unknown>>;
  try {
    res = await Taro.request({
      url: `${API_BASE}${path}${qs(opts.query)}`,
      method,
      data: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      header: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      dataType: 'json',
      timeout: 15000,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络不太顺畅，请检查网络后重试');
  }
  const data = res.data as { error?: { code: string; message: string; details?: { field: string; message: string }[] } };
  if (res.statusCode >= 200 && res.statusCode < 300) return data as T;
  if (res.statusCode === 401) clearSession();
  const e = data?.error;
  throw new ApiError(res.statusCode, e?.code ?? 'INTERNAL', e?.message ?? '系统繁忙，请稍后再试', e?.details);
}

export const api = {
  services: (q: Partial<ServiceListQuery>) => request<ServiceListResponse>('GET', '/v1/services', { query: q as Query }),
  service: (id: string) => request<ServiceDetail>('GET', `/v1/services/${encodeURIComponent(id)}`),
  bundles: () => request<{ items: BundleSummary[] }>('GET', '/v1/bundles'),
  bundle: (id: string) => request<BundleDetail>('GET', `/v1/bundles/${encodeURIComponent(id)}`),
  departments: () => request<{ items: Department[] }>('GET', '/v1/departments'),
  themes: () => request<{ items: { id: string; name: string; audience: 'person' | 'enterprise' }[] }>('GET', '/v1/themes'),
  wechatLogin: (code: string) => request<SessionResponse>('POST', '/v1/auth/wechat', { body: { code } }),
  devUsers: () => request<{ items: DevUser[] }>('GET', '/v1/dev/users'),
  devLogin: (userId: string) => request<SessionResponse>('POST', '/v1/dev/login', { body: { userId } }),
  me: (reveal = false) => request<UserView>('GET', '/v1/me', { query: reveal ? { reveal: 'true' } : undefined }),
  bindRealName: (name: string, idNumber: string) => request<UserView>('PUT', '/v1/me/real-name', { body: { name, idNumber } }),
  bindEnterprise: (enterpriseName: string, creditCode: string) => request<SessionResponse>('PUT', '/v1/me/enterprise', { body: { enterpriseName, creditCode } }),
};

