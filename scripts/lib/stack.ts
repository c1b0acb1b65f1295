import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import type http from 'node:http';
import path from 'node:path';
import { FAILSAFE_SCHEMA, load as loadYaml } from 'js-yaml';
import { ensureTable, killGroup, startDynamo } from './dynamo';
import { startFakeWechat } from './fakeWechat';
import { freePort, portInUse, waitForPort } from './ports';
import { spawnStreamReader } from './streams';
import { buildH5, H5_DIST, type H5Build } from './h5build';
import { serveH5 } from './static';

export const ROOT = path.resolve(__dirname, '../..');
/** serverless.yml names the local stage's table yx-local; the handlers get that name from it. */
const TABLE_NAME = 'yx-local';
const FILES_SECRET = process.env.LOCAL_FILES_SECRET ?? 'local-only-files-secret';

export interface StackOptions {
  /** `streams`: the stream reader's settle endpoint (a free port when not given) */
  ports: { dynamo: number; api: number; lambda: number; web: number; wechat: number; streams?: number };
  /** Folder for DynamoDB Local's data; undefined keeps it in memory (tests). */
  dbPath?: string;
  /** build the H5 app (false: reuse the last build, built anyway when there is none) */
  buildH5: boolean;
  /** `ifChanged`: skip the build when the sources are those of the last build; `cache`: webpack's persistent cache (npm start) */
  h5?: { ifChanged?: boolean; cache?: boolean };
  /** logs the API's level 'silent' unless LOG_LEVEL says otherwise (tests, bench) */
  quiet?: boolean;
  /** called as each step finishes (they overlap: the H5 build runs beside the rest) */
  onPhase?: (phase: Phase) => void;
  /** the stream reader yields the cores to the API and the store (the bench: in a deployment it has its own compute) */
  readerYieldsCpu?: boolean;
  /** the aggregator's tumbling window locally (default 2 s; the bench uses the deployment's, serverless.yml's) */
  readerWindowMs?: number;
}

/** One step of starting the stack: how long it took from its own start, and what it says about itself. */
export interface Phase {
  name: string;
  ms: number;
  detail?: string;
  /** only for the H5 build: false when the last build was reused */
  built?: boolean;
}

export interface Stack {
  /** `streams`: the stream reader (POST /settle waits until the counters include every change written before) */
  urls: { web: string; api: string; dynamo: string; openapi: string; streams: string };
  /** write { offsetMs } here to move every function's clock (local stage only) */
  clockFile: string;
  /** resolves once the counters include every change written before the call (the stream reader has caught up) */
  settle: () => Promise<void>;
  /** the API's output (serverless-offline: its route table and every request) */
  logFile: string;
  /** every process's output that is not on the terminal */
  logs: { api: string; streams: string; h5: string };
  /** each step, in the order they finished, and the whole start (wall clock) */
  phases: Phase[];
  readyMs: number;
  stop: () => Promise<void>;
}

/**
 * One route of each HTTP function in sls/functions.yml (a GET where it has one; a 4xx is fine: the function has
 * loaded), so the first person (or test) does not wait for a cold worker: a cold function's first call took seconds
 * on a busy 2-core machine, and a browser step waits 20 s. The issuing function also starts loading its PDF library and
 * fonts when it loads (certificates/issueHandler.ts). Three at a time.
 */
export function warmUpRoutes(): string[] {
  const fns = loadYaml(fs.readFileSync(path.join(ROOT, 'sls/functions.yml'), 'utf8'), { schema: FAILSAFE_SCHEMA }) as Record<
    string,
    { events?: { httpApi?: string }[] }
  >;
  const routes: string[] = ['GET /v1/dev/users']; // the local stage's dev login (sls/dev-functions.js)
  for (const fn of Object.values(fns)) {
    const http = (fn.events ?? []).map((e) => e.httpApi).filter((r): r is string => typeof r === 'string');
    const pick = http.find((r) => r.startsWith('GET ')) ?? http[0];
    if (pick) routes.push(pick.replace(/\{[^}]+\}/g, 'YX20000101000000'));
  }
  return routes;
}

async function warmUp(apiPort: number): Promise<void> {
  const queue = warmUpRoutes();
  const one = async (p: string) => {
    const [method, route] = p.split(' ');
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const r = await fetch(`http://127.0.0.1:${apiPort}${route}`, { method, signal: AbortSignal.timeout(30_000) });
        if (r.status < 500) return;
      } catch {
        /* retry */
      }
    }
  };
  const worker = async () => {
    for (let p = queue.shift(); p; p = queue.shift()) await one(p);
  };
  await Promise.all([worker(), worker(), worker()]);
}

