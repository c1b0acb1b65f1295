// Plain calendar dates ('YYYY-MM-DD', already in Asia/Shanghai — see businessDate) as day numbers,
// computed in UTC so the machine's time zone never matters. Internal to the member module.

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

/** Day number (days since 1970-01-01) of a real 'YYYY-MM-DD' date; throws RangeError otherwise. */
export function toDay(date: string): number {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const back = new Date(Date.UTC(y, mo - 1, d));
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) return Date.UTC(y, mo - 1, d) / DAY_MS;
  }
  throw new RangeError(`Not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

export function fromDay(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** [year, month 1..12] of a 'YYYY-MM' month; throws RangeError otherwise. */
export function parseMonth(month: string): [number, number] {
  const m = typeof month === 'string' ? MONTH_RE.exec(month) : null;
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new RangeError(`Not a month (YYYY-MM): ${JSON.stringify(month)}`);
  return [Number(m[1]), Number(m[2])];
}

/** The date n days after (n < 0: before) `date`. */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Days must be a whole number, got ${n}`);
  return fromDay(toDay(date) + n);
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function mondayIndex(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}
