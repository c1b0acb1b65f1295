/**
 * The aggregator's tumbling window (Lambda's `tumblingWindowInSeconds` for DynamoDB Streams), pure: each invocation
 * folds its records into the window's state, which Lambda hands to the next invocation of the same shard; the final
 * invocation of the window writes the sum once. So a busy minute costs the store one small transaction per shard
 * and window, not a write per record.
 */
import * as z from 'zod';
import { CounterDeltas } from '../lib/counters';

/** What Lambda keeps between invocations of one shard's window (at most 1 MB; ours is a few dozen counter rows). */
export const WindowStateSchema = z
  .object({
    /** sequence number of the first record that moved a counter in this window: with the shard, names the window */
    first: z.string().max(64).optional(),
    rows: z
      .array(
        z.object({
          pk: z.string().max(200),
          sk: z.string().max(200),
          add: z.record(z.string().max(64), z.number().finite()),
        }),
      )
      .max(10_000)
      .default([]),
  })
  .strict();
export type WindowState = z.infer<typeof WindowStateSchema>;

/** The state Lambda passed in ({} at a window's start). */
export const parseState = (state: unknown): WindowState => WindowStateSchema.parse(state ?? {});

/** Records' deltas added to the window's state, in stream order (`seq`: each record's sequence number). */
export function foldAll(state: WindowState, changes: { seq: string; deltas: CounterDeltas }[]): WindowState {
  const sum = toDeltas(state);
  let first = state.first;
  let moved = false;
  for (const c of changes) {
    if (c.deltas.isEmpty) continue;
    first ??= c.seq;
    sum.merge(c.deltas);
    moved = true;
  }
  if (!moved) return state;
  return { first, rows: sum.rows().map(({ key, add }) => ({ pk: key.pk, sk: key.sk, add })) };
}

/** One record's deltas added to the window's state. */
export const fold = (state: WindowState, seq: string, deltas: CounterDeltas): WindowState => foldAll(state, [{ seq, deltas }]);

export function toDeltas(state: WindowState): CounterDeltas {
  const d = new CounterDeltas();
  for (const r of state.rows) d.addTo({ pk: r.pk, sk: r.sk }, r.add);
  return d;
}

/**
 * The window's counter rows in parts of at most `size`, in a fixed order: a retried final invocation makes the same
 * parts, so each part's mark (`<shard>#<first>#<part>`) says whether it was written before.
 */
export function parts(state: WindowState, size: number): { id: string; deltas: CounterDeltas }[] {
  const rows = [...state.rows].sort((a, b) => (a.pk === b.pk ? a.sk.localeCompare(b.sk) : a.pk.localeCompare(b.pk)));
  const out: { id: string; deltas: CounterDeltas }[] = [];
  for (let i = 0; i < rows.length; i += size) out.push({ id: String(i / size), deltas: toDeltas({ rows: rows.slice(i, i + size) }) });
  return out;
}
