import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureTable, startDynamo } from '../../scripts/lib/dynamo';
import { freePort } from '../../scripts/lib/ports';
import { spawnStreamReader } from '../../scripts/lib/streams';

/**
 * One in-memory DynamoDB Local for the API tests, on a free port, and the stream reader that feeds the aggregator
 * (counters), as in the local stack. Env set here reaches the workers.
 */
export default async function globalSetup(): Promise<void> {
  const port = await freePort();
  const { endpoint, proc } = await startDynamo({ port });
  process.env.DYNAMODB_ENDPOINT = endpoint;
  process.env.TABLE_NAME = 'yx-test';
  await ensureTable(endpoint, 'yx-test');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yx-streams-test-'));
  const reader = await spawnStreamReader({
    endpoint,
    table: 'yx-test',
    port: await freePort(),
    deadLetterFile: path.join(dir, 'dead-letters.jsonl'),
    // formal notices (issue 15): their PDFs and sealing keys in throw-away folders
    // (the workers' keyed hashes, test/env.ts: a notice's check code must verify in the tests)
    env: {
      STAGE: 'local',
      LOG_LEVEL: 'silent',
      PII_HASH_SECRET: 'test-pii-secret',
      LOCAL_FILES_DIR: path.join(dir, 'files'),
      LOCAL_KEYS_DIR: path.join(dir, 'keys'),
    },
    out: fs.openSync(path.join(dir, 'streams.log'), 'w'),
  });
  process.env.STREAMS_URL = reader.url;
  process.env.STREAMS_DEAD_LETTERS = path.join(dir, 'dead-letters.jsonl');
  (globalThis as { __DDB_PID__?: number }).__DDB_PID__ = proc.pid;
  (globalThis as { __STREAMS_PID__?: number }).__STREAMS_PID__ = reader.proc.pid;
}
