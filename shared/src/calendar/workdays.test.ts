import { CalendarData, DEFAULT_CALENDAR, holidayName } from './data';
import { addWorkingDays, beijingTime, businessDate, isProvisional, isWorkingDay, knownUntil, nextWorkingDay, workingDaysBetween } from './workdays';

// Expected dates below are worked out by hand from data.ts (2024–2026 from the State Council notices,
// 2027 statutory days only). 周一…周日 = Mon…Sun.

const EMPTY: CalendarData = { holidays: [], workdays: [], provisionalYears: [], source: 'test' };

/** Every date from `from` to `to` inclusive (UTC arithmetic, independent of the code under test). */
function datesFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

describe('calendar data', () => {
  it('passes its own schema', () => {
    expect(CalendarData.parse(DEFAULT_CALENDAR)).toEqual(DEFAULT_CALENDAR);
  });
  it('lists only weekend days as make-up working days', () => {
    for (const d of DEFAULT_CALENDAR.workdays) expect([0, 6]).toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
  });
  it('has the 2025 and 2026 notices’ make-up days', () => {
    expect(DEFAULT_CALENDAR.workdays).toEqual(
      expect.arrayContaining([
        '2025-01-26',
        '2025-02-08',
        '2025-04-27',
        '2025-09-28',
        '2025-10-11',
        '2026-01-04',
        '2026-02-14',
        '2026-02-28',
        '2026-05-09',
        '2026-09-20',
        '2026-10-10',
      ]),
    );
    expect(DEFAULT_CALENDAR.workdays.filter((d) => d.startsWith('2027'))).toEqual([]);
  });
  it('has the 2027 statutory holidays only (13 days) and marks 2027 provisional', () => {
    expect(DEFAULT_CALENDAR.holidays.filter((d) => d.startsWith('2027'))).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ]);
    expect(DEFAULT_CALENDAR.provisionalYears).toEqual([2027]);
  });
  it('names holidays', () => {
    expect(holidayName('2026-02-17')).toBe('春节');
    expect(holidayName('2026-10-01')).toBe('国庆节');
    expect(holidayName('2025-10-06')).toBe('中秋节'); // inside the 2025 国庆+中秋 block
    expect(holidayName('2025-10-08')).toBe('国庆节');
    expect(holidayName('2027-02-05')).toBe('春节'); // 除夕
    expect(holidayName('2026-02-14')).toBeUndefined(); // a make-up working day
    expect(holidayName('2026-03-10')).toBeUndefined();
  });
  it('schema rejects a make-up day on a weekday, a day both off and on, and bad dates', () => {
    expect(CalendarData.safeParse({ ...EMPTY, workdays: ['2026-02-13'] }).success).toBe(false); // 周五
    expect(CalendarData.safeParse({ ...EMPTY, holidays: ['2026-02-14'], workdays: ['2026-02-14'] }).success).toBe(false);
    expect(CalendarData.safeParse({ ...EMPTY, holidays: ['2026-02-30'] }).success).toBe(false);
    expect(CalendarData.safeParse({ ...EMPTY, holidays: ['2100-01-01'] }).success).toBe(false);
    expect(CalendarData.safeParse({ ...EMPTY, provisionalYears: [2027.5] }).success).toBe(false);
    expect(CalendarData.safeParse({ ...EMPTY, source: '' }).success).toBe(false);
    expect(CalendarData.safeParse({ ...EMPTY, extra: 1 }).success).toBe(false);
    expect(CalendarData.safeParse({ ...EMPTY, workdays: ['2026-02-14'] }).success).toBe(true); // 周六
  });
});

