import { CalendarData, DEFAULT_CALENDAR } from '@yx/shared';
import { dayText, diffYear, importableYears, importYear, mergeYear, type PackageDays } from './importYear';
import { PACKAGE_DAYS, PACKAGE_LABEL } from './packageData';

const LABEL = 'chinese-days 9.9.9';
const FIXTURE: PackageDays = {
  holidays: {
    '2026-01-01': "New Year's Day,元旦,1",
    '2026-02-16': 'Spring Festival,春节,4',
    '2026-04-05': 'Tomb-sweeping Day,清明,1',
    '2026-05-01': 'Labour Day,劳动节,2',
    '2026-10-01': 'National Day,国庆节,3',
    '2026-10-02': 'National Day,国庆节,3',
    '2026-10-03': 'National Day,国庆节,3',
    '2025-10-01': 'National Day,国庆节,3',
    '2010-10-01': 'National Day,国庆节,3',
  },
  workdays: { '2026-10-10': 'National Day,国庆节,3', '2026-01-04': "New Year's Day,元旦,1" },
};

describe('importYear (chinese-days → one year of our calendar)', () => {
  it('takes only the year’s days, sorted, with each day’s holiday in full', () => {
    const r = importYear(FIXTURE, 2026, LABEL);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.holidays).toEqual(['2026-01-01', '2026-02-16', '2026-04-05', '2026-05-01', '2026-10-01', '2026-10-02', '2026-10-03']);
    expect(r.value.workdays).toEqual(['2026-01-04', '2026-10-10']);
    expect(r.value.names['2026-04-05']).toBe('清明节');
    expect(r.value.names['2026-10-10']).toBe('国庆节');
    expect(r.value.source).toBe('chinese-days 9.9.9（国务院办公厅关于 2026 年部分节假日安排的通知）');
    expect(r.value.warnings).toEqual([]);
  });

  it('says plainly when the package has no data for the year', () => {
    const r = importYear(FIXTURE, 2027, LABEL);
    expect(r).toEqual({ ok: false, message: expect.stringContaining('chinese-days 9.9.9 还没有 2027 年的节假日安排') });
    if (!r.ok) expect(r.message).toContain('按周末计算');
    expect(importYear(FIXTURE, 2010, LABEL).ok).toBe(false); // before the calendar's range
  });

  it('refuses data that cannot be right and warns about a year missing a holiday every notice has', () => {
    expect(importYear({ holidays: {}, workdays: { '2026-10-09': 'National Day,国庆节,3' } }, 2026, LABEL)).toEqual({
      ok: false,
      message: expect.stringContaining('2026-10-09 不是周六或周日'),
    });
    expect(importYear({ holidays: { '2026-10-10': 'x,国庆节,1' }, workdays: { '2026-10-10': 'x,国庆节,1' } }, 2026, LABEL)).toEqual({
      ok: false,
      message: expect.stringContaining('既放假又上班'),
    });
    const partial = importYear({ holidays: { '2026-10-01': 'National Day,国庆节,3' }, workdays: {} }, 2026, LABEL);
    expect(partial.ok && partial.value.warnings).toEqual([
      '未见「元旦」的放假安排，请对照国务院办公厅通知核对',
      '未见「春节」的放假安排，请对照国务院办公厅通知核对',
      '未见「劳动节」的放假安排，请对照国务院办公厅通知核对',
    ]);
  });

  it('lists the years the package can import within the calendar’s range', () => {
    expect(importableYears(FIXTURE)).toEqual([2025, 2026]);
  });
});

describe('the installed package', () => {
  it('has 2026 (国庆 10-01 to 10-07, make-up days 09-20 and 10-10), the days the app shipped with', () => {
    expect(PACKAGE_LABEL).toMatch(/^chinese-days 1\.5\.\d+$/);
    const r = importYear(PACKAGE_DAYS, 2026, PACKAGE_LABEL);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.holidays).toEqual(expect.arrayContaining(['2026-10-01', '2026-10-07', '2026-02-17']));
    expect(r.value.workdays).toEqual(expect.arrayContaining(['2026-09-20', '2026-10-10']));
    // the same days the app shipped with (copied from this package by hand before)
    expect(diffYear(DEFAULT_CALENDAR, r.value).summary).toBe('与已发布的 2026 年日历相同');
    expect(importableYears(PACKAGE_DAYS)).toEqual(expect.arrayContaining([2024, 2025, 2026]));
  });
});

describe('diffYear and mergeYear', () => {
  const published: CalendarData = {
    holidays: ['2025-10-01', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-08', '2026-10-09'],
    workdays: ['2026-10-11'],
    provisionalYears: [2026],
    source: '2026 年：旧的导入；出厂数据',
  };
  const draft = {
    year: 2026,
    holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05'],
    workdays: ['2026-10-10'],
    names: { '2026-10-04': '国庆节', '2026-10-05': '国庆节', '2026-10-10': '国庆节' },
    source: 'chinese-days 9.9.9（通知）',
  };

  it('names the days added and removed, in runs of days, in date order', () => {
    const d = diffYear(published, draft);
    expect(d.holidaysAdded).toEqual(['2026-10-04', '2026-10-05']);
    expect(d.holidaysRemoved).toEqual(['2026-10-08', '2026-10-09']);
    expect(d.workdaysAdded).toEqual(['2026-10-10']);
    expect(d.workdaysRemoved).toEqual(['2026-10-11']);
    expect(d.endsProvisional).toBe(true);
    expect(d.changes.map((c) => c.text)).toEqual([
      '新增放假：10月4日（周日）至10月5日（周一），国庆节，共 2 天',
      '取消放假：10月8日（周四）至10月9日（周五），共 2 天',
      '新增调休上班：10月10日（周六），国庆节',
      '取消调休上班：10月11日（周日）',
    ]);
    expect(d.summary).toBe('与已发布的 2026 年日历相比，6 天有变化；发布后该年不再是暂定');
    expect(dayText('2026-10-01')).toBe('10月1日（周四）');
  });

  it('replaces the year only, ends its provisional state and names the import in the source', () => {
    const m = mergeYear(published, draft);
    expect(m.holidays).toEqual(['2025-10-01', ...draft.holidays]);
    expect(m.workdays).toEqual(['2026-10-10']);
    expect(m.provisionalYears).toEqual([]);
    expect(m.source).toBe('2026 年：chinese-days 9.9.9（通知）；出厂数据');
    expect(CalendarData.safeParse(m).success).toBe(true);
  });
});
