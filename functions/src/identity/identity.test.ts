import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt } from 'jose';
import { call } from '../../test/http';
import { seedAll } from '../seed/seed';
import { handler, devHandler } from './handler';
import { issueSession } from '../lib/session';
import { handler as memberHandler } from '../member/handler';
import { changeStanding } from './repository';

/** A fake WeChat API: codes map to answers; every request is recorded. */
const answers: Record<string, object> = {};
const seen: string[] = [];
let server: http.Server;

beforeAll(async () => {
  await seedAll();
  server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    seen.push(url.pathname + url.search);
    const code = url.searchParams.get('js_code') ?? '';
    if (code === 'http-500') {
      res.statusCode = 500;
      res.end('oops');
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(answers[code] ?? { errcode: 40029, errmsg: 'invalid code' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  process.env.WECHAT_API_BASE = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

const login = (code: string) => call(handler, 'POST /v1/auth/wechat', { body: { code } });

describe('WeChat login (jscode2session against a fake WeChat server)', () => {
  it('creates a user on first login, finds the same user next time, never returns session_key', async () => {
    answers['code-a1'] = { openid: 'openid-a', session_key: 'SECRET-KEY', unionid: 'union-a' };
    answers['code-a2'] = { openid: 'openid-a', session_key: 'SECRET-KEY-2' };
    const first = await login('code-a1');
    expect(first.status).toBe(200);
    expect(JSON.stringify(first.body)).not.toContain('SECRET-KEY');
    expect(JSON.stringify(first.body)).not.toContain('openid-a');
    expect(first.body.user.role).toBe('resident');
    const second = await login('code-a2');
    expect(second.body.user.id).toBe(first.body.user.id);
    expect(decodeJwt(first.body.token).sub).toBe(first.body.user.id);
    expect(seen.some((s) => s.includes('appid=wx-test-app') && s.includes('grant_type=authorization_code'))).toBe(true);
  });

  it('gives one user when the first login of an openid happens twice at once', async () => {
    for (let i = 0; i < 8; i++) answers[`race-${i}`] = { openid: 'openid-race', session_key: 'k' };
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => login(`race-${i}`)));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(new Set(results.map((r) => r.body.user.id)).size).toBe(1);
  });

  it('maps WeChat error codes to clear Chinese 4xx answers', async () => {
    answers['rate'] = { errcode: 45011, errmsg: 'api minute-quota reach limit' };
    answers['risky'] = { errcode: 40226, errmsg: 'high risk user' };
    answers['busy'] = { errcode: -1, errmsg: 'system error' };
    const bad = await login('no-such-code');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('登录凭证无效');
    const rate = await login('rate');
    expect(rate.status).toBe(429);
    expect(rate.body.error.code).toBe('TOO_MANY_REQUESTS');
    const risky = await login('risky');
    expect(risky.status).toBe(403);
    expect(risky.body.error.message).toContain('安全风险');
    expect((await login('busy')).status).toBe(502);
    expect((await login('http-500')).status).toBe(502);
  });

  it('rejects a missing or malformed code before calling WeChat', async () => {
    const before = seen.length;
    const missing = await call(handler, 'POST /v1/auth/wechat', { body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('登录凭证');
    expect((await call(handler, 'POST /v1/auth/wechat', { body: { code: 12 } })).status).toBe(400);
    expect((await call(handler, 'POST /v1/auth/wechat', { rawBody: '{not json' })).status).toBe(400);
    expect((await call(handler, 'POST /v1/auth/wechat', { body: { code: 'x', extra: 1 } })).status).toBe(400);
    const huge = await call(handler, 'POST /v1/auth/wechat', { body: { code: 'x'.repeat(20_000) } });
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toContain('太大');
    expect(seen.length).toBe(before);
  });
});

describe('sessions', () => {
  const devLogin = async (userId: string) => (await call(devHandler, 'POST /v1/dev/login', { body: { userId } })).body.token as string;

  it('rejects missing, forged and expired tokens with 401', async () => {
    expect((await call(handler, 'GET /v1/me')).status).toBe(401);
    const token = await devLogin('u-resident-zhang');
    const forged = token.slice(0, -3) + (token.endsWith('abc') ? 'xyz' : 'abc');
    const r = await call(handler, 'GET /v1/me', { token: forged });
    expect(r.status).toBe(401);
    const old = await issueSession({ userId: 'u-resident-zhang', role: 'resident' }, new Date(Date.now() - 13 * 3600_000));
    const expired = await call(handler, 'GET /v1/me', { token: old.token });
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toContain('过期');
  });

  it('lists seeded people of every role for the development login', async () => {
    const r = await call(devHandler, 'GET /v1/dev/users');
    expect(new Set(r.body.items.map((u: { role: string }) => u.role))).toEqual(
      new Set(['resident', 'enterprise', 'staff', 'grid', 'dispatcher', 'admin', 'partner']),
    );
    expect((await call(devHandler, 'POST /v1/dev/login', { body: { userId: 'nobody' } })).status).toBe(404);
  });

  it('hides the development login outside the local stage', async () => {
    process.env.STAGE = 'prod';
    try {
      expect((await call(devHandler, 'POST /v1/dev/login', { body: { userId: 'u-admin' } })).status).toBe(404);
      expect((await call(devHandler, 'GET /v1/dev/users')).status).toBe(404);
    } finally {
      process.env.STAGE = 'local';
    }
  });

  it('masks personal data unless the owner asks to see it', async () => {
    const token = await devLogin('u-resident-zhang');
    const masked = await call(handler, 'GET /v1/me', { token });
    expect(masked.body.idNumber).toBe('440***********0017');
    expect(masked.body.phone).toBe('138****8000');
    expect(masked.body.realName).toBe('张*明');
    const own = await call(handler, 'GET /v1/me', { token, query: { reveal: 'true' } });
    expect(own.body.idNumber).toBe('440104199003070017');
    expect((await call(handler, 'GET /v1/me', { token, query: { reveal: 'yes' } })).status).toBe(400);
  });

  it('ends the sessions of an account whose powers changed or that was disabled, on its next request', async () => {
    answers['code-sv1'] = { openid: 'openid-sv', session_key: 'k' };
    const me = (await login('code-sv1')).body.user.id as string;
    await changeStanding(me, { role: 'admin' }, new Date().toISOString()); // made an admin…
    answers['code-sv2'] = { openid: 'openid-sv', session_key: 'k' };
    const admin = (await login('code-sv2')).body.token as string;
    expect((await call(memberHandler, 'GET /v1/admin/member/rules', { token: admin })).status).toBe(200);
    await changeStanding(me, { role: 'resident' }, new Date().toISOString()); // …and removed, mid-session
    const removed = await call(memberHandler, 'GET /v1/admin/member/rules', { token: admin });
    expect(removed.status).toBe(401);
    expect(removed.body.error.message).toBe('账号权限已变更，请重新登录');
    expect((await call(handler, 'GET /v1/me', { token: admin })).status).toBe(401); // every route that loads the caller
    answers['code-sv3'] = { openid: 'openid-sv', session_key: 'k' };
    const resident = await login('code-sv3');
    expect(resident.body.user.role).toBe('resident');
    expect((await call(memberHandler, 'GET /v1/admin/member/rules', { token: resident.body.token })).status).toBe(403);
    await changeStanding(me, { disabled: true }, new Date().toISOString());
    const disabled = await call(handler, 'GET /v1/me', { token: resident.body.token });
    expect(disabled.status).toBe(401);
    answers['code-sv4'] = { openid: 'openid-sv', session_key: 'k' };
    const refused = await login('code-sv4');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('账号已停用');
  });

  it('checks the role of each protected route', async () => {
    const staff = await devLogin('u-staff-market');
    const r = await call(handler, 'PUT /v1/me/real-name', { token: staff, body: { name: '林一', idNumber: '11010519491231002X' } });
    expect(r.status).toBe(403);
  });
});

describe('real-name and enterprise binding', () => {
  const devLogin = async (userId: string) => (await call(devHandler, 'POST /v1/dev/login', { body: { userId } })).body.token as string;

  it('validates the resident ID check digit with a Chinese message', async () => {
    const token = await devLogin('u-resident-li');
    const bad = await call(handler, 'PUT /v1/me/real-name', { token, body: { name: '李小红', idNumber: '110105194912310021' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('身份证号码：号码有误，请逐位核对');
    const badName = await call(handler, 'PUT /v1/me/real-name', { token, body: { name: 'Li', idNumber: '11010519491231002X' } });
    expect(badName.status).toBe(400);
    expect(badName.body.error.details[0].message).toContain('姓名');
  });

  it('binds once; the same ID cannot be bound by a second account', async () => {
    // a newcomer, not 李小红: other test files rely on her staying unverified
    answers['code-rn'] = { openid: 'openid-rn', session_key: 'k' };
    const li = (await login('code-rn')).body.token as string;
    const ok = await call(handler, 'PUT /v1/me/real-name', { token: li, body: { name: '李小红', idNumber: '11010519491231002x' } });
    expect(ok.status).toBe(200);
    expect(ok.body.verified).toBe(true);
    expect(ok.body.idNumber).toBe('110***********002X');
    const again = await call(handler, 'PUT /v1/me/real-name', { token: li, body: { name: '李小红', idNumber: '11010519491231002X' } });
    expect(again.status).toBe(200);
    const other = await call(handler, 'PUT /v1/me/real-name', { token: li, body: { name: '李小红', idNumber: '440104199003070017' } });
    expect(other.status).toBe(409);
    answers['code-b'] = { openid: 'openid-b', session_key: 'k' };
    const newcomer = (await login('code-b')).body.token;
    const taken = await call(handler, 'PUT /v1/me/real-name', { token: newcomer, body: { name: '张晓明', idNumber: '440104199003070017' } });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toContain('已绑定其他账号');
  });

  it('checks the credit code and the registered name before anything else', async () => {
    answers['code-c'] = { openid: 'openid-c', session_key: 'k' };
    const token = (await login('code-c')).body.token;
    const badCode = await call(handler, 'PUT /v1/me/enterprise', { token, body: { enterpriseName: '广州流花商贸有限公司', creditCode: '91440104MA5D3L7H2A' } });
    expect(badCode.status).toBe(400);
    expect(badCode.body.error.message).toContain('统一社会信用代码：代码有误，请对照营业执照逐位核对');
    const unknown = await call(handler, 'PUT /v1/me/enterprise', { token, body: { enterpriseName: '某公司', creditCode: '91350100M000100Y43' } });
    expect(unknown.status).toBe(404);
    const wrongName = await call(handler, 'PUT /v1/me/enterprise', { token, body: { enterpriseName: '流花商贸', creditCode: '91440104MA5D3L7H2Q' } });
    expect(wrongName.status).toBe(422);
    // the public name and code are not enough: only the legal representative binds a firm (identity/firms.test.ts)
    const anyone = await call(handler, 'PUT /v1/me/enterprise', { token, body: { enterpriseName: '广州流花商贸有限公司', creditCode: '91440104ma5d3l7h2q' } });
    expect(anyone.status).toBe(403);
  });
});
