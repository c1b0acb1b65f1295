/**
 * 信用 registry load against DynamoDB Local (issue 20): functions/src/credit/registry.ts `loadRecords` over the
 * district's 双公示 records — 10 % (207,370 records) and, with BENCH_CREDIT_FULL=1, 100 % (2,073,700: docs/PRODUCT.md)
 * — then the cost of one public profile request at a firm with 5,000 records.
 *
 * The data (seeded: the same on every run): firms in proportion (14,800 and 148,000, the district's graded firms), each
 * with its registry row (written beforehand, as the registry's firm load would: not in the figures). Records per firm
 * skewed like a registry's: most firms a handful, a few chains thousands of licences (firm 0 exactly 5,000, for the
 * profile probe); ~0.17 % penalties (the seeds' 3,561 of 2,073,700: a quarter by summary procedure, never published;
 * one in ten serious), ~0.3 % honours, the rest licences; dates over ten years back from the load's day, so the
 * publication rules publish some penalties and not others. Records are generated as the loader takes them, so memory
 * stays a few batches whatever the scale.
 *
 * Each scale has its own DynamoDB Local (in memory, a free port) and node process (as the 数据比对 section does).
 *
 *   npm run bench -- --credit-only            10 % (~6 min on 2 cores)
 *   BENCH_CREDIT_FULL=1 npm run bench -- --credit-only   10 % and 100 % (~50 min on 2 cores: 100 % alone took 44)
 *   --quick                                    1 % only (a smoke run)
 *   BENCH_CREDIT_WRITERS (8), BENCH_CREDIT_GRADERS (16): BatchWriteItem calls in flight, firms graded at once;
 *   BENCH_CREDIT_RECORDS=207370,2073700: the scales, in records
 */
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { addMonths } from '../../shared/src/credit/rules';
import { creditCodeCheckChar } from '../../shared/src/identity/idNumbers';
import { handler as creditHandler } from '../../functions/src/credit/handler';
import { loadRecords, type LoadReport, type RegistryFirm, type RegistryRecord } from '../../functions/src/credit/registry';
import * as repo from '../../functions/src/credit/repository';
import { today } from '../../functions/src/credit/firm';
import { batchPut } from '../../functions/src/guide/repository';
import { seedEnterpriseItem } from '../../functions/src/identity/repository';
import type { HttpEvent } from '../../functions/src/lib/http';
import { parseStoreCost, STORE_COST_HEADER } from '../../functions/src/lib/meter';
import { seeded } from './bench/policyData';
import { median } from './bench/stats';
import { TABLE_DEFINITION } from '../../functions/src/lib/table';
import { dynamoClient } from './dynamo';
import { inOwnStore } from './bench/ownStore';

const TABLE = 'yx-bench-credit';

/** The registry at the seeds' scale: 2,073,700 public records of 148,000 graded firms, 3,561 of them penalties. */
export const REGISTRY = { records: 2_073_700, firms: 148_000, penalties: 3_561 } as const;
/** The profile probe's firm: exactly this many records. */
export const PROBE_RECORDS = 5_000;
const PENALTY_SHARE = REGISTRY.penalties / REGISTRY.records;
const HONOUR_SHARE = 0.003;

// ---- the data ------------------------------------------------------------------------------------------------------

/** A unified social credit code of a 越秀 firm (91 440104 …), unique per position, with both check characters. */
function creditCode(i: number): string {
  const org8 = String((i * 7919 + 24_680) % 100_000_000).padStart(8, '0');
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  const c9 = 11 - ([...org8].reduce((s, d, k) => s + Number(d) * w[k], 0) % 11);
  const first17 = `91440104${org8}${c9 === 10 ? 'X' : c9 === 11 ? '0' : c9}`;
  return first17 + creditCodeCheckChar(first17);
}

const BRAND = [...'粤华信诚和顺兴隆泰昌盛达恒通宏丰嘉利永福祥瑞新汇德安康鸿运金源富星海天华美雅明骏荣锦鼎晟越秀东山流花北京珠江'];
const TRADE = [
  '餐饮',
  '贸易',
  '科技',
  '商贸',
  '文化传播',
  '服装',
  '医药',
  '糖水',
  '茶餐厅',
  '五金',
  '物业管理',
  '广告',
  '信息技术',
  '酒店',
  '旅行社',
  '美容美发',
  '眼镜',
  '珠宝',
  '电子',
  '印刷',
];

