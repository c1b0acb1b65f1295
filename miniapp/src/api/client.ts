import Taro from '@tarojs/taro';
import type {
  ApplicationDetail, ApplicationSummary, FormDef, Rating, Receipt, TimelineEntry,
  BundleDetail, BundleSummary, Department, DevUser, ServiceDetail, ServiceListQuery, ServiceListResponse, SessionResponse, UserView,
} from '@yx/shared';
import { clearSession, getToken } from './session';

/** A failed call, with the server's Chinese message ready to show. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: { field: string; message: string }[]) {
    super(message);
  }
}

/** Any failure as an ApiError with a message a person can read. */
export const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, 'CLIENT', '出了点问题，请重试'));

type Query = Record<string, string | number | undefined>;

function qs(query?: Query): string {
  if (!query) return '';
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, opts: { query?: Query; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const token = getToken();
  let res: Taro.request.SuccessCallbackResult<Record<string, unknown>>;
  try {
    res = await Taro.request({
      url: `${API_BASE}${path}${qs(opts.query)}`,
      method,
      data: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      header: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...opts.headers },
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

  // 掌上办
  form: (formId: string) => request<FormPayload>('GET', `/v1/forms/${formId}`),
  saveDraft: (formId: string, draft: { answers: Record<string, unknown>; deferred: string[]; step: number }) => request<{ savedAt: string }>('PUT', `/v1/drafts/${formId}`, { body: draft }),
  createUpload: (fileName: string, contentType: string, size: number) =>
    request<{ fileId: string; upload: { url: string; fields: Record<string, string> } }>('POST', '/v1/files', { body: { fileName, contentType, size } }),
  completeUpload: (fileId: string) => request<{ fileId: string; status: string; size: number }>('POST', `/v1/files/${fileId}/complete`),
  submit: (idempotencyKey: string, body: { itemId?: string; bundleId?: string; answers: Record<string, unknown>; deferred: string[]; commitment?: { signed: true; signer: string } }) =>
    request<Receipt>('POST', '/v1/applications', { body, headers: { 'Idempotency-Key': idempotencyKey } }),
  myApplications: (state: 'all' | 'open' | 'action' | 'ended', cursor?: string) =>
    request<{ items: ApplicationSummary[]; nextCursor: string | null }>('GET', '/v1/applications', { query: { state, cursor, limit: 20 } }),
  application: (appNo: string) => request<ApplicationDetail>('GET', `/v1/applications/${appNo}`),
  withdraw: (appNo: string) => request<ApplicationDetail>('POST', `/v1/applications/${appNo}/withdraw`),
  supplement: (appNo: string, answers: Record<string, unknown>) => request<ApplicationDetail>('POST', `/v1/applications/${appNo}/supplement`, { body: { answers } }),
  rate: (appNo: string, value: Rating, comment?: string) => request<ApplicationDetail>('POST', `/v1/applications/${appNo}/rating`, { body: { value, ...(comment ? { comment } : {}) } }),
  lookup: (appNo: string, code: string) => request<ApplicationSummary & { timeline: TimelineEntry[]; applicant: string }>('POST', '/v1/lookup', { body: { appNo, code } }),
  messages: (cursor?: string) => request<{ items: MessageView[]; unread: number; nextCursor: string | null }>('GET', '/v1/messages', { query: { cursor } }),
  unreadCount: () => request<{ unread: number }>('GET', '/v1/messages/unread-count'),
  readMessage: (id: string, at: string) => request<{ unread: number }>('POST', `/v1/messages/${id}/read`, { body: { at } }),
};

export interface MessageView { id: string; at: string; title: string; body: string; appNo?: string; read: boolean }

export interface LicenceView { id: string; type: string; name: string; number: string; issuer: string; validUntil?: string }

/** GET /v1/forms/{formId}: everything the apply page needs at once. */
export interface FormPayload {
  formId: string;
  form: FormDef;
  itemNames: string[];
  prefill: Record<string, unknown>;
  draft?: { answers: Record<string, unknown>; deferred: string[]; step: number; savedAt: string };
  verified: boolean;
  licences: LicenceView[];
  licenceTypes: Record<string, string | null>;
  tolerance: { grade: 'A' | 'B' | 'C' | 'D' | null; quota: number; dueWorkingDays: number };
}

/** One key per intended action (a submit, a claim, an adjustment): a retry or a double tap sends the same one. The server accepts 8–64 of A–Z a–z 0–9 _ -. */
export function newIdempotencyKey(prefix = 'k'): string {
  const rand = () => Math.random().toString(36).slice(2, 10);
  return `${prefix}${Date.now().toString(36)}${rand()}${rand()}`;
}
