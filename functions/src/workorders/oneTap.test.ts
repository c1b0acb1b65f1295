import { oneTapDescription } from '@yx/shared';
import { call } from '../../test/http';
import { login, startLocalFiles, upload } from '../../test/apply';
import { batchPut } from '../guide/repository';
import { seedUserItems } from '../identity/repository';
import { issueSession } from '../lib/session';
import { seedAll } from '../seed/seed';
import { handler } from './handler';

/** 一键呼叫 in one tap (issue 14): a grid official files with a category, the place and a photo; 补充说明 after. */

let stopFiles: () => Promise<void>;
beforeAll(async () => {
  await seedAll();
  stopFiles = await startLocalFiles();
});
afterAll(() => stopFiles());

let seq = 0;
const withKey = (key: string) => (e: Parameters<typeof handler>[0]) => handler({ ...e, headers: { ...e.headers, 'idempotency-key': key } });
const newKey = () => `onetap-${Date.now()}-${++seq}`;
const file = (token: string, body: object, key = newKey()) => call(withKey(key), 'POST /v1/workorders', { token, body });
const supplement = (token: string, no: string, body: object, key = newKey()) =>
  call(withKey(key), 'POST /v1/workorders/{no}/supplement', { token, params: { no }, body });
const view = (token: string, no: string) => call(handler, 'GET /v1/workorders/{no}', { token, params: { no } });
const act = (token: string, no: string, action: string, body: object = {}) =>
  call(handler, 'POST /v1/workorders/{no}/{action}', { token, params: { no, action }, body });

const HERE = { lat: 23.12505, lng: 113.26915, address: '北京街道 府前社区' };

/** A grid official of 北京街 of this file's own, so the hourly allowance of the seeded ones is not spent here. */
async function gridOfficial(id: string) {
  await batchPut(seedUserItems({ id, role: 'grid', nickname: '网格员 测试', street: 'beijing', createdAt: '2026-01-01', updatedAt: '2026-01-01' }));
  return (await issueSession({ userId: id, role: 'grid' })).token;
}

describe('一键呼叫 without a description', () => {
  it('words one from the category and the place when a grid official sends a photo and no description', async () => {
    const caller = await gridOfficial('u-test-onetap-1');
    const photo = (await upload(caller)).fileId!;
    const r = await file(caller, { categoryId: 'community-facility', photoIds: [photo], place: HERE, street: 'beijing' });
    expect(r.status).toBe(201);
    expect(r.body.description).toBe(oneTapDescription('设施损坏', HERE.address));
    expect(r.body.description).toBe('一键呼叫：设施损坏，位置：北京街道 府前社区，详见现场照片');
    expect(r.body.timeline[0]).toMatchObject({ action: '一键呼叫', actor: '网格员' });
  });

  it('asks a grid official for a photo when there is no description, and everyone else for a description', async () => {
    const caller = await gridOfficial('u-test-onetap-2');
    const noPhoto = await file(caller, { categoryId: 'community-facility', place: HERE });
    expect(noPhoto.status).toBe(400);
    expect(noPhoto.body.error.message).toBe('没有填写问题描述时，请至少拍一张现场照片');
    expect(noPhoto.body.error.details).toEqual([{ field: 'photoIds', message: '照片：请拍一张现场照片，或填写问题描述' }]);
    // a description given is still at least 5 characters, for officials too
    const short = await file(caller, { categoryId: 'community-facility', description: '坏了', place: HERE });
    expect(short.status).toBe(400);
    expect(short.body.error.details).toEqual([{ field: 'description', message: '问题描述：请用至少 5 个字描述问题' }]);

    const li = await login('u-resident-li');
    const photo = (await upload(li)).fileId!;
    for (const description of [undefined, '', '   ']) {
      const r = await file(li, { categoryId: 'cityscape-garbage', photoIds: [photo], place: HERE, ...(description === undefined ? {} : { description }) });
      expect(r.status).toBe(400);
      expect(r.body.error.details).toEqual([{ field: 'description', message: '问题描述：请用至少 5 个字描述问题' }]);
    }
  });
});

