/**
 * Counters kept as data changes (never computed by scanning in a request): dashboard rows per scope (now and per
 * ISO week), the member zone's daily figures, a benefit's redeemed count. Requests never write them: the
 * aggregator (functions/src/aggregate) derives them from each committed change, as what the changed record
 * contributes now minus what it contributed before. Deltas are merged per row, since a transaction may touch a
 * row only once; lib/repository.ts `counterItems` turns them into ADDs.
 */
import { keys, type Scope } from './entities/counters';
import type { Key } from './entities/entity';

export type { Scope };

/** ISO week of a business date, e.g. 2026-W48. */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7; // Monday 0
  d.setUTCDate(d.getUTCDate() - day + 3); // Thursday of this week
  const firstThursday = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((d.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export class CounterDeltas {
  private byRow = new Map<string, { key: Key; add: Record<string, number> }>();

  /** Adds to the counters of one row (any counter row: its key comes from an entity module). */
  addTo(key: Key, attrs: Record<string, number>): this {
    const id = `${key.pk}|${key.sk}`;
    const row = this.byRow.get(id) ?? { key, add: {} };
    for (const [a, n] of Object.entries(attrs)) row.add[a] = (row.add[a] ?? 0) + n;
    this.byRow.set(id, row);
    return this;
  }

  /** Adds to a dashboard scope's row: all-time, or the ISO week `period`. */
  add(scope: Scope, attrs: Record<string, number>, period = 'ALL'): this {
    return this.addTo(keys.counter(scope, period), attrs);
  }

  /** The same deltas in each scope, all-time and, with `weekOf`, in the week of that business date. */
  inScopes(scopes: readonly Scope[], attrs: Record<string, number>, weekOf?: string): this {
    for (const scope of scopes) {
      this.add(scope, attrs);
      if (weekOf) this.add(scope, attrs, isoWeek(weekOf));
    }
    return this;
  }

  /** Another set of deltas merged into this one, each count multiplied by `sign` (-1 takes it away). */
  merge(other: CounterDeltas | undefined, sign = 1): this {
    for (const r of other?.rows() ?? []) this.addTo(r.key, Object.fromEntries(Object.entries(r.add).map(([a, n]) => [a, n * sign])));
    return this;
  }

  /** Rows with at least one count that moves. */
  rows(): { key: Key; add: Record<string, number> }[] {
    return [...this.byRow.values()]
      .map((r) => ({ key: r.key, add: Object.fromEntries(Object.entries(r.add).filter(([, n]) => n !== 0)) }))
      .filter((r) => Object.keys(r.add).length > 0);
  }

  get isEmpty(): boolean {
    return this.rows().length === 0;
  }
}

export const stateAttr = (state: string) => `s_${state}`;
