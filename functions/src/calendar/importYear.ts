import { CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, dayNumber, weekdayOf, type CalendarChange, type CalendarData, type CalendarDiff } from '@yx/shared';

/**
 * One year of the maintained package's data (chinese-days: `dist/chinese-days.json`, following the State Council's
 * notices 国务院办公厅关于…部分节假日安排的通知) turned into our calendar's shape, and the difference between such a year
 * and the published calendar. Pure: the package's data is passed in (packageData.ts reads it), so tests use fixtures.
 */

/** The package's data: each date → "English name,中文名,days" (holidays: days off; workdays: 调休上班). */
export interface PackageDays {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** One year ready for review: the days off, the make-up working days, each day's holiday, where it came from, what to check. */
export interface ImportedYear {
  year: number;
  holidays: string[];
  workdays: string[];
  names: Record<string, string>;
  source: string;
  warnings: string[];
}

export type ImportResult = { ok: true; value: ImportedYear } | { ok: false; message: string };

/** The package names some holidays short; the calendar uses the names of 《全国年节及纪念日放假办法》. */
const FULL_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };
/** Every year's notice has these; a year without one of them is probably incomplete. */
const ALWAYS = ['元旦', '春节', '劳动节', '国庆节'];
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

function nameOf(value: string): string {
  const zh = value.split(',')[1]?.trim() || value.trim();
  return FULL_NAMES[zh] ?? zh;
}

/** The years the package has any day for, within the calendar's range, oldest first. */
export function importableYears(data: PackageDays): number[] {
  const years = new Set([...Object.keys(data.holidays), ...Object.keys(data.workdays)].map((d) => Number(d.slice(0, 4))));
  return [...years].filter((y) => y >= CALENDAR_FIRST_YEAR && y <= CALENDAR_LAST_YEAR).sort((a, b) => a - b);
}

/**
 * The year's days from the package, or why they cannot be imported: no data for the year (the notice is usually out in
 * November; until the package has it, the year counts weekends only), a make-up day that is not a weekend day, or a day
 * both off and worked. Dates are split by their own year (a 元旦 block starting on 12-30 belongs to the old year).
 */
export function importYear(data: PackageDays, year: number, packageLabel: string): ImportResult {
  if (!Number.isInteger(year) || year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR)
    return { ok: false, message: `年份应为 ${CALENDAR_FIRST_YEAR} 至 ${CALENDAR_LAST_YEAR} 之间的整数` };
  const prefix = `${year}-`;
  const pick = (days: Record<string, string>) =>
    Object.entries(days)
      .filter(([d]) => d.startsWith(prefix) && dayNumber(d) !== null)
      .sort(([a], [b]) => (a < b ? -1 : 1));
  const holidays = pick(data.holidays);
  const workdays = pick(data.workdays);
  if (!holidays.length && !workdays.length)
    return {
      ok: false,
      message: `${packageLabel} 还没有 ${year} 年的节假日安排（国务院办公厅的通知一般在上一年 11 月前后发布）。请在依赖更新后再导入；在此之前，${year} 年的时限按周末计算，并向办事人说明。`,
    };
  const off = new Set(holidays.map(([d]) => d));
  for (const [d] of workdays) {
    const wd = weekdayOf(dayNumber(d)!);
    if (wd !== 0 && wd !== 6) return { ok: false, message: `${packageLabel} 的 ${year} 年数据有误：调休上班日 ${d} 不是周六或周日，未导入` };
    if (off.has(d)) return { ok: false, message: `${packageLabel} 的 ${year} 年数据有误：${d} 既放假又上班，未导入` };
  }
  const names = Object.fromEntries([...holidays, ...workdays].map(([d, v]) => [d, nameOf(v)]));
  const present = new Set(holidays.map(([d]) => names[d]));
  const warnings = ALWAYS.filter((n) => !present.has(n)).map((n) => `未见「${n}」的放假安排，请对照国务院办公厅通知核对`);
  return {
    ok: true,
    value: {
      year,
      holidays: holidays.map(([d]) => d),
      workdays: workdays.map(([d]) => d),
      names,
      source: `${packageLabel}（国务院办公厅关于 ${year} 年部分节假日安排的通知）`,
      warnings,
    },
  };
}

