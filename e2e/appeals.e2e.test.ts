/**
 * 诉求 and 越秀先锋 in the browser: a resident files an appeal with a photo and a place, a second
 * resident nearby adds "me too", a grid official logs an issue in one tap; officials claim and close
 * both, and the filers rate them.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { confirm, launch, picturesShown, scenePng, settled, shot, webUrl } from './browser';

jest.setTimeout(180_000);

const HERE = { latitude: 23.12505, longitude: 113.26915 };
const NEAR = { latitude: 23.12505, longitude: 113.26975 }; // about 60 m east

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function personAt(where: { latitude: number; longitude: number }, description: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    isMobile: true,
    hasTouch: true,
    geolocation: where,
    permissions: ['geolocation'],
  });
  const page = await ctx.newPage();
  page.setDefaultTimeout(20_000);
  page.on('response', async (r) => {
    if (r.url().includes('/v1/') && r.status() >= 400 && r.status() !== 401)
      console.log(`API ${r.status()} ${r.url()} ${(await r.text().catch(() => '')).slice(0, 200)}`);
  });
  await page.goto(`${webUrl()}/#/pages/login/index`);
  await page.getByText(description).click();
  await page.locator('.me-name').waitFor();
  return { ctx, page };
}

const radio = (page: Page, name: string) => page.getByRole('radio', { name, exact: true }).first();
const numberOf = async (page: Page) =>
  (
    await page
      .getByText(/SQ\d{16}/)
      .first()
      .innerText()
  ).match(/SQ\d{16}/)![0];

describe('诉求 and 一键呼叫 in the browser', () => {
  it('file with a photo and a place, me too nearby, one-tap call, claim, close and rate', async () => {
    // 1. 张晓明 reports garbage on 北京路 with a photo and his location
    const zhang = await personAt(HERE, '居民 · 已实名');
    await zhang.page.goto(`${webUrl()}/#/packages/appeal/file/index`);
    await radio(zhang.page, '市容环境').click();
    await radio(zhang.page, '垃圾清运').click();
    await zhang.page.locator('.wf textarea, textarea').first().fill('北京路口垃圾两天没有清运，气味很大，影响行人');
    const [chooser] = await Promise.all([zhang.page.waitForEvent('filechooser'), zhang.page.getByText('拍照或选择照片').click()]);
    await chooser.setFiles({ name: '垃圾.png', mimeType: 'image/png', buffer: scenePng(96, 72, [150, 190, 230], [90, 120, 60]) });
    await zhang.page.locator('[data-testid="photo"]').waitFor();
    await zhang.page.getByText('获取当前位置').click();
    await zhang.page.locator('[data-testid="point"]').waitFor();
    await zhang.page.locator('.wf-address input').fill('北京路与西湖路交界东北角');
    // a reload (a phone that dropped the page) keeps the photo as it keeps the text (issue 14)
    await zhang.page.reload();
    await zhang.page.locator('[data-testid="photo"]').waitFor();
    expect(await zhang.page.locator('.wf textarea, textarea').first().inputValue()).toContain('北京路口垃圾两天没有清运');
    await shot(zhang.page, 'appeal-filing', true);
    await zhang.page.locator('.wf-bar').getByText('提交', { exact: true }).click();
    await confirm(zhang.page, '确认提交');
    await zhang.page
      .getByText(/SQ\d{16}/)
      .first()
      .waitFor();
    const appealNo = await numberOf(zhang.page);

    // 2. 周伯, 60 m away, sees it before filing and adds "me too"
    const zhou = await personAt(NEAR, '居民 · 长者 · 已实名');
    await zhou.page.goto(`${webUrl()}/#/packages/appeal/file/index`);
    await radio(zhou.page, '市容环境').click();
    await radio(zhou.page, '垃圾清运').click();
    await zhou.page.getByText('获取当前位置').click();
    await zhou.page.locator('[data-testid="nearby-item"]').first().waitFor();
    await zhou.page.locator('[data-testid="nearby-item"]').filter({ hasText: '两天没有清运' }).getByText('我也遇到').click();
    await zhou.page.getByText(appealNo).first().waitFor();

    // 3. 网格员何敏 logs a safety hazard with a description: the whole form, behind the one-tap call's 填写完整信息
    const grid = await personAt(HERE, '网格员 · 北京街 府前社区');
    await grid.page.goto(`${webUrl()}/#/packages/appeal/file/index`);
    await grid.page.getByText('填写完整信息').click();
    await radio(grid.page, '社区治理').click();
    await radio(grid.page, '安全隐患').click();
    await grid.page.locator('textarea').first().fill('府前社区 3 号楼外墙瓷砖松动，有坠落风险');
    await grid.page.locator('.wf-bar').getByText('一键上报').click();
    await confirm(grid.page, '确认上报');
    await grid.page
      .getByText(/SQ\d{16}/)
      .first()
      .waitFor();
    const gridNo = await numberOf(grid.page);

    // 3b. the street's dispatcher sees both in 待签收, with their lights, and the team was told at once
    const dispatcher = await personAt(HERE, '调度员 · 北京街道');
    await dispatcher.page.goto(`${webUrl()}/#/packages/appeal/street/index`);
    await dispatcher.page.locator('[data-testid="street-row"]').filter({ hasText: '外墙瓷砖松动' }).first().waitFor();
    await settled(dispatcher.page, '.ws');
    await shot(dispatcher.page, 'appeal-dispatcher-street');
    const light = await dispatcher.page.locator('[data-testid="street-row"]').filter({ hasText: '外墙瓷砖松动' }).first().getAttribute('class');
    expect(light).toMatch(/ws-(green|yellow)/);

    // 4. 城管 claims and closes the appeal; another grid official claims and closes the hazard
    const urban = await personAt(HERE, '承办人员 · 区城市管理和综合执法局');
    await urban.page.goto(`${webUrl()}/#/packages/appeal/team/index`);
    await urban.page
      .getByText(/两天没有清运/)
      .first()
      .click();
    await urban.page.getByText(appealNo).first().waitFor();
    await urban.page.locator('[data-testid="wo-action-claim"]').click();
    await confirm(urban.page, '签收');
    // progress with a photo taken on site; the filer's photo and this one are shown as pictures
    const panel = urban.page.locator('[data-testid="note-panel"]');
    await panel.locator('textarea').fill('已到现场查看，正在调度环卫车辆');
    const [onSite] = await Promise.all([urban.page.waitForEvent('filechooser'), panel.getByText('拍照或选择照片').click()]);
    await onSite.setFiles({ name: '现场.png', mimeType: 'image/png', buffer: scenePng(96, 72, [200, 200, 210], [150, 120, 90]) });
    await panel.getByText('删除').first().waitFor();
    await urban.page.locator('[data-testid="note-submit"]').click();
    await urban.page.getByText('已到现场查看，正在调度环卫车辆').first().waitFor();
    expect(await picturesShown(urban.page, '[data-testid="wo-photo"]', 2)).toBeGreaterThanOrEqual(2);
    await urban.page.locator('[data-testid="wo-action-resolve"]').click();
    await urban.page.locator('[data-testid="action-panel"] textarea').first().fill('已安排环卫车辆清运，并增加该点位清运频次');
    await urban.page.getByText('提交办结回复').click();
    await confirm(urban.page, '确认办结');
    await urban.page.getByText('已办结，待评价').first().waitFor();
    await settled(urban.page, '.wd, .page');
    await shot(urban.page, 'appeal-official-timeline', true);

    const grid2 = await personAt(HERE, '网格员 · 北京街 盐运西社区');
    await grid2.page.goto(`${webUrl()}/#/packages/appeal/team/index`);
    await grid2.page
      .getByText(/外墙瓷砖松动/)
      .first()
      .click();
    await grid2.page.getByText(gridNo).first().waitFor();
    await shot(grid2.page, 'appeal-official-list');
    await grid2.page.locator('[data-testid="wo-action-claim"]').click();
    await confirm(grid2.page, '签收');
    await grid2.page.locator('[data-testid="wo-action-resolve"]').click();
    await grid2.page.locator('[data-testid="action-panel"] textarea').first().fill('已设置警戒线并联系物业当天修复');
    await grid2.page.getByText('提交办结回复').click();
    await confirm(grid2.page, '确认办结');
    await grid2.page.getByText('已办结，待评价').first().waitFor();

    // 5. the filers rate
    for (const [who, no] of [
      [zhang, appealNo],
      [grid, gridNo],
    ] as const) {
      await who.page.goto(`${webUrl()}/#/packages/appeal/detail/index?no=${no}`);
      await radio(who.page, '满意').click();
      await who.page.getByText('提交评价').click();
      await who.page.getByText('已关闭').first().waitFor();
    }
    await shot(zhang.page, 'appeal-rated-timeline', true);
    for (const p of [zhang, zhou, grid, dispatcher, urban, grid2]) await p.ctx.close();
  });
});
