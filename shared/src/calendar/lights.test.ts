import { CalendarData } from './data';
import { deadlineStatus, LIGHT_NAMES, statutoryClock, trafficLight } from './lights';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './workdays';

describe('trafficLight', () => {
  it('limit 20: yellow from 4 days left (20%), red past the limit', () => {
    expect(trafficLight(20, 0)).toBe('green');
    expect(trafficLight(20, 15)).toBe('green'); // 5 left
    expect(trafficLight(20, 16)).toBe('yellow'); // 4 left = 20%
    expect(trafficLight(20, 20)).toBe('yellow'); // the last working day
    expect(trafficLight(20, 21)).toBe('red');
  });
  it('limit 5: yellow from 1 day left', () => {
    expect(trafficLight(5, 3)).toBe('green');
    expect(trafficLight(5, 4)).toBe('yellow');
    expect(trafficLight(5, 5)).toBe('yellow');
    expect(trafficLight(5, 6)).toBe('red');
  });
  it('small limits still get at least one yellow day before the last', () => {
    expect(trafficLight(4, 2)).toBe('green'); // ⌊0.8⌋ = 0, but at least 1
    expect(trafficLight(4, 3)).toBe('yellow');
    expect(trafficLight(1, 0)).toBe('yellow'); // 1 left
    expect(trafficLight(1, 1)).toBe('yellow');
    expect(trafficLight(1, 2)).toBe('red');
  });
  it('limit 0 (即办): yellow on the day, red after', () => {
    expect(trafficLight(0, 0)).toBe('yellow');
    expect(trafficLight(0, 1)).toBe('red');
  });
  it('larger limits', () => {
    expect(trafficLight(60, 47)).toBe('green'); // 13 left > 12
    expect(trafficLight(60, 48)).toBe('yellow'); // 12 left
    expect(trafficLight(9, 7)).toBe('green'); // ⌊1.8⌋ = 1
    expect(trafficLight(9, 8)).toBe('yellow');
    expect(trafficLight(15, 12)).toBe('yellow'); // ⌊3⌋ = 3 exactly
    expect(trafficLight(35, 28)).toBe('yellow'); // ⌊7⌋ = 7 exactly
    expect(trafficLight(35, 27)).toBe('green');
  });
  it('rejects bad numbers', () => {
    for (const [l, u] of [
      [-1, 0],
      [5, -1],
      [5.5, 1],
      [5, 1.5],
      [Number.NaN, 0],
      [5, Number.POSITIVE_INFINITY],
    ]) {
      expect(() => trafficLight(l, u)).toThrow(RangeError);
    }
  });
  it('has Chinese names', () => {
    expect(LIGHT_NAMES).toEqual({ green: '正常', yellow: '临近时限', red: '已超时' });
  });
});

