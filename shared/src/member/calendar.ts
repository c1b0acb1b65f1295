// Month view of check-ins (签到日历): weeks start on Monday, as Chinese calendars do.
import { fromDay, mondayIndex, parseMonth, toDay } from './dates';

export interface MonthCell {
  /** Undefined for padding cells before the 1st and after the last day. */
  date?: string;
  day?: number;
  checked: boolean;
  isToday: boolean;
  future: boolean;
}

const PAD: MonthCell = { checked: false, isToday: false, future: false };

/** The weeks (rows of 7, Monday first) of `month` ('YYYY-MM'), padded so every row is full. */
export function monthGrid(month: string, checkedDates: string[], today: string): MonthCell[][] {
  const [y, m] = parseMonth(month);
  const first = Date.UTC(y, m - 1, 1) / 86_400_000;
  const length = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const todayDay = toDay(today);
  const checked = new Set(checkedDates);
  const cells: MonthCell[] = Array.from({ length: mondayIndex(first) }, () => ({ ...PAD }));
  for (let i = 0; i < length; i += 1) {
    const date = fromDay(first + i);
    cells.push({ date, day: i + 1, checked: checked.has(date), isToday: first + i === todayDay, future: first + i > todayDay });
  }
  while (cells.length % 7 !== 0) cells.push({ ...PAD });
  const weeks: MonthCell[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
