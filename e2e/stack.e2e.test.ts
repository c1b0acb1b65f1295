/**
 * The running local stack under the attack of issue 13: every route of its OpenAPI document, through the web server
 * (which the H5 page uses) and serverless-offline, gets hostile path segments (broken %-escapes, traversal, long), raw
 * bodies (1e400, 64 nested arrays, broken JSON, 20 KB, a malformed multipart body, plain text). No answer is a 5xx,
 * none hangs, and both servers still answer their health check at the end; so does the local upload endpoint after
 * a malformed multipart body.
 */
import { webUrl } from './browser';

jest.setTimeout(300_000);

const HOSTILE_SEGMENTS = ['%E0%A4%A', '..%2F..%2Fetc%2Fpasswd', '__proto__', 'a'.repeat(1500), '1e400', '%00'];
const BODIES: [string, string][] = [
  ['application/json', '{"a":1e400}'],
  ['application/json', `${'['.repeat(64)}${']'.repeat(64)}`],
  ['application/json', '{"answers":'],
  ['application/json', JSON.stringify({ code: 'x'.repeat(20 * 1024) })],
  ['multipart/form-data; boundary=zz', '--zz\r\nContent-Disposition: form-data; name="file"\r\n\r\nab'],
  ['text/plain', 'hello'],
];

interface Doc {
  paths: Record<string, Record<string, unknown>>;
}

async function send(url: string, init: RequestInit = {}): Promise<number> {
  const r = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000), redirect: 'manual' });
  await r.arrayBuffer();
  return r.status;
}

describe('the local stack under attack', () => {
  it('answers every route’s hostile requests with no 5xx and stays up', async () => {
    const base = webUrl().replace(/\/$/, '');
    const doc = (await (await fetch(`${base}/v1/openapi.json`)).json()) as Doc;
    const login = await fetch(`${base}/v1/dev/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'u-resident-li' }),
    });
    const { token } = (await login.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    const problems: string[] = [];
    let sent = 0;
    for (const [template, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops).map((m) => m.toUpperCase())) {
        const paths = template.includes('{') ? HOSTILE_SEGMENTS.map((seg) => template.replace(/\{\w+\}/g, seg)) : [template];
        for (const p of paths) {
          const bodies: ([string, string] | undefined)[] = method === 'GET' ? [undefined] : p === template || p.includes('%E0') ? BODIES : [BODIES[0]];
          for (const body of bodies) {
            const status = await send(`${base}${p}`, {
              method,
              headers: { ...auth, ...(body ? { 'content-type': body[0] } : {}) },
              ...(body ? { body: body[1] } : {}),
            }).catch((e: Error) => 599 + (e.name === 'TimeoutError' ? 1 : 0));
            sent++;
            if (status >= 500) problems.push(`${method} ${p.slice(0, 80)} ${body?.[0] ?? ''} → ${status}`);
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(300);
    expect(problems).toEqual([]);
    // the local upload endpoint, too, survives a malformed multipart body
    expect(
      await send(`${base}/local-files/upload`, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=zz' }, body: '--zz\r\nab' }),
    ).toBe(400);
    expect(await send(`${base}/%E0%A4%A`)).toBe(400);
    expect(await send(`${base}/v1/health`)).toBe(200);
    expect(await send(`${process.env.E2E_API_URL}/v1/health`)).toBe(200);
  });
});
