/**
 * The service catalogue as data (issue 16, "done when"): the admin adds a service item with a new form field in the H5
 * app, then a resident finds it in the guide and applies with it, the new question on the form.
 */
import type { Browser, Page } from 'playwright-core';
import { apiCall } from './api';
import { confirm, devLogin, launch, newPage, nextStep as next, settled, shot, uploadInto, webUrl } from './browser';

jest.setTimeout(240_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const run = Date.now().toString(36).slice(-4).toUpperCase();
const NAME = `犬只登记${run}`; // unique, so the search finds this run's item only
const section = (page: Page, name: string) => page.locator(`.apply [data-section="${name}"]`);

/** Other containers (the guide's) keep the catalogue for up to a minute: wait until the guide lists the new item. */
async function waitForGuide(name: string) {
  const until = Date.now() + 90_000;
  for (;;) {
    const r = await apiCall<{ items: { id: string; name: string }[] }>('GET', `/v1/services?q=${encodeURIComponent(name)}&limit=5`);
    const hit = r.items.find((i) => i.name === name);
    if (hit) return hit.id;
    if (Date.now() > until) throw new Error(`the guide did not list ${name} within 90 s`);
    await new Promise((res) => setTimeout(res, 2000));
  }
}

describe('事项目录 in the browser', () => {
  let itemId = '';

  it('the admin adds a service item with a new form field and saves it as version 1', async () => {
    const page = await newPage(browser);
    await devLogin(page, '管理员 · 区政务服务数据管理局');
    await page.getByTestId('me-catalogue').click();
    await page.locator('[data-testid^="cat-item-"]').first().waitFor();
    await settled(page, '.page');
    await shot(page, 'catalogue-list');
    await page.getByTestId('cat-new').click();
    await page.getByText('新增办事事项').waitFor();

    await page.getByTestId('cat-name').fill(NAME);
    await page.locator('[data-testid="cat-basics"] .chip').getByText('越秀公安分局', { exact: true }).click();
    await page.locator('textarea[aria-label="事项简介"]').fill('居民饲养犬只的登记，办结后发放犬只登记证');
    await page.locator('textarea[aria-label="受理条件（每行一条）"]').fill('在越秀区居住并饲养犬只的居民\n犬只已接种狂犬病疫苗');
    await page.locator('[data-testid="cat-basics"] .chip').getByText('实名登记即可', { exact: true }).click();
    // the one material: the vaccination certificate, uploaded (no e-licence)
    await page.locator('input[aria-label="材料 1 名称"]').fill('犬只免疫证明');
    await page.locator('[data-testid="cat-material-0"] .chip').getByText('无', { exact: true }).click();

    // the new question: 犬只名字, a required text
    await page.getByTestId('cat-field-add').click();
    await page.getByTestId('cat-field-label').fill('犬只名字');
    await page.getByTestId('cat-field-ok').click();
    await page.getByTestId('cat-preview').getByText('犬只名字').waitFor();
    await page.getByTestId('cat-field-close').click();
    await page.getByTestId('cat-preview').scrollIntoViewIfNeeded();
    await shot(page, 'catalogue-new-item-preview');

    await page.getByTestId('cat-save').click();
    await page.getByText('保存为第 1 版后', { exact: false }).waitFor();
    await shot(page, 'catalogue-save-confirm');
    await confirm(page, '保存');
    await page.getByText(`${NAME} · 当前第 1 版`).waitFor();
    await page.getByTestId('cat-version-1').getByText('当前').waitFor();
    await page.getByTestId('cat-history').scrollIntoViewIfNeeded();
    await shot(page, 'catalogue-saved-v1');
    await page.context().close();
    itemId = await waitForGuide(NAME);
  });

  it('a resident finds it in the guide and applies with the new field', async () => {
    expect(itemId).not.toBe('');
    const page = await newPage(browser);
    await devLogin(page, '居民 · 已实名');
    await page.goto(`${webUrl()}/#/pages/index/index`);
    const search = page.locator('.home-search input');
    await search.fill(NAME);
    await search.press('Enter');
    await page.locator('.guide.page .service-card-name').getByText(NAME).waitFor();
    await shot(page, 'catalogue-resident-search');
    await page.locator('.guide.page .service-card-name').getByText(NAME).click();
    await page.locator('.detail-head .detail-title').getByText(NAME).waitFor();
    await settled(page, '.detail-head');
    await page.getByText('犬只免疫证明').first().waitFor();
    await shot(page, 'catalogue-resident-guide');

    await page.locator('.detail-apply').getByText('在线办理').click();
    await page.locator('.apply-steps').waitFor();
    await section(page, '申请人信息').waitFor();
    await next(page);
    await section(page, '联系方式').waitFor();
    await next(page);
    // the admin's question, asked under 事项信息
    await section(page, '事项信息').getByText('犬只名字').waitFor();
    await next(page);
    await section(page, '事项信息').getByText('必填').waitFor();
    await section(page, '事项信息').locator('input').first().fill('旺财');
    await shot(page, 'catalogue-resident-new-field');
    await next(page);
    await section(page, '材料').waitFor();
    await uploadInto(page, 'm0', 'vaccination.png');
    await next(page);
    await page.locator('.apply-review').first().waitFor();
    await page.locator('.apply-review').getByText('旺财').first().waitFor();
    await shot(page, 'catalogue-resident-review', true);
    await page.locator('.apply-bar').getByText('确认提交').click();
    await page.locator('.receipt-title').getByText('申请已提交').waitFor();
    await settled(page, '.receipt-head');
    expect((await page.getByLabel('办件编号').innerText()).trim()).toMatch(/^YX\d{14}$/);
    await shot(page, 'catalogue-resident-receipt');
    await page.context().close();
  });
});
