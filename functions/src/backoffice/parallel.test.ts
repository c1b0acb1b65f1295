/**
 * 并联审批 with 超时默认, 好差评 rectification, supervision and dashboards.
 * The clock is moved with FAKE_NOW; this file's people are not read by other test files.
 */
import { call } from '../../test/http';
import { login, startLocalFiles, upload } from '../../test/apply';
import { act, at, elevatorApplication, view } from '../../test/office';
import { handler as applications } from '../applications/handler';
import { seedAll } from '../seed/seed';
import { handler } from './handler';
import { deemOverdueOpinions } from './opinions';
import { COUNTERS_TEST_TIMEOUT, countersSettled } from '../../test/streams';
import { batchPut } from '../guide/repository';
import { seedUserItems } from '../identity/repository';
import { issueSession } from '../lib/session';
import { storedRow } from '../../test/rows';
import { keys } from '../lib/entities/applications';

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

describe('特别程序 not counted in the time limits (issue 16)', () => {
  it('stops both clocks during an expert review the item allows, blocks decisions meanwhile, and moves the deadlines by the days it took', async () => {
    at('2026-11-02T02:00:00Z'); // Mon
    const { token, appNo } = await elevatorApplication();
    const planning = await login('u-staff-planning');
    let v = await view(planning, appNo);
    v = (await act(planning, appNo, 'accept', { version: v.version })).body;
    v = (await act(planning, appNo, 'startReview', { version: v.version })).body;
    expect(v.excludedKinds.map((k: { name: string }) => k.name)).toEqual(['听证', '专家评审']);
    const before = (await call(applications, 'GET /v1/applications/{appNo}', { token, params: { appNo } })).body;

    at('2026-11-03T02:00:00Z'); // Tue
    const notAllowed = await act(planning, appNo, 'startExcluded', { version: v.version, kind: 'testing', note: '送检' });
    expect([notAllowed.status, notAllowed.body.error.message]).toEqual([422, '本事项可依法不计时的特别程序为：听证、专家评审']);
    v = (await act(planning, appNo, 'startExcluded', { version: v.version, kind: 'expert-review', note: '组织专家评审加装方案' })).body;
    expect(v.excludedPeriod).toEqual({ name: '专家评审', since: '2026-11-03', note: '组织专家评审加装方案' });
    expect(v.actions).toEqual(['endExcluded']);
    const blocked = await act(planning, appNo, 'approve', { version: v.version });
    expect([blocked.status, blocked.body.error.message]).toEqual([409, '专家评审程序进行中，结束后才能准予许可']);
    const atStart = (await call(applications, 'GET /v1/applications/{appNo}', { token, params: { appNo } })).body;

    at('2026-11-06T02:00:00Z'); // Fri: three working days later, the days left have not moved
    const during = (await call(applications, 'GET /v1/applications/{appNo}', { token, params: { appNo } })).body;
    expect(during.pausedFor).toEqual({ name: '专家评审', since: '2026-11-03' });
    expect(during.remainingDays).toBe(atStart.remainingDays);
    expect(during.statutory.deadline).toBe(before.statutory.deadline);
    v = (await act(planning, appNo, 'endExcluded', { version: v.version, note: '专家评审通过' })).body;
    expect(v.excludedPeriod).toBeUndefined();
    expect(v.actions).toContain('approve');
    expect(v.timeline.at(-1).note).toBe('专家评审结束：专家评审通过（不计时 3 个工作日）');
    const after = (await call(applications, 'GET /v1/applications/{appNo}', { token, params: { appNo } })).body;
    expect(after.pausedFor).toBeUndefined();
    const { addWorkingDays } = await import('@yx/shared');
    expect(after.deadline).toBe(addWorkingDays(before.deadline, 3));
    expect(after.statutory.deadline).toBe(addWorkingDays(before.statutory.deadline, 3));
  });
});

