import { call } from '../../test/http';
import { login, startLocalFiles, upload } from '../../test/apply';
import { batchPut } from '../guide/repository';
import { seedUserItems } from '../identity/repository';
import { issueSession } from '../lib/session';
import { seedAll } from '../seed/seed';
import { handler } from './handler';
import { getCard, ledger } from '../member/repository';
import { parseStoreCost } from '../lib/meter';
import { listMessages } from '../messages/repository';
import { followTokenFor } from './service';

beforeAll(() => seedAll());

let seq = 0;
const withKey = (key: string) => (e: Parameters<typeof handler>[0]) => handler({ ...e, headers: { ...e.headers, 'idempotency-key': key } });
const file = (token: string, body: object, key = `wo-${Date.now()}-${++seq}`) => call(withKey(key), 'POST /v1/workorders', { token, body });
const act = (token: string, no: string, action: string, body: object = {}) =>
  call(handler, 'POST /v1/workorders/{no}/{action}', { token, params: { no, action }, body });
const view = (token: string, no: string) => call(handler, 'GET /v1/workorders/{no}', { token, params: { no } });
/** What an answer asked of the store (the local stage's x-store-cost header): e.g. 'GetItem,Query,TransactWriteItems'. */
const storeOps = (r: { headers: Record<string, string> }) =>
  [...parseStoreCost(r.headers['x-store-cost'])!.ops].map(([op, n]) => (n > 1 ? `${op}*${n}` : op)).join();

// 北京路步行街 and two points 60 m and 300 m east of it
const HERE = { lat: 23.12505, lng: 113.26915, address: '越秀区北京路步行街 北京路与西湖路交界' };
const east = (m: number) => ({ lat: HERE.lat, lng: HERE.lng + m / (111_320 * Math.cos((HERE.lat * Math.PI) / 180)) });

describe('诉求: filing, nearby and me too', () => {
  it('files an appeal, routes it to the department at once, and answers a retried submit with the same order', async () => {
    const token = await login('u-resident-zhang');
    const body = { categoryId: 'cityscape-street-vending', description: '北京路口晚上有流动摊贩占道经营，影响通行', place: HERE };
    const r = await file(token, body, 'wo-retry-1');
    expect(r.status).toBe(201);
    expect(r.body.no).toMatch(/^SQ\d{16}$/);
    expect(r.body).toMatchObject({ state: 'dispatched', teamName: '广州市越秀区城市管理和综合执法局'.slice(0, 0) || expect.any(String) });
    expect(r.body.timeline.map((t: { action: string }) => t.action)).toEqual(['提交诉求', '按分类派单']);
    const again = await file(token, body, 'wo-retry-1');
    expect([again.status, again.body.no]).toEqual([200, r.body.no]);
    expect((await file(token, { ...body, place: undefined })).status).toBe(400); // this category needs a place
    const far = await file(token, { ...body, place: { lat: 39.9, lng: 116.4, address: '北京市东城区' } });
    expect(far.status).toBe(400);
    expect(far.body.error.message).toContain('不在越秀区');
  });

  it('shows open orders of the same category within 100 m; "me too" raises the count once per person', async () => {
    const zhang = await login('u-resident-zhang');
    const original = (await file(zhang, { categoryId: 'cityscape-garbage', description: '垃圾堆放两天没人清运，气味很大', place: HERE })).body;
    const zhou = await login('u-resident-zhou');
    const near = await call(handler, 'GET /v1/workorders/nearby', {
      token: zhou,
      query: { categoryId: 'cityscape-garbage', lat: String(east(60).lat), lng: String(east(60).lng) },
    });
    const found = near.body.items.find((i: { no: string }) => i.no === original.no);
    expect(found).toBeDefined();
    expect(found.distance).toBeGreaterThan(40);
    expect(JSON.stringify(near.body)).not.toContain('张');
    const far = await call(handler, 'GET /v1/workorders/nearby', {
      token: zhou,
      query: { categoryId: 'cityscape-garbage', lat: String(east(300).lat), lng: String(east(300).lng) },
    });
    expect(far.body.items.map((i: { no: string }) => i.no)).not.toContain(original.no);
    const other = await call(handler, 'GET /v1/workorders/nearby', {
      token: zhou,
      query: { categoryId: 'cityscape-streetlight', lat: String(HERE.lat), lng: String(HERE.lng) },
    });
    expect(other.body.items.map((i: { no: string }) => i.no)).not.toContain(original.no);
    // near a pole the lookup once visited 262,144 cells and timed out: places outside the district are a 400 (issue 13)
    for (const lat of ['-90', '89.9999']) {
      const pole = await call(handler, 'GET /v1/workorders/nearby', { token: zhou, query: { categoryId: 'cityscape-garbage', lat, lng: '113.27' } });
      expect(pole.status).toBe(400);
      expect(pole.body.error.message).toContain('不在越秀区');
    }
    // following by a guessed number, without the token nearby gave for this person, is as if it did not exist (issue 13)
    const guessed = await call(handler, 'POST /v1/workorders/{no}/me-too', { token: zhou, params: { no: original.no }, body: { followToken: 'a'.repeat(32) } });
    expect(guessed.status).toBe(404);
    const someoneElses = await call(handler, 'POST /v1/workorders/{no}/me-too', {
      token: zhou,
      params: { no: original.no },
      body: { followToken: followTokenFor(original.no, 'u-resident-li') },
    });
    expect(someoneElses.status).toBe(404);
    const me = await call(handler, 'POST /v1/workorders/{no}/me-too', { token: zhou, params: { no: original.no }, body: { followToken: found.followToken } });
    expect(me.status).toBe(200);
    expect(me.body.affected).toBe(2);
    expect(
      (
        await call(handler, 'POST /v1/workorders/{no}/me-too', {
          token: zhou,
          params: { no: original.no },
          body: { followToken: followTokenFor(original.no, 'u-resident-zhou') },
        })
      ).status,
    ).toBe(409);
  });

  it("keeps someone else's appeal private (404) and an anonymous filer hidden from the public but reachable by staff", async () => {
    const zhang = await login('u-resident-zhang');
    const anon = (await file(zhang, { categoryId: 'noise-commercial', description: '楼下酒吧每晚营业到凌晨，噪音很大', place: HERE, anonymous: true })).body;
    const li = await login('u-resident-li');
    expect((await view(li, anon.no)).status).toBe(404);
    const near = await call(handler, 'GET /v1/workorders/nearby', {
      token: li,
      query: { categoryId: 'noise-commercial', lat: String(HERE.lat), lng: String(HERE.lng) },
    });
    expect(JSON.stringify(near.body)).not.toMatch(/张|138/);
    const mine = await view(zhang, anon.no);
    expect(mine.body.filer).toBe('张*明');
    expect((await view(await login('u-staff-market'), anon.no)).status).toBe(404); // not the handling department
    // the handling department (城管) sees the filer masked, with a masked phone to call back
    const urban = await issueSession({ userId: 'u-test-urban', role: 'staff' });
    await batchPut(
      seedUserItems({ id: 'u-test-urban', role: 'staff', nickname: '城管 测试', departmentId: 'urban', createdAt: '2026-01-01', updatedAt: '2026-01-01' }),
    );
    const staff = await view(urban.token, anon.no);
    expect(staff.status).toBe(200);
    expect(staff.body).toMatchObject({ anonymousToPublic: true, filer: '张*明', contactPhone: '138****8000' });
    expect(staff.body.timeline[0].actor).toBe('匿名居民');
  });
});

