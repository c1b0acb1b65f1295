import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import type http from 'node:http';
import path from 'node:path';
import { ensureTable, killGroup, startDynamo } from './dynamo';
import { startFakeWechat } from './fakeWechat';
import { freePort, portInUse, waitForPort } from './ports';
import { spawnStreamReader } from './streams';
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
  buildH5: boolean;
  quiet?: boolean;
  /** the stream reader yields the cores to the API and the store (the bench: in a deployment it has its own compute) */
  readerYieldsCpu?: boolean;
  /** the aggregator's tumbling window locally (default 2 s; the bench uses the deployment's, serverless.yml's) */
  readerWindowMs?: number;
}

export interface Stack {
  /** `streams`: the stream reader (POST /settle waits until the counters include every change written before) */
  urls: { web: string; api: string; dynamo: string; openapi: string; streams: string };
  /** write { offsetMs } here to move every function's clock (local stage only) */
  clockFile: string;
  /** resolves once the counters include every change written before the call (the stream reader has caught up) */
  settle: () => Promise<void>;
  /** the API's output, when quiet */
  logFile?: string;
  stop: () => Promise<void>;
}

const say = (quiet: boolean | undefined, msg: string) => {
  if (!quiet) console.log(msg);
};

/** One call per function, so the first person (or test) does not wait for cold workers. */
async function warmUp(apiPort: number): Promise<void> {
  // one route of every function (a 4xx is fine: the function has loaded)
  for (const p of ['/v1/health', '/v1/services?limit=1', '/v1/me', '/v1/dev/users', '/v1/applications', '/v1/messages', '/v1/calendar', '/v1/files']) {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const r = await fetch(`http://127.0.0.1:${apiPort}${p}`, { signal: AbortSignal.timeout(30_000) });
        if (r.status < 500) break;
      } catch {
        /* retry */
      }
    }
  }
}

/** Builds the H5 app (same-origin API) into miniapp/dist/h5. */
export function buildH5(quiet?: boolean): void {
  const r = spawnSync('npx', ['taro', 'build', '--type', 'h5'], {
    cwd: path.join(ROOT, 'miniapp'),
    stdio: quiet ? 'pipe' : 'inherit',
    env: { ...process.env, TARO_APP_STAGE: 'local', TARO_APP_API_BASE: '', NODE_ENV: 'production' },
  });
  if (r.status !== 0) {
    if (quiet) process.stderr.write(r.stdout?.toString() ?? '');
    throw new Error('H5 build failed');
  }
}

/**
 * The whole local stack: DynamoDB Local → table → seed (once) → serverless-offline → H5 + proxy.
 * Every child runs in its own process group, so stop() leaves nothing behind.
 */