describe('结果送达 chosen by the applicant (issue 16)', () => {
  it('takes pickup or post with an address (sealed, shown to the handling officer), sends it that way with a tracking number on the timeline', async () => {
    at('2026-11-02T02:00:00Z');
    const { token, appNo } = await elevatorApplication();
    const choose = (body: unknown, t = token) => call(applications, 'PUT /v1/applications/{appNo}/delivery', { token: t, params: { appNo }, body });
    const address = { recipient: '张晓明', phone: '13800138000', address: '广州市越秀区北京街道西湖路 12 号 301 房' };
    const bad = await choose({ method: 'post', postTo: { ...address, phone: '12345' } });
    expect([bad.status, bad.body.error.message]).toEqual([400, expect.stringContaining('11 位手机号码')]);
    expect((await choose({ method: 'post' })).status).toBe(400);
    expect((await choose({ method: 'drone' })).status).toBe(400);
    const other = await login('u-resident-li');
    expect((await choose({ method: 'pickup' }, other)).status).toBe(404);
    const chosen = await choose({ method: 'post', postTo: address });
    expect([chosen.status, chosen.body.error?.message]).toEqual([200, undefined]);
    expect(chosen.body.delivery).toMatchObject({ method: 'post', chosen: true, postTo: address, done: false });
    expect(chosen.body.timeline.at(-1).action).toBe('选择领取方式：邮寄送达');
    expect(JSON.stringify(chosen.body.timeline)).not.toMatch(/西湖路|13800138000/); // the trail never holds the address
    const raw = JSON.stringify(await storedRow(keys.application(appNo)));
    expect(raw).not.toContain('西湖路');
    expect(raw).not.toContain('13800138000');

    const planning = await login('u-staff-planning');
    let v = await view(planning, appNo);
    expect(v.delivery).toEqual({ method: 'post', chosen: true, postTo: address });
    v = (await act(planning, appNo, 'accept', { version: v.version })).body;
    v = (await act(planning, appNo, 'startReview', { version: v.version })).body;
    for (const who of ['u-staff-housing', 'u-staff-fire', 'u-staff-market']) {
      expect((await call(handler, 'POST /v1/staff/opinions/{appNo}', { token: await login(who), params: { appNo }, body: { decision: 'agree' } })).status).toBe(
        200,
      );
    }
    v = (await act(planning, appNo, 'approve', { version: (await view(planning, appNo)).version, note: '准予' })).body;
    const wrongWay = await act(planning, appNo, 'deliver', { version: v.version, method: 'pickup' });
    expect([wrongWay.status, wrongWay.body.error.message]).toEqual([409, '申请人已选择“邮寄送达”，请按其选择送达']);
    const sent = await act(planning, appNo, 'deliver', { version: v.version, method: 'post', trackingNo: 'EMS1234567890' });
    expect(sent.status).toBe(200);
    const detail = (await call(applications, 'GET /v1/applications/{appNo}', { token, params: { appNo } })).body;
    expect(detail.delivery).toMatchObject({ method: 'post', trackingNo: 'EMS1234567890', done: true });
    expect(detail.timeline.find((e: { action: string }) => e.action === '送达').note).toContain('EMS1234567890');
    expect((await choose({ method: 'pickup' })).status).toBe(409); // sent: too late to change
  });

  it('takes each way the item offers, and says where to pick up', async () => {
    at('2026-11-02T02:00:00Z');
    const { token, appNo } = await elevatorApplication();
    // 加装电梯 offers 电子证照, 邮寄 and 窗口领取: every one is taken, in turn
    for (const method of ['electronic', 'pickup']) {
      const r = await call(applications, 'PUT /v1/applications/{appNo}/delivery', { token, params: { appNo }, body: { method } });
      expect([method, r.status, r.body.delivery?.method]).toEqual([method, 200, method]);
    }
    const pickup = (await call(applications, 'GET /v1/applications/{appNo}', { token, params: { appNo } })).body.delivery;
    expect(pickup.hall).toBeTruthy();
  });
});

