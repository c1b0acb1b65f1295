/**
 * Every documented route answers bad input — wrong types, missing fields, broken JSON, oversize
 * bodies, unknown parameters, unknown ids — with a 4xx and a message in Chinese, and never a 500.
 */
import { ROUTES } from '@yx/shared';
import { call } from '../test/http';
import { handler as guide } from './guide/handler';
import { devHandler, handler as identity } from './identity/handler';
import { handler as meta } from './meta/handler';
import { seedAll } from './seed/seed';

const HANDLERS = [guide, identity, devHandler, meta];
const CHINESE = /[\u4e00-\u9fa5]/;
let token: string;

async function send(routeKey: string, opts: Parameters<typeof call>[2]) {
  for (const h of HANDLERS) {
    const r = await call(h, routeKey, opts);
    if (!(r.status === 404 && r.body?.error?.message === '没有这个接口')) return r;
  }
  throw new Error(`no handler serves ${routeKey}`);
}

beforeAll(async () => {
  await seedAll();
  token = (await call(devHandler, 'POST /v1/dev/login', { body: { userId: 'u-resident-li' } })).body.token;
});

const withBody = ROUTES.filter((r) => r.body);
const withParams = ROUTES.filter((r) => r.params);
const withQuery = ROUTES.filter((r) => r.query);

describe.each(withBody.map((r) => [`${r.method} ${r.path}`]))('%s body', (routeKey) => {
  it.each([
    ['missing fields', { body: {} }, 400],
    ['wrong types', { body: { code: 1, userId: 2, name: 3, idNumber: 4, enterpriseName: 5, creditCode: 6 } }, 400],
    ['no body', {}, 400],
    ['broken JSON', { rawBody: '{"code":' }, 400],
    ['an array', { body: [1, 2] }, 400],
    ['oversize', { rawBody: JSON.stringify({ code: 'x'.repeat(17 * 1024) }) }, 413],
  ])('%s → 4xx in Chinese', async (_what, extra, status) => {
    const r = await send(routeKey, { token, params: { id: 'x' }, ...(extra as object) });
    expect(r.status).toBe(status);
    expect(r.body.error.message).toMatch(CHINESE);
  });
});

describe.each(withParams.map((r) => [`${r.method} ${r.path}`]))('%s id', (routeKey) => {
  it('unknown id → 404 in Chinese', async () => {
    const r = await send(routeKey, { token, params: { id: 'no-such-thing' } });
    expect(r.status).toBe(404);
    expect(r.body.error.message).toMatch(CHINESE);
  });
  it('malformed id → 400 in Chinese', async () => {
    const r = await send(routeKey, { token, params: { id: '../../etc' } });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(CHINESE);
  });
});

describe.each(withQuery.map((r) => [`${r.method} ${r.path}`]))('%s query', (routeKey) => {
  it('unknown or wrongly typed parameters → 400 in Chinese', async () => {
    for (const query of [{ bogus: '1' }, { limit: 'many' }, { reveal: 'maybe' }] as Record<string, string>[]) {
      const r = await send(routeKey, { token, query });
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(CHINESE);
    }
  });
});

describe('sessions on every protected route', () => {
  it.each(ROUTES.filter((r) => r.auth === 'session').map((r) => [`${r.method} ${r.path}`]))('%s without a session → 401', async (routeKey) => {
    const r = await send(routeKey, { body: {} });
    expect(r.status).toBe(401);
    expect(r.body.error.message).toMatch(CHINESE);
  });
});
