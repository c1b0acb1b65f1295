/**
 * The registry load (issue 20): the district's 双公示 records (2,073,700 at the seeds' scale) and its firms' name index
 * written in bulk, then every loaded firm's grade computed — a batch job (a script or a one-off task), never a request.
 *
 * Records arrive as a stream (any iterable, sync or async), so a caller generating or reading millions of them keeps
 * only a few batches in memory: 25 rows to a BatchWriteItem (`repo.writeItems`, which sends unprocessed items again),
 * `writers` calls in flight. Whether a record is on the public profile (and so in the public index, and for a penalty
 * in the expiry index) is decided here by the publication rules on the load's day, as the daily sweep would. The name
 * index is written once per firm (`nameIndexRows`: the firms' rows a chunk at a time, the bigram counts over all the
 * firms at the end), so a load names every firm of the registry, not a part of it. Then the grades: `recomputeGrade`
 * per firm (the records' firms and the firms named), `gradeConcurrency` at a time; each reads the firm, its published
 * penalties and honours and a count of its licences, and writes its summary (a grade change with its history row).
 *
 * Loading a record again overwrites it (its id is its key): the load is for the registry's first import and full
 * refreshes, before the firms start filing repairs on them.
 */
import { isPublished, publicationWindow } from '@yx/shared';
import { withMeter, type Meter } from '../lib/meter';
import { today } from './firm';
import { recomputeGrade } from './grade';
import * as repo from './repository';
import { nameIndexRows } from './seedCredit';

/** A record as the registry gives it; whether it is published (and until when) the load decides. */
export type RegistryRecord = Omit<repo.CreditRecordRecord, 'published' | 'leavesOn'>;
export interface RegistryFirm {
  creditCode: string;
  name: string;
}

export interface LoadOptions {
  /** BatchWriteItem calls in flight (default 8) */
  writers?: number;
  /** firms whose grade is computed at once (default 16) */
  gradeConcurrency?: number;
  /** name index rows of this many firms are made at a time (default 2,000) */
  firmChunk?: number;
}

export interface LoadReport {
  records: number;
  byKind: Record<repo.CreditRecordRecord['kind'], number>;
  /** of them on the public profile on the load's day (a licence or honour always; a penalty within its window) */
  published: Record<repo.CreditRecordRecord['kind'], number>;
  firms: number;
  nameRows: number;
  /** firms whose grade was computed; changed: a grade other than the registry row's; missing: no registry row */
  graded: number;
  changed: number;
  missing: number;
  /** wall time and store calls of the writes (records and name index) and of the grade job */
  writeMs: number;
  gradeMs: number;
  writeMeter: Meter;
  gradeMeter: Meter;
}

/** The record as stored on `day`: published by the rules, a published penalty with the day it leaves. */
export function storedRecord(r: RegistryRecord, day: string): repo.CreditRecordRecord {
  const parts = repo.recordIdParts(r.id);
  if (!parts || parts.kind !== r.kind || parts.date !== r.decidedOn.replace(/-/g, '')) {
    throw new Error(`registry record ${r.creditCode}/${r.id}: its id must carry its kind and decision date (recordIdOf)`);
  }
  const published = isPublished(r, day);
  const w = r.kind === 'penalty' && published ? publicationWindow({ severity: r.severity ?? 'ordinary', decidedOn: r.decidedOn }) : null;
  return { ...r, published, ...(w ? { leavesOn: w.leavesOn } : {}) };
}

/** Keeps up to `limit` writes in flight; `flush` waits for the rest. The first failure stops the load. */
function writerPool(limit: number) {
  const inFlight = new Set<Promise<void>>();
  let calls = 0;
  let failed: unknown;
  return {
    async write(items: Record<string, unknown>[]) {
      while (inFlight.size >= limit) await Promise.race(inFlight);
      if (failed) throw failed;
      const p: Promise<void> = repo
        .writeItems(items)
        .then((c) => {
          calls += c;
        })
        .catch((e: unknown) => {
          failed ??= e;
        })
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    },
    async flush() {
      await Promise.all(inFlight);
      if (failed) throw failed;
      return calls;
    },
  };
}

/** Runs `fn` over `items`, `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** The registry's records and firms loaded, then the firms graded (see the module's comment). */
export async function loadRecords(
  records: Iterable<RegistryRecord> | AsyncIterable<RegistryRecord>,
  firms: readonly RegistryFirm[],
  o: LoadOptions = {},
): Promise<LoadReport> {
  const day = today();
  const byKind = { licence: 0, penalty: 0, honour: 0 };
  const published = { licence: 0, penalty: 0, honour: 0 };
  const codes = new Set<string>();
  let count = 0;
  let nameRows = 0;

  const t0 = performance.now();
  const written = await withMeter(async () => {
    const pool = writerPool(o.writers ?? 8);
    // the name index: each firm once (the first of a code), its bigrams' counts over every firm of the load
    const named = new Map<string, RegistryFirm>();
    for (const f of firms) if (!named.has(f.creditCode)) named.set(f.creditCode, f);
    const unique = [...named.values()];
    const counts = new Map<string, number>();
    const chunk = o.firmChunk ?? 2_000;
    for (let i = 0; i < unique.length; i += chunk) {
      const rows = nameIndexRows(unique.slice(i, i + chunk)).filter((row) => {
        if (row.entity !== 'FirmNameCount') return true;
        const bigram = String(row.bigram);
        counts.set(bigram, (counts.get(bigram) ?? 0) + Number(row.n));
        return false;
      });
      for (let k = 0; k < rows.length; k += 25) await pool.write(rows.slice(k, k + 25));
      nameRows += rows.length;
    }
    const countRows = [...counts].map(([b, n]) => repo.nameCountItem(b, n));
    for (let k = 0; k < countRows.length; k += 25) await pool.write(countRows.slice(k, k + 25));
    nameRows += countRows.length;

    // the records, 25 to a call
    let batch: Record<string, unknown>[] = [];
    for await (const r of records) {
      const stored = storedRecord(r, day);
      count++;
      byKind[stored.kind]++;
      if (stored.published) published[stored.kind]++;
      codes.add(stored.creditCode);
      batch.push(repo.recordItem(stored));
      if (batch.length === 25) {
        await pool.write(batch);
        batch = [];
      }
    }
    if (batch.length) await pool.write(batch);
    return pool.flush();
  });
  const writeMs = performance.now() - t0;

  // the grades: every firm of the records and every firm named, a few at a time
  for (const f of firms) codes.add(f.creditCode);
  const all = [...codes];
  let graded = 0;
  let changed = 0;
  let missing = 0;
  const t1 = performance.now();
  const grading = await withMeter(() =>
    eachLimited(all, o.gradeConcurrency ?? 16, async (code) => {
      const r = await recomputeGrade(code);
      if (!r) missing++;
      else {
        graded++;
        if (r.changed) changed++;
      }
    }),
  );
  const gradeMs = performance.now() - t1;

  return {
    records: count,
    byKind,
    published,
    firms: all.length,
    nameRows,
    graded,
    changed,
    missing,
    writeMs,
    gradeMs,
    writeMeter: written.meter,
    gradeMeter: grading.meter,
  };
}
