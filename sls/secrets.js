// Each function's secrets. On the local stage: embedded development values (or the developer's environment), as plain
// environment variables. On any other stage: only the names of SSM SecureString parameters (SECRET_PARAMS), which the
// function reads at cold start (functions/src/lib/secrets.ts); no secret value is in the template or the function's
// configuration. Create the parameters once per stage (README, "Deploying").
const PARAMS = {
  SESSION_SECRET: 'session-secret',
  PII_HASH_SECRET: 'pii-hash-secret',
  PII_DATA_KEYS: 'pii-data-keys', // KMS-wrapped data keys: npm run keys -- --stage <stage>
  WECHAT_APPID: 'wechat-appid',
  WECHAT_SECRET: 'wechat-secret',
  OPEN311_API_KEYS: 'open311-api-keys',
  SEAL_KEYS: 'seal-keys', // the departments' SM2 sealing keys (issue 15): npm run keys -- --seal <departmentId>
};
const LOCAL = {
  SESSION_SECRET: () => process.env.SESSION_SECRET || 'local-only-session-secret-change-me-0123456789',
  PII_HASH_SECRET: () => process.env.PII_HASH_SECRET || 'local-only-pii-secret',
  PII_DATA_KEYS: () => undefined, // the local stage's data key is derived in functions/src/lib/pii.ts
  WECHAT_APPID: () => process.env.WECHAT_APPID || 'wx-local-app',
  WECHAT_SECRET: () => process.env.WECHAT_SECRET || 'wx-local-secret',
  OPEN311_API_KEYS: () => process.env.OPEN311_API_KEYS || undefined,
  SEAL_KEYS: () => undefined, // the local stage makes a key per department on first use (functions/src/certificates/keys.ts)
};
// what every function that reads or writes people's rows needs
const COMMON = ['SESSION_SECRET', 'PII_HASH_SECRET', 'PII_DATA_KEYS'];
const WECHAT_API_BASE = (stage) => (stage === 'local' ? process.env.WECHAT_API_BASE || 'http://127.0.0.1:4555' : 'https://api.weixin.qq.com');

function environment(stage, names, extra = {}) {
  if (stage !== 'local') return { SECRET_PARAMS: names.map((n) => `${n}=/yx/${stage}/${PARAMS[n]}`).join(','), ...extra };
  const out = { ...extra };
  for (const n of names) {
    const v = LOCAL[n]();
    if (v !== undefined) out[n] = v;
  }
  return out;
}

const stageOf = (options) => (options && options.stage) || 'local';

module.exports = {
  PARAMS,
  common: async ({ options }) => environment(stageOf(options), COMMON),
  wechat: async ({ options }) =>
    environment(stageOf(options), [...COMMON, 'WECHAT_APPID', 'WECHAT_SECRET'], {
      WECHAT_API_BASE: WECHAT_API_BASE(stageOf(options)),
      // template per kind of change (functions/src/jobs/subscribe.ts); none = record only
      WECHAT_TEMPLATES: process.env.WECHAT_TEMPLATES || '',
    }),
  // scheduled jobs and the stream reader: they read people's rows but issue no sessions
  keys: async ({ options }) => environment(stageOf(options), ['PII_HASH_SECRET', 'PII_DATA_KEYS']),
  open311: async ({ options }) => environment(stageOf(options), [...COMMON, 'OPEN311_API_KEYS']),
  // the issuing function: a deployed stage's fonts come from the layer (/opt/fonts)
  sealing: async ({ options }) =>
    environment(
      stageOf(options),
      [...COMMON, 'SEAL_KEYS'],
      stageOf(options) === 'local' ? { LOCAL_KEYS_DIR: process.env.LOCAL_KEYS_DIR || '' } : { FONTS_DIR: '/opt/fonts' },
    ),
  devLogin: async () => environment('local', ['SESSION_SECRET'], { WECHAT_API_BASE: WECHAT_API_BASE('local') }),
};