describe('free text with personal numbers (issue 13)', () => {
  it('shows a phone and ID number typed into a description whole only to the filer and the officer handling it', async () => {
    const zhang = await login('u-resident-zhang');
    const typed = '占道经营影响通行，请联系我 13800138000，身份证 440104199003070017';
    const r = await file(zhang, { categoryId: 'cityscape-street-vending', description: typed, place: { ...east(20), address: HERE.address } });
    expect(r.status).toBe(201);
    expect(r.body.description).toBe(typed); // the filer's own
    const masked = '占道经营影响通行，请联系我 138****8000，身份证 440***********0017';
    const zhou = await login('u-resident-zhou');
    const near = await call(handler, 'GET /v1/workorders/nearby', {
      token: zhou,
      query: { categoryId: 'cityscape-street-vending', lat: String(HERE.lat), lng: String(HERE.lng) },
    });
    const row = near.body.items.find((i: { no: string }) => i.no === r.body.no);
    expect(row.description).toBe(masked.slice(0, 80));
    await call(handler, 'POST /v1/workorders/{no}/me-too', {
      token: zhou,
      params: { no: r.body.no },
      body: { followToken: followTokenFor(r.body.no, 'u-resident-zhou') },
    });
    expect((await view(zhou, r.body.no)).body.description).toBe(masked); // a follower
    await batchPut(
      seedUserItems({ id: 'u-test-urban-2', role: 'staff', nickname: '城管 测试二', departmentId: 'urban', createdAt: '2026-01-01', updatedAt: '2026-01-01' }),
    );
    const officer = (await issueSession({ userId: 'u-test-urban-2', role: 'staff' })).token;
    expect((await view(officer, r.body.no)).body.description).toBe(masked); // the team, before anyone handles it
    const team = await call(handler, 'GET /v1/team/workorders', { token: officer });
    expect(JSON.stringify(team.body)).not.toContain('13800138000');
    expect((await act(officer, r.body.no, 'claim')).status).toBe(200);
    expect((await view(officer, r.body.no)).body.description).toBe(typed); // the officer handling it
    const inbox = await listMessages('u-test-urban-2', 20);
    expect(JSON.stringify(inbox.items)).not.toMatch(/13800138000|440104199003070017/);
  });
});

