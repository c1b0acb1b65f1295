/**
 * npm run bench — prints figures, asserts nothing:
 *  1. per function: minified bundle size and median cold `require` time of the bundle (fresh node each time);
 *  2. on a running local stack (in memory, free ports): requests/s and p50/p99 latency of the main
 *     read routes under a fixed load (autocannon, 10 connections, 10 s each; BENCH_SECONDS to change).
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'; // local Node 20; Lambda runs 22
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { build } from 'esbuild';
import yaml from 'js-yaml';
import { freePort } from './lib/ports';
import { ROOT, startStack } from './lib/stack';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da6364f8cf00000301010018dd8db40000000049454e44ae426082', 'hex');
const OUT = path.join(ROOT, '.bench');

async function functionsTable() {
  const fns = yaml.load(fs.readFileSync(path.join(ROOT, 'sls/functions.yml'), 'utf8'), { schema: yaml.FAILSAFE_SCHEMA }) as Record<string, { handler: string }>;
  fs.mkdirSync(OUT, { recursive: true });
  console.log('\n## Functions (esbuild, minified, @aws-sdk external)\n');
  console.log('| function | bundle KiB | cold require p50 ms |');
  console.log('|---|---:|---:|');
  for (const [name, def] of Object.entries(fns)) {
    const entry = path.join(ROOT, `${def.handler.replace(/\.[^.]+$/, '')}.ts`);
    const outfile = path.join(OUT, `${name}.js`);
    await build({ entryPoints: [entry], outfile, bundle: true, minify: true, platform: 'node', target: 'node20', format: 'cjs', external: ['@aws-sdk/*'], logLevel: 'silent' });
    const kib = fs.statSync(outfile).size / 1024;
    const times: number[] = [];
    for (let i = 0; i < 9; i++) {
      const r = spawnSync(process.execPath, ['-e', `const t=process.hrtime.bigint();require(${JSON.stringify(outfile)});console.log(Number(process.hrtime.bigint()-t)/1e6)`], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
      times.push(Number(r.stdout.trim()));
    }
    times.sort((a, b) => a - b);
    console.log(`| ${name} | ${kib.toFixed(1)} | ${times[4].toFixed(1)} |`);
  }
}

async function load(title: string, url: string, headers: Record<string, string> = {}, extra: Partial<autocannon.Options> = {}) {
  const r = await autocannon({ url, connections: 10, duration: SECONDS, headers, ...extra });
  const bad = r.non2xx + r.errors + r.timeouts;
  console.log(`| ${title} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${bad} |`);
}

async function routesTable() {
  const ports = { dynamo: await freePort(), api: await freePort(), lambda: await freePort(), web: await freePort(), wechat: await freePort() };
  const stack = await startStack({ ports, buildH5: false, quiet: true });
  try {
    const api = stack.urls.api;
    const login = await (await fetch(`${api}/v1/dev/login`, { method: 'POST', body: JSON.stringify({ userId: 'u-resident-zhang' }) })).json() as { token: string };
    const q = encodeURIComponent('营业执照');
    console.log(`\n## Read routes on the local stack (serverless-offline + DynamoDB Local), 10 connections × ${SECONDS} s\n`);
    console.log('| route | req/s | p50 ms | p99 ms | non-2xx |');
    console.log('|---|---:|---:|---:|---:|');
    await load('GET /v1/health', `${api}/v1/health`);
    await load('GET /v1/services?limit=20', `${api}/v1/services?limit=20`);
    await load('GET /v1/services?q=营业执照', `${api}/v1/services?q=${q}`);
    await load('GET /v1/services/{id}', `${api}/v1/services/company-establishment`);
    await load('GET /v1/bundles/{id}', `${api}/v1/bundles/birth`);
    await load('GET /v1/me (session)', `${api}/v1/me`, { authorization: `Bearer ${login.token}` });

    // 掌上办: submissions (each with its own idempotency key) and anonymous progress lookups
    const auth = { authorization: `Bearer ${login.token}`, 'content-type': 'application/json' };
    const post = (path: string, body: unknown, headers: Record<string, string> = auth) => fetch(`${api}${path}`, { method: 'POST', headers, body: JSON.stringify(body) }).then((r) => r.json());
    const ticket = await post('/v1/files', { fileName: 'form.png', contentType: 'image/png', size: PNG.length }) as { fileId: string; upload: { url: string; fields: Record<string, string> } };
    const fd = new FormData();
    for (const [k, v] of Object.entries(ticket.upload.fields)) fd.append(k, v);
    fd.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'form.png');
    await fetch(ticket.upload.url, { method: 'POST', body: fd });
    await post(`/v1/files/${ticket.fileId}/complete`, {});
    const body = JSON.stringify({
      itemId: 'no-criminal-record',
      answers: { realName: '张晓明', idNumber: '440104199003070017', phone: '13800138000', street: 'beijing', purpose: 'employment', m0: [{ kind: 'elicence', licenceId: 'el_zhang_idcard' }], m1: [{ kind: 'upload', fileId: ticket.fileId }] },
    });
    let n = 0;
    await load('POST /v1/applications (submit)', `${api}/v1/applications`, auth, {
      method: 'POST', body,
      requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': `bench-${Date.now()}-${n++}` } }) }],
    });
    const receipt = await (await fetch(`${api}/v1/applications`, { method: 'POST', headers: { ...auth, 'idempotency-key': `bench-last-${Date.now()}` }, body })).json() as { appNo: string; queryCode: string };
    await load('POST /v1/lookup (no login)', `${api}/v1/lookup`, { 'content-type': 'application/json' }, { method: 'POST', body: JSON.stringify({ appNo: receipt.appNo, code: receipt.queryCode }) });
    await load('GET /v1/applications (mine)', `${api}/v1/applications?limit=20`, { authorization: `Bearer ${login.token}` });

    // 诉求: filing (each with its own idempotency key) and the team's list
    const woBody = JSON.stringify({ categoryId: 'cityscape-garbage', description: '垃圾清运不及时（压测）', place: { lat: 23.12505, lng: 113.26915, address: '越秀区北京路' } });
    let m = 0;
    await load('POST /v1/workorders (file)', `${api}/v1/workorders`, auth, {
      method: 'POST', body: woBody,
      requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': `bench-wo-${Date.now()}-${m++}` } }) }],
    });
    const urban = await (await fetch(`${api}/v1/dev/login`, { method: 'POST', body: JSON.stringify({ userId: 'u-staff-urban' }) })).json() as { token: string };
    await load('GET /v1/team/workorders (城管)', `${api}/v1/team/workorders`, { authorization: `Bearer ${urban.token}` });
    await load('GET /v1/workorders/nearby', `${api}/v1/workorders/nearby?categoryId=cityscape-garbage&lat=23.12505&lng=113.26915`, { authorization: `Bearer ${login.token}` });
  } finally {
    await stack.stop();
  }
}

(async () => {
  console.log(`# Bench ${new Date().toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`);
  await functionsTable();
  await routesTable();
})().catch((e) => { console.error(e); process.exit(1); });