describe('businessDate (Asia/Shanghai, UTC+8)', () => {
  it('rolls over at 16:00 UTC', () => {
    expect(businessDate(new Date('2026-09-30T15:59:59.999Z'))).toBe('2026-09-30');
    expect(businessDate(new Date('2026-09-30T16:00:00.000Z'))).toBe('2026-10-01');
    expect(businessDate(new Date('2026-09-30T16:30:00Z'))).toBe('2026-10-01');
  });
  it('crosses the year end and month ends', () => {
    expect(businessDate(new Date('2025-12-31T15:59:59Z'))).toBe('2025-12-31');
    expect(businessDate(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
    expect(businessDate(new Date('2028-02-28T16:00:00Z'))).toBe('2028-02-29'); // leap day
  });
  it('agrees with an explicit +08:00 offset and ignores the machine zone', () => {
    expect(businessDate(new Date('2026-02-17T00:00:00+08:00'))).toBe('2026-02-17');
    expect(businessDate(new Date('2026-02-17T23:59:59+08:00'))).toBe('2026-02-17');
    expect(businessDate(new Date(Date.UTC(2026, 1, 16, 16, 0, 0)))).toBe('2026-02-17');
  });
  it('rejects an invalid Date', () => {
    expect(() => businessDate(new Date('nope'))).toThrow(RangeError);
    expect(() => businessDate('2026-01-01' as unknown as Date)).toThrow(RangeError);
  });
});

describe('isWorkingDay', () => {
  it('ordinary weeks: Mon–Fri on, Sat/Sun off', () => {
    expect(datesFrom('2026-03-09', '2026-03-15').map((d) => isWorkingDay(d))).toEqual([true, true, true, true, true, false, false]);
  });
  it('春节 2026: 02-14 (周六) make-up, 02-15..02-23 off, 02-28 (周六) make-up', () => {
    expect(isWorkingDay('2026-02-13')).toBe(true); // 周五
    expect(isWorkingDay('2026-02-14')).toBe(true); // 周六 调休上班
    for (const d of datesFrom('2026-02-15', '2026-02-23')) expect(isWorkingDay(d)).toBe(false);
    expect(datesFrom('2026-02-24', '2026-03-01').map((d) => isWorkingDay(d))).toEqual([true, true, true, true, true, false]); // 二..日, 02-28 周六 上班
  });
  it('春节 2025: 01-26 (周日) and 02-08 (周六) make-up, 01-28..02-04 off', () => {
    expect(isWorkingDay('2025-01-25')).toBe(false); // 周六
    expect(isWorkingDay('2025-01-26')).toBe(true); // 周日 调休上班
    expect(isWorkingDay('2025-01-27')).toBe(true);
    for (const d of datesFrom('2025-01-28', '2025-02-04')) expect(isWorkingDay(d)).toBe(false);
    expect(isWorkingDay('2025-02-05')).toBe(true);
    expect(isWorkingDay('2025-02-08')).toBe(true); // 周六 调休上班
    expect(isWorkingDay('2025-02-09')).toBe(false);
  });
  it('国庆+中秋 2025: 09-28 (周日) make-up, 10-01..10-08 off, 10-11 (周六) make-up', () => {
    expect(isWorkingDay('2025-09-27')).toBe(false); // 周六
    expect(isWorkingDay('2025-09-28')).toBe(true); // 周日 调休上班
    for (const d of datesFrom('2025-10-01', '2025-10-08')) expect(isWorkingDay(d)).toBe(false);
    expect(isWorkingDay('2025-10-09')).toBe(true);
    expect(isWorkingDay('2025-10-11')).toBe(true); // 周六 调休上班
    expect(isWorkingDay('2025-10-12')).toBe(false);
  });
  it('中秋 and 国庆 2026: 09-20 (周日) make-up, 09-25..27 and 10-01..07 off, 10-10 (周六) make-up', () => {
    expect(isWorkingDay('2026-09-19')).toBe(false);
    expect(isWorkingDay('2026-09-20')).toBe(true); // 周日 调休上班
    expect(isWorkingDay('2026-09-25')).toBe(false); // 周五 中秋
    expect(isWorkingDay('2026-09-28')).toBe(true);
    for (const d of datesFrom('2026-10-01', '2026-10-07')) expect(isWorkingDay(d)).toBe(false);
    expect(isWorkingDay('2026-10-08')).toBe(true);
    expect(isWorkingDay('2026-10-10')).toBe(true); // 周六 调休上班
    expect(isWorkingDay('2026-10-11')).toBe(false);
  });
  it('2027 provisional: statutory days off, no 补假 yet', () => {
    expect(isWorkingDay('2027-02-05')).toBe(false); // 除夕 周五
    expect(isWorkingDay('2027-02-08')).toBe(false); // 初三 周一
    expect(isWorkingDay('2027-02-09')).toBe(true);
    expect(isWorkingDay('2027-05-03')).toBe(true); // 周一; the notice will likely make it 补假
  });
  it('uses the calendar passed in', () => {
    expect(isWorkingDay('2026-10-01', EMPTY)).toBe(true);
    expect(isWorkingDay('2026-10-10', EMPTY)).toBe(false);
    expect(isWorkingDay('2026-03-10', { ...EMPTY, holidays: ['2026-03-10'] })).toBe(false);
  });
});

describe('nextWorkingDay', () => {
  it('is strictly after the date', () => {
    expect(nextWorkingDay('2026-03-09')).toBe('2026-03-10');
    expect(nextWorkingDay('2026-03-13')).toBe('2026-03-16'); // 周五 → 周一
  });
  it('lands on make-up days and skips holiday blocks', () => {
    expect(nextWorkingDay('2026-02-13')).toBe('2026-02-14'); // 周五 → 周六 调休上班
    expect(nextWorkingDay('2026-02-14')).toBe('2026-02-24'); // over 春节
    expect(nextWorkingDay('2026-02-18')).toBe('2026-02-24'); // from inside the block
    expect(nextWorkingDay('2025-09-30')).toBe('2025-10-09');
    expect(nextWorkingDay('2025-10-10')).toBe('2025-10-11'); // 周五 → 周六 调休上班
    expect(nextWorkingDay('2026-09-30')).toBe('2026-10-08');
  });
  it('crosses year ends', () => {
    expect(nextWorkingDay('2025-12-31')).toBe('2026-01-04'); // 01-01..03 off, 01-04 周日 调休上班
    expect(nextWorkingDay('2026-12-31')).toBe('2027-01-04'); // 01-01 元旦 周五, then the weekend
  });
});

describe('addWorkingDays', () => {
  it('n = 0 is the date itself, even a holiday', () => {
    expect(addWorkingDays('2026-03-10', 0)).toBe('2026-03-10');
    expect(addWorkingDays('2026-02-17', 0)).toBe('2026-02-17');
  });
  it('does not count the day of receipt', () => {
    expect(addWorkingDays('2026-03-09', 1)).toBe('2026-03-10');
    expect(addWorkingDays('2026-03-09', 5)).toBe('2026-03-16'); // 二三四五 + 下周一
  });
  it('counts make-up Sundays: receipt 周五 2026-09-18, 2 days → 2026-09-21', () => {
    // 09-19 周六 off, 09-20 周日 调休上班 (1), 09-21 周一 (2)
    expect(addWorkingDays('2026-09-18', 1)).toBe('2026-09-20');
    expect(addWorkingDays('2026-09-18', 2)).toBe('2026-09-21');
  });
  it('春节 2026', () => {
    // 02-13 (1), 02-14 周六 (2), 02-15..23 off, 02-24 (3)
    expect(addWorkingDays('2026-02-12', 3)).toBe('2026-02-24');
    // …, 02-25..27 (4–6), 02-28 周六 (7), 03-02..06 (8–12), 03-09..13 (13–17), 03-16..18 (18–20)
    expect(addWorkingDays('2026-02-12', 20)).toBe('2026-03-18');
  });
  it('春节 2025', () => {
    // 01-21..24 (1–4), 01-25 周六 off, 01-26 周日 (5), 01-27 (6), 01-28..02-04 off, 02-05..07 (7–9), 02-08 周六 (10)
    expect(addWorkingDays('2025-01-20', 10)).toBe('2025-02-08');
  });
  it('国庆+中秋 2025', () => {
    // 09-27 周六 off, 09-28 周日 (1), 09-29 (2), 09-30 (3), 10-01..08 off, 10-09 (4), 10-10 (5)
    expect(addWorkingDays('2025-09-26', 5)).toBe('2025-10-10');
    // 10-11 周六 (6), 10-12 周日 off, 10-13 (7)
    expect(addWorkingDays('2025-09-26', 7)).toBe('2025-10-13');
  });
  it('中秋 and 国庆 2026', () => {
    // 09-25..27 off, 09-28 (1), 09-29 (2), 09-30 (3)
    expect(addWorkingDays('2026-09-24', 3)).toBe('2026-09-30');
    expect(addWorkingDays('2026-09-24', 4)).toBe('2026-10-08'); // 10-01..07 off
    expect(addWorkingDays('2026-09-24', 6)).toBe('2026-10-10'); // 10-09 (5), 10-10 周六 (6)
    // 20-day statutory limit from 周二 09-15: 09-16..18 (1–3), 09-20 周日 (4), 09-21..24 (5–8), 09-28..30 (9–11),
    // 10-08, 10-09 (12, 13), 10-10 周六 (14), 10-12..16 (15–19), 10-19 周一 (20)
    expect(addWorkingDays('2026-09-15', 20)).toBe('2026-10-19');
  });
  it('crosses year ends', () => {
    // 12-30 (1), 12-31 (2), 2026-01-01..03 off, 01-04 周日 (3), 01-05 (4), 01-06 (5)
    expect(addWorkingDays('2025-12-29', 5)).toBe('2026-01-06');
    // 12-29..31 (1–3), 2027-01-01 元旦 + weekend, 01-04 (4), 01-05 (5)
    expect(addWorkingDays('2026-12-28', 5)).toBe('2027-01-05');
  });
  it('uses the calendar passed in', () => {
    expect(addWorkingDays('2026-09-30', 1, EMPTY)).toBe('2026-10-01');
  });
  it('rejects bad n', () => {
    for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '3' as unknown as number]) {
      expect(() => addWorkingDays('2026-03-10', n)).toThrow(RangeError);
    }
  });
  it('rejects malformed and out-of-range dates', () => {
    for (const d of ['2026-02-30', '2026-2-3', '2026-02-03T00:00', '', '20260203', '2023-12-31', '2100-01-01', undefined as unknown as string]) {
      expect(() => addWorkingDays(d, 1)).toThrow(RangeError);
    }
    expect(addWorkingDays('2024-01-01', 0)).toBe('2024-01-01');
    expect(addWorkingDays('2028-12-31', 0)).toBe('2028-12-31');
  });
  it('goes on past the last known year with weekends only, and says so (issue 16)', () => {
    expect(knownUntil()).toBe(2027);
    expect(addWorkingDays('2028-12-28', 1)).toBe('2028-12-29'); // 周四 → 周五
    expect(addWorkingDays('2028-12-29', 1)).toBe('2029-01-01'); // 12-30, 12-31 a weekend; 元旦 not known yet: a working day
    expect(addWorkingDays('2029-09-28', 5)).toBe('2029-10-05'); // no 国庆 data: Mon–Fri count
    expect(isProvisional('2027-05-01')).toBe(true); // statutory holidays only
    expect(isProvisional('2026-12-31')).toBe(false);
    expect(isProvisional('2029-01-01')).toBe(true);
    expect(() => addWorkingDays('2099-12-30', 5)).toThrow(RangeError); // the arithmetic's own bound
  });
});

