/**
 * 掌上办 in the browser: a resident applies with an e-licence (the 申请表 is the form itself: named, never an
 * upload), gets a receipt and looks it up without logging in; a grade-A firm applies with uploads, e-licences and a
 * deferred material (容缺) under a signed credit commitment.
 */
import type { Browser, Page } from 'playwright-core';
import {
  applyField as field,
  devLogin,
  findInPagedList,
  launch,
  newPage as openPage,
  nextStep as next,
  openApply,
  settled,
  shot,
  tick,
  uploadInto,
  webUrl,
} from './browser';

jest.setTimeout(120_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const section = (page: Page, name: string) => page.locator(`.apply [data-section="${name}"]`);

describe('掌上办 in the browser', () => {
  let appNo = '';
  let queryCode = '';

  it('a resident applies with an e-licence, the 申请表 being the form itself, and gets a receipt', async () => {
    const page = await openPage(browser);
    await devLogin(page, '居民 · 已实名');
    await openApply(page, 'no-criminal-record');
    // 申请人信息 is pre-filled from the real-name binding
    await section(page, '申请人信息').waitFor();
    expect(await field(page, 'realName').locator('input').inputValue()).toBe('张晓明');
    await shot(page, 'apply-step1-prefilled');
    await next(page);
    await section(page, '联系方式').waitFor();
    await next(page);
    await section(page, '事项信息').waitFor();
    await next(page); // nothing chosen yet: the form says what is missing
    await field(page, 'purpose').getByText('必填').waitFor();
    await field(page, 'purpose').getByText('就业', { exact: true }).click();
    await next(page);
    await section(page, '材料').waitFor();
    await field(page, 'm0')
      .getByText(/用电子证照：居民身份证/)
      .click();
    await field(page, 'm0').getByText('电子证照', { exact: true }).waitFor();
    // what the form produces is named with what it is, and has no upload (issue 14)
    const produced = page.locator('.apply [data-testid="material-not-uploaded"]');
    await produced.getByText('犯罪记录查询申请表').waitFor();
    await produced.getByText('无需上传', { exact: true }).waitFor();
    expect(await produced.getByText('拍照/上传').count()).toBe(0);
    await shot(page, 'apply-materials');
    await next(page);
    await page.locator('.apply-review').first().waitFor();
    await shot(page, 'apply-review', true);
    await page.locator('.apply-bar').getByText('确认提交').click();
    await page.locator('.receipt-title').getByText('申请已提交').waitFor();
    await settled(page, '.receipt-head');
    appNo = (await page.getByLabel('办件编号').innerText()).trim();
    queryCode = (await page.getByLabel('查询码').innerText()).trim();
    expect(appNo).toMatch(/^YX\d{14}$/);
    expect(queryCode).toMatch(/^\d{6}$/);
    await page.locator('.receipt-deadlines').getByText('承诺时限').waitFor();
    await shot(page, 'apply-receipt');
    // the application's own page: light, timeline, next step
    await page.locator('.receipt-actions').getByText('查看办理进度').click();
    await page.getByText(appNo).first().waitFor();
    await page.locator('.dt').getByText('提交申请').first().waitFor();
    await settled(page, '.dt .detail-head');
    await shot(page, 'application-detail', true);
    // 消息: the submission is there, unread
    await page.goto(`${webUrl()}/#/pages/messages/index`);
    const message = await findInPagedList(page, page.getByTestId('message'), appNo);
    await message.getByTestId('unread-dot').waitFor();
    await shot(page, 'messages');
    await page.context().close();
  });

  it('anyone looks the application up with its number and query code and sees the timeline', async () => {
    const page = await openPage(browser); // a fresh browser: not logged in
    await page.goto(`${webUrl()}/#/packages/progress/lookup/index`);
    const inputs = page.locator('.lookup .field input');
    await inputs.nth(0).fill(appNo);
    await inputs.nth(1).fill(queryCode);
    await page.locator('.lookup .btn').getByText('查询', { exact: true }).click();
    await page.locator('.lookup').getByText('提交申请').first().waitFor();
    await page.locator('.lookup').getByText('张*明').first().waitFor();
    await page.locator('.lookup').getByText('无犯罪记录证明').first().waitFor();
    await shot(page, 'lookup-result');
    await page.context().close();
  });

  it('a grade-A firm defers a material under a signed credit commitment', async () => {
    const page = await openPage(browser);
    await devLogin(page, '企业 · 粤味餐饮 · 信用 A 级');
    await openApply(page, 'food-business-licence');
    expect(await field(page, 'creditCode').locator('input').inputValue()).toBe('91440104MA5CXK1P06');
    await next(page);
    await section(page, '联系方式').waitFor();
    await next(page);
    await section(page, '事项信息').waitFor();
    await field(page, 'foodBusinessType').getByText('餐饮服务', { exact: true }).click();
    await field(page, 'premisesAddress').locator('input').fill('广州市越秀区北京路 188 号首层');
    await field(page, 'premisesArea').locator('input').fill('120');
    await next(page);
    await section(page, '材料').waitFor();
    await page.getByLabel('容缺受理').getByText(/最多/).waitFor();
    // the 申请书 is the form itself; of the six materials to provide (30 % of them for grade A), one may be deferred
    await page.locator('.apply [data-testid="material-not-uploaded"]').getByText('食品经营许可申请书').waitFor();
    await field(page, 'm0')
      .getByText(/用电子证照：营业执照/)
      .click();
    await field(page, 'm3')
      .getByText(/用电子证照：居民身份证/)
      .click();
    await page.locator('.apply [data-field="m1"] + .apply-defer').click();
    await field(page, 'm1').getByText('容缺：承诺后补交').waitFor();
    await uploadInto(page, 'm2', '管理制度.png');
    await uploadInto(page, 'm4', '租赁合同.png');
    await uploadInto(page, 'm5', '健康证明.png');
    await next(page); // the commitment is not signed yet
    await page.getByText(/容缺受理需签署信用承诺/).waitFor();
    await tick(page.getByLabel('信用承诺').getByRole('checkbox', { name: /我已阅读并作出上述承诺/ }));
    await page.getByLabel('信用承诺').locator('input').last().fill('陈志强');
    await shot(page, 'apply-tolerance', true);
    await next(page);
    await page.locator('.apply-review').first().waitFor();
    await page.locator('.apply-bar').getByText('确认提交').click();
    await page.locator('.receipt-title').getByText('申请已提交').waitFor();
    await settled(page, '.receipt-head');
    await page.getByText('容缺材料（待补交）').waitFor();
    expect(await page.locator('.receipt-row .tag-orange').count()).toBe(1);
    await shot(page, 'apply-receipt-tolerance', true);
    await page.context().close();
  });
});
