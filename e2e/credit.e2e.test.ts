/**
 * Issue 20's "done when", in the browser:
 * - a resident scans 陈记糖水's credit code (the test opens the poster's address), sees the merchant's page, rates it and
 *   complains (an appeal filed about the firm);
 * - the merchant's legal representative replies to the rating;
 * - the firm's agent sees its own profile with the reasons for its grade (B: two penalties) and applies to repair the
 *   older penalty, past its minimum period; the market regulator approves; the grade job runs; the public page no
 *   longer shows the penalty and the grade is A.
 * Screenshots: the merchant's page, the rating form, the complaint, the reply, the firm's own page, the repair form,
 * the authority's decision, and the public page after the repair.
 */
import type { Page } from 'playwright-core';
import { apiCall, devToken } from './api';
import { browserMovingClock, confirm, devLogin, newPage, setClock, shot, webUrl } from './browser';

jest.setTimeout(300_000);

const TANGSHUI = '91440104MA5H6TK2QE';
const OLD_PENALTY = '未按规定公示食品经营许可证';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const browser = browserMovingClock();
const go = (page: Page, path: string) => page.goto(`${webUrl()}/#${path}`);
const box = (page: Page, label: string) => page.locator(`input[aria-label="${label}"], textarea[aria-label="${label}"]`);

/** The functions' own credit worker on the stack's store (the grade recomputed), as SQS would run it. */
async function runCreditWorker() {
  process.env.DYNAMODB_ENDPOINT = process.env.E2E_DYNAMO_URL;
  process.env.TABLE_NAME = 'yx-local';
  process.env.CLOCK_FILE = process.env.E2E_CLOCK_FILE;
  process.env.STAGE = 'local';
  const { drainCredit } = await import('../functions/src/jobs/credit');
  return drainCredit();
}

interface Profile {
  grade: { grade: string };
  penalties: { id: string; title: string }[];
}