export interface BenchRegistry {
  firms: RegistryFirm[];
  /** records per firm, the same order */
  counts: Int32Array;
  records: number;
}

/**
 * `records` records over firms in proportion to the registry (at least one firm per 14 records): firm 0 has exactly
 * PROBE_RECORDS, one firm in 2,000 is a chain with 1,000–8,000 (log-uniform), the rest a lognormal share of what is
 * left (at least one each), so the counts add up exactly.
 */
export function benchRegistry(records: number, seed = 20): BenchRegistry {
  const r = seeded(seed);
  const n = Math.max(2, Math.round((records * REGISTRY.firms) / REGISTRY.records));
  const firms: RegistryFirm[] = [];
  for (let i = 0; i < n; i++) {
    const brand = r.pick(BRAND) + r.pick(BRAND) + (r.chance(0.3) ? r.pick(BRAND) : '');
    const trade = r.pick(TRADE);
    // individual businesses (个体工商户) are most of a central district's commercial entities
    const name =
      i === 0
        ? '广州越秀连锁便利店有限公司'
        : r.chance(0.6)
          ? `越秀区${brand}${trade}店`
          : `广州${brand}${trade}${r.chance(0.8) ? '有限公司' : '有限责任公司'}`;
    firms.push({ creditCode: creditCode(i), name });
  }
  const counts = new Int32Array(n);
  counts[0] = Math.min(PROBE_RECORDS, records - (n - 1));
  let left = records - counts[0];
  const chains = Math.max(1, Math.round(n / 2_000));
  for (let i = 1; i <= chains && i < n; i++) {
    const c = Math.min(Math.floor(1_000 * 8 ** r.next()), left - (n - 1 - i));
    counts[i] = c;
    left -= c;
  }
  // the rest: a lognormal weight each (Box–Muller), at least one record
  const rest = n - 1 - chains;
  const weights = new Float64Array(rest);
  let sum = 0;
  for (let k = 0; k < rest; k++) {
    const z = Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next());
    weights[k] = Math.exp(1.1 * z);
    sum += weights[k];
  }
  const spread = left - rest;
  let given = 0;
  for (let k = 0; k < rest; k++) {
    counts[1 + chains + k] = 1 + Math.floor((spread * weights[k]) / sum);
    given += counts[1 + chains + k];
  }
  for (let k = 0; given < left; k = (k + 1) % rest, given++) counts[1 + chains + k]++;
  return { firms, counts, records };
}

const AUTHORITIES = {
  market: '广州市越秀区市场监督管理局',
  urban: '广州市越秀区城市管理和综合执法局',
  fire: '广州市越秀区消防救援大队',
} as const;
const LICENCES = [
  '食品经营许可（餐饮服务经营者）',
  '食品经营许可（食品销售经营者）',
  '设立登记（有限责任公司）',
  '变更登记',
  '户外广告设置许可',
  '公众聚集场所投入使用、营业前消防安全检查',
];
const PENALTIES = [
  '未按规定公示食品经营许可证，罚款 2000 元',
  '餐饮具清洗消毒不符合要求，罚款 5000 元',
  '擅自设置户外广告，罚款 3000 元',
  '占用、堵塞疏散通道，责令改正并罚款 3 万元',
  '销售不符合食品安全标准的食品，没收违法所得并罚款 5 万元',
];
const HONOURS = ['北京路商圈诚信经营示范店', '守合同重信用企业', '放心消费示范单位'];
const DAY_MS = 86_400_000;

