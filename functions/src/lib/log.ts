import { AsyncLocalStorage } from 'node:async_hooks';

/** The request a log line belongs to (API Gateway's request id), set by `route()` for the request's whole run. */
const current = new AsyncLocalStorage<{ requestId: string }>();
export const withRequestId = <T>(requestId: string | undefined, fn: () => Promise<T>): Promise<T> => (requestId ? current.run({ requestId }, fn) : fn());
const requestFields = () => {
  const c = current.getStore();
  return c ? { requestId: c.requestId } : {};
};

/**
 * Structured logs, one JSON line each, carrying the request id when there is one. Never pass personal data: the keys below are dropped
 * whatever the caller sends, as a last line of defence.
 */
const PII_KEYS = /^(idNumber|phone|realName|name|openid|session_key|sessionKey|token|code|address)$/i;

function clean(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = PII_KEYS.test(k) ? '[hidden]' : v;
  return out;
}

export const log = {
  info(msg: string, fields: Record<string, unknown> = {}) {
    // 'error': only failures (a test that makes hundreds of requests and needs to see why one failed)
    if (process.env.LOG_LEVEL === 'silent' || process.env.LOG_LEVEL === 'error') return;
    console.log(JSON.stringify({ level: 'info', msg, ...requestFields(), ...clean(fields) }));
  },
  error(msg: string, fields: Record<string, unknown> = {}) {
    if (process.env.LOG_LEVEL === 'silent') return;
    console.error(JSON.stringify({ level: 'error', msg, ...requestFields(), ...clean(fields) }));
  },
};
