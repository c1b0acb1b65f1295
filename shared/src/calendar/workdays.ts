// Working-day arithmetic for service deadlines (法定/承诺时限 counted in working days).
// Dates are plain 'YYYY-MM-DD' business dates in Asia/Shanghai; all functions are pure.
import { type CalendarData, DEFAULT_CALENDAR } from './data';
import { dayNumber, fromDayNumber, MAX_DATE, MAX_DAY, MIN_DATE, weekdayOf } from './date';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // UTC+8 all year (no DST since 1991)

/** The Asia/Shanghai calendar date of an instant, independent of the machine's time zone. */
export function businessDate(instant: Date): string {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new RangeError('Not a valid Date');
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** An instant as Beijing wall-clock time, 'YYYY-MM-DD HH:mm' (for messages and trail notes); the input as given if it is not one. */
export function beijingTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

function checkDate(date: string): number {
  const n = dayNumber(date);
  if (n === null) throw new RangeError(`Not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  if (date < MIN_DATE || date > MAX_DATE) throw new RangeError(`Date ${date} is outside the calendar (${MIN_DATE}..${MAX_DATE})`);
  return n;
}

/** Working-day test on a day number, with the calendar's lists turned into sets once per call. */
function workingDayTest(cal: CalendarData): (n: number) => boolean {
  const holidays = new Set(cal.holidays);
  const workdays = new Set(cal.workdays);
  return (n) => {
    const wd = weekdayOf(n);
    const date = fromDayNumber(n);
    return wd === 0 || wd === 6 ? workdays.has(date) : !holidays.has(date);
  };
}

/** Mon–Fri unless a holiday; Sat/Sun only when a make-up working day (调休上班). */
export function isWorkingDay(date: string, cal: CalendarData = DEFAULT_CALENDAR): boolean {
  return workingDayTest(cal)(checkDate(date));
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string, cal: CalendarData = DEFAULT_CALENDAR): string {
  return addWorkingDays(date, 1, cal);
}

/**
 * The date by which n working days have passed, counting from the day after `date` (the day of receipt
 * does not count). n = 0 gives `date` itself. Throws RangeError for a bad n or date, or when the result
 * would fall outside the calendar's range.
 */
export function addWorkingDays(date: string, n: number, cal: CalendarData = DEFAULT_CALENDAR): string {
  let day = checkDate(date);
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number ≥ 0, got ${n}`);
  const working = workingDayTest(cal);
  for (let left = n; left > 0;) {
    day += 1;
    if (day > MAX_DAY) throw new RangeError(`${n} working days after ${date} is beyond ${MAX_DATE}`);
    if (working(day)) left -= 1;
  }
  return fromDayNumber(day);
}

/** The number of working days d with from < d ≤ to (0 when to ≤ from). */
export function workingDaysBetween(from: string, to: string, cal: CalendarData = DEFAULT_CALENDAR): number {
  const a = checkDate(from);
  const b = checkDate(to);
  const working = workingDayTest(cal);
  let count = 0;
  for (let day = a + 1; day <= b; day += 1) if (working(day)) count += 1;
  return count;
}

/** The last year the calendar has any data for (holidays, make-up days, or provisional statutory holidays). */
export function knownUntil(cal: CalendarData = DEFAULT_CALENDAR): number {
  const years = [...cal.holidays, ...cal.workdays].map((d) => Number(d.slice(0, 4)));
  return Math.max(2024, ...years, ...cal.provisionalYears);
}

/**
 * True when the date's year has no final data: provisional (statutory holidays, no State Council notice yet), or past
 * the last year known at all, where only weekends are counted as days off. A deadline there is shown with a note.
 */
export function isProvisional(date: string, cal: CalendarData = DEFAULT_CALENDAR): boolean {
  checkDate(date);
  const year = Number(date.slice(0, 4));
  return cal.provisionalYears.includes(year) || year > knownUntil(cal);
}

/** What a person is told beside a deadline that falls in a year without final holiday data. */
export const PROVISIONAL_NOTE = '该年度节假日安排尚未公布，暂按周末计算，如有调整以部门通知为准';