describe('越秀先锋: one-tap call, claim by duty, handling, rating', () => {
  it('gives exactly one owner when 50 grid officials claim at once; the rest are told who has it', async () => {
    const officials = Array.from({ length: 50 }, (_, i) => ({
      id: `u-test-grid-${i}`,
      role: 'grid' as const,
      nickname: `网格员${i}`,
      street: 'beijing',
      createdAt: '2026-01-01',
      updatedAt: '2026-01-01',
    }));
    await batchPut(officials.flatMap((o) => seedUserItems(o)));
    const caller = await login('u-grid-beijing');
    const r = await file(caller, { categoryId: 'community-safety-hazard', description: '府前社区 3 号楼外墙瓷砖松动，有坠落风险', place: HERE });
    expect(r.status).toBe(201);
    // the order in one transaction, then its team of 51 told 30 people a transaction (outside the order's)
    expect(parseStoreCost(r.headers['x-store-cost'])!.transactions).toBe(3);
    const tokens = await Promise.all(officials.map((o) => issueSession({ userId: o.id, role: 'grid' }).then((s) => s.token)));
    const results = await Promise.all(tokens.map((t) => act(t, r.body.no, 'claim')));
    const winners = results.filter((x) => x.status === 200);
    expect(winners).toHaveLength(1);
    const owner = winners[0].body.ownerName;
    const losers = results.filter((x) => x.status === 409);
    expect(losers).toHaveLength(49);
    expect(losers.every((x) => x.body.error.message.includes(owner))).toBe(true);
    const v = (await view(caller, r.body.no)).body;
    expect(v.timeline.filter((t: { action: string }) => t.action === '签收')).toHaveLength(1);
  });

  it('refuses illegal transitions and lets only the owner handle; the filer rates, not satisfied reopens once', async () => {
    const caller = await login('u-grid-beijing');
    const other = await login('u-grid-beijing-2');
    const zhang = await login('u-resident-zhang');
    const no = (await file(zhang, { categoryId: 'cityscape-streetlight', description: '西湖路路灯坏了一周，晚上很黑', place: HERE })).body.no;
    const urban = await issueSession({ userId: 'u-test-urban', role: 'staff' });
    expect((await act(urban.token, no, 'resolve', { result: '已修复路灯' })).status).toBe(409); // not claimed yet
    expect((await act(urban.token, no, 'claim')).status).toBe(200);
    expect((await act(urban.token, no, 'claim')).status).toBe(409);
    expect((await act(urban.token, no, 'resolve', { result: '短' })).status).toBe(400);
    expect((await act(urban.token, no, 'resolve', { result: '已更换灯具并恢复照明' })).status).toBe(200);
    const early = await call(handler, 'POST /v1/workorders/{no}/rating', { token: caller, params: { no }, body: { value: 'satisfied' } });
    expect(early.status).toBe(404); // not the filer
    const reopened = await call(handler, 'POST /v1/workorders/{no}/rating', {
      token: zhang,
      params: { no },
      body: { value: 'unsatisfied', comment: '只修了一盏' },
    });
    expect(reopened.body).toMatchObject({ state: 'dispatched', reopened: true });
    await act(urban.token, no, 'claim');
    await act(urban.token, no, 'resolve', { result: '整条路段路灯已检修完毕' });
    const pointsBefore = (await getCard('u-resident-zhang'))?.balance ?? 0;
    const closed = await call(handler, 'POST /v1/workorders/{no}/rating', { token: zhang, params: { no }, body: { value: 'unsatisfied' } });
    expect(closed.body.state).toBe('closed'); // reopens only once
    // rating earns member points once per order (the first rating above already did; this one does not again)
    expect((await getCard('u-resident-zhang'))?.balance ?? 0).toBe(pointsBefore);
    expect((await ledger('u-resident-zhang', 50)).items.filter((e) => e.source === `worating:${no}`)).toHaveLength(1);
    expect((await act(other, no, 'claim')).status).toBe(404); // another team's order
  });

  it('lets the owner return an order and the street dispatcher re-dispatch it', async () => {
    const caller = await login('u-grid-beijing');
    const no = (await file(caller, { categoryId: 'community-facility', description: '小区健身器材损坏，存在安全隐患', place: HERE })).body.no;
    const a = await login('u-grid-beijing-2');
    expect((await act(a, no, 'claim')).status).toBe(200);
    expect((await act(caller, no, 'return', { reason: '不是本网格的问题' })).status).toBe(403); // only the owner
    const returned = await act(a, no, 'return', { reason: '属于物业维修范围，请改派' });
    expect(returned.body.state).toBe('returned');
    const dispatcher = await login('u-dispatcher-beijing');
    const r = await act(dispatcher, no, 'redispatch', { teamId: 'dept:housing', note: '物业问题' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ state: 'dispatched', teamName: expect.stringContaining('住房') });
    const list = await call(handler, 'GET /v1/team/workorders', { token: await login('u-staff-housing') });
    expect(list.body.items.map((i: { no: string }) => i.no)).toContain(no);
  });
});

describe('store calls', () => {
  it('files, claims, re-dispatches and reopens in one transaction each, answering from what it read and wrote', async () => {
    const zhang = await login('u-resident-zhang');
    const body = { categoryId: 'cityscape-garbage', description: '垃圾清运不及时，路口堆了一天', place: HERE };
    await file(zhang, body); // the container's catalogue, calendar, order numbers and team members are now read
    // the caller (by the route) and the account's hourly allowance (lib/clientLimits: a read before, a count after a
    // new order); the earlier filing under the key, firm and photos in one read; the order, its message and the team's
    // notices in one transaction
    const filed = await file(zhang, body, 'wo-cost-1');
    expect([filed.status, storeOps(filed)]).toEqual([201, 'GetItem*2,BatchGetItem,TransactWriteItems*2,UpdateItem']); // the order, then its team told
    expect(filed.body).toEqual((await view(zhang, filed.body.no)).body);
    const again = await file(zhang, body, 'wo-cost-1');
    expect([again.status, again.body.no, storeOps(again)]).toEqual([200, filed.body.no, 'GetItem*2,BatchGetItem,Query']);
    const team = await login('u-staff-urban');
    const claimed = await act(team, filed.body.no, 'claim');
    expect([claimed.status, storeOps(claimed)]).toEqual([200, 'GetItem,Query,TransactWriteItems']);
    expect(claimed.body).toEqual((await view(team, filed.body.no)).body);
    await act(team, filed.body.no, 'resolve', { result: '已清运并冲洗路面' });
    // not satisfied: reopened to the same team, told in the change's transaction; the other one is the rating's points
    const reopened = await call(handler, 'POST /v1/workorders/{no}/rating', { token: zhang, params: { no: filed.body.no }, body: { value: 'unsatisfied' } });
    expect(reopened.body).toMatchObject({ state: 'dispatched', reopened: true });
    const ops = parseStoreCost(reopened.headers['x-store-cost'])!.ops;
    expect([ops.get('Query'), ops.get('TransactWriteItems')]).toEqual([1, 2]);
    expect(reopened.body).toEqual((await view(zhang, filed.body.no)).body);
    const dispatcher = await login('u-dispatcher-beijing');
    await act(dispatcher, filed.body.no, 'redispatch', { teamId: 'dept:housing', note: '先试一次' }); // the housing team's members are now read
    const moved = await act(dispatcher, filed.body.no, 'redispatch', { teamId: 'dept:urban', note: '仍属城管' });
    expect([moved.status, storeOps(moved)]).toEqual([200, 'GetItem,Query,TransactWriteItems']);
    expect(moved.body).toEqual((await view(dispatcher, filed.body.no)).body);
  });
});

