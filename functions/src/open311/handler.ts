import {
  WO_NO_PATTERN,
  ROUTE_BY_KEY,
  categoryById,
  isInYuexiu,
  leafCategories,
  pathOf,
  type Category,
  maskFreeText,
  streetName,
  WO_STATE_NAMES,
} from '@yx/shared';
import { json, keyed, type HttpEvent, type HttpResult } from '../lib/http';
import { env } from '../lib/env';
import { log } from '../lib/log';
import { now } from '../lib/clock';
import { hashSecret, randomId } from '../lib/ids';
import { router } from '../lib/router';
import { xmlList, xmlOne } from './xml';
import * as repo from '../workorders/repository';
import { createOrder } from '../workorders/service';

/**
 * Open311 GeoReport v2 (XML, the spec's default, and JSON) over the same work-order engine, so existing civic clients
 * can file and read orders. Services are the leaf categories; requests are work orders (status open / closed).
 * Errors follow the spec: { code, description } entries with the HTTP status. discovery.json/xml says where it is.
 * API Gateway path variables must fill a whole segment, hence {file} = "<id>.json" or "<id>.xml".
 */
const MAX_RESULTS = 200;

type Format = 'json' | 'xml';
const XML_TYPE = { 'Content-Type': 'text/xml; charset=utf-8' };

/** An XML document with the headers a JSON answer of that status would have. */
function xml(status: number, body: string): HttpResult {
  const base = json(status, null);
  return { ...base, headers: { ...base.headers, ...XML_TYPE }, body };
}
/** A list answer in the asked format (`root`/`item`: the spec's XML element names). */
const answer = (format: Format, status: number, root: string, item: string, records: Record<string, unknown>[]): HttpResult =>
  format === 'json' ? json(status, records) : xml(status, xmlList(root, item, records));
const err = (status: number, description: string, format: Format = 'json'): HttpResult =>
  answer(format, status, 'errors', 'error', [{ code: status, description }]);

/** `<id>.json` / `<id>.xml` → the id and the format; anything else is not a file of this API. */
function fileOf(event: HttpEvent): { id: string; format: Format } | undefined {
  const m = /^([A-Za-z0-9_-]{1,64})\.(json|xml)$/.exec(String(event.pathParameters?.file ?? ''));
  return m ? { id: m[1], format: m[2] as Format } : undefined;
}

function apiKeys(): Map<string, string> {
  // OPEN311_API_KEYS="client-a:key1,client-b:key2" ("none" for no writers); the local stage accepts one development key
  const raw = process.env.OPEN311_API_KEYS || (env.isLocal ? 'local-client:local-open311-key' : '');
  return new Map(
    raw
      .split(',')
      .map((p) => p.trim().split(':'))
      .filter(([client, key]) => client && key && key.length >= 8) // a pair without a real key never matches a missing one
      .map(([client, key]) => [key, client] as [string, string]),
  );
}

const service = (c: Category) => ({
  service_code: c.id,
  service_name: c.name,
  description: pathOf(c.id) ?? c.name,
  metadata: false,
  type: 'realtime',
  keywords: c.keywords.join(','),
  group: pathOf(c.id)?.split(' / ')[0] ?? '',
});

/** About 100 m: the feed shows where, not whose door. */
const roughly = (x: number | undefined) => (x === undefined ? null : Math.round(x * 1000) / 1000);

/**
 * An order as the open data feed shows it: only one its filer chose to publish; the public status text, never
 * handlers' notes, names or photos; the place rounded to about 100 m.
 */
function toRequest(w: repo.WorkOrderRecord, events: repo.WoEvent[] = []) {
  const last = events[events.length - 1];
  return {
    service_request_id: w.no,
    status: w.state === 'closed' ? 'closed' : 'open',
    status_notes: WO_STATE_NAMES[w.state],
    service_name: categoryById(w.categoryId)?.name ?? w.categoryId,
    service_code: w.categoryId,
    description: maskFreeText(w.description), // typed phones and ID numbers never go public
    agency_responsible: w.teamName,
    service_notice: null,
    requested_datetime: w.createdAt,
    updated_datetime: last?.at ?? w.createdAt,
    expected_datetime: `${w.replyBy}T18:00:00+08:00`,
    address: w.street ? (streetName(w.street) ?? null) : null,
    address_id: null,
    zipcode: null,
    lat: roughly(w.place?.lat),
    long: roughly(w.place?.lng),
    media_url: null,
  };
}

