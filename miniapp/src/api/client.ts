import Taro from '@tarojs/taro';
import type * as S from '@yx/shared';
import { CLOSE_ACCOUNT_PHRASE, PAGE_SIZE } from '@yx/shared';
import type * as z from 'zod';
import { clearSession, getToken } from './session';
import { forQuery } from './acting';

/** A failed call, with the server's Chinese message ready to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: { field: string; message: string }[],
  ) {
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

export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  opts: { query?: Query; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
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

// ---- one typed call per route key: params, query, body and answer come from the shared route table ----

type Part<K extends S.RouteKey, F extends 'params' | 'query' | 'body'> = S.RouteTable[K] extends { [P in F]: infer T extends z.ZodType } ? z.input<T> : never;
export type RouteParams<K extends S.RouteKey> = Part<K, 'params'>;
export type RouteQuery<K extends S.RouteKey> = Part<K, 'query'>;
export type RouteBody<K extends S.RouteKey> = Part<K, 'body'>;
/** What a route answers with on success (typed only: the mini-program does not parse answers). */
export type RouteResponse<K extends S.RouteKey> = z.output<S.RouteTable[K]['response']>;

type CallOptions<K extends S.RouteKey> = ([RouteParams<K>] extends [never] ? { params?: undefined } : { params: RouteParams<K> }) &
  ([RouteQuery<K>] extends [never] ? { query?: undefined } : { query?: Partial<RouteQuery<K>> }) &
  // routes without a body may still be sent an empty object (some POSTs do, as before)
  ([RouteBody<K>] extends [never] ? { body?: Record<string, never> } : { body: RouteBody<K> }) & { headers?: Record<string, string> };

