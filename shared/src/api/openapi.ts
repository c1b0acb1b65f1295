import * as z from 'zod';
import { ErrorBody } from './errors';
import { ROUTES } from './routes';

const toSchema = (s: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const js = toSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: s }));
}

/** OpenAPI 3.1 from the route table and its zod schemas. */
export function buildOpenApi(opts: { includeLocalOnly: boolean; serverUrl?: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorResponse = { description: '错误（message 为中文说明）', content: { 'application/json': { schema: toSchema(ErrorBody, 'output') } } };
  for (const r of ROUTES) {
    if (r.localOnly && !opts.includeLocalOnly) continue;
    paths[r.path] ??= {};
    paths[r.path][r.method.toLowerCase()] = {
      summary: r.summary,
      tags: [r.tag],
      ...(r.auth === 'session' ? { security: [{ session: [] }] } : {}),
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(r.body, 'input') } } } } : {}),
      responses: {
        200: { description: '成功', content: { 'application/json': { schema: toSchema(r.response, 'output') } } },
        400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse, 422: errorResponse, 429: errorResponse,
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