describe('补正 during review (issue 16)', () => {
  it('keeps the opinions given, returns the answer to the officer who asked as a task, and clears it when anyone acts', async () => {
    at('2026-11-02T02:00:00Z'); // Mon
    const { token, appNo } = await elevatorApplication();
    const planning = await login('u-staff-planning');
    const colleagueId = `u-staff-planning-${Date.now().toString(36)}`;
    await batchPut(
      seedUserItems({ id: colleagueId, role: 'staff', nickname: '规划窗口 何工', departmentId: 'planning', createdAt: '2026-01-01', updatedAt: '2026-01-01' }),
    );
    const colleague = (await issueSession({ userId: colleagueId, role: 'staff' })).token;
    let v = await view(planning, appNo);
    v = (await act(planning, appNo, 'accept', { version: v.version })).body;
    v = (await act(planning, appNo, 'startReview', { version: v.version })).body;
    const housing = await login('u-staff-housing');
    expect((await call(handler, 'POST /v1/staff/opinions/{appNo}', { token: housing, params: { appNo }, body: { decision: 'agree' } })).status).toBe(200);
    v = await view(planning, appNo);
    const material = v.materials.find((m: { source: string }) => m.source === 'upload').name as string;
    v = (await act(planning, appNo, 'requestSupplement', { version: v.version, items: [{ material, reason: '图纸不清晰，请重新上传' }] })).body;
    expect(v.supplementNotice.askedBy).toBe(`${v.departmentName} · 规划窗口 罗工`);

    at('2026-11-04T02:00:00Z');
    const answered = await call(applications, 'POST /v1/applications/{appNo}/supplement', {
      token,
      params: { appNo },
      body: { answers: { [material]: [{ kind: 'upload', fileId: (await upload(token)).fileId }] } },
    });
    expect([answered.status, answered.body.error?.message]).toEqual([200, undefined]);
    expect(answered.body.state).toBe('in_review'); // back in review, not to 受理
    expect(answered.body.supplementNotice).toBeUndefined();
    v = await view(planning, appNo);
    expect(v.state).toBe('in_review');
    expect(v.opinions.find((o: { departmentId: string }) => o.departmentId === 'housing').status).toBe('agree'); // kept
    expect(v.timeline.at(-1).note).toContain('退回 ');
    const tasks = async (t: string) => (await call(handler, 'GET /v1/staff/tasks', { token: t })).body.items as { appNo: string; note: string }[];
    expect((await tasks(planning)).find((x) => x.appNo === appNo)?.note).toBe(`已补正：${material}`);
    expect((await tasks(colleague)).map((x) => x.appNo)).not.toContain(appNo);
    expect((await call(handler, 'GET /v1/staff/tasks', { token })).status).toBe(403);

    // the other departments answer; the colleague decides: the task is done for everyone
    const fire = await login('u-staff-fire');
    const market = await login('u-staff-market');
    for (const t of [fire, market])
      expect((await call(handler, 'POST /v1/staff/opinions/{appNo}', { token: t, params: { appNo }, body: { decision: 'agree' } })).status).toBe(200);
    v = await view(colleague, appNo);
    expect((await act(colleague, appNo, 'approve', { version: v.version, note: '准予' })).status).toBe(200);
    expect((await tasks(planning)).map((x) => x.appNo)).not.toContain(appNo);
  });

  it('returns a 补正 asked before 受理 to 待受理, so the officer accepts it then', async () => {
    at('2026-11-02T02:00:00Z');
    const { token, appNo } = await elevatorApplication();
    const planning = await login('u-staff-planning');
    let v = await view(planning, appNo);
    const material = v.materials.find((m: { source: string }) => m.source === 'upload').name as string;
    v = (await act(planning, appNo, 'requestSupplement', { version: v.version, items: [{ material, reason: '缺少业主签名' }] })).body;
    const answered = await call(applications, 'POST /v1/applications/{appNo}/supplement', {
      token,
      params: { appNo },
      body: { answers: { [material]: [{ kind: 'upload', fileId: (await upload(token)).fileId }] } },
    });
    expect(answered.body.state).toBe('submitted');
    v = await view(planning, appNo);
    expect(v.actions).toContain('accept');
    v = (await act(planning, appNo, 'accept', { version: v.version })).body;
    expect(v.state).toBe('accepted');
  });
});

