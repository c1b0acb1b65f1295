/**
 * npm run bench — prints figures, asserts nothing (scripts/lib/bench/*):
 *  1. per function: minified bundle size, and its cold `require` beside the SDK clients' alone (our code's share);
 *  2. a local stack (in memory, free ports) started step by step, and the H5 app's first screen in Chromium (bytes sent
 *     and decoded), against their goals; on it
 *  3. write routes under 10 and 50 connections (submit, each staff action, file, claim, check-in, benefit claim)
 *     against GET /v1/me, with the transaction conflicts the API logged;
 *  4. the main read routes under autocannon (10 connections);
 *  5. 电子证明 (scripts/lib/benchDocuments.ts): certificates issued one after another, then verified by serial + check
 *     code under autocannon and by uploading the file;
 *  6. the 会员专区 under 50 members at once and a crowd for the last units, also with the handler in process;
 *  7. 政策匹配 in memory, run before the stack (scripts/lib/bench/policies.ts): the matcher on 10, 50 and 100 % of
 *     148,000 firms × 4,288 items, brute force at 10 %, one firm's market page;
 *  8. 数据比对 against DynamoDB Local, after step 7 and before the stack (scripts/lib/bench/policiesStore.ts): one run of
 *     policies/batch.ts over 1,000 and 4,000 firms, each on its own in-memory DynamoDB Local, store calls, RCU and WCU per
 *     firm, time per shard, and the arithmetic to 148,000 firms;
 *  9. 预约 / 取号 / 叫号 on the stack after step 6 (scripts/lib/bench/appointments.ts), at points of its own with the clock on a
 *     weekday at 10:00: 50 people booking at once at the last 10 places of a slot and across slots with room, 50 walk-ins
 *     taking numbers at once (one wave, then waves for BENCH_SECONDS), two officers calling next / served while 20 hall
 *     screens poll every 1.5 s, and the time from a `next` answer until a screen shows the call;
 * 10. 信用 registry load against DynamoDB Local, after step 8 and before the stack (scripts/lib/benchCredit.ts): loadRecords
 *     over 10 % of the 2,073,700 public credit records (100 % with BENCH_CREDIT_FULL=1), each scale on its own in-memory
 *     DynamoDB Local: wall time, records/s, BatchWriteItem and the grade job's calls; one profile at a firm with 5,000 records.
 * 11. 居民议事 on the stack after step 9 (scripts/lib/bench/deliberation.ts), a community of its own: 200 residents voting
 *     at the same moment (1,000 at once is an API test, in process: serverless-offline runs a worker per concurrent call), then all changing their vote, 100 reading the live result, 100 opening the topic at the close
 *     (one makes the final count), and the check that every ballot is counted exactly once.
 * Step 1 also puts the issuing function (documentsIssue: pdf-lib + fontkit) on its own budget line: require, and
 * require + first certificate.
 * Every route row says what one request asks of DynamoDB (the local stage's x-store-cost header) against its budget.
 *   --functions-only  step 1 only
 *   --first-load      step 2 only
 *   --documents-only  documentsIssue's budget line and step 5 only (a stack on the last H5 build, no first screen)
 *   --policies-only   step 7 only (no stack; ~4 min, --quick: 10 % only)
 *   --policies-store  step 8 only (~7 min; --quick: 1,000 firms, no second run, ~2 min)
 *   --appointments-only  step 9 only (a stack on the last H5 build, no first screen; ~3 min with the stack's start, --quick ~2)
 *   --deliberation-only  step 11 only (a stack on the last H5 build, no first screen; 200 residents at once, --quick 100)
 *   --credit-only     step 10 only (no stack; ~6 min at 10 %; BENCH_CREDIT_FULL=1 adds 100 %, ~44 min more; --quick: 1 %)
 *   --quick           2 s loads, fewer members and rounds, 3 require runs: a smoke run of a couple of minutes
 *   BENCH_SECONDS     seconds per load (default 10; 2 with --quick)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { load as loadYaml } from 'js-yaml';
import { COST_COLUMNS, costCells, medianCost, sampleCosts, type RouteKind } from './lib/bench/cost';
import { firstScreenTable, setupTable } from './lib/bench/firstScreen';
import { functionsTable } from './lib/bench/functions';
import { appointmentsBench } from './lib/bench/appointments';
import { creditBench } from './lib/benchCredit';
import { deliberationBench } from './lib/bench/deliberation';
import { clockMover, dayIn, makeMembers, memberZone, tableOfStack } from './lib/bench/member';
import { policiesBench } from './lib/bench/policies';
import { policiesStoreBench } from './lib/bench/policiesStore';
import { application, writeRoutes } from './lib/bench/writes';
import { applicants, ISSUE_WARM_UPS, issueTable, issuingColdStart, uploadCheckRow } from './lib/benchDocuments';
import { freePort } from './lib/ports';
import { ROOT, startStack } from './lib/stack';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'; // local Node 20; Lambda runs 22 (read when a client is made)

const QUICK = process.argv.includes('--quick');
const DOCUMENTS_ONLY = process.argv.includes('--documents-only');
const POLICIES_ONLY = process.argv.includes('--policies-only');
const POLICIES_STORE = process.argv.includes('--policies-store');
const APPOINTMENTS_ONLY = process.argv.includes('--appointments-only');
const CREDIT_ONLY = process.argv.includes('--credit-only');
const DELIBERATION_ONLY = process.argv.includes('--deliberation-only');
const SECONDS = Number(process.env.BENCH_SECONDS ?? (QUICK ? 2 : 10));
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da6364f8cf00000301010018dd8db40000000049454e44ae426082',
  'hex',
);
const OUT = path.join(ROOT, '.bench');

const devToken = async (api: string, userId: string) =>
  (
    (await (
      await fetch(`${api}/v1/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) })
    ).json()) as { token: string }
  ).token;

/** A completed upload of the caller's (the submissions' material). */
async function uploadedFile(api: string, token: string): Promise<string> {
  const post = (route: string, body: unknown) =>
    fetch(`${api}${route}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const ticket = (await (await post('/v1/files', { fileName: 'form.png', contentType: 'image/png', size: PNG.length })).json()) as {
    fileId: string;
    upload: { url: string; fields: Record<string, string> };
  };
  const fd = new FormData();
  for (const [k, v] of Object.entries(ticket.upload.fields)) fd.append(k, v);
  fd.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'form.png');
  await fetch(ticket.upload.url, { method: 'POST', body: fd });
  await post(`/v1/files/${ticket.fileId}/complete`, {});
  return ticket.fileId;
}

/** One route under autocannon (10 connections), with what a few sample requests asked of the store. */
async function load(title: string, kind: RouteKind, url: string, headers: Record<string, string> = {}, extra: Partial<autocannon.Options> = {}) {
  const costs = await sampleCosts(() => fetch(url, { method: extra.method ?? 'GET', headers, body: extra.body as string | undefined }));
  const r = await autocannon({ url, connections: 10, duration: SECONDS, headers, ...extra });
  const bad = r.non2xx + r.errors + r.timeouts;
  console.log(`| ${title} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${bad} | ${costCells(kind, costs)} |`);
  return medianCost(costs);
}

async function readRoutes(api: string, fileId: string) {
  const zhang = await devToken(api, 'u-resident-zhang');
  const auth = { authorization: `Bearer ${zhang}` };
  console.log(`\n## Read routes on the local stack (serverless-offline + DynamoDB Local), autocannon 10 connections × ${SECONDS} s\n`);
  console.log(`| route | req/s | p50 ms | p99 ms | non-2xx | ${COST_COLUMNS.head} |`);
  console.log(`|---|---:|---:|---:|---:|${COST_COLUMNS.rule}|`);
  await load('GET /v1/health', 'read', `${api}/v1/health`);
  await load('GET /v1/services?limit=20', 'read', `${api}/v1/services?limit=20`);
  await load('GET /v1/services?q=营业执照', 'read', `${api}/v1/services?q=${encodeURIComponent('营业执照')}`);
  await load('GET /v1/services/{id}', 'read', `${api}/v1/services/company-establishment`);
  await load('GET /v1/bundles/{id}', 'read', `${api}/v1/bundles/birth`);
  await load('GET /v1/me (session)', 'read', `${api}/v1/me`, auth);

  // 掌上办: anonymous progress lookups of one submission, the applicant's list
  const body = JSON.stringify(application(fileId));
  const receipt = (await (
    await fetch(`${api}/v1/applications`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': `bench-last-${Date.now()}` },
      body,
    })
  ).json()) as { appNo: string; queryCode: string };
  await load(
    'POST /v1/lookup (no login; a read)',
    'read',
    `${api}/v1/lookup`,
    { 'content-type': 'application/json' },
    { method: 'POST', body: JSON.stringify({ appNo: receipt.appNo, code: receipt.queryCode }) },
  );
  await load('GET /v1/applications (mine)', 'read', `${api}/v1/applications?limit=20`, auth);

  // 诉求: the team's list, nearby orders of a category, the street's list
  await load('GET /v1/team/workorders (城管)', 'read', `${api}/v1/team/workorders`, { authorization: `Bearer ${await devToken(api, 'u-staff-urban')}` });
  const nearby = await load('GET /v1/workorders/nearby', 'read', `${api}/v1/workorders/nearby?categoryId=cityscape-garbage&lat=23.12505&lng=113.26915`, auth);
  await load('GET /v1/street/workorders (调度)', 'read', `${api}/v1/street/workorders?group=todo`, {
    authorization: `Bearer ${await devToken(api, 'u-dispatcher-beijing')}`,
  });
  console.log(
    '\nRead routes run after the write routes, so the lists and nearby hold what those filed. Store figures: median of 5 requests sent one after another before the load.',
  );
  const ops = nearby ? [...nearby.ops].map(([op, n]) => (n > 1 ? `${op}×${n}` : op)).join(', ') : '';
  console.log(`GET /v1/workorders/nearby: ${nearby ? `${nearby.calls} store calls per request (${ops})` : 'no x-store-cost header'}.`);
}

