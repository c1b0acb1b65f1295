/**
 * Issue 18's "done when", in the browser, on the shared local clock:
 * - 张 books a Saturday ("5+2") slot at the district hall on Friday;
 * - the reminders come the evening before and within the hour before (the sweep run as the schedule would);
 * - on Saturday he checks in with the hall's code and gets a number; the phone shows it and those ahead;
 * - the 综合窗口 officer signs in at window 1 and calls the next number: his; the phone says 请到 1 号窗口 and the hall
 *   screen shows the call; the officer marks it served;
 * - 李 books and does not come three times: online booking is suspended, and the booking page says until when.
 * Screenshots: the booking page, the number on the phone, the officer's desk, the hall screen, the suspension.
 */
import type { Page } from 'playwright-core';
import { allMessages, apiCall, devToken } from './api';
import { browserMovingClock, confirm, devLogin, newPage, phonePage, setClock, shot, webUrl } from './browser';

jest.setTimeout(300_000);

const browser = browserMovingClock();
const go = (page: Page, path: string) => page.goto(`${webUrl()}/#${path}`);
const SATURDAY = '2026-12-05';

/** The functions' own sweep on the stack's store at `at`, as the 10-minute schedule would run it. */
async function sweep(at: string) {
  process.env.DYNAMODB_ENDPOINT = process.env.E2E_DYNAMO_URL;
  process.env.TABLE_NAME = 'yx-local';
  process.env.CLOCK_FILE = process.env.E2E_CLOCK_FILE;
  process.env.STAGE = 'local';
  const { sweepAppointments } = await import('../functions/src/jobs/appointments');
  return sweepAppointments(new Date(at).toISOString());
}
/** Moves the stack's clock; the functions read the clock file at most every 250 ms, so the next call sees the new time. */
async function moveClock(iso: string) {
  setClock(iso);
  await new Promise((r) => setTimeout(r, 300));
}
const titles = async (token: string) => (await allMessages(token)).map((m) => m.title);

let ticketNo = '';

describe('预约, 取号 and 叫号 (issue 18) in the browser', () => {
  it('a resident books a Saturday slot and is reminded the evening before and within the hour', async () => {
    await moveClock('2026-12-04T10:00:00+08:00'); // Friday
    const page = await newPage(browser());
    await devLogin(page, '居民 · 已实名');
    await go(page, '/packages/appointment/index');
    await page.getByTestId('point-district-hall').click();
    await page.getByTestId('item-social-security-card').click();
    await page.getByTestId(`date-${SATURDAY}`).click();
    await page.getByTestId('slot-09:00').click();
    await page.getByTestId('chosen').waitFor();
    await shot(page, 'appointments-book', true);
    await page.getByTestId('book').click();
    await confirm(page, '确认预约');
    await page.getByTestId('go-mine').waitFor();

    const zhang = await devToken('u-resident-zhang');
    const mine = await apiCall<{ items: { date: string; start: string; status: string; pointId: string }[] }>('GET', '/v1/appointments', zhang);
    expect(mine.items.find((a) => a.date === SATURDAY && a.pointId === 'district-hall')).toMatchObject({ start: '09:00', status: 'booked' });

    await sweep('2026-12-04T18:05:00+08:00');
    expect(await titles(zhang)).toContain('明天有预约');
    await sweep(`${SATURDAY}T08:10:00+08:00`);
    expect(await titles(zhang)).toContain('50 分钟后有预约');
  });

  it("he checks in with the hall's code, is called to window 1 by the officer, and the hall screen shows the call", async () => {
    await moveClock(`${SATURDAY}T08:50:00+08:00`);
    const staffToken = await devToken('u-staff-hall');
    const { path } = await apiCall<{ path: string }>('GET', '/v1/staff/hall/points/district-hall/check-in-code', staffToken);
    const phone = await newPage(browser());
    await devLogin(phone, '居民 · 已实名');
    await go(phone, path); // what the hall's QR code opens
    const booking = phone.locator('[data-testid^="booking-"]').first();
    await booking.click();
    await phone.getByTestId('arrive').click();
    const no = phone.getByTestId('ticket-no');
    await no.waitFor();
    ticketNo = (await no.innerText()).trim();
    expect(ticketNo).toMatch(/^A\d{3}$/);
    await phone.getByTestId('ticket-booked').waitFor(); // 预约优先
    await phone.getByTestId('ticket-ahead').waitFor();
    await shot(phone, 'appointments-ticket', true);

    // the officer: window 1 opens on Saturdays (5+2)
    await moveClock(`${SATURDAY}T09:01:00+08:00`); // his slot has begun: booked arrivals first
    const desk = await newPage(browser());
    await devLogin(desk, '窗口人员 · 区政务服务中心综合受理（叫号）');
    await go(desk, '/packages/staff/hall/index');
    await desk.getByTestId('window-district-hall-1').getByText('到此窗口').click();
    await desk.getByTestId('desk-next').click();
    await desk.getByTestId('desk-current-no').getByText(ticketNo).waitFor();
    await shot(desk, 'appointments-desk', true);

    // the phone (it polls) and the hall screen (a TV: landscape)
    await phone
      .getByTestId('ticket-window')
      .getByText(/1 号窗口/)
      .waitFor({ timeout: 30_000 });
    const tv = await (await browser().newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN' })).newPage();
    await go(tv, '/packages/hall/screen/index?pointId=district-hall');
    await tv
      .getByTestId('screen-latest')
      .getByText(new RegExp(`${ticketNo}.*1 号窗口`))
      .waitFor();
    await shot(tv, 'appointments-screen');
    await tv.context().close();

    await desk.getByTestId('desk-served').click();
    await desk.getByTestId('fig-mine-served').getByText('1').waitFor();
    await phone.getByTestId('ticket-final').waitFor({ timeout: 30_000 });
    const zhang = await devToken('u-resident-zhang');
    const mine = await apiCall<{ items: { date: string; status: string; ticketNo?: string }[] }>('GET', '/v1/appointments', zhang);
    expect(mine.items.find((a) => a.date === SATURDAY && a.ticketNo === ticketNo)?.status).toBe('served');
  });

  it("a second resident's three no-shows suspend online booking, and the booking page says until when", async () => {
    const li = await devToken('u-resident-li');
    const days = ['2026-12-07', '2026-12-08', '2026-12-09'];
    await moveClock('2026-12-06T10:00:00+08:00');
    for (const date of days)
      await apiCall(
        'POST',
        '/v1/appointments',
        li,
        { pointId: 'street-beijing', itemId: 'residence-certificate', date, start: '09:00' },
        {
          'idempotency-key': `e2e-ap-li-${date}-${Date.now()}`,
        },
      );
    for (const date of days) await sweep(`${date}T09:50:00+08:00`); // the slot ended 20 minutes ago and nobody came
    await moveClock('2026-12-09T10:00:00+08:00');
    const page = await phonePage(browser());
    page.setDefaultTimeout(20_000);
    await devLogin(page, '居民 · 未实名');
    await go(page, '/packages/appointment/book/index?pointId=street-beijing');
    await page.getByTestId('item-residence-certificate').click();
    const banner = page.getByTestId('standing');
    await banner.getByText(/2027-01-08/).waitFor();
    await banner.scrollIntoViewIfNeeded();
    await shot(page, 'appointments-suspended', true);
    expect(await titles(li)).toContain('网上预约已暂停');
  });
});
