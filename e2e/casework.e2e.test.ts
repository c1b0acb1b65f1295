/**
 * Issue 16's case work in the browser, on the shared local clock:
 * - a grade-A firm defers two materials of 药品经营许可（零售）, hands one in on the application's page and misses the
 *   other, which turns into 补正 the day after its due date (the clock moves, the daily sweep runs);
 * - a resident picks postal delivery for 既有住宅加装电梯; the planning officer asks for a 补正 during review, which
 *   keeps the opinions already given; the answer comes back to that officer (待我处理); the result goes by post with a
 *   tracking number the resident sees.
 */
import type { Page } from 'playwright-core';
import { apiCall, applyViaApi, devToken } from './api';
import {
  applyField as field,
  browserMovingClock,
  countersSettled,
  devLogin,
  newPage as openPage,
  nextStep as next,
  openApply,
  PNG,
  setClock,
  settled,
  shot,
  tick,
  uploadInto,
  webUrl,
} from './browser';

jest.setTimeout(240_000);

const browser = browserMovingClock();

const confirmModal = (page: Page) => page.locator('.taro__modal, .taro-modal, [class*="modal"]').getByText('确定', { exact: true }).first().click();
const openApplication = (page: Page, appNo: string) => page.goto(`${webUrl()}/#/packages/progress/detail/index?appNo=${appNo}`);
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The functions' own modules, on the stack's store (the daily jobs run here, as EventBridge would run them). */
function onTheStack() {
  process.env.DYNAMODB_ENDPOINT = process.env.E2E_DYNAMO_URL;
  process.env.TABLE_NAME = 'yx-local';
  process.env.CLOCK_FILE = process.env.E2E_CLOCK_FILE;
  process.env.STAGE = 'local';
}

type Detail = { state: string; deferred: { name: string; dueDate: string; handedIn: boolean; late?: boolean }[] };