/**
 * 电子证明: certificates issued one at a time (each a fresh resident's own application, made beforehand), then one of
 * them verified by serial + check code under autocannon (only failures count against the address's limit) and by
 * uploading its file.
 */
async function documents(api: string, tag: string) {
  const people = await applicants(api, ISSUE_WARM_UPS + (QUICK ? 10 : 40), tag);
  const doc = await issueTable(api, people);
  console.log(`\n## Verifying a certificate (no login), autocannon 10 connections × ${SECONDS} s; the upload check one file at a time\n`);
  console.log(`| route | req/s | p50 ms | p99 ms | non-2xx | ${COST_COLUMNS.head} |`);
  console.log(`|---|---:|---:|---:|---:|${COST_COLUMNS.rule}|`);
  const verify = `${api}/v1/verify/${doc.serial}?c=${doc.checkCode}`;
  // serverless-offline starts a worker per concurrent call: warm the documents function's ten first, as the member zone does
  await Promise.all(Array.from({ length: 10 }, () => fetch(verify).then((r) => r.arrayBuffer())));
  await load('GET /v1/verify/{serial}?c=CODE', 'read', verify);
  await uploadCheckRow(api, doc.pdf, QUICK ? 10 : 20);
  console.log(
    `\nThe upload check's req/s is checks/s (three requests each, ${(doc.pdf.length / 1024).toFixed(1)} KiB posted), its non-2xx the checks that did not say genuine, its store figures the check request's.`,
  );
}

