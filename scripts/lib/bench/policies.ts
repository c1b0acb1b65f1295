/**
 * 政策匹配 in memory (no stack): shared/src/policies/matcher.ts on the district's scale — 148,000 firms × 4,288 policy
 * items (scripts/lib/bench/policyData.ts, seeded) — at 10 %, 50 % and 100 % of the firms:
 *  - the batch (数据比对): every firm matched on the district's data against the items open on the day; build and match
 *    time (wall and CPU), candidates and judged items per firm, matches, 免申即享 offers, peak memory over the firms and
 *    items already in memory; then the whole district against the 免申即享 items alone (a 数据比对 run: the same offers);
 *  - brute force at 10 % (judgeItem on every open item), timed on the first firms and scaled to the 10 %;
 *  - the market page: one firm's match over all 4,288 items with its declared facts, p50/p99 over 2,000 firms.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { judgeItem } from '../../../shared/src/policies/conditions';
import { buildMatchIndex, factStats, matchFirm, type MatchableItem, type MatchTally } from '../../../shared/src/policies/matcher';
import { BENCH_TODAY, benchFirms, benchItems, DISTRICT, type BenchFirm } from './policyData';
import { pct } from './stats';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const MB = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

/** Peak heap and RSS above a baseline, sampled by the caller; `retained`: the heap above it after a full collection. */
function memoryMeter() {
  gc();
  const base = process.memoryUsage();
  const peak = { heap: 0, rss: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.heap = Math.max(peak.heap, m.heapUsed - base.heapUsed);
    peak.rss = Math.max(peak.rss, m.rss - base.rss);
  };
  const retained = () => {
    gc();
    return process.memoryUsage().heapUsed - base.heapUsed;
  };
  return { sample, peak, retained };
}

const isOffer = (m: { item: MatchableItem; judgement: { verdict: string } }) => m.item.mode === 'auto' && m.judgement.verdict === 'eligible';

/** The batch over `firms`: the index built from their histogram, then every firm matched on the day. */
function batch(items: readonly MatchableItem[], firms: readonly BenchFirm[]) {
  const mem = memoryMeter();
  let t = performance.now();
  let cpu = process.cpuUsage();
  const index = buildMatchIndex(items, factStats(firms));
  const build = { ms: performance.now() - t, cpu: cpuMs(cpu) };
  mem.sample();
  const indexBytes = mem.retained();
  const tally: MatchTally = { firms: 0, candidates: 0, judged: 0 };
  let matches = 0;
  let offers = 0;
  t = performance.now();
  cpu = process.cpuUsage();
  for (let k = 0; k < firms.length; k++) {
    const found = matchFirm(index, firms[k], { today: BENCH_TODAY, useDeclared: false, openOnly: true, tally });
    matches += found.length;
    for (const m of found) if (isOffer(m)) offers++;
    if (k % 500 === 0) mem.sample();
  }
  mem.sample();
  return { build, indexBytes, match: { ms: performance.now() - t, cpu: cpuMs(cpu) }, tally, matches, offers, peak: mem.peak };
}

