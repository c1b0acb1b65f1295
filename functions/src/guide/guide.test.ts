import { call } from '../../test/http';
import { seedAll } from '../seed/seed';
import { handler } from './handler';
import { handler as meta } from '../meta/handler';

beforeAll(() => seedAll());

describe('service guide API', () => {
  it('finds the business-licence item when a person types 营业执照', async () => {
    const r = await call(handler, 'GET /v1/services', { query: { q: '营业执照' } });
    expect(r.status).toBe(200);
    expect(r.body.total).toBeGreaterThan(0);
    const first = r.body.items[0];
    expect(`${first.name}${first.keywords.join()}`).toContain('营业执照');
    expect(r.headers['cache-control']).toContain('max-age');
  });

  it('filters by audience, department and theme, and pages with a cursor', async () => {
    const all = await call(handler, 'GET /v1/services', { query: { limit: '50' } });
    expect(all.body.total).toBeGreaterThanOrEqual(40);
    const firms = await call(handler, 'GET /v1/services', { query: { audience: 'enterprise', limit: '50' } });
    expect(firms.body.items.every((i: { audience: string[] }) => i.audience.includes('enterprise'))).toBe(true);
    const market = await call(handler, 'GET /v1/services', { query: { department: 'market', limit: '50' } });
    expect(market.body.total).toBeGreaterThan(0);
    expect(market.body.items.every((i: { departmentId: string }) => i.departmentId === 'market')).toBe(true);
    const birth = await call(handler, 'GET /v1/services', { query: { theme: 'birth' } });
    expect(birth.body.items.map((i: { name: string }) => i.name).join()).toContain('出生医学证明');
    const p1 = await call(handler, 'GET /v1/services', { query: { limit: '5' } });
    const p2 = await call(handler, 'GET /v1/services', { query: { limit: '5', cursor: p1.body.nextCursor } });
    expect(p1.body.items).toHaveLength(5);
    expect(p2.body.items[0].id).not.toBe(p1.body.items[0].id);
  });

  it('shows every guide element of an item', async () => {
    const list = await call(handler, 'GET /v1/services', { query: { q: '食品经营许可' } });
    const id = list.body.items[0].id;
    const r = await call(handler, 'GET /v1/services/{id}', { params: { id } });
    expect(r.status).toBe(200);
    const { item, department, qrText } = r.body;
    for (const k of ['conditions', 'materials', 'legalBasis', 'statutoryDays', 'promisedDays', 'fee', 'channels', 'visits', 'steps', 'faq']) {
      expect(item[k]).toBeDefined();
    }
    expect(item.promisedDays).toBeLessThanOrEqual(item.statutoryDays);
    expect(department.name).toBeTruthy();
    expect(qrText).toContain(item.code);
    expect(qrText).toMatch(new RegExp(`^https?://[^/]+/g/${id}\\?code=`)); // the app's own address, not a placeholder (issue 16)
  });

  it('lists bundles and joins a bundle with its items', async () => {
    const r = await call(handler, 'GET /v1/bundles');
    const birth = r.body.items.find((b: { name: string }) => b.name === '出生一件事');
    expect(birth).toBeDefined();
    const d = await call(handler, 'GET /v1/bundles/{id}', { params: { id: birth.id } });
    expect(d.body.items.length).toBe(birth.itemIds.length);
    expect(d.body.items.length).toBeGreaterThanOrEqual(3);
  });

  it('answers bad input with 4xx and a Chinese message', async () => {
    const cases: [string, Record<string, string>, number, string][] = [
      ['GET /v1/services', { audience: 'alien' }, 400, '服务对象'],
      ['GET /v1/services', { limit: '500' }, 400, '每页条数'],
      ['GET /v1/services', { limit: 'abc' }, 400, '每页条数'],
      ['GET /v1/services', { cursor: 'zz' }, 400, '翻页位置'],
      ['GET /v1/services', { q: '营'.repeat(31) }, 400, '搜索词'],
      ['GET /v1/services', { unknown: '1' }, 400, 'unknown'],
    ];
    for (const [route, query, status, text] of cases) {
      const r = await call(handler, route, { query });
      expect([r.status, r.body.error.message]).toEqual([status, expect.stringContaining(text)]);
    }
    const missing = await call(handler, 'GET /v1/services/{id}', { params: { id: 'no-such-item' } });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await call(handler, 'GET /v1/services/{id}', { params: { id: 'BAD ID!' } })).status).toBe(400);
    expect((await call(handler, 'GET /v1/bundles/{id}', { params: { id: 'nope' } })).status).toBe(404);
    expect((await call(handler, 'GET /v1/nothing')).status).toBe(404);
  });

  it('lists departments and themes', async () => {
    const d = await call(handler, 'GET /v1/departments');
    expect(d.body.items.length).toBeGreaterThanOrEqual(8);
    const t = await call(handler, 'GET /v1/themes');
    expect(t.body.items.some((x: { audience: string }) => x.audience === 'enterprise')).toBe(true);
  });
});

describe('OpenAPI document', () => {
  it('describes every route from the zod schemas', async () => {
    const r = await call(meta, 'GET /v1/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    expect(Object.keys(r.body.paths)).toEqual(expect.arrayContaining(['/v1/services', '/v1/services/{id}', '/v1/auth/wechat', '/v1/me/real-name']));
    const q = r.body.paths['/v1/services'].get.parameters.find((p: { name: string }) => p.name === 'audience');
    expect(q.schema.enum).toEqual(['person', 'enterprise']);
  });
});