/** '10月1日（周四）' */
export function dayText(date: string): string {
  const n = dayNumber(date);
  if (n === null) return date;
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日（${WEEKDAYS[weekdayOf(n)]}）`;
}

/** Consecutive dates (and the same holiday name) as runs. */
function runs(dates: string[], names: Record<string, string>): string[][] {
  const out: string[][] = [];
  for (const d of [...dates].sort()) {
    const last = out.at(-1);
    const prev = last?.at(-1);
    if (last && prev && dayNumber(d)! - dayNumber(prev)! === 1 && names[d] === names[prev]) last.push(d);
    else out.push([d]);
  }
  return out;
}

const LABEL: Record<CalendarChange['kind'], Record<CalendarChange['change'], string>> = {
  holiday: { added: '新增放假', removed: '取消放假' },
  workday: { added: '新增调休上班', removed: '取消调休上班' },
};

function changesOf(kind: CalendarChange['kind'], change: CalendarChange['change'], dates: string[], names: Record<string, string>): CalendarChange[] {
  return runs(dates, names).map((run) => {
    const span = run.length === 1 ? dayText(run[0]) : `${dayText(run[0])}至${dayText(run.at(-1)!)}`;
    const name = names[run[0]] ? `，${names[run[0]]}` : '';
    const count = run.length > 1 ? `，共 ${run.length} 天` : '';
    return { kind, change, dates: run, text: `${LABEL[kind][change]}：${span}${name}${count}` };
  });
}

/**
 * What publishing the year changes in the published calendar: days off and make-up days added or removed, as lists and
 * as runs of days in words (date order), and whether the year stops being provisional.
 */
export function diffYear(published: CalendarData, draft: Pick<ImportedYear, 'year' | 'holidays' | 'workdays' | 'names'>): CalendarDiff {
  const prefix = `${draft.year}-`;
  const before = {
    holidays: new Set(published.holidays.filter((d) => d.startsWith(prefix))),
    workdays: new Set(published.workdays.filter((d) => d.startsWith(prefix))),
  };
  const after = { holidays: new Set(draft.holidays), workdays: new Set(draft.workdays) };
  const minus = (a: Set<string>, b: Set<string>) => [...a].filter((d) => !b.has(d)).sort();
  const diff = {
    holidaysAdded: minus(after.holidays, before.holidays),
    holidaysRemoved: minus(before.holidays, after.holidays),
    workdaysAdded: minus(after.workdays, before.workdays),
    workdaysRemoved: minus(before.workdays, after.workdays),
  };
  const changes = [
    ...changesOf('holiday', 'added', diff.holidaysAdded, draft.names),
    ...changesOf('holiday', 'removed', diff.holidaysRemoved, draft.names),
    ...changesOf('workday', 'added', diff.workdaysAdded, draft.names),
    ...changesOf('workday', 'removed', diff.workdaysRemoved, draft.names),
  ].sort((a, b) => (a.dates[0] < b.dates[0] ? -1 : a.dates[0] > b.dates[0] ? 1 : 0));
  const endsProvisional = published.provisionalYears.includes(draft.year);
  const changed = Object.values(diff).reduce((n, l) => n + l.length, 0);
  const summary = changed
    ? `与已发布的 ${draft.year} 年日历相比，${changed} 天有变化${endsProvisional ? '；发布后该年不再是暂定' : ''}`
    : `与已发布的 ${draft.year} 年日历相同${endsProvisional ? '；发布后该年不再是暂定' : ''}`;
  return { ...diff, endsProvisional, changes, summary };
}

/**
 * The published calendar with the year replaced by the draft's days: the year's days off and make-up days are the
 * draft's, the year is no longer provisional, and the source names the import for that year.
 */
export function mergeYear(published: CalendarData, draft: Pick<ImportedYear, 'year' | 'holidays' | 'workdays' | 'source'>): CalendarData {
  const prefix = `${draft.year}-`;
  const keep = (days: string[]) => days.filter((d) => !d.startsWith(prefix));
  const segment = `${draft.year} 年：${draft.source}；`;
  const others = published.source.split(/(?<=；)/).filter((s) => !s.startsWith(`${draft.year} 年：`));
  return {
    holidays: [...keep(published.holidays), ...draft.holidays].sort(),
    workdays: [...keep(published.workdays), ...draft.workdays].sort(),
    provisionalYears: published.provisionalYears.filter((y) => y !== draft.year),
    source: [segment, ...others].join('').slice(0, 500),
  };
}
