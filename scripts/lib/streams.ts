/**
 * Lambda's DynamoDB Streams event source, locally: reads DynamoDB Local's stream of the table (shard by shard,
 * parents first, from a checkpoint when one is kept) and hands batches to the aggregator the way Lambda does in a
 * deployment (serverless.yml: batch size, a tumbling window whose state goes from one invocation to the next,
 * retries, bisecting a failing batch, a dead-letter destination). So `npm start` and the tests count with the same
 * code and the same path as production.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DescribeTableCommand, PutItemCommand, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { WindowEvent } from '../../functions/src/aggregate/handler';
import { Probe } from '../../functions/src/lib/entities/counters';
import { dynamoClient } from './dynamo';
import { waitForPort } from './ports';

/** Lambda's invocation for a stream with a tumbling window, every field given (the aggregator's `WindowEvent`). */
export type WindowInvocation = Required<WindowEvent>;

export interface StreamReaderOptions {
  endpoint: string;
  table: string;
  /** the aggregator's handler, or anything with its signature: returns the window's state */
  handle: (event: WindowInvocation) => Promise<{ state: unknown }>;
  /** records per call (serverless.yml's batchSize) */
  batchSize?: number;
  /** how long records gather before a batch is handed over (serverless.yml's batchWindow); settle() does not wait */
  pollMs?: number;
  /**
   * The tumbling window (serverless.yml's tumblingWindowInSeconds, shorter here): the handler folds each batch into
   * the window's state and writes the sums at the window's final invocation. settle() ends the window early.
   */
  windowMs?: number;
  /** tries of a batch before it is split (serverless.yml's maximumRetryAttempts) */
  retries?: number;
  /** where each shard's last sequence number read and its open window are kept (persisted stacks), so a restart resumes */
  checkpointFile?: string;
  /** records that failed alone after every retry: one JSON line each (serverless.yml's onFailure queue) */
  deadLetterFile: string;
  log?: (msg: string) => void;
}

export interface StreamReader {
  /** resolves once every change written before the call has been counted (its window written) */
  settle: (timeoutMs?: number) => Promise<void>;
  /** passes over the shards made so far (a test waits for one without writing a probe) */
  passes: () => number;
  stop: () => Promise<void>;
}

/** How long settle() waits for the reader to catch up by default. */
export const SETTLE_TIMEOUT_MS = 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const probePk = (r: StreamRecord) => r.dynamodb?.Keys?.pk?.S;

/** Turns the table's stream on when an older local table was made without it (what a CloudFormation update does). */
export async function ensureStream(endpoint: string, table: string): Promise<string> {
  const client = dynamoClient(endpoint);
  let d = await client.send(new DescribeTableCommand({ TableName: table }));
  if (!d.Table?.StreamSpecification?.StreamEnabled) {
    await client.send(new UpdateTableCommand({ TableName: table, StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } }));
    d = await client.send(new DescribeTableCommand({ TableName: table }));
  }
  return d.Table!.LatestStreamArn!;
}

/** A shard's open window: when it started, the handler's state, and the probes read into it (settled once written). */
interface OpenWindow {
  start: number;
  state: unknown;
  probes: string[];
}

/** What the checkpoint file keeps: the last sequence number read per shard, and each shard's open window. */
interface Checkpoint {
  shards: Record<string, string>;
  windows: Record<string, OpenWindow>;
}

function readCheckpoint(file: string | undefined): Checkpoint {
  if (!file || !fs.existsSync(file)) return { shards: {}, windows: {} };
  const j = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Checkpoint> & Record<string, unknown>;
  if (j.shards && typeof j.shards === 'object') return { shards: j.shards, windows: j.windows ?? {} };
  return { shards: j as Record<string, string>, windows: {} }; // before windows: { shardId: sequence number }
}

