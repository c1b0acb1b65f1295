import type { HttpEvent, HttpResult } from '../src/lib/http';

/** Builds an HTTP API v2 event for a route key and calls the handler, as API Gateway would. */
export async function call(
  handler: (e: HttpEvent) => Promise<HttpResult>,
  routeKey: string,
  opts: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown; rawBody?: string; token?: string } = {},
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
  return { status: res.statusCode ?? 200, body: res.body ? JSON.parse(res.body) : undefined, headers: (res.headers ?? {}) as Record<string, string> };
}
