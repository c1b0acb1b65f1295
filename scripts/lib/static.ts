import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { localFileGetHandler, localFilesHandler } from './localFiles';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Text worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.map', '.txt']);
/** Below this a compressed answer saves less than its headers cost. */
export const MIN_COMPRESS_BYTES = 1024;
/** Files above this are sent as they are (nothing the build makes comes near it). */
const MAX_COMPRESS_BYTES = 16 * 1024 * 1024;

export type Encoding = 'br' | 'gzip';
/** The suffix of a precompressed copy beside a file (what precompress writes). */
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/** A name the build made unique to its content (`app.3f2a9c1b.js`): safe to cache for good. */
export const isHashedAsset = (file: string) => /\.[0-9a-f]{8,}\.(js|css)$/.test(path.basename(file));

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** The smallest output: brotli at its best quality, gzip at level 9 (each file is compressed once). */
export function compress(buf: Buffer, enc: Encoding): Promise<Buffer> {
  return enc === 'br'
    ? brotli(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length } })
    : gzip(buf, { level: 9 });
}

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file of a build, so the server reads them instead of
 * compressing at the first request. Returns how many files it compressed.
 */
export async function precompress(root: string): Promise<number> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (COMPRESSIBLE.has(path.extname(p)) && fs.statSync(p).size >= MIN_COMPRESS_BYTES) files.push(p);
    }
  };
  walk(root);
  // zlib's async calls run on libuv's pool (4 threads): a few at a time keeps every core busy
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      const buf = fs.readFileSync(file);
      for (const enc of ['br', 'gzip'] as const) fs.writeFileSync(file + SUFFIX[enc], await compress(buf, enc));
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return files.length;
}

/** The encoding to answer with, from Accept-Encoding (RFC 9110 §12.5.3): br before gzip; none when neither is acceptable. */
export function negotiate(accept: string | undefined): Encoding | undefined {
  if (!accept) return undefined;
  const q = new Map<string, number>();
  for (const part of accept.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qp ? Number(qp.slice(2)) : 1;
    q.set(name, Number.isNaN(value) ? 0 : value);
  }
  const ok = (enc: string) => (q.get(enc) ?? q.get('*') ?? 0) > 0;
  if (ok('br')) return 'br';
  if (ok('gzip')) return 'gzip';
  return undefined;
}

