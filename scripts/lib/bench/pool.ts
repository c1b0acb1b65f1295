import fs from 'node:fs';
import type { Meter } from '../../../functions/src/lib/meter';
import { costOf } from './cost';

export interface PoolRun {
  requests: number;
  seconds: number;
  /** latency of each request, ms, as the caller feels it (answer read to its end) */
  times: number[];
  statuses: Map<number, number>;
  /** the x-store-cost of each 2xx answer */
  costs: Meter[];
}

/**
 * `connections` workers, each taking the next target from `next` and sending one request for it, then the next,
 * until `seconds` have passed or the targets run out (next() → undefined). Unlike autocannon, every request can
 * have a target of its own (an application to accept, an order to claim, a member checking in once).
 * `done` sees each answer (to queue the next step's targets).
 */
export async function pool<T>(o: {
  connections: number;
  seconds: number;
  next: () => T | undefined;
  fire: (target: T) => Promise<Response>;
  done?: (target: T, status: number, body: string) => void;
}): Promise<PoolRun> {
  const run: PoolRun = { requests: 0, seconds: 0, times: [], statuses: new Map(), costs: [] };
  const t0 = performance.now();
  const end = t0 + o.seconds * 1000;
  const worker = async () => {
    for (let target = o.next(); target !== undefined; target = performance.now() < end ? o.next() : undefined) {
      const t = performance.now();
      let status = 0;
      let body = '';
      try {
        const r = await o.fire(target);
        body = await r.text();
        status = r.status;
        const cost = costOf(r);
        if (cost && status < 300) run.costs.push(cost);
      } catch {
        /* no answer: counted as status 0 */
      }
      run.times.push(performance.now() - t);
      run.requests++;
      run.statuses.set(status, (run.statuses.get(status) ?? 0) + 1);
      o.done?.(target, status, body);
    }
  };
  await Promise.all(Array.from({ length: o.connections }, worker));
  run.seconds = (performance.now() - t0) / 1000;
  return run;
}

/** A queue of targets for pool(): take() hands them out in order, then undefined. */
export function queue<T>(items: T[] = []) {
  let i = 0;
  return { items, take: () => (i < items.length ? items[i++] : undefined), left: () => items.length - i };
}

/**
 * Lines of the API's log (serverless-offline's output, which startStack keeps in .cache/api-<port>.log when quiet)
 * that match, counted since the last call: how many transaction conflicts were retried during one measurement.
 */
export function logCounter(file: string, pattern: RegExp) {
  let offset = fs.existsSync(file) ? fs.statSync(file).size : 0;
  return async () => {
    await new Promise((r) => setTimeout(r, 300)); // the workers' output reaches the file a moment later
    if (!fs.existsSync(file)) return 0;
    const size = fs.statSync(file).size;
    if (size <= offset) return 0;
    const fd = fs.openSync(file, 'r');
    const buf = Buffer.alloc(size - offset);
    fs.readSync(fd, buf, 0, buf.length, offset);
    fs.closeSync(fd);
    offset = size;
    return buf
      .toString('utf8')
      .split('\n')
      .filter((l) => pattern.test(l)).length;
  };
}
