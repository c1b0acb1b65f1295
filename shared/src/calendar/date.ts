// Plain calendar dates ('YYYY-MM-DD') as day numbers (days since 1970-01-01), computed in UTC so the
// machine's time zone never matters. Internal to the calendar module.

/**
 * The range dates may take. Holiday data covers only the years the State Council has announced (see `knownUntil`);
 * after them the arithmetic goes on with weekends only, and says so (`isProvisional`). The bound keeps every loop finite.
 */
export const MIN_DATE = '2024-01-01';
export const MAX_DATE = '2099-12-31';

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a real 'YYYY-MM-DD' date (rejects 2026-02-30, 2026-1-5, …), or null. */
export function dayNumber(date: string): number | null {
  if (typeof date !== 'string') return null;
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

export const MIN_DAY = dayNumber(MIN_DATE) as number;
export const MAX_DAY = dayNumber(MAX_DATE) as number;
