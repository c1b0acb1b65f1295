/**
 * Dashboard counters kept as data changes (never computed by scanning): one row per scope for
 * the current counts by state and the running totals, one row per scope and ISO week for trends.
 * Deltas for one transaction are merged per row, since a transaction may touch a row only once.
 */
export type Scope = { kind: 'dept'; id: string } | { kind: 'street'; id: string } | { kind: 'district' };

export const counterKey = (scope: Scope, period = 'ALL') => ({
  pk: scope.kind === 'dept' ? `COUNT#DEPT#${scope.id}` : scope.kind === 'street' ? `COUNT#STREET#${scope.id}` : 'COUNT#DISTRICT',
  sk: period === 'ALL' ? 'ALL' : `W#${period}`,
});

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
  private rows = new Map<string, { key: { pk: string; sk: string }; add: Record<string, number> }>();

  add(scope: Scope, attrs: Record<string, number>, period = 'ALL'): this {
    const key = counterKey(scope, period);
    const id = `${key.pk}|${key.sk}`;
    const row = this.rows.get(id) ?? { key, add: {} };
    for (const [a, n] of Object.entries(attrs)) row.add[a] = (row.add[a] ?? 0) + n;
    this.rows.set(id, row);
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

  transactItems(tableName: string): Record<string, unknown>[] {
    return [...this.rows.values()]
      .map(({ key, add }) => {
        const entries = Object.entries(add).filter(([, n]) => n !== 0);
        if (!entries.length) return undefined;
        return {
          Update: {
            TableName: tableName,
            Key: key,
            UpdateExpression: `ADD ${entries.map((_, i) => `#a${i} :n${i}`).join(', ')}`,
            ExpressionAttributeNames: Object.fromEntries(entries.map(([a], i) => [`#a${i}`, a])),
            ExpressionAttributeValues: Object.fromEntries(entries.map(([, n], i) => [`:n${i}`, n])),
          },
        };
      })
      .filter((x): x is NonNullable<typeof x> => Boolean(x));
  }
}

export const stateAttr = (state: string) => `s_${state}`;
