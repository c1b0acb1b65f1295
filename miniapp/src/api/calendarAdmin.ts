import { call } from './client';

/** 工作日历 (admin, issue 16): the published years, a year imported from chinese-days as a draft with its diff, publishing. */
export const calendarAdminApi = {
  overview: () => call('GET /v1/admin/calendar'),
  /** imports the year into a draft (a 422 with a plain message when the package has no data for it) */
  importYear: (year: number) => call('POST /v1/admin/calendar/drafts', { body: { year } }),
  draft: (year: number) => call('GET /v1/admin/calendar/drafts/{year}', { params: { year: String(year) } }),
  /** the draft's version as reviewed: a newer import or another admin's publish is a 409 */
  publish: (year: number, version: number) => call('POST /v1/admin/calendar/publish', { body: { year, version } }),
};