export async function startStreamReader(o: StreamReaderOptions): Promise<StreamReader> {
  const cfg = { endpoint: o.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  const streams = new DynamoDBStreamsClient(cfg);
  const client = dynamoClient(o.endpoint);
  const log = o.log ?? (() => undefined);
  const batchSize = o.batchSize ?? 1000;
  const retries = o.retries ?? 2;
  const windowMs = o.windowMs ?? 2000;
  const arn = await ensureStream(o.endpoint, o.table);
  const saved = readCheckpoint(o.checkpointFile);
  const checkpoint = saved.shards;
  const windows = new Map<string, OpenWindow>(Object.entries(saved.windows));
  const iterators = new Map<string, string>();
  const finished = new Set<string>();
  const probesSeen = new Set<string>();
  /** shards whose last read was refused as trimmed */
  const trimmed = new Set<string>();
  let shards: Shard[] = [];
  let described = 0;
  let stopped = false;
  let passes = 0;
  let waiting = 0; // settle() calls waiting: windows end at once

  const persist = () => {
    if (o.checkpointFile) fs.writeFileSync(o.checkpointFile, JSON.stringify({ shards: checkpoint, windows: Object.fromEntries(windows) }));
  };

  async function describe() {
    const all: Shard[] = [];
    let start: string | undefined;
    do {
      const d = await streams.send(new DescribeStreamCommand({ StreamArn: arn, ExclusiveStartShardId: start }));
      all.push(...(d.StreamDescription?.Shards ?? []));
      start = d.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    shards = all;
    described = Date.now();
  }

  async function iteratorFor(shardId: string): Promise<string | undefined> {
    const after = checkpoint[shardId];
    try {
      const r = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: arn,
          ShardId: shardId,
          ...(after ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after } : { ShardIteratorType: 'TRIM_HORIZON' }),
        }),
      );
      return r.ShardIterator;
    } catch (e) {
      if (!after || (e as Error).name !== 'TrimmedDataAccessException') throw e;
      // the checkpoint is older than what the stream keeps: from the oldest record kept
      log(`stream reader: records of ${shardId} after ${after} were trimmed before they were counted; run npm run reconcile -- --fix`);
      delete checkpoint[shardId];
      return iteratorFor(shardId);
    }
  }

  const invocation = (shardId: string, w: OpenWindow, records: StreamRecord[], final: boolean): WindowInvocation => ({
    Records: records,
    shardId,
    window: { start: new Date(w.start).toISOString(), end: new Date(w.start + windowMs).toISOString() },
    state: w.state,
    isFinalInvokeForWindow: final,
    isWindowTerminatedEarly: false,
  });

  /**
   * Lambda's behaviour on a failing batch: retry with the state the batch came with, then split it in two, and a
   * record failing alone goes to the dead letters (the window goes on without it). Returns the window's new state.
   */
  async function deliver(shardId: string, w: OpenWindow, records: StreamRecord[]): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      try {
        return (await o.handle(invocation(shardId, w, records, false))).state;
      } catch (e) {
        if (attempt < retries) {
          await sleep(100 * 2 ** attempt);
          continue;
        }
        if (records.length > 1) {
          const mid = Math.ceil(records.length / 2);
          const state = await deliver(shardId, w, records.slice(0, mid));
          return deliver(shardId, { ...w, state }, records.slice(mid));
        }
        const error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        fs.appendFileSync(o.deadLetterFile, `${JSON.stringify({ at: new Date().toISOString(), error, record: records[0] })}\n`);
        log(`stream record ${records[0].eventID} failed after ${retries + 1} tries; kept in ${o.deadLetterFile}: ${error}`);
        return w.state;
      }
    }
  }

  /** The window's final invocation: the sums are written. Lambda retries it until it succeeds, and so does this. */
  async function closeWindow(shardId: string): Promise<void> {
    const w = windows.get(shardId);
    if (!w) return;
    await o.handle(invocation(shardId, w, [], true));
    windows.delete(shardId);
    for (const p of w.probes) probesSeen.add(p);
    persist();
  }

  /** One pass over the open shards; the number of records read. */
  async function pass(): Promise<number> {
    if (!shards.length || Date.now() - described > 2000) await describe();
    const known = new Set(shards.map((s) => s.ShardId));
    let read = 0;
    for (const shard of shards) {
      const id = shard.ShardId!;
      if (finished.has(id)) continue;
      if (shard.ParentShardId && known.has(shard.ParentShardId) && !finished.has(shard.ParentShardId)) continue; // parents first, as Lambda does
      let it = iterators.get(id) ?? (await iteratorFor(id));
      if (!it) continue;
      let r;
      try {
        r = await streams.send(new GetRecordsCommand({ ShardIterator: it, Limit: batchSize }));
      } catch (e) {
        // An expired iterator, or one DynamoDB Local calls trimmed: Local numbers stream records across all its
        // tables, so an iterator taken on an empty shard points below the first record once another table's stream
        // has moved the numbers on. Either way: a new iterator from the checkpoint (or the shard's start) next pass.
        const name = (e as Error).name;
        if (name !== 'ExpiredIteratorException' && name !== 'TrimmedDataAccessException') throw e;
        iterators.delete(id);
        if (name === 'TrimmedDataAccessException' && trimmed.has(id) && checkpoint[id]) {
          // trimmed again from the checkpoint: the records after it are older than the stream keeps (24 h), gone
          log(`stream reader: records of ${id} after ${checkpoint[id]} were trimmed before they were counted; run npm run reconcile -- --fix`);
          delete checkpoint[id];
        }
        if (name === 'TrimmedDataAccessException') trimmed.add(id);
        continue;
      }
      trimmed.delete(id);
      const records = r.Records ?? [];
      if (records.length) {
        const w = windows.get(id) ?? { start: Date.now(), state: {}, probes: [] };
        const state = await deliver(id, w, records);
        const probes = records.map(probePk).filter((pk): pk is string => Boolean(pk?.startsWith('PROBE#')));
        windows.set(id, { ...w, state, probes: [...w.probes, ...probes] });
        checkpoint[id] = records[records.length - 1].dynamodb!.SequenceNumber!;
        persist();
        read += records.length;
      }
      it = r.NextShardIterator ?? '';
      if (it) iterators.set(id, it);
      const w = windows.get(id);
      if (w && (!it || waiting > 0 || Date.now() >= w.start + windowMs)) await closeWindow(id);
      if (!it) finished.add(id); // a closed shard, read to its end
    }
    return read;
  }

  // the wait between passes (only when caught up), cut short by settle(): a test or the bench waiting for the counters
  let wake: () => void = () => undefined;
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  const running = (async () => {
    while (!stopped) {
      try {
        const read = await pass();
        passes++;
        if (read < batchSize && waiting === 0) await nap(Math.min(o.pollMs ?? 1000, windowMs));
      } catch (e) {
        if (stopped) break;
        log(`stream reader: ${(e as Error).name}: ${(e as Error).message}; retrying`);
        await sleep(1000);
      }
    }
  })();

  return {
    async settle(timeoutMs = SETTLE_TIMEOUT_MS) {
      // a probe written now comes after every change written before it: once its window is written, so are theirs
      const item = Probe.toItem(randomUUID(), new Date().toISOString());
      await client.send(new PutItemCommand({ TableName: o.table, Item: marshall(item) }));
      waiting++;
      wake();
      try {
        const until = Date.now() + timeoutMs;
        while (!probesSeen.has(String(item.pk))) {
          if (Date.now() > until) throw new Error(`stream reader did not catch up within ${timeoutMs} ms`);
          await sleep(20);
        }
        probesSeen.delete(String(item.pk));
      } finally {
        waiting--;
      }
    },
    passes: () => passes,
    async stop() {
      stopped = true;
      wake();
      await running;
    },
  };
}

