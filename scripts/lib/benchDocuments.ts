/**
 * The bench's 电子证明 figures (issue 15, docs/CERTIFICATES.md): the issuing function's cold start against its own
 * budget, issuing on the local stack one certificate after another, and verifying by serial + check code and by the file.
 * Prints figures, asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { FAILSAFE_SCHEMA, load as loadYaml } from 'js-yaml';
import { COST_COLUMNS, costCells, costOf } from './bench/cost';
import { ms, pct, median, statusText } from './bench/stats';
import type { Meter } from '../../functions/src/lib/meter';
import { ROOT } from './stack';

/** The issuing function's own budget (docs/CERTIFICATES.md §3): pdf-lib + fontkit cannot meet the ≤ 30 ms of the others. */
export const ISSUE_BUDGET = { requireMs: 200, firstCertificateMs: 800 };
/** The issue's limit on a certificate's PDF (also what an upload to check may weigh). */
export const PDF_LIMIT_BYTES = 300 * 1024;
/** Issues before the timed ones: the first loads pdf-lib, fontkit and the fonts in the worker. */
export const ISSUE_WARM_UPS = 3;

/** The issuing function's handler; its name is whatever sls/functions.yml calls it. */
const ISSUE_HANDLER = 'functions/src/certificates/issueHandler.handler';
const ITEM = 'no-criminal-record';
const ISSUER = '广州市公安局越秀区分局';
/** applicants' names: different characters, so each certificate's fonts are cut anew */
const NAMES = ['欧阳晓峰', '李嘉欣', '陈志强', '黄丽珍', '梁永康', '何婉仪', '罗家豪', '郑淑芬', '谢文彬', '冯雅琪', '邓国华', '曾美玲'];
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da6364f8cf00000301010018dd8db40000000049454e44ae426082',
  'hex',
);

// ---- cold start -------------------------------------------------------------------------------------

/** The name sls/functions.yml gives the issuing function. */
function issuingFunction(): string {
  const fns = loadYaml(fs.readFileSync(path.join(ROOT, 'sls/functions.yml'), 'utf8'), { schema: FAILSAFE_SCHEMA }) as Record<string, { handler: string }>;
  const name = Object.entries(fns).find(([, def]) => def.handler === ISSUE_HANDLER)?.[0];
  if (!name) throw new Error(`sls/functions.yml has no function with the handler ${ISSUE_HANDLER}`);
  return name;
}

