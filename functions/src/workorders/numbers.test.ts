import { orderTail } from './numbers';

describe('work-order numbers (issue 13: not guessable)', () => {
  it('gives distinct 8-digit tails that do not follow the filing order', () => {
    const tails = Array.from({ length: 5000 }, (_, i) => orderTail('20261130', i + 1));
    expect(new Set(tails).size).toBe(5000); // a permutation: never the same number twice in a day
    for (const t of tails) expect(t).toMatch(/^\d{8}$/);
    // neighbours in the sequence are far apart: no small step leads from one order to the next
    const steps = tails.slice(1).map((t, i) => Math.abs(Number(t) - Number(tails[i])));
    expect(steps.filter((d) => d < 1000).length).toBeLessThan(5);
    expect(orderTail('20261201', 1)).not.toBe(orderTail('20261130', 1)); // keyed by the day as well
    expect(() => orderTail('20261130', 100_000_000)).toThrow();
  });
});