describe('信用 (issue 20) in the browser', () => {
  let scanPath: string;
  let comment: string;

  beforeAll(async () => {
    setClock(null); // the seed dated the records from today: the real day
    // the merchant prints its poster; the QR code carries this address
    const poster = await apiCall<{ scanUrl: string }>('POST', '/v1/credit/mine/poster', await devToken('u-merchant-liang'));
    const url = new URL(poster.scanUrl);
    expect(url.pathname).toBe(`/c/${TANGSHUI}`);
    scanPath = `${url.pathname}${url.search}`;
    comment = `红豆沙绵密，老板很热情（${Date.now().toString(36)}）`;
  });

  it('a resident scans the code, sees the merchant, rates it and complains', async () => {
    const page = await newPage(browser());
    await devLogin(page, '居民 · 已实名');
    await page.goto(`${webUrl()}${scanPath}`); // what the phone's camera opens
    await page.getByTestId('merchant-head').getByText('广州越秀北京路陈记糖水有限公司').waitFor();
    await page.getByTestId('grade-badge').first().getByText(/B/).first().waitFor();
    await page.getByTestId('section-penalty').getByText(OLD_PENALTY, { exact: false }).waitFor();
    await shot(page, 'credit-merchant', true);

    await page.getByTestId('rate-merchant').click();
    await page.getByTestId('rate-form').waitFor();
    await page.getByTestId('star-5').click();
    await page.getByTestId('rate-form').getByText('服务热情', { exact: true }).click();
    await box(page, '评价内容（可选）').fill(comment);
    await shot(page, 'credit-rate');
    await page.getByTestId('rate-submit').click();
    await confirm(page, '确认提交');
    // back on the merchant's page: the rating is there at once (the person's own, read fresh), and the 30-day notice
    await page.getByTestId('section-ratings').getByText(comment).waitFor();
    await page.getByTestId('my-rating').waitFor();
    await shot(page, 'credit-rated');

    await page.getByTestId('complain-merchant').click();
    await page.getByTestId('about-firm-name').getByText('广州越秀北京路陈记糖水有限公司').waitFor();
    await box(page, '问题描述').fill('买的双皮奶份量明显不足，要求退款被拒绝');
    await shot(page, 'credit-complaint');
    await page.getByText('提交投诉', { exact: true }).click();
    await confirm(page, '确认提交');
    await page
      .getByText(/SQ\d{16}/)
      .first()
      .waitFor();
    await page
      .getByText(/投诉对象：广州越秀北京路陈记糖水有限公司/)
      .first()
      .waitFor(); // 投诉对象 on the order, in its trail
  });

  it('the merchant replies to the rating, once', async () => {
    const page = await newPage(browser());
    await devLogin(page, '企业法定代表人 · 北京路陈记糖水（信用码商户）');
    await go(page, '/packages/credit/mine/index');
    await page.locator('[data-testid^="reply-rt_"]').first().click();
    const reply = page.getByTestId('reply-box').first();
    await reply.waitFor();
    await reply.locator('textarea').fill('谢谢您的喜欢，欢迎常来！');
    await page.getByTestId('reply-send').first().click();
    await confirm(page, '发送');
    await page.getByText('谢谢您的喜欢，欢迎常来！').first().waitFor();
    await shot(page, 'credit-reply');
  });

  it('the agent sees why the grade is B and asks to repair the older penalty; the authority approves; the page changes', async () => {
    const before = await apiCall<Profile>('GET', `/v1/credit/firms/${TANGSHUI}`);
    expect(before.grade.grade).toBe('B');
    const old = before.penalties.find((p) => p.title.startsWith(OLD_PENALTY))!;

    const agent = await newPage(browser());
    await devLogin(agent, '企业经办人 · 陈记糖水 · 可签署信用承诺（信用修复演示）');
    await go(agent, '/packages/credit/mine/index');
    await agent.getByTestId('score').getByText(/84/).waitFor();
    await agent.getByTestId('reasons').getByText(OLD_PENALTY, { exact: false }).waitFor();
    await shot(agent, 'credit-mine', true);
    await agent.getByTestId(`record-${old.id}`).getByTestId('repair-btn').click();
    const form = agent.getByTestId('review-form');
    await form.waitFor();
    await box(agent, '纠正失信行为的情况').fill('已于当月在店堂显著位置公示食品经营许可证，并缴清罚款，附整改照片与缴款凭证。');
    const [chooser] = await Promise.all([agent.waitForEvent('filechooser'), form.getByText('选择PDF文件').click()]);
    await chooser.setFiles({ name: '整改报告.pdf', mimeType: 'application/pdf', buffer: PDF });
    await form.getByText('整改报告.pdf').waitFor();
    await agent.getByTestId('commitment-check').click();
    await shot(agent, 'credit-repair-form', true);
    await agent.getByTestId('review-submit').click();
    await confirm(agent, '提交');
    await agent
      .getByText(/个工作日/)
      .first()
      .waitFor();

    const staff = await newPage(browser());
    await devLogin(staff, '窗口人员 · 区市场监管局');
    await go(staff, '/packages/staff/credit/index');
    await staff.getByTestId('credit-review-row').filter({ hasText: OLD_PENALTY }).first().click();
    await staff.getByTestId('decision').waitFor();
    await shot(staff, 'credit-decision', true);
    await staff.getByTestId('approve').click();
    await confirm(staff, '同意');
    await staff.getByTestId('review-decided').waitFor();

    expect(await runCreditWorker()).toBeGreaterThanOrEqual(1);
    const after = await apiCall<Profile>('GET', `/v1/credit/firms/${TANGSHUI}`);
    expect(after.grade.grade).toBe('A');
    expect(after.penalties.map((p) => p.id)).not.toContain(old.id);

    const visitor = await newPage(browser());
    await visitor.goto(`${webUrl()}${scanPath}`);
    await visitor.getByTestId('merchant-head').waitFor();
    await visitor.getByTestId('grade-badge').first().getByText(/A/).first().waitFor();
    expect(await visitor.getByTestId('section-penalty').getByText(OLD_PENALTY, { exact: false }).count()).toBe(0);
    await shot(visitor, 'credit-after-repair', true);
  });
});
