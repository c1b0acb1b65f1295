/**
 * Structured logs, one JSON line each. Never pass personal data: the keys below are dropped
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
    if (process.env.LOG_LEVEL === 'silent') return;
    console.log(JSON.stringify({ level: 'info', msg, ...clean(fields) }));
  },
  error(msg: string, fields: Record<string, unknown> = {}) {
    if (process.env.LOG_LEVEL === 'silent') return;
    console.error(JSON.stringify({ level: 'error', msg, ...clean(fields) }));
  },
};
