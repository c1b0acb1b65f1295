/**
 * Staff accounts (issue 12) against DynamoDB Local: the admin invites a window officer with a one-time code, the officer
 * signs in with it and works the queue, the admin moves and disables them — each change ends the old session at once.
 */
import { call } from '../../test/http';
import { handler as backoffice } from '../backoffice/handler';
import { batchPut } from '../guide/repository';
import { issueSession } from '../lib/session';
import { seedAll } from '../seed/seed';
import { devHandler, handler } from './handler';
import { getUser, seedUserItems, teamMembers } from './repository';
import { sessionFor } from './service';

let admin: string;
beforeAll(async () => {
  await seedAll();
  admin = (await call(devHandler, 'POST /v1/dev/login', { body: { userId: 'u-admin' } })).body.token;
});
afterEach(() => {
  delete process.env.FAKE_NOW;
});

const RUN = Date.now().toString(36);
let n = 0;
/** Someone who just signed in with WeChat: a resident account. */
async function newcomer(extra: Record<string, unknown> = {}) {
  const id = `u-staff-${RUN}-${++n}`;
  await batchPut(seedUserItems({ id, role: 'resident', nickname: `微信用户${n}`, createdAt: '2026-01-01', updatedAt: '2026-01-01', ...extra }));
  return { id, token: (await issueSession({ userId: id, role: (extra.role as 'resident') ?? 'resident' })).token };
}
const invite = (posting: Record<string, unknown>, displayName = '户政窗口 新警官', token = admin) =>
  call(handler, 'POST /v1/admin/invitations', { token, body: { displayName, posting } });
const use = (token: string, code: string) => call(handler, 'POST /v1/me/invitation', { token, body: { code } });
const change = (userId: string, body: Record<string, unknown>) => call(handler, 'PUT /v1/admin/staff/{userId}', { token: admin, params: { userId }, body });
const queue = (token: string) => call(backoffice, 'GET /v1/staff/applications', { token, query: { limit: '5' } });

describe('staff accounts (工作人员)', () => {
  it('invites a window officer who signs in with the code and works the queue; the code works once', async () => {
    const made = await invite({ role: 'staff', departmentId: 'police' });
    expect(made.status).toBe(201);
    expect(made.body.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(made.body.invitation).toMatchObject({ role: 'staff', postingName: '越秀公安分局', status: 'pending' });
    const p = await newcomer();
    expect((await queue(p.token)).status).toBe(403); // a resident before the code
    const used = await use(p.token, made.body.code.toLowerCase().replace('-', ' ')); // typed loosely
    expect(used.status).toBe(200);
    expect(used.body.user).toMatchObject({ role: 'staff', nickname: '户政窗口 新警官', departmentId: 'police' });
    expect((await queue(used.body.token)).status).toBe(200);
    expect(await teamMembers('dept:police')).toContain(p.id); // told of new work orders
    const again = await use((await newcomer()).token, made.body.code);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('已被使用');
    const list = await call(handler, 'GET /v1/admin/invitations', { token: admin });
    expect(list.body.items.find((i: { id: string }) => i.id === made.body.invitation.id)).toMatchObject({ status: 'used', usedBy: p.id });
  });

  it('moves and disables an officer: each ends the old session at once, and disabling removes them from the team', async () => {
    const made = await invite({ role: 'staff', departmentId: 'police' }, '户政窗口 调岗警官');
    const p = await newcomer();
    const first = (await use(p.token, made.body.code)).body.token as string;
    const moved = await change(p.id, { posting: { role: 'staff', departmentId: 'market' } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ departmentId: 'market', postingName: '区市场监管局', disabled: false });
    const stale = await queue(first);
    expect(stale.status).toBe(401);
    expect(stale.body.error.message).toBe('账号权限已变更，请重新登录');
    expect(await teamMembers('dept:police')).not.toContain(p.id);
    expect(await teamMembers('dept:market')).toContain(p.id);
    const second = (await sessionFor((await getUser(p.id))!)).token;
    expect((await queue(second)).status).toBe(200);

    expect((await change(p.id, { disabled: true })).body.disabled).toBe(true);
    const off = await queue(second);
    expect(off.status).toBe(401);
    expect(off.body.error.message).toContain('账号已停用');
    expect(await teamMembers('dept:market')).not.toContain(p.id);
    await expect(sessionFor((await getUser(p.id))!)).rejects.toMatchObject({ status: 403 }); // cannot sign in again
    expect((await change(p.id, { disabled: false })).body.disabled).toBe(false);
    expect((await queue((await sessionFor((await getUser(p.id))!)).token)).status).toBe(200);
    const roster = await call(handler, 'GET /v1/admin/staff', { token: admin, query: { limit: '50' } });
    expect(roster.status).toBe(200);
    expect(roster.body.items.length).toBeGreaterThan(0);
  });

  it('refuses a wrong, malformed or expired code, an enterprise account, and a non-admin inviting', async () => {
    const p = await newcomer();
    expect((await use(p.token, 'ABCD-EFGH')).status).toBe(404);
    const bad = await use(p.token, '12');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('邀请码');
    const made = await invite({ role: 'grid', street: 'beijing', community: '府前社区' }, '网格员 新人');
    process.env.FAKE_NOW = new Date(Date.now() + 8 * 86_400_000).toISOString();
    const late = await use(p.token, made.body.code);
    expect(late.status).toBe(422);
    expect(late.body.error.message).toContain('已过期');
    delete process.env.FAKE_NOW;
    const firm = await newcomer({ role: 'enterprise', enterpriseCode: '91440104MA5D3L7H2Q' });
    expect((await use(firm.token, made.body.code)).status).toBe(409);
    const staffToken = (await call(devHandler, 'POST /v1/dev/login', { body: { userId: 'u-staff-police' } })).body.token;
    expect((await invite({ role: 'admin' }, '越权', staffToken)).status).toBe(403);
    expect((await invite({ role: 'staff', departmentId: 'no-such-dept' })).status).toBe(422);
    expect((await invite({ role: 'dispatcher', street: 'atlantis' })).status).toBe(400);
  });

  it('slows down guessing: after 8 wrong codes in an hour, even a right one waits', async () => {
    // the middle of this hour's window: a run that crossed the hour would count the guesses in two windows
    process.env.FAKE_NOW = new Date(Math.floor(Date.now() / 3600_000) * 3600_000 + 30 * 60_000).toISOString();
    const p = await newcomer();
    for (let i = 0; i < 8; i++) expect((await use(p.token, `ABCD-EF${'GHJKMNPQ'[i]}${'RSTUVWXY'[i]}`)).status).toBe(404);
    const made = await invite({ role: 'staff', departmentId: 'police' }, '户政窗口 猜码');
    const blocked = await use(p.token, made.body.code);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.message).toContain('错误次数过多');
  });

  it('keeps the admin from disabling themselves and answers 404 for someone who is not staff', async () => {
    expect((await change('u-admin', { disabled: true })).status).toBe(422);
    expect((await change('u-resident-zhang', { disabled: true })).status).toBe(404);
    expect((await change('u-nobody-at-all', { disabled: true })).status).toBe(404);
    expect((await change('u-staff-police', {})).status).toBe(400);
  });
});

