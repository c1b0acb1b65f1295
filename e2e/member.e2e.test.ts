/**
 * 会员专区 in the browser: 黄美玲 (195 points from ratings and volunteering, no card yet) claims her card,
 * checks in and becomes 银卡 at once, sees her calendar and points; on member day (the shared local clock
 * moves) she claims a museum ticket, and the museum's cashier redeems the code once. The admin's figures
 * show it.
 */
import type { Page } from 'playwright-core';
import { browserMovingClock, confirm, countersSettled, devLogin, setClock, newPage, settled, shot, webUrl } from './browser';

jest.setTimeout(180_000);

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const browser = browserMovingClock();

describe('会员专区 in the browser', () => {
  it('claims a card, checks in to 银卡, sees calendar and points, claims a member-day benefit that a cashier redeems once', async () => {
    setClock('2026-12-17T09:00:00+08:00');
    await pause(400); // functions re-read the clock file every 250 ms
    const huang = await newPage(browser());
    await devLogin(huang, '会员专区演示');

    // the card: points earned before it are there
    await huang.goto(`${webUrl()}/#/packages/member/home/index`);
    await huang.locator('.mb-claim-card').click();
    await huang.locator('.mb-card').waitFor();
    expect(await huang.locator('.mb-level-name').innerText()).toBe('普通卡');
    expect(await huang.locator('.mb-points').innerText()).toBe('195');

    // one check-in: +5, growth 200, 银卡 at once
    await huang.locator('.mb-checkin').click();
    await huang.locator('.mb-upgraded').waitFor();
    expect(await huang.locator('.mb-upgraded').innerText()).toContain('银卡');
    await expectText(huang, '.mb-level-name', '银卡');
    expect(await huang.locator('.mb-points').innerText()).toBe('200');
    await expectText(huang, '.mb-checkin', '今日已签到');
    await settled(huang, '.mb-home');
    await shot(huang, 'member-card', true);

    // the month's calendar and the ledger
    await huang.goto(`${webUrl()}/#/packages/member/calendar/index`);
    await huang.locator('.mb-cal-cell.checked').first().waitFor();
    expect(await huang.locator('.mb-cal-cell.checked').count()).toBe(1);
    expect(await huang.locator('.mb-cal-cell.checked').getAttribute('data-date')).toBe('2026-12-17');
    await settled(huang, '.page');
    await shot(huang, 'member-calendar', true);
    await huang.goto(`${webUrl()}/#/packages/member/points/index`);
    await huang.getByText('每日签到').first().waitFor();
    await huang.getByText('志愿服务：社区清洁日').first().waitFor();

    // not member day yet: claiming is closed
    await huang.goto(`${webUrl()}/#/packages/member/benefits/index`);
    await huang.locator('.mb-benefit[data-id="gd-museum-ticket"]').waitFor();
    expect(
      await huang
        .locator('.mb-benefit[data-id="gd-museum-ticket"] .mb-benefit-claim')
        .evaluate((el) => el.hasAttribute('disabled') || (el as HTMLButtonElement).disabled === true),
    ).toBe(true);

    // member day: the museum ticket
    setClock('2026-12-18T10:00:00+08:00');
    await pause(400);
    await huang.reload();
    await huang.locator('.mb-memberday.on').first().waitFor();
    const ticket = huang.locator('.mb-benefit[data-id="gd-museum-ticket"]');
    await ticket.locator('.mb-benefit-claim').click();
    await confirm(huang, '领取');
    await huang.locator('.mb-code').first().waitFor();
    const code = (await huang.locator('.mb-code').first().innerText()).trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}$/);
    await shot(huang, 'member-benefit', true);

    // the museum's cashier redeems it once; a second try is refused with when it was used
    const cashier = await newPage(browser());
    await devLogin(cashier, '合作商户 · 广东省博物馆');
    await cashier.goto(`${webUrl()}/#/packages/member/redeem/index`);
    await cashier.locator('.mb-redeem-input input').fill(code.toLowerCase().replace(/-/g, ''));
    await cashier.locator('.mb-redeem-query').click();
    await cashier.locator('[data-testid="redeem-claim"]').waitFor();
    await cashier.locator('.mb-redeem-confirm').click();
    await confirm(cashier, '核销');
    await cashier.locator('.mb-redeem-done').waitFor();
    await shot(cashier, 'member-redeemed');

    // 我的兑换码 says it was used
    await huang.goto(`${webUrl()}/#/packages/member/claims/index`);
    await huang.getByText('已核销').first().waitFor();

    // the admin's figures include today's claim and redemption
    await countersSettled();
    const admin = await newPage(browser());
    await devLogin(admin, '管理员 · 区政务服务数据管理局');
    await admin.goto(`${webUrl()}/#/packages/staff/member-admin/index`);
    await admin.locator('.ma-kpi').first().waitFor();
    await admin.locator('.ma-chart').first().waitFor();
    await settled(admin, '.page');
    await shot(admin, 'member-admin-stats', true);
    for (const p of [huang, cashier, admin]) await p.context().close();
  });
});

async function expectText(page: Page, selector: string, text: string) {
  await page.waitForFunction(([sel, t]) => document.querySelector(sel)?.textContent?.trim() === t, [selector, text] as const);
}
