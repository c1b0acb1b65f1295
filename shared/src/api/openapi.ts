import * as z from 'zod';
import { ROLE_NAMES } from '../identity/schema';
import { ROUTES, type RouteRoles } from './routes';

const toSchema = (s: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const js = toSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (js.required ?? []).includes(name),
    schema: s,
  }));
}

/** Who may call, in words for the document's reader. */
const rolesText = (roles: RouteRoles) =>
  roles === 'public' ? '无需登录' : roles === 'any' ? '任何已登录用户' : `限：${roles.map((r) => ROLE_NAMES[r]).join('、')}`;

/** The statuses a route may answer with an error: 401/403 only where a session or a role is needed. */
const errorStatuses = (roles: RouteRoles) => [400, ...(roles === 'public' ? [] : [401]), ...(Array.isArray(roles) ? [403] : []), 404, 409, 422, 429];

/** OpenAPI 3.1 from the route table and its zod schemas; each operation names its roles (x-roles). */
export function buildOpenApi(opts: { includeLocalOnly: boolean; serverUrl?: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTES) {
    const type = r.format === 'xml' ? 'text/xml' : 'application/json';
    const errorResponse = { description: '错误（message 为中文说明）', content: { [type]: { schema: toSchema(r.error, 'output') } } };
    if (r.localOnly && !opts.includeLocalOnly) continue;
    paths[r.path] ??= {};
    paths[r.path][r.method.toLowerCase()] = {
      summary: r.summary,
      description: rolesText(r.roles),
      tags: [r.tag],
      'x-roles': r.roles,
      ...(r.auth === 'session' ? { security: [{ session: [] }] } : {}),
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(r.body, 'input') } } } } : {}),
      responses: {
        200: { description: '成功', content: { [type]: { schema: toSchema(r.response, 'output') } } },
        ...Object.fromEntries(errorStatuses(r.roles).map((s) => [s, errorResponse])),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: '越秀掌上办 API', version: '1.0.0', description: '区政务服务小程序的后端接口。错误统一为 { error: { code, message, details } }。' },
    ...(opts.serverUrl ? { servers: [{ url: opts.serverUrl }] } : {}),
    components: { securitySchemes: { session: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