/** serverless.yml's tumbling window for the counters' aggregator (sls/functions.yml). */
function aggregatorWindowSeconds(): number {
  const fns = loadYaml(fs.readFileSync(path.join(ROOT, 'sls/functions.yml'), 'utf8')) as Record<
    string,
    { events?: { stream?: { tumblingWindowInSeconds?: number } }[] }
  >;
  return fns.countersAggregator?.events?.[0]?.stream?.tumblingWindowInSeconds ?? 2;
}

async function onStack() {
  const ports = { dynamo: await freePort(), api: await freePort(), lambda: await freePort(), web: await freePort(), wechat: await freePort() };
  // the aggregator as deployed: its own compute (niced here) and serverless.yml's tumbling window
  process.env.CLIENT_LIMIT_SCALE ??= '1000'; // the load is a few demo accounts doing what thousands of people do
  const stack = await startStack({
    ports,
    buildH5: !DOCUMENTS_ONLY && !APPOINTMENTS_ONLY && !DELIBERATION_ONLY,
    h5: { ifChanged: true, cache: true }, // as npm start: the first screen of the current sources
    quiet: true,
    readerYieldsCpu: true,
    readerWindowMs: aggregatorWindowSeconds() * 1000,
  });
  try {
    const api = stack.urls.api;
    const tag = Date.now().toString(36);
    if (DOCUMENTS_ONLY) {
      tableOfStack(stack.urls.dynamo);
      return await documents(api, tag);
    }
    if (APPOINTMENTS_ONLY) {
      tableOfStack(stack.urls.dynamo);
      return await appointmentsBench({ api, clockFile: stack.clockFile, seconds: SECONDS, tag });
    }
    if (DELIBERATION_ONLY) {
      tableOfStack(stack.urls.dynamo);
      return await deliberationBench({ api, clockFile: stack.clockFile, crowd: QUICK ? 100 : 200, tag });
    }
    setupTable(stack);
    await firstScreenTable(stack.urls.web);
    if (process.argv.includes('--first-load')) return;
    tableOfStack(stack.urls.dynamo);
    const token = (userId: string) => devToken(api, userId);
    const fileId = await uploadedFile(api, await token('u-resident-zhang'));
    const members = await makeMembers(api, QUICK ? 60 : 500, `m${tag}`);
    await writeRoutes({
      api,
      token,
      logFile: stack.logFile!, // quiet: the API's output is kept in a file
      seconds: SECONDS,
      members,
      setDay: clockMover(stack.clockFile),
      days: { 10: { checkIn: dayIn(1, 1), claim: dayIn(1, 18) }, 50: { checkIn: dayIn(2, 1), claim: dayIn(2, 18) } },
      fileId,
      tag,
    });
    fs.writeFileSync(stack.clockFile, JSON.stringify({ offsetMs: 0 }));
    await readRoutes(api, fileId);
    await documents(api, tag);
    await memberZone({ api, clockFile: stack.clockFile, members, rounds: QUICK ? 1 : 10, lastUnits: QUICK ? 10 : 50, tag, admin: await token('u-admin') });
    await appointmentsBench({ api, clockFile: stack.clockFile, seconds: SECONDS, tag });
    await deliberationBench({ api, clockFile: stack.clockFile, crowd: QUICK ? 100 : 200, tag });
  } finally {
    await stack.stop();
  }
}

