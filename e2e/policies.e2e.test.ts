/**
 * Issue 17's "done when", in the browser, on the shared local clock:
 * - the 区商务局 officer publishes a policy in the editor: a 免申即享 item and a 依申请 item, with conditions;
 * - the 数据比对 runs (the queue's workers, here the local queue drained as `npm run jobs` would);
 * - 孙志远, agent of 岭南数字文化 with the 政策兑现 scope, browses the market, opens the policy with its interpretation,
 *   sees why the firm is or is not eligible condition by condition, applies for the 依申请 item through the
 *   application form, and confirms the 免申即享 offer with the firm's account;
 * - the officer approves the batch and records the payment; the agent sees the money as paid.
 */
import type { Locator, Page } from 'playwright-core';
import { apiCall, devToken } from './api';
import {
  browserMovingClock,
  confirm,
  countersSettled,
  devLogin,
  newPage as openPage,
  nextStep as next,
  setClock,
  settled,
  shot,
  uploadInto,
  webUrl,
} from './browser';

jest.setTimeout(300_000);

const browser = browserMovingClock();
const run = Date.now().toString(36).slice(-4).toUpperCase();
const TITLE = `越秀区数字经济高质量发展扶持措施（${run}）`;
const FIRM = '91440104MA5G2LN7X7'; // 广州越秀岭南数字文化有限公司 (seeded: I6510, revenue 2,300 万元, 42 insured staff)
const go = (page: Page, path: string) => page.goto(`${webUrl()}/#${path}`);
/** Taro H5 slides a page in, and keeps the one before it (of the same kind, too): wait until the newest sits still. */
const newestSettled = (page: Page, selector: string) =>
  page.waitForFunction((sel) => {
    const all = document.querySelectorAll(sel);
    const el = all[all.length - 1];
    return !!el && Math.abs(el.getBoundingClientRect().left) < 1;
  }, selector);
/** The H5 <input>/<textarea> Taro renders inside its element (both carry the aria-label). */
const input = (scope: Page | Locator, label: string) => scope.locator(`input[aria-label="${label}"]`);
const area = (scope: Page | Locator, label: string) => scope.locator(`textarea[aria-label="${label}"]`);

/** The functions' own modules on the stack's store: the queue's workers run here, as SQS would run them. */
async function runQueuedMatches() {
  process.env.DYNAMODB_ENDPOINT = process.env.E2E_DYNAMO_URL;
  process.env.TABLE_NAME = 'yx-local';
  process.env.CLOCK_FILE = process.env.E2E_CLOCK_FILE;
  process.env.STAGE = 'local';
  const { drainPolicyMatches } = await import('../functions/src/jobs/policyMatches');
  return drainPolicyMatches();
}

let policyId = '';

/**
 * The figures are counted from the table's stream after each change commits; DynamoDB Local may show a change on its
 * stream a moment after the write returns, so a settle alone can come too early: settle, look, and settle again until
 * the figure is there (or 90 s pass).
 */
async function untilCounted(check: () => Promise<boolean>) {
  const until = Date.now() + 90_000;
  for (;;) {
    await countersSettled();
    if (await check()) return;
    if (Date.now() > until) throw new Error('the figures did not count the change within 90 s');
    await new Promise((r) => setTimeout(r, 1000));
  }
}

