/**
 * npm start: the whole product locally on its embedded defaults.
 * Ports (override by env): WEB_PORT 8080, API_PORT 3000, DYNAMO_PORT 8000, LAMBDA_PORT 3002, WECHAT_PORT 4555.
 * Data persists in .data/dynamodb (git-ignored). Ctrl-C stops everything it started.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { assertJava } from './lib/dynamo';
import { ROOT, startStack } from './lib/stack';

const port = (name: string, dflt: number) => Number(process.env[name] ?? dflt);

async function main() {
  assertJava();
  const stack = await startStack({
    ports: {
      web: port('WEB_PORT', 8080),
      api: port('API_PORT', 3000),
      dynamo: port('DYNAMO_PORT', 8000),
      lambda: port('LAMBDA_PORT', 3002),
      wechat: port('WECHAT_PORT', 4555),
    },
    dbPath: path.join(ROOT, '.data/dynamodb'),
    buildH5: !process.argv.includes('--no-build'),
  });
  console.log(`
越秀掌上办 is running:
  App (H5)        ${stack.urls.web}      ← open this; 我的 → 登录 picks a demo person
  API             ${stack.urls.api}/v1/health
  API document    ${stack.urls.openapi}
  DynamoDB Local  ${stack.urls.dynamo}
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
