/**
 * CPU time of the local stack's processes (this process's descendants, from /proc): DynamoDB Local (java), the
 * stream reader (the aggregator) and the API (serverless-offline and its workers). On a 2-core machine, a route's
 * latency under load follows what each request costs all of them, so the bench prints it per request.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export type CpuKind = 'store' | 'reader' | 'api';
export type CpuSnapshot = Record<CpuKind, number>;

let tick = 0;
const msPerTick = () => (tick ||= 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim() || 100));

function children(): Map<number, number[]> {
  const byParent = new Map<number, number[]>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const ppid = Number(fs.readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      byParent.set(ppid, [...(byParent.get(ppid) ?? []), Number(name)]);
    } catch {
      /* gone meanwhile */
    }
  }
  return byParent;
}

/** CPU milliseconds used so far by each kind of process under this one (Linux only; zeros elsewhere). */
export function cpuSnapshot(): CpuSnapshot {
  const out: CpuSnapshot = { store: 0, reader: 0, api: 0 };
  if (!fs.existsSync('/proc/self/stat')) return out;
  const byParent = children();
  const todo = [...(byParent.get(process.pid) ?? [])];
  while (todo.length) {
    const pid = todo.pop()!;
    todo.push(...(byParent.get(pid) ?? []));
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      const ms = (Number(fields[11]) + Number(fields[12])) * msPerTick(); // utime + stime, all threads
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      out[cmd.includes('DynamoDBLocal') ? 'store' : cmd.includes('streams.ts') ? 'reader' : 'api'] += ms;
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

/** "store · API · reader" CPU ms per request between two snapshots. */
export const cpuPerRequest = (a: CpuSnapshot, b: CpuSnapshot, requests: number): string =>
  (['store', 'api', 'reader'] as const).map((k) => (requests ? ((b[k] - a[k]) / requests).toFixed(1) : '–')).join(' · ');
