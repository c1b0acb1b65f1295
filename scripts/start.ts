/**
 * npm start: the whole product locally on its embedded defaults.
 * Ports (override by env): WEB_PORT 8080, API_PORT 3000, DYNAMO_PORT 8000, LAMBDA_PORT 3002, WECHAT_PORT 4555.
 * Data persists in .data/dynamodb (git-ignored). Ctrl-C stops everything it started.
 * The H5 app is rebuilt only when its sources changed since the last build (`-- --build` always, `-- --no-build` never),
 * beside the other steps, with webpack's persistent cache in .cache/h5-webpack. Prints one line per step with its time,
 * then the URLs and the demo people last; every process's output goes to a file under .cache/ (named in that banner).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SEED_USERS } from '../functions/src/identity/seedUsers';
import { assertJava } from './lib/dynamo';
import { H5_CACHE_DIR, H5_DIST, h5SourceHash, readStamp } from './lib/h5build';
import { ROOT, startStack, type Phase } from './lib/stack';

const port = (name: string, dflt: number) => Number(process.env[name] ?? dflt);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** columns on a terminal: a Chinese character takes two */
const width = (s: string) => [...s].reduce((n, c) => n + (c.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(1, n - width(s)));

/** The demo people to try first (every seeded person is on the development login page). */
const DEMO_PEOPLE = [
  'u-resident-zhang',
  'u-resident-li',
  'u-resident-zhou',
  'u-enterprise-chen',
  'u-staff-market',
  'u-staff-urban',
  'u-grid-beijing',
  'u-dispatcher-beijing',
  'u-resident-huang',
  'u-admin',
];

const rel = (file: string) => path.relative(ROOT, file);

async function main() {
  assertJava();
  const force = process.argv.includes('--build');
  const reuse = process.argv.includes('--no-build');
  const ports = {
    web: port('WEB_PORT', 8080),
    api: port('API_PORT', 3000),
    dynamo: port('DYNAMO_PORT', 8000),
    lambda: port('LAMBDA_PORT', 3002),
    wechat: port('WECHAT_PORT', 4555),
  };
  const haveBuild = fs.existsSync(path.join(H5_DIST, 'index.html'));
  if (!haveBuild || (!reuse && (force || readStamp()?.hash !== h5SourceHash()))) {
    const took = fs.existsSync(H5_CACHE_DIR) ? "about 15 s with webpack's cache of the last one" : 'about 45 s from scratch on 2 cores';
    console.log(`… building the H5 app beside the other steps (${took}; Taro's output: .cache/h5-build-${ports.web}.log)`);
  }
  const stack = await startStack({
    ports,
    dbPath: path.join(ROOT, '.data/dynamodb'),
    buildH5: !reuse,
    h5: { ifChanged: !force, cache: true },
    onPhase: (p: Phase) => console.log(`✓ ${p.name.padEnd(52)} ${seconds(p.ms).padStart(7)}${p.detail ? `  ${p.detail}` : ''}`),
  });
  const people = DEMO_PEOPLE.map((id) => SEED_USERS.find((u) => u.id === id)).filter((u) => u !== undefined);
  const nameWidth = Math.max(...people.map((u) => width(u.nickname))) + 2;
  console.log(`
越秀掌上办 is running (ready in ${seconds(stack.readyMs)}):
  App (H5)        ${stack.urls.web}      ← open this; 我的 → 登录 picks a demo person
  API             ${stack.urls.api}/v1/health
  API document    ${stack.urls.openapi}
  DynamoDB Local  ${stack.urls.dynamo}
  Logs            ${rel(stack.logs.api)} (the API: routes, every request), ${rel(stack.logs.streams)}, ${rel(stack.logs.h5)}
Demo people (我的 → 登录; ${SEED_USERS.length - people.length} more there):
${people.map((u) => `  ${pad(u.nickname, nameWidth)}${u.description}`).join('\n')}
Press Ctrl-C to stop.`);
  // the scheduled jobs (容缺 follow-up, subscribe-message outbox) run every minute, as EventBridge would
  const jobs = setInterval(() => {
    spawn('npx', ['tsx', 'scripts/jobs.ts'], {
      cwd: ROOT,
      stdio: 'ignore',
      env: { ...process.env, DYNAMODB_ENDPOINT: stack.urls.dynamo, TABLE_NAME: 'yx-local', STAGE: 'local', LOG_LEVEL: 'silent', CLOCK_FILE: stack.clockFile },
    });
  }, 60_000);
  jobs.unref();
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping…');
    clearInterval(jobs);
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((e) => {
  console.error(`✗ ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
