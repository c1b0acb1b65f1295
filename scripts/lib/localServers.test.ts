/**
 * The local stack's own servers answer bad requests with 400 and stay up (issue 13): a broken %-escape in a path used to
 * throw URIError in the web server, and a malformed multipart body crashed the upload endpoint (busboy's error event),
 * taking `npm start` down and leaving serverless-offline and DynamoDB Local as orphans.
 */
import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './ports';
import { serveH5 } from './static';

let server: http.Server;
let base: string;
beforeAll(async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yx-static-'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>ok</title>');
  const port = await freePort();
  server = await serveH5({ root, port, apiPort: 1, files: { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'yx-files-')), secret: 's' } });
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

const alive = async () => expect((await fetch(`${base}/`)).status).toBe(200);

describe('local servers under bad input', () => {
  it('answers a broken %-escape with 400 and keeps serving', async () => {
    expect((await fetch(`${base}/%E0%A4%A`)).status).toBe(400);
    await alive();
  });

  it('answers a malformed multipart upload with 400 and keeps serving', async () => {
    const r = await fetch(`${base}/local-files/upload`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: '--x\r\n',
    });
    expect(r.status).toBe(400);
    const garbage = await fetch(`${base}/local-files/upload`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=----b' },
      body: '------b\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\u0000\u0001',
    });
    expect(garbage.status).toBeGreaterThanOrEqual(400);
    await alive();
  });
});