(async () => {
  const t0 = Date.now();
  console.log(
    `# Bench ${new Date().toISOString()}${QUICK ? ' (--quick)' : ''} — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
  );
  if (POLICIES_ONLY) await policiesBench({ quick: QUICK });
  else if (POLICIES_STORE) await policiesStoreBench({ quick: QUICK });
  else if (CREDIT_ONLY) await creditBench({ quick: QUICK });
  else {
    if (!process.argv.includes('--first-load') && !APPOINTMENTS_ONLY && !DELIBERATION_ONLY) {
      if (!DOCUMENTS_ONLY) await functionsTable(OUT, QUICK ? 3 : 9);
      await issuingColdStart(OUT, QUICK ? 3 : 9);
    }
    // in memory, before the stack takes the cores
    if (!process.argv.includes('--first-load') && !process.argv.includes('--functions-only') && !DOCUMENTS_ONLY && !APPOINTMENTS_ONLY && !DELIBERATION_ONLY) {
      await policiesBench({ quick: QUICK });
      await policiesStoreBench({ quick: QUICK }); // its own DynamoDB Local, stopped before the stack starts
      await creditBench({ quick: QUICK }); // the same
    }
    if (!process.argv.includes('--functions-only')) await onStack();
  }
  console.log(`\n(bench took ${((Date.now() - t0) / 60000).toFixed(1)} min)`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