describe('deadlines', () => {
  afterEach(() => {
    delete process.env.FAKE_NOW;
  });
  it('escalates an order nobody claimed in time to the street dispatcher, once', async () => {
    const { escalateUnclaimed } = await import('./escalation');
    process.env.FAKE_NOW = '2026-11-02T01:00:00Z'; // Mon 09:00 Shanghai
    const caller = await login('u-grid-beijing');
    const no = (await file(caller, { categoryId: 'community-safety-hazard', description: '楼道堆放杂物堵塞消防通道', place: HERE })).body.no; // claim within 2 hours
    process.env.FAKE_NOW = '2026-11-02T04:00:00Z'; // three hours later
    const first = await escalateUnclaimed();
    expect(first.escalated).toContain(no);
    expect((await escalateUnclaimed()).escalated).not.toContain(no);
    const dispatcher = await login('u-dispatcher-beijing');
    const list = await call(handler, 'GET /v1/street/workorders/overdue', { token: dispatcher });
    expect(list.body.items.find((i: { no: string }) => i.no === no)).toMatchObject({ escalated: true });
    const v = await view(caller, no);
    expect(v.body.timeline.map((t: { action: string }) => t.action)).toContain('超时未签收，已提请街道调度');
  });
});

describe('extensions and duplicates', () => {
  it('lets the owner ask for more days and the street dispatcher grant them; merges a duplicate into the original', async () => {
    const zhang = await login('u-resident-zhang');
    const original = (await file(zhang, { categoryId: 'cityscape-illegal-building', description: '天台有人违章加建铁皮房', place: HERE })).body.no;
    const zhou = await login('u-resident-zhou');
    const dup = (await file(zhou, { categoryId: 'cityscape-illegal-building', description: '楼顶在搭铁皮房，噪音大', place: HERE, street: 'beijing' })).body.no;
    const urban = await issueSession({ userId: 'u-test-urban', role: 'staff' });
    await act(urban.token, original, 'claim');
    const asked = await call(handler, 'POST /v1/workorders/{no}/extension', {
      token: urban.token,
      params: { no: original },
      body: { days: 3, reason: '需要联合住建部门现场核查' },
    });
    expect(asked.status).toBe(200);
    expect(
      (await call(handler, 'POST /v1/workorders/{no}/extension', { token: urban.token, params: { no: original }, body: { days: 3, reason: '再申请一次试试' } }))
        .status,
    ).toBe(409);
    const dispatcher = await login('u-dispatcher-beijing');
    const before = (await view(zhang, original)).body.replyBy;
    const granted = await call(handler, 'POST /v1/workorders/{no}/extension-decision', {
      token: dispatcher,
      params: { no: original },
      body: { approve: true },
    });
    expect(granted.status).toBe(200);
    expect(granted.body.replyBy > before).toBe(true);
    const merged = await call(handler, 'POST /v1/workorders/{no}/duplicate', { token: dispatcher, params: { no: dup }, body: { originalNo: original } });
    expect(merged.status).toBe(200);
    expect(merged.body.state).toBe('closed');
    const o = await view(zhang, original);
    expect(o.body.affected).toBe(2);
    expect(o.body.timeline.map((t: { action: string }) => t.action)).toContain('并入重复件');
    expect((await view(zhou, original)).status).toBe(200); // the duplicate's filer now follows the original
    expect((await call(handler, 'POST /v1/workorders/{no}/duplicate', { token: dispatcher, params: { no: dup }, body: { originalNo: original } })).status).toBe(
      409,
    );
  });
});

