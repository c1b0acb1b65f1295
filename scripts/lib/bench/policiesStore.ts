/**
 * 数据比对 against a real store: functions/src/policies/batch.ts (`startRun`, then the local queue's worker running
 * `runShard` on each of the 16 shards) on DynamoDB Local, with every store call metered (functions/src/lib/meter.ts).
 *
 * Each scale gets its own DynamoDB Local (in memory, a free port: nothing shared with a running stack or CI) and its own
 * node process (the functions' store client and clock are per process, and the bench's stack comes after): the first N
 * firms of scripts/lib/bench/policyData.ts written as the app's Enterprise rows (their gsi2 `FIRMS#<shard>` keys),
 * each firm's legal representative's account, the bench's policies (all their items, with an original text) as
 * published versions, the clock fixed at BENCH_TODAY. Then one run over every 免申即享 item open on the day (what the
 * 02:00 run starts), drained as `npm run jobs` does — one worker, the shards one after another — and, at the first
 * scale, the same run again (the nightly run over firms already offered). The offers written are checked against the
 * matcher in memory on the same rows.
 *
 * What scales with the district is the per-firm part: a Query page (up to 1 MB) per ~2,300 firms of a shard, and one
 * TransactWriteItems per offer. The rest is per item and shard (run rows, the policies read, the shard's figures) and
 * does not grow with the firms; the printed extrapolation to 148,000 firms is that arithmetic, not a measurement.
 * 1,000 and 4,000 firms: DynamoDB Local takes ~7–13 ms per offer's transaction on 2 cores, so 4,000 firms (~28,000
 * offers) is already ~4 min of shards.
 *
 * Run on its own: `npm run bench -- --policies-store` (~7 min; `--quick`: 1,000 firms, no second run, ~2 min;
 * BENCH_STORE_FIRMS=1000,4000 sets the scales, the first one run twice unless --quick).
 */
import { buildMatchIndex, matchFirm, type MatchableItem } from '../../../shared/src/policies/matcher';
import { batchPut } from '../../../functions/src/guide/repository';
import { seedEnterpriseItem, seedUserItems } from '../../../functions/src/identity/repository';
import { drainLocalQueue } from '../../../functions/src/jobs/localQueue';
import { db } from '../../../functions/src/lib/db';
import { FIRM_SHARDS, type PolicyItemRecord, type PolicyRecord } from '../../../functions/src/lib/entities/policies';
import { addCapacity, currentMeter, newMeter, withMeter, type Meter } from '../../../functions/src/lib/meter';
import { runWork, startRun, type ItemRef, type PolicyWork } from '../../../functions/src/policies/batch';
import { factsOf } from '../../../functions/src/policies/firm';
import { getRun, indexMetaItem, seedPolicyItems, type EnterpriseRecord } from '../../../functions/src/policies/repository';
import { ensureTable } from '../dynamo';
import { inOwnStore } from './ownStore';
import { BENCH_TODAY, benchFirms, benchItems, DISTRICT, type BenchFirm } from './policyData';
import { median } from './stats';

const TABLE = 'yx-bench-policies';
/** the run's clock: 10:00 in Guangzhou on the bench's day */
const FAKE_NOW = `${BENCH_TODAY}T02:00:00.000Z`;
/** a policy's original text (政策原文): a few pages; the editor takes up to 20,000 字 */
const TEXT_CHARS = 3_000;
const INTERPRETATION_CHARS = 300;

// ---- in the child process: one scale against its own DynamoDB Local ----