describe('政策超市 and 免申即享 (issue 17) in the browser', () => {
  it('the officer publishes a policy with a 免申即享 and a 依申请 item', async () => {
    setClock('2026-12-03T10:00:00+08:00');
    const page = await openPage(browser());
    await devLogin(page, '窗口人员 · 区商务局（政策发布与兑现）');
    await go(page, '/packages/staff/policies/edit/index');
    const basics = page.getByTestId('pe-basics');
    await input(basics, '政策名称').fill(TITLE);
    await input(basics, '文号').fill(`越商务〔2026〕${run}号`);
    await input(basics, '发文日期').fill('2026-12-01');
    await area(basics, '政策原文').fill(
      '第一条 为加快数字经济发展，对在本区经营的软件和信息技术服务企业给予扶持。第二条 营业收入达到 2,000 万元且成立满 3 年的，给予一次性奖励 8 万元，免申即享。第三条 参保职工 20 人以上的小微企业，按实际租金的 30% 给予场地补贴。',
    );
    await area(basics, '政策解读（写给企业负责人看的白话）').fill(
      `这项政策奖励做软件和信息服务的企业：去年营业收入过 2,000 万元、成立满 3 年的，直接奖励 8 万元，不用申请；员工 20 人以上的小微企业，还可以申请房租补贴。（${run}）`,
    );
    await basics.getByRole('checkbox', { name: '科技创新' }).click();

    // 条目 1: 免申即享, 8 万元 fixed: industry I65, revenue ≥ 2,000 万元, 满 3 年
    const first = page.getByTestId('pe-item-0');
    await input(first, '条目名称').fill('数字经济企业营收奖励');
    await input(first, '扶持内容').fill('营业收入达到 2,000 万元的一次性奖励 8 万元');
    await input(first, '金额（元）').fill('80000');
    await input(first, '兑现开始日期').fill('2026-12-01');
    await input(first, '兑现截止日期').fill('2027-12-31');
    await first.getByRole('radio', { name: '免申即享' }).click();
    await first.getByTestId('pe-add-items.0.conditions-industry').click();
    await input(first, '行业代码（GB/T 4754，空格分隔）').fill('I65');
    await first.getByTestId('pe-add-items.0.conditions-revenue').click();
    await input(first, '下限（万元）').fill('2000');
    await first.getByTestId('pe-add-items.0.conditions-age').click();
    await input(first, '满 N 年（下限）').fill('3');
    await first.getByText('上年度营业收入 ≥ 2,000 万元').waitFor(); // each condition read back in words

    // 条目 2: 依申请, a rent subsidy: small or micro, 20 insured staff or more
    await page.getByTestId('pe-item-add').click();
    const second = page.getByTestId('pe-item-1');
    await input(second, '条目名称').fill('数字企业场地租金补贴');
    await second.getByRole('radio', { name: '降本增效' }).click();
    await input(second, '扶持内容').fill('按实际租金的 30% 补贴，最高 10 万元');
    await second.getByRole('radio', { name: '按文字说明' }).click();
    await input(second, '封顶金额（元，可不填）').fill('100000');
    await input(second, '兑现开始日期').fill('2026-12-01');
    await input(second, '兑现截止日期').fill('2027-12-31');
    await second.getByTestId('pe-add-items.1.conditions-size').click();
    await second.getByRole('checkbox', { name: '小型' }).click();
    await second.getByRole('checkbox', { name: '微型' }).click();
    await second.getByTestId('pe-add-items.1.conditions-headcount').click();
    await input(second, '下限（人）').fill('20');
    await shot(page, 'policies-editor', true);

    await page.getByTestId('pe-save').click();
    await confirm(page, '发布');
    await page
      .getByText(/当前第 1 版/)
      .first()
      .waitFor();
    const list = await apiCall<{ items: { id: string; title: string }[] }>('GET', `/v1/policies?q=${encodeURIComponent(run)}`);
    policyId = list.items.find((p) => p.title === TITLE)!.id;
    expect(policyId).toBeTruthy();
    // 数据比对: the shards the publish queued
    expect(await runQueuedMatches()).toBeGreaterThan(0);
  });

  it('the agent browses, reads why the firm is eligible or not, applies for the 依申请 item and confirms the 免申即享 offer', async () => {
    const page = await openPage(browser());
    await devLogin(page, '企业经办人 · 岭南数字文化 · 可办理政策兑现');
    await go(page, '/packages/policy/index');
    await input(page, '搜索政策').fill(run);
    await page.getByTestId('policy-search').click();
    const card = page.getByTestId('policy-card').filter({ hasText: TITLE });
    await card.waitFor();
    expect(await card.getByText('符合条件').count()).toBe(2); // both items, by the firm's facts
    await shot(page, 'policies-market');
    await card.click();
    await page
      .getByTestId('interpretation')
      .getByText(/直接奖励 8 万元/)
      .waitFor();
    const auto = page.getByTestId(`item-${policyId}-1`);
    await auto.getByText('上年度营业收入 2,300 万元 ≥ 2,000 万元').waitFor();
    await auto.getByText(/所属行业 .*（I6510）属于 软件和信息技术服务业/).waitFor();
    await newestSettled(page, '.page.pd');
    await shot(page, 'policies-detail-reasons', true);

    // a seeded policy the firm falls short of, and why (餐饮零售 only)
    await go(page, '/packages/policy/detail/index?id=yx-small-shop-rent-2026');
    const rent = page.getByTestId('item-yx-small-shop-rent-2026-1');
    await rent.getByText('暂不符合').first().waitFor();
    await rent.getByText(/不属于 批发和零售业、住宿和餐饮业/).waitFor();
    await newestSettled(page, '.page.pd');
    await rent.getByText(/不属于 批发和零售业、住宿和餐饮业/).scrollIntoViewIfNeeded();
    await shot(page, 'policies-detail-ineligible', true);

    // 依申请: the application form carries the item and the judgement
    await go(page, `/packages/policy/detail/index?id=${policyId}`);
    await page.getByTestId(`item-${policyId}-2`).getByTestId('apply').click();
    await page.getByText('申请的政策').first().waitFor();
    await newestSettled(page, '.page.apply');
    await shot(page, 'policies-apply-form', true);
    await next(page); // 申请人信息 (the firm, pre-filled)
    await next(page); // 联系方式
    await page.locator('.apply [data-section="事项信息"]').waitFor();
    await next(page); // 事项信息: 申请金额, 情况说明 (optional)
    await page.locator('.apply [data-section="材料"]').waitFor();
    await uploadInto(page, 'm0', '营业执照.png');
    await uploadInto(page, 'm1', '租赁合同和租金发票.png');
    await next(page);
    await page.locator('.apply-review').first().waitFor();
    await page.locator('.apply-bar').getByText('确认提交').click();
    await page.locator('.receipt-title').getByText('申请已提交').waitFor();
    const appNo = (await page.getByLabel('办件编号').innerText()).trim();
    expect(appNo).toMatch(/^YX\d{14}$/);

    // 免申即享: one tap, the account, the confirmation
    await go(page, '/packages/policy/offers/index');
    const offer = page.getByTestId(`offer-${policyId}-1`);
    await offer.getByText('8 万元').first().waitFor();
    await input(offer, '开户银行').fill('中国工商银行广州北京路支行');
    await input(offer, '银行账号').fill('3602000109200123456');
    await offer.getByTestId('agree').click();
    await shot(page, 'policies-offer-confirm', true);
    await offer.getByTestId('confirm').click();
    await confirm(page, '确认领取');
    await page
      .getByTestId(`offer-${policyId}-1`)
      .getByText(/尾号 3456/)
      .waitFor();
  });

  it('the officer approves the batch and records the payment; the agent sees the money as paid', async () => {
    const itemId = `${policyId}-1`;
    const page = await openPage(browser());
    await devLogin(page, '窗口人员 · 区商务局（政策发布与兑现）');
    await countersSettled();
    await go(page, `/packages/staff/policies/batch/index?itemId=${itemId}`);
    const row = page.getByTestId(`pb-row-${FIRM}`);
    await row.waitFor();
    await row.getByRole('checkbox').click();
    await page.getByTestId('pb-approve').click();
    await confirm(page, '审核通过');
    await page.getByTestId('pb-done').waitFor();
    await page.getByRole('tab', { name: /^审核通过/ }).click();
    await page.getByTestId(`pb-row-${FIRM}`).getByRole('checkbox').click();
    await page.getByTestId('pb-reference').fill(`GK20261203${run}`);
    await input(page, '拨付日期').fill('2026-12-03');
    await page.getByTestId('pb-pay-go').click();
    await confirm(page, '记录拨付');
    await page.getByTestId('pb-done').waitFor();
    const staffToken = await devToken('u-staff-commerce');
    await untilCounted(async () => {
      const b = await apiCall<{ counts: Record<string, { firms: number }> }>('GET', `/v1/staff/policy-items/${itemId}/batch`, staffToken);
      return b.counts.paid.firms === 1;
    });
    await page.reload();
    await page.getByTestId('pb-head').waitFor();
    await settled(page, '.page');
    await shot(page, 'policies-batch', true);

    const agent = await openPage(browser());
    await devLogin(agent, '企业经办人 · 岭南数字文化 · 可办理政策兑现');
    await go(agent, '/packages/policy/offers/index');
    const paid = agent.getByTestId(`offer-${itemId}`);
    await paid.getByText('已拨付到账').first().waitFor();
    await paid.getByText(`GK20261203${run}`).waitFor();
    await paid.scrollIntoViewIfNeeded();
    await shot(agent, 'policies-offer-paid', true);
    // and in the API, as the firm's record
    const token = await devToken('u-agent-sun');
    const offers = await apiCall<{ items: { itemId: string; status: string; paymentRef?: string }[] }>('GET', '/v1/firm/offers', token);
    expect(offers.items.find((o) => o.itemId === itemId)).toMatchObject({ status: 'paid', paymentRef: `GK20261203${run}` });
    // 兑现公示: counted, with no firm named
    type Pub = { items: { itemId: string; firms: number; amountYuan: number }[] };
    const pub = await apiCall<Pub>('GET', '/v1/policies/disbursements');
    expect(pub.items.find((r) => r.itemId === itemId)).toMatchObject({ firms: 1, amountYuan: 80_000 });
    expect(JSON.stringify(pub)).not.toContain(FIRM);
  });
});