describe('street dispatcher, team notice, firm and contact preference', () => {
  afterEach(() => {
    delete process.env.FAKE_NOW;
  });
  const messagesOf = async (userId: string) => {
    const { handler: messages } = await import('../messages/handler');
    return (await call(messages, 'GET /v1/messages', { token: await login(userId), query: { limit: '50' } })).body.items as { title: string; appNo?: string }[];
  };

  it('tells every member of the team at once when a one-tap call arrives, but not the caller', async () => {
    const caller = await login('u-grid-beijing');
    const no = (await file(caller, { categoryId: 'community-facility', description: '路灯不亮，晚上行人看不清台阶', place: HERE })).body.no;
    expect((await messagesOf('u-grid-beijing-2')).find((m) => m.appNo === no)?.title).toContain('新工单待签收');
    expect((await messagesOf('u-grid-beijing')).filter((m) => m.appNo === no).map((m) => m.title)).not.toContainEqual(expect.stringContaining('新工单待签收'));
  });

  it("links an enterprise appeal to the firm and shows staff the filer's contact wish, masked", async () => {
    const chen = await login('u-enterprise-chen');
    const r = await file(chen, { categoryId: 'business-finance', description: '想了解小微企业贷款贴息政策的申请条件', contactPreference: 'phone' });
    expect(r.status).toBe(201);
    const staff = await login('u-staff-market');
    const v = await view(staff, r.body.no);
    expect(v.body).toMatchObject({ contactPreference: '电话联系我', enterprise: { name: expect.stringContaining('粤味') } });
    expect(v.body.enterprise.code).not.toBe('91440104MA5CXK1P06');
    expect(v.body.contactPhone).toMatch(/\*/);
    expect((await file(chen, { categoryId: 'business-finance', description: '联系方式写错了试试', contactPreference: 'fax' })).status).toBe(400);
  });

  it("lists the street's orders by tab with lights, moves them as they change, and shows overdue replies", async () => {
    process.env.FAKE_NOW = '2026-11-02T01:00:00Z'; // Mon 09:00
    const caller = await login('u-grid-beijing');
    const no = (await file(caller, { categoryId: 'community-facility', description: '小区门口井盖松动，踩上去会响', place: HERE })).body.no;
    const dispatcher = await login('u-dispatcher-beijing');
    const tab = async (group: string) => (await call(handler, 'GET /v1/street/workorders', { token: dispatcher, query: { group, limit: '50' } })).body;
    const todo = await tab('todo');
    expect(todo.street).toBe('北京街道');
    expect(todo.items.find((i: { no: string }) => i.no === no)).toMatchObject({ light: expect.stringMatching(/green|yellow/), stateName: '已派单，待签收' });
    const owner = await login('u-grid-beijing-2');
    await act(owner, no, 'claim');
    expect((await tab('todo')).items.map((i: { no: string }) => i.no)).not.toContain(no);
    const doing = (await tab('doing')).items.find((i: { no: string }) => i.no === no);
    expect(doing).toMatchObject({ ownerName: expect.stringContaining('邓伟'), light: 'green' });
    process.env.FAKE_NOW = '2026-11-20T01:00:00Z'; // weeks later, no reply yet
    const overdue = (await call(handler, 'GET /v1/street/workorders/overdue', { token: dispatcher })).body;
    expect(overdue.replies.find((i: { no: string }) => i.no === no)).toMatchObject({ light: 'red' });
    expect((await tab('doing')).items.find((i: { no: string }) => i.no === no).light).toBe('red');
    // a dispatcher of another street, a resident: not theirs
    expect((await call(handler, 'GET /v1/street/workorders', { token: await login('u-resident-zhang'), query: {} })).status).toBe(403);
    expect((await call(handler, 'GET /v1/street/workorders', { token: dispatcher, query: { cursor: 'bm90LWEta2V5' } })).status).toBe(400);
  });
});

describe('progress notes and photos', () => {
  let stopFiles: () => Promise<void>;
  beforeAll(async () => {
    stopFiles = await startLocalFiles();
  });
  afterAll(() => stopFiles());

  it("lets the owner add progress with photos; the filer sees them, a follower sees only the handlers' photos, others none", async () => {
    const zhang = await login('u-resident-zhang');
    const filed = (await upload(zhang)).fileId!;
    const filing = await file(zhang, {
      categoryId: 'cityscape-garbage',
      description: '小区门口垃圾桶满溢，气味很大',
      photoIds: [filed],
      place: { ...east(5), address: '越秀区北京路 5 号' },
    });
    expect(filing.status).toBe(201);
    const no = filing.body.no as string;
    const zhou = await login('u-resident-zhou');
    expect(
      (
        await call(handler, 'POST /v1/workorders/{no}/me-too', {
          token: zhou,
          params: { no: no },
          body: { followToken: followTokenFor(no, 'u-resident-zhou') },
        })
      ).status,
    ).toBe(200);
    const urban = await issueSession({ userId: 'u-test-urban', role: 'staff' });
    await batchPut(
      seedUserItems({ id: 'u-test-urban', role: 'staff', nickname: '城管 测试', departmentId: 'urban', createdAt: '2026-01-01', updatedAt: '2026-01-01' }),
    );
    let k = 0;
    const note = (body: object, token = urban.token, key = `note-${Date.now()}-${++k}`) =>
      call(withKey(key), 'POST /v1/workorders/{no}/notes', { token, params: { no }, body });
    expect((await note({ note: '已到现场' })).status).toBe(403); // not claimed by them yet
    await act(urban.token, no, 'claim');
    const before = (await upload(urban.token)).fileId!;
    expect((await note({ note: '已到现场查看，安排清运', photoIds: [filed] })).status).toBe(400); // someone else's photo
    const added = await note({ note: '已到现场查看，安排清运', photoIds: [before] }, urban.token, 'note-retry-1');
    expect(added.status).toBe(200);
    const retried = await note({ note: '已到现场查看，安排清运', photoIds: [before] }, urban.token, 'note-retry-1');
    expect(retried.body.timeline.filter((t: { action: string }) => t.action === '处理进展')).toHaveLength(1); // a retry is not a second note
    expect(added.body.timeline.find((t: { action: string }) => t.action === '处理进展')).toMatchObject({ note: '已到现场查看，安排清运', photoCount: 1 });
    const after = (await upload(urban.token)).fileId!;
    expect((await act(urban.token, no, 'resolve', { result: '已清运并增加清运频次', photoIds: [filed] })).status).toBe(400);
    expect((await act(urban.token, no, 'resolve', { result: '已清运并增加清运频次', photoIds: [after] })).status).toBe(200);
    expect((await note({ note: '补充一句' })).status).toBe(409); // answered: no more progress notes

    const photosOf = async (token: string) => call(handler, 'GET /v1/workorders/{no}/photos', { token, params: { no } });
    const mine = (await photosOf(zhang)).body.items as { fileId: string; url: string; kind: string }[];
    expect(mine.map((p) => [p.fileId, p.kind])).toEqual([
      [filed, '反映时上传'],
      [before, '处理进展'],
      [after, '办结照片'],
    ]);
    const shown = await fetch(mine[0].url);
    expect([shown.status, shown.headers.get('content-type')]).toEqual([200, 'image/png']);
    expect((await fetch(mine[0].url.replace(/signature=[0-9a-f]+/, 'signature=00'))).status).toBe(403);
    expect(((await photosOf(zhou)).body.items as { fileId: string }[]).map((p) => p.fileId)).toEqual([before, after]); // a follower
    expect((await photosOf(await login('u-resident-li'))).status).toBe(404);
    // the filer and the follower were told of the progress
    const { handler: messages } = await import('../messages/handler');
    const inbox = (await call(messages, 'GET /v1/messages', { token: zhou, query: { limit: '50' } })).body.items as { title: string; appNo?: string }[];
    expect(inbox.some((m) => m.appNo === no && m.title.includes('新进展'))).toBe(true);
  });
});