/** The records of the registry, firm after firm, made as they are taken (ids unique: the firm's and the record's position). */
export function* benchRecords(reg: BenchRegistry, day: string, seed = 21): Generator<RegistryRecord> {
  const r = seeded(seed);
  const t = Date.parse(`${day}T00:00:00Z`);
  const back = (years: number) => new Date(t - Math.floor(r.next() * years * 365 * DAY_MS) - DAY_MS).toISOString().slice(0, 10);
  for (let i = 0; i < reg.firms.length; i++) {
    const code = reg.firms[i].creditCode;
    for (let k = 0; k < reg.counts[i]; k++) {
      const x = r.next();
      const suffix = `${i.toString(36)}x${k.toString(36)}`;
      const seq = r.int(1, 9_999);
      if (x < PENALTY_SHARE) {
        const severity = r.weighted({ minor: 25, ordinary: 65, serious: 10 });
        const authority = r.weighted({ market: 70, urban: 15, fire: 15 });
        const decidedOn = back(5);
        yield {
          id: repo.recordIdOf('penalty', decidedOn, suffix),
          creditCode: code,
          kind: 'penalty',
          decisionNo: `穗越${severity === 'minor' ? '市监简罚' : '市监罚'}〔${decidedOn.slice(0, 4)}〕${seq}号`,
          title: r.pick(PENALTIES),
          basis: '《中华人民共和国食品安全法》第一百二十六条',
          severity,
          authority: AUTHORITIES[authority],
          authorityDept: authority,
          decidedOn,
        };
      } else if (x < PENALTY_SHARE + HONOUR_SHARE) {
        const decidedOn = back(3);
        yield {
          id: repo.recordIdOf('honour', decidedOn, suffix),
          creditCode: code,
          kind: 'honour',
          decisionNo: `越信办〔${decidedOn.slice(0, 4)}〕${seq}号`,
          title: r.pick(HONOURS),
          authority: AUTHORITIES.market,
          authorityDept: 'market',
          decidedOn,
        };
      } else {
        const decidedOn = back(10);
        yield {
          id: repo.recordIdOf('licence', decidedOn, suffix),
          creditCode: code,
          kind: 'licence',
          decisionNo: `穗越市监食许〔${decidedOn.slice(0, 4)}〕${seq}号`,
          title: r.pick(LICENCES),
          authority: AUTHORITIES.market,
          authorityDept: 'market',
          decidedOn,
          validUntil: addMonths(decidedOn, 12 * r.pick([3, 5, 5])),
        };
      }
    }
  }
}

// ---- in the child process: one scale against its own DynamoDB Local ----

interface Ops {
  calls: number;
  ops: Record<string, number>;
}
interface ScaleResult {
  records: number;
  firms: number;
  registryRowsMs: number;
  load: Omit<LoadReport, 'writeMeter' | 'gradeMeter'> & { write: Ops; grade: Ops };
  profile: { calls: number; ops: Record<string, number>; ms: number; counts: unknown; grade: string };
  peakRssMb: number;
}

const opsOf = (m: LoadReport['writeMeter']): Ops => ({ calls: m.calls, ops: Object.fromEntries(m.ops) });

/** A public GET through the credit function, as API Gateway sends it (the local stage meters it: x-store-cost). */
async function profileRequest(code: string) {
  const rawPath = `/v1/credit/firms/${code}`;
  const event = {
    version: '2.0',
    routeKey: 'GET /v1/credit/firms/{creditCode}',
    rawPath,
    rawQueryString: '',
    headers: {},
    pathParameters: { creditCode: code },
    isBase64Encoded: false,
    requestContext: { http: { method: 'GET', path: rawPath, sourceIp: '127.0.0.1' } },
  } as unknown as HttpEvent;
  const t = performance.now();
  const r = await creditHandler(event);
  const ms = performance.now() - t;
  if (r.statusCode !== 200) throw new Error(`profile of ${code}: ${r.statusCode} ${r.body}`);
  const cost = parseStoreCost(r.headers?.[STORE_COST_HEADER] as string | undefined);
  const body = JSON.parse(String(r.body)) as { counts: unknown; grade: { grade: string } };
  return { ms, calls: cost?.calls ?? NaN, ops: Object.fromEntries(cost?.ops ?? []), counts: body.counts, grade: body.grade.grade };
}

