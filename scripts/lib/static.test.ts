/**
 * The local web server sends the H5 build compressed and cacheable (issue 14: the first screen went out as 556 KiB of
 * plain script): brotli or gzip when the browser accepts it, the plain bytes when not, hashed names cached for good and
 * index.html revalidated; Range and HEAD still behave.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { freePort } from './ports';
import { negotiate, parseRange, precompress, serveH5 } from './static';

let server: http.Server;
let base: string;
let root: string;
// text that compresses (like a bundle), and one random block so the sizes are not trivial
const JS = Buffer.from(`${'function hello(){return "越秀掌上办"}\n'.repeat(400)}/*${crypto.randomBytes(512).toString('hex')}*/`);
const HTML = `<!doctype html><html lang="zh-CN"><head><title>越秀掌上办</title>${'<meta name="x" content="y">'.repeat(60)}</head><body><div id="app"></div></body></html>`;

/** A raw request (fetch would decode the body and hide Content-Encoding's effect). */
function get(p: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${p}`, { method, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'yx-h5-'));
  fs.mkdirSync(path.join(root, 'js'));
  fs.mkdirSync(path.join(root, 'static'));
  fs.writeFileSync(path.join(root, 'index.html'), HTML);
  fs.writeFileSync(path.join(root, 'js/app.1a2b3c4d.js'), JS);
  fs.writeFileSync(path.join(root, 'js/plain.js'), JS);
  fs.writeFileSync(path.join(root, 'js/tiny.5e6f7a8b.js'), 'var a=1;');
  fs.writeFileSync(path.join(root, 'static/tab.png'), crypto.randomBytes(3000));
  fs.writeFileSync(path.join(root, '.yx-build.json'), '{"hash":"x"}');
  const port = await freePort();
  server = await serveH5({ root, port, apiPort: 1 });
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

describe('compression', () => {
  it('sends brotli to a browser that accepts it, and the bytes decode to the file', async () => {
    const r = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(r.status).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers.vary).toBe('Accept-Encoding');
    expect(Number(r.headers['content-length'])).toBe(r.body.length);
    expect(r.body.length).toBeLessThan(JS.length / 2);
    expect(zlib.brotliDecompressSync(r.body).equals(JS)).toBe(true);
  });

  it('sends gzip when brotli is not accepted', async () => {
    const r = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'gzip, br;q=0' });
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(r.body).equals(JS)).toBe(true);
  });

  it('sends the plain bytes when no encoding is accepted, still varying on Accept-Encoding', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'gzip;q=0, br;q=0' }] as Record<string, string>[]) {
      const r = await get('/js/app.1a2b3c4d.js', headers);
      expect([r.status, r.headers['content-encoding']]).toEqual([200, undefined]);
      expect(r.headers.vary).toBe('Accept-Encoding');
      expect(r.body.equals(JS)).toBe(true);
    }
  });

  it('compresses index.html, leaves images and tiny files alone', async () => {
    const html = await get('/', { 'accept-encoding': 'br' });
    expect(html.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(html.body).toString()).toBe(HTML);
    const png = await get('/static/tab.png', { 'accept-encoding': 'br, gzip' });
    expect([png.headers['content-type'], png.headers['content-encoding'], png.body.length]).toEqual(['image/png', undefined, 3000]);
    const tiny = await get('/js/tiny.5e6f7a8b.js', { 'accept-encoding': 'br, gzip' });
    expect([tiny.headers['content-encoding'], tiny.body.toString()]).toEqual([undefined, 'var a=1;']);
  });

  it("serves the build's precompressed copy, and compresses afresh once the file is newer than it", async () => {
    const file = path.join(root, 'js/pre.0badf00d.js');
    fs.writeFileSync(file, JS);
    const marker = Buffer.from(`/* precompressed */${JS.toString()}`);
    expect(await precompress(root)).toBeGreaterThanOrEqual(3); // index.html, app, plain, pre (not tiny, not the png)
    expect(fs.existsSync(`${file}.br`) && fs.existsSync(`${file}.gz`)).toBe(true);
    expect(fs.existsSync(path.join(root, 'js/tiny.5e6f7a8b.js.br'))).toBe(false);
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(marker)); // a copy we can tell apart, written after the file
    const pre = await get('/js/pre.0badf00d.js', { 'accept-encoding': 'br' });
    expect(zlib.brotliDecompressSync(pre.body).equals(marker)).toBe(true);
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(file, later, later); // the file changed after its copy was made: the copy is stale
    const fresh = await get('/js/pre.0badf00d.js', { 'accept-encoding': 'br' });
    expect(zlib.brotliDecompressSync(fresh.body).equals(JS)).toBe(true);
  });

  it('compresses a changed file again (the in-memory copy follows the file)', async () => {
    const file = path.join(root, 'js/plain.js');
    const first = await get('/js/plain.js', { 'accept-encoding': 'gzip' });
    expect(zlib.gunzipSync(first.body).equals(JS)).toBe(true);
    const changed = Buffer.concat([JS, Buffer.from('\n// rebuilt')]);
    fs.rmSync(`${file}.gz`, { force: true });
    fs.rmSync(`${file}.br`, { force: true });
    fs.writeFileSync(file, changed);
    const second = await get('/js/plain.js', { 'accept-encoding': 'gzip' });
    expect(zlib.gunzipSync(second.body).equals(changed)).toBe(true);
  });
});