describe('并联审批 with deemed consent', () => {
  it('sends opinion tasks at review; a silent department is deemed to have no objection after 5 working days, across the National Day holiday', async () => {
    at('2026-09-28T02:00:00Z'); // Mon
    const { appNo } = await elevatorApplication();
    const planning = await login('u-staff-planning');
    let v = await view(planning, appNo);
    v = (await act(planning, appNo, 'accept', { version: v.version })).body;
    at('2026-09-29T02:00:00Z'); // Tue: review starts, opinions due 5 working days later
    v = (await act(planning, appNo, 'startReview', { version: v.version })).body;
    expect(v.opinions.map((o: { departmentId: string }) => o.departmentId).sort()).toEqual(['fire', 'housing', 'market']);
    // 09-30 (1), 10-01..07 holiday, 10-08 (2), 10-09 (3), 10-10 Sat make-up day (4), 10-12 (5)
    expect(v.opinions[0].due).toBe('2026-10-12');

    const housing = await login('u-staff-housing');
    const fire = await login('u-staff-fire');
    const list = await call(handler, 'GET /v1/staff/opinions', { token: housing });
    expect(list.body.items.map((i: { appNo: string }) => i.appNo)).toContain(appNo);
    expect((await call(handler, 'POST /v1/staff/opinions/{appNo}', { token: housing, params: { appNo }, body: { decision: 'agree' } })).status).toBe(200);
    expect((await call(handler, 'POST /v1/staff/opinions/{appNo}', { token: housing, params: { appNo }, body: { decision: 'agree' } })).status).toBe(409);
    expect((await call(handler, 'POST /v1/staff/opinions/{appNo}', { token: fire, params: { appNo }, body: { decision: 'disagree' } })).status).toBe(400);
    expect(
      (
        await call(handler, 'POST /v1/staff/opinions/{appNo}', {
          token: fire,
          params: { appNo },
          body: { decision: 'disagree', reason: '消防通道宽度不足，需调整方案' },
        })
      ).status,
    ).toBe(200);

    const early = await act(planning, appNo, 'approve', { version: v.version });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('未出具意见');

    at('2026-10-12T08:00:00Z'); // the due day itself: still time to answer
    expect((await deemOverdueOpinions('2026-10-12')).deemed.filter((d) => d.startsWith(appNo))).toEqual([]);
    at('2026-10-13T00:30:00Z');
    const r = await deemOverdueOpinions('2026-10-13');
    expect(r.deemed).toContain(`${appNo}#market`);
    const market = await login('u-staff-market');
    const late = await call(handler, 'POST /v1/staff/opinions/{appNo}', { token: market, params: { appNo }, body: { decision: 'agree' } });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('视为无意见');
    v = await view(planning, appNo);
    expect(v.opinions.find((o: { departmentId: string }) => o.departmentId === 'market').status).toBe('deemed');
    expect(v.timeline.map((t: { action: string }) => t.action)).toEqual(expect.arrayContaining(['并联审批：同意', '并联审批：不同意', '逾期未复，视为无意见']));
    const approved = await act(planning, appNo, 'approve', { version: v.version, note: '方案已按消防意见调整' });
    expect(approved.status).toBe(200);
  });
});

describe('好差评 rectification', () => {
  it(
    'opens a 15-working-day task for a bad rating; the department calls back and closes it',
    async () => {
      at('2026-11-02T02:00:00Z');
      const { token, appNo } = await elevatorApplication();
      const planning = await login('u-staff-planning');
      const v = await view(planning, appNo);
      expect((await act(planning, appNo, 'notAccept', { version: v.version, reason: '其他', detail: '小区不在本区范围' })).status).toBe(200);
      const rated = await call(applications, 'POST /v1/applications/{appNo}/rating', {
        token,
        params: { appNo },
        body: { value: 'very_unsatisfied', comment: '说明不清楚' },
      });
      expect(rated.status).toBe(200);
      const list = await call(handler, 'GET /v1/staff/rectifications', { token: planning });
      const task = list.body.items.find((i: { appNo: string }) => i.appNo === appNo);
      expect(task).toMatchObject({ ratingName: '非常不满意', status: 'open', light: 'green' });
      expect(task.due).toBe('2026-11-23'); // 15 working days after Mon 11-02
      const market = await login('u-staff-market');
      expect((await call(handler, 'POST /v1/staff/rectifications/{appNo}', { token: market, params: { appNo }, body: { callback: 'x回访' } })).status).toBe(
        404,
      );
      expect((await call(handler, 'POST /v1/staff/rectifications/{appNo}', { token: planning, params: { appNo }, body: { close: '已整改' } })).status).toBe(
        409,
      );
      await countersSettled(); // the dashboards count after each change commits (the aggregator)
      const openBefore = (await call(handler, 'GET /v1/dashboard', { token: planning })).body.rectificationsOpen;
      expect(openBefore).toBeGreaterThanOrEqual(1);
      expect(
        (await call(handler, 'POST /v1/staff/rectifications/{appNo}', { token: planning, params: { appNo }, body: { callback: '已电话回访，解释了辖区范围' } }))
          .status,
      ).toBe(200);
      expect(
        (
          await call(handler, 'POST /v1/staff/rectifications/{appNo}', {
            token: planning,
            params: { appNo },
            body: { close: '完善了办事指南中关于辖区的说明' },
          })
        ).status,
      ).toBe(200);
      await countersSettled();
      expect((await call(handler, 'GET /v1/dashboard', { token: planning })).body.rectificationsOpen).toBe(openBefore - 1);
      at('2026-11-30T02:00:00Z');
      const after = await call(handler, 'GET /v1/staff/rectifications', { token: planning });
      expect(after.body.items.find((i: { appNo: string }) => i.appNo === appNo)).toBeUndefined();
    },
    COUNTERS_TEST_TIMEOUT,
  );
});

