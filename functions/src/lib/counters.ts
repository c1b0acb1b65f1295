/**
 * Dashboard counters kept as data changes (never computed by scanning): one row per scope for
 * the current counts by state and the running totals, one row per scope and ISO week for trends.
 * Deltas for one transaction are merged per row, since a transaction may touch a row only once;
 * lib/repository.ts `counterItems` turns them into the transaction's updates.
 */
import type { Scope } from './entities/counters';

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

const scopeId = (s: Scope) => (s.kind === 'district' ? 'district' : `${s.kind}:${s.id}`);

export class CounterDeltas {
  private byRow = new Map<string, { scope: Scope; period: string; add: Record<string, number> }>();

  add(scope: Scope, attrs: Record<string, number>, period = 'ALL'): this {
    const id = `${scopeId(scope)}|${period}`;
    const row = this.byRow.get(id) ?? { scope, period, add: {} };
    for (const [a, n] of Object.entries(attrs)) row.add[a] = (row.add[a] ?? 0) + n;
    this.byRow.set(id, row);
    return this;
  }

  /** The same deltas for the department, the applicant's street (街道绩效) and the district, now and in the week of `date`. */
  everywhere(departmentId: string, attrs: Record<string, number>, weekOf?: string, streetId?: string): this {
    const scopes: Scope[] = [{ kind: 'dept', id: departmentId }, { kind: 'district' }];
    if (streetId) scopes.push({ kind: 'street', id: streetId });
    for (const scope of scopes) {
      this.add(scope, attrs);
      if (weekOf) this.add(scope, attrs, isoWeek(weekOf));
    }
    return this;
  }

  /** Another set of deltas merged into this one. */
  merge(other: CounterDeltas | undefined): this {
    for (const r of other?.rows() ?? []) this.add(r.scope, r.add, r.period);
    return this;
  }

  rows() {
    return [...this.byRow.values()];
  }
}

export const stateAttr = (state: string) => `s_${state}`;
