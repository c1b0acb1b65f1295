/**
 * Issue 19's "done when", in the browser, on the shared local clock:
 * - 政务公开: a resident subscribes to 通知公告; the education bureau publishes a notice with a PDF; the resident is told,
 *   finds it by a word of its body and opens it with its attachment.
 * - 依申请公开: a resident asks the housing bureau for information on Mon 2026-09-21; its officer extends the reply
 *   once (across 国庆: 2026-10-26 → 2026-11-23), and replies 部分公开 with a PDF; the resident sees the reply, the
 *   withheld part and why, the attachment and the remedies, and the sealed 答复书 in the wallet.
 * - 居民议事: 张 raises a topic for 府前社区; its grid official opens it with a 赞成/反对/弃权 vote; 张 and 陈秀兰 comment
 *   and vote; the vote closes (the clock moved past it); the result shows as a chart and in words, and after the
 *   official's response the residents read what was decided.
 * Screenshots: the publishing form, the search result, the officer's panel after the extension, the reply form, the
 * resident's reply, the topic with its live vote, the result and the response.
 */
import type { Page } from 'playwright-core';
import { allMessages, apiCall, devToken } from './api';
import {
  applyField as field,
  browserMovingClock,
  confirm,
  countersSettled,
  devLogin,
  newPage,
  nextStep as next,
  openApply,
  setClock,
  shot,
  webUrl,
} from './browser';

jest.setTimeout(300_000);

const browser = browserMovingClock();
const go = (page: Page, path: string) => page.goto(`${webUrl()}/#${path}`);
/** Moves the stack's clock; the functions read the clock file at most every 250 ms, so the next call sees the new time. */
async function moveClock(iso: string) {
  setClock(iso);
  await new Promise((r) => setTimeout(r, 300));
}
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
/** A Taro input or textarea by its label (the custom element carries the label too). */
const box = (page: Page, label: string) => page.locator(`input[aria-label="${label}"], textarea[aria-label="${label}"]`);
const section = (page: Page, title: string) => page.locator('.apply .section-title').getByText(title, { exact: true });

/** The functions' own worker on the stack's store: the queued 政务公开 work (search index, subscribers told), as SQS would run it. */
async function runQueuedPublications() {
  process.env.DYNAMODB_ENDPOINT = process.env.E2E_DYNAMO_URL;
  process.env.TABLE_NAME = 'yx-local';
  process.env.CLOCK_FILE = process.env.E2E_CLOCK_FILE;
  process.env.STAGE = 'local';
  const { drainPublications } = await import('../functions/src/jobs/publications');
  return drainPublications();
}

