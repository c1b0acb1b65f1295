import { call } from '../../test/http';
import { fill, getForm, login, startLocalFiles } from '../../test/apply';
import { residentWithId, type Person } from '../../test/people';
import { batchPut } from '../guide/repository';
import { seedUserItems } from '../identity/repository';
import { issueSession } from '../lib/session';
import { handler as messages } from '../messages/handler';
import { handler as staff } from '../backoffice/handler';
import { seedAll } from '../seed/seed';
import { handler } from './handler';
import * as repo from './repository';

/**
 * 一件事 bundles whose items wait on another's result (issue 16): 出生一件事's 户口登记 and 医保参保 wait for the 出生医学证明,
 * are released when it is approved, end when it is not.
 */
let stopFiles: () => Promise<void>;
const RUN = Date.now().toString(36);
const officers: Record<string, string> = {};

async function officer(departmentId: string, n = 1): Promise<string> {
  const id = `u-bundle-${departmentId}-${n}-${RUN}`;
  if (!officers[id]) {
    await batchPut(seedUserItems({ id, role: 'staff', nickname: `${departmentId} 窗口 ${n}`, departmentId, createdAt: '2026-01-01', updatedAt: '2026-01-01' }));
    officers[id] = (await issueSession({ userId: id, role: 'staff' })).token;
  }
  return officers[id];
}

beforeAll(async () => {
  await seedAll();
  stopFiles = await startLocalFiles();
});
afterAll(() => stopFiles());

let keySeq = 0;
const submitBundle = async (p: Person) => {
  const form = await getForm(p.token, 'bundle-birth');
  const { answers } = await fill(p.token, form);
  const r = await call((e) => handler({ ...e, headers: { ...e.headers, 'idempotency-key': `bundle-${RUN}-${++keySeq}` } }), 'POST /v1/applications', {
    token: p.token,
    body: { bundleId: 'birth', answers },
  });
  expect(r.status).toBe(201);
  const no = (name: string) => (r.body.linked as { appNo: string; itemName: string }[]).find((l) => l.itemName.includes(name))!.appNo;
  return { receipt: r.body, cert: no('出生医学证明'), hukou: no('入户'), insurance: no('参保') };
};

const act = (token: string, appNo: string, action: string, body: object) =>
  call(staff, 'POST /v1/staff/applications/{appNo}/{action}', { token, params: { appNo, action }, body });
const staffView = (token: string, appNo: string) => call(staff, 'GET /v1/staff/applications/{appNo}', { token, params: { appNo } });
const detail = (p: Person, appNo: string) => call(handler, 'GET /v1/applications/{appNo}', { token: p.token, params: { appNo } });

/** Takes the 出生医学证明 to review (受理, 开始审查): ready for 准予 or 不予许可. Returns its version. */
async function toReview(health: string, appNo: string): Promise<number> {
  let v = (await staffView(health, appNo)).body.version;
  for (const action of ['accept', 'startReview']) {
    const r = await act(health, appNo, action, { version: v });
    expect([action, r.status]).toEqual([action, 200]);
    v = r.body.version;
  }
  return v;
}

const queueOf = async (token: string) =>
  (await call(staff, 'GET /v1/staff/applications', { token, query: { limit: '50' } })).body.items.map((i: { appNo: string }) => i.appNo) as string[];