/** `call('GET /v1/workorders/{no}', { params: { no } })`: path parameters are encoded into the route's path. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{} extends T` asks whether every option is optional
export function call<K extends S.RouteKey>(key: K, ...[opts]: {} extends CallOptions<K> ? [CallOptions<K>?] : [CallOptions<K>]): Promise<RouteResponse<K>> {
  const [method, template] = key.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE', string];
  const params = (opts?.params ?? {}) as Record<string, string | number>;
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])));
  return request<RouteResponse<K>>(method, path, { query: opts?.query as Query | undefined, body: opts?.body, headers: opts?.headers });
}

export const api = {
  services: (q: Partial<S.ServiceListQuery>) => call('GET /v1/services', { query: q }),
  service: (id: string) => call('GET /v1/services/{id}', { params: { id } }),
  bundles: () => call('GET /v1/bundles'),
  bundle: (id: string) => call('GET /v1/bundles/{id}', { params: { id } }),
  departments: () => call('GET /v1/departments'),
  themes: () => call('GET /v1/themes'),
  wechatLogin: (code: string) => call('POST /v1/auth/wechat', { body: { code } }),
  devUsers: () => call('GET /v1/dev/users'),
  devLogin: (userId: string) => call('POST /v1/dev/login', { body: { userId } }),
  me: (reveal = false) => call('GET /v1/me', { query: reveal ? { reveal: 'true' } : undefined }),
  bindRealName: (name: string, idNumber: string) => call('PUT /v1/me/real-name', { body: { name, idNumber } }),
  faceStart: (name: string, idNumber: string) => call('POST /v1/me/identity/face/start', { body: { name, idNumber } }),
  faceFinish: (verifyId: string, name: string, idNumber: string) => call('POST /v1/me/identity/face/finish', { body: { verifyId, name, idNumber } }),
  /** the local stack's stand-in for the phone's face scan (H5 cannot scan a face) */
  devFace: (verifyId: string, outcome: 'pass' | 'cancel') => call('POST /v1/dev/face/{verifyId}', { params: { verifyId }, body: { outcome } }),
  bindPhone: (code: string) => call('POST /v1/me/phone', { body: { code } }),
  bindEnterprise: (enterpriseName: string, creditCode: string) => call('PUT /v1/me/enterprise', { body: { enterpriseName, creditCode } }),
  firmAgents: () => call('GET /v1/firm/agents'),
  grantAgent: (g: RouteBody<'POST /v1/firm/agents'>) => call('POST /v1/firm/agents', { body: g }),
  revokeAgent: (agentId: string) => call('POST /v1/firm/agents/{agentId}/revoke', { params: { agentId } }),
  firmOffers: () => call('GET /v1/me/firm-offers'),
  acceptFirmOffer: (creditCode: string) => call('POST /v1/me/firm-offers/{creditCode}/accept', { params: { creditCode } }),
  acceptInvitation: (code: string) => call('POST /v1/me/invitation', { body: { code } }),
  staff: (cursor?: string) => call('GET /v1/admin/staff', { query: { cursor, limit: PAGE_SIZE } }),
  changeStaff: (userId: string, body: RouteBody<'PUT /v1/admin/staff/{userId}'>) => call('PUT /v1/admin/staff/{userId}', { params: { userId }, body }),
  invitations: () => call('GET /v1/admin/invitations'),
  org: () => call('GET /v1/admin/org'),
  createDepartment: (body: RouteBody<'POST /v1/admin/org/departments'>) => call('POST /v1/admin/org/departments', { body }),
  updateDepartment: (id: string, body: RouteBody<'PUT /v1/admin/org/departments/{id}'>) => call('PUT /v1/admin/org/departments/{id}', { params: { id }, body }),
  saveGrids: (street: string, grids: string[]) => call('PUT /v1/admin/org/streets/{street}/grids', { params: { street }, body: { grids } }),
  invite: (body: RouteBody<'POST /v1/admin/invitations'>) => call('POST /v1/admin/invitations', { body }),
  privacy: () => call('GET /v1/me/privacy'),
  exportMyData: () => call('GET /v1/me/export'),
  closeAccount: () => call('POST /v1/me/close', { body: { confirm: CLOSE_ACCOUNT_PHRASE } }),
  kin: () => call('GET /v1/me/kin'),
  grantKin: (g: RouteBody<'POST /v1/me/kin'>) => call('POST /v1/me/kin', { body: g }),
  acceptKin: (userId: string) => call('POST /v1/me/kin/{userId}/accept', { params: { userId } }),
  revokeKin: (userId: string) => call('POST /v1/me/kin/{userId}/revoke', { params: { userId } }),

  // 掌上办
  form: (formId: string) => call('GET /v1/forms/{formId}', { params: { formId }, query: forQuery() }),
  saveDraft: (formId: string, draft: RouteBody<'PUT /v1/drafts/{formId}'>) =>
    call('PUT /v1/drafts/{formId}', { params: { formId }, query: forQuery(), body: draft }),
  createUpload: (fileName: string, contentType: string, size: number) =>
    call('POST /v1/files', { body: { fileName, contentType: contentType as RouteBody<'POST /v1/files'>['contentType'], size } }),
  completeUpload: (fileId: string) => call('POST /v1/files/{fileId}/complete', { params: { fileId } }),
  submit: (idempotencyKey: string, body: RouteBody<'POST /v1/applications'>) =>
    call('POST /v1/applications', { body, query: forQuery(), headers: { 'Idempotency-Key': idempotencyKey } }),
  myApplications: (state: NonNullable<RouteQuery<'GET /v1/applications'>['state']>, cursor?: string, scope: 'mine' | 'firm' = 'mine') =>
    call('GET /v1/applications', { query: { state, cursor, limit: PAGE_SIZE, ...(scope === 'firm' ? { scope } : {}), ...forQuery() } }),
  application: (appNo: string) => call('GET /v1/applications/{appNo}', { params: { appNo }, query: forQuery() }),
  withdraw: (appNo: string) => call('POST /v1/applications/{appNo}/withdraw', { params: { appNo }, query: forQuery() }),
  /** 领取方式: 窗口领取 / 邮寄送达 (with the address) / 电子证照 */
  chooseDelivery: (appNo: string, body: S.DeliveryRequest) => call('PUT /v1/applications/{appNo}/delivery', { params: { appNo }, query: forQuery(), body }),
  /** 补交容缺材料 */
  handInDeferred: (appNo: string, answers: Record<string, unknown>) => call('POST /v1/applications/{appNo}/deferred', { params: { appNo }, body: { answers } }),
  supplement: (appNo: string, answers: Record<string, unknown>) =>
    call('POST /v1/applications/{appNo}/supplement', { params: { appNo }, query: forQuery(), body: { answers } }),
  rate: (appNo: string, value: S.Rating, comment?: string) =>
    call('POST /v1/applications/{appNo}/rating', { params: { appNo }, query: forQuery(), body: { value, ...(comment ? { comment } : {}) } }),
  lookup: (appNo: string, code: string) => call('POST /v1/lookup', { body: { appNo, code } }),
  messages: (cursor?: string) => call('GET /v1/messages', { query: { cursor } }),
  unreadCount: () => call('GET /v1/messages/unread-count'),
  readMessage: (id: string, at: string) => call('POST /v1/messages/{messageId}/read', { params: { messageId: id }, body: { at } }),
};

export type MessageView = z.output<typeof S.MessageView>;
export type LicenceView = z.output<typeof S.LicenceView>;
/** GET /v1/forms/{formId}: everything the apply page needs at once. */
export type FormPayload = z.output<typeof S.FormPayload>;

/** One key per intended action (a submit, a claim, an adjustment): a retry or a double tap sends the same one. The server accepts 8–64 of A–Z a–z 0–9 _ -. */
export function newIdempotencyKey(prefix = 'k'): string {
  const rand = () => Math.random().toString(36).slice(2, 10);
  return `${prefix}${Date.now().toString(36)}${rand()}${rand()}`;
}
