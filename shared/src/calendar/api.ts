import * as z from 'zod';
import { lazy } from '../api/lazy';
import { dayNumber } from './date';

/**
 * The admin's calendar screens (issue 16): a year is imported from the maintained package (chinese-days) into a draft,
 * reviewed against the published calendar (the diff), then published. Drafts are never used by deadlines.
 */

/** Years the calendar can hold (the arithmetic's range, shared/src/calendar/date.ts). */
export const CALENDAR_FIRST_YEAR = 2024;
export const CALENDAR_LAST_YEAR = 2099;

const YEAR_MESSAGE = `年份应为 ${CALENDAR_FIRST_YEAR} 至 ${CALENDAR_LAST_YEAR} 之间的整数`;
const Year = () =>
  z.number({ message: YEAR_MESSAGE }).int({ message: YEAR_MESSAGE }).min(CALENDAR_FIRST_YEAR, YEAR_MESSAGE).max(CALENDAR_LAST_YEAR, YEAR_MESSAGE);
const Day = () => z.string().refine((v) => dayNumber(v) !== null, { message: '日期应为 YYYY-MM-DD' });

/** POST /v1/admin/calendar/drafts: import this year from the package into a draft. */
export const CalendarDraftRequest = lazy(() => z.strictObject({ year: Year() }));
export type CalendarDraftRequest = z.infer<typeof CalendarDraftRequest>;

/** GET /v1/admin/calendar/drafts/{year} */
export const CalendarYearParams = lazy(() =>
  z.strictObject({
    year: z
      .string()
      .regex(/^\d{4}$/, { message: YEAR_MESSAGE })
      .transform(Number)
      .pipe(Year()),
  }),
);

/** POST /v1/admin/calendar/publish: the draft's version as reviewed (a newer import or another admin's publish is a 409). */
export const CalendarPublishRequest = lazy(() =>
  z.strictObject({
    year: Year(),
    version: z.number({ message: '版本号应为正整数' }).int({ message: '版本号应为正整数' }).min(1, '版本号应为正整数').max(1_000_000_000, '版本号应为正整数'),
  }),
);
export type CalendarPublishRequest = z.infer<typeof CalendarPublishRequest>;

/** One run of consecutive days that changed, in words (「新增放假：10月1日（周四）至10月7日（周三），国庆节，共 7 天」). */
export const CalendarChange = lazy(() =>
  z.object({
    kind: z.enum(['holiday', 'workday']),
    change: z.enum(['added', 'removed']),
    dates: z.array(Day()),
    text: z.string(),
  }),
);
export type CalendarChange = z.infer<typeof CalendarChange>;

/** What publishing the draft changes in the published calendar for its year. */
export const CalendarDiff = lazy(() =>
  z.object({
    holidaysAdded: z.array(Day()),
    holidaysRemoved: z.array(Day()),
    workdaysAdded: z.array(Day()),
    workdaysRemoved: z.array(Day()),
    /** the year is provisional in the published calendar and stops being so */
    endsProvisional: z.boolean(),
    /** the changes as runs of days, in Chinese, in date order */
    changes: z.array(CalendarChange),
    /** one line: 「与已发布的日历相同」 or how many days change */
    summary: z.string(),
  }),
);
export type CalendarDiff = z.infer<typeof CalendarDiff>;

/** A year as imported: the days, the holiday each belongs to, where it came from, and what to check. */
export const CalendarDraft = lazy(() =>
  z.object({
    year: Year(),
    holidays: z.array(Day()),
    workdays: z.array(Day()),
    /** the holiday each day (off or made up) belongs to, e.g. 国庆节 */
    names: z.record(z.string(), z.string()),
    source: z.string(),
    /** what the reviewer should look at twice (e.g. a holiday the package does not list for the year) */
    warnings: z.array(z.string()),
    state: z.enum(['draft', 'published']),
    /** moves with every import and with publishing */
    version: z.number().int(),
    /** the published calendar's version the draft was imported against */
    baseVersion: z.number().int(),
    importedBy: z.string(),
    importedAt: z.string(),
    publishedBy: z.string().optional(),
    publishedAt: z.string().optional(),
  }),
);
export type CalendarDraft = z.infer<typeof CalendarDraft>;

/** A draft with its diff against the calendar published now. */
export const CalendarDraftView = lazy(() =>
  CalendarDraft.extend({
    diff: CalendarDiff,
    publishedVersion: z.number().int(),
    /** the published calendar changed since the import: publishing is refused until the year is imported again */
    stale: z.boolean(),
  }),
);
export type CalendarDraftView = z.infer<typeof CalendarDraftView>;

/** One year as the published calendar holds it, for the admin's overview. */
export const CalendarYearSummary = lazy(() =>
  z.object({
    year: Year(),
    holidays: z.number().int(),
    workdays: z.number().int(),
    provisional: z.boolean(),
    /** who published it from an import, and when (absent for the shipped data or a whole-calendar update) */
    publishedBy: z.string().optional(),
    publishedAt: z.string().optional(),
    /** an import waiting to be reviewed */
    draftVersion: z.number().int().optional(),
  }),
);
export type CalendarYearSummary = z.infer<typeof CalendarYearSummary>;

/** GET /v1/admin/calendar: the published calendar by year, and which years the package can import. */
export const CalendarAdminView = lazy(() =>
  z.object({
    version: z.number().int(),
    updatedBy: z.string().optional(),
    updatedAt: z.string().optional(),
    source: z.string(),
    knownUntil: z.number().int(),
    provisionalYears: z.array(z.number().int()),
    years: z.array(CalendarYearSummary),
    /** the package and version imports come from, e.g. 'chinese-days 1.5.7' */
    importSource: z.string(),
    /** years the package has data for (within the calendar's range) */
    importableYears: z.array(z.number().int()),
  }),
);
export type CalendarAdminView = z.infer<typeof CalendarAdminView>;