/** Waits for something the queue's worker does (a search index, a subscriber's message): polls, up to 60 s on a busy machine. */
async function eventually<T>(what: string, f: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 120; i++) {
    const v = await f();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what}: not within 60 s`);
}

describe('政务公开 (issue 19) in the browser', () => {
  const title = `关于东风中路供水管网改造期间临时停水的通知（${Date.now().toString(36)}）`;

  it('the education bureau publishes a notice with a PDF; a subscriber is told, finds it by a word of its body and opens it', async () => {
    await moveClock('2026-12-01T09:00:00+08:00');
    const resident = await newPage(browser());
    await devLogin(resident, '居民 · 已实名');
    await go(resident, '/packages/openness/index?category=notice');
    const toggle = resident.getByTestId('subscribe-toggle');
    await toggle.waitFor();
    if ((await toggle.innerText()).trim() === '订阅') {
      await toggle.click();
      await resident
        .getByTestId('subscribe-bar')
        .getByText(/已订阅“通知公告”/)
        .waitFor();
    }

    const page = await newPage(browser());
    await devLogin(page, '窗口人员 · 区教育局（政务公开发布）');
    await go(page, '/packages/staff/publish/index');
    await page.getByTestId('pp-new').click();
    await page.getByTestId('pe-fields').getByText('通知公告', { exact: true }).click();
    await box(page, '标题').fill(title);
    await box(page, '正文').fill('因东风中路供水管网改造，12月3日8时至18时东风中路沿线暂停供水，请居民提前储水。越秀区教育局辖下学校照常上课。');
    await page.getByTestId('pe-pdf-input').setInputFiles({ name: '停水范围示意.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByTestId('pe-file').getByText('停水范围示意.pdf').waitFor();
    await shot(page, 'openness-publish', true);
    await page.getByTestId('pe-save').click();
    await confirm(page, '发布');
    await page.getByText(title).first().waitFor(); // back on the list, the new item first
    await page.context().close();

    // the subscriber is told (the queue's worker tells each category's subscribers)
    expect(await runQueuedPublications()).toBeGreaterThan(0);
    const zhang = await devToken('u-resident-zhang');
    await eventually('the subscriber told', async () => (await allMessages(zhang)).find((m) => `${m.title}${m.body}`.includes('供水管网改造')));
    // found by a word of its body, not of its title (the index is the worker's, too)
    await go(resident, '/packages/openness/index');
    await eventually('found by search', async () => {
      await box(resident, '搜索政务公开信息').fill('储水');
      await resident.getByTestId('op-search').click();
      await resident.getByTestId('op-search-note').waitFor();
      return (await resident.getByTestId('publication-card').filter({ hasText: title }).count()) > 0 ? true : undefined;
    });
    await shot(resident, 'openness-search', true);
    await resident.getByTestId('publication-card').filter({ hasText: title }).click();
    await resident
      .getByTestId('publication-text')
      .getByText(/请居民提前储水/)
      .waitFor();
    await resident.getByTestId('attachments').getByText('停水范围示意.pdf', { exact: true }).waitFor();
    await resident.context().close();
  });
});

describe('依申请公开 (issue 19) in the browser', () => {
  let appNo = '';

  it('a resident asks the housing bureau for information, not saying why', async () => {
    await moveClock('2026-09-21T10:00:00+08:00'); // Mon
    const page = await newPage(browser());
    await devLogin(page, '居民（时钟演示用） · 实名');
    await openApply(page, 'information-disclosure');
    await section(page, '申请人信息').waitFor();
    await next(page);
    await section(page, '联系方式').waitFor();
    await next(page);
    await section(page, '事项信息').waitFor();
    await page.getByTestId('long-choice-targetDepartment').click();
    await box(page, '查找向哪个机关申请').fill('住房');
    await field(page, 'targetDepartment').getByText('广州市越秀区住房和城乡建设局', { exact: true }).click();
    await field(page, 'requestedInfo').locator('textarea').fill('2026年越秀区老旧小区改造项目计划及资金安排');
    await field(page, 'infoFormat').getByText('电子文档（在线获取）', { exact: true }).click();
    expect(await page.locator('.apply').getByText('用途').count()).toBe(0); // art. 29: no purpose asked
    await next(page);
    await section(page, '材料').waitFor();
    await next(page);
    await page.locator('.apply-review').first().waitFor();
    await page.locator('.apply-bar').getByText('确认提交').click();
    await page.locator('.receipt-title').getByText('申请已提交').waitFor();
    appNo = (await page.getByLabel('办件编号').innerText()).trim();
    expect(appNo).toMatch(/^YX\d{14}$/);
    await go(page, `/packages/progress/detail/index?appNo=${appNo}`);
    await page
      .getByTestId('disclosure-clock')
      .getByText(/2026年10月26日/)
      .first()
      .waitFor();
    await page.context().close();
  });

  it('the housing bureau extends once, approved by its head, and the deadline moves across 国庆', async () => {
    await moveClock('2026-10-20T10:00:00+08:00');
    const page = await newPage(browser());
    await devLogin(page, '审批人员 · 区住房和建设局');
    await go(page, `/packages/staff/detail/index?appNo=${appNo}`);
    const panel = page.getByTestId('disclosure-panel');
    await panel.getByTestId('dc-request').getByText('老旧小区改造项目计划').waitFor();
    await page.getByTestId('action-extend').click();
    await page.getByTestId('option-art33').click();
    await box(page, '延长的工作日数').fill('20');
    await box(page, '批准人（政府信息公开工作机构负责人）').fill('陈主任');
    await box(page, '延期理由（将告知申请人）').fill('需调取 2019 年以来的项目档案');
    await page.getByText('延长答复期限', { exact: true }).last().click();
    await confirm(page, '确定');
    await panel
      .getByTestId('dc-extension')
      .getByText(/陈主任/)
      .waitFor();
    await panel
      .getByTestId('dc-deadline')
      .getByText(/2026年11月23日/)
      .waitFor();
    await shot(page, 'disclosure-extended', true);
    // once only: the action is offered no more
    expect(await page.getByTestId('action-extend').count()).toBe(0);
    await page.context().close();
  });

  it('then replies 部分公开 with a PDF; the resident sees what was withheld and why, the file and the remedies', async () => {
    await moveClock('2026-11-16T10:00:00+08:00');
    const page = await newPage(browser());
    await devLogin(page, '审批人员 · 区住房和建设局');
    await go(page, `/packages/staff/detail/index?appNo=${appNo}`);
    await page.getByTestId('action-reply').click();
    await page.getByTestId('option-partial').click();
    const files = page.getByTestId('reply-files');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), files.getByText('选择PDF文件').click()]);
    await chooser.setFiles({ name: '老旧小区改造项目计划.pdf', mimeType: 'application/pdf', buffer: PDF });
    await files.getByText('老旧小区改造项目计划.pdf').waitFor();
    await box(page, '不予公开的部分').fill('施工单位的报价明细');
    await page.getByTestId('reply-exemption').getByText('商业秘密、个人隐私', { exact: true }).click();
    await box(page, '答复内容（写入答复书）').fill('现将可以公开的项目计划和资金安排提供给你。');
    await shot(page, 'disclosure-reply-form', true);
    await page.getByText('发出答复', { exact: true }).click();
    await confirm(page, '确定');
    await page.getByTestId('dc-reply').getByText('部分公开').waitFor();
    await page.context().close();

    const resident = await newPage(browser());
    await devLogin(resident, '居民（时钟演示用） · 实名');
    await go(resident, `/packages/progress/detail/index?appNo=${appNo}`);
    const reply = resident.getByTestId('disclosure-reply');
    await reply.getByText('部分公开').first().waitFor();
    await reply.getByTestId('reply-withheld').getByText('施工单位的报价明细').waitFor();
    await reply
      .getByText(/第十五条/)
      .first()
      .waitFor();
    await reply.getByText('老旧小区改造项目计划.pdf').waitFor();
    await reply
      .getByTestId('reply-remedies')
      .getByText(/行政复议/)
      .waitFor();
    await shot(resident, 'disclosure-reply', true);
    await resident.context().close();

    // the sealed 答复书 is in the wallet, from the table's stream
    await countersSettled();
    const wu = await devToken('u-resident-wu');
    const docs = await apiCall<{ items: { appNo: string; title: string }[] }>('GET', '/v1/me/documents', wu);
    expect(docs.items.filter((d) => d.appNo === appNo).map((d) => d.title)).toEqual(expect.arrayContaining(['延长答复期限告知书', '政府信息公开申请答复书']));
  });
});

describe('居民议事 (issue 19) in the browser', () => {
  it('a resident raises a topic; the grid official opens it with a vote; residents comment and vote; the result and the response show', async () => {
    await moveClock(new Date().toISOString()); // the pages count days from the phone's date: the stack's clock is now
    const title = `府前路 12 号楼加装非机动车充电桩（${Date.now().toString(36)}）`;
    const zhang = await newPage(browser());
    await devLogin(zhang, '居民 · 已实名');
    await go(zhang, '/packages/community/raise/index');
    await box(zhang, '议题标题').fill(title);
    await box(zhang, '议题内容').fill('楼下电动自行车在楼道充电，存在消防隐患，建议在架空层加装集中充电桩，费用由使用者分摊。');
    await zhang.getByTestId('raise-submit').click();
    await zhang.getByText(title).first().waitFor();
    const topicId = new URL(zhang.url().replace('#/', '')).searchParams.get('id')!;
    expect(topicId).toBeTruthy();

    // 府前社区's grid official opens it for 3 days with a 赞成 / 反对 / 弃权 vote, results live
    const official = await newPage(browser());
    await devLogin(official, '网格员 · 北京街 府前社区');
    await go(official, `/packages/community/topic/index?id=${topicId}`);
    const form = official.getByTestId('open-form');
    await form.getByText('3 天', { exact: true }).click();
    await form.getByText('赞成 / 反对 / 弃权', { exact: true }).click();
    await box(official, '投票问题').fill('是否同意在 12 号楼架空层加装集中充电桩？');
    await form.getByText('不设', { exact: true }).click();
    await official.getByTestId('open-submit').click();
    await confirm(official, '开启');
    await official.getByTestId('vote-box').waitFor();

    // residents comment and vote (a changed vote counts once)
    for (const [who, page, choice, words] of [
      ['张晓明', zhang, '赞成', '支持，楼道充电太危险了。'],
      ['陈秀兰', await newPage(browser()), '反对', '架空层是孩子玩的地方，建议放到停车场。'],
    ] as const) {
      if (who === '陈秀兰') await devLogin(page, '居民 · 府前社区（居民议事演示）');
      await go(page, `/packages/community/topic/index?id=${topicId}`);
      const ballot = page.getByTestId('vote-box');
      await ballot.getByText(choice, { exact: true }).click();
      await page.getByTestId('vote-submit').click();
      await page.getByTestId('my-choice').getByText(new RegExp(choice)).waitFor();
      await box(page, '发表评论').fill(words);
      await page.getByTestId('comment-submit').click();
      await page.getByTestId('discussion').getByText(words).waitFor();
    }
    await countersSettled();
    await zhang.reload();
    await zhang.getByTestId('vote-result').waitFor();
    await shot(zhang, 'community-topic-live', true);

    // the vote closes: the clock moves past its close and the minute's grace; the count is made once
    const zhangToken = await devToken('u-resident-zhang');
    const topic = await apiCall<{ vote: { closesAt: string } }>('GET', `/v1/topics/${topicId}`, zhangToken);
    await moveClock(new Date(Date.parse(topic.vote.closesAt) + 2 * 60_000).toISOString());
    await zhang.reload();
    await zhang.getByTestId('vote-outcome').waitFor();
    expect(await zhang.getByTestId('vote-result-text').innerText()).toMatch(/赞成 1.*反对 1|反对 1.*赞成 1/s);

    // the official's response closes the loop; the residents read it
    await official.reload();
    await box(official, '处理结果').fill('经议事，居民意见不一：将在停车场增设充电桩，架空层不设；由社区居委会联系供电部门。');
    await official.getByTestId('respond-submit').click();
    await confirm(official, '发布');
    await zhang.reload();
    await zhang
      .getByTestId('topic-response')
      .getByText(/停车场增设充电桩/)
      .waitFor();
    await shot(zhang, 'community-topic-result', true);
    for (const p of [zhang, official]) await p.context().close();
  });
});