/** Form-encoded (as the spec says) or JSON bodies; empty values count as absent. */
function bodyParams(event: HttpEvent): Record<string, string> {
  return Object.fromEntries(Object.entries(rawParams(event)).filter(([, v]) => v !== ''));
}

function rawParams(event: HttpEvent): Record<string, string> {
  const raw = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';
  if (raw.length > 16 * 1024) throw Object.assign(new Error('too large'), { status: 413 });
  const type = event.headers?.['content-type'] ?? event.headers?.['Content-Type'] ?? '';
  if (type.includes('json')) {
    try {
      return Object.fromEntries(Object.entries(JSON.parse(raw || '{}')).map(([k, v]) => [k, String(v)]));
    } catch {
      throw Object.assign(new Error('bad json'), { status: 400 });
    }
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

// the request schemas are the contract's (shared/src/workorders/open311.ts); only the error format is Open311's own
const PostRequest = ROUTE_BY_KEY['POST /open311/v2/requests.json'].body;
const ListQuery = ROUTE_BY_KEY['GET /open311/v2/requests.json'].query;

async function safe(format: Format, fn: () => Promise<HttpResult>): Promise<HttpResult> {
  try {
    return await fn();
  } catch (e) {
    const status = (e as { status?: number }).status;
    if (status) return err(status, status === 413 ? 'request body too large' : 'request body is not valid', format);
    log.error('open311 unhandled', { err: (e as Error).name });
    return err(500, 'internal error', format);
  }
}

/** Files a request (POST requests.json / .xml): the spec's fields, form-encoded or JSON. */
const fileRequest = (format: Format) => (event: HttpEvent) =>
  safe(format, async () => {
    const p = PostRequest.safeParse(bodyParams(event));
    if (!p.success) return err(400, p.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; '), format);
    const client = apiKeys().get(p.data.api_key);
    if (!client) return err(403, 'invalid api_key', format);
    const cat = categoryById(p.data.service_code)!;
    const hasPoint = p.data.lat !== undefined && p.data.long !== undefined;
    if (!hasPoint && cat.placeRequired) return err(400, 'lat and long are required for this service', format);
    if (hasPoint && !isInYuexiu({ lat: p.data.lat!, lng: p.data.long! })) return err(400, 'location is outside Yuexiu district', format);
    if (cat.kind === 'community') return err(400, 'service_code is for grid officials only', format);
    const place = hasPoint ? { lat: p.data.lat!, lng: p.data.long!, address: p.data.address_string ?? '（地图位置）' } : undefined;
    // the client's own id for the report, if any, makes a retry idempotent; otherwise every POST is new
    const key = p.data.device_id && p.data.account_id ? hashSecret(`${p.data.device_id}:${p.data.account_id}:${p.data.description}`) : randomId('o311');
    const made = await createOrder({
      categoryId: cat.id,
      description: p.data.description,
      photoIds: [],
      place,
      kind: 'appeal',
      filerId: `open311:${client}`,
      filerRole: 'open311',
      filerDisplay: '市民（Open311）',
      anonymous: true,
      public: true, // posted to the open data API: the filer chose to publish it
      contactPhone: p.data.phone,
      idem: { userId: `open311:${client}`, key },
      firstAction: '提交诉求（Open311）',
      notify: false,
    });
    return answer(format, 201, 'service_requests', 'request', [
      { service_request_id: made.no, service_notice: '已按分类派单，可凭编号查询进度', account_id: p.data.account_id ?? null },
    ]);
  });

/** Lists published requests (GET requests.json / .xml): by ids, or by time (≤ 90 days), service and status. */
const listRequests = (format: Format) => (event: HttpEvent) =>
  safe(format, async () => {
    const q = ListQuery.safeParse(event.queryStringParameters ?? {});
    if (!q.success) return err(400, q.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), format);
    if (q.data.service_request_id) {
      const ids = q.data.service_request_id.split(',').slice(0, 50);
      const found = await repo.getMany(ids.filter((id) => WO_NO_PATTERN.test(id)));
      return answer(
        format,
        200,
        'service_requests',
        'request',
        found.filter((w) => w.public).map((w) => toRequest(w)),
      );
    }
    const end = q.data.end_date ? new Date(q.data.end_date) : now();
    const start = q.data.start_date ? new Date(q.data.start_date) : new Date(end.getTime() - 90 * 86_400_000);
    if (start.getTime() > end.getTime()) return err(400, 'start_date must not be after end_date', format);
    if (start.getTime() > now().getTime()) return err(400, 'start_date must not be in the future', format);
    if (end.getTime() - start.getTime() > 90 * 86_400_000) return err(400, 'date range may not exceed 90 days', format);
    const nos = await repo.listByTime(start.toISOString(), end.toISOString(), MAX_RESULTS);
    const statuses = q.data.status?.split(',');
    const wos = (await Promise.all(chunks(nos, 100).map((c) => repo.getMany(c))))
      .flat()
      .filter((w) => w.public) // only what its filer chose to publish
      .filter((w) => !q.data.service_code || w.categoryId === q.data.service_code)
      .map((w) => toRequest(w))
      .filter((r) => !statuses || statuses.includes(r.status))
      .sort((a, b) => b.requested_datetime.localeCompare(a.requested_datetime));
    return answer(format, 200, 'service_requests', 'request', wos);
  });

const listServices = (format: Format) => async () => answer(format, 200, 'services', 'service', leafCategories().map(service));

/** discovery.json/xml: this endpoint, its spec and formats (GeoReport v2 discovery). */
const discovery = (format: Format) => async (event: HttpEvent) => {
  const host = event.headers?.host ?? event.requestContext?.domainName ?? '';
  const doc = {
    changeset: DISCOVERY_CHANGESET,
    contact: '越秀区政务服务数据管理局 12345 热线',
    key_service: '写入（POST requests）需要 api_key，请向越秀区政务服务数据管理局申请；读取无需 api_key',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `https://${host}/open311/v2`,
        changeset: DISCOVERY_CHANGESET,
        type: env.isLocal ? 'test' : 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
  return format === 'json' ? json(200, doc) : xml(200, xmlOne('discovery', doc));
};
/** When what this endpoint offers last changed (XML and discovery added, issue 13). */
const DISCOVERY_CHANGESET = '2026-11-30T00:00:00+08:00';

export const handler = router([
  keyed('GET /open311/v2/services.json', listServices('json')),
  keyed('GET /open311/v2/services.xml', listServices('xml')),

  keyed('GET /open311/v2/services/{file}', async (event) => {
    const f = fileOf(event);
    const c = f ? categoryById(f.id) : undefined;
    if (!f || !c || !leafCategories().includes(c)) return err(404, 'service_code not found', f?.format);
    const definition = { service_code: c.id, attributes: [] };
    return f.format === 'json' ? json(200, definition) : xml(200, xmlOne('service_definition', definition));
  }),

  keyed('POST /open311/v2/requests.json', fileRequest('json')),
  keyed('POST /open311/v2/requests.xml', fileRequest('xml')),
  keyed('GET /open311/v2/requests.json', listRequests('json')),
  keyed('GET /open311/v2/requests.xml', listRequests('xml')),

  keyed('GET /open311/v2/requests/{file}', (event) => {
    const f = fileOf(event);
    return safe(f?.format ?? 'json', async () => {
      if (!f || !WO_NO_PATTERN.test(f.id)) return err(404, 'service_request_id not found', f?.format);
      const { wo, events } = await repo.getWorkOrder(f.id);
      if (!wo || !wo.public) return err(404, 'service_request_id not found', f.format); // unpublished orders do not exist here
      return answer(f.format, 200, 'service_requests', 'request', [toRequest(wo, events)]);
    });
  }),

  // requests are created synchronously, so a token is never pending: it is the request id itself
  keyed('GET /open311/v2/tokens/{file}', (event) => {
    const f = fileOf(event);
    return safe(f?.format ?? 'json', async () => {
      const { wo } = f && WO_NO_PATTERN.test(f.id) ? await repo.getWorkOrder(f.id) : { wo: undefined };
      if (!f || !wo || !wo.public) return err(404, 'token not found', f?.format);
      return answer(f.format, 200, 'service_requests', 'request', [{ service_request_id: wo.no, token: f.id }]);
    });
  }),

  keyed('GET /open311/discovery.json', discovery('json')),
  keyed('GET /open311/discovery.xml', discovery('xml')),
]);

function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}
