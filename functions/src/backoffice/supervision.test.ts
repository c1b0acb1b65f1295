/**
 * 督办 that closes and rectifications that close the loop (issue 16): the department is told and replies once (late
 * when after the reply date), red applications get 自动督办 and unanswered 督办 escalate by themselves, the rater hears
 * the rectification's outcome, overdue rectifications escalate, the admin sees every department's.
 * The clock is moved with FAKE_NOW to mid-2025, which no other test file uses: the daily jobs see only this file's cases.
 */
import { call } from '../../test/http';
import { login, startLocalFiles } from '../../test/apply';
import { act, at, elevatorApplication, inboxAbout, view } from '../../test/office';
import { handler as applications } from '../applications/handler';
import { seedAll } from '../seed/seed';
import { handler } from './handler';
import { batchPut } from '../guide/repository';
import { seedUserItems } from '../identity/repository';
import { issueSession } from '../lib/session';
import { runSupervisionJob } from '../jobs/supervision';
import { markOverdueRectifications } from './rectifications';

let stopFiles: () => Promise<void>;
beforeAll(async () => {
  await seedAll();
  stopFiles = await startLocalFiles();
});
afterAll(async () => {
  delete process.env.FAKE_NOW;
  await stopFiles();
});
afterEach(() => {
  delete process.env.FAKE_NOW;
});

let seq = 0;
const MON_SUBMIT = '2025-06-09T02:00:00Z'; // Mon; promised 10 working days → due Mon 06-23
const RED = '2025-07-07T02:00:00Z'; // Mon, 10 working days past the deadline; a 督办 now is due Thu 07-10
const inbox = inboxAbout;
const supervise = (token: string, appNo: string, note = '已超时，请说明原因并尽快办结') =>
  call(handler, 'POST /v1/supervision/{appNo}', { token, params: { appNo }, body: { note } });
const reply = (token: string, appNo: string, text: string, round = 1) =>
  call(handler, 'POST /v1/staff/supervision/{appNo}', { token, params: { appNo }, body: { reply: text, round } });
const deptList = async (token: string) => (await call(handler, 'GET /v1/staff/supervision', { token })).body.items as Record<string, unknown>[];
const overseerList = async (token: string) => (await call(handler, 'GET /v1/supervision', { token })).body;

/** A planning officer of this file's own, whose inbox no other test fills. */
async function planningColleague() {
  const id = `u-staff-planning-sup-${Date.now().toString(36)}-${++seq}`;
  await batchPut(seedUserItems({ id, role: 'staff', nickname: '规划窗口 卢工', departmentId: 'planning', createdAt: '2025-01-01', updatedAt: '2025-01-01' }));
  return (await issueSession({ userId: id, role: 'staff' })).token;
}

