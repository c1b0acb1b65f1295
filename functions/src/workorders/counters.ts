import { CounterDeltas, isoWeek, type Scope } from '../lib/counters';
import type { WorkOrderRecord } from './repository';

/**
 * Work-order counters on the same dashboard rows as applications (attributes prefixed `wo_`):
 * the handling department (if a department handles it), the order's street and the district.
 * Kept as orders change, in the change's own transaction.
 */
export function woScopes(wo: Pick<WorkOrderRecord, 'teamId' | 'street'>): Scope[] {
  const scopes: Scope[] = [{ kind: 'district' }];
  if (wo.teamId.startsWith('dept:')) scopes.push({ kind: 'dept', id: wo.teamId.slice(5) });
  if (wo.street) scopes.push({ kind: 'street', id: wo.street });
  return scopes;
}

export function woCounters(
  changes: { wo: Pick<WorkOrderRecord, 'teamId' | 'street'>; all: Record<string, number>; week?: { of: string; add: Record<string, number> } }[],
): CounterDeltas {
  const d = new CounterDeltas();
  for (const c of changes) {
    for (const scope of woScopes(c.wo)) {
      d.add(scope, c.all);
      if (c.week) d.add(scope, c.week.add, isoWeek(c.week.of));
    }
  }
  return d;
}
