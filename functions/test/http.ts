import { routeOf, ErrorBody, type RouteDoc } from '@yx/shared';
import type * as z from 'zod';
import type { HttpEvent, HttpResult } from '../src/lib/http';

/**
 * Fields an answer carries that its schema does not name: a z.object drops them when parsing, so the
 * parsed value is compared with what was sent. Such a field is missing from the contract (or leaks).
 */
function undocumented(sent: unknown, parsed: unknown, path = ''): string[] {
  if (Array.isArray(sent) && Array.isArray(parsed)) return sent.flatMap((v, i) => undocumented(v, parsed[i], `${path}[${i}]`));
  if (!sent || !parsed || typeof sent !== 'object' || typeof parsed !== 'object') return [];
  return Object.keys(sent).flatMap((k) =>
    k in parsed
      ? undocumented((sent as Record<string, unknown>)[k], (parsed as Record<string, unknown>)[k], path ? `${path}.${k}` : k)
      : [path ? `${path}.${k}` : k],
  );
}

/** Checks an answer against the shared route table: a 2xx with the route's response schema, an error with its error schema. */
function checkContract(routeKey: string, status: number, body: unknown): void {
  const route: RouteDoc | undefined = routeOf(routeKey);
  const ok = status >= 200 && status < 300;
  if (!route && ok) throw new Error(`${routeKey} answered ${status} but is not in the shared route table (shared/src/api/routes.ts)`);
  const schema: z.ZodType = ok ? route!.response : (route?.error ?? ErrorBody);
  const what = ok ? 'response' : 'error';
  const r = schema.safeParse(body);
  if (!r.success) {
    const issues = r.error.issues
      .slice(0, 5)
      .map((i) => `  ${i.path.join('.') || '(body)'}: ${i.message}`)
      .join('\n');
    throw new Error(`${routeKey} answered ${status} with a body its shared ${what} schema refuses:\n${issues}\nbody: ${JSON.stringify(body).slice(0, 600)}`);
  }
  const extra = undocumented(body, r.data);
  if (extra.length) throw new Error(`${routeKey} answered ${status} with fields its shared ${what} schema does not declare: ${extra.slice(0, 8).join(', ')}`);
}

/**
 * Builds an HTTP API v2 event for a route key and calls the handler, as API Gateway would. Every
 * answer is checked against the shared contract, so a test fails when a handler and the table disagree.
 */
export async function call(
  handler: (e: HttpEvent) => Promise<HttpResult>,
  routeKey: string,
  opts: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown; rawBody?: string; token?: string } = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers of every status without narrowing; their shape is checked against the contract below
): Promise<{ status: number; body: any; headers: Record<string, string> }> {
  const [method, pathTemplate] = routeKey.split(' ');
  const rawPath = pathTemplate.replace(/\{(\w+)\}/g, (_, k) => opts.params?.[k] ?? '');
  const event = {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString: new URLSearchParams(opts.query ?? {}).toString(),
    headers: { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), 'content-type': 'application/json' },
    queryStringParameters: opts.query,
    pathParameters: opts.params,
    body: opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    isBase64Encoded: false,
    requestContext: { http: { method, path: rawPath, sourceIp: '127.0.0.1' } },
  } as unknown as HttpEvent;
  const res = await handler(event);
  const status = res.statusCode ?? 200;
  const isXml = /xml/.test(String(res.headers?.['Content-Type'] ?? res.headers?.['content-type'] ?? ''));
  // Open311's XML twins answer text (their records are the JSON routes' own, checked there)
  const body = isXml ? res.body : res.body ? JSON.parse(res.body) : undefined;
  if (!isXml) checkContract(routeKey, status, body);
  return { status, body, headers: (res.headers ?? {}) as Record<string, string> };
}
