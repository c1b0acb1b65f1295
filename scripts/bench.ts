/**
 * npm run bench — prints figures, asserts nothing:
 *  1. per function: minified bundle size and median cold `require` time of the bundle (fresh node each time);
 *  2. on a running local stack (in memory, free ports): requests/s and p50/p99 latency of the main
 *     read routes under a fixed load (autocannon, 10 connections, 10 s each; BENCH_SECONDS to change).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { build } from 'esbuild';
import { FAILSAFE_SCHEMA, load as loadYaml } from 'js-yaml';
import { freePort } from './lib/ports';
import { ROOT, startStack } from './lib/stack';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'; // local Node 20; Lambda runs 22 (read when a client is made)

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da6364f8cf00000301010018dd8db40000000049454e44ae426082',
  'hex',
);
const OUT = path.join(ROOT, '.bench');

async function functionsTable() {
  const fns = loadYaml(fs.readFileSync(path.join(ROOT, 'sls/functions.yml'), 'utf8'), { schema: FAILSAFE_SCHEMA }) as Record<string, { handler: string }>;
  fs.mkdirSync(OUT, { recursive: true });
  // the same packages left out of the bundle as the deployment (serverless.yml custom.esbuild.exclude: the SDK clients the runtime ships)
  const exclude = JSON.parse(/exclude: (\[.*\])/.exec(fs.readFileSync(path.join(ROOT, 'serverless.yml'), 'utf8'))![1].replace(/'/g, '"')) as string[];
  console.log(`\n## Functions (esbuild, minified, external: ${exclude.join(', ')})\n`);
  console.log('| function | bundle KiB | cold require p50 ms |');
  console.log('|---|---:|---:|');
  for (const [name, def] of Object.entries(fns)) {
    const entry = path.join(ROOT, `${def.handler.replace(/\.[^.]+$/, '')}.ts`);
    const outfile = path.join(OUT, `${name}.js`);
    await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      minify: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: exclude,
      logLevel: 'silent',
    });
    const kib = fs.statSync(outfile).size / 1024;
    const times: number[] = [];
    for (let i = 0; i < 9; i++) {
      const r = spawnSync(
        process.execPath,
        ['-e', `const t=process.hrtime.bigint();require(${JSON.stringify(outfile)});console.log(Number(process.hrtime.bigint()-t)/1e6)`],
        { cwd: ROOT, encoding: 'utf8', env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } },
      );
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
    const login = (await (await fetch(`${api}/v1/dev/login`, { method: 'POST', body: JSON.stringify({ userId: 'u-resident-zhang' }) })).json()) as {
      token: string;
    };
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
    const post = (route: string, body: unknown, headers: Record<string, string> = auth) =>
      fetch(`${api}${route}`, { method: 'POST', headers, body: JSON.stringify(body) }).then((r) => r.json());
    const ticket = (await post('/v1/files', { fileName: 'form.png', contentType: 'image/png', size: PNG.length })) as {
      fileId: string;
      upload: { url: string; fields: Record<string, string> };
    };
    const fd = new FormData();
    for (const [k, v] of Object.entries(ticket.upload.fields)) fd.append(k, v);
    fd.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'form.png');
    await fetch(ticket.upload.url, { method: 'POST', body: fd });
    await post(`/v1/files/${ticket.fileId}/complete`, {});
    const body = JSON.stringify({
      itemId: 'no-criminal-record',
      answers: {
        realName: '张晓明',
        idNumber: '440104199003070017',
        phone: '13800138000',
        street: 'beijing',
        purpose: 'employment',
        m0: [{ kind: 'elicence', licenceId: 'el_zhang_idcard' }],
        m1: [{ kind: 'upload', fileId: ticket.fileId }],
      },
    });
    let n = 0;
    await load('POST /v1/applications (submit)', `${api}/v1/applications`, auth, {
      method: 'POST',
      body,
      requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': `bench-${Date.now()}-${n++}` } }) }],
    });
    const receipt = (await (
      await fetch(`${api}/v1/applications`, { method: 'POST', headers: { ...auth, 'idempotency-key': `bench-last-${Date.now()}` }, body })
    ).json()) as { appNo: string; queryCode: string };
    await load(
      'POST /v1/lookup (no login)',
      `${api}/v1/lookup`,
      { 'content-type': 'application/json' },
      { method: 'POST', body: JSON.stringify({ appNo: receipt.appNo, code: receipt.queryCode }) },
    );
    await load('GET /v1/applications (mine)', `${api}/v1/applications?limit=20`, { authorization: `Bearer ${login.token}` });

    // 诉求: filing (each with its own idempotency key) and the team's list
    const woBody = JSON.stringify({
      categoryId: 'cityscape-garbage',
      description: '垃圾清运不及时（压测）',
      place: { lat: 23.12505, lng: 113.26915, address: '越秀区北京路' },
    });
    let m = 0;
    await load('POST /v1/workorders (file)', `${api}/v1/workorders`, auth, {
      method: 'POST',
      body: woBody,
      requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': `bench-wo-${Date.now()}-${m++}` } }) }],
    });
    const urban = (await (await fetch(`${api}/v1/dev/login`, { method: 'POST', body: JSON.stringify({ userId: 'u-staff-urban' }) })).json()) as {
      token: string;
    };
    await load('GET /v1/team/workorders (城管)', `${api}/v1/team/workorders`, { authorization: `Bearer ${urban.token}` });
    await load('GET /v1/workorders/nearby', `${api}/v1/workorders/nearby?categoryId=cityscape-garbage&lat=23.12505&lng=113.26915`, {
      authorization: `Bearer ${login.token}`,
    });
    await load('GET /v1/street/workorders (调度)', `${api}/v1/street/workorders?group=todo`, {
      authorization: `Bearer ${await devToken(api, 'u-dispatcher-beijing')}`,
    });

    await memberBench(api, stack.urls.dynamo, stack.clockFile);
  } finally {
    await stack.stop();
  }
}

const devToken = async (api: string, userId: string) =>
  ((await (await fetch(`${api}/v1/dev/login`, { method: 'POST', body: JSON.stringify({ userId }) })).json()) as { token: string }).token;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];

/** Rounds of `members` requests fired at the same moment; latency of each, as a person would feel it. */
async function burst(
  title: string,
  rounds: number,
  before: (round: number) => Promise<void> | void,
  fire: (i: number, round: number) => Promise<Response>,
  members: number,
) {
  const times: number[] = [];
  const statuses = new Map<number, number>();
  const t0 = Date.now();
  for (let round = 0; round < rounds; round++) {
    await before(round);
    await Promise.all(
      Array.from({ length: members }, async (_, i) => {
        const t = performance.now();
        const r = await fire(i, round);
        await r.arrayBuffer();
        times.push(performance.now() - t);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      }),
    );
  }
  const secs = (Date.now() - t0) / 1000;
  console.log(
    `| ${title} | ${times.length} | ${(times.length / secs).toFixed(0)} | ${pct(times, 50).toFixed(0)} | ${pct(times, 99).toFixed(0)} | ${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')} |`,
  );
}

