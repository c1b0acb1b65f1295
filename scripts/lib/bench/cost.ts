import { parseStoreCost, STORE_COST_HEADER, type Meter } from '../../../functions/src/lib/meter';
import { median } from './stats';

/**
 * What a route asks of DynamoDB, read from the `x-store-cost` header the local stage puts on every answer
 * (functions/src/lib/meter.ts), against the budgets: a read route ≤ 3 calls; a write route ≤ 1
 * TransactWriteItems and ≤ 2 other calls; no route scans.
 */
export type RouteKind = 'read' | 'write';

export const costOf = (r: Response) => parseStoreCost(r.headers.get(STORE_COST_HEADER));

/** The median of each figure over the answers; the commands of an answer that made the median number of calls. */
export function medianCost(costs: readonly Meter[]): Meter | undefined {
  if (!costs.length) return undefined;
  const mid = (f: (m: Meter) => number | undefined) => {
    const xs = costs.map(f).filter((x): x is number => x !== undefined);
    return xs.length ? median(xs) : undefined;
  };
  const calls = mid((m) => m.calls)!;
  // a request that made no call consumed nothing (its header has no capacity to report)
  const units = (m: Meter, u: number | undefined) => (m.calls === 0 ? 0 : u);
  return {
    calls,
    reads: mid((m) => m.reads)!,
    writes: mid((m) => m.writes)!,
    transactions: mid((m) => m.transactions)!,
    scans: mid((m) => m.scans)!,
    rcu: mid((m) => units(m, m.rcu)),
    wcu: mid((m) => units(m, m.wcu)),
    ops: (costs.find((m) => m.calls === calls) ?? costs[0]).ops,
  };
}

export function verdict(kind: RouteKind, m: Meter | undefined): string {
  if (!m) return 'no x-store-cost header';
  const over: string[] = [];
  if (kind === 'read' && m.calls > 3) over.push(`${m.calls} calls > 3`);
  if (kind === 'write' && m.transactions > 1) over.push(`${m.transactions} transactions > 1`);
  if (kind === 'write' && m.calls - m.transactions > 2) over.push(`${m.calls - m.transactions} calls besides the transaction > 2`);
  if (m.scans > 0) over.push(`${m.scans} scan${m.scans > 1 ? 's' : ''}`);
  return over.length ? `over budget: ${over.join(', ')}` : 'ok';
}

const units = (n: number | undefined) => (n === undefined ? '–' : String(Math.round(n * 10) / 10));
const ops = (m: Meter) => [...m.ops].map(([op, n]) => (n > 1 ? `${op}×${n}` : op)).join(', ') || 'none';

/** The table cells: calls | RCU | WCU | commands | budget. */
export function costCells(kind: RouteKind, costs: readonly Meter[]): string {
  const m = medianCost(costs);
  if (!m) return `– | – | – | – | ${verdict(kind, m)}`;
  return `${m.calls} | ${units(m.rcu)} | ${units(m.wcu)} | ${ops(m)} | ${verdict(kind, m)}`;
}

export const COST_COLUMNS = { head: 'calls | RCU | WCU | store commands (median request) | store budget', rule: '---:|---:|---:|---|---' };

/** A few requests one after another, for the header of each (autocannon does not keep headers). */
export async function sampleCosts(send: () => Promise<Response>, n = 5): Promise<Meter[]> {
  const out: Meter[] = [];
  for (let i = 0; i < n; i++) {
    const r = await send();
    await r.arrayBuffer();
    const c = costOf(r);
    if (c) out.push(c);
  }
  return out;
}
