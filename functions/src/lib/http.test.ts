import { ROUTES } from '@yx/shared';
import { call } from '../../test/http';
import { route } from './http';
import { log } from './log';
import { router } from './router';
import { getUser } from './repository';
import { handler as admin } from '../admin/handler';
import { handler as applications } from '../applications/handler';
import { handler as backoffice } from '../backoffice/handler';
import { handler as files } from '../files/handler';
import { handler as guide } from '../guide/handler';
import { devHandler, handler as identity } from '../identity/handler';
import { handler as member } from '../member/handler';
import { handler as messages } from '../messages/handler';
import { handler as meta } from '../meta/handler';
import { handler as open311 } from '../open311/handler';
import { handler as workorders } from '../workorders/handler';
import { handler as documents } from '../certificates/handler';
import { handler as documentsIssue } from '../certificates/issueHandler';
import { handler as policies } from '../policies/handler';
import { handler as appointments } from '../appointments/handler';
import { handler as deliberation } from '../deliberation/handler';
import { handler as publications } from '../publications/handler';
import { handler as credit } from '../credit/handler';
import { handler as creditPoster } from '../credit/posterHandler';

/**
 * A route is declared by its key in the shared contract: roles and schemas come from there only.
 * The lines marked @ts-expect-error are checked by `tsc -p functions`: each must stay a type error.
 */
describe('route()', () => {
  it('serves every route of the contract exactly once, and nothing else', () => {
    const keys = [
      admin,
      applications,
      backoffice,
      files,
      guide,
      identity,
      devHandler,
      member,
      messages,
      meta,
      open311,
      workorders,
      documents,
      documentsIssue,
      policies,
      appointments,
      deliberation,
      publications,
      credit,
      creditPoster,
    ].flatMap((h) => h.routeKeys);
    expect([...keys].sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('refuses a key routed twice', () => {
    const health = route('GET /v1/health', async () => ({ ok: true, stage: 'x' }));
    expect(() => router([health, health])).toThrow('routed twice');
  });

  it('takes roles and schemas from the contract, not from the handler', async () => {
    const h = router([route('GET /v1/forms/{formId}', async ({ params }) => params.formId)]);
    expect((await call(h, 'GET /v1/forms/{formId}', { params: { formId: 'x' } })).status).toBe(401);
    // @ts-expect-error a route key the contract does not have
    expect(() => route('GET /v1/nothing', async () => 1)).toThrow('not in the shared route table');
    // @ts-expect-error a schema of the handler's own
    route('GET /v1/forms/{formId}', { params: {} }, async () => 1);
    // @ts-expect-error roles of the handler's own
    route('GET /v1/forms/{formId}', { auth: 'public' }, async () => 1);
    // @ts-expect-error a public route has no session, so no user to load
    route('GET /v1/health', { user: getUser }, async () => 1);
    // @ts-expect-error only public answers may be cached by others
    route('GET /v1/me', { cacheSeconds: 60 }, async () => 1);
    // @ts-expect-error the body is typed from the contract: a draft has no `nope`
    route('PUT /v1/drafts/{formId}', async ({ body }) => body.nope);
  });

  it('refuses a body where the route takes none, but lets an empty one through', async () => {
    const health = router([route('GET /v1/health', async () => ({ ok: true, stage: 'x' }))]);
    expect((await call(health, 'GET /v1/health', { body: {} })).status).toBe(200);
    const extra = await call(health, 'GET /v1/health', { body: { a: { b: 1 } } });
    expect(extra.status).toBe(400);
    expect(extra.body.error.message).toContain('含有不认识的字段：a');
    expect((await call(health, 'GET /v1/health', { body: [1, 2] })).status).toBe(400);
  });

  it('marks personal answers no-store, and public ones cacheable only when the route says so', async () => {
    const me = router([route('GET /v1/me', { user: async () => undefined }, async () => ({}))]);
    const unauth = await call(me, 'GET /v1/me');
    expect(unauth.headers['cache-control']).toBe('no-store');
    const health = router([route('GET /v1/health', async () => ({ ok: true, stage: 'x' }))]);
    expect((await call(health, 'GET /v1/health')).headers['cache-control']).toBeUndefined();
  });

  it('puts the request id on every log line of the request', async () => {
    const lines: string[] = [];
    const spy = jest.spyOn(console, 'log').mockImplementation((l: string) => void lines.push(l));
    const level = process.env.LOG_LEVEL;
    delete process.env.LOG_LEVEL;
    try {
      const h = router([route('GET /v1/health', async () => (log.info('checked'), { ok: true, stage: 'x' }))]);
      await h({
        version: '2.0',
        routeKey: 'GET /v1/health',
        rawPath: '/v1/health',
        headers: {},
        isBase64Encoded: false,
        requestContext: { requestId: 'req-123', http: { method: 'GET', path: '/v1/health', sourceIp: '1.2.3.4' } },
      } as never);
    } finally {
      spy.mockRestore();
      process.env.LOG_LEVEL = level;
    }
    expect(lines.map((l) => JSON.parse(l))).toContainEqual(expect.objectContaining({ msg: 'checked', requestId: 'req-123' }));
  });

  it('makes a route that only some roles may call load the caller, so taking a role away works at once', () => {
    expect(() => route('GET /v1/admin/member/rules', async () => 1)).toThrow('needs a role');
    expect(() => route('GET /v1/admin/member/rules', { user: getUser }, async () => 1)).not.toThrow();
  });
});