describe('deadlineStatus', () => {
  // 20-day limit from 周二 2026-09-15 across 中秋 and 国庆 2026; working days after it:
  // 09-16,17,18 (1–3), 09-20 周日 (4), 09-21..24 (5–8), 09-28..30 (9–11), 10-08, 09 (12, 13), 10-10 周六 (14),
  // 10-12..16 (15–19), 10-19 (20), 10-20 (21), 10-21 (22), 10-22 (23), 10-23 (24)
  const base = { start: '2026-09-15', limitDays: 20 };

  it('on the day of receipt', () => {
    expect(deadlineStatus({ ...base, today: '2026-09-15' })).toEqual({ deadline: '2026-10-19', usedDays: 0, remainingDays: 20, light: 'green' });
  });
  it('does not count holidays', () => {
    expect(deadlineStatus({ ...base, today: '2026-10-05' })).toMatchObject({ usedDays: 11, remainingDays: 9, light: 'green' });
  });
  it('turns yellow and red at the edges', () => {
    expect(deadlineStatus({ ...base, today: '2026-10-12' })).toMatchObject({ usedDays: 15, remainingDays: 5, light: 'green' });
    expect(deadlineStatus({ ...base, today: '2026-10-13' })).toMatchObject({ usedDays: 16, remainingDays: 4, light: 'yellow' });
    expect(deadlineStatus({ ...base, today: '2026-10-19' })).toMatchObject({ usedDays: 20, remainingDays: 0, light: 'yellow' });
    expect(deadlineStatus({ ...base, today: '2026-10-20' })).toMatchObject({ usedDays: 21, remainingDays: -1, light: 'red' });
  });
  it('a make-up Saturday counts as a used day', () => {
    // 10-09 周五 is day 13, 10-10 周六 调休上班 day 14, 10-11 周日 still 14
    expect(deadlineStatus({ ...base, today: '2026-10-09' }).usedDays).toBe(13);
    expect(deadlineStatus({ ...base, today: '2026-10-10' }).usedDays).toBe(14);
    expect(deadlineStatus({ ...base, today: '2026-10-11' }).usedDays).toBe(14);
  });
  it('a today before the start uses nothing', () => {
    expect(deadlineStatus({ ...base, today: '2026-09-01' })).toMatchObject({ usedDays: 0, remainingDays: 20, light: 'green' });
  });
  it('paused working days extend the deadline and are not counted as used', () => {
    const paused = { ...base, pausedWorkingDays: 3 };
    expect(deadlineStatus({ ...paused, today: '2026-09-15' })).toEqual({ deadline: '2026-10-22', usedDays: 0, remainingDays: 20, light: 'green' });
    expect(deadlineStatus({ ...paused, today: '2026-10-14' })).toMatchObject({ usedDays: 14, remainingDays: 6, light: 'green' }); // 17 − 3
    expect(deadlineStatus({ ...paused, today: '2026-10-19' })).toMatchObject({ usedDays: 17, remainingDays: 3, light: 'yellow' }); // 20 − 3
    expect(deadlineStatus({ ...paused, today: '2026-10-22' })).toMatchObject({ usedDays: 20, remainingDays: 0, light: 'yellow' }); // 23 − 3
    expect(deadlineStatus({ ...paused, today: '2026-10-23' })).toMatchObject({ usedDays: 21, remainingDays: -1, light: 'red' }); // 24 − 3
  });
  it('used days never go below 0 when paused exceeds elapsed', () => {
    expect(deadlineStatus({ ...base, pausedWorkingDays: 3, today: '2026-09-16' })).toMatchObject({ usedDays: 0, remainingDays: 20 });
  });
  it('limit 5 across 春节 2026', () => {
    // from 周四 02-12: 02-13 (1), 02-14 周六 (2), 02-24 (3), 02-25 (4), 02-26 (5)
    const s = { start: '2026-02-12', limitDays: 5 };
    expect(deadlineStatus({ ...s, today: '2026-02-20' })).toEqual({ deadline: '2026-02-26', usedDays: 2, remainingDays: 3, light: 'green' });
    expect(deadlineStatus({ ...s, today: '2026-02-24' })).toMatchObject({ usedDays: 3, light: 'green' });
    expect(deadlineStatus({ ...s, today: '2026-02-25' })).toMatchObject({ usedDays: 4, light: 'yellow' });
    expect(deadlineStatus({ ...s, today: '2026-02-26' })).toMatchObject({ usedDays: 5, light: 'yellow' });
    expect(deadlineStatus({ ...s, today: '2026-02-27' })).toMatchObject({ usedDays: 6, light: 'red' });
  });
  it('limit 0 (即办): yellow until the next working day, then red', () => {
    const s = { start: '2026-03-06', limitDays: 0 }; // 周五
    expect(deadlineStatus({ ...s, today: '2026-03-06' })).toEqual({ deadline: '2026-03-06', usedDays: 0, remainingDays: 0, light: 'yellow' });
    expect(deadlineStatus({ ...s, today: '2026-03-08' }).light).toBe('yellow'); // 周日
    expect(deadlineStatus({ ...s, today: '2026-03-09' }).light).toBe('red');
    // 周五 2026-02-13 → the next day is a make-up Saturday, so red already on 02-14
    expect(deadlineStatus({ start: '2026-02-13', limitDays: 0, today: '2026-02-14' }).light).toBe('red');
  });
  it('across the 2026→2027 year end', () => {
    // from 12-28: 12-29..31 (1–3), 2027-01-04 (4), 01-05 (5)
    expect(deadlineStatus({ start: '2026-12-28', limitDays: 5, today: '2027-01-01' })).toEqual({
      deadline: '2027-01-05',
      usedDays: 3,
      remainingDays: 2,
      light: 'green',
    });
  });
  it('red exactly on working days after the deadline (no pause)', () => {
    for (const start of ['2025-01-20', '2025-09-26', '2026-02-12', '2026-09-24', '2026-12-28']) {
      for (const limitDays of [0, 1, 3, 5, 10, 20]) {
        const deadline = addWorkingDays(start, limitDays);
        for (let k = 0; k <= limitDays + 3; k += 1) {
          const today = addWorkingDays(start, k);
          expect(isWorkingDay(today) || k === 0).toBe(true);
          expect(deadlineStatus({ start, limitDays, today })).toMatchObject({ deadline, usedDays: k, light: trafficLight(limitDays, k) });
          expect(deadlineStatus({ start, limitDays, today }).light === 'red').toBe(today > deadline);
        }
      }
    }
  });
  it('uses the calendar passed in', () => {
    const none: CalendarData = { holidays: [], workdays: [], provisionalYears: [], source: 'test' };
    // without holidays: 09-28..30, 10-01, 10-02 → deadline 10-02
    expect(deadlineStatus({ start: '2026-09-25', limitDays: 5, today: '2026-10-02' }, none)).toMatchObject({ deadline: '2026-10-02', usedDays: 5 });
  });
  it('rejects bad input', () => {
    expect(() => deadlineStatus({ ...base, today: '2026-10-32' })).toThrow(RangeError);
    expect(() => deadlineStatus({ ...base, start: '2023-12-01', today: '2026-01-01' })).toThrow(RangeError);
    expect(() => deadlineStatus({ ...base, limitDays: -1, today: '2026-10-01' })).toThrow(RangeError);
    expect(() => deadlineStatus({ ...base, pausedWorkingDays: 0.5, today: '2026-10-01' })).toThrow(RangeError);
    expect(() => deadlineStatus({ ...base, pausedWorkingDays: -2, today: '2026-10-01' })).toThrow(RangeError);
  });
});