describe('case work (issue 16) in the browser', () => {
  it('a grade-A firm defers two materials, hands one in and misses the other, which turns into 补正 after its due date', async () => {
    setClock('2026-12-01T09:00:00+08:00'); // Tue
    const page = await openPage(browser());
    await devLogin(page, '企业 · 粤味餐饮 · 信用 A 级');
    await openApply(page, 'drug-retail-licence');
    await next(page); // 申请人信息, pre-filled from the firm
    await next(page); // 联系方式
    await page.locator('.apply [data-section="材料"]').waitFor();
    // seven materials to provide: 30 % for grade A is two
    await page.getByLabel('容缺受理').getByText(/最多/).waitFor();
    expect(await page.getByLabel('容缺受理').innerText()).toMatch(/最多\s*2\s*项/);
    await page.locator('.apply [data-field="m4"] + .apply-defer').click();
    await page.locator('.apply [data-field="m5"] + .apply-defer').click();
    await field(page, 'm0')
      .getByText(/用电子证照：营业执照/)
      .click();
    for (const [key, name] of [
      ['m1', '负责人身份和学历.png'],
      ['m2', '执业药师注册证.png'],
      ['m3', '场所使用证明.png'],
      ['m6', '追溯系统说明.png'],
    ]) {
      await uploadInto(page, key, name);
    }
    await tick(page.getByLabel('信用承诺').getByRole('checkbox', { name: /我已阅读并作出上述承诺/ }));
    await page.getByLabel('信用承诺').locator('input').last().fill('陈志强');
    await next(page);
    await page.locator('.apply-review').first().waitFor();
    await page.locator('.apply-bar').getByText('确认提交').click();
    await page.locator('.receipt-title').getByText('申请已提交').waitFor();
    await settled(page, '.receipt-head');
    const appNo = (await page.getByLabel('办件编号').innerText()).trim();
    expect(await page.locator('.receipt-row .tag-orange').count()).toBe(2);

    // the application's page: two deferred materials, each counting down in working days; one is handed in
    await openApplication(page, appNo);
    await page.locator('[data-testid="deferred-countdown"]').nth(1).waitFor();
    expect(await page.locator('[data-testid="deferred-countdown"]').allInnerTexts()).toEqual(['还剩 10 个工作日', '还剩 10 个工作日']);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByLabel('上传药品质量管理制度文件目录：拍照/上传照片').click()]);
    await chooser.setFiles({ name: '制度目录.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('[data-testid="deferred"]').first().locator('[data-testid="material-page"]').waitFor();
    await settled(page, '.dt .detail-head');
    await shot(page, 'casework-deferred-countdown', true);
    await page.getByText('补交 1 项材料').click();
    await page.locator('[data-testid="deferred"]').first().getByText('已补交').waitFor();

    // the other one is not handed in: the day after its due date the daily sweep turns it into 补正
    const firm = await devToken('u-enterprise-chen');
    const before = await apiCall<Detail>('GET', `/v1/applications/${appNo}`, firm);
    const missed = before.deferred.find((d) => !d.handedIn)!;
    expect(missed.name).toBe('主要设施设备目录');
    const after = dayAfter(missed.dueDate);
    setClock(`${after}T00:30:00+08:00`);
    onTheStack();
    const { sweepDeferrals } = await import('../functions/src/jobs/deferrals');
    expect((await sweepDeferrals(after)).toSupplement).toContain(appNo);
    await page.reload();
    await page.locator('[data-testid="supplement"]').getByText('主要设施设备目录').waitFor();
    await page.locator('.dt').getByText('容缺材料逾期，转为补正').first().waitFor();
    await page.locator('[data-testid="deferred"]').nth(1).getByText('已转补正').waitFor();
    await settled(page, '.dt .detail-head');
    await shot(page, 'casework-deferred-to-supplement', true);
    await page.context().close();
  });

  it('补正 during review keeps the opinions and comes back to the officer who asked; the result goes by post with a tracking number', async () => {
    setClock('2026-12-21T09:00:00+08:00'); // Mon
    const zhang = await devToken('u-resident-zhang');
    const { appNo } = await applyViaApi(
      zhang,
      'elevator-installation',
      { estateName: '府前花园', buildingNo: '5 栋', consentRatio: 85 },
      `e2e-casework-${Date.now()}`,
    );

    // the resident asks for the result by post
    const resident = await openPage(browser());
    await devLogin(resident, '居民 · 已实名');
    await openApplication(resident, appNo);
    await resident.getByText('选择领取方式').click();
    await resident.getByRole('radio', { name: '邮寄送达' }).click();
    await resident.getByRole('textbox', { name: '收件人' }).fill('张晓明');
    await resident.getByRole('spinbutton', { name: '手机号码' }).or(resident.locator('input[name="phone"]')).first().fill('13800138000');
    await resident.getByRole('textbox', { name: '收件地址' }).fill('广州市越秀区北京街道府前路 5 号 502 房');
    await resident.getByText('保存', { exact: true }).click();
    await resident.locator('[data-testid="delivery-now"]').getByText('邮寄送达').waitFor();

    // the planning officer accepts and starts the review; housing and fire agree, market has not answered yet
    const officer = await openPage(browser());
    await devLogin(officer, '审批人员 · 规划和自然资源越秀分局');
    await officer.goto(`${webUrl()}/#/packages/staff/detail/index?appNo=${appNo}`);
    await officer.locator('[data-testid="action-accept"]').click();
    await confirmModal(officer);
    await officer.locator('[data-testid="action-startReview"]').click();
    await officer.locator('[data-testid="opinion"]').nth(2).waitFor();
    await apiCall('POST', `/v1/staff/opinions/${appNo}`, await devToken('u-staff-housing'), { decision: 'agree' });
    await apiCall('POST', `/v1/staff/opinions/${appNo}`, await devToken('u-staff-fire'), { decision: 'agree' });

    // a 补正 during review
    await officer.reload();
    await officer.locator('[data-testid="action-requestSupplement"]').click();
    await officer.getByLabel('添加增设电梯设计方案及图纸').click();
    await officer
      .getByLabel('第 1 项原因')
      .locator('input')
      .or(officer.locator('[data-testid="supplement-row"] input').nth(1))
      .first()
      .fill('图纸缺少电梯井道剖面');
    await officer.getByText('发送一次性告知').click();
    await officer.locator('[data-testid="supplement-notice"]').waitFor();

    // the resident answers it
    setClock('2026-12-23T10:00:00+08:00');
    await resident.reload();
    const [chooser] = await Promise.all([resident.waitForEvent('filechooser'), resident.getByLabel('上传增设电梯设计方案及图纸：拍照/上传照片').click()]);
    await chooser.setFiles({ name: '图纸.png', mimeType: 'image/png', buffer: PNG });
    await resident.locator('[data-testid="supplement-item"] [data-testid="material-page"]').waitFor();
    await resident.getByText('提交补正材料').click();
    await resident.locator('.dt').getByText('补正材料').first().waitFor();

    // back to the officer who asked: 待我处理 on the workbench, still in review, the opinions given kept
    await countersSettled(); // the workbench's counts include the answer
    await officer.goto(`${webUrl()}/#/packages/staff/queue/index`);
    await officer.locator('[data-testid="my-tasks"]').getByText(appNo).waitFor();
    await settled(officer, '.sq-head');
    await shot(officer, 'casework-my-tasks', true);
    await officer.locator('[data-testid="my-task"]').filter({ hasText: appNo }).click();
    await officer.locator('.sd .detail-head').getByText('审查中').waitFor();
    expect(await officer.locator('[data-testid="opinion"]').filter({ hasText: '同意' }).count()).toBe(2);
    await settled(officer, '.sd .detail-head');
    await shot(officer, 'casework-review-kept-opinions', true);

    // market agrees; approve; deliver by post as the resident chose, with the tracking number
    await apiCall('POST', `/v1/staff/opinions/${appNo}`, await devToken('u-staff-market'), { decision: 'agree' });
    await officer.reload();
    await officer.locator('[data-testid="action-approve"]').click();
    await officer.getByText('确认准予许可').click();
    await officer.locator('[data-testid="action-deliver"]').click();
    await officer.locator('[data-testid="chosen-delivery"]').getByText('府前路 5 号').waitFor();
    await officer.getByRole('textbox', { name: '邮件单号' }).fill('EMS1088812345');
    await officer.getByText('确认送达').click();
    await confirmModal(officer);
    await officer.locator('.sd .detail-head').getByText('已送达').waitFor();

    await resident.reload();
    await resident.locator('[data-testid="tracking"]').getByText('EMS1088812345').waitFor();
    await resident
      .locator('.dt')
      .getByText(/单号 EMS1088812345/)
      .first()
      .waitFor();
    await settled(resident, '.dt .detail-head');
    await shot(resident, 'casework-posted-tracking', true);
    await officer.context().close();
    await resident.context().close();
  });
});