describe('补充说明 (the filer adds to an order)', () => {
  it("replaces a one-tap call's worded description, appends to any other, once per key, and tells the owner", async () => {
    const caller = await gridOfficial('u-test-onetap-3');
    const photo = (await upload(caller)).fileId!;
    const no = (await file(caller, { categoryId: 'community-facility', photoIds: [photo], place: HERE })).body.no as string;
    const owner = await login('u-grid-beijing-2');
    expect((await act(owner, no, 'claim')).status).toBe(200);

    const first = await supplement(caller, no, { note: '  小区门口健身器材断裂，有儿童在玩  ' }, 'supp-retry-1');
    expect(first.status).toBe(200);
    expect(first.body.description).toBe('小区门口健身器材断裂，有儿童在玩');
    const entry = first.body.timeline.at(-1);
    expect(entry).toMatchObject({ action: '补充说明', actor: '网格员', note: '小区门口健身器材断裂，有儿童在玩' });
    // a retried request (the answer was lost) is not a second supplement
    const retried = await supplement(caller, no, { note: '  小区门口健身器材断裂，有儿童在玩  ' }, 'supp-retry-1');
    expect(retried.status).toBe(200);
    expect(retried.body.timeline.filter((t: { action: string }) => t.action === '补充说明')).toHaveLength(1);

    const second = await supplement(caller, no, { note: '器材编号 F-12，请带配件' });
    expect(second.body.description).toBe('小区门口健身器材断裂，有儿童在玩\n补充说明：器材编号 F-12，请带配件');
    // the officer handling it sees the words and was told
    expect((await view(owner, no)).body.description).toBe(second.body.description);
    const { handler: messages } = await import('../messages/handler');
    const inbox = (await call(messages, 'GET /v1/messages', { token: owner, query: { limit: '50' } })).body.items as { title: string; appNo?: string }[];
    expect(inbox.filter((m) => m.appNo === no && m.title.includes('补充了说明'))).toHaveLength(2);
  });

  it('is the filer’s alone (others 404), checks its input (400), and ends when the order is closed (409)', async () => {
    const zhou = await login('u-resident-zhou');
    const no = (await file(zhou, { categoryId: 'cityscape-garbage', description: '菜市场后巷垃圾两天没清运', place: HERE })).body.no as string;
    // someone else: a resident, the handling department, a grid official of the street
    const urban = await login('u-staff-urban');
    for (const token of [await login('u-resident-li'), await login('u-grid-beijing')]) {
      const r = await supplement(token, no, { note: '我来补充一下情况' });
      expect(r.status).toBe(404);
      expect(r.body.error.message).toBe('未找到该诉求');
    }
    expect((await supplement(urban, no, { note: '我来补充一下情况' })).status).toBe(403); // staff do not file
    // bad input
    for (const body of [{ note: '短' }, { note: 'x'.repeat(301) }, {}, { note: '补充说明内容', extra: 1 }]) {
      const r = await supplement(zhou, no, body);
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const noKey = await call(handler, 'POST /v1/workorders/{no}/supplement', { token: zhou, params: { no }, body: { note: '没有提交凭证的补充' } });
    expect(noKey.status).toBe(400);
    // appended to what the resident wrote; masked for others in the trail
    const added = await supplement(zhou, no, { note: '晚上有老鼠出没，联系 13800138000' });
    expect(added.body.description).toBe('菜市场后巷垃圾两天没清运\n补充说明：晚上有老鼠出没，联系 13800138000');
    expect(added.body.timeline.at(-1)).toMatchObject({ action: '补充说明', note: '晚上有老鼠出没，联系 138****8000' });
    // handled, answered, rated: closed
    expect((await act(urban, no, 'claim')).status).toBe(200);
    expect((await act(urban, no, 'resolve', { result: '已清运并安排每日巡查' })).status).toBe(200);
    expect((await supplement(zhou, no, { note: '办结前还能补充吗' })).status).toBe(200); // answered, not yet closed
    await call(handler, 'POST /v1/workorders/{no}/rating', { token: zhou, params: { no }, body: { value: 'satisfied' } });
    const closed = await supplement(zhou, no, { note: '又有垃圾堆起来了' });
    expect(closed.status).toBe(409);
    expect(closed.body.error.message).toBe('该诉求已办结关闭，不能再补充说明；如有新情况，请重新反映');
  });
});
