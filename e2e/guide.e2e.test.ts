import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launch, newPage, picturesShown, settled as settledOn, shot, webUrl } from './browser';

jest.setTimeout(90_000);

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await newPage(browser);
});
afterAll(async () => {
  await browser?.close();
});

const settled = (selector: string) => settledOn(page, selector);

const tab = (name: string) => page.locator('.taro-tabbar__tabbar').getByText(name, { exact: true });

describe('a resident in the H5 app', () => {
  it('logs in as a seeded resident through the development login', async () => {
    await page.goto(webUrl());
    await page.locator('.home-title').waitFor();
    await shot(page, 'home');
    await tab('我的').click();
    await page.getByText('您还没有登录').waitFor();
    await page.getByText('登录 / 注册').click();
    await page.getByText('开发登录（仅本地环境）').waitFor();
    await page.getByText('居民 · 已实名').waitFor();
    await settled('.login-head');
    await shot(page, 'login');
    await page.getByText('居民 · 已实名').click();
    await page.locator('.me-role').getByText('已实名').waitFor();
    expect(await page.locator('.me-name').innerText()).toContain('张晓明');
    // masked to everyone, the owner included, unless asked for
    await page.getByText(/440\*+0017/).waitFor();
    await shot(page, 'me-logged-in');
  });

  it('searches 营业执照, opens the guide and sees every element', async () => {
    await tab('首页').click();
    const search = page.locator('.home-search input');
    await search.fill('营业执照');
    await search.press('Enter');
    await page.getByText(/共 \d+ 个事项（“营业执照”）/).waitFor();
    await shot(page, 'guide-search');
    const first = page.locator('.guide.page .service-card').first();
    const name = (await first.locator('.service-card-name').innerText()).trim();
    await first.click();
    await page.locator('.detail-head .detail-title').getByText(name).waitFor();
    await settled('.detail-head');
    for (const text of ['承诺时限', '法定时限', '到现场', '收费标准', '受理条件', '申请材料', '办理流程', '办理方式', '设定依据', '常见问题', '一事一码']) {
      await page.getByText(text, { exact: true }).first().waitFor();
    }
    expect(await page.locator('.detail-mat').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByText(/^必交$/).count()).toBeGreaterThan(0);
    expect(await page.getByLabel('办理流程图').locator('.flow-step').count()).toBeGreaterThanOrEqual(2);
    expect(await picturesShown(page, '.detail-qr img')).toBe(1);
    const file = await shot(page, 'guide-detail', true);
    expect(fs.statSync(file).size).toBeGreaterThan(20_000);
  });

  it("opens a guide from its 一事一码: the QR's address is the app's own (issue 16)", async () => {
    const detail = (await (await fetch(`${webUrl()}/v1/services/elevator-installation`)).json()) as { qrText: string; item: { name: string } };
    expect(detail.qrText.startsWith(`${webUrl()}/g/elevator-installation`)).toBe(true);
    const other = await newPage(browser);
    await other.goto(detail.qrText);
    await other.locator('.detail-title').getByText(detail.item.name).waitFor();
    await other.context().close();
  });

  it('opens 出生一件事 from the home page and sees its items', async () => {
    await page.goto(webUrl());
    await page.locator('.home.page .home-bundle').getByText('出生一件事').click();
    await page.locator('.bundle-name').getByText('出生一件事').waitFor();
    await settled('.bundle-head');
    expect(await page.locator('.taro_page:not([style*="none"]) .service-card').count()).toBeGreaterThanOrEqual(3);
    await shot(page, 'bundle-birth');
  });

  it('filters the guide by 企业 and a theme', async () => {
    await page.goto(webUrl());
    await tab('办事').click();
    await page.locator('.guide.page .guide-tab').getByText('企业', { exact: true }).click();
    await page.locator('.guide.page .guide-chip').getByText('企业开办', { exact: true }).click();
    await page.getByText(/共 \d+ 个事项/).waitFor();
    const names = await page.locator('.guide.page .service-card-name').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    expect(names.join()).toContain('企业设立登记');
    await shot(page, 'guide-enterprise-startup');
  });

  it('switches on the large-text mode and keeps it after a reload', async () => {
    await page.goto(webUrl());
    await tab('我的').click();
    await page.locator('.me.page taro-switch-core').click();
    await page.waitForFunction(() => document.querySelector('.me.page')?.classList.contains('elder'));
    await shot(page, 'me-elder-mode');
    await page.reload();
    await tab('首页').click();
    await page.waitForFunction(() => document.querySelector('.home.page')?.classList.contains('elder'));
    await shot(page, 'home-elder-mode');
  });
});