export async function policiesBench(opts: { quick: boolean }): Promise<void> {
  const scales = opts.quick ? [0.1] : [0.1, 0.5, 1];
  const bruteFirms = opts.quick ? 200 : 1_000;
  const pageFirms = opts.quick ? 500 : 2_000;

  gc();
  const before = process.memoryUsage().heapUsed;
  let t = performance.now();
  const items = benchItems(DISTRICT.items);
  const firms = benchFirms(Math.round(Math.max(...scales) * DISTRICT.firms), { itemIds: items.filter((i) => i.mode === 'auto').map((i) => i.id) });
  const made = performance.now() - t;
  gc();
  const open = items.filter((i) => i.validFrom <= BENCH_TODAY && BENCH_TODAY <= i.validTo);
  console.log(`\n## Policy matching in memory (shared/src/policies/matcher.ts), ${int(DISTRICT.items)} items, on ${BENCH_TODAY}\n`);
  console.log(
    `Generated (scripts/lib/bench/policyData.ts, seeded) in ${(made / 1000).toFixed(1)} s: ${int(firms.length)} firms and ${int(items.length)} items ` +
      `(${items.filter((i) => i.mode === 'auto').length} 免申即享, ${int(open.length)} open on the day), ${MB(process.memoryUsage().heapUsed - before)} MB of heap. ` +
      `The batch: each firm on the district's data (no declared facts) against the items open on the day, the results counted and dropped; ` +
      `index MB: the heap it keeps (after a full collection); peak Δ: above the firms and items in memory, garbage not yet collected included.\n`,
  );
  console.log(
    '| firms | build ms (histogram + index) | index MB | match s (wall · CPU) | µs per firm (CPU) | candidates per firm | judged per firm | matches (符合 + 信息不足) | offers (免申即享 符合) | peak heap Δ MB | peak RSS Δ MB |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  // warm up (the JIT), so that the first row is not the only one paying for it
  const warm = buildMatchIndex(items);
  for (const f of firms.slice(0, 2_000)) matchFirm(warm, f, { today: BENCH_TODAY, useDeclared: false, openOnly: true });
  const row = (label: string, r: ReturnType<typeof batch>, n: number) =>
    console.log(
      `| ${label} | ${r.build.ms.toFixed(0)} | ${MB(r.indexBytes)} | ${(r.match.ms / 1000).toFixed(1)} · ${(r.match.cpu / 1000).toFixed(1)} | ` +
        `${int((r.match.cpu * 1000) / n)} | ${int(r.tally.candidates / r.tally.firms)} | ${int(r.tally.judged / r.tally.firms)} | ` +
        `${int(r.matches)} | ${int(r.offers)} | ${MB(r.peak.heap)} | ${MB(r.peak.rss)} |`,
    );
  let offers = 0;
  for (const scale of scales) {
    const some = firms.slice(0, Math.round(scale * DISTRICT.firms));
    const r = batch(items, some);
    row(`${int(some.length)} (${scale * 100} %)`, r, some.length);
    offers = r.offers;
  }
  // what a 数据比对 run asks: only the 免申即享 items in the index (the same offers, far less judged)
  const auto = items.filter((i) => i.mode === 'auto');
  const r = batch(auto, firms);
  row(`${int(firms.length)}, the ${auto.length} 免申即享 items only`, r, firms.length);
  if (r.offers !== offers) console.log(`\n**The offers differ: ${int(r.offers)} from the 免申即享 items alone, ${int(offers)} from all the items.**`);

  // brute force at 10 %: every open item judged, on the first firms (the same ones the matcher starts with)
  const tenth = firms.slice(0, Math.round(0.1 * DISTRICT.firms));
  const sample = tenth.slice(0, bruteFirms);
  const index = buildMatchIndex(items, factStats(tenth));
  t = performance.now();
  let cpu = process.cpuUsage();
  let bruteMatches = 0;
  for (const f of sample) for (const item of open) if (judgeItem(item, f, { today: BENCH_TODAY, useDeclared: false }).verdict !== 'ineligible') bruteMatches++;
  const brute = { ms: performance.now() - t, cpu: cpuMs(cpu) };
  t = performance.now();
  cpu = process.cpuUsage();
  let indexedMatches = 0;
  for (const f of sample) indexedMatches += matchFirm(index, f, { today: BENCH_TODAY, useDeclared: false, openOnly: true }).length;
  const indexed = { ms: performance.now() - t, cpu: cpuMs(cpu) };
  const scaleUp = tenth.length / sample.length;
  console.log(
    `\nBrute force at 10 % (judgeItem on each of the ${int(open.length)} open items), timed on the first ${int(sample.length)} firms: ` +
      `${(brute.ms / 1000).toFixed(1)} s wall, ${(brute.cpu / 1000).toFixed(1)} s CPU → ~${((brute.cpu * scaleUp) / 1000).toFixed(0)} s CPU for ${int(tenth.length)} firms; ` +
      `the matcher on the same firms: ${(indexed.cpu / 1000).toFixed(2)} s CPU (${(brute.cpu / indexed.cpu).toFixed(0)}× less), ` +
      `${bruteMatches === indexedMatches ? 'the same' : 'NOT the same'} ${int(indexedMatches)} matches.`,
  );

  // the market page: one firm's own view of every item (declared facts count), as the page asks for it
  const all = buildMatchIndex(items, factStats(firms));
  const step = Math.floor(firms.length / pageFirms);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const bruteTimes: number[] = [];
  const tally: MatchTally = { firms: 0, candidates: 0, judged: 0 };
  let shown = 0;
  for (let k = 0; k < pageFirms; k++) {
    const f = firms[k * step];
    const o = { today: BENCH_TODAY, declared: f.declared, useDeclared: true };
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    shown += matchFirm(all, f, { ...o, tally }).length;
    times.push(performance.now() - t0);
    cpuTimes.push(cpuMs(c0));
    if (k % 10 === 0) {
      const t1 = performance.now();
      for (const item of items) judgeItem(item, f, o);
      bruteTimes.push(performance.now() - t1);
    }
  }
  const ms = (xs: number[], p: number) => pct(xs, p).toFixed(2);
  console.log(
    `\nThe market page: one firm against all ${int(items.length)} items (its declared facts counting), ${int(pageFirms)} firms spread over the ${int(firms.length)}: ` +
      `p50 ${ms(times, 50)} ms, p99 ${ms(times, 99)} ms, max ${ms(times, 100)} ms (CPU: p50 ${ms(cpuTimes, 50)} ms, p99 ${ms(cpuTimes, 99)} ms); ` +
      `${int(tally.candidates / tally.firms)} candidates, ` +
      `${int(shown / pageFirms)} items not 暂不符合 per firm. Brute force (judgeItem on every item) for every 10th of them: p50 ${ms(bruteTimes, 50)} ms, p99 ${ms(bruteTimes, 99)} ms.`,
  );
}
