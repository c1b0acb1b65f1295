import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { killGroup, startDynamo } from '../dynamo';
import { freePort } from '../ports';

const ROOT = path.resolve(__dirname, '../../..');

/** The peak resident memory of a process (DynamoDB Local's JVM), MB; NaN where /proc is not readable. */
function peakRssMb(pid: number | undefined): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/**
 * One scale of a store bench: its own DynamoDB Local (in memory, a free port; `javaOptions` for its JVM) and a node child
 * (`script args`, with the app's store settings) whose last stdout line is its JSON result. The store is stopped whatever
 * happens, Ctrl-C included; its peak memory is read before.
 */
export async function inOwnStore<T>(o: {
  script: string;
  args: string[];
  /** what the child is, for the error when it fails */
  what: string;
  /** the table, once the store is up */
  prepare: (endpoint: string) => Promise<void>;
  tableName: string;
  env?: Record<string, string>;
  javaOptions?: string;
}): Promise<{ result: T; dynamoPeakMb: number }> {
  const port = await freePort();
  const before = process.env.JAVA_TOOL_OPTIONS;
  if (o.javaOptions) process.env.JAVA_TOOL_OPTIONS = [before, o.javaOptions].filter(Boolean).join(' ');
  const dynamo = await startDynamo({ port }).finally(() => {
    if (before === undefined) delete process.env.JAVA_TOOL_OPTIONS;
    else process.env.JAVA_TOOL_OPTIONS = before;
  });
  const stop = () => killGroup(dynamo.proc);
  const interrupted = () => {
    stop();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  try {
    await o.prepare(dynamo.endpoint);
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [...process.execArgv, o.script, ...o.args], {
        cwd: ROOT,
        env: {
          ...process.env,
          DYNAMODB_ENDPOINT: dynamo.endpoint,
          TABLE_NAME: o.tableName,
          STAGE: 'local',
          LOG_LEVEL: 'silent',
          CLOCK_FILE: '',
          FAKE_NOW: '',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          ...o.env,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d.toString()));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`${o.what} exited with ${code}`))));
    });
    const dynamoPeakMb = peakRssMb(dynamo.proc.pid);
    return { result: JSON.parse(out.trim().split('\n').pop()!) as T, dynamoPeakMb };
  } finally {
    process.off('SIGINT', interrupted);
    stop();
  }
}