/** A meter read out: the totals, calls per command, and capacity per command (RCU, WCU). */
interface Measured {
  calls: number;
  reads: number;
  writes: number;
  transactions: number;
  rcu: number;
  wcu: number;
  ops: Record<string, { calls: number; rcu: number; wcu: number }>;
}
interface ShardRun {
  shard: number;
  firms: number;
  offers: number;
  ms: number;
  cpuMs: number;
  store: Measured;
}
interface RunFigures {
  items: number;
  offers: number;
  startMs: number;
  drainMs: number;
  cpuMs: number;
  start: Measured;
  queue: Measured;
  shards: ShardRun[];
  /** the run rows' own figures (firms, offers), summed over the items: they must agree with the shards' */
  runRows: { firms: number; offers: number; unfinished: number };
}
export interface ScaleResult {
  firms: number;
  policies: number;
  loadMs: number;
  rows: number;
  /** a firm's Enterprise row, bytes as JSON (about its size in the store) */
  firmRowBytes: number;
  /** offers the matcher in memory finds on the same rows (the run must write exactly these) */
  expected: number;
  first: RunFigures;
  again?: RunFigures;
  peakRssMb: number;
}

/** Capacity per command, per meter: lib/db's meter sums it over all commands; the bench wants it split. */
const byCommand = new WeakMap<Meter, Map<string, Meter>>();
function splitCapacityByCommand(): void {
  db().middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      const meter = currentMeter();
      if (meter) {
        const command = String(context.commandName).replace(/Command$/, '');
        const per = byCommand.get(meter) ?? new Map<string, Meter>();
        byCommand.set(meter, per);
        const m = per.get(command) ?? newMeter();
        per.set(command, m);
        addCapacity(m, command, (out.output as { ConsumedCapacity?: Parameters<typeof addCapacity>[2] }).ConsumedCapacity);
      }
      return out;
    },
    // outside lib/db's meter (which asks for the capacity): sees the answer it passes back
    { step: 'initialize', name: 'benchCapacityByCommand', priority: 'high' },
  );
}

function measured(m: Meter): Measured {
  const per = byCommand.get(m);
  const ops: Measured['ops'] = {};
  for (const [op, calls] of m.ops) ops[op] = { calls, rcu: per?.get(op)?.rcu ?? 0, wcu: per?.get(op)?.wcu ?? 0 };
  return { calls: m.calls, reads: m.reads, writes: m.writes, transactions: m.transactions, rcu: m.rcu ?? 0, wcu: m.wcu ?? 0, ops };
}

const cpuMsSince = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

/** The bench's items as published policies (version as generated), each with its original text and interpretation. */
function policiesOf(items: readonly MatchableItem[]): PolicyRecord[] {
  const byPolicy = new Map<string, MatchableItem[]>();
  for (const i of items) byPolicy.set(i.policyId, [...(byPolicy.get(i.policyId) ?? []), i]);
  const para = '为进一步优化营商环境，支持辖区企业高质量发展，结合本区实际，制定本措施。符合条件的企业按规定享受扶持，具体以本文件为准。';
  return [...byPolicy].map(([id, its]) => ({
    id,
    version: its[0].policyVersion,
    status: 'published' as const,
    title: `越秀区扶持政策 ${id}`,
    issuer: '越秀区工业和信息化局',
    docNo: `越工信〔2026〕${id.slice(-4)}号`,
    issuedOn: its[0].validFrom,
    text: para.repeat(Math.ceil(TEXT_CHARS / para.length)).slice(0, TEXT_CHARS),
    interpretation: para.repeat(Math.ceil(INTERPRETATION_CHARS / para.length)).slice(0, INTERPRETATION_CHARS),
    topics: [],
    items: its.map((i, k): PolicyItemRecord => ({
      id: i.id,
      title: `第 ${k + 1} 项 ${i.mode === 'auto' ? '免申即享' : '依申请'}扶持`,
      benefit: i.benefit,
      conditions: i.conditions,
      validFrom: i.validFrom,
      validTo: i.validTo,
      mode: i.mode,
    })),
    savedAt: `${BENCH_TODAY}T00:00:00.000Z`,
    savedBy: 'bench',
  }));
}