/** Runs a command to its end; its output (stdout and stderr) as one string. */
function run(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', reject);
    p.on('exit', (code) => resolve({ code, out }));
  });
}

/**
 * The whole local stack: DynamoDB Local → table → stream reader → seed (once), serverless-offline beside them, the H5
 * build beside everything (it needs none of it), then the web server. Every child runs in its own process group, so
 * stop() leaves nothing behind; every child's output goes to a file under .cache/ (`logs`), none to the terminal.
 */
export async function startStack(o: StackOptions): Promise<Stack> {
  const t0 = Date.now();
  const taken: string[] = [];
  for (const [name, port] of Object.entries(o.ports)) if (await portInUse(port)) taken.push(`${name} ${port}`);
  if (taken.length) {
    throw new Error(
      `端口已被占用 / port already in use: ${taken.join(', ')}. Stop what uses it, or set other ports (e.g. WEB_PORT=8081 API_PORT=3100 npm start).`,
    );
  }
  const children: ChildProcess[] = [];
  const servers: http.Server[] = [];
  const building = new AbortController();
  const stop = async () => {
    building.abort();
    for (const s of servers) await new Promise((r) => s.close(() => r(undefined)));
    for (const c of children.reverse()) killGroup(c);
  };
  // Ctrl-C while starting: the children are in their own process groups and would outlive us
  const interrupted = () => void stop().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const phases: Phase[] = [];
  const phase = async <T>(name: string, step: () => Promise<T>, detail?: (r: T) => string | undefined): Promise<T> => {
    const started = Date.now();
    const r = await step();
    const p: Phase = { name, ms: Date.now() - started, detail: detail?.(r) };
    phases.push(p);
    o.onPhase?.(p);
    return r;
  };
  const cacheDir = path.join(ROOT, '.cache');
  fs.mkdirSync(cacheDir, { recursive: true });
  const logs = {
    api: path.join(cacheDir, `api-${o.ports.api}.log`),
    streams: path.join(cacheDir, `streams-${o.ports.api}.log`),
    h5: path.join(cacheDir, `h5-build-${o.ports.web}.log`),
  };
  let build: Promise<H5Build> | undefined;
  try {
    // the H5 build first: the longest step, and it needs nothing else
    if (o.buildH5 || !fs.existsSync(path.join(H5_DIST, 'index.html'))) {
      const started = Date.now();
      build = buildH5({ ifChanged: o.h5?.ifChanged, cache: o.h5?.cache, logFile: logs.h5, signal: building.signal }).then((b) => {
        const p: Phase = { name: b.built ? 'H5 app built' : 'H5 app unchanged, last build reused', ms: Date.now() - started, built: b.built };
        phases.push(p);
        o.onPhase?.(p);
        return b;
      });
      build.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
    }

    if (o.dbPath) fs.mkdirSync(o.dbPath, { recursive: true });
    // uploaded materials: next to the data when persisted, a throw-away folder otherwise
    const filesDir = o.dbPath ? path.join(path.dirname(o.dbPath), 'files') : fs.mkdtempSync(path.join(os.tmpdir(), 'yx-files-'));
    fs.mkdirSync(filesDir, { recursive: true });
    // npm run clock moves it; in memory, a folder of the stack's own: beside the throw-away files it was the shared
    // os.tmpdir(), so two stacks on one machine (a CI run, a bench) moved each other's clock
    const clockFile = o.dbPath ? path.join(path.dirname(filesDir), 'clock.json') : path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yx-clock-')), 'clock.json');
    const dataDir = o.dbPath ? path.dirname(o.dbPath) : path.dirname(filesDir);
    const dynamoEndpoint = `http://127.0.0.1:${o.ports.dynamo}`;
    const env = {
      ...process.env,
      DYNAMODB_ENDPOINT: dynamoEndpoint,
      TABLE_NAME,
      STAGE: 'local',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      API_PORT: String(o.ports.api),
      LAMBDA_PORT: String(o.ports.lambda),
      WECHAT_API_BASE: `http://127.0.0.1:${o.ports.wechat}`,
      LOCAL_FILES_DIR: filesDir,
      LOCAL_FILES_URL: `http://127.0.0.1:${o.ports.web}/local-files/upload`,
      LOCAL_FILES_SECRET: FILES_SECRET,
      // the departments' sealing keys (made on first use) and where the QR codes on documents point
      LOCAL_KEYS_DIR: o.dbPath ? path.join(dataDir, 'keys') : fs.mkdtempSync(path.join(os.tmpdir(), 'yx-keys-')),
      APP_ORIGIN: `http://127.0.0.1:${o.ports.web}`,
      CLOCK_FILE: clockFile,
      LOG_LEVEL: process.env.LOG_LEVEL ?? (o.quiet ? 'silent' : 'info'),
    };

    // serverless-offline bundles every function before it listens: start it now, beside the store and the seed
    const slsStarted = Date.now();
    const slsEnv: NodeJS.ProcessEnv = {
      ...env,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      ESBUILD_WORK_FOLDER: o.dbPath ? '.esbuild' : `.esbuild-${o.ports.api}`,
    };
    delete slsEnv.NODE_OPTIONS; // tsx's loader must not ride into the Lambda workers
    const slsOut = fs.openSync(logs.api, 'w');
    const sls = spawn(path.join(ROOT, 'node_modules/.bin/serverless'), ['offline', 'start', '--stage', 'local', '--host', '127.0.0.1'], {
      cwd: ROOT,
      env: slsEnv,
      detached: true,
      stdio: ['ignore', slsOut, slsOut],
    });
    fs.closeSync(slsOut);
    children.push(sls);

    const ddb = await phase(
      'DynamoDB Local',
      () => startDynamo({ port: o.ports.dynamo, dbPath: o.dbPath }),
      () => (o.dbPath ? `data in ${path.relative(ROOT, o.dbPath)}` : 'in memory'),
    );
    children.push(ddb.proc);
    await phase(
      `table ${TABLE_NAME}`,
      () => ensureTable(ddb.endpoint, TABLE_NAME),
      (created) => (created ? 'created' : 'there'),
    );

    // the aggregator's event source: counts every committed change after it commits (DynamoDB Streams in a deployment)
    const readerPort = o.ports.streams ?? (await freePort());
    const reader = await phase('stream reader (counters)', () =>
      spawnStreamReader({
        endpoint: ddb.endpoint,
        table: TABLE_NAME,
        port: readerPort,
        deadLetterFile: path.join(dataDir, 'dead-letters.jsonl'),
        checkpointFile: o.dbPath ? path.join(dataDir, 'streams-checkpoint.json') : undefined,
        // the formal notices it writes (issue 15) go to the same store, sealed with the same keys, as the API's
        env: { ...env, STAGE: 'local', LOG_LEVEL: process.env.LOG_LEVEL ?? (o.quiet ? 'silent' : 'error') },
        out: fs.openSync(logs.streams, 'w'),
        yieldCpu: o.readerYieldsCpu,
        windowMs: o.readerWindowMs,
      }),
    );
    children.push(reader.proc);

    await phase(
      'demo data',
      async () => {
        const seed = await run('npx', ['tsx', 'scripts/seed.ts'], { cwd: ROOT, env });
        if (seed.code !== 0) throw new Error(`seeding failed: ${seed.out}`);
        return seed.out;
      },
      (out) => /loaded seed data \((\d+) rows\)/.exec(out)?.[0].replace('loaded seed data', 'loaded') ?? 'already loaded',
    );

    servers.push(await startFakeWechat(o.ports.wechat));

    await waitForPort(o.ports.api, 120_000, `serverless-offline (its output: ${path.relative(ROOT, logs.api)})`);
    await warmUp(o.ports.api);
    const apiPhase: Phase = { name: 'API (serverless-offline, every function warmed up)', ms: Date.now() - slsStarted };
    phases.push(apiPhase);
    o.onPhase?.(apiPhase);

    await build;
    servers.push(
      await phase(
        'web server',
        () => serveH5({ root: H5_DIST, port: o.ports.web, apiPort: o.ports.api, files: { dir: filesDir, secret: FILES_SECRET } }),
        () => 'brotli / gzip, hashed files cached for good',
      ),
    );
    const web = `http://127.0.0.1:${o.ports.web}`;
    return {
      urls: { web, api: `http://127.0.0.1:${o.ports.api}`, dynamo: ddb.endpoint, openapi: `${web}/v1/openapi.json`, streams: reader.url },
      clockFile,
      settle: reader.settle,
      logFile: logs.api,
      logs,
      phases,
      readyMs: Date.now() - t0,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  }
}
