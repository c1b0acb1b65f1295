import { businessDate, OPEN_STATES, APPLICATION_STATES, streetName } from '@yx/shared';
import { now } from '../lib/clock';
import { isoWeek, type Scope } from '../lib/counters';
import { readCounters } from '../lib/repository';
import { loadCatalog } from '../guide/repository';
import { notFound } from '../lib/errors';
import { escalatedForDashboard } from './supervision';

const WEEKS = 8;

/** The last n ISO weeks up to the week of `date`, oldest first. */
export function lastWeeks(date: string, n = WEEKS): string[] {
  const base = new Date(`${date}T00:00:00Z`).getTime();
  return Array.from({ length: n }, (_, i) => isoWeek(new Date(base - (n - 1 - i) * 7 * 86_400_000).toISOString().slice(0, 10)));
}

/** A dashboard: counts by state, on-time and satisfaction rates, 8-week trend — two store calls. */
export async function dashboard(scope: Scope) {
  const weeks = lastWeeks(businessDate(now()));
  const [{ all: row, byWeek }, escalated] = await Promise.all([
    readCounters(scope, weeks),
    // the district's view also lists the 督办 escalated to it (one Query)
    scope.kind === 'district' ? escalatedForDashboard() : undefined,
  ]);
  const n = (k: string) => Math.max(0, Number(row[k] ?? 0));
  const cat = await loadCatalog();
  const done = n('done');
  return {
    scope: scope.kind,
    name:
      scope.kind === 'dept'
        ? (cat.departments.find((d) => d.id === scope.id)?.name ?? scope.id)
        : scope.kind === 'street'
          ? (streetName(scope.id) ?? scope.id)
          : '越秀区',
    byState: Object.fromEntries(APPLICATION_STATES.map((s) => [s, n(`s_${s}`)])),
    open: OPEN_STATES.reduce((sum, s) => sum + n(`s_${s}`), 0),
    done,
    onTimeRate: done ? n('onTime') / done : null,
    avgUsedDays: done ? Math.round((n('usedDays') / done) * 10) / 10 : null,
    ratings: n('ratings'),
    satisfactionRate: n('ratings') ? n('satisfied') / n('ratings') : null,
    rectificationsOpen: n('rectOpen'), // 差评整改 still open
    // 诉求 and 越秀先锋 work orders handled in this scope (functions/src/aggregate/contributions.ts)
    workOrders: {
      filed: n('wo_filed'),
      open: n('wo_open'),
      closed: n('wo_closed'),
      resolved: n('wo_resolved'),
      reopened: n('wo_reopened'),
      duplicates: n('wo_duplicates'),
      onTimeRate: n('wo_resolved') ? n('wo_resolvedOnTime') / n('wo_resolved') : null,
      satisfactionRate: n('wo_rated') ? (n('wo_satisfied') + n('wo_basic')) / n('wo_rated') : null,
    },
    weeks: weeks.map((w) => {
      const r: Record<string, number> = byWeek.get(w) ?? {};
      return {
        week: w,
        received: Number(r.received ?? 0),
        done: Number(r.done ?? 0),
        onTime: Number(r.onTime ?? 0),
        woFiled: Number(r.wo_filed ?? 0),
        woClosed: Number(r.wo_closed ?? 0),
      };
    }),
    ...(escalated ? { escalatedSupervisions: escalated } : {}),
  };
}

export async function departmentExists(id: string): Promise<void> {
  if (!(await loadCatalog()).departments.some((d) => d.id === id)) throw notFound('未找到该部门');
}
