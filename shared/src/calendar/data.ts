import * as z from 'zod';
import { dayNumber, MAX_DATE, MIN_DATE, weekdayOf } from './date';
import { lazy } from '../api/lazy';

/**
 * Public holidays and make-up working days (调休上班) of mainland China, by date ('YYYY-MM-DD').
 * - holidays: days off because of a public holiday (weekend days inside a holiday block may be listed too);
 * - workdays: Saturdays/Sundays that are working days because of 调休;
 * - provisionalYears: years whose data is not yet from the State Council notice (see below);
 * - source: where the data came from, for the admin screen.
 * The app keeps the live calendar in the database (seeded from DEFAULT_CALENDAR); an admin updates it
 * when the State Council publishes each year's notice (国务院办公厅关于…部分节假日安排的通知, usually in November).
 */
export interface CalendarData {
  holidays: string[];
  workdays: string[];
  provisionalYears: number[];
  source: string;
}

const ISO_DATE = lazy(() =>
  z.string().refine((v) => dayNumber(v) !== null && v >= MIN_DATE && v <= MAX_DATE, {
    message: `日期应为 YYYY-MM-DD，且在 ${MIN_DATE} 至 ${MAX_DATE} 之间`,
  }),
);

/** Validates calendar data an admin submits (same shape as the CalendarData interface). */
export const CalendarData = lazy(() =>
  z
    .strictObject({
      holidays: z.array(ISO_DATE).max(1000),
      workdays: z.array(ISO_DATE).max(1000),
      provisionalYears: z.array(z.number().int().min(2024).max(2099)).max(10),
      source: z.string().trim().min(1).max(500),
    })
    .superRefine((cal, ctx) => {
      const holidays = new Set(cal.holidays);
      cal.workdays.forEach((d, i) => {
        const n = dayNumber(d);
        if (n === null) return; // already reported by ISO_DATE
        const wd = weekdayOf(n);
        if (wd !== 0 && wd !== 6) ctx.addIssue({ code: 'custom', path: ['workdays', i], message: '调休上班日应为周六或周日' });
        if (holidays.has(d)) ctx.addIssue({ code: 'custom', path: ['workdays', i], message: '同一天不能既放假又上班' });
      });
    }),
);

// Compile-time check that the schema and the interface agree.
const _sameShape: (v: z.infer<typeof CalendarData>) => CalendarData = (v) => v;
void _sameShape;

type Block = readonly [name: string, dates: readonly string[]];

