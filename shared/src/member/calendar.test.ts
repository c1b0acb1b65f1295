import { monthGrid } from './calendar';

describe('monthGrid', () => {
  it('pads a month starting on Sunday (2026-11) with six blanks, Monday first', () => {
    const weeks = monthGrid('2026-11', ['2026-11-01', '2026-11-25', '2026-10-31'], '2026-11-26');
    expect(weeks).toHaveLength(6);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[0].slice(0, 6)).toEqual(Array(6).fill({ checked: false, isToday: false, future: false }));
    expect(weeks[0][6]).toEqual({ date: '2026-11-01', day: 1, checked: true, isToday: false, future: false });
    // 30 Nov 2026 is a Monday: last row is the 30th plus six blanks.
    expect(weeks[5][0]).toMatchObject({ date: '2026-11-30', day: 30, future: true });
    expect(weeks[5].slice(1).every((c) => c.date === undefined)).toBe(true);
  });
  it('marks today, past and future days, and only this month’s checks', () => {
    const cells = monthGrid('2026-11', ['2026-11-25', '2026-10-31'], '2026-11-26')
      .flat()
      .filter((c) => c.date);
    expect(cells).toHaveLength(30);
    expect(cells.filter((c) => c.checked).map((c) => c.date)).toEqual(['2026-11-25']);
    expect(cells.filter((c) => c.isToday).map((c) => c.date)).toEqual(['2026-11-26']);
    expect(cells.filter((c) => c.future).map((c) => c.day)).toEqual([27, 28, 29, 30]);
  });
  it('needs no padding for a Monday-start 28-day February (2027-02)', () => {
    const weeks = monthGrid('2027-02', [], '2026-11-26');
    expect(weeks).toHaveLength(4);
    expect(weeks[0][0].date).toBe('2027-02-01');
    expect(weeks[3][6].date).toBe('2027-02-28');
    expect(weeks.flat().every((c) => c.future)).toBe(true);
  });
  it('rejects a bad month', () => {
    expect(() => monthGrid('2026-13', [], '2026-11-26')).toThrow(RangeError);
  });
});
