import { addDays, checkInOutcome, currentStreak, nextBonus } from './checkin';
import { DEFAULT_MEMBER_RULES as RULES } from './rules';

describe('addDays', () => {
  it('crosses month, leap-day and year ends', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-11-26', 0)).toBe('2026-11-26');
  });
  it('rejects non-dates', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-11-26', 0.5)).toThrow(RangeError);
  });
});

describe('checkInOutcome', () => {
  it('first check-in starts a streak of 1 with base points', () => {
    expect(checkInOutcome({ streak: 0 }, '2026-11-26', RULES)).toEqual({ already: false, streak: 1, points: 5, bonus: 0 });
  });
  it('same day: already, no points, streak unchanged', () => {
    expect(checkInOutcome({ lastDate: '2026-11-26', streak: 3 }, '2026-11-26', RULES)).toEqual({ already: true, streak: 3, points: 0, bonus: 0 });
  });
  it('a last date after today (clock went back) also counts as already', () => {
    expect(checkInOutcome({ lastDate: '2026-11-27', streak: 3 }, '2026-11-26', RULES).already).toBe(true);
  });
  it('yesterday continues the streak, across the year end', () => {
    expect(checkInOutcome({ lastDate: '2026-12-31', streak: 2 }, '2027-01-01', RULES)).toEqual({ already: false, streak: 3, points: 5, bonus: 0 });
  });
  it('pays the bonus on the 7th consecutive day', () => {
    expect(checkInOutcome({ lastDate: '2026-11-25', streak: 6 }, '2026-11-26', RULES)).toEqual({
      already: false,
      streak: 7,
      points: 25,
      bonus: 20,
      bonusDay: 7,
    });
    expect(checkInOutcome({ lastDate: '2026-11-25', streak: 27 }, '2026-11-26', RULES)).toMatchObject({ points: 105, bonusDay: 28 });
  });
  it('a missed day resets the streak to 1, with no bonus even on a would-be bonus day', () => {
    expect(checkInOutcome({ lastDate: '2026-11-24', streak: 6 }, '2026-11-26', RULES)).toEqual({ already: false, streak: 1, points: 5, bonus: 0 });
  });
  it('uses the rules as data', () => {
    const rules = { ...RULES, checkIn: { basePoints: 2, streakBonuses: [{ day: 2, points: 9 }] } };
    expect(checkInOutcome({ lastDate: '2026-11-25', streak: 1 }, '2026-11-26', rules)).toEqual({
      already: false,
      streak: 2,
      points: 11,
      bonus: 9,
      bonusDay: 2,
    });
  });
});

describe('currentStreak', () => {
  it('keeps the streak through today and yesterday, 0 after a gap or with no check-in', () => {
    expect(currentStreak({ lastDate: '2026-11-26', streak: 4 }, '2026-11-26')).toBe(4);
    expect(currentStreak({ lastDate: '2026-11-25', streak: 4 }, '2026-11-26')).toBe(4);
    expect(currentStreak({ lastDate: '2026-11-24', streak: 4 }, '2026-11-26')).toBe(0);
    expect(currentStreak({ streak: 0 }, '2026-11-26')).toBe(0);
  });
});

describe('nextBonus', () => {
  it('finds the next bonus day and the check-ins still needed', () => {
    expect(nextBonus(0, RULES)).toEqual({ day: 7, points: 20, daysLeft: 7 });
    expect(nextBonus(7, RULES)).toEqual({ day: 14, points: 50, daysLeft: 7 });
    expect(nextBonus(20, RULES)).toEqual({ day: 28, points: 100, daysLeft: 8 });
  });
  it('is undefined after the last bonus day, and ignores bonus order', () => {
    expect(nextBonus(28, RULES)).toBeUndefined();
    const rules = {
      ...RULES,
      checkIn: {
        basePoints: 5,
        streakBonuses: [
          { day: 30, points: 1 },
          { day: 10, points: 2 },
        ],
      },
    };
    expect(nextBonus(3, rules)).toEqual({ day: 10, points: 2, daysLeft: 7 });
  });
});