describe('found in review', () => {
  it("keeps a filer who also follows from breaking the order, and merges only within the dispatcher's street", async () => {
    const zhang = await login('u-resident-zhang');
    const first = (
      await file(zhang, { categoryId: 'cityscape-garbage', description: '菜市场门口垃圾堆积，苍蝇很多', place: { ...east(20), address: '越秀区北京路' } })
    ).body.no;
    expect(
      (
        await call(handler, 'POST /v1/workorders/{no}/me-too', {
          token: zhang,
          params: { no: first },
          body: { followToken: followTokenFor(first, 'u-resident-zhang') },
        })
      ).status,
    ).toBe(409);
    // the same person files the same problem twice; the dispatcher merges; the original still works
    const again = (
      await file(zhang, {
        categoryId: 'cityscape-garbage',
        description: '菜市场门口垃圾还是没人清理',
        place: { ...east(25), address: '越秀区北京路' },
        street: 'beijing',
      })
    ).body.no;
    const dispatcher = await login('u-dispatcher-beijing');
    expect((await call(handler, 'POST /v1/workorders/{no}/duplicate', { token: dispatcher, params: { no: again }, body: { originalNo: first } })).status).toBe(
      200,
    );
    const urban = await issueSession({ userId: 'u-test-urban', role: 'staff' });
    await batchPut(
      seedUserItems({ id: 'u-test-urban', role: 'staff', nickname: '城管 测试', departmentId: 'urban', createdAt: '2026-01-01', updatedAt: '2026-01-01' }),
    );
    expect((await act(urban.token, first, 'claim')).status).toBe(200);
    // another street's order is not this dispatcher's to merge into
    const zhou = await login('u-resident-zhou');
    const elsewhere = (
      await file(zhou, {
        categoryId: 'cityscape-garbage',
        description: '东山口地铁站旁垃圾没人收',
        place: { lat: 23.1245, lng: 113.2935, address: '越秀区东山口' },
        street: 'dongshan',
      })
    ).body.no;
    const mine = (
      await file(zhang, {
        categoryId: 'cityscape-garbage',
        description: '北京路口垃圾桶坏了需要更换',
        place: { ...east(30), address: '越秀区北京路' },
        street: 'beijing',
      })
    ).body.no;
    expect(
      (await call(handler, 'POST /v1/workorders/{no}/duplicate', { token: dispatcher, params: { no: mine }, body: { originalNo: elsewhere } })).status,
    ).toBe(404);
  });

  it("shows a follower neither an anonymous filer nor the filer's photos", async () => {
    const zhang = await login('u-resident-zhang');
    const no = (
      await file(zhang, {
        categoryId: 'cityscape-garbage',
        description: '小巷里有人乱倒建筑垃圾',
        place: { ...east(40), address: '越秀区北京路' },
        anonymous: true,
      })
    ).body.no;
    const zhou = await login('u-resident-zhou');
    const followed = await call(handler, 'POST /v1/workorders/{no}/me-too', {
      token: zhou,
      params: { no: no },
      body: { followToken: followTokenFor(no, 'u-resident-zhou') },
    });
    expect(followed.body).toMatchObject({ filer: '匿名', mine: false });
    expect(followed.body.photoIds).toBeUndefined();
    expect(JSON.stringify(followed.body)).not.toContain('张');
  });

  it("re-dispatches only to a real department or the order's own street grid, and may escalate again after", async () => {
    process.env.FAKE_NOW = '2026-11-02T01:00:00Z';
    const caller = await login('u-grid-beijing');
    const no = (await file(caller, { categoryId: 'community-safety-hazard', description: '电动车在楼道充电，存在火灾隐患', place: HERE })).body.no;
    process.env.FAKE_NOW = '2026-11-02T04:00:00Z';
    const { escalateUnclaimed } = await import('./escalation');
    expect((await escalateUnclaimed()).escalated).toContain(no);
    const dispatcher = await login('u-dispatcher-beijing');
    expect((await act(dispatcher, no, 'redispatch', { teamId: 'dept:nowhere' })).status).toBe(400);
    expect((await act(dispatcher, no, 'redispatch', { teamId: 'grid:dongshan' })).status).toBe(400);
    const moved = await act(dispatcher, no, 'redispatch', { teamId: 'dept:fire', note: '消防隐患' });
    expect(moved.status).toBe(200);
    expect(moved.body.escalated).toBe(false);
    delete process.env.FAKE_NOW;
  });

  it('answers a forged or foreign paging cursor with 400, not 500', async () => {
    const zhang = await login('u-resident-zhang');
    const forged = Buffer.from('{}').toString('base64url');
    const foreign = Buffer.from(JSON.stringify({ pk: 'WO#SQ1', sk: 'WO', gsi1pk: 'USERWO#u-resident-zhou', gsi1sk: 'x' })).toString('base64url');
    for (const cursor of [forged, foreign]) expect((await call(handler, 'GET /v1/workorders/mine', { token: zhang, query: { cursor } })).status).toBe(400);
    const dispatcher = await login('u-dispatcher-beijing');
    const otherTab = Buffer.from(JSON.stringify({ pk: 'WO#SQ1', sk: 'WO', gsi3pk: 'STREETWO#beijing', gsi3sk: 'closed#x' })).toString('base64url');
    expect((await call(handler, 'GET /v1/street/workorders', { token: dispatcher, query: { group: 'todo', cursor: otherTab } })).status).toBe(400);
  });
});