describe('workingDaysBetween (from < d ≤ to)', () => {
  it('is 0 when to ≤ from', () => {
    expect(workingDaysBetween('2026-03-10', '2026-03-10')).toBe(0);
    expect(workingDaysBetween('2026-03-10', '2026-03-02')).toBe(0);
  });
  it('counts across holidays and make-up days', () => {
    expect(workingDaysBetween('2026-02-13', '2026-02-24')).toBe(2); // 02-14 周六, 02-24
    expect(workingDaysBetween('2025-09-30', '2025-10-08')).toBe(0);
    expect(workingDaysBetween('2025-09-26', '2025-10-12')).toBe(6); // 09-28, 29, 30, 10-09, 10, 11
    expect(workingDaysBetween('2026-09-15', '2026-10-05')).toBe(11); // up to 09-30 (see the 20-day example)
    expect(workingDaysBetween('2025-12-31', '2026-01-04')).toBe(1);
    expect(workingDaysBetween('2026-12-31', '2027-01-04')).toBe(1);
  });
  it('counts whole years', () => {
    // 2024-01-01 is 元旦 so it does not matter that it is excluded: 251 working days in 2024
    expect(workingDaysBetween('2024-01-01', '2024-12-31')).toBe(251);
    // 2025: 261 weekdays − 18 weekday holidays + 5 make-up days
    expect(workingDaysBetween('2024-12-31', '2025-12-31')).toBe(248);
    // 2026: 261 weekdays − 19 weekday holidays + 6 make-up days
    expect(workingDaysBetween('2025-12-31', '2026-12-31')).toBe(248);
    // 2027 (provisional): 261 weekdays − 7 weekday statutory holidays
    expect(workingDaysBetween('2026-12-31', '2027-12-31')).toBe(254);
  });
  it('rejects bad dates', () => {
    expect(() => workingDaysBetween('2026-13-01', '2026-12-01')).toThrow(RangeError);
    expect(() => workingDaysBetween('2026-12-01', '2100-01-01')).toThrow(RangeError);
    expect(workingDaysBetween('2028-12-29', '2029-01-02')).toBe(2); // past the known years: weekdays
  });
});