/** A single `bytes=` range of a `size`-byte file; 'unsatisfiable', or undefined for a header to ignore (several ranges, other units). */
export function parseRange(header: string, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const suffix = Number(m[2]); // the last n bytes
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

/** A file gone between stat and read (a rebuild under way) ends the answer instead of the server. */
const stream = (from: fs.ReadStream, res: http.ServerResponse) => from.on('error', () => res.destroy()).pipe(res);

interface Compressed {
  mtimeMs: number;
  size: number;
  body: Promise<Buffer>;
}

/**
 * Serves the H5 build and forwards /v1/* to the API, so the page and the API share one origin
 * (no CORS, and the same relative URLs work behind a CDN in production).
 *
 * Text (JS, CSS, HTML, JSON, SVG) goes out brotli- or gzip-compressed when the browser accepts it: the build's
 * precompressed copy when it is there and not older than the file, else compressed at the first request and kept in
 * memory until the file changes. `Vary: Accept-Encoding` on all of it. Names the build hashed are cached for a year
 * (`immutable`); index.html and every other file are revalidated (`no-cache` with an ETag, answered 304 when
 * unchanged), so a rebuild is picked up at the next load. A Range request gets the plain bytes (206, or 416).
 */
export function serveH5(opts: { root: string; port: number; apiPort: number; files?: { dir: string; secret: string } }): Promise<http.Server> {
  const root = path.resolve(opts.root);
  const upload = opts.files ? localFilesHandler(opts.files) : undefined;
  const show = opts.files ? localFileGetHandler(opts.files) : undefined;
  const cache = new Map<string, Compressed>();

  /** The file in `enc`, from the build's copy or compressed once (a failed compression is forgotten, to retry). */
  const encoded = (file: string, stat: fs.Stats, enc: Encoding): Promise<Buffer> => {
    const sibling = file + SUFFIX[enc];
    try {
      if (fs.statSync(sibling).mtimeMs >= stat.mtimeMs) return fs.promises.readFile(sibling);
    } catch {
      /* no precompressed copy */
    }
    const key = `${file}\0${enc}`;
    const hit = cache.get(key);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.body;
    const body = fs.promises.readFile(file).then((buf) => compress(buf, enc));
    body.catch(() => cache.delete(key));
    cache.set(key, { mtimeMs: stat.mtimeMs, size: stat.size, body });
    return body;
  };

  const sendFile = async (req: http.IncomingMessage, res: http.ServerResponse, file: string, stat: fs.Stats) => {
    const ext = path.extname(file);
    const compressible = COMPRESSIBLE.has(ext);
    const headers: http.OutgoingHttpHeaders = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': isHashedAsset(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      'last-modified': stat.mtime.toUTCString(),
    };
    if (compressible) headers.vary = 'Accept-Encoding';
    const tag = `${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}`;
    const range = typeof req.headers.range === 'string' ? req.headers.range : undefined;
    const enc =
      compressible && !range && stat.size >= MIN_COMPRESS_BYTES && stat.size <= MAX_COMPRESS_BYTES ? negotiate(req.headers['accept-encoding']) : undefined;
    headers.etag = `"${tag}${enc ? `-${enc}` : ''}"`;
    const inm = req.headers['if-none-match'];
    if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === headers.etag)) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const head = req.method === 'HEAD';
    if (enc) {
      const body = await encoded(file, stat, enc);
      res.writeHead(200, { ...headers, 'content-encoding': enc, 'content-length': body.length });
      res.end(head ? undefined : body);
      return;
    }
    headers['accept-ranges'] = 'bytes';
    // If-Range with another validator: the file changed, so send all of it
    const ifRange = req.headers['if-range'];
    const r = range && (!ifRange || ifRange === headers.etag) ? parseRange(range, stat.size) : undefined;
    if (r === 'unsatisfiable') {
      res.writeHead(416, { ...headers, 'content-range': `bytes */${stat.size}` });
      res.end();
      return;
    }
    if (r) {
      res.writeHead(206, { ...headers, 'content-range': `bytes ${r.start}-${r.end}/${stat.size}`, 'content-length': r.end - r.start + 1 });
      if (head) res.end();
      else stream(fs.createReadStream(file, { start: r.start, end: r.end }), res);
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': stat.size });
    if (head) res.end();
    else stream(fs.createReadStream(file), res);
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (upload && url.pathname === '/local-files/upload') return upload(req, res);
    if (show && url.pathname === '/local-files/file') return show(req, res);
    if (url.pathname.startsWith('/v1/') || url.pathname.startsWith('/open311/')) {
      const up = http.request(
        { host: '127.0.0.1', port: opts.apiPort, path: req.url, method: req.method, headers: { ...req.headers, host: `127.0.0.1:${opts.apiPort}` } },
        (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        },
      );
      up.on('error', () => {
        res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: { code: 'UPSTREAM_FAILED', message: '服务暂时不可用，请稍后再试' } }));
      });
      req.pipe(up);
      return;
    }
    // the QR code on a sealed document (issue 15): /v/<serial>?c=<code> opens the public verification page
    // (in WeChat, the same address is registered to open the mini-program's page: 扫普通链接二维码打开小程序)
    // 一事一码 (issue 16): /g/<item id> opens the item's guide
    const guide = /^\/g\/([a-z0-9-]{1,60})$/.exec(url.pathname);
    if (guide) {
      res.writeHead(302, { location: `/#/packages/guide/detail/index?id=${guide[1]}` });
      res.end();
      return;
    }
    // 信用码 (issue 20): /c/<credit code>?s=<proof> opens the merchant's public credit page (the proof lets a visitor rate)
    const merchant = /^\/c\/([0-9A-HJ-NPQRTUWXY]{18})$/.exec(url.pathname);
    if (merchant) {
      const q = new URLSearchParams({ code: merchant[1] });
      const proof = url.searchParams.get('s');
      if (proof && /^[A-Za-z0-9_-]{16,64}$/.test(proof)) q.set('s', proof);
      res.writeHead(302, { location: `/#/packages/credit/merchant/index?${q}` });
      res.end();
      return;
    }
    const verify = /^\/v\/([A-Z0-9]{1,20})$/.exec(url.pathname);
    if (verify) {
      const q = new URLSearchParams({ s: verify[1] });
      for (const k of ['c', 't']) if (url.searchParams.get(k)) q.set(k, url.searchParams.get(k)!);
      res.writeHead(302, { location: `/#/packages/verify/index?${q}` });
      res.end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(url.pathname);
    } catch {
      // a broken %-escape (GET /%E0%A4%A) is the client's mistake: answer 400 and stay up
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('bad request');
      return;
    }
    let file = path.join(root, decoded);
    if (!file.startsWith(root)) {
      res.writeHead(403);
      res.end();
      return;
    }
    let stat = fs.statSync(file, { throwIfNoEntry: false });
    // the build's own records (.yx-build.json) are not for the browser
    const hidden = path
      .relative(root, file)
      .split(path.sep)
      .some((part) => part.startsWith('.'));
    if (!stat || stat.isDirectory() || hidden) {
      // a missing script or stylesheet is a 404 (index.html in its place would fail as code); any other path is the app
      if (stat?.isFile() || ['.js', '.css', '.map', '.png', '.jpg', '.svg', '.woff2', '.br', '.gz'].includes(path.extname(file))) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
        res.end('not found');
        return;
      }
      file = path.join(root, 'index.html');
      stat = fs.statSync(file, { throwIfNoEntry: false });
      if (!stat) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('no H5 build: npm run build:h5');
        return;
      }
    }
    sendFile(req, res, file, stat).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve(server));
  });
}
