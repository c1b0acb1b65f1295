import { JSDOM } from 'jsdom';
import { call } from '../../test/http';
import { seedAll } from '../seed/seed';
import { handler } from './handler';
import { handler as workorders } from '../workorders/handler';
import { login } from '../../test/apply';

beforeAll(() => seedAll());

const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
const post = (body: Record<string, string>, asJson = false) =>
  call(
    (e) => handler({ ...e, headers: { ...e.headers, 'content-type': asJson ? 'application/json' : 'application/x-www-form-urlencoded' } }),
    'POST /open311/v2/requests.json',
    { rawBody: asJson ? JSON.stringify(body) : form(body) },
  );

const GOOD = {
  api_key: 'local-open311-key',
  service_code: 'cityscape-streetlight',
  lat: '23.12505',
  long: '113.26915',
  address_string: '越秀区北京路 100 号',
  description: '路灯不亮已经三天了',
};

describe('Open311 GeoReport v2', () => {
  it('lists services (the leaf categories) and describes one', async () => {
    const list = await call(handler, 'GET /open311/v2/services.json');
    expect(list.body.length).toBeGreaterThan(20);
    expect(list.body[0]).toEqual(
      expect.objectContaining({ service_code: expect.any(String), service_name: expect.any(String), metadata: false, type: 'realtime' }),
    );
    expect((await call(handler, 'GET /open311/v2/services/{file}', { params: { file: 'cityscape-streetlight.json' } })).body).toEqual({
      service_code: 'cityscape-streetlight',
      attributes: [],
    });
    expect((await call(handler, 'GET /open311/v2/services/{file}', { params: { file: 'nope.json' } })).status).toBe(404);
  });

  it('files a request with a form-encoded POST and reads it back as open', async () => {
    const r = await post(GOOD);
    expect(r.status).toBe(201);
    const id = r.body[0].service_request_id;
    expect(id).toMatch(/^SQ\d{16}$/);
    const one = await call(handler, 'GET /open311/v2/requests/{file}', { params: { file: `${id}.json` } });
    // the place rounded to about 100 m, the public status text, no handler notes (issue 13)
    expect(one.body[0]).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'cityscape-streetlight',
      lat: 23.125,
      long: 113.269,
      status_notes: '已派单，待签收',
    });
    expect(one.body[0].agency_responsible).toContain('城市管理');
    // a phone typed into the description never goes public whole (issue 13)
    const withPhone = await post({ ...GOOD, description: '路灯不亮，联系 13800138000' });
    const published = await call(handler, 'GET /open311/v2/requests/{file}', { params: { file: `${withPhone.body[0].service_request_id}.json` } });
    expect(published.body[0].description).toBe('路灯不亮，联系 138****8000');
    const list = await call(handler, 'GET /open311/v2/requests.json', { query: { status: 'open' } });
    expect(list.body.map((x: { service_request_id: string }) => x.service_request_id)).toContain(id);
    const byId = await call(handler, 'GET /open311/v2/requests.json', { query: { service_request_id: id } });
    expect(byId.body).toHaveLength(1);
    expect((await call(handler, 'GET /open311/v2/tokens/{file}', { params: { file: `${id}.json` } })).body).toEqual([{ service_request_id: id, token: id }]);
    const viaJson = await post(GOOD, true);
    expect(viaJson.status).toBe(201);
  });

  it('answers missing and wrong fields with spec errors', async () => {
    const cases: [Record<string, string>, number, RegExp][] = [
      [{ ...GOOD, api_key: 'wrong' }, 403, /api_key/],
      [{ ...GOOD, api_key: '' }, 400, /api_key/],
      [{ ...GOOD, service_code: 'unicorns' }, 400, /service_code/],
      [{ ...GOOD, description: '' }, 400, /description/],
      [{ ...GOOD, lat: '', long: '' }, 400, /lat|long/],
      [{ ...GOOD, lat: '39.9', long: '116.4' }, 400, /outside/],
      [{ ...GOOD, service_code: 'community-sanitation' }, 400, /grid/],
    ];
    for (const [body, status, text] of cases) {
      const r = await post(body);
      expect([r.status, Array.isArray(r.body) && r.body[0].code]).toEqual([status, status]);
      expect(r.body[0].description).toMatch(text);
    }
    expect((await call(handler, 'GET /open311/v2/requests/{file}', { params: { file: 'SQ20991231999999.json' } })).status).toBe(404);
    expect(
      (await call(handler, 'GET /open311/v2/requests.json', { query: { start_date: '2026-01-01T00:00:00Z', end_date: '2026-11-01T00:00:00Z' } })).status,
    ).toBe(400);
    // a start after the end (same month) and a start in the future were 500s (issue 13)
    const list = (start_date: string, end_date?: string) =>
      call(handler, 'GET /open311/v2/requests.json', { query: { start_date, ...(end_date ? { end_date } : {}) } });
    const backwards = await list('2026-11-20T00:00:00Z', '2026-11-02T00:00:00Z');
    expect([backwards.status, backwards.body[0].description]).toEqual([400, 'start_date must not be after end_date']);
    expect((await list('2099-01-01T00:00:00Z')).status).toBe(400);
    expect((await post({ ...GOOD, description: 'x'.repeat(20_000) })).status).toBe(413);
  });

  it('publishes only what the filer chose to publish (issue 13)', async () => {
    const token = await login('u-resident-zhang');
    const fileInApp = (publish: boolean) =>
      call((e) => workorders({ ...e, headers: { ...e.headers, 'idempotency-key': `o311-pub-${publish}-${Date.now()}` } }), 'POST /v1/workorders', {
        token,
        body: {
          categoryId: 'cityscape-streetlight',
          description: '路灯不亮，晚上很黑',
          place: { lat: 23.1261, lng: 113.2702, address: '越秀区北京路 200 号' },
          public: publish,
        },
      });
    const kept = (await fileInApp(false)).body.no;
    const published = (await fileInApp(true)).body.no;
    const read = (no: string) => call(handler, 'GET /open311/v2/requests/{file}', { params: { file: `${no}.json` } });
    expect((await read(kept)).status).toBe(404);
    const shown = await read(published);
    expect(shown.status).toBe(200);
    expect(shown.body[0]).toMatchObject({ lat: 23.126, long: 113.27 });
    expect(JSON.stringify(shown.body)).not.toMatch(/张|200 号/);
    const list = await call(handler, 'GET /open311/v2/requests.json', { query: { service_request_id: `${kept},${published}` } });
    expect(list.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([published]);
    // nor does its token say that an unpublished number exists
    expect((await call(handler, 'GET /open311/v2/tokens/{file}', { params: { file: `${kept}.json` } })).status).toBe(404);
  });

  it('speaks XML, the spec’s default format, on every read and on filing, errors included (issue 13)', async () => {
    const parse = (xml: string) => {
      const doc = new new JSDOM().window.DOMParser().parseFromString(xml, 'text/xml');
      expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
      return doc;
    };
    const text = (doc: Document, tag: string) => [...doc.getElementsByTagName(tag)].map((e) => e.textContent);
    const services = await call(handler, 'GET /open311/v2/services.xml');
    expect(services.headers['Content-Type']).toMatch(/^text\/xml/);
    const sdoc = parse(services.body);
    expect(sdoc.documentElement.tagName).toBe('services');
    expect(text(sdoc, 'service_code')).toContain('cityscape-streetlight');
    const definition = parse((await call(handler, 'GET /open311/v2/services/{file}', { params: { file: 'cityscape-streetlight.xml' } })).body);
    expect(definition.documentElement.tagName).toBe('service_definition');

    const filed = await call(
      (e) => handler({ ...e, headers: { ...e.headers, 'content-type': 'application/x-www-form-urlencoded' } }),
      'POST /open311/v2/requests.xml',
      { rawBody: form({ ...GOOD, description: '路灯闪烁 <影响> 行人 & 车辆' }) },
    );
    expect(filed.status).toBe(201);
    const id = text(parse(filed.body), 'service_request_id')[0]!;
    expect(id).toMatch(/^SQ\d{16}$/);
    const one = parse((await call(handler, 'GET /open311/v2/requests/{file}', { params: { file: `${id}.xml` } })).body);
    expect(one.documentElement.tagName).toBe('service_requests');
    expect(text(one, 'description')).toEqual(['路灯闪烁 <影响> 行人 & 车辆']); // escaped on the wire, whole once read
    expect(text(one, 'lat')).toEqual(['23.125']);
    const list = parse((await call(handler, 'GET /open311/v2/requests.xml', { query: { service_request_id: id } })).body);
    expect(text(list, 'service_request_id')).toEqual([id]);
    expect(text(parse((await call(handler, 'GET /open311/v2/tokens/{file}', { params: { file: `${id}.xml` } })).body), 'token')).toEqual([id]);

    const bad = await call(handler, 'GET /open311/v2/requests.xml', { query: { start_date: '2099-01-01T00:00:00Z' } });
    expect(bad.status).toBe(400);
    const edoc = parse(bad.body);
    expect(edoc.documentElement.tagName).toBe('errors');
    expect(text(edoc, 'code')).toEqual(['400']);
    expect((await call(handler, 'GET /open311/v2/requests/{file}', { params: { file: `${id}.csv` } })).status).toBe(404);
  });

  it('describes itself in discovery.json and discovery.xml', async () => {
    const withHost = (e: Parameters<typeof handler>[0]) => handler({ ...e, headers: { ...e.headers, host: 'api.zwfw.yuexiu.gov.cn' } });
    const d = await call(withHost, 'GET /open311/discovery.json');
    expect(d.status).toBe(200);
    expect(d.body.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: 'https://api.zwfw.yuexiu.gov.cn/open311/v2',
      formats: ['text/xml', 'application/json'],
    });
    const x = await call(withHost, 'GET /open311/discovery.xml');
    const doc = new new JSDOM().window.DOMParser().parseFromString(x.body, 'text/xml');
    expect(doc.documentElement.tagName).toBe('discovery');
    expect([...doc.getElementsByTagName('format')].map((f) => f.textContent)).toEqual(['text/xml', 'application/json']);
  });
});