// 2024–2026: copied from the npm package chinese-days 1.5.7 (dist/chinese-days.json), which follows the
// State Council notices (国务院办公厅 部分节假日安排的通知) for those years; checked against them.
// 2027: no notice yet. Only the statutory holidays of 《全国年节及纪念日放假办法》 (as revised in force from 2025)
// on their 2027 dates — no make-up days and no 补假 for holidays that fall on a weekend (05-01/02, 10-02/03
// and 02-06/07 do): those come with the notice, and an admin updates the database copy then.
const HOLIDAY_BLOCKS: readonly Block[] = [
  // 2024
  ['元旦', ['2024-01-01']], // 01-01(周一)
  ['春节', ['2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13', '2024-02-14', '2024-02-15', '2024-02-16', '2024-02-17']], // 02-10(周六)–02-17(周六)
  ['清明节', ['2024-04-04', '2024-04-05', '2024-04-06']], // 04-04(周四)–04-06(周六)
  ['劳动节', ['2024-05-01', '2024-05-02', '2024-05-03', '2024-05-04', '2024-05-05']], // 05-01(周三)–05-05(周日)
  ['端午节', ['2024-06-10']], // 06-10(周一)
  ['中秋节', ['2024-09-15', '2024-09-16', '2024-09-17']], // 09-15(周日)–09-17(周二)
  ['国庆节', ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-05', '2024-10-06', '2024-10-07']], // 10-01(周二)–10-07(周一)
  // 2025
  ['元旦', ['2025-01-01']], // 01-01(周三)
  ['春节', ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04']], // 01-28(周二)–02-04(周二)
  ['清明节', ['2025-04-04', '2025-04-05', '2025-04-06']], // 04-04(周五)–04-06(周日)
  ['劳动节', ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05']], // 05-01(周四)–05-05(周一)
  ['端午节', ['2025-05-31', '2025-06-01', '2025-06-02']], // 05-31(周六)–06-02(周一)
  // 国庆节、中秋节 together 10-01(周三)–10-08(周三); the package names 10-06 (中秋 itself) 中秋节
  ['国庆节', ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05']],
  ['中秋节', ['2025-10-06']],
  ['国庆节', ['2025-10-07', '2025-10-08']],
  // 2026
  ['元旦', ['2026-01-01', '2026-01-02', '2026-01-03']], // 01-01(周四)–01-03(周六)
  ['春节', ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23']], // 02-15(周日)–02-23(周一)
  ['清明节', ['2026-04-04', '2026-04-05', '2026-04-06']], // 04-04(周六)–04-06(周一)
  ['劳动节', ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05']], // 05-01(周五)–05-05(周二)
  ['端午节', ['2026-06-19', '2026-06-20', '2026-06-21']], // 06-19(周五)–06-21(周日)
  ['中秋节', ['2026-09-25', '2026-09-26', '2026-09-27']], // 09-25(周五)–09-27(周日)
  ['国庆节', ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']], // 10-01(周四)–10-07(周三)
  // 2027 (provisional: statutory days only)
  ['元旦', ['2027-01-01']], // 周五
  ['春节', ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']], // 除夕 02-05(周五) – 初三 02-08(周一)
  ['清明节', ['2027-04-05']], // 周一
  ['劳动节', ['2027-05-01', '2027-05-02']], // 周六、周日
  ['端午节', ['2027-06-09']], // 周三
  ['中秋节', ['2027-09-15']], // 周三
  ['国庆节', ['2027-10-01', '2027-10-02', '2027-10-03']], // 周五–周日
];

const WORKDAYS: readonly string[] = [
  // 2024: 02-04 周日、02-18 周日 春节; 04-07 周日 清明节; 04-28 周日、05-11 周六 劳动节; 09-14 周六 中秋节; 09-29 周日、10-12 周六 国庆节
  '2024-02-04',
  '2024-02-18',
  '2024-04-07',
  '2024-04-28',
  '2024-05-11',
  '2024-09-14',
  '2024-09-29',
  '2024-10-12',
  // 2025: 01-26 周日、02-08 周六 春节; 04-27 周日 劳动节; 09-28 周日、10-11 周六 国庆节、中秋节
  '2025-01-26',
  '2025-02-08',
  '2025-04-27',
  '2025-09-28',
  '2025-10-11',
  // 2026: 01-04 周日 元旦; 02-14 周六、02-28 周六 春节; 05-09 周六 劳动节; 09-20 周日、10-10 周六 国庆节
  '2026-01-04',
  '2026-02-14',
  '2026-02-28',
  '2026-05-09',
  '2026-09-20',
  '2026-10-10',
  // 2027: none until the notice is published
];

export const DEFAULT_CALENDAR: CalendarData = {
  holidays: HOLIDAY_BLOCKS.flatMap(([, dates]) => dates),
  workdays: [...WORKDAYS],
  // 2027 has the statutory holidays only; make-up days follow the State Council notice and an admin
  // updates the data (kept in the database, seeded from this file). 2028 has no data at all yet.
  provisionalYears: [2027],
  source: 'chinese-days 1.5.7 (国务院办公厅通知 2024–2026); 2027 按《全国年节及纪念日放假办法》(2025 修订) 法定假日暂定，待国务院通知',
};

const NAMES = new Map<string, string>(HOLIDAY_BLOCKS.flatMap(([name, dates]) => dates.map((d) => [d, name] as const)));

/** The holiday a date belongs to in the built-in data (e.g. '春节', '国庆节'), or undefined. */
export function holidayName(date: string): string | undefined {
  return NAMES.get(date);
}
