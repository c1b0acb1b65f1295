/** Secrets never fall back to the repository's development values outside the local stage (issue 13). */
import { env } from './env';

describe('env secrets', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('uses the embedded development values on the local stage only', () => {
    process.env.STAGE = 'local';
    delete process.env.PII_HASH_SECRET;
    delete process.env.WECHAT_SECRET;
    expect(env.piiHashSecret).toBe('local-only-pii-secret');
    expect(env.wechatSecret).toBe('wx-local-secret');
  });

  it('fails loudly on any other stage when a secret is missing', () => {
    process.env.STAGE = 'prod';
    delete process.env.PII_HASH_SECRET;
    delete process.env.WECHAT_APPID;
    delete process.env.WECHAT_SECRET;
    delete process.env.SESSION_SECRET;
    expect(() => env.piiHashSecret).toThrow('PII_HASH_SECRET must be set');
    expect(() => env.wechatAppId).toThrow('WECHAT_APPID must be set');
    expect(() => env.wechatSecret).toThrow('WECHAT_SECRET must be set');
    expect(() => env.sessionSecret).toThrow('SESSION_SECRET');
    process.env.PII_HASH_SECRET = 'a-real-secret-from-ssm';
    expect(env.piiHashSecret).toBe('a-real-secret-from-ssm');
  });
});
