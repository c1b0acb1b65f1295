/**
 * Proven identities (issue 12) against DynamoDB Local and the WeChat stand-in the local stack runs
 * (scripts/lib/fakeWechat.ts): face verification (L2) with every refusal, an asserted ID taken back by its proven owner,
 * and the phone number from WeChat's button.
 */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeWechat } from '../../../scripts/lib/fakeWechat';
import { call } from '../../test/http';
import { freshResidentId as freshId } from '../../test/ids';
import { fill, getForm, startLocalFiles } from '../../test/apply';
import { handler as applications } from '../applications/handler';
import { NEEDS_FACE } from '../applications/service';
import { batchPut } from '../guide/repository';
import { issueSession } from '../lib/session';
import { listMessages } from '../messages/repository';
import { seedAll } from '../seed/seed';
import { devHandler, handler } from './handler';
import { getUser, seedUserItems } from './repository';
import { PROVEN_ELSEWHERE } from './service';

let wechat: http.Server;
let stopFiles: () => Promise<void>;
beforeAll(async () => {
  await seedAll();
  stopFiles = await startLocalFiles();
  wechat = await startFakeWechat(0, { appid: 'wx-test-app' });
  process.env.WECHAT_API_BASE = `http://127.0.0.1:${(wechat.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await stopFiles();
  await new Promise((r) => wechat.close(r));
});
afterEach(() => {
  delete process.env.FAKE_NOW;
});

const RUN = Date.now().toString(36);
let n = 0;

/** A new account (with an openid, as a WeChat login makes) and its session. */
async function account(extra: Record<string, unknown> = {}): Promise<{ id: string; token: string }> {
  const id = `u-face-${RUN}-${++n}`;
  await batchPut(
    seedUserItems({ id, role: 'resident', nickname: `核验${n}`, openid: `openid-${id}`, createdAt: '2026-01-01', updatedAt: '2026-01-01', ...extra }),
  );
  const u = await getUser(id);
  return { id, token: (await issueSession({ userId: id, role: u!.role, sv: u!.sessionVersion ?? 0 })).token };
}

const start = (token: string, name: string, idNumber: string) => call(handler, 'POST /v1/me/identity/face/start', { token, body: { name, idNumber } });
const scan = (token: string, verifyId: string, outcome: 'pass' | 'cancel' = 'pass') =>
  call(devHandler, 'POST /v1/dev/face/{verifyId}', { token, params: { verifyId }, body: { outcome } });
const finish = (token: string, verifyId: string, name: string, idNumber: string) =>
  call(handler, 'POST /v1/me/identity/face/finish', { token, body: { verifyId, name, idNumber } });

/** The whole proof: start, the face scan on the phone (played by the stand-in), finish. */
async function prove(token: string, name: string, idNumber: string, outcome: 'pass' | 'cancel' = 'pass') {
  const s = await start(token, name, idNumber);
  expect(s.status).toBe(200);
  await scan(token, s.body.verifyId, outcome);
  return { verifyId: s.body.verifyId as string, result: await finish(token, s.body.verifyId, name, idNumber) };
}

describe('face verification (人脸核验, L2)', () => {
  it('proves the name and ID typed when WeChat says the face matched', async () => {
    const a = await account();
    const id = freshId();
    expect((await call(handler, 'GET /v1/me', { token: a.token })).body.level).toBe(1);
    const { result } = await prove(a.token, '陈核验', id);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ level: 2, verified: true, realName: '陈*验' });
    const me = await call(handler, 'GET /v1/me', { token: a.token, query: { reveal: 'true' } });
    expect(me.body).toMatchObject({ level: 2, idNumber: id, realName: '陈核验' });
  });

  it('refuses a failed face check, a cancelled one and a scan never made, and changes nothing', async () => {
    const a = await account();
    const id = freshId();
    const failed = await prove(a.token, '王测试失败', id);
    expect(failed.result.status).toBe(422);
    expect(failed.result.body.error.message).toContain('不一致');
    const cancelled = await prove(a.token, '王核验', id, 'cancel');
    expect(cancelled.result.status).toBe(422);
    expect(cancelled.result.body.error.message).toContain('取消');
    const s = await start(a.token, '王核验', id);
    const never = await finish(a.token, s.body.verifyId, '王核验', id);
    expect(never.status).toBe(422);
    const me = await getUser(a.id);
    expect(me?.idNumber).toBeUndefined();
    expect(me?.idLevel).toBeUndefined();
    // an ID nobody proved stays free for its owner
    const other = await account();
    expect((await prove(other.token, '王核验', id)).result.status).toBe(200);
  });

  it('refuses a finish for another name or ID than was verified, another person’s verifyId, a replay and an expired session', async () => {
    const a = await account();
    const id = freshId();
    const s = await start(a.token, '李核验', id);
    await scan(a.token, s.body.verifyId);
    const otherId = await finish(a.token, s.body.verifyId, '李核验', freshId());
    expect(otherId.status).toBe(400);
    expect(otherId.body.error.message).toContain('不一致');
    const otherName = await finish(a.token, s.body.verifyId, '李核', id);
    expect(otherName.status).toBe(400);
    const stranger = await account();
    const foreign = await finish(stranger.token, s.body.verifyId, '李核验', id);
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.message).toContain('不存在');
    expect((await finish(a.token, s.body.verifyId, '李核验', id)).status).toBe(200);
    const replay = await finish(a.token, s.body.verifyId, '李核验', id);
    expect([400, 409]).toContain(replay.status);

    const b = await account();
    const idB = freshId();
    const late = await start(b.token, '赵核验', idB);
    await scan(b.token, late.body.verifyId);
    process.env.FAKE_NOW = new Date(Date.now() + 2 * 3600_000).toISOString(); // WeChat's session lasts an hour
    const expired = await finish(b.token, late.body.verifyId, '赵核验', idB);
    expect(expired.status).toBe(400);
    expect(expired.body.error.message).toContain('超时');
    expect((await getUser(b.id))?.idLevel).toBeUndefined();
  });

  it('takes back an ID another account only typed: that account loses it, its firm binding and its session, and is told', async () => {
    const owner = await account();
    const id = freshId();
    const squatter = await account({ role: 'enterprise', enterpriseCode: '91440104MA5D3L7H2Q' });
    const typed = await call(handler, 'PUT /v1/me/real-name', { token: squatter.token, body: { name: '周本人', idNumber: id } });
    expect(typed.status).toBe(200);
    expect(typed.body.level).toBe(1);
    // the owner cannot even type it today…
    expect((await call(handler, 'PUT /v1/me/real-name', { token: owner.token, body: { name: '周本人', idNumber: id } })).status).toBe(409);
    // …but proving it by face takes it back
    const { result } = await prove(owner.token, '周本人', id);
    expect(result.status).toBe(200);
    expect(result.body.level).toBe(2);
    const after = await getUser(squatter.id);
    expect(after).toMatchObject({ role: 'resident' });
    expect(after?.idNumber).toBeUndefined();
    expect(after?.enterpriseCode).toBeUndefined();
    const ended = await call(handler, 'GET /v1/me', { token: squatter.token });
    expect(ended.status).toBe(401);
    expect(ended.body.error.message).toBe('账号权限已变更，请重新登录');
    const inbox = await listMessages(squatter.id, 10);
    expect(inbox.items.map((m) => m.title)).toContain('您的实名认证已失效');
  });

  it('keeps a proven ID: a second proof or a typed claim elsewhere is refused with the way to the hall', async () => {
    const owner = await account();
    const id = freshId();
    expect((await prove(owner.token, '吴本人', id)).result.status).toBe(200);
    const rival = await account();
    const again = await start(rival.token, '吴本人', id);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(PROVEN_ELSEWHERE);
    expect((await call(handler, 'PUT /v1/me/real-name', { token: rival.token, body: { name: '吴本人', idNumber: id } })).status).toBe(409);
    // the owner typing the same again does not lower the proof
    expect((await call(handler, 'PUT /v1/me/real-name', { token: owner.token, body: { name: '吴本人', idNumber: id } })).body.level).toBe(2);
    expect((await start(owner.token, '吴本人', id)).status).toBe(409);
  });

  it('lets one of two finishes of the same verification at once through', async () => {
    const a = await account();
    const id = freshId();
    const s = await start(a.token, '郑核验', id);
    await scan(a.token, s.body.verifyId);
    const both = await Promise.all([finish(a.token, s.body.verifyId, '郑核验', id), finish(a.token, s.body.verifyId, '郑核验', id)]);
    expect(both.filter((r) => r.status === 200)).toHaveLength(1);
    expect([400, 409]).toContain(both.find((r) => r.status !== 200)?.status);
  });

  it('checks the input before calling WeChat', async () => {
    const a = await account();
    expect((await start(a.token, 'Chen', freshId())).status).toBe(400);
    expect((await start(a.token, '陈核验', '440104199003070018')).status).toBe(400);
    expect((await call(handler, 'POST /v1/me/identity/face/finish', { token: a.token, body: { verifyId: '' } })).status).toBe(400);
  });
});

describe('phone number (微信手机号)', () => {
  it('binds the number WeChat gives for the button’s code, masked in answers', async () => {
    const a = await account();
    const r = await call(handler, 'POST /v1/me/phone', { token: a.token, body: { code: `phone-13912345678-${RUN}` } });
    expect(r.status).toBe(200);
    expect(r.body.phone).toBe('139****5678');
    expect((await call(handler, 'GET /v1/me', { token: a.token, query: { reveal: 'true' } })).body.phone).toBe('13912345678');
  });

  it('refuses a used or unknown code and a code of another mini-program, and keeps the number on record', async () => {
    const a = await account({ phone: '13800001111' });
    const code = `phone-13912340000-${RUN}-x`;
    expect((await call(handler, 'POST /v1/me/phone', { token: a.token, body: { code } })).status).toBe(200);
    const used = await call(handler, 'POST /v1/me/phone', { token: a.token, body: { code } });
    expect(used.status).toBe(400);
    expect(used.body.error.message).toContain('已失效');
    const foreign = await call(handler, 'POST /v1/me/phone', { token: a.token, body: { code: `phone-13700000000-otherapp-${RUN}` } });
    expect(foreign.status).toBe(400);
    expect((await getUser(a.id))?.phone).toBe('13912340000');
    expect((await call(handler, 'POST /v1/me/phone', { token: a.token, body: {} })).status).toBe(400);
  });
});

describe('what the level and the phone change when applying', () => {
  const submit = (token: string, itemId: string, answers: Record<string, unknown>) =>
    call((e) => applications({ ...e, headers: { ...e.headers, 'idempotency-key': `face-${RUN}-${++n}` } }), 'POST /v1/applications', {
      token,
      body: { itemId, answers },
    });

  it('refuses an L2 item to a typed name and lets it apply for an L1 item', async () => {
    const a = await account();
    await call(handler, 'PUT /v1/me/real-name', { token: a.token, body: { name: '钱填写', idNumber: freshId() } });
    const form = await getForm(a.token, 'item-no-criminal-record');
    expect(form).toMatchObject({ assurance: { needed: 2, level: 1 } });
    const refused = await submit(a.token, 'no-criminal-record', (await fill(a.token, form)).answers);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toBe(NEEDS_FACE);
    const l1 = await getForm(a.token, 'item-information-disclosure');
    expect(l1).toMatchObject({ assurance: { needed: 1, level: 1 } });
    expect((await submit(a.token, 'information-disclosure', (await fill(a.token, l1)).answers)).status).toBe(201);
  });

  it('copies the phone WeChat gave to the application, whose last 4 digits then find it without login', async () => {
    const a = await account();
    expect((await prove(a.token, '冯申请', freshId())).result.status).toBe(200);
    await call(handler, 'POST /v1/me/phone', { token: a.token, body: { code: `phone-13912347777-${RUN}` } });
    const form = await getForm(a.token, 'item-information-disclosure');
    expect(Object.values(form.prefill)).toContain('13912347777');
    const r = await submit(a.token, 'information-disclosure', (await fill(a.token, form)).answers);
    expect(r.status).toBe(201);
    const lookup = (code: string) => call(applications, 'POST /v1/lookup', { body: { appNo: r.body.appNo, code } });
    expect((await lookup('7777')).status).toBe(200);
    expect((await lookup('8000')).status).toBe(404); // not another number's digits
  });
});
