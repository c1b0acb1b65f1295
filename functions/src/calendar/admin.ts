import { CalendarData, knownUntil, type CalendarAdminView, type CalendarDraft, type CalendarDraftView, type CalendarYearSummary } from '@yx/shared';
import { AppError, conflict, notFound, ruleViolation } from '../lib/errors';
import { isConditionFailure } from '../lib/db';
import type { PublishedCalendar } from '../lib/entities/calendar';
import { diffYear, importableYears, importYear, mergeYear } from './importYear';
import { PACKAGE_DAYS, PACKAGE_LABEL } from './packageData';
import { getDraft, getPublished, listDrafts, publishDraft, putDraft } from './repository';

/**
 * The admin's calendar (issue 16): a year imported from chinese-days into a draft, reviewed against the published
 * calendar, then published. Deadlines read only the published calendar (repository.getCalendar).
 */

const countIn = (days: string[], year: number) => days.filter((d) => d.startsWith(`${year}-`)).length;

function viewOf(draft: CalendarDraft, published: PublishedCalendar): CalendarDraftView {
  return {
    ...draft,
    diff: diffYear(published.calendar, draft),
    publishedVersion: published.version,
    stale: draft.state === 'draft' && draft.baseVersion !== published.version,
  };
}

/** GET /v1/admin/calendar: each year the published calendar knows, with any draft, and what the package can import. */
export async function adminOverview(): Promise<CalendarAdminView> {
  const [published, drafts] = await Promise.all([getPublished(), listDrafts()]);
  const cal = published.calendar;
  const until = knownUntil(cal);
  const draftOf = new Map(drafts.filter((d) => d.state === 'draft').map((d) => [d.year, d]));
  const yearSet = new Set<number>(cal.provisionalYears);
  for (let y = 2024; y <= until; y += 1) yearSet.add(y);
  for (const y of draftOf.keys()) yearSet.add(y);
  const years: CalendarYearSummary[] = [...yearSet]
    .sort((a, b) => a - b)
    .map((year) => {
      const p = published.publications[String(year)];
      const draft = draftOf.get(year);
      return {
        year,
        holidays: countIn(cal.holidays, year),
        workdays: countIn(cal.workdays, year),
        provisional: cal.provisionalYears.includes(year) || year > until,
        ...(p ? { publishedBy: p.by, publishedAt: p.at } : {}),
        ...(draft ? { draftVersion: draft.version } : {}),
      };
    });
  return {
    version: published.version,
    ...(published.updatedBy ? { updatedBy: published.updatedBy } : {}),
    ...(published.updatedAt ? { updatedAt: published.updatedAt } : {}),
    source: cal.source,
    knownUntil: until,
    provisionalYears: cal.provisionalYears,
    years,
    importSource: PACKAGE_LABEL,
    importableYears: importableYears(PACKAGE_DAYS),
  };
}

/** POST /v1/admin/calendar/drafts: the year from the package as a draft (nothing written when the package has no data for it). */
export async function importDraft(year: number, by: string, at: string): Promise<CalendarDraftView> {
  const imported = importYear(PACKAGE_DAYS, year, PACKAGE_LABEL);
  if (!imported.ok) throw ruleViolation(imported.message);
  const [published, previous] = await Promise.all([getPublished(), getDraft(year)]);
  const replacing = previous?.version ?? 0;
  const draft: CalendarDraft = {
    ...imported.value,
    state: 'draft',
    version: replacing + 1,
    baseVersion: published.version,
    importedBy: by,
    importedAt: at,
  };
  try {
    await putDraft(draft, replacing);
  } catch (e) {
    if (isConditionFailure(e)) throw conflict(`其他管理员刚刚导入了 ${year} 年的日历，请刷新后查看`);
    throw e;
  }
  return viewOf(draft, published);
}

/** GET /v1/admin/calendar/drafts/{year} */
export async function draftView(year: number): Promise<CalendarDraftView> {
  const [draft, published] = await Promise.all([getDraft(year), getPublished()]);
  if (!draft) throw notFound(`还没有导入 ${year} 年的日历草稿`);
  return viewOf(draft, published);
}

/**
 * POST /v1/admin/calendar/publish: the draft as reviewed (its version) replaces its year in the published calendar, only
 * while neither changed since: a newer import, a publish by another admin or a whole-calendar update is a 409.
 */
export async function publish(year: number, version: number, by: string, at: string): Promise<CalendarDraftView> {
  const [draft, published] = await Promise.all([getDraft(year), getPublished()]);
  if (!draft) throw notFound(`还没有导入 ${year} 年的日历草稿`);
  if (draft.state === 'published' && draft.version === version + 1) throw conflict(`${year} 年的日历草稿已经发布过了`);
  if (draft.version !== version) throw conflict(`${year} 年的草稿已重新导入（现为第 ${draft.version} 版），请核对新的差异后再发布`);
  if (draft.state !== 'draft') throw conflict(`${year} 年的日历草稿已经发布过了`);
  if (draft.baseVersion !== published.version) throw conflict(`导入草稿后，已发布的日历有了变更，请重新导入 ${year} 年并核对差异后再发布`);
  const merged = CalendarData.safeParse(mergeYear(published.calendar, draft));
  if (!merged.success) throw ruleViolation(`${year} 年的草稿与已发布的日历合并后不是有效的日历，未发布：${merged.error.issues[0]?.message ?? ''}`);
  const next: PublishedCalendar = {
    calendar: merged.data,
    version: published.version + 1,
    updatedBy: by,
    updatedAt: at,
    publications: { ...published.publications, [String(year)]: { by, at, draftVersion: draft.version } },
  };
  try {
    await publishDraft(draft, next, { by, at });
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (isConditionFailure(e)) throw conflict(`其他管理员刚刚发布或更新了日历，请刷新后核对再发布`);
    throw e;
  }
  return viewOf({ ...draft, state: 'published', version: draft.version + 1, publishedBy: by, publishedAt: at }, next);
}
