/**
 * A secret from the environment. The local stage has embedded development values; any other stage fails loudly when it
 * is missing or too short, never falling back to a value that is public in this repository (issue 13).
 */
function required(name: string, localDefault: string, minLength: number): string {
  const v = process.env[name];
  if (v && v.length >= minLength) return v;
  if ((process.env.STAGE ?? 'local') === 'local') return localDefault;
  throw new Error(`${name} must be set outside the local stage`);
}

/** Configuration from the environment, with the local stack's embedded defaults. */
export const env = {
  get stage() {
    return process.env.STAGE ?? 'local';
  },
  get isLocal() {
    return (process.env.STAGE ?? 'local') === 'local';
  },
  get tableName() {
    return process.env.TABLE_NAME ?? 'yx-local';
  },
  get dynamoEndpoint() {
    return process.env.DYNAMODB_ENDPOINT || undefined;
  },
  get sessionSecret() {
    const s = process.env.SESSION_SECRET;
    if (s && s.length >= 32) return s;
    if (this.isLocal) return 'local-only-session-secret-change-me-0123456789';
    throw new Error('SESSION_SECRET must be set (32+ characters) outside the local stage');
  },
  /** Key for hashing ID numbers into uniqueness guards, so the guard rows hold no readable ID. */
  get piiHashSecret() {
    return required('PII_HASH_SECRET', 'local-only-pii-secret', 8);
  },
  get wechatApiBase() {
    return process.env.WECHAT_API_BASE || 'https://api.weixin.qq.com';
  },
  get wechatAppId() {
    return required('WECHAT_APPID', 'wx-local-app', 1);
  },
  get wechatSecret() {
    return required('WECHAT_SECRET', 'wx-local-secret', 1);
  },
  /** S3 bucket for materials; empty on the local stage, which uses a folder instead. */
  get filesBucket() {
    const b = process.env.FILES_BUCKET;
    return b && b !== 'none' ? b : '';
  },
  /** The files' own HTTPS origin for signed links (custom, ICP-filed domain); empty: the bucket's endpoint. */
  get filesOrigin() {
    return process.env.FILES_ORIGIN || '';
  },
  get localFilesDir() {
    return process.env.LOCAL_FILES_DIR || '.data/files';
  },
  get localFilesUploadUrl() {
    return process.env.LOCAL_FILES_URL || 'http://127.0.0.1:8080/local-files/upload';
  },
  /** The local stage's sealing keys (functions/src/certificates/keys.ts): git-ignored files, made on first use. */
  get localKeysDir() {
    return process.env.LOCAL_KEYS_DIR || '.data/keys';
  },
  /** Where people open the app on the web: verification links and QR codes on documents point here. */
  get appOrigin() {
    return (process.env.APP_ORIGIN || 'http://127.0.0.1:8080').replace(/\/$/, '');
  },
  get localFilesSecret() {
    return process.env.LOCAL_FILES_SECRET || 'local-only-files-secret';
  },
};