describe('addWorkingDays and workingDaysBetween are inverse', () => {
  // Deterministic pseudo-random pairs (LCG) spread over 2024-01-01 .. 2028-06-30.
  const all = datesFrom('2024-01-01', '2028-06-30');
  let seed = 20260918;
  const rand = (k: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % k;
  };
  const pairs: Array<[string, number]> = [];
  for (let i = 0; i < 400; i += 1) pairs.push([all[rand(all.length)], rand(60)]);

  it('workingDaysBetween(d, addWorkingDays(d, n)) = n', () => {
    for (const [d, n] of pairs) expect(workingDaysBetween(d, addWorkingDays(d, n))).toBe(n);
  });
  it('addWorkingDays(from, workingDaysBetween(from, to)) = to for every working day `to` after `from`', () => {
    let checked = 0;
    for (const [from, n] of pairs) {
      const to = all[Math.min(all.length - 1, all.indexOf(from) + n * 2)];
      if (to <= from || !isWorkingDay(to)) continue;
      expect(addWorkingDays(from, workingDaysBetween(from, to))).toBe(to);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(200);
  });
  it('the result of addWorkingDays (n ≥ 1) is always a working day', () => {
    for (const [d, n] of pairs) if (n > 0) expect(isWorkingDay(addWorkingDays(d, n))).toBe(true);
  });
});

describe('isProvisional', () => {
  it('is true for 2027 (statutory holidays only) and every year after the data in the built-in calendar', () => {
    expect(isProvisional('2027-01-05')).toBe(true);
    expect(isProvisional('2027-12-31')).toBe(true);
    expect(isProvisional('2026-12-31')).toBe(false);
    expect(isProvisional('2025-06-01')).toBe(false);
    expect(isProvisional('2028-06-01')).toBe(true); // no data at all: weekends only
  });
  it('follows the calendar passed in and validates the date', () => {
    const known2027 = { ...EMPTY, holidays: ['2027-01-01'] };
    expect(isProvisional('2027-01-05', known2027)).toBe(false);
    expect(isProvisional('2027-01-05', EMPTY)).toBe(true); // an empty calendar knows no year
    expect(isProvisional('2028-01-05', { ...EMPTY, provisionalYears: [2028] })).toBe(true);
    expect(() => isProvisional('2027-02-29')).toThrow(RangeError);
  });
});

describe('beijingTime', () => {
  it('shows an instant as Beijing wall-clock time, across midnight UTC', () => {
    expect(beijingTime('2026-11-26T17:30:00.000Z')).toBe('2026-11-27 01:30');
    expect(beijingTime('not a time')).toBe('not a time');
  });
});
