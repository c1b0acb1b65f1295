import { SERVICE_ITEMS } from '@yx/shared/src/guide/catalogue';
import { allowedActions, APPLICATION_STATES, STAFF_ACTIONS, type StaffAction } from '@yx/shared';
import { call } from '../../test/http';
import { login, startLocalFiles, upload } from '../../test/apply';
import { handler as applications } from '../applications/handler';
import { handler as messages } from '../messages/handler';
import { seedAll } from '../seed/seed';
import { handler } from './handler';
import { forceState } from '../applications/service';
import { batchPut } from '../guide/repository';
import { seedUserItems } from '../identity/repository';
import { issueSession } from '../lib/session';
import { COUNTERS_TEST_TIMEOUT, countersSettled } from '../../test/streams';
import { parseStoreCost } from '../lib/meter';

let stopFiles: () => Promise<void>;
beforeAll(async () => {
  await seedAll();
  stopFiles = await startLocalFiles();
});
afterAll(async () => {
  delete process.env.FAKE_NOW;
  await stopFiles();
});

const item = SERVICE_ITEMS.find((i) => i.id === 'no-criminal-record')!; // owned by the police department
let seq = 0;

const PEOPLE = {
  zhang: { id: 'u-resident-zhang', street: 'beijing', name: '张晓明', idNumber: '440104199003070017', phone: '13800138000', licence: 'el_zhang_idcard' },
  // the clock test moves time: it uses someone no other test file reads
  wu: { id: 'u-resident-wu', street: 'liuhua', name: '吴建华', idNumber: '44010419700612005X', phone: '13660001234', licence: 'el_wu_idcard' },
};

async function submit(at?: string, who: keyof typeof PEOPLE = 'zhang') {
  if (at) process.env.FAKE_NOW = at;
  const p = PEOPLE[who];
  const token = await login(p.id);
  const file = await upload(token);
  const answers = {
    realName: p.name,
    idNumber: p.idNumber,
    phone: p.phone,
    street: p.street,
    purpose: 'employment',
    m0: [{ kind: 'elicence', licenceId: p.licence }],
    m1: [{ kind: 'upload', fileId: file.fileId }],
  };
  const r = await call((e) => applications({ ...e, headers: { ...e.headers, 'idempotency-key': `office-${Date.now()}-${++seq}` } }), 'POST /v1/applications', {
    token,
    body: { itemId: item.id, answers },
  });
  expect(r.status).toBe(201);
  return { token, appNo: r.body.appNo as string };
}

const act = (token: string, appNo: string, action: string, body: object) =>
  call(handler, 'POST /v1/staff/applications/{appNo}/{action}', { token, params: { appNo, action }, body });
const view = (token: string, appNo: string) => call(handler, 'GET /v1/staff/applications/{appNo}', { token, params: { appNo } });
/** What an answer asked of the store (the local stage's x-store-cost header): e.g. 'GetItem,Query,TransactWriteItems'. */
const storeOps = (r: { headers: Record<string, string> }) =>
  [...parseStoreCost(r.headers['x-store-cost'])!.ops].map(([op, n]) => (n > 1 ? `${op}*${n}` : op)).join();