describe("我处理中 / 已办结: an officer's own orders (issue 14)", () => {
  afterEach(() => {
    delete process.env.FAKE_NOW;
  });
  /** A grid official of 北京街 of this test's own, so their lists hold only what this test gives them. */
  const officer = async (id: string, nickname: string) => {
    await batchPut(seedUserItems({ id, role: 'grid', nickname, street: 'beijing', createdAt: '2026-01-01', updatedAt: '2026-01-01' }));
    return (await issueSession({ userId: id, role: 'grid' })).token;
  };
  type Row = { no: string; state: string; light?: string; overdue: boolean; replyBy: string; resolvedAt?: string; rating?: string };
  const own = (token: string, query: Record<string, string> = {}) => call(handler, 'GET /v1/team/workorders/mine', { token, query });
  const rows = async (token: string, list: 'doing' | 'done') => (await own(token, { list, limit: '50' })).body.items as Row[];
  const nos = async (token: string, list: 'doing' | 'done') => (await rows(token, list)).map((i) => i.no);
  const teamNos = async (token: string) => (await call(handler, 'GET /v1/team/workorders', { token })).body.items.map((i: { no: string }) => i.no);
  /** 一键呼叫 by 何敏 (u-grid-beijing): the order goes to 北京街's grid team */
  const callIn = async (description: string) =>
    (await file(await login('u-grid-beijing'), { categoryId: 'community-facility', description, place: HERE })).body.no as string;

  it("lists a claimed order in the claimer's 我处理中 only, and in their 已办结 once answered and after the rating", async () => {
    const a = await officer('u-test-own-a', '网格员 甲');
    const b = await officer('u-test-own-b', '网格员 乙');
    const no = await callIn('小区门口的路灯杆倾斜，存在倒塌风险');
    expect(await teamNos(a)).toContain(no);
    expect(await nos(a, 'doing')).not.toContain(no); // not claimed yet
    expect((await act(a, no, 'claim')).status).toBe(200);
    const doing = await own(a); // 我处理中 by default
    expect(doing.status).toBe(200);
    expect(doing.body).toMatchObject({ list: 'doing', listName: '我处理中', nextCursor: null });
    expect(doing.body.items.find((i: Row) => i.no === no)).toMatchObject({ state: 'claimed', stateName: '已签收', overdue: false, light: 'green' });
    expect(storeOps(doing)).toBe('GetItem,Query'); // the caller, and one Query on their own partition
    // another officer of the same team: neither in their lists nor, claimed, in the team's queue
    expect(await nos(b, 'doing')).not.toContain(no);
    expect(await teamNos(b)).not.toContain(no);
    await act(a, no, 'start', { note: '已联系物业到场' });
    expect((await rows(a, 'doing')).find((i) => i.no === no)?.state).toBe('in_progress');
    expect((await act(a, no, 'resolve', { result: '已加固灯杆并设置警示' })).status).toBe(200);
    expect(await nos(a, 'doing')).not.toContain(no);
    const done = (await rows(a, 'done')).find((i) => i.no === no);
    expect(done).toMatchObject({ state: 'resolved', overdue: false, resolvedAt: expect.any(String) });
    expect(done?.light).toBeUndefined(); // answered: no clock runs
    const rated = await call(handler, 'POST /v1/workorders/{no}/rating', {
      token: await login('u-grid-beijing'),
      params: { no },
      body: { value: 'satisfied' },
    });
    expect(rated.body.state).toBe('closed');
    expect((await rows(a, 'done')).find((i) => i.no === no)).toMatchObject({ state: 'closed', rating: '满意' });
    expect(await nos(b, 'done')).not.toContain(no);
  });

  it('takes an order out of 我处理中 when returned (the next claimer has it), and out of 已办结 when reopened to the team', async () => {
    const a = await officer('u-test-own-a', '网格员 甲');
    const b = await officer('u-test-own-b', '网格员 乙');
    const returned = await callIn('健身路径的单杠松脱，老人差点摔倒');
    await act(a, returned, 'claim');
    expect(await nos(a, 'doing')).toContain(returned);
    expect((await act(a, returned, 'return', { reason: '属于物业维修范围，请改派' })).status).toBe(200);
    expect(await nos(a, 'doing')).not.toContain(returned);
    expect(await nos(a, 'done')).not.toContain(returned);
    const dispatcher = await login('u-dispatcher-beijing');
    expect((await act(dispatcher, returned, 'redispatch', { teamId: 'grid:beijing', note: '请网格协调物业' })).status).toBe(200);
    expect(await teamNos(b)).toContain(returned);
    await act(b, returned, 'claim');
    expect(await nos(b, 'doing')).toContain(returned);
    expect(await nos(a, 'doing')).not.toContain(returned);

    const reopened = await callIn('楼道声控灯不亮，晚上上下楼很黑');
    await act(a, reopened, 'claim');
    await act(a, reopened, 'resolve', { result: '已更换声控灯' });
    expect(await nos(a, 'done')).toContain(reopened);
    const r = await call(handler, 'POST /v1/workorders/{no}/rating', {
      token: await login('u-grid-beijing'),
      params: { no: reopened },
      body: { value: 'unsatisfied', comment: '三楼的还是不亮' },
    });
    expect(r.body).toMatchObject({ state: 'dispatched', reopened: true });
    expect(await nos(a, 'done')).not.toContain(reopened); // back to the team, for whoever claims it again
    expect(await teamNos(a)).toContain(reopened);
  });

  it('pages, puts the most urgent reply first (an extension re-sorts), lights overdue orders and marks late answers', async () => {
    process.env.FAKE_NOW = '2026-11-02T01:00:00Z'; // Mon 09:00
    const c = await officer('u-test-own-c', '网格员 丙');
    const filed: string[] = [];
    for (const d of ['一号楼前的井盖缺失', '二号楼前的护栏断裂', '三号楼前的台阶破损']) filed.push(await callIn(`${d}，行人容易受伤`));
    for (const no of filed) expect((await act(c, no, 'claim')).status).toBe(200);
    const first = await own(c, { limit: '2' });
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await own(c, { limit: '2', cursor: first.body.nextCursor });
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const paged = [...first.body.items, ...second.body.items].map((i: Row) => i.no);
    expect(paged.sort()).toEqual([...filed].sort());
    // a cursor of another list, or of another officer's, is refused
    expect((await own(c, { list: 'done', cursor: first.body.nextCursor })).status).toBe(400);
    const someoneElses = Buffer.from(JSON.stringify({ pk: 'WO#SQ1', sk: 'WO', gsi2pk: 'OWNERWO#u-test-own-a', gsi2sk: 'doing#x' })).toString('base64url');
    expect((await own(c, { cursor: someoneElses })).status).toBe(400);

    // more days for the first: its reply date moves, and so does its place
    const head = (await rows(c, 'doing'))[0];
    await call(handler, 'POST /v1/workorders/{no}/extension', { token: c, params: { no: head.no }, body: { days: 3, reason: '需要协调施工队进场' } });
    const granted = await call(handler, 'POST /v1/workorders/{no}/extension-decision', {
      token: await login('u-dispatcher-beijing'),
      params: { no: head.no },
      body: { approve: true },
    });
    expect(granted.status).toBe(200);
    const sorted = await rows(c, 'doing');
    expect(sorted.map((i) => i.no).pop()).toBe(head.no);
    expect(sorted.map((i) => i.replyBy)).toEqual([...sorted.map((i) => i.replyBy)].sort());
    expect(sorted.at(-1)!.replyBy > sorted[0].replyBy).toBe(true);

    process.env.FAKE_NOW = '2026-11-20T01:00:00Z'; // weeks later, no reply yet
    const late = await rows(c, 'doing');
    expect(late.map((i) => [i.light, i.overdue])).toEqual(late.map(() => ['red', true]));
    await act(c, late[0].no, 'resolve', { result: '已补齐井盖并设置围挡' });
    expect((await rows(c, 'done')).find((i) => i.no === late[0].no)).toMatchObject({ overdue: true }); // answered after the reply date
  });

  it('is for staff and grid officials only, and checks its list', async () => {
    expect((await own(await login('u-resident-zhang'))).status).toBe(403);
    expect((await own(await login('u-dispatcher-beijing'))).status).toBe(403);
    expect((await own(await login('u-staff-urban'), { list: 'all' })).status).toBe(400);
    expect((await own(await login('u-staff-urban'), { limit: '500' })).status).toBe(400);
  });

  it('gives orders claimed before the lists existed their place, once (the backfill)', async () => {
    const { backfillOwnerLists } = await import('./owner');
    const { getWorkOrder } = await import('./repository');
    const { WorkOrder } = await import('../lib/entities/workorders');
    const { streetSortKey } = await import('@yx/shared');
    const d = await officer('u-test-own-d', '网格员 丁');
    const no = await callIn('小区围墙出现裂缝，雨后有渗水');
    await act(d, no, 'claim');
    // the row as a claim left it before issue 14: no gsi2 key at all
    const { wo } = await getWorkOrder(no);
    const old = WorkOrder.toItem(wo!, streetSortKey({ ...wo!, at: wo!.createdAt }));
    delete old.gsi2pk;
    delete old.gsi2sk;
    await batchPut([old]);
    expect(await nos(d, 'doing')).not.toContain(no);
    expect((await backfillOwnerLists()).listed).toContain(no);
    expect(await nos(d, 'doing')).toContain(no);
    expect((await backfillOwnerLists()).listed).not.toContain(no); // already listed: left alone
  });
});