async function scale(records: number): Promise<ScaleResult> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 500);
  try {
    const reg = benchRegistry(records);
    const day = today();
    // the firms' registry rows (the registry's firm load, before: not in the figures)
    const t = performance.now();
    for (let i = 0; i < reg.firms.length; i += 1_000) {
      const rows = reg.firms
        .slice(i, i + 1_000)
        .map((f) =>
          seedEnterpriseItem({ creditCode: f.creditCode, name: f.name, grade: 'A', legalRepresentative: '陈志强', address: '广州市越秀区北京路 1 号' }),
        );
      await batchPut(rows);
    }
    const registryRowsMs = performance.now() - t;
    const report = await loadRecords(benchRecords(reg, day), reg.firms, {
      writers: Number(process.env.BENCH_CREDIT_WRITERS ?? 8),
      gradeConcurrency: Number(process.env.BENCH_CREDIT_GRADERS ?? 16),
    });
    const { writeMeter, gradeMeter, ...rest } = report;
    // the profile of the firm with 5,000 records: a first request, then the median of five
    const code = reg.firms[0].creditCode;
    const first = await profileRequest(code);
    const runs = [];
    for (let k = 0; k < 5; k++) runs.push(await profileRequest(code));
    return {
      records,
      firms: reg.firms.length,
      registryRowsMs,
      load: { ...rest, write: opsOf(writeMeter), grade: opsOf(gradeMeter) },
      profile: { ...first, ms: median(runs.map((x) => x.ms)) },
      peakRssMb: peak / 2 ** 20,
    };
  } finally {
    clearInterval(sampler);
  }
}

// ---- in the bench's process: a DynamoDB Local and a child per scale, then the table ----

/** DynamoDB Local's JVM heap: its data lives in SQLite's native memory; an unbounded heap only grows with garbage. */
const JVM_HEAP = '-Xmx2g';

/**
 * The app's table (keys and indexes as deployed) without its stream: nothing in the load reads the stream, DynamoDB Local
 * keeps every stream record in memory (~1.3 KB a row, measured: 4 M rows would be ~5 GB more) and writes ~30 % slower
 * with it, while DynamoDB's stream costs a writer nothing.
 */
async function benchTable(endpoint: string): Promise<void> {
  const { StreamSpecification: _stream, ...definition } = structuredClone(TABLE_DEFINITION);
  await dynamoClient(endpoint).send(new CreateTableCommand({ TableName: TABLE, ...definition } as never));
}