describe('caching', () => {
  it('caches hashed names for a year and revalidates index.html and unhashed files', async () => {
    expect((await get('/js/app.1a2b3c4d.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get('/')).headers['cache-control']).toBe('no-cache');
    expect((await get('/index.html')).headers['cache-control']).toBe('no-cache');
    expect((await get('/pages/me/index')).headers['cache-control']).toBe('no-cache'); // the app's fallback is index.html
    expect((await get('/static/tab.png')).headers['cache-control']).toBe('no-cache');
  });

  it('answers 304 to a matching ETag, a different ETag per encoding', async () => {
    const br = await get('/', { 'accept-encoding': 'br' });
    const plain = await get('/');
    expect(br.headers.etag).toBeDefined();
    expect(br.headers.etag).not.toBe(plain.headers.etag);
    const again = await get('/', { 'accept-encoding': 'br', 'if-none-match': br.headers.etag! });
    expect([again.status, again.body.length, again.headers['cache-control']]).toEqual([304, 0, 'no-cache']);
    expect((await get('/', { 'if-none-match': br.headers.etag! })).status).toBe(200); // that tag names the brotli bytes
  });

  it('answers 404 for a missing script (not index.html as code) and hides the build record', async () => {
    const js = await get('/js/app.deadbeef.js');
    expect(js.status).toBe(404);
    expect((await get('/.yx-build.json')).status).toBe(404);
  });
});

describe('HEAD and Range', () => {
  it('answers HEAD with the headers of GET and no body', async () => {
    const h = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'br' }, 'HEAD');
    const g = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'br' });
    expect(h.status).toBe(200);
    expect(h.body.length).toBe(0);
    expect([h.headers['content-encoding'], h.headers['content-length'], h.headers.etag]).toEqual([
      g.headers['content-encoding'],
      g.headers['content-length'],
      g.headers.etag,
    ]);
  });

  it('answers a Range with the plain bytes (206), even when the browser accepts brotli', async () => {
    const r = await get('/js/app.1a2b3c4d.js', { 'accept-encoding': 'br', range: 'bytes=10-19' });
    expect(r.status).toBe(206);
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.headers['content-range']).toBe(`bytes 10-19/${JS.length}`);
    expect(r.body.equals(JS.subarray(10, 20))).toBe(true);
    const tail = await get('/js/app.1a2b3c4d.js', { range: 'bytes=-5' });
    expect(tail.body.equals(JS.subarray(JS.length - 5))).toBe(true);
    const bad = await get('/js/app.1a2b3c4d.js', { range: `bytes=${JS.length + 10}-` });
    expect([bad.status, bad.headers['content-range']]).toEqual([416, `bytes */${JS.length}`]);
  });

  it('parses ranges and Accept-Encoding as the RFCs say', () => {
    expect(parseRange('bytes=0-0', 10)).toEqual({ start: 0, end: 0 });
    expect(parseRange('bytes=5-100', 10)).toEqual({ start: 5, end: 9 });
    expect(parseRange('bytes=0-1,4-5', 10)).toBeUndefined(); // several ranges: the whole file
    expect(parseRange('items=0-1', 10)).toBeUndefined();
    expect(parseRange('bytes=-0', 10)).toBe('unsatisfiable');
    expect(negotiate('*')).toBe('br');
    expect(negotiate('*;q=0, gzip')).toBe('gzip');
    expect(negotiate('deflate')).toBeUndefined();
    expect(negotiate(undefined)).toBeUndefined();
  });
});
