import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What one piece of work (a request, on the local stage) asked of DynamoDB: the calls by kind and the capacity the
 * store says they consumed. lib/db's client records every command sent while a meter is active; `npm run bench`
 * reads the figures from the `x-store-cost` header lib/http puts on local answers.
 */
export interface Meter {
  calls: number;
  /** GetItem, Query, BatchGetItem, TransactGetItems */
  reads: number;
  /** PutItem, UpdateItem, DeleteItem, BatchWriteItem */
  writes: number;
  /** TransactWriteItems */
  transactions: number;
  scans: number;
  /** capacity units; undefined while the store has reported none (asked for, but not every store answers) */
  rcu?: number;
  wcu?: number;
  /** calls per command name, in the order first sent */
  ops: Map<string, number>;
}

type Kind = 'reads' | 'writes' | 'transactions' | 'scans';
const KIND: Record<string, Kind> = {
  GetItem: 'reads',
  Query: 'reads',
  BatchGetItem: 'reads',
  TransactGetItems: 'reads',
  PutItem: 'writes',
  UpdateItem: 'writes',
  DeleteItem: 'writes',
  BatchWriteItem: 'writes',
  TransactWriteItems: 'transactions',
  Scan: 'scans',
};

/** The commands that take ReturnConsumedCapacity (others, such as DescribeTable, would refuse it). */
export const takesCapacity = (command: string) => command in KIND;

const storage = new AsyncLocalStorage<Meter>();

export const newMeter = (): Meter => ({ calls: 0, reads: 0, writes: 0, transactions: 0, scans: 0, ops: new Map() });

/** The meter of the work in progress, if it is metered. */
export const currentMeter = (): Meter | undefined => storage.getStore();

/** Runs `fn` under a fresh meter: every store call made by it (and by what it awaits) is counted there. */
export async function withMeter<T>(fn: () => Promise<T>): Promise<{ value: T; meter: Meter }> {
  const meter = newMeter();
  const value = await storage.run(meter, fn);
  return { value, meter };
}

/** One call of `command` ("GetItem", "TransactWriteItems"…), counted when it is sent, whatever its outcome. */
export function countCall(m: Meter, command: string): void {
  m.calls++;
  const kind = KIND[command];
  if (kind) m[kind]++;
  m.ops.set(command, (m.ops.get(command) ?? 0) + 1);
}

interface Capacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

/**
 * The ConsumedCapacity of an answer (one entry, or one per table for transactions and batches). Read and write units
 * are taken as given when the store splits them; otherwise the total counts as reads or writes by the command.
 */
export function addCapacity(m: Meter, command: string, consumed: Capacity | Capacity[] | undefined): void {
  if (!consumed) return;
  const writing = ['writes', 'transactions'].includes(KIND[command]);
  for (const c of Array.isArray(consumed) ? consumed : [consumed]) {
    const split = c.ReadCapacityUnits !== undefined || c.WriteCapacityUnits !== undefined;
    const read = split ? (c.ReadCapacityUnits ?? 0) : writing ? 0 : (c.CapacityUnits ?? 0);
    const write = split ? (c.WriteCapacityUnits ?? 0) : writing ? (c.CapacityUnits ?? 0) : 0;
    m.rcu = (m.rcu ?? 0) + read;
    m.wcu = (m.wcu ?? 0) + write;
  }
}

export const STORE_COST_HEADER = 'x-store-cost';

const round = (n: number) => String(Math.round(n * 100) / 100);

/**
 * The header's value: `key=value` pairs joined by ';', e.g.
 *   calls=4;reads=2;writes=1;transactions=1;scans=0;rcu=1.5;wcu=12;ops=GetItem*2,UpdateItem,TransactWriteItems
 * calls = reads + writes + transactions + scans (+ any other command); rcu/wcu are absent when the store reported no
 * capacity; ops lists each command with its count when above one.
 */
export function formatStoreCost(m: Meter): string {
  const parts = [`calls=${m.calls}`, `reads=${m.reads}`, `writes=${m.writes}`, `transactions=${m.transactions}`, `scans=${m.scans}`];
  if (m.rcu !== undefined) parts.push(`rcu=${round(m.rcu)}`);
  if (m.wcu !== undefined) parts.push(`wcu=${round(m.wcu)}`);
  parts.push(`ops=${[...m.ops].map(([op, n]) => (n > 1 ? `${op}*${n}` : op)).join(',')}`);
  return parts.join(';');
}

/** The header read back (by the bench); undefined when absent or not in this format. */
export function parseStoreCost(header: string | null | undefined): Meter | undefined {
  if (!header) return undefined;
  const fields = new Map(header.split(';').map((p) => p.split('=') as [string, string]));
  const num = (k: string) => (fields.has(k) ? Number(fields.get(k)) : undefined);
  if (num('calls') === undefined || Number.isNaN(num('calls'))) return undefined;
  const ops = new Map<string, number>();
  for (const op of (fields.get('ops') ?? '').split(',').filter(Boolean)) {
    const [name, n] = op.split('*');
    ops.set(name, Number(n ?? 1));
  }
  return {
    calls: num('calls')!,
    reads: num('reads') ?? 0,
    writes: num('writes') ?? 0,
    transactions: num('transactions') ?? 0,
    scans: num('scans') ?? 0,
    rcu: num('rcu'),
    wcu: num('wcu'),
    ops,
  };
}