export async function startStack(o: StackOptions): Promise<Stack> {
  const taken: string[] = [];
  for (const [name, port] of Object.entries(o.ports)) if (await portInUse(port)) taken.push(`${name} ${port}`);
  if (taken.length) {
    throw new Error(
      `端口已被占用 / port already in use: ${taken.join(', ')}. Stop what uses it, or set other ports (e.g. WEB_PORT=8081 API_PORT=3100 npm start).`,
    );
  }
  const children: ChildProcess[] = [];
  const servers: http.Server[] = [];
  const stop = async () => {
    for (const s of servers) await new Promise((r) => s.close(() => r(undefined)));
    for (const c of children.reverse()) killGroup(c);
  };
  try {
    if (o.dbPath) fs.mkdirSync(o.dbPath, { recursive: true });
    // uploaded materials: next to the data when persisted, a throw-away folder otherwise
    const filesDir = o.dbPath ? path.join(path.dirname(o.dbPath), 'files') : fs.mkdtempSync(path.join(os.tmpdir(), 'yx-files-'));
    fs.mkdirSync(filesDir, { recursive: true });
    const clockFile = path.join(path.dirname(filesDir), 'clock.json'); // npm run clock moves it
    const ddb = await startDynamo({ port: o.ports.dynamo, dbPath: o.dbPath });
    children.push(ddb.proc);
    say(o.quiet, `✓ DynamoDB Local on ${ddb.endpoint}${o.dbPath ? ` (data in ${path.relative(ROOT, o.dbPath)})` : ' (in memory)'}`);
    if (await ensureTable(ddb.endpoint, TABLE_NAME)) say(o.quiet, `✓ created table ${TABLE_NAME}`);

    fs.mkdirSync(path.join(ROOT, '.cache'), { recursive: true });
    // the aggregator's event source: counts every committed change after it commits (DynamoDB Streams in a deployment)
    const dataDir = o.dbPath ? path.dirname(o.dbPath) : path.dirname(filesDir);
    const reader = await spawnStreamReader({
      endpoint: ddb.endpoint,
      table: TABLE_NAME,
      port: o.ports.streams ?? (await freePort()),
      deadLetterFile: path.join(dataDir, 'dead-letters.jsonl'),
      checkpointFile: o.dbPath ? path.join(dataDir, 'streams-checkpoint.json') : undefined,
      env: { STAGE: 'local', LOG_LEVEL: process.env.LOG_LEVEL ?? (o.quiet ? 'silent' : 'error') },
      // quiet runs (tests, bench) keep its output in a file, beside the API's
      out: o.quiet ? fs.openSync(path.join(ROOT, '.cache', `streams-${o.ports.api}.log`), 'w') : 'inherit',
      yieldCpu: o.readerYieldsCpu,
      windowMs: o.readerWindowMs,
    });
    children.push(reader.proc);
    say(o.quiet, `✓ stream reader (counters) on ${reader.url}`);

    const env = {
      ...process.env,
      DYNAMODB_ENDPOINT: ddb.endpoint,
      TABLE_NAME,
      STAGE: 'local',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      API_PORT: String(o.ports.api),
      LAMBDA_PORT: String(o.ports.lambda),
      WECHAT_API_BASE: `http://127.0.0.1:${o.ports.wechat}`,
      LOCAL_FILES_DIR: filesDir,
      LOCAL_FILES_URL: `http://127.0.0.1:${o.ports.web}/local-files/upload`,
      LOCAL_FILES_SECRET: FILES_SECRET,
      CLOCK_FILE: clockFile,
      LOG_LEVEL: process.env.LOG_LEVEL ?? (o.quiet ? 'silent' : 'info'),
    };
    const seed = spawnSync('npx', ['tsx', 'scripts/seed.ts'], { cwd: ROOT, env, stdio: o.quiet ? 'pipe' : 'inherit' });
    if (seed.status !== 0) throw new Error(`seeding failed: ${seed.stderr?.toString() ?? ''}`);

    servers.push(await startFakeWechat(o.ports.wechat));

    if (o.buildH5 || !fs.existsSync(path.join(ROOT, 'miniapp/dist/h5/index.html'))) {
      say(o.quiet, '… building the H5 app (about 20 s)');
      buildH5(o.quiet);
    }

    // quiet runs (tests) keep the API's output in a file, to read when something fails
    const logFile = path.join(ROOT, '.cache', `api-${o.ports.api}.log`);
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    const out = o.quiet ? fs.openSync(logFile, 'w') : 'inherit';
    const slsEnv: NodeJS.ProcessEnv = {
      ...env,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      ESBUILD_WORK_FOLDER: o.dbPath ? '.esbuild' : `.esbuild-${o.ports.api}`,
    };
    delete slsEnv.NODE_OPTIONS; // tsx's loader must not ride into the Lambda workers
    const sls = spawn(path.join(ROOT, 'node_modules/.bin/serverless'), ['offline', 'start', '--stage', 'local', '--host', '127.0.0.1'], {
      cwd: ROOT,
      env: slsEnv,
      detached: true,
      stdio: ['ignore', out, out],
    });
    children.push(sls);
    await waitForPort(o.ports.api, 90_000, 'serverless-offline');
    await warmUp(o.ports.api);
    say(o.quiet, `✓ API (serverless-offline) on http://127.0.0.1:${o.ports.api}`);

    servers.push(
      await serveH5({ root: path.join(ROOT, 'miniapp/dist/h5'), port: o.ports.web, apiPort: o.ports.api, files: { dir: filesDir, secret: FILES_SECRET } }),
    );
    const web = `http://127.0.0.1:${o.ports.web}`;
    return {
      urls: { web, api: `http://127.0.0.1:${o.ports.api}`, dynamo: ddb.endpoint, openapi: `${web}/v1/openapi.json`, streams: reader.url },
      clockFile,
      settle: reader.settle,
      logFile: o.quiet ? logFile : undefined,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