describe('出生一件事: items that wait for another result', () => {
  it("creates 户口登记 and 医保参保 waiting, outside their departments' queues, and they cannot be accepted", async () => {
    const p = await residentWithId('林晓月');
    const { receipt, cert, hukou, insurance } = await submitBundle(p);
    expect(receipt.nextSteps.join()).toContain('前一事项办结后自动转交部门办理');
    const h = (await detail(p, hukou)).body;
    expect([h.state, h.stateName, h.light, h.remainingDays]).toEqual(['waiting', '等待前置事项办结', null, null]);
    expect(h.timeline[0]).toMatchObject({ action: '提交申请', state: 'waiting' });
    expect(h.bundle).toMatchObject({ bundleId: 'birth', name: '出生一件事', state: 'in_progress', summary: '办理中 1/3 · 等待 2/3' });
    expect(h.bundle.items.map((i: { appNo: string; after: string[] }) => [i.appNo, i.after.length])).toEqual([
      [cert, 0],
      [hukou, 1],
      [insurance, 1],
    ]);
    expect((await detail(p, cert)).body.state).toBe('submitted');
    expect((await detail(p, insurance)).body.state).toBe('waiting');

    const police = await login('u-staff-police');
    expect(await queueOf(police)).not.toContain(hukou);
    const v = (await staffView(police, hukou)).body;
    expect(v.actions).toEqual([]);
    const accept = await act(police, hukou, 'accept', { version: v.version });
    expect(accept.status).toBe(409);
    expect(accept.body.error.message).toContain('前置事项办结后才能办理');
    expect((await repo.getApplication(hukou))!.state).toBe('waiting');
  });

  it('releases them when the 出生医学证明 is approved: submitted, the clock from that day, the department and the applicant told', async () => {
    const p = await residentWithId('陈思远');
    const { cert, hukou, insurance } = await submitBundle(p);
    const health = await officer('health');
    const v = await toReview(health, cert);
    const approved = await act(health, cert, 'approve', { version: v });
    expect(approved.status).toBe(200);

    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    for (const appNo of [hukou, insurance]) {
      const a = (await repo.getApplication(appNo))!;
      expect([a.state, a.startDate, a.version]).toEqual(['submitted', today, 2]);
    }
    const h = (await detail(p, hukou)).body;
    expect(h.state).toBe('submitted');
    expect(h.light).not.toBeNull();
    expect(h.timeline.at(-1)).toMatchObject({ action: '前置事项已办结，转部门办理', state: 'submitted' });
    expect(h.bundle.summary).toBe('办理中 2/3 · 已办结 1/3');
    expect(h.bundle.results[0]).toMatchObject({ appNo: cert, ready: true, note: '已办结，等待送达' });
    expect(h.bundle.results[1]).toMatchObject({ appNo: hukou, ready: false });

    // in the police queue now, and every police officer was told
    const police = await login('u-staff-police');
    expect(await queueOf(police)).toContain(hukou);
    const inbox = await call(messages, 'GET /v1/messages', { token: await login('u-staff-police-2'), query: { limit: '50' } });
    expect(inbox.body.items.find((m: { appNo?: string }) => m.appNo === hukou)).toMatchObject({ title: expect.stringContaining('待受理') });
    const mine = await call(messages, 'GET /v1/messages', { token: p.token, query: { limit: '50' } });
    expect(mine.body.items.find((m: { appNo?: string; body: string }) => m.appNo === cert && m.body.includes('已转交部门办理'))).toBeDefined();

    // the police can accept it now; delivering the certificate releases nothing twice
    expect((await act(police, hukou, 'accept', { version: 2 })).status).toBe(200);
    const delivered = await act(health, cert, 'deliver', { version: approved.body.version, method: 'electronic' });
    expect(delivered.status).toBe(200);
    expect((await repo.getApplication(insurance))!.version).toBe(2);
    expect((await repo.getApplication(hukou))!.state).toBe('accepted');
  });

  it('releases once when two officers approve at the same moment', async () => {
    const p = await residentWithId('黄一鸣');
    const { cert, hukou, insurance } = await submitBundle(p);
    const [one, two] = [await officer('health', 1), await officer('health', 2)];
    const v = await toReview(one, cert);
    const results = await Promise.all([act(one, cert, 'approve', { version: v }), act(two, cert, 'approve', { version: v })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    for (const appNo of [hukou, insurance]) {
      const { app, events } = await repo.getApplicationWithEvents(appNo);
      expect([app!.state, app!.version]).toEqual(['submitted', 2]);
      expect(events.filter((e) => e.action === '前置事项已办结，转部门办理')).toHaveLength(1);
    }
  });

  it('ends them when the 出生医学证明 is denied, with the reason on their page', async () => {
    const p = await residentWithId('周子涵');
    const { cert, hukou, insurance } = await submitBundle(p);
    const health = await officer('health');
    const v = await toReview(health, cert);
    expect((await act(health, cert, 'deny', { version: v, reason: '分娩记录与申报信息不符' })).status).toBe(200);
    for (const appNo of [hukou, insurance]) expect((await repo.getApplication(appNo))!.state).toBe('terminated');
    const h = (await detail(p, hukou)).body;
    expect([h.state, h.stateName, h.light]).toEqual(['terminated', '已终止（前置事项未办成）', null]);
    expect(h.timeline.at(-1)).toMatchObject({ action: '终止办理', state: 'terminated' });
    expect(h.timeline.at(-1).note).toContain('出生医学证明首次签发');
    expect(h.bundle).toMatchObject({ state: 'ended', summary: '未办成 3/3' });
    const mine = await call(messages, 'GET /v1/messages', { token: p.token, query: { limit: '50' } });
    expect(mine.body.items.find((m: { appNo?: string }) => m.appNo === cert).body).toContain('已终止办理');
  });

  it('ends them when the applicant withdraws the 出生医学证明, and lets a waiting one be withdrawn alone', async () => {
    const p = await residentWithId('吴佳怡');
    const first = await submitBundle(p);
    const w = await call(handler, 'POST /v1/applications/{appNo}/withdraw', { token: p.token, params: { appNo: first.insurance } });
    expect([w.status, w.body.state]).toEqual([200, 'withdrawn']);
    expect((await repo.getApplication(first.hukou))!.state).toBe('waiting');
    const c = await call(handler, 'POST /v1/applications/{appNo}/withdraw', { token: p.token, params: { appNo: first.cert } });
    expect(c.status).toBe(200);
    expect((await repo.getApplication(first.hukou))!.state).toBe('terminated');
    expect((await repo.getApplication(first.insurance))!.state).toBe('withdrawn');
    const b = (await detail(p, first.cert)).body.bundle;
    expect(b.items.map((i: { state: string }) => i.state)).toEqual(['withdrawn', 'terminated', 'withdrawn']);
  });
});