/** A bench firm as the registry's row (every row has a grade: those the generator left without one get B). */
function enterpriseOf(f: BenchFirm, i: number): EnterpriseRecord {
  const { declared: _declared, creditCode, grade, ...facts } = f; // 企业自报 is not counted by 免申即享
  return {
    creditCode,
    name: `越秀样本企业${String(i).padStart(6, '0')}有限公司`,
    grade: grade ?? 'B',
    legalRepresentative: '陈志强',
    address: '广州市越秀区东风中路 1 号',
    legalUserId: `u-bench-legal-${i}`,
    ...facts,
  };
}

/** Rows written 25 to a BatchWriteItem (lib's batchPut), a few batches at a time. */
async function load(rows: Record<string, unknown>[]): Promise<void> {
  const chunk = 25 * 40;
  const parts = Array.from({ length: Math.ceil(rows.length / chunk) }, (_, k) => rows.slice(k * chunk, (k + 1) * chunk));
  for (let k = 0; k < parts.length; k += 4) await Promise.all(parts.slice(k, k + 4).map((p) => batchPut(p)));
}

async function oneRun(refs: ItemRef[], peak: { rss: number }): Promise<RunFigures> {
  let t = performance.now();
  const cpu = process.cpuUsage();
  const started = await withMeter(() => startRun(refs));
  const startMs = performance.now() - t;
  const shards: ShardRun[] = [];
  t = performance.now();
  // drainPolicyMatches(), with each shard timed and metered on its own (the queue's own calls stay on the outer meter)
  const drained = await withMeter(() =>
    drainLocalQueue('policyMatch', async (body) => {
      const s0 = performance.now();
      const c0 = process.cpuUsage();
      const { value, meter } = await withMeter(() => runWork(body as PolicyWork) as Promise<{ firms: number; offers: number }>);
      shards.push({ shard: (body as { shard: number }).shard, ...value, ms: performance.now() - s0, cpuMs: cpuMsSince(c0), store: measured(meter) });
      peak.rss = Math.max(peak.rss, process.memoryUsage().rss);
    }),
  );
  const drainMs = performance.now() - t;
  const cpuMs = cpuMsSince(cpu);
  const runRows = { firms: 0, offers: 0, unfinished: 0 };
  for (const r of refs) {
    const row = await getRun(r.policyId, r.itemId);
    if (row?.runId !== started.value) continue;
    runRows.firms += row.firms;
    runRows.offers += row.offers;
    if (!row.finishedAt) runRows.unfinished++;
  }
  return {
    items: refs.length,
    offers: shards.reduce((s, x) => s + x.offers, 0),
    startMs,
    drainMs,
    cpuMs,
    start: measured(started.meter),
    queue: measured(drained.meter),
    shards: shards.sort((a, b) => a.shard - b.shard),
    runRows,
  };
}

async function scale(n: number, again: boolean): Promise<ScaleResult> {
  splitCapacityByCommand();
  const items = benchItems(DISTRICT.items);
  const auto = items.filter((i) => i.mode === 'auto');
  const firms = benchFirms(n, { itemIds: auto.map((i) => i.id) }).map(enterpriseOf);
  const policies = policiesOf(items);
  const t = performance.now();
  const rows: Record<string, unknown>[] = [indexMetaItem(1), ...policies.flatMap(seedPolicyItems)];
  for (const e of firms) {
    rows.push(seedEnterpriseItem(e));
    const at = `${BENCH_TODAY}T00:00:00.000Z`;
    rows.push(
      ...seedUserItems({
        id: e.legalUserId!,
        role: 'enterprise',
        nickname: e.legalRepresentative,
        enterpriseCode: e.creditCode,
        firmRole: 'legal',
        createdAt: at,
        updatedAt: at,
      }),
    );
  }
  await load(rows);
  const loadMs = performance.now() - t;

  // the 02:00 run's items: every 免申即享 item open on the day (batch.ts scheduledRun)
  const open = (i: MatchableItem) => i.validFrom <= BENCH_TODAY && BENCH_TODAY <= i.validTo;
  const runItems = auto.filter(open);
  const refs: ItemRef[] = runItems.map((i) => ({ policyId: i.policyId, version: i.policyVersion, itemId: i.id }));
  const index = buildMatchIndex(runItems);
  let expected = 0;
  for (const e of firms)
    for (const { judgement: j } of matchFirm(index, factsOf(e), { today: BENCH_TODAY, useDeclared: false, openOnly: true }))
      if (j.verdict === 'eligible' && j.amountYuan) expected++;

  const peak = { rss: process.memoryUsage().rss };
  const first = await oneRun(refs, peak);
  const second = again ? await oneRun(refs, peak) : undefined;
  const firmRowBytes = firms.reduce((sum, e) => sum + Buffer.byteLength(JSON.stringify(seedEnterpriseItem(e))), 0) / n;
  return { firms: n, policies: policies.length, loadMs, rows: rows.length, firmRowBytes, expected, first, again: second, peakRssMb: peak.rss / 2 ** 20 };
}