/** The first `limit` records of the table's stream, oldest first (tests replay them to prove a retry counts once). */
export async function readFromStart(endpoint: string, table: string, limit: number): Promise<StreamRecord[]> {
  const streams = new DynamoDBStreamsClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const arn = await ensureStream(endpoint, table);
  const shard = (await streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription!.Shards![0].ShardId!;
  const it = (await streams.send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator!;
  return (await streams.send(new GetRecordsCommand({ ShardIterator: it, Limit: limit }))).Records ?? [];
}

/** scripts/streams.ts as a child process in its own group (killGroup stops it), and how to wait for it to catch up. */
export async function spawnStreamReader(o: {
  endpoint: string;
  table: string;
  port: number;
  deadLetterFile: string;
  checkpointFile?: string;
  env?: NodeJS.ProcessEnv;
  out?: 'inherit' | number;
  /**
   * Run it `nice`d, yielding the cores to the API and the store: in a deployment the aggregator runs on its own
   * compute, never on the requests' CPU, so the bench measures requests without it. Never in tests: on a busy
   * 2-core machine (builds beside API tests) a niced reader starves and a test waiting for the counters times out.
   */
  yieldCpu?: boolean;
  /** the tumbling window (StreamReaderOptions.windowMs) */
  windowMs?: number;
}): Promise<{ proc: ChildProcess; url: string; settle: () => Promise<void> }> {
  const root = path.resolve(__dirname, '../..');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...o.env,
    DYNAMODB_ENDPOINT: o.endpoint,
    TABLE_NAME: o.table,
    STREAMS_PORT: String(o.port),
    DEAD_LETTER_FILE: o.deadLetterFile,
    STREAMS_CHECKPOINT_FILE: o.checkpointFile ?? '',
    STREAMS_WINDOW_MS: o.windowMs ? String(o.windowMs) : '',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  delete env.NODE_OPTIONS; // a parent's loader (jest, tsx) must not ride along
  const tsx = path.join(root, 'node_modules/.bin/tsx');
  const niced = Boolean(o.yieldCpu) && spawnSync('nice', ['-n', '0', 'true']).status === 0;
  const proc = spawn(niced ? 'nice' : tsx, [...(niced ? ['-n', '10', tsx] : []), 'scripts/streams.ts'], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', o.out ?? 'ignore', o.out ?? 'ignore'],
  });
  await waitForPort(o.port, 60_000, 'stream reader');
  const url = `http://127.0.0.1:${o.port}`;
  return { proc, url, settle: () => settleAt(url) };
}

/**
 * Waits until the stream reader at `url` has counted every change written before the call, or fails after
 * `timeoutMs` (what is still unread is a backlog that a busy machine works through, not a hang).
 */
export async function settleAt(url: string, timeoutMs = SETTLE_TIMEOUT_MS): Promise<void> {
  const r = await fetch(`${url}/settle?timeoutMs=${timeoutMs}`, { method: 'POST' });
  if (r.status !== 204) throw new Error(`stream reader: ${r.status} ${await r.text()}`);
}