/** The same packages left out of the bundle as the deployment (serverless.yml custom.esbuild.exclude; subset-font is the fonts layer's). */
const deploymentExternals = () =>
  JSON.parse(/exclude: (\[.*\])/.exec(fs.readFileSync(path.join(ROOT, 'serverless.yml'), 'utf8'))![1].replace(/'/g, '"')) as string[];

const bundleOptions = (outfile: string) =>
  ({
    outfile,
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: deploymentExternals(),
    logLevel: 'silent',
  }) as const;

/** A fresh node: requires `bundle`; with `first`, then makes one certificate as issueForApplication does (glyph check, layout, seal). */
function coldRun(bundle: string, first?: { runner: string; env: Record<string, string> }): { requireMs: number; firstMs?: number; bytes?: number } {
  const args = first
    ? [first.runner, bundle]
    : [
        '-e',
        `const t=process.hrtime.bigint();require(${JSON.stringify(bundle)});console.log(JSON.stringify({requireMs:Number(process.hrtime.bigint()-t)/1e6}))`,
      ];
  const r = spawnSync(process.execPath, args, {
    cwd: ROOT, // fontsDir(): node_modules/@expo-google-fonts/noto-serif-sc, as the layer's /opt/fonts when deployed
    encoding: 'utf8',
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...first?.env },
  });
  if (r.status !== 0) throw new Error(`${path.basename(bundle)} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { requireMs: number; firstMs?: number; bytes?: number };
}

/** Run in the fresh process: the clock starts before `require`, stops when the sealed PDF exists. */
const FIRST_CERTIFICATE_RUNNER = `const t0 = process.hrtime.bigint();
const m = require(process.argv[2]);
const t1 = process.hrtime.bigint();
const k = JSON.parse(process.env.BENCH_SEAL_KEY);
const c = JSON.parse(process.env.BENCH_DOCUMENT);
(async () => {
  const missing = await m.missingGlyphs(c.paragraphs.join(''));
  if (missing.length) throw new Error('missing glyphs: ' + missing.join(''));
  const pdf = m.sealPdf(await m.renderDocument({ ...c, at: new Date(c.at) }), k.privateKey, k.publicKey);
  const t2 = process.hrtime.bigint();
  console.log(JSON.stringify({ requireMs: Number(t1 - t0) / 1e6, firstMs: Number(t2 - t0) / 1e6, bytes: pdf.length }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

/**
 * The issuing function (documentsIssue) on its own budget line: its bundle's cold `require` (≤ 200 ms), and a fresh
 * process that requires the function's code and makes one certificate (≤ 800 ms): the glyph check, layout with the
 * fonts cut by subset-font (external, the layer's) and read from the npm package, and the seal. Alternate runs, medians.
 * pdf-lib, fontkit and subset-font load on first use (functions/src/certificates/pdf.ts), so the require leaves them to
 * the first certificate.
 */
export async function issuingColdStart(out: string, runs: number): Promise<void> {
  fs.mkdirSync(out, { recursive: true });
  const fn = issuingFunction();
  const dir = path.join(ROOT, 'functions/src/certificates');
  const bundle = path.join(out, `${fn}.js`);
  await build({ ...bundleOptions(bundle), entryPoints: [path.join(ROOT, `${ISSUE_HANDLER.replace(/\.[^.]+$/, '')}.ts`)] });
  // the function's code plus the three calls issueForApplication makes (tree shaking keeps the same modules)
  const probe = path.join(out, `${fn}.first.js`);
  await build({
    ...bundleOptions(probe),
    stdin: {
      contents: [
        "export { handler } from './issueHandler';",
        "export { missingGlyphs, renderDocument } from './pdf';",
        "export { sealPdf } from './seal';",
      ].join('\n'),
      resolveDir: dir,
      sourcefile: 'first-certificate.ts',
      loader: 'ts',
    },
  });
  const runner = path.join(out, `${fn}.first.run.js`);
  fs.writeFileSync(runner, FIRST_CERTIFICATE_RUNNER);

  const { newSigningKey } = await import('../../functions/src/certificates/keys');
  const { certificateText, cnDate } = await import('../../functions/src/certificates/templates');
  const { freshResidentId } = await import('../../functions/test/ids');
  const key = newSigningKey('police');
  const today = new Date().toISOString().slice(0, 10);
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + 89 * 86_400_000).toISOString().slice(0, 10);
  const text = certificateText(ITEM, { name: NAMES[0], idLabel: '公民身份号码', idNumber: freshResidentId() }, {}, { purpose: 'employment' }, today);
  if (!text.ok) throw new Error(text.reason);
  const serial = `ZM${today.replace(/-/g, '')}000001`;
  const document = {
    ...text.text,
    issuer: ISSUER,
    issuedOn: cnDate(today),
    serial,
    checkCode: 'K7M3QX',
    validUntil: cnDate(until),
    verifyUrl: `https://yx.example.cn/v/${serial}?c=K7M3QX`,
    keyId: key.keyId,
    at: new Date().toISOString(),
  };
  const env = { BENCH_SEAL_KEY: JSON.stringify({ privateKey: key.privateKey, publicKey: key.publicKey }), BENCH_DOCUMENT: JSON.stringify(document) };

  const requires: number[] = [];
  const firsts: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    requires.push(coldRun(bundle).requireMs);
    const f = coldRun(probe, { runner, env });
    firsts.push(f.firstMs!);
    bytes = f.bytes!;
  }
  const kib = fs.statSync(bundle).size / 1024;
  const flag = (v: number, budget: number) => (v > budget ? `**over by ${(v - budget).toFixed(0)} ms**` : 'ok');
  console.log(
    `\n## ${fn}: its own budget (docs/CERTIFICATES.md; pdf-lib + fontkit), cold require and require + first certificate, median of ${runs} alternate runs\n`,
  );
  console.log(
    `| function | bundle KiB | bundle ms | ≤ ${ISSUE_BUDGET.requireMs} ms | require + first certificate ms | ≤ ${ISSUE_BUDGET.firstCertificateMs} ms | PDF bytes |`,
  );
  console.log('|---|---:|---:|---|---:|---|---:|');
  console.log(
    `| ${fn} | ${kib.toFixed(1)} | ${median(requires).toFixed(1)} | ${flag(median(requires), ISSUE_BUDGET.requireMs)} | ${median(firsts).toFixed(0)} | ${flag(median(firsts), ISSUE_BUDGET.firstCertificateMs)} | ${bytes} |`,
  );
  console.log(
    '\nThe first certificate: a fresh node requires the function’s code, then checks the glyphs, lays out one 无犯罪记录证明 (fonts read from ' +
      'node_modules/@expo-google-fonts/noto-serif-sc, cut by subset-font) and seals it; no store, no upload. pdf-lib, fontkit and subset-font ' +
      `load on first use, so the require alone leaves them to the first certificate. The functions table also weighs its require against the others’ ≤ 30 ms for our code; this line is its budget.`,
  );
}

// ---- on the stack -----------------------------------------------------------------------------------

export interface Applicant {
  userId: string;
  token: string;
  appNo: string;
}

export interface Issued {
  token: string;
  serial: string;
  checkCode: string;
  pdf: Buffer;
}

const json = (token?: string, extra: Record<string, string> = {}) => ({
  ...(token ? { authorization: `Bearer ${token}` } : {}),
  'content-type': 'application/json',
  ...extra,
});

async function ok<T>(r: Response, what: string): Promise<T> {
  const text = await r.text();
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${text}`);
  return JSON.parse(text) as T;
}

/** A completed upload of the caller's (an ID card photo, when the resident has no e-licence). */
async function uploadPng(api: string, token: string): Promise<string> {
  const ticket = await ok<{ fileId: string; upload: { url: string; fields: Record<string, string> } }>(
    await fetch(`${api}/v1/files`, {
      method: 'POST',
      headers: json(token),
      body: JSON.stringify({ fileName: 'id.png', contentType: 'image/png', size: PNG.length }),
    }),
    'file ticket',
  );
  const fd = new FormData();
  for (const [k, v] of Object.entries(ticket.upload.fields)) fd.append(k, v);
  fd.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'id.png');
  await (await fetch(ticket.upload.url, { method: 'POST', body: fd })).arrayBuffer();
  await ok(await fetch(`${api}/v1/files/${ticket.fileId}/complete`, { method: 'POST', headers: json(token), body: '{}' }), 'file complete');
  return ticket.fileId;
}

type FormField = { key: string; type: string; required: boolean; options?: { value: string }[]; min?: number; max?: number };
type Form = {
  form: { fields: FormField[] };
  prefill: Record<string, unknown>;
  licences: { id: string; type: string }[];
  licenceTypes: Record<string, string | null>;
};

/** The form filled as functions/test/apply.ts `fill` does: what is prefilled kept, e-licences where there are any, a photo otherwise. */
async function filledAnswers(api: string, token: string): Promise<Record<string, unknown>> {
  const f = await ok<Form>(await fetch(`${api}/v1/forms/item-${ITEM}`, { headers: json(token) }), 'form');
  const answers: Record<string, unknown> = { ...f.prefill };
  for (const field of f.form.fields) {
    if (answers[field.key] !== undefined || !field.required) continue;
    if (field.type === 'choice') answers[field.key] = field.options![0].value;
    else if (field.type === 'phone') answers[field.key] = '13800138000';
    else if (field.type === 'file') {
      const type = f.licenceTypes[field.key];
      const lic = type ? f.licences.find((l) => l.type === type) : undefined;
      answers[field.key] = lic ? [{ kind: 'elicence', licenceId: lic.id }] : [{ kind: 'upload', fileId: await uploadPng(api, token) }];
    } else throw new Error(`form of ${ITEM}: no value for the required ${field.type} field ${field.key}`);
  }
  return answers;
}

/**
 * `n` new residents proven by face (L2) with a name and an ID number of their own (rows written directly, as
 * functions/test/people.ts does; sessions issued here), each with one submitted 无犯罪记录证明 application.
 * tableOfStack() must have pointed this process at the stack's table.
 */
export async function applicants(api: string, n: number, tag: string): Promise<Applicant[]> {
  const { batchPut } = await import('../../functions/src/guide/repository');
  const { seedUserItems } = await import('../../functions/src/identity/repository');
  const { hashIdNumber } = await import('../../functions/src/identity/service');
  const { issueSession } = await import('../../functions/src/lib/session');
  const { freshResidentId } = await import('../../functions/test/ids');
  const people = Array.from({ length: n }, (_, i) => ({ id: `u-doc-${tag}-${i}`, name: NAMES[i % NAMES.length], idNumber: freshResidentId() }));
  await batchPut(
    people.flatMap((p) =>
      seedUserItems(
        { id: p.id, role: 'resident', nickname: p.name, realName: p.name, idNumber: p.idNumber, idLevel: 2, createdAt: '2026-01-01', updatedAt: '2026-01-01' },
        hashIdNumber(p.idNumber),
      ),
    ),
  );
  const out: Applicant[] = [];
  for (let i = 0; i < people.length; i += 5) {
    out.push(
      ...(await Promise.all(
        people.slice(i, i + 5).map(async (p) => {
          const token = (await issueSession({ userId: p.id, role: 'resident' })).token;
          const answers = await filledAnswers(api, token);
          const r = await fetch(`${api}/v1/applications`, {
            method: 'POST',
            headers: json(token, { 'idempotency-key': `bench-doc-${p.id}` }),
            body: JSON.stringify({ itemId: ITEM, answers }),
          });
          return { userId: p.id, token, appNo: (await ok<{ appNo: string }>(r, `submit ${ITEM}`)).appNo };
        }),
      )),
    );
  }
  return out;
}

/** The stored PDF of a document, as its holder downloads it (detail → short-lived pdfUrl). */
async function storedPdf(api: string, token: string, serial: string): Promise<Buffer> {
  const d = await ok<{ pdfUrl: string }>(await fetch(`${api}/v1/me/documents/${serial}`, { headers: json(token) }), 'document detail');
  const r = await fetch(d.pdfUrl);
  if (r.status !== 200) throw new Error(`pdf: ${r.status}`);
  return Buffer.from(await r.arrayBuffer());
}

const ROUTE_COLUMNS = { head: `p50 ms | p99 ms | statuses | ${COST_COLUMNS.head}`, rule: `---:|---:|---|${COST_COLUMNS.rule}` };

/**
 * POST /v1/applications/{appNo}/document one at a time, each for another applicant's own application: the first
 * ISSUE_WARM_UPS untimed, then the rest; the stored PDFs fetched afterwards for their size. Returns one issued document.
 */
export async function issueTable(api: string, people: Applicant[]): Promise<Issued> {
  const timed = people.length - ISSUE_WARM_UPS;
  console.log(
    `\n## 电子证明 on the local stack: ${timed} certificates (${ITEM}) issued one after another after ${ISSUE_WARM_UPS} warm-ups, each a fresh face-proven resident’s own application\n`,
  );
  console.log(`| route | requests | ${ROUTE_COLUMNS.head} |`);
  console.log(`|---|---:|${ROUTE_COLUMNS.rule}|`);
  const times: number[] = [];
  const warm: number[] = [];
  const statuses = new Map<number, number>();
  const costs: Meter[] = [];
  const docs: { token: string; serial: string; checkCode: string }[] = [];
  for (const [i, p] of people.entries()) {
    const t = performance.now();
    const r = await fetch(`${api}/v1/applications/${p.appNo}/document`, { method: 'POST', headers: { authorization: `Bearer ${p.token}` } });
    const body = await r.text();
    const took = performance.now() - t;
    if (r.status === 200) {
      const d = JSON.parse(body) as { serial: string; checkCode: string };
      docs.push({ token: p.token, serial: d.serial, checkCode: d.checkCode });
    }
    if (i < ISSUE_WARM_UPS) {
      warm.push(took);
      if (r.status !== 200) throw new Error(`issue (warm-up): ${r.status} ${body}`);
      continue;
    }
    times.push(took);
    statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    const c = costOf(r);
    if (c && r.status === 200) costs.push(c);
  }
  console.log(
    `| POST /v1/applications/{appNo}/document | ${times.length} | ${ms(pct(times, 50))} | ${ms(pct(times, 99))} | ${statusText(statuses)} | ${costCells('write', costs)} |`,
  );
  const sizes: number[] = [];
  let sample: Issued | undefined;
  for (const d of docs) {
    const pdf = await storedPdf(api, d.token, d.serial);
    sizes.push(pdf.length);
    sample ??= { ...d, pdf };
  }
  const max = Math.max(...sizes);
  console.log(
    `\nWarm-ups: ${warm.map((t) => ms(t)).join(', ')} ms (the first in a cold worker: pdf-lib, fontkit, the fonts). ` +
      `Stored PDFs (GET /v1/me/documents/{serial} → pdfUrl, all ${sizes.length}): median ${median(sizes)} B, max ${max} B — ` +
      `limit < ${PDF_LIMIT_BYTES / 1024} KB: ${max < PDF_LIMIT_BYTES ? 'ok' : `**over by ${max - PDF_LIMIT_BYTES + 1} B**`}.`,
  );
  if (!sample) throw new Error('no certificate was issued');
  return sample;
}

/** One check of a file by upload, as the public page does: a ticket, the multipart POST to it, the check. */
async function uploadCheck(api: string, pdf: Buffer): Promise<{ outcome: string; cost?: Meter }> {
  const ticket = await ok<{ ticket: string; upload: { url: string; fields: Record<string, string> } }>(
    await fetch(`${api}/v1/verify/uploads`, { method: 'POST' }),
    'verify ticket',
  );
  const fd = new FormData();
  for (const [k, v] of Object.entries(ticket.upload.fields)) fd.append(k, v);
  fd.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'certificate.pdf');
  const posted = await fetch(ticket.upload.url, { method: 'POST', body: fd });
  await posted.arrayBuffer();
  if (posted.status >= 300) throw new Error(`verify upload: ${posted.status}`);
  const r = await fetch(`${api}/v1/verify/uploads/${ticket.ticket}`, { method: 'POST' });
  const cost = costOf(r);
  return { outcome: (await ok<{ outcome: string }>(r, 'verify upload check')).outcome, ...(cost ? { cost } : {}) };
}

/**
 * `n` checks of the issued file by upload, one after another (after one untimed), as a row of the verification table
 * (req/s = checks/s; "non-2xx" = checks that did not say genuine). Tickets are limited to 30 per address and hour.
 */
export async function uploadCheckRow(api: string, pdf: Buffer, n: number): Promise<void> {
  await uploadCheck(api, pdf);
  const times: number[] = [];
  const outcomes = new Map<string, number>();
  const costs: Meter[] = [];
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const c = await uploadCheck(api, pdf);
    times.push(performance.now() - t);
    outcomes.set(c.outcome, (outcomes.get(c.outcome) ?? 0) + 1);
    if (c.cost) costs.push(c.cost);
  }
  const secs = (performance.now() - t0) / 1000;
  const notGenuine = n - (outcomes.get('genuine') ?? 0);
  console.log(
    `| upload check, ${n} one at a time: POST /v1/verify/uploads + POST the file + POST /v1/verify/uploads/{ticket} | ${(n / secs).toFixed(1)} | ${ms(pct(times, 50))} | ${ms(pct(times, 99))} | ${notGenuine} | ${costCells('read', costs)} |`,
  );
}