describe('督办 as a tracked request', () => {
  it('tells the department, takes its reply into the trail, and shows the supervisor it was answered', async () => {
    at(MON_SUBMIT);
    const { token: resident, appNo } = await elevatorApplication();
    const colleague = await planningColleague();
    at(RED);
    const dispatcher = await login('u-dispatcher-beijing');
    const before = (await overseerList(dispatcher)).items.find((i: { appNo: string }) => i.appNo === appNo);
    expect(before).toMatchObject({ light: 'red' });
    expect(before.supervision).toBeUndefined();
    expect((await supervise(dispatcher, appNo)).status).toBe(200);

    // the department's staff are told, and see it in their 督办 list with the reply date
    const told = await inbox(colleague, appNo);
    expect(told.map((m) => m.title)).toEqual(['督办：请按期回复']);
    expect(told[0].body).toContain('2025-07-10');
    const planning = await login('u-staff-planning');
    expect((await deptList(planning)).find((i) => i.appNo === appNo)).toMatchObject({
      state: 'waiting',
      status: 'open',
      auto: false,
      replyBy: '2025-07-10',
      round: 1,
      by: '北京街道（督办）',
    });

    // another department neither lists nor answers it; a resident is refused the routes
    const market = await login('u-staff-market');
    expect((await deptList(market)).some((i) => i.appNo === appNo)).toBe(false);
    const foreign = await reply(market, appNo, '不是我们的办件');
    expect([foreign.status, foreign.body.error.message]).toEqual([404, '未找到该督办']);
    expect((await call(handler, 'GET /v1/staff/supervision', { token: resident })).status).toBe(403);
    expect((await reply(resident, appNo, '我来回复')).status).toBe(403);
    expect((await supervise(resident, appNo)).status).toBe(403);
    const empty = await reply(planning, appNo, ' ');
    expect([empty.status, empty.body.error.message]).toEqual([400, expect.stringMatching(/回复内容/)]);

    at('2025-07-08T02:00:00Z');
    const answered = await reply(planning, appNo, '已组织现场踏勘，本周内出具审查意见');
    expect([answered.status, answered.body.error?.message]).toEqual([200, undefined]);
    const again = await reply(planning, appNo, '已组织现场踏勘，本周内出具审查意见');
    expect([again.status, again.body.error.message]).toEqual([409, '该督办已回复']);

    const row = (await overseerList(dispatcher)).items.find((i: { appNo: string }) => i.appNo === appNo);
    expect(row.supervision).toMatchObject({ state: 'answered', status: 'answered', reply: { note: '已组织现场踏勘，本周内出具审查意见', late: false } });
    expect((await inbox(dispatcher, appNo)).map((m) => m.title)).toContain('督办已回复');
    const trail = (await view(planning, appNo)).timeline.map((t: { action: string }) => t.action);
    expect(trail).toEqual(expect.arrayContaining(['督办', '督办回复']));
    // internal: the applicant's trail has neither
    const own = (await call(applications, 'GET /v1/applications/{appNo}', { token: resident, params: { appNo } })).body;
    expect(own.timeline.map((t: { action: string }) => t.action)).not.toContain('督办回复');
    expect(own.timeline.map((t: { action: string }) => t.action)).not.toContain('督办');
  });

  it('marks a reply after the reply date late', async () => {
    at(MON_SUBMIT);
    const { appNo } = await elevatorApplication();
    at(RED);
    expect((await supervise(await login('u-dispatcher-beijing'), appNo)).status).toBe(200);
    at('2025-07-14T02:00:00Z'); // Mon after the Thu it was due
    const planning = await login('u-staff-planning');
    expect((await deptList(planning)).find((i) => i.appNo === appNo)).toMatchObject({ state: 'overdue' });
    expect((await reply(planning, appNo, '材料待补，已电话联系申请人')).status).toBe(200);
    expect((await deptList(planning)).find((i) => i.appNo === appNo)).toMatchObject({ state: 'late', reply: { late: true } });
    expect((await view(planning, appNo)).timeline.map((t: { action: string }) => t.action)).toContain('督办回复（逾期）');
  });

  it('writes one reply when officers tap twice or reply at the same moment', async () => {
    at(MON_SUBMIT);
    const { appNo } = await elevatorApplication();
    at(RED);
    expect((await supervise(await login('u-admin'), appNo)).status).toBe(200);
    const officers = [await login('u-staff-planning'), await planningColleague()];
    const tries = await Promise.all(Array.from({ length: 8 }, (_, i) => reply(officers[i % 2], appNo, `回复 ${i}：已加派人手`)));
    expect(tries.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const replies = (await view(officers[0], appNo)).timeline.filter((t: { action: string }) => t.action.startsWith('督办回复'));
    expect(replies).toHaveLength(1);
    const winner = tries.findIndex((r) => r.status === 200);
    expect((await deptList(officers[0])).find((i) => i.appNo === appNo)).toMatchObject({ reply: { note: `回复 ${winner}：已加派人手` } });
    // a reply to a round that is no longer the latest is refused
    expect((await supervise(await login('u-admin'), appNo, '回复后仍未办结，再次督办')).status).toBe(200);
    expect((await reply(officers[0], appNo, '旧轮次的回复', 1)).status).toBe(409);
    expect((await reply(officers[0], appNo, '第二轮回复：明日办结', 2)).status).toBe(200);
  });
});

describe('督办 by itself', () => {
  it('puts red applications on the list as 自动督办 once, and escalates an unanswered 督办 to the district once', async () => {
    at(MON_SUBMIT);
    const { appNo } = await elevatorApplication();
    const colleague = await planningColleague();
    at(RED);
    const first = await runSupervisionJob();
    expect(first.supervised).toContain(appNo);
    const second = await runSupervisionJob();
    expect(second.supervised).not.toContain(appNo);
    const planning = await login('u-staff-planning');
    expect((await view(planning, appNo)).timeline.filter((t: { action: string }) => t.action === '督办')).toHaveLength(1);
    expect((await inbox(colleague, appNo)).map((m) => m.title)).toEqual(['自动督办：办件已超期，请按期回复']);
    const dispatcher = await login('u-dispatcher-beijing');
    const row = (await overseerList(dispatcher)).items.find((i: { appNo: string }) => i.appNo === appNo);
    expect(row.supervision).toMatchObject({ auto: true, state: 'waiting', by: '系统（自动督办）', replyBy: '2025-07-10' });
    expect((await deptList(planning)).find((i) => i.appNo === appNo)).toMatchObject({ auto: true, deadline: '2025-06-23' });

    // not answered by Thu 07-10: on Fri the job escalates it to the district, once
    at('2025-07-11T02:00:00Z');
    const up = await runSupervisionJob();
    expect(up.escalated).toContain(appNo);
    expect((await runSupervisionJob()).escalated).not.toContain(appNo);
    expect((await inbox(colleague, appNo)).map((m) => m.title)).toContain('督办逾期未回复，已升级至区级');
    const admin = await login('u-admin');
    const district = (await call(handler, 'GET /v1/dashboard', { token: admin, query: { scope: 'district' } })).body;
    expect(district.escalatedSupervisions.count).toBeGreaterThanOrEqual(1);
    expect(district.escalatedSupervisions.items.find((i: { appNo: string }) => i.appNo === appNo)).toMatchObject({ state: 'overdue', escalated: true });
    expect((await overseerList(dispatcher)).escalated.map((i: { appNo: string }) => i.appNo)).toContain(appNo);
    // a street's dashboard does not carry the district's list
    expect((await call(handler, 'GET /v1/dashboard', { token: dispatcher })).body.escalatedSupervisions).toBeUndefined();

    // the late reply takes it off the escalated list
    expect((await reply(planning, appNo, '已办结审查，今日出具意见')).status).toBe(200);
    expect((await overseerList(dispatcher)).escalated.map((i: { appNo: string }) => i.appNo)).not.toContain(appNo);
    expect((await deptList(planning)).find((i) => i.appNo === appNo)).toMatchObject({ state: 'late', escalated: true });
  });
});

describe('好差评 rectification that closes the loop', () => {
  /** A bad rating on a refused application opens a rectification for planning, due 15 working days later (06-30). */
  async function badlyRated() {
    at(MON_SUBMIT);
    const { token, appNo } = await elevatorApplication();
    const planning = await login('u-staff-planning');
    const v = await view(planning, appNo);
    expect((await act(planning, appNo, 'notAccept', { version: v.version, reason: '其他', detail: '小区不在本区范围' })).status).toBe(200);
    const rated = await call(applications, 'POST /v1/applications/{appNo}/rating', {
      token,
      params: { appNo },
      body: { value: 'unsatisfied', comment: '说明不清楚' },
    });
    expect(rated.status).toBe(200);
    return { token, appNo, planning };
  }

  it('tells the rater the outcome when the department closes it', async () => {
    const { token, appNo, planning } = await badlyRated();
    const update = (body: object) => call(handler, 'POST /v1/staff/rectifications/{appNo}', { token: planning, params: { appNo }, body });
    expect((await update({ callback: '已电话回访申请人，解释辖区划分' })).status).toBe(200);
    expect(await inbox(token, appNo).then((ms) => ms.filter((m) => m.title === '您的评价有了整改结果'))).toHaveLength(0);
    expect((await update({ close: '办事指南已补充辖区范围说明，窗口增设咨询指引' })).status).toBe(200);
    const told = (await inbox(token, appNo)).filter((m) => m.title === '您的评价有了整改结果');
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain('办事指南已补充辖区范围说明');
    expect(told[0].body).toContain('不满意');
    expect((await update({ close: '再次办结' })).status).toBe(409);
  });

  it('marks an open rectification overdue once, tells the department, and shows it on the admin overview', async () => {
    const { appNo, planning } = await badlyRated();
    const colleague = await planningColleague();
    at('2025-07-01T02:00:00Z'); // due 06-30
    expect((await markOverdueRectifications()).escalated).toContain(appNo);
    expect((await markOverdueRectifications()).escalated).not.toContain(appNo);
    expect((await inbox(colleague, appNo)).map((m) => m.title)).toEqual(['差评整改已逾期']);
    const own = (await call(handler, 'GET /v1/staff/rectifications', { token: planning })).body.items.find((i: { appNo: string }) => i.appNo === appNo);
    expect(own).toMatchObject({ overdue: true, escalatedAt: expect.any(String), status: 'open' });
    expect((await view(planning, appNo)).timeline.map((t: { action: string }) => t.action)).toContain('整改逾期');

    const overview = await call(handler, 'GET /v1/admin/rectifications', { token: await login('u-admin') });
    expect(overview.status).toBe(200);
    const dept = overview.body.departments.find((d: { departmentId: string }) => d.departmentId === 'planning');
    expect(dept.overdue).toBeGreaterThanOrEqual(1);
    expect(dept.open).toBeGreaterThanOrEqual(dept.overdue);
    expect(overview.body.total.overdue).toBeGreaterThanOrEqual(1);
    expect(overview.body.items.find((i: { appNo: string }) => i.appNo === appNo)).toMatchObject({ departmentName: dept.departmentName, overdue: true });
    expect(overview.body.items[0].overdue).toBe(true); // overdue first
    expect((await call(handler, 'GET /v1/admin/rectifications', { token: planning })).status).toBe(403);
    expect((await call(handler, 'GET /v1/admin/rectifications', { token: await login('u-resident-zhang') })).status).toBe(403);
  });
});