describe('statutoryClock (法定时限 from 受理, issue 16)', () => {
  it('has not started before 受理', () => {
    expect(statutoryClock({ statutoryDays: 20 }, '2026-09-01')).toEqual({ started: false, deadline: null, remainingDays: null });
  });
  it('counts from the day of 受理 across the 2026 国庆 holidays', () => {
    // accepted Mon 2026-09-21; 20 working days: 09-22 … 09-30 (7), 10-08 … 10-10 (10-10 is a make-up Saturday) …
    const c = statutoryClock({ acceptedOn: '2026-09-21', statutoryDays: 20 }, '2026-09-21');
    expect(c.started).toBe(true);
    expect(c.deadline).toBe(addWorkingDays('2026-09-21', 20));
    expect(c.deadline! > '2026-10-08').toBe(true);
    expect(c.remainingDays).toBe(20);
    expect(statutoryClock({ acceptedOn: '2026-09-21', statutoryDays: 20 }, '2026-10-09').remainingDays).toBe(
      20 - workingDaysBetween('2026-09-21', '2026-10-09'),
    );
  });
  it('stands still during 补正 after acceptance, and the deadline moves by those days', () => {
    const base = { acceptedOn: '2026-03-02', statutoryDays: 20 };
    const paused = statutoryClock({ ...base, pausedSince: '2026-03-05' }, '2026-03-20');
    expect(paused.remainingDays).toBe(20 - workingDaysBetween('2026-03-02', '2026-03-05')); // counted only up to the 补正
    const resumed = statutoryClock({ ...base, statutoryPausedDays: 5 }, '2026-03-20');
    expect(resumed.deadline).toBe(addWorkingDays('2026-03-02', 25));
  });
});
