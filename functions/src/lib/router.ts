import { json, type HttpEvent, type HttpResult, type RouteHandler } from './http';
import { coldStart } from './secrets';

/**
 * One Lambda per capability: its routes are picked by the HTTP API route key
 * ("GET /v1/services/{id}"), which API Gateway and serverless-offline both set. Each handler
 * names its own key (route('GET /v1/services/{id}', …)), so the key is written once.
 */
export function router(handlers: RouteHandler[]): ((event: HttpEvent) => Promise<HttpResult>) & { routeKeys: string[] } {
  const routes = new Map<string, RouteHandler>();
  for (const h of handlers) {
    if (routes.has(h.routeKey)) throw new Error(`${h.routeKey} is routed twice`);
    routes.set(h.routeKey, h);
  }
  const handle = async (event: HttpEvent) => {
    const h = routes.get(event.routeKey);
    if (!h) return json(404, { error: { code: 'NOT_FOUND', message: '没有这个接口' } });
    try {
      await coldStart(); // secrets and personal-data keys, once per process
    } catch {
      return json(503, { error: { code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } }, { 'Retry-After': '5' });
    }
    return h(event);
  };
  return Object.assign(handle, { routeKeys: [...routes.keys()] });
}
