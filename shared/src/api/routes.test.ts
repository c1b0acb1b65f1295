import * as z from 'zod';
import { buildOpenApi } from './openapi';
import { ROUTE_BY_KEY, ROUTE_TABLE, ROUTES, routeOf } from './routes';

describe('the route table', () => {
  it('looks every route up by its key, with method, path and who may call', () => {
    expect(Object.keys(ROUTE_BY_KEY)).toEqual(Object.keys(ROUTE_TABLE));
    for (const [key, r] of Object.entries(ROUTE_BY_KEY)) {
      expect(`${r.method} ${r.path}`).toBe(key);
      expect(r.auth).toBe(r.roles === 'public' ? 'public' : 'session');
      if (Array.isArray(r.roles)) expect(r.roles.length).toBeGreaterThan(0);
    }
    expect(routeOf('GET /v1/forms/{formId}')?.roles).toEqual(['resident', 'enterprise']);
    expect(routeOf('GET /v1/nothing')).toBeUndefined();
  });

  it('gives every response a schema with known fields (only the OpenAPI document is open)', () => {
    const open = ROUTES.filter((r) => {
      const js = z.toJSONSchema(r.response, { io: 'output', unrepresentable: 'any' }) as {
        properties?: object;
        items?: { properties?: object };
        additionalProperties?: unknown;
      };
      const fields = js.properties ?? js.items?.properties;
      return !fields || Object.keys(fields).length === 0 || (js.additionalProperties !== false && js.additionalProperties !== undefined);
    });
    expect(open.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/openapi.json']);
  });
});

describe('the OpenAPI document', () => {
  const doc = buildOpenApi({ includeLocalOnly: true });
  const ops = Object.values(doc.paths).flatMap((p) => Object.values(p)) as {
    'x-roles': unknown;
    security?: unknown;
    responses: Record<string, { content: Record<string, { schema: object }> }>;
  }[];

  it('describes every route with its roles, its answer and its errors', () => {
    expect(ops).toHaveLength(ROUTES.length);
    for (const r of ROUTES) {
      const op = (doc.paths[r.path] as Record<string, (typeof ops)[number]>)[r.method.toLowerCase()];
      expect(op['x-roles']).toEqual(r.roles);
      expect(Boolean(op.security)).toBe(r.roles !== 'public');
      expect(Object.keys(op.responses['200'].content[r.format === 'xml' ? 'text/xml' : 'application/json'].schema).length).toBeGreaterThan(0);
      expect('401' in op.responses).toBe(r.roles !== 'public');
      expect('403' in op.responses).toBe(Array.isArray(r.roles));
    }
  });

  it('leaves the development login out of other stages', () => {
    const prod = buildOpenApi({ includeLocalOnly: false });
    expect(Object.keys(prod.paths)).not.toContain('/v1/dev/login');
  });
});
