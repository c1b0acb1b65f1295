/**
 * The working-day calendar imported from chinese-days, reviewed and published (issue 16). Runs on its own table: it
 * publishes calendars, which every other test file's deadlines read.
 */
import { addWorkingDays, type CalendarData } from '@yx/shared';
import { ensureTable } from '../../../scripts/lib/dynamo';
import { call } from '../../test/http';
import { login } from '../../test/apply';
import { handler } from '../admin/handler';
import { seedAll } from '../seed/seed';
import { clearCalendarCache } from './repository';

let admin: string;
let resident: string;

beforeAll(async () => {
  process.env.TABLE_NAME = 'yx-calendar';
  await ensureTable(process.env.DYNAMODB_ENDPOINT!, 'yx-calendar');
  await seedAll();
  admin = await login('u-admin');
  resident = await login('u-resident-zhang');
});

const published = async (): Promise<CalendarData> => {
  clearCalendarCache();
  return (await call(handler, 'GET /v1/calendar')).body;
};
const importYear = (year: number) => call(handler, 'POST /v1/admin/calendar/drafts', { token: admin, body: { year } });
const publish = (year: number, version: number) => call(handler, 'POST /v1/admin/calendar/publish', { token: admin, body: { year, version } });
const getDraft = (year: number) => call(handler, 'GET /v1/admin/calendar/drafts/{year}', { token: admin, params: { year: String(year) } });

describe('the calendar admin', () => {
  it('is for admins only: a resident is 403, nobody 401', async () => {
    for (const token of [resident, undefined]) {
      const want = token ? 403 : 401;
      expect((await call(handler, 'GET /v1/admin/calendar', { token })).status).toBe(want);
      expect((await call(handler, 'POST /v1/admin/calendar/drafts', { token, body: { year: 2026 } })).status).toBe(want);
      expect((await call(handler, 'GET /v1/admin/calendar/drafts/{year}', { token, params: { year: '2026' } })).status).toBe(want);
      expect((await call(handler, 'POST /v1/admin/calendar/publish', { token, body: { year: 2026, version: 1 } })).status).toBe(want);
    }
    expect((await getDraft(2026)).status).toBe(404); // nothing was imported
  });

  it('refuses bad input with a message in Chinese', async () => {
    for (const body of [{}, { year: '2026' }, { year: 2026.5 }, { year: 1999 }, { year: 2026, extra: 1 }]) {
      const r = await call(handler, 'POST /v1/admin/calendar/drafts', { token: admin, body });
      expect([JSON.stringify(body), r.status]).toEqual([JSON.stringify(body), 400]);
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await publish(2026, 0)).status).toBe(400);
    expect((await getDraft(26)).status).toBe(400);
  });

  it('says plainly when the package has no data for a year, and writes nothing', async () => {
    const before = (await call(handler, 'GET /v1/admin/calendar', { token: admin })).body;
    const r = await importYear(2099);
    expect(r.status).toBe(422);
    expect(r.body.error.message).toContain('还没有 2099 年的节假日安排');
    expect(r.body.error.message).toContain('按周末计算');
    expect((await getDraft(2099)).status).toBe(404);
    const after = (await call(handler, 'GET /v1/admin/calendar', { token: admin })).body;
    expect(after).toEqual(before);
    expect(after.importableYears).toEqual(expect.arrayContaining([2024, 2025, 2026]));
    expect(after.importableYears).not.toContain(2099);
  });

  it('imports 2026 into a draft with its diff, refuses a stale version, publishes, and deadlines then use it', async () => {
    // the published 2026 differs from the package's: 10-07 missing, 10-08 off, 10-11 (a Sunday) worked
    const cal = await published();
    const changed: CalendarData = {
      ...cal,
      holidays: [...cal.holidays.filter((d) => d !== '2026-10-07'), '2026-10-08'],
      workdays: [...cal.workdays, '2026-10-11'],
      provisionalYears: [...cal.provisionalYears, 2026],
    };
    expect((await call(handler, 'PUT /v1/admin/calendar', { token: admin, body: changed })).status).toBe(200);
    expect(addWorkingDays('2026-09-30', 1, await published())).toBe('2026-10-07');

    const first = await importYear(2026);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ year: 2026, state: 'draft', version: expect.any(Number), stale: false, importedBy: 'u-admin' });
    expect(first.body.holidays).toEqual(expect.arrayContaining(['2026-10-01', '2026-10-07']));
    expect(first.body.names['2026-10-01']).toBe('国庆节');
    expect(first.body.source).toMatch(/^chinese-days 1\.5\.\d+（国务院办公厅关于 2026 年部分节假日安排的通知）$/);
    expect(first.body.diff).toMatchObject({
      holidaysAdded: ['2026-10-07'],
      holidaysRemoved: ['2026-10-08'],
      workdaysAdded: [],
      workdaysRemoved: ['2026-10-11'],
      endsProvisional: true,
    });
    expect(first.body.diff.changes.map((c: { text: string }) => c.text)).toEqual([
      '新增放假：10月7日（周三），国庆节',
      '取消放假：10月8日（周四）',
      '取消调休上班：10月11日（周日）',
    ]);
    // a draft is not used by deadlines
    expect(addWorkingDays('2026-09-30', 1, await published())).toBe('2026-10-07');
    expect((await getDraft(2026)).body).toEqual(first.body);

    // imported again: the first version is stale
    const second = await importYear(2026);
    expect(second.body.version).toBe(first.body.version + 1);
    const stale = await publish(2026, first.body.version);
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain('重新导入');

    const done = await publish(2026, second.body.version);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ state: 'published', publishedBy: 'u-admin', publishedAt: expect.any(String) });
    expect(done.body.diff.summary).toBe('与已发布的 2026 年日历相同');
    const now = await published();
    expect(now.holidays).toContain('2026-10-07');
    expect(now.holidays).not.toContain('2026-10-08');
    expect(now.workdays).not.toContain('2026-10-11');
    expect(now.provisionalYears).not.toContain(2026);
    expect(now.source).toMatch(/^2026 年：chinese-days/);
    expect(addWorkingDays('2026-09-30', 1, now)).toBe('2026-10-08');
    // published once: the same version again is a 409
    expect((await publish(2026, second.body.version)).status).toBe(409);

    const overview = (await call(handler, 'GET /v1/admin/calendar', { token: admin })).body;
    expect(overview.years.find((y: { year: number }) => y.year === 2026)).toMatchObject({ provisional: false, publishedBy: 'u-admin', holidays: 33 });
    expect(overview.importSource).toMatch(/^chinese-days 1\.5\./);
  });

  it('refuses a draft imported before the published calendar changed', async () => {
    const draft = await importYear(2025);
    expect(draft.status).toBe(201);
    expect((await call(handler, 'PUT /v1/admin/calendar', { token: admin, body: await published() })).status).toBe(200);
    expect((await getDraft(2025)).body.stale).toBe(true);
    const r = await publish(2025, draft.body.version);
    expect(r.status).toBe(409);
    expect(r.body.error.message).toContain('已发布的日历有了变更');
  });

  it('lets exactly one of several admins publishing at once win', async () => {
    const draft = await importYear(2024);
    expect(draft.status).toBe(201);
    const before = (await call(handler, 'GET /v1/admin/calendar', { token: admin })).body.version;
    const results = await Promise.all(Array.from({ length: 4 }, () => publish(2024, draft.body.version)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    expect((await call(handler, 'GET /v1/admin/calendar', { token: admin })).body.version).toBe(before + 1);
    expect((await getDraft(2024)).body.state).toBe('published');
  });
});