/**
 * 会员专区 under 50 members acting at once: check-ins (a new day each round, moved with the stack's clock
 * file) and member-day claims, plus 500 claimers for the last 50 units.
 */
async function memberBench(api: string, dynamo: string, clockFile: string) {
  process.env.DYNAMODB_ENDPOINT = dynamo;
  process.env.TABLE_NAME = 'yx-local';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
  const { batchPut } = await import('../functions/src/guide/repository');
  const { seedUserItems } = await import('../functions/src/identity/repository');
  const { issueSession } = await import('../functions/src/lib/session');
  const people = async (n: number, tag: string) => {
    const ids = Array.from({ length: n }, (_, i) => `u-bench-${tag}-${i}`);
    await batchPut(ids.flatMap((id) => seedUserItems({ id, role: 'resident', nickname: id, createdAt: '2026-01-01', updatedAt: '2026-01-01' })));
    const tokens = await Promise.all(ids.map(async (userId) => (await issueSession({ userId, role: 'resident' })).token));
    await Promise.all(
      tokens.map((t) =>
        fetch(`${api}/v1/member/card`, { method: 'POST', headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' }, body: '{}' }),
      ),
    );
    return tokens;
  };
  const members = await people(50, `m${Date.now().toString(36)}`);
  const post = (route: string, token: string, headers: Record<string, string> = {}) =>
    fetch(`${api}${route}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers }, body: '{}' });
  const setDay = async (date: string) => {
    // 10:00 in Shanghai on `date`, as an offset from the real clock
    fs.writeFileSync(clockFile, JSON.stringify({ offsetMs: Date.parse(`${date}T02:00:00Z`) - Date.now() }));
    await new Promise((r) => setTimeout(r, 400)); // functions re-read the file every 250 ms
  };
  const day = (n: number) => new Date(Date.UTC(2027, 0, 1 + n)).toISOString().slice(0, 10);
  console.log('\n## 会员专区: 50 members at the same moment, per round (fetch from this process; latency as felt by each member)\n');
  console.log('| action | requests | req/s | p50 ms | p99 ms | statuses |');
  console.log('|---|---:|---:|---:|---:|---|');
  try {
    // warm the member function's workers first (serverless-offline starts one per concurrent call)
    await Promise.all(members.map((t) => fetch(`${api}/v1/member`, { headers: { authorization: `Bearer ${t}` } }).then((r) => r.arrayBuffer())));
    await burst(
      'POST /v1/member/check-in (a new day each round)',
      10,
      (r) => setDay(day(r)),
      (i) => post('/v1/member/check-in', members[i]),
      50,
    );
    await burst(
      'POST /v1/member/check-in (again, same day)',
      4,
      () => undefined,
      (i) => post('/v1/member/check-in', members[i]),
      50,
    );
    const admin = await devToken(api, 'u-admin');
    const benefit = (id: string, stock: number, perMemberLimit: number) =>
      fetch(`${api}/v1/admin/member/benefits`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          id,
          title: '压测福利',
          description: '',
          partner: '广东省博物馆',
          partnerId: 'gd-museum',
          stock,
          perMemberLimit,
          minLevel: 'standard',
          pointsPrice: 0,
          validDays: 7,
        }),
      });
    const tag = Date.now().toString(36);
    const made = await benefit(`bench-${tag}`, 100000, 10);
    if (made.status !== 201) throw new Error(`benefit not created: ${made.status} ${await made.text()}`);
    await setDay('2027-01-18');
    await burst(
      'POST /v1/member/benefits/{id}/claim (plenty of stock)',
      10,
      () => undefined,
      (i, r) => post(`/v1/member/benefits/bench-${tag}/claim`, members[i], { 'idempotency-key': `bench-${tag}-${i}-${r}` }),
      50,
    );
    const crowd = await people(500, `c${tag}`);
    await benefit(`last-${tag}`, 50, 1);
    await burst(
      'claim: 500 members, 50 units left (201 = code, 409 = 已领完)',
      1,
      () => undefined,
      (i) => post(`/v1/member/benefits/last-${tag}/claim`, crowd[i], { 'idempotency-key': `last-${tag}-${i}` }),
      500,
    );

    // the same code called in this process (no serverless-offline in between): what our handler and the store cost
    const { handler } = await import('../functions/src/member/handler');
    const { call } = await import('../functions/test/http');
    const inProcess =
      (routeKey: string, token: string, params: Record<string, string> = {}, key?: string) =>
      async () => {
        const r = await call(key ? (e) => handler({ ...e, headers: { ...e.headers, 'idempotency-key': key } }) : handler, routeKey, { token, params });
        return new Response(JSON.stringify(r.body), { status: r.status });
      };
    await burst(
      'in process: check-in (a new day each round)',
      10,
      (r) => {
        process.env.FAKE_NOW = `${day(20 + r)}T02:00:00Z`;
      },
      (i) => inProcess('POST /v1/member/check-in', members[i])(),
      50,
    );
    process.env.FAKE_NOW = '2027-02-18T02:00:00Z';
    await benefit(`proc-${tag}`, 100000, 10);
    await burst(
      'in process: claim (plenty of stock)',
      10,
      () => undefined,
      (i, r) => inProcess('POST /v1/member/benefits/{benefitId}/claim', members[i], { benefitId: `proc-${tag}` }, `proc-${tag}-${i}-${r}`)(),
      50,
    );
    const crowd2 = await people(500, `d${tag}`);
    const last = await benefit(`proc-last-${tag}`, 50, 1);
    if (last.status !== 201) throw new Error(`benefit not created: ${last.status} ${await last.text()}`);
    await burst(
      'in process: 500 members, 50 units left',
      1,
      () => undefined,
      (i) => inProcess('POST /v1/member/benefits/{benefitId}/claim', crowd2[i], { benefitId: `proc-last-${tag}` }, `pl-${tag}-${i}`)(),
      500,
    );
    delete process.env.FAKE_NOW;
  } finally {
    fs.writeFileSync(clockFile, JSON.stringify({ offsetMs: 0 }));
  }
}

(async () => {
  console.log(
    `# Bench ${new Date().toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
  );
  await functionsTable();
  if (process.argv.includes('--functions-only')) return; // bundle sizes and cold require only
  await routesTable();
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
