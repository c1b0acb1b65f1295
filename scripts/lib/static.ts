import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
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
};

/**
 * Serves the H5 build and forwards /v1/* to the API, so the page and the API share one origin
 * (no CORS, and the same relative URLs work behind a CDN in production).
 */
export function serveH5(opts: { root: string; port: number; apiPort: number; files?: { dir: string; secret: string } }): Promise<http.Server> {
  const root = path.resolve(opts.root);
  const upload = opts.files ? localFilesHandler(opts.files) : undefined;
  const show = opts.files ? localFileGetHandler(opts.files) : undefined;
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
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
    });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve(server));
  });
}