async function measureScale(records: number): Promise<ScaleResult & { dynamoPeakMb: number; wallMs: number }> {
  const t = performance.now();
  const { result, dynamoPeakMb } = await inOwnStore<ScaleResult>({
    script: __filename,
    args: [String(records)],
    what: `the credit load at ${records} records`,
    prepare: benchTable,
    tableName: TABLE,
    javaOptions: JVM_HEAP,
  });
  return { ...result, dynamoPeakMb, wallMs: performance.now() - t };
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const sec = (ms: number) => (ms / 1000).toFixed(1);
const opsText = (o: Ops) =>
  Object.entries(o.ops)
    .map(([op, n]) => `${op} ${int(n)}`)
    .join(', ');

/** The scales (records): 1 % with --quick, else 10 %, and 100 % with BENCH_CREDIT_FULL=1; BENCH_CREDIT_RECORDS=207370,2073700 sets them. */
function plan(quick: boolean): number[] {
  const given = process.env.BENCH_CREDIT_RECORDS?.split(',').map(Number);
  if (given?.length && given.every((n) => n >= 2)) return given;
  if (quick) return [Math.round(REGISTRY.records / 100)];
  return process.env.BENCH_CREDIT_FULL === '1' ? [Math.round(REGISTRY.records / 10), REGISTRY.records] : [Math.round(REGISTRY.records / 10)];
}

export async function creditBench(opts: { quick: boolean }): Promise<void> {
  const t0 = performance.now();
  const scales = plan(opts.quick);
  const results = [];
  for (const n of scales) results.push(await measureScale(n));
  const writers = Number(process.env.BENCH_CREDIT_WRITERS ?? 8);
  const graders = Number(process.env.BENCH_CREDIT_GRADERS ?? 16);

  console.log(`\n## 信用 registry load against DynamoDB Local (functions/src/credit/registry.ts loadRecords)\n`);
  console.log(
    `Each scale on its own DynamoDB Local (in memory, heap ${JVM_HEAP}; the app's table and indexes without the stream, which nothing here reads and ` +
      `DynamoDB Local would keep in memory) and node process. The firms' registry rows are written first (not in the figures). ` +
      `Then one loadRecords: the name index (each firm once, the bigram counts at the end) and the records, 25 rows to a BatchWriteItem, ` +
      `${writers} in flight; then every firm's grade (recomputeGrade, ${graders} firms at a time). Records are generated as they are written ` +
      `(seeded; firm 0 has ${int(PROBE_RECORDS)} records, one firm in 2,000 a chain with 1,000–8,000). DynamoDB Local's times are not DynamoDB's; ` +
      `the calls are what the load asks of the store.` +
      (scales.includes(REGISTRY.records) ? '' : ' 100 %: BENCH_CREDIT_FULL=1.') +
      '\n',
  );
  console.log(
    '| records (licence · penalty · honour; penalties published) | firms | name index rows | wall s (writes · grades · total) | records/s (writes · overall) | BatchWriteItem calls | grade job calls | peak RSS MB (node · DynamoDB Local) |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---|---:|');
  for (const r of results) {
    const l = r.load;
    const total = l.writeMs + l.gradeMs;
    console.log(
      `| ${int(l.records)} (${int(l.byKind.licence)} · ${int(l.byKind.penalty)} · ${int(l.byKind.honour)}; ${int(l.published.penalty)}) | ${int(r.firms)} | ${int(l.nameRows)} | ` +
        `${sec(l.writeMs)} · ${sec(l.gradeMs)} · ${sec(total)} | ${int(l.records / (l.writeMs / 1000))} · ${int(l.records / (total / 1000))} | ` +
        `${int(l.write.ops.BatchWriteItem ?? 0)} | ${int(l.grade.calls)}: ${opsText(l.grade)} | ${int(r.peakRssMb)} · ${int(r.dynamoPeakMb)} |`,
    );
  }
  console.log(
    `\nGrades: ` +
      results
        .map(
          (r) =>
            `${int(r.load.graded)} firms graded at ${int(r.records)} records, ${int(r.load.changed)} changed from the registry row's A, ${r.load.missing} without a row`,
        )
        .join('; ') +
      `. The grade job per firm: 1 BatchGetItem (firm, summary, figures) + 3 Queries or more (published penalties, honours, a COUNT of licences: one page ` +
      `per ~1 MB read) + 1 PutItem (the summary), or 1 TransactWriteItems (summary, the row's grade, the history row) when the grade changes.`,
  );
  console.log(
    `Registry rows beforehand: ${results.map((r) => `${int(r.firms)} in ${sec(r.registryRowsMs)} s`).join(', ')}. Child wall time per scale (with DynamoDB Local's start): ` +
      `${results.map((r) => `${sec(r.wallMs)} s`).join(', ')}.`,
  );

  console.log(
    `\n| GET /v1/credit/firms/{code} at the firm with ${int(PROBE_RECORDS)} records, after the load of | store calls (x-store-cost) | ms (median of 5, in process) | counts on the profile | grade |`,
  );
  console.log('|---:|---|---:|---|---|');
  for (const r of results) {
    const p = r.profile;
    const ops = Object.entries(p.ops)
      .map(([op, n]) => `${op}${n > 1 ? ` ×${n}` : ''}`)
      .join(', ');
    console.log(`| ${int(r.records)} records | ${p.calls} (${ops}) | ${p.ms.toFixed(1)} | ${JSON.stringify(p.counts)} | ${p.grade} |`);
  }
  console.log(`\n(credit section took ${((performance.now() - t0) / 60_000).toFixed(1)} min)`);
}

// the child: one scale, its figures as the last line of output
if (require.main === module) {
  scale(Number(process.argv[2]))
    .then((r) => {
      process.stdout.write(`${JSON.stringify(r)}\n`);
      process.exit(0);
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
