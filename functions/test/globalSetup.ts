import { ensureTable, startDynamo } from '../../scripts/lib/dynamo';
import { freePort } from '../../scripts/lib/ports';

/** One in-memory DynamoDB Local for the API tests, on a free port. Env set here reaches the workers. */
export default async function globalSetup(): Promise<void> {
  const port = await freePort();
  const { endpoint, proc } = await startDynamo({ port });
  process.env.DYNAMODB_ENDPOINT = endpoint;
  process.env.TABLE_NAME = 'yx-test';
  await ensureTable(endpoint, 'yx-test');
  (globalThis as { __DDB_PID__?: number }).__DDB_PID__ = proc.pid;
}
