import { CounterDeltas, isoWeek } from './counters';
import { counterItems } from './repository';

describe('counters', () => {
  it('names ISO weeks', () => {
    expect(isoWeek('2026-11-26')).toBe('2026-W48');
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2025-12-29')).toBe('2026-W01');
  });

  it('merges deltas per row so a transaction touches each row once, and drops counts that cancel out', () => {
    const market = { kind: 'dept', id: 'market' } as const;
    const d = new CounterDeltas()
      .inScopes([market, { kind: 'district' }], { s_submitted: 1 }, '2026-11-26')
      .inScopes([market, { kind: 'district' }], { s_submitted: 1, received: 1 }, '2026-11-26')
      .inScopes([market], { s_accepted: 1 })
      .merge(new CounterDeltas().inScopes([market], { s_accepted: 1 }), -1);
    const items = counterItems(d) as { Update: { Key: { pk: string; sk: string }; ExpressionAttributeValues: Record<string, number> } }[];
    expect(items).toHaveLength(4);
    const ids = items.map((i) => `${i.Update.Key.pk}|${i.Update.Key.sk}`);
    expect(new Set(ids).size).toBe(4);
    expect(items[0].Update.ExpressionAttributeValues).toEqual({ ':n0': 2, ':n1': 1 });
    expect(new CounterDeltas().add(market, { a: 1 }).merge(new CounterDeltas().add(market, { a: 1 }), -1).isEmpty).toBe(true);
  });
});