describe('staff workbench', () => {
  it('takes an application from acceptance to delivery, telling the applicant at each step', async () => {
    delete process.env.FAKE_NOW;
    const { token: resident, appNo } = await submit();
    const officer = await login('u-staff-police');
    const queue = await call(handler, 'GET /v1/staff/applications', { token: officer, query: { state: 'submitted', limit: '50' } });
    expect(queue.body.items.map((i: { appNo: string }) => i.appNo)).toContain(appNo);
    let v = (await view(officer, appNo)).body;
    expect(v.applicant).toBe('张*明');
    expect(JSON.stringify(v)).not.toContain('440104199003070017');
    expect(v.actions.sort()).toEqual(['accept', 'notAccept', 'requestSupplement']);
    // the uploaded material can be looked at through a short-lived URL
    const uploaded = v.materials.find((m: { source: string }) => m.source === 'upload');
    expect(uploaded.fileUrls).toHaveLength(1);
    const shown = await fetch(uploaded.fileUrls[0].url);
    expect([shown.status, shown.headers.get('content-type'), uploaded.fileUrls[0].contentType]).toEqual([200, 'image/png', 'image/png']);
    for (const [action, body] of [
      ['accept', {}],
      ['startReview', {}],
      ['approve', { note: '符合条件' }],
      ['deliver', { method: 'pickup' }],
    ] as const) {
      const r = await act(officer, appNo, action, { version: v.version, ...body });
      expect([action, r.status]).toEqual([action, 200]);
      // the officer, the case's partition, one transaction: the answer is built from them (file links kept from the view)
      expect([action, storeOps(r)]).toEqual([action, 'GetItem,Query,TransactWriteItems']);
      v = r.body;
    }
    expect(v.state).toBe('delivered');
    const inbox = (await call(messages, 'GET /v1/messages', { token: resident })).body.items.filter((m: { appNo: string }) => m.appNo === appNo);
    expect(inbox.map((m: { title: string }) => m.title).join()).toMatch(/已受理.*|.*已送达/);
    expect(inbox.some((m: { body: string }) => /取件码 \d{6}/.test(m.body))).toBe(true);
    const detail = await call(applications, 'GET /v1/applications/{appNo}', { token: resident, params: { appNo } });
    expect(detail.body.timeline.map((t: { actor: string }) => t.actor)).toContain('广州市公安局越秀区分局 · 户政窗口 黄警官'); // the department and the officer
    expect(detail.body.nextAction.kind).toBe('rate');
    const after = await call(handler, 'GET /v1/staff/applications', { token: officer, query: { limit: '50' } });
    expect(after.body.items.map((i: { appNo: string }) => i.appNo)).not.toContain(appNo); // delivered leaves the queue
  });

  it('answers an action on a case not opened here with its file links read: one BatchGet beside the officer, the case and the transaction', async () => {
    const { appNo } = await submit();
    const officer = await login('u-staff-police');
    const r = await act(officer, appNo, 'accept', { version: 1 });
    expect(r.status).toBe(200);
    expect(storeOps(r)).toBe('GetItem,Query,TransactWriteItems,BatchGetItem');
    expect(r.body.materials.find((m: { source: string }) => m.source === 'upload').fileUrls).toHaveLength(1);
    const shown = (await view(officer, appNo)).body;
    expect({ ...r.body, materials: undefined }).toEqual({ ...shown, materials: undefined }); // as a fresh read gives it
  });

  it('refuses every illegal transition with 409 and says why', async () => {
    const { appNo } = await submit();
    const officer = await login('u-staff-police');
    const version = (await view(officer, appNo)).body.version;
    const bodies: Record<string, object> = { startReview: {}, approve: {}, deny: { reason: '不符合条件的理由' }, deliver: { method: 'pickup' } };
    for (const [action, body] of Object.entries(bodies)) {
      const r = await act(officer, appNo, action, { version, ...body });
      expect([action, r.status]).toEqual([action, 409]);
      expect(r.body.error.message).toContain('已提交，待受理');
    }
    await act(officer, appNo, 'notAccept', { version, reason: '申请人不具备申请资格', detail: '申请人不在本区居住' });
    const again = await act(officer, appNo, 'accept', { version: version + 1 });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('不予受理');
    expect((await act(officer, appNo, 'explode', { version })).status).toBe(400);
    expect((await act(officer, appNo, 'notAccept', { version: version + 1, reason: '乱写' })).status).toBe(400);
  });

  it('refuses every action from every state it does not belong to', async () => {
    const officer = await login('u-staff-police');
    const bodies: Record<StaffAction, object> = {
      accept: {},
      notAccept: { reason: '其他', detail: '测试不予受理' },
      requestSupplement: { items: [{ material: '申请人居民身份证', reason: '不清晰' }] },
      startReview: {},
      approve: {},
      deny: { reason: '测试不予许可' },
      deliver: { method: 'pickup' },
      startExcluded: { kind: 'hearing', note: '测试听证程序' },
      endExcluded: { note: '测试听证结束' },
      // 依申请公开 only: a licence refuses them in every state
      extend: { basis: 'art33', days: 10, approvedBy: '李主任', reason: '需调取档案' },
      reply: { kind: 'not_exist', text: '经检索，没有所申请的信息。' },
    };
    // One application per state, all states at once: each is independent, and in sequence the
    // ~60 calls take longer than jest's default on a busy machine.
    const seen = await Promise.all(
      APPLICATION_STATES.map(async (state) => {
        const { appNo } = await submit();
        if (state !== 'submitted') await forceState(appNo, state);
        const v = (await view(officer, appNo)).body;
        expect(v.actions.sort()).toEqual(allowedActions(state).sort());
        const refused = (Object.keys(STAFF_ACTIONS) as StaffAction[]).filter((a) => !allowedActions(state).includes(a));
        const answers = await Promise.all(refused.map((action) => act(officer, appNo, action, { version: v.version, ...bodies[action] })));
        return refused.map((action, i) => [state, action, answers[i].status]);
      }),
    );
    expect(seen.flat()).toEqual(seen.flat().map(([state, action]) => [state, action, 409]));
  }, 30_000); // a table of ~60 calls: an explicit budget rather than jest's 5 s default

  it("keeps other departments and non-staff out: 404 for another department's application, 403 for residents", async () => {
    const { token: resident, appNo } = await submit();
    const market = await login('u-staff-market');
    expect((await view(market, appNo)).status).toBe(404);
    expect((await act(market, appNo, 'accept', { version: 1 })).status).toBe(404);
    expect((await call(handler, 'GET /v1/staff/applications', { token: resident })).status).toBe(403);
    const marketQueue = await call(handler, 'GET /v1/staff/applications', { token: market, query: { limit: '50' } });
    expect(marketQueue.body.items.map((i: { appNo: string }) => i.appNo)).not.toContain(appNo);
  });

  it('takes the role from the stored user: a staff role taken away works no more at once, whatever the session says', async () => {
    const id = `u-staff-moved-${Date.now().toString(36)}`;
    const at = new Date().toISOString();
    await batchPut(seedUserItems({ id, role: 'staff', nickname: '调岗人员', departmentId: 'police', createdAt: at, updatedAt: at }));
    const { token } = await issueSession({ userId: id, role: 'staff' });
    expect((await call(handler, 'GET /v1/staff/counts', { token })).status).toBe(200);
    // only the role changes (the department stays on the row): the stored role decides
    await batchPut(seedUserItems({ id, role: 'resident', nickname: '调岗人员', departmentId: 'police', createdAt: at, updatedAt: at }));
    expect((await call(handler, 'GET /v1/staff/counts', { token })).status).toBe(403);
    expect((await call(handler, 'GET /v1/staff/applications', { token })).status).toBe(403);
  });

  it('lets one of two officers acting at once win; the other gets 409 and nothing is half-written', async () => {
    const { appNo } = await submit();
    const a = await login('u-staff-police');
    const b = await login('u-staff-police-2');
    const version = (await view(a, appNo)).body.version;
    const [r1, r2] = await Promise.all([
      act(a, appNo, 'accept', { version }),
      act(b, appNo, 'notAccept', { version, reason: '其他', detail: '与另一位同事同时处理' }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    const loser = r1.status === 409 ? r1 : r2;
    expect(loser.body.error.message).toMatch(/刚刚被其他工作人员处理|不能/);
    const v = (await view(a, appNo)).body;
    expect(['accepted', 'not_accepted']).toContain(v.state);
    expect(v.timeline.filter((t: { action: string }) => ['受理', '不予受理'].includes(t.action))).toHaveLength(1);
  });

  it('stops the clock while the applicant supplements and restarts it when they answer', async () => {
    // Tue 2026-12-01 10:00 Shanghai
    const { token: resident, appNo } = await submit('2026-12-01T02:00:00Z', 'wu');
    const officer = await login('u-staff-police');
    let v = (await view(officer, appNo)).body;
    v = (await act(officer, appNo, 'accept', { version: v.version })).body;
    process.env.FAKE_NOW = '2026-12-02T02:00:00Z'; // Wed: supplement requested
    v = (await act(officer, appNo, 'requestSupplement', { version: v.version, items: [{ material: '申请人居民身份证', reason: '照片不清晰，请重新拍摄' }] }))
      .body;
    expect(v.state).toBe('supplement');
    expect(v.light).toBeNull();
    process.env.FAKE_NOW = '2026-12-08T02:00:00Z'; // next Tue: the applicant answers; 12-03, 04, 07, 08 did not count
    const file = await upload(resident);
    const answered = await call(applications, 'POST /v1/applications/{appNo}/supplement', {
      token: resident,
      params: { appNo },
      body: { answers: { 申请人居民身份证: [{ kind: 'upload', fileId: file.fileId }] } },
    });
    expect(answered.status).toBe(200);
    process.env.FAKE_NOW = '2026-12-09T02:00:00Z';
    const d = (await call(applications, 'GET /v1/applications/{appNo}', { token: resident, params: { appNo } })).body;
    // working days after 12-01 up to 12-09: 02,03,04,07,08,09 = 6, of which 4 were paused
    expect(d.usedDays).toBe(2);
    expect(d.state).toBe('accepted');
    delete process.env.FAKE_NOW;
  });

  it(
    'counts applications by state for the department',
    async () => {
      await countersSettled();
      const officer = await login('u-staff-police');
      const r = await call(handler, 'GET /v1/staff/counts', { token: officer });
      expect(r.status).toBe(200);
      expect(r.body.departmentId).toBe('police');
      expect(r.body.byState.submitted).toBeGreaterThan(0);
    },
    COUNTERS_TEST_TIMEOUT,
  );
});

describe('结果送达 (issue 16)', () => {
  it('refuses a way the item does not offer, with the ways it does', async () => {
    const { token, appNo } = await submit();
    const r = await call(applications, 'PUT /v1/applications/{appNo}/delivery', {
      token,
      params: { appNo },
      body: { method: 'post', postTo: { recipient: '张晓明', phone: '13800138000', address: '广州市越秀区北京街道西湖路 12 号' } },
    });
    expect([r.status, r.body.error.message]).toEqual([422, '本事项不提供“邮寄送达”，可选：电子证照（发到证照夹）、窗口领取']);
  });
});

describe('法定时限 (issue 16)', () => {
  it('starts at 受理, not at submission, runs across the 2026 国庆 holidays and stands still during 补正', async () => {
    const { token: resident, appNo } = await submit('2026-09-25T02:00:00.000Z'); // Fri
    const officer = await login('u-staff-police');
    const detail = async () => (await call(applications, 'GET /v1/applications/{appNo}', { token: resident, params: { appNo } })).body;
    expect((await detail()).statutory).toEqual({ started: false, deadline: null, remainingDays: null });

    process.env.FAKE_NOW = '2026-09-28T02:00:00.000Z'; // Mon: 受理
    const accepted = await act(officer, appNo, 'accept', { version: (await view(officer, appNo)).body.version });
    expect(accepted.status).toBe(200);
    // 3 working days from 09-28: 09-29, 09-30, then 10-01 … 10-07 are the holidays: 10-08
    expect((await detail()).statutory).toEqual({ started: true, deadline: '2026-10-08', remainingDays: 3 });

    process.env.FAKE_NOW = '2026-09-29T02:00:00.000Z'; // 补正 after one working day
    const asked = await act(officer, appNo, 'requestSupplement', {
      version: accepted.body.version,
      items: [{ material: '居民身份证', reason: '照片不清晰，请重新拍摄' }],
    });
    expect(asked.status).toBe(200);
    process.env.FAKE_NOW = '2026-10-12T02:00:00.000Z'; // answered on Mon 10-12
    const file = await upload(resident);
    const answered = await call(applications, 'POST /v1/applications/{appNo}/supplement', {
      token: resident,
      params: { appNo },
      body: { answers: { 居民身份证: [{ kind: 'upload', fileId: file.fileId }] } },
    });
    expect(answered.status).toBe(200);
    // the clock stood still from 09-29 to 10-12 (10-08, 10-09, 10-10 the make-up Saturday, 10-12): 2 days were left, and still are
    expect((await detail()).statutory).toMatchObject({ started: true, remainingDays: 2 });
    delete process.env.FAKE_NOW;
  });

  it("counts weekends only past the calendar's last known year, and says so, instead of failing", async () => {
    // 2031: no holiday data (the shipped calendar knows 2024–2027); 吴建华 is read by no other test file
    const { token: resident, appNo } = await submit('2031-06-02T02:00:00.000Z', 'wu'); // Mon
    const officer = await login('u-staff-police');
    const accepted = await act(officer, appNo, 'accept', { version: (await view(officer, appNo)).body.version });
    expect(accepted.status).toBe(200);
    const detail = (await call(applications, 'GET /v1/applications/{appNo}', { token: resident, params: { appNo } })).body;
    expect(detail.deadlineNote).toContain('暂按周末计算');
    // weekends only: the promised and statutory deadlines are plain working days after 06-02 (no 端午 known)
    const { addWorkingDays } = await import('@yx/shared');
    expect(detail.deadline).toBe(addWorkingDays('2031-06-02', detail.promisedDays));
    expect(detail.statutory).toEqual({ started: true, deadline: addWorkingDays('2031-06-02', detail.statutoryDays), remainingDays: detail.statutoryDays });
    expect(new Date(`${detail.statutory.deadline}T00:00:00Z`).getUTCDay()).not.toBe(0);
    delete process.env.FAKE_NOW;
  });
});
