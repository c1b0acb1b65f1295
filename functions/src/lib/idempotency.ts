import { IdempotencyKey } from '@yx/shared';
import { badRequest } from './errors';
import type { HttpEvent } from './http';

/** The client's key for one intended action (a submit, a claim): a retried or double-tapped request carries the same one. */
export function idempotencyKey(event: HttpEvent): string {
  const raw = event.headers?.['idempotency-key'] ?? event.headers?.['Idempotency-Key'];
  const r = IdempotencyKey.safeParse(raw);
  if (!r.success) throw badRequest(raw ? '提交凭证不正确，请刷新页面后重试' : '缺少提交凭证（Idempotency-Key），请刷新页面后重试');
  return r.data;
}
