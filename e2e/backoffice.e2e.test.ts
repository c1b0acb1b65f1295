/**
 * The back office in the browser: an officer accepts an application and asks for a supplement in one
 * notice, the applicant answers it, review starts and sends opinion tasks; one department agrees, one
 * disagrees, one stays silent and is deemed to have no objection after 5 working days (the shared local
 * clock moves), the officer approves and delivers, and the applicant rates the service.
 */
import type { Page } from 'playwright-core';
import { apiCall, devToken, uploadViaApi } from './api';
import { browserMovingClock, countersSettled, devLogin, setClock, newPage as openPage, PNG, settled, shot, webUrl } from './browser';

jest.setTimeout(180_000);

const browser = browserMovingClock();

const confirmModal = (page: Page) => page.locator('.taro__modal, .taro-modal, [class*="modal"]').getByText('确定', { exact: true }).first().click();

describe('back office in the browser', () => {
  it('accept → one-notice supplement → answer → parallel opinions (one deemed) → approve → deliver → rating', async () => {
    setClock('2026-11-26T09:00:00+08:00'); // Thu
    // the resident applies for 既有住宅增设电梯规划许可 (planning; opinions from housing, fire, market)
    const zhang = await devToken('u-resident-zhang');
    const form = await apiCall<{ form: { fields: { key: string; type: string; required: boolean }[] }; prefill: Record<string, unknown> }>(
      'GET',
      '/v1/forms/item-elevator-installation',
      zhang,
    );
    const answers: Record<string, unknown> = { ...form.prefill, estateName: '府前花园', buildingNo: '3 栋', consentRatio: 80 };
    for (const f of form.form.fields.filter((x) => x.type === 'file' && x.required)) answers[f.key] = [{ kind: 'upload', fileId: await uploadViaApi(zhang) }];
    const receipt = await apiCall<{ appNo: string }>(
      'POST',
      '/v1/applications',
      zhang,
      { itemId: 'elevator-installation', answers },
      { 'idempotency-key': `e2e-office-${Date.now()}` },
    );
    const appNo = receipt.appNo;

    // the planning officer works it in the workbench
    const officer = await openPage(browser());
    await devLogin(officer, '审批人员 · 规划和自然资源越秀分局');
    await officer.locator('.me-office').getByText('工作台').click();
    await officer.locator('.sq').getByText(appNo).waitFor();
    await settled(officer, '.sq-head');
    await shot(officer, 'staff-workbench');
    await officer.locator('.sq').getByText(appNo).click();
    await officer.locator('.sd .detail-head').getByText(appNo).waitFor();
    await officer.locator('[data-testid="action-accept"]').click();
    await confirmModal(officer);
    await officer.locator('[data-testid="action-requestSupplement"]').waitFor();
    await officer.locator('[data-testid="action-requestSupplement"]').click();
    await officer.getByLabel('添加增设电梯设计方案及图纸').click();
    await officer
      .getByLabel('第 1 项原因')
      .locator('input')
      .or(officer.locator('[data-testid="supplement-row"] input').nth(1))
      .first()
      .fill('图纸缺少设计单位盖章');
    await shot(officer, 'staff-supplement-notice', true);
    await officer.getByText('发送一次性告知').click();
    await officer.locator('[data-testid="supplement-notice"]').waitFor();

    // the applicant answers the notice in the app
    const applicant = await openPage(browser());
    await devLogin(applicant, '居民 · 已实名');
    await applicant.goto(`${webUrl()}/#/packages/progress/detail/index?appNo=${appNo}`);
    const [chooser] = await Promise.all([applicant.waitForEvent('filechooser'), applicant.getByLabel('上传增设电梯设计方案及图纸').click()]);
    await chooser.setFiles({ name: '图纸.png', mimeType: 'image/png', buffer: PNG });
    await applicant.getByLabel('重新上传增设电梯设计方案及图纸').waitFor();
    await applicant.getByText('提交补正材料').click();
    await applicant.locator('.dt').getByText('补正材料').first().waitFor();

    // review starts: opinion tasks go out; housing agrees, fire disagrees, market stays silent
    await officer.reload();
    await officer.locator('[data-testid="action-startReview"]').click();
    await officer.locator('[data-testid="opinion"]').first().waitFor();
    expect(await officer.locator('[data-testid="opinion"]').count()).toBe(3);
    await apiCall('POST', `/v1/staff/opinions/${appNo}`, await devToken('u-staff-housing'), { decision: 'agree' });
    await apiCall('POST', `/v1/staff/opinions/${appNo}`, await devToken('u-staff-fire'), { decision: 'disagree', reason: '消防车道需保持 4 米宽' });

    // five working days later (Thu 11-26 → due Thu 12-03), the deemed-consent job runs on Fri 12-04
    setClock('2026-12-04T00:40:00+08:00');
    process.env.DYNAMODB_ENDPOINT = process.env.E2E_DYNAMO_URL;
    process.env.TABLE_NAME = 'yx-local';
    process.env.CLOCK_FILE = process.env.E2E_CLOCK_FILE;
    const { deemOverdueOpinions } = await import('../functions/src/backoffice/opinions');
    expect((await deemOverdueOpinions('2026-12-04')).deemed).toContain(`${appNo}#market`);

    await officer.reload();
    await officer.locator('[data-testid="opinion"]').getByText('逾期视为无意见').waitFor();
    await settled(officer, '.sd .detail-head');
    await shot(officer, 'staff-opinions-deemed', true);
    await officer.locator('[data-testid="action-approve"]').click();
    await officer.getByText('确认准予许可').click();
    await officer.locator('[data-testid="action-deliver"]').waitFor();
    await officer.locator('[data-testid="action-deliver"]').click();
    await officer.getByText('窗口领取', { exact: true }).click();
    await officer.getByText('确认送达').click();
    await confirmModal(officer).catch(() => undefined);
    await officer.locator('.sd .detail-head').getByText('已送达').waitFor();

    // the applicant sees the whole trail and rates the service
    await applicant.reload();
    await applicant.getByLabel('服务评价').waitFor();
    await applicant.getByLabel('满意', { exact: true }).click();
    await applicant.getByText('提交评价').click();
    await applicant.locator('[data-testid="given-rating"]').waitFor();
    await settled(applicant, '.dt .detail-head');
    await shot(applicant, 'applicant-delivered-rated', true);

    // the department's dashboard, once the counters include the delivery and the rating
    await countersSettled();
    await officer.goto(`${webUrl()}/#/packages/staff/dashboard/index`);
    await officer
      .getByText(/按时办结率|办结率/)
      .first()
      .waitFor();
    await officer.waitForTimeout(500);
    await shot(officer, 'staff-dashboard', true);
    await officer.context().close();
    await applicant.context().close();
  });
});
