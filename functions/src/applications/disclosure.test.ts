/**
 * 依申请公开 (issue 19) against DynamoDB Local: the 政府信息公开条例's deadlines (receipt, one extension, 补正 within 7
 * working days that restarts the clock, asking a third party not counted), every kind of reply, the notices, the
 * year's figures. The clock is moved with FAKE_NOW; every request is made by a resident no other test file uses.
 */
import { replyDeadline, thirdPartyDue } from '@yx/shared';
import { call } from '../../test/http';
import { fill, getForm, login, startLocalFiles, upload } from '../../test/apply';
import { residentWithId, type Person } from '../../test/people';
import { COUNTERS_TEST_TIMEOUT, countersSettled } from '../../test/streams';
import { seedAll } from '../seed/seed';
import { handler as applications } from './handler';
import { handler as backoffice } from '../backoffice/handler';
import { handler as certificates } from '../certificates/handler';
import { handler as messages } from '../messages/handler';
import { sweepDeferrals } from '../jobs/deferrals';

let stopFiles: () => Promise<void>;
beforeAll(async () => {
  await seedAll();
  stopFiles = await startLocalFiles();
});
afterAll(async () => {
  delete process.env.FAKE_NOW;
  await stopFiles();
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const at = (date: string) => (process.env.FAKE_NOW = `${date}T02:00:00.000Z`); // 10:00 in Guangzhou
let seq = 0;

/** A request to the district housing bureau (区住房建设局), by a person of its own. */
async function request(person: Person, extra: Record<string, unknown> = {}) {
  const form = await getForm(person.token, 'item-information-disclosure');
  const { answers } = await fill(person.token, form);
  const r = await call((e) => applications({ ...e, headers: { ...e.headers, 'idempotency-key': `disc-${Date.now()}-${++seq}` } }), 'POST /v1/applications', {
    token: person.token,
    body: {
      itemId: 'information-disclosure',
      answers: { ...answers, targetDepartment: 'housing', requestedInfo: '2026年越秀区老旧小区改造项目计划及资金安排', infoFormat: 'electronic', ...extra },
    },
  });
  expect(r.status).toBe(201);
  return r.body.appNo as string;
}

const officer = () => login('u-staff-housing');
const view = async (token: string, appNo: string) => (await call(backoffice, 'GET /v1/staff/applications/{appNo}', { token, params: { appNo } })).body;
const act = (token: string, appNo: string, action: string, body: object) =>
  call(backoffice, 'POST /v1/staff/applications/{appNo}/{action}', { token, params: { appNo, action }, body });
/** An action on the version the officer sees now. */
async function step(token: string, appNo: string, action: string, body: object = {}) {
  return act(token, appNo, action, { version: (await view(token, appNo)).version, ...body });
}
const detail = async (p: Person, appNo: string) => (await call(applications, 'GET /v1/applications/{appNo}', { token: p.token, params: { appNo } })).body;
const pdfOf = async (token: string) => (await upload(token, PDF, 'application/pdf', '信息.pdf')).fileId as string;

describe('依申请公开: who handles it and when the clock starts', () => {
  it('goes to the chosen department, counts 20 working days from receipt across 国庆, and offers the 条例 actions only', async () => {
    const p = await residentWithId('邓丽华');
    at('2026-09-21'); // Mon
    const appNo = await request(p);
    const mine = await detail(p, appNo);
    expect(mine.departmentName).toBe('广州市越秀区住房和城乡建设局');
    // 20 working days: 中秋 09-25 and 国庆 10-01…07 off, 09-20 (before) and 10-10 make-up days
    expect(mine.disclosure).toMatchObject({ receivedOn: '2026-09-21', deadline: '2026-10-26', pausedDays: 0 });
    expect(mine.statutory).toMatchObject({ started: true, deadline: '2026-10-26' });

    const housing = await officer();
    const v = await view(housing, appNo);
    expect(v.actions.sort()).toEqual(['accept', 'extend', 'reply', 'requestSupplement', 'startExcluded']);
    // what was asked, for the officer who answers it
    expect(v.disclosure.request).toEqual({ requestedInfo: '2026年越秀区老旧小区改造项目计划及资金安排', format: '电子文档（在线获取）' });
    expect(v.disclosure).toMatchObject({ clarifyBy: '2026-10-08', recentRequests: 1, frequent: false });
    // a licence's steps are not the 条例's, and another department does not see it
    expect((await step(housing, appNo, 'startReview')).status).toBe(409);
    expect((await view(await login('u-staff-police'), appNo)).error.code).toBe('NOT_FOUND');
    // 登记 keeps the clock from receipt
    at('2026-09-23');
    expect((await step(housing, appNo, 'accept')).status).toBe(200);
    expect((await detail(p, appNo)).disclosure.deadline).toBe('2026-10-26');
  });
});

describe('延长答复期限 (art. 33)', () => {
  it('extends once by up to 20 working days with the approver named, tells the requester, and refuses a second or a late one', async () => {
    const p = await residentWithId('冯志强');
    at('2026-09-21');
    const appNo = await request(p);
    const housing = await officer();
    at('2026-10-20');
    const tooLong = await step(housing, appNo, 'extend', { basis: 'art33', days: 21, approvedBy: '陈主任', reason: '需调取历年档案' });
    expect([tooLong.status, tooLong.body.error.message]).toEqual([422, expect.stringContaining('20 个工作日')]);
    const noApprover = await step(housing, appNo, 'extend', { basis: 'art33', days: 20, approvedBy: '', reason: '需调取历年档案' });
    expect(noApprover.status).toBe(400);
    const art35 = await step(housing, appNo, 'extend', { basis: 'art35', days: 30, approvedBy: '陈主任', reason: '申请数量较多' });
    expect([art35.status, art35.body.error.message]).toEqual([422, expect.stringContaining('第三十五条')]);

    const ok = await step(housing, appNo, 'extend', { basis: 'art33', days: 20, approvedBy: '陈主任', reason: '需调取历年档案' });
    expect(ok.status).toBe(200);
    expect(ok.body.state).toBe('submitted'); // the state stays; only the deadline moves
    expect(ok.body.disclosure).toMatchObject({ deadline: '2026-11-23', extension: { days: 20, approvedBy: '陈主任', basis: 'art33' } });
    const mine = await detail(p, appNo);
    expect(mine.disclosure.deadline).toBe('2026-11-23');
    expect(mine.timeline.at(-1).note).toContain('陈主任同意');
    const inbox = await call(messages, 'GET /v1/messages', { token: p.token });
    expect(JSON.stringify(inbox.body)).toContain('2026-11-23');

    expect((await view(housing, appNo)).actions).not.toContain('extend'); // offered no more
    const again = await step(housing, appNo, 'extend', { basis: 'art33', days: 5, approvedBy: '陈主任', reason: '再延一次' });
    expect([again.status, again.body.error.message]).toEqual([422, expect.stringContaining('只能延长一次')]);

    const late = await residentWithId('韩梅');
    at('2026-09-21');
    const overdue = await request(late);
    at('2026-10-27'); // the day after the deadline
    const tooLate = await step(housing, overdue, 'extend', { basis: 'art33', days: 10, approvedBy: '陈主任', reason: '需调取历年档案' });
    expect([tooLate.status, tooLate.body.error.message]).toEqual([422, expect.stringContaining('已于 2026-10-26 届满')]);
  });
});

describe('补正 (art. 30)', () => {
  it('is sent once within 7 working days of receipt, and the answer restarts the 20 days', async () => {
    const p = await residentWithId('曾小红');
    at('2026-09-28'); // Mon: 7 working days run to 10-13 across 国庆
    const appNo = await request(p);
    const housing = await officer();
    const late = await residentWithId('魏东');
    const lateNo = await request(late);
    at('2026-10-14');
    expect((await view(housing, lateNo)).actions).not.toContain('requestSupplement'); // past its 7 days: not offered
    const tooLate = await step(housing, lateNo, 'requestSupplement', { items: [{ material: '所需信息', reason: '请写明项目名称' }] });
    expect([tooLate.status, tooLate.body.error.message]).toEqual([422, expect.stringContaining('7 个工作日')]);

    at('2026-10-13');
    const asked = await step(housing, appNo, 'requestSupplement', { items: [{ material: '所需信息的描述', reason: '请写明小区名称或项目名称' }] });
    expect(asked.status).toBe(200);
    const notice = await detail(p, appNo);
    expect(notice.state).toBe('supplement');
    expect(notice.supplementNotice.dueDate).toBe('2026-11-03'); // 15 working days to answer

    at('2026-10-20'); // answered in words, not files
    const wrong = await call(applications, 'POST /v1/applications/{appNo}/supplement', {
      token: p.token,
      params: { appNo },
      body: { answers: { 所需信息的描述: [{ kind: 'upload', fileId: 'f_abcdefgh12' }] } },
    });
    expect(wrong.status).toBe(400);
    const answered = await call(applications, 'POST /v1/applications/{appNo}/supplement', {
      token: p.token,
      params: { appNo },
      body: { answers: { 所需信息的描述: '东山街道新河浦社区2026年老旧小区改造项目' } },
    });
    expect(answered.status).toBe(200);
    const after = await detail(p, appNo);
    expect(after.state).toBe('submitted');
    expect(after.disclosure).toMatchObject({ receivedOn: '2026-09-28', restartedOn: '2026-10-20', deadline: replyDeadline({ receivedOn: '2026-10-20' }) });
    expect(after.disclosure.deadline).toBe('2026-11-17');
    expect((await view(housing, appNo)).disclosure.request.clarification).toBe('所需信息的描述：东山街道新河浦社区2026年老旧小区改造项目');
    // one notice only
    const second = await step(housing, appNo, 'requestSupplement', { items: [{ material: '所需信息的描述', reason: '再补充' }] });
    expect([second.status, second.body.error.message]).toEqual([422, expect.stringContaining('一次性告知')]);
  });
});

describe('补正 unanswered (art. 30)', () => {
  it('ends the request as 视为放弃申请 the day after the 补正 date, once, and tells the requester', async () => {
    const p = await residentWithId('邱晓峰');
    at('2026-11-02');
    const appNo = await request(p);
    const housing = await officer();
    at('2026-11-03');
    expect((await step(housing, appNo, 'requestSupplement', { items: [{ material: '所需信息的描述', reason: '请写明项目名称' }] })).status).toBe(200);
    const due = (await detail(p, appNo)).supplementNotice.dueDate;
    expect(due).toBe('2026-11-24');
    expect((await sweepDeferrals('2026-11-24')).abandoned).not.toContain(appNo); // the last day to answer
    const swept = await sweepDeferrals('2026-11-25');
    expect(swept.abandoned).toContain(appNo);
    expect((await sweepDeferrals('2026-11-26')).abandoned).not.toContain(appNo); // once
    const mine = await detail(p, appNo);
    expect([mine.state, mine.disclosure.abandonedOn, mine.timeline.at(-1).action]).toEqual(['withdrawn', '2026-11-25', '视为放弃申请']);
    const late = await call(applications, 'POST /v1/applications/{appNo}/supplement', {
      token: p.token,
      params: { appNo },
      body: { answers: { 所需信息的描述: '项目名称是某某小区改造' } },
    });
    expect(late.status).toBe(409);
  });
});

describe('asking a third party (art. 32) does not count (art. 33)', () => {
  it('stands the clock still while the third party has 15 working days, and moves the deadline by the days it took', async () => {
    const p = await residentWithId('蒋文');
    at('2026-11-02'); // Mon
    const appNo = await request(p);
    const housing = await officer();
    expect((await detail(p, appNo)).disclosure.deadline).toBe('2026-11-30');
    at('2026-11-04');
    const hearing = await step(housing, appNo, 'startExcluded', { kind: 'hearing', note: '听证' });
    expect(hearing.status).toBe(422);
    const asked = await step(housing, appNo, 'startExcluded', { kind: 'third-party', note: '涉及施工单位的商业信息，书面征求其意见' });
    expect(asked.status).toBe(200);
    expect(asked.body.disclosure.consulting).toEqual({ name: '征求第三方意见', since: '2026-11-04', answerBy: thirdPartyDue('2026-11-04') });
    expect(asked.body.actions).toEqual(['endExcluded']); // no reply while asking
    at('2026-11-11'); // 5 working days later
    const back = await step(housing, appNo, 'endExcluded', { note: '第三方书面回复不同意公开其报价明细' });
    expect(back.status).toBe(200);
    const mine = await detail(p, appNo);
    expect(mine.disclosure).toMatchObject({ pausedDays: 5, deadline: '2026-12-07' });
  });
});

describe('答复: every kind the 条例 lists', () => {
  it(
    'replies 部分公开 with the information attached, a sealed 答复书 that states the remedies, and the year counts it',
    async () => {
      const p = await residentWithId('陶然');
      at('2026-11-02');
      const appNo = await request(p);
      const housing = await officer();
      const png = (await upload(housing)).fileId;
      const pdf = await pdfOf(housing);
      at('2026-11-09');
      const notPdf = await step(housing, appNo, 'reply', {
        kind: 'partial',
        text: '现将可以公开的部分提供给你。',
        files: [png],
        withheld: '施工单位报价明细',
        exemption: 'third_party',
      });
      expect([notPdf.status, notPdf.body.error.message]).toEqual([422, expect.stringContaining('PDF')]);
      const noExemption = await step(housing, appNo, 'reply', { kind: 'partial', text: '现将可以公开的部分提供给你。', files: [pdf] });
      expect(noExemption.status).toBe(400);
      expect(noExemption.body.error.message).toMatch(/不予公开/);

      const r = await step(housing, appNo, 'reply', {
        kind: 'partial',
        text: '现将可以公开的部分提供给你。',
        files: [pdf],
        withheld: '施工单位报价明细',
        exemption: 'third_party',
      });
      expect(r.status).toBe(200);
      expect(r.body.state).toBe('replied');
      const mine = await detail(p, appNo);
      expect(mine.stateName).toBe('已答复');
      expect(mine.disclosure.reply).toMatchObject({
        kind: 'partial',
        kindName: '部分公开',
        onTime: true,
        withheld: '施工单位报价明细',
        exemption: { name: '商业秘密、个人隐私' },
        remedies: expect.stringContaining('行政复议'),
      });
      expect(mine.disclosure.reply.files).toHaveLength(1);
      const got = await fetch(mine.disclosure.reply.files[0].url);
      expect([got.status, (await got.text()).startsWith('%PDF')]).toEqual([200, true]);
      expect(mine.nextAction.kind).toBe('rate');
      // no second reply
      expect((await step(housing, appNo, 'reply', { kind: 'not_exist', text: '经检索没有该信息。' })).status).toBe(409);

      // the 答复书: sealed, in the requester's wallet, naming the exemption and the remedies
      await countersSettled();
      const docs = (await call(certificates, 'GET /v1/me/documents', { token: p.token })).body.items.filter((d: { appNo: string }) => d.appNo === appNo);
      expect(docs.map((d: { title: string }) => d.title)).toContain('政府信息公开申请答复书');
      const year = await call(backoffice, 'GET /v1/staff/disclosure/annual', { token: housing, query: { year: '2026' } });
      expect(year.status).toBe(200);
      expect(year.body.departments.map((d: { departmentId: string }) => d.departmentId)).toEqual(['housing']);
      expect(year.body.departments[0].byKind.partial).toBeGreaterThanOrEqual(1);
      expect(year.body.departments[0].replied).toBeGreaterThanOrEqual(1);
      expect(year.body.departments[0].received).toBeGreaterThanOrEqual(year.body.departments[0].replied);
    },
    COUNTERS_TEST_TIMEOUT,
  );

  it.each([
    ['published', { where: '越秀区人民政府网站“政务公开—重点领域信息公开—住房保障”栏目' }, '已主动公开'],
    ['disclosed', { files: 'pdf' }, '予以公开'],
    ['withheld', { exemption: 'process' }, '不予公开'],
    ['not_exist', {}, '信息不存在'],
    ['not_ours', { rightBody: { name: '广州市规划和自然资源局', contact: '020-12345678' } }, '非本机关负责公开'],
    ['other_law', { where: '请持身份证明到不动产登记机构申请查询' }, '另有规定'],
  ])('replies %s', async (kind, extra, name) => {
    const p = await residentWithId(`答复${name.slice(0, 2)}`);
    at('2026-11-02');
    const appNo = await request(p);
    const housing = await officer();
    const body = { ...extra, ...('files' in extra ? { files: [await pdfOf(housing)] } : {}) };
    const r = await step(housing, appNo, 'reply', { kind, text: '特此答复。', ...body });
    expect(r.status).toBe(200);
    const reply = (await detail(p, appNo)).disclosure.reply;
    expect(reply).toMatchObject({ kind, kindName: name, remedies: expect.stringContaining('行政诉讼') });
    if ('rightBody' in extra) expect(reply.rightBody).toEqual(extra.rightBody);
  });

  it('replies 重复申请 only to an earlier replied request of the same person', async () => {
    const p = await residentWithId('重复申请人');
    at('2026-11-02');
    const first = await request(p);
    const second = await request(p);
    const other = await request(await residentWithId('另一人'));
    const housing = await officer();
    expect((await step(housing, second, 'reply', { kind: 'repeated', text: '已答复过。', earlierAppNo: first })).status).toBe(422); // not replied yet
    expect((await step(housing, first, 'reply', { kind: 'not_exist', text: '经检索没有该信息。' })).status).toBe(200);
    expect((await step(housing, other, 'reply', { kind: 'repeated', text: '已答复过。', earlierAppNo: first })).status).toBe(422); // not theirs
    const r = await step(housing, second, 'reply', { kind: 'repeated', text: '已答复过。', earlierAppNo: first });
    expect(r.status).toBe(200);
    expect((await detail(p, second)).disclosure.reply.earlierAppNo).toBe(first);
  });

  it('allows 不予处理 and art. 35 longer periods only for requests beyond a reasonable number (10 in 30 days)', async () => {
    const p = await residentWithId('频繁申请人');
    at('2026-11-02');
    const first = await request(p);
    const housing = await officer();
    const refused = await step(housing, first, 'reply', { kind: 'not_processed', text: '申请数量明显超过合理范围。' });
    expect([refused.status, refused.body.error.message]).toEqual([422, expect.stringContaining('第三十五条')]);
    const more: string[] = [];
    for (let i = 0; i < 9; i++) more.push(await request(p));
    const v = await view(housing, more.at(-1)!);
    expect(v.disclosure).toMatchObject({ recentRequests: 10, frequent: true });
    const longer = await step(housing, more[0], 'extend', { basis: 'art35', days: 40, approvedBy: '陈主任', reason: '申请数量明显超过合理范围' });
    expect(longer.status).toBe(200);
    expect((await step(housing, first, 'reply', { kind: 'not_processed', text: '经审查，申请理由不合理。' })).status).toBe(200);
  });

  it('keeps residents and other departments out', async () => {
    const p = await residentWithId('越权测试');
    at('2026-11-02');
    const appNo = await request(p);
    expect((await act(p.token, appNo, 'reply', { version: 1, kind: 'not_exist', text: '自己答复自己' })).status).toBe(403);
    const police = await login('u-staff-police');
    expect((await act(police, appNo, 'reply', { version: 1, kind: 'not_exist', text: '别的部门答复' })).status).toBe(404);
    expect((await call(backoffice, 'GET /v1/staff/disclosure/annual', { token: p.token, query: { year: '2026' } })).status).toBe(403);
    const bad = await call(backoffice, 'GET /v1/staff/disclosure/annual', { token: police, query: { year: 'this' } });
    expect([bad.status, bad.body.error.message]).toEqual([400, expect.stringContaining('年份')]);
  });
});
