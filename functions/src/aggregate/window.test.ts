import { CounterDeltas } from '../lib/counters';
import { fold, parseState, parts, toDeltas } from './window';

const row = (pk: string, add: Record<string, number>) => new CounterDeltas().addTo({ pk, sk: 'ALL' }, add);

describe('the aggregator window', () => {
  it('sums the deltas of its records per row and names itself by the first record that moved a counter', () => {
    let s = parseState(undefined);
    s = fold(s, '100', new CounterDeltas()); // a record that moves nothing (a probe, a draft) names nothing
    expect(s.first).toBeUndefined();
    s = fold(s, '101', row('COUNT#DISTRICT', { s_submitted: 1, received: 1 }));
    s = fold(s, '102', row('COUNT#DISTRICT', { s_submitted: -1, s_accepted: 1 }));
    s = fold(s, '103', row('COUNT#DEPT#police', { received: 1 }));
    expect(s.first).toBe('101');
    expect(toDeltas(s).rows()).toEqual([
      { key: { pk: 'COUNT#DISTRICT', sk: 'ALL' }, add: { received: 1, s_accepted: 1 } },
      { key: { pk: 'COUNT#DEPT#police', sk: 'ALL' }, add: { received: 1 } },
    ]);
  });

  it('drops a row whose counts cancel out', () => {
    let s = fold(parseState({}), '1', row('COUNT#DISTRICT', { wo_open: 1 }));
    s = fold(s, '2', row('COUNT#DISTRICT', { wo_open: -1 }));
    expect(s.rows).toEqual([]);
    expect(s.first).toBe('1');
  });

  it('cuts the same parts whatever order the rows came in, so a retried final invocation finds its marks', () => {
    let a = parseState({});
    let b = parseState({});
    const names = Array.from({ length: 250 }, (_, i) => `COUNT#DEPT#d${i}`);
    names.forEach((pk, i) => (a = fold(a, String(i + 1), row(pk, { received: 1 }))));
    [...names].reverse().forEach((pk, i) => (b = fold(b, String(i + 1), row(pk, { received: 1 }))));
    const ids = (s: typeof a) => parts(s, 99).map((p) => [p.id, p.deltas.rows().map((r) => r.key.pk)]);
    expect(parts(a, 99).map((p) => p.deltas.rows().length)).toEqual([99, 99, 52]);
    expect(ids(a)).toEqual(ids(b));
  });

  it('refuses a state that is not its own (unknown keys, numbers that are not finite)', () => {
    expect(() => parseState({ rows: [], extra: 1 })).toThrow();
    expect(() => parseState({ rows: [{ pk: 'A', sk: 'B', add: { n: Infinity } }] })).toThrow();
    expect(() => parseState({ rows: 'x' })).toThrow();
  });
});
