import type { HttpEvent, HttpResult } from './http';
import { json } from './http';

type Handler = (event: HttpEvent) => Promise<HttpResult>;

/**
 * One Lambda per capability: its routes are picked by the HTTP API route key
 * ("GET /v1/services/{id}"), which API Gateway and serverless-offline both set.
 */
export function router(routes: Record<string, Handler>): Handler {
  return async (event) => {
    const h = routes[event.routeKey];
    if (!h) return json(404, { error: { code: 'NOT_FOUND', message: '没有这个接口' } });
    return h(event);
  };
}