describe('supervision and dashboards', () => {
  it('lists red applications for dispatchers, and a note lands in the trail the department sees', async () => {
    at('2026-11-02T02:00:00Z');
    const { appNo } = await elevatorApplication(); // promised in 10 working days
    at('2026-11-20T02:00:00Z'); // 14 working days later: red
    const dispatcher = await login('u-dispatcher-beijing');
    const list = await call(handler, 'GET /v1/supervision', { token: dispatcher });
    expect(list.status).toBe(200);
    const row = list.body.items.find((i: { appNo: string }) => i.appNo === appNo);
    expect(row).toMatchObject({ light: 'red' });
    expect(row.overdueDays).toBeGreaterThan(0);
    expect(
      (await call(handler, 'POST /v1/supervision/{appNo}', { token: dispatcher, params: { appNo }, body: { note: '已超时，请今日内办结并说明原因' } })).status,
    ).toBe(200);
    const v = await view(await login('u-staff-planning'), appNo);
    expect(v.timeline.find((t: { action: string }) => t.action === '督办').note).toContain('今日内办结');
    expect((await call(handler, 'GET /v1/supervision', { token: await login('u-resident-zhang') })).status).toBe(403);
    // internal: not in the applicant's trail (issue 13)
    const own = await call(applications, 'GET /v1/applications/{appNo}', { token: await login('u-resident-zhang'), params: { appNo } });
    expect(own.body.timeline.map((t: { action: string }) => t.action)).not.toContain('督办');
    // another street's dispatcher neither lists nor supervises it
    const id = `u-dispatcher-dongshan-${Date.now().toString(36)}`;
    await batchPut(
      seedUserItems({
        id,
        role: 'dispatcher',
        nickname: '东山街调度员',
        street: 'dongshan',
        area: '东山街道',
        createdAt: '2026-01-01',
        updatedAt: '2026-01-01',
      }),
    );
    const other = (await issueSession({ userId: id, role: 'dispatcher' })).token;
    expect((await call(handler, 'GET /v1/supervision', { token: other })).body.items.map((i: { appNo: string }) => i.appNo)).not.toContain(appNo);
    expect((await call(handler, 'POST /v1/supervision/{appNo}', { token: other, params: { appNo }, body: { note: '越权督办' } })).status).toBe(404);
  });

  it(
    'reads dashboards from counters: department for staff, district for dispatchers',
    async () => {
      await countersSettled();
      const planning = await login('u-staff-planning');
      const own = await call(handler, 'GET /v1/dashboard', { token: planning });
      expect(own.status).toBe(200);
      expect(own.body.name).toContain('规划');
      expect(own.body.byState.submitted + own.body.open).toBeGreaterThan(0);
      expect(own.body.weeks).toHaveLength(8);
      expect(own.body.done).toBeGreaterThan(0);
      expect(own.body.onTimeRate).toBeGreaterThanOrEqual(0);
      expect(own.body.satisfactionRate).toBeLessThan(1); // a very_unsatisfied rating above
      expect((await call(handler, 'GET /v1/dashboard', { token: planning, query: { scope: 'district' } })).status).toBe(403);
      const dispatcher = await login('u-dispatcher-beijing');
      const district = await call(handler, 'GET /v1/dashboard', { token: dispatcher, query: { scope: 'district' } });
      expect(district.body.open).toBeGreaterThanOrEqual(own.body.open);
      expect((await call(handler, 'GET /v1/dashboard', { token: dispatcher, query: { scope: 'dept', id: 'nowhere' } })).status).toBe(404);
      // 街道绩效: 张晓明 lives in 北京街道, so his applications and his bad rating count there
      const street = await call(handler, 'GET /v1/dashboard', { token: dispatcher });
      expect(street.body).toMatchObject({ scope: 'street', name: '北京街道' });
      expect(street.body.byState.not_accepted + street.body.open + street.body.done).toBeGreaterThan(0);
      expect(street.body.ratings).toBeGreaterThan(0);
      expect((await call(handler, 'GET /v1/dashboard', { token: dispatcher, query: { scope: 'street', id: 'dongshan' } })).status).toBe(403);
      const admin = await login('u-admin');
      expect((await call(handler, 'GET /v1/dashboard', { token: admin, query: { scope: 'street', id: 'dongshan' } })).body.name).toBe('东山街道');
      expect((await call(handler, 'GET /v1/dashboard', { token: admin, query: { scope: 'street', id: 'mars' } })).status).toBe(404);
    },
    COUNTERS_TEST_TIMEOUT,
  );
});