// ---- in the bench's process: a DynamoDB Local and a child per scale, then the tables ----

/** One scale: its own DynamoDB Local (in memory, a free port) and node process; stopped whatever happens. */
async function measureScale(n: number, again: boolean): Promise<ScaleResult> {
  const { result } = await inOwnStore<ScaleResult>({
    script: __filename,
    args: [String(n), ...(again ? ['--again'] : [])],
    what: `the store bench at ${n} firms`,
    prepare: async (endpoint) => void (await ensureTable(endpoint, TABLE)),
    tableName: TABLE,
    env: { FAKE_NOW },
  });
  return result;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const f2 = (n: number) => (Math.round(n * 100) / 100).toLocaleString('en-US');
const sec = (ms: number) => (ms / 1000).toFixed(1);

/** The calls, RCU and WCU of a command over the shards (0 when none). */
function shardOp(r: RunFigures, op: string) {
  const out = { calls: 0, rcu: 0, wcu: 0 };
  for (const s of r.shards) {
    const x = s.store.ops[op];
    if (x) {
      out.calls += x.calls;
      out.rcu += x.rcu;
      out.wcu += x.wcu;
    }
  }
  return out;
}

/** A run's store figures: everything, and the part that grows with the firms (firm pages + offers) apart. */
function totals(r: RunFigures) {
  const parts = [r.start, r.queue, ...r.shards.map((s) => s.store)];
  const sum = (k: 'calls' | 'reads' | 'writes' | 'transactions' | 'rcu' | 'wcu') => parts.reduce((s, p) => s + p[k], 0);
  const pages = shardOp(r, 'Query');
  const offers = shardOp(r, 'TransactWriteItems');
  const all = { calls: sum('calls'), reads: sum('reads'), writes: sum('writes'), transactions: sum('transactions'), rcu: sum('rcu'), wcu: sum('wcu') };
  const perFirm = { calls: pages.calls + offers.calls, rcu: pages.rcu + offers.rcu, wcu: pages.wcu + offers.wcu };
  const fixed = { calls: all.calls - perFirm.calls, rcu: all.rcu - perFirm.rcu, wcu: all.wcu - perFirm.wcu };
  return { all, pages, offers, perFirm, fixed };
}

const opsText = (m: Measured) =>
  Object.entries(m.ops)
    .map(([op, x]) => `${op} ${int(x.calls)}`)
    .join(', ');

/** The scales (firms) and whether the first is run a second time; BENCH_STORE_FIRMS=1000,4000 overrides the scales. */
function plan(quick: boolean): { scales: number[]; again: boolean } {
  const given = process.env.BENCH_STORE_FIRMS?.split(',').map(Number);
  return { scales: given ?? (quick ? [1_000] : [1_000, 4_000]), again: !quick };
}

export async function policiesStoreBench(opts: { quick: boolean }): Promise<void> {
  const { scales, again } = plan(opts.quick);
  const t0 = performance.now();
  const results: ScaleResult[] = [];
  for (const [k, n] of scales.entries()) results.push(await measureScale(n, again && k === 0));
  const r0 = results[0];

  console.log(`\n## 数据比对 against DynamoDB Local (functions/src/policies/batch.ts), on ${BENCH_TODAY}\n`);
  console.log(
    `Each scale on its own DynamoDB Local (in memory) and node process: the first N firms of the bench's data as Enterprise rows (gsi2 \`FIRMS#<shard>\`, ` +
      `${FIRM_SHARDS} shards, ~${int(r0.firmRowBytes)} bytes each as JSON), each with its legal representative's account (so every offer's transaction ` +
      `writes 4 rows: the offer, the message, the unread counter, the outbox record), the ${int(r0.policies)} policies of the ${int(DISTRICT.items)} items ` +
      `published (original text ${int(TEXT_CHARS)} 字). One run over the ${r0.first.items} 免申即享 items open on the day (startRun, as the 02:00 run does), ` +
      `drained as \`npm run jobs\` does: one worker, the shards one after another (in the cloud, a Lambda per shard, all at once). Every store call is ` +
      `metered (lib/meter), with the capacity DynamoDB Local reports. "the run again": the same run once more over firms already offered (the nightly run). ` +
      `DynamoDB Local's times are not DynamoDB's; the calls are what a run asks of the store.\n`,
  );
  console.log(
    '| firms | offers written (the matcher in memory) | run s (start · shards) | s per shard (median · max) | worker CPU s · peak RSS MB | store calls | reads · writes · transactions | calls per firm (all · pages + offers) | RCU per firm (all · pages) | WCU per firm (all · offers) |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const row = (label: string, r: ScaleResult, run: RunFigures, expected: number) => {
    const t = totals(run);
    const times = run.shards.map((s) => s.ms);
    const check = run.offers === expected && run.runRows.offers === run.offers && !run.runRows.unfinished ? '' : ' **≠**';
    const per = (x: number) => f2(x / r.firms);
    const matcher = run === r.first ? int(r.expected) : `${int(r.expected)}, all offered already`;
    console.log(
      `| ${label} | ${int(run.offers)}${check} (${matcher}) | ${sec(run.startMs)} · ${sec(run.drainMs)} | ${sec(median(times))} · ${sec(Math.max(...times))} | ` +
        `${sec(run.cpuMs)} · ${int(r.peakRssMb)} | ${int(t.all.calls)} | ${int(t.all.reads)} · ${int(t.all.writes)} · ${int(t.all.transactions)} | ` +
        `${per(t.all.calls)} · ${per(t.perFirm.calls)} | ${per(t.all.rcu)} · ${per(t.pages.rcu)} | ${per(t.all.wcu)} · ${per(t.offers.wcu)} |`,
    );
  };
  for (const r of results) {
    row(int(r.firms), r, r.first, r.expected);
    if (r.again) row(`${int(r.firms)}, the run again`, r, r.again, 0);
  }
  console.log(
    `\nLoaded beforehand (not metered; BatchWriteItem, 25 rows a call, 4 calls at a time): ` +
      results.map((r) => `${int(r.rows)} rows for ${int(r.firms)} firms in ${sec(r.loadMs)} s`).join(', ') +
      '. Offers written: summed over the shards, checked against the run rows (every one finished) and the matcher in memory on the same rows.',
  );
  if (results.some((r) => r.first.offers !== r.expected || r.first.runRows.offers !== r.first.offers || r.first.runRows.unfinished))
    console.log('\n**≠: the offers written differ from the matcher in memory, or the run rows disagree or are unfinished.**');

  console.log('\nWhere the calls go:\n');
  console.log('| firms | part | calls | per | RCU | WCU |');
  console.log('|---:|---|---:|---|---:|---:|');
  for (const r of results) {
    for (const [label, run] of [[int(r.firms), r.first], ...(r.again ? [[`${int(r.firms)} again`, r.again]] : [])] as [string, RunFigures][]) {
      const t = totals(run);
      const get = shardOp(run, 'GetItem');
      const upd = shardOp(run, 'UpdateItem');
      const perItemShard = (x: number) => f2(x / (run.items * FIRM_SHARDS));
      const lines: [string, { calls: number; rcu: number; wcu: number }, string][] = [
        [`start: ${opsText(run.start)}`, run.start, `a run row per item, a queue row per shard`],
        [`local queue: ${opsText(run.queue)} (SQS in the cloud)`, run.queue, `Query until empty, a DeleteItem per message`],
        ['shards: GetItem (run row, current policy, policy version)', get, `${perItemShard(get.calls)} per item and shard`],
        ["shards: UpdateItem (the shard's figures on each run row)", upd, `${perItemShard(upd.calls)} per item and shard`],
        ['shards: Query gsi2 (firm pages)', t.pages, `${f2(t.pages.calls / FIRM_SHARDS)} per shard`],
        ['shards: TransactWriteItems (offers)', t.offers, `${f2(t.offers.calls / r.firms)} per firm, ${f2(run.offers / r.firms)} offers written per firm`],
      ];
      for (const [part, x, per] of lines) console.log(`| ${label} | ${part} | ${int(x.calls)} | ${per} | ${f2(x.rcu)} | ${f2(x.wcu)} |`);
    }
  }

  // the extrapolation: the largest scale's per-firm part times the district, plus its fixed part (items × shards)
  const big = results[results.length - 1];
  const t = totals(big.first);
  const per = { calls: t.perFirm.calls / big.firms, rcu: t.perFirm.rcu / big.firms, wcu: t.perFirm.wcu / big.firms, offers: big.first.offers / big.firms };
  const N = DISTRICT.firms;
  const perShard = (per.offers * N) / FIRM_SHARDS;
  const perPage = Math.floor(2 ** 20 / big.firmRowBytes);
  console.log(
    `\nWhat grows with the firms is the per-firm part: the firm pages (a Query returns up to 1 MB: ~${int(perPage)} firms of ~${int(big.firmRowBytes)} bytes, ` +
      `so ~${Math.ceil(N / FIRM_SHARDS / perPage)} pages a shard at ${int(N)} firms) and one TransactWriteItems per offer. At ${int(big.firms)} firms it is ` +
      `${f2(per.calls)} calls, ${f2(per.rcu)} RCU and ${f2(per.wcu)} WCU per firm (${f2(per.offers)} offers per firm). The rest — ${int(t.fixed.calls)} calls, ` +
      `${int(t.fixed.rcu)} RCU, ${int(t.fixed.wcu)} WCU — is per item and shard (${big.first.items} items × ${FIRM_SHARDS} shards), the same at any number of firms. ` +
      `A firm's row lists what it was offered, so "the run again" skips those offers without a write. ` +
      `DynamoDB Local reports 6 WCU for an offer's 4-row transaction; DynamoDB's published rate for transactional writes is 2 WCU per row and KB.`,
  );
  console.log(
    `**Extrapolation, not a measurement** (arithmetic from the ${int(big.firms)}-firm run): at ${int(N)} firms a first run is ~${int(t.fixed.calls + per.calls * N)} store calls ` +
      `(~${int(per.offers * N)} TransactWriteItems), ~${int(t.fixed.rcu + per.rcu * N)} RCU and ~${int(t.fixed.wcu + per.wcu * N)} WCU as DynamoDB Local counts them; ` +
      `each of the ${FIRM_SHARDS} shards (~${int(N / FIRM_SHARDS)} firms) sends ~${int(perShard)} transactions, 16 in flight ` +
      `(${f2((300_000 * 16) / perShard)} ms each at most within the worker's 300 s timeout; a shard near it hands the rest to a follow-up message). ` +
      `A second run skips what was offered.`,
  );
  console.log(`\n(store section took ${((performance.now() - t0) / 60_000).toFixed(1)} min)`);
}

// the child: one scale, its figures as the last line of output
if (require.main === module) {
  const n = Number(process.argv[2]);
  scale(n, process.argv.includes('--again'))
    .then((r) => {
      process.stdout.write(`${JSON.stringify(r)}\n`);
      process.exit(0);
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