describe('组织架构 (departments and grids)', () => {
  const dept = { name: '广州市越秀区测试事务局', shortName: '区测试局', phone: '020-83000000', address: '越秀区测试路 1 号' };

  it('adds and renames a department, which staff can then be invited to; refuses a duplicate and an unknown one', async () => {
    const id = `test-${RUN}`;
    const made = await call(handler, 'POST /v1/admin/org/departments', { token: admin, body: { id, ...dept } });
    expect(made.status).toBe(201);
    expect(made.body.departments.map((d: { id: string }) => d.id)).toContain(id);
    expect((await call(handler, 'POST /v1/admin/org/departments', { token: admin, body: { id, ...dept } })).status).toBe(409);
    const renamed = await call(handler, 'PUT /v1/admin/org/departments/{id}', { token: admin, params: { id }, body: { ...dept, shortName: '区试验局' } });
    expect(renamed.body.departments.find((d: { id: string }) => d.id === id).shortName).toBe('区试验局');
    expect((await call(handler, 'PUT /v1/admin/org/departments/{id}', { token: admin, params: { id: 'no-such-dept' }, body: dept })).status).toBe(404);
    const invited = await invite({ role: 'staff', departmentId: id }, '试验窗口 小王');
    expect(invited.body.invitation.postingName).toBe('区试验局');
    const bad = await call(handler, 'POST /v1/admin/org/departments', { token: admin, body: { id: 'x-y', ...dept, phone: 'call me' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('咨询电话');
  });

  it('keeps each street’s grids; a grid official is invited only to a community on the list', async () => {
    const org = await call(handler, 'GET /v1/admin/org', { token: admin });
    expect(org.body.streets.find((s: { id: string }) => s.id === 'beijing').grids).toContain('府前社区');
    expect((await invite({ role: 'grid', street: 'huale', community: '华乐社区' }, '网格员 小李')).status).toBe(422); // no grids yet
    const saved = await call(handler, 'PUT /v1/admin/org/streets/{street}/grids', {
      token: admin,
      params: { street: 'huale' },
      body: { grids: ['华乐社区', '文德社区'] },
    });
    expect(saved.body.streets.find((s: { id: string }) => s.id === 'huale').grids).toEqual(['华乐社区', '文德社区']);
    expect((await invite({ role: 'grid', street: 'huale', community: '华乐社区' }, '网格员 小李')).status).toBe(201);
    const elsewhere = await invite({ role: 'grid', street: 'huale', community: '不存在社区' }, '网格员 小李');
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.error.message).toContain('没有这个社区');
    expect(
      (await call(handler, 'PUT /v1/admin/org/streets/{street}/grids', { token: admin, params: { street: 'atlantis' }, body: { grids: [] } })).status,
    ).toBe(404);
    expect(
      (
        await call(handler, 'PUT /v1/admin/org/streets/{street}/grids', {
          token: admin,
          params: { street: 'huale' },
          body: { grids: ['华乐社区', '华乐社区'] },
        })
      ).status,
    ).toBe(400);
  });
});
