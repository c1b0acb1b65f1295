import { CONSUMER_COMPLAINT_CATEGORY, creditCodeCheckChar } from '@yx/shared';
import { call } from '../../test/http';
import { login } from '../../test/apply';
import { batchPut } from '../guide/repository';
import { seedUserItems } from '../identity/repository';
import { issueSession } from '../lib/session';
import { seedAll } from '../seed/seed';
import { handler } from './handler';
import { complaintsAbout, listByFiler } from './repository';

/** 我要投诉 (issue 20): an appeal filed from a merchant's credit page names the firm it complains about. */

beforeAll(() => seedAll());

const TANGSHUI = { code: '91440104MA5H6TK2QE', name: '广州越秀北京路陈记糖水有限公司' };
/** A well-formed code (its check character right) that no registered firm has. */
const UNKNOWN = `91440104MA0000001${creditCodeCheckChar('91440104MA0000001')}`;

let seq = 0;
const newKey = () => `aboutfirm-${Date.now()}-${++seq}`;
const withKey = (key: string) => (e: Parameters<typeof handler>[0]) => handler({ ...e, headers: { ...e.headers, 'idempotency-key': key } });
const file = (token: string, body: object, key = newKey()) => call(withKey(key), 'POST /v1/workorders', { token, body });
const view = (token: string, no: string) => call(handler, 'GET /v1/workorders/{no}', { token, params: { no } });

/** A resident of this file's own: the hourly allowance of the seeded ones is not spent here, and their list starts empty. */
async function resident(id: string) {
  await batchPut(seedUserItems({ id, role: 'resident', nickname: '居民 测试', realName: '黄小明', createdAt: '2026-01-01', updatedAt: '2026-01-01' }));
  return (await issueSession({ userId: id, role: 'resident' })).token;
}

const complaint = (aboutFirm?: string) => ({
  categoryId: CONSUMER_COMPLAINT_CATEGORY,
  description: '买的双皮奶份量明显不足，要求退款被拒绝',
  ...(aboutFirm === undefined ? {} : { aboutFirm }),
});

describe('投诉对象 (aboutFirm)', () => {
  it('links the order to a registered firm, routes a consumer complaint to the market regulator, and shows the firm', async () => {
    const huang = await resident('u-test-aboutfirm-1');
    const before = await complaintsAbout(TANGSHUI.code, 100);
    // the code as typed or scanned: spaces and lower case are fine
    const r = await file(huang, complaint(` ${TANGSHUI.code.toLowerCase()} `));
    expect(r.status).toBe(201);
    expect(r.body.aboutFirm).toEqual(TANGSHUI);
    expect(r.body.category).toBe('营商环境 / 消费投诉');
    expect(r.body.teamName).toContain('市场监督管理局');
    expect(r.body.timeline[0]).toMatchObject({ action: '提交诉求', note: `营商环境 / 消费投诉，投诉对象：${TANGSHUI.name}` });
    const no = r.body.no as string;

    // the filer sees it on the order; so does the market regulator's officer handling it
    expect((await view(huang, no)).body.aboutFirm).toEqual(TANGSHUI);
    const market = await login('u-staff-market');
    const staff = await view(market, no);
    expect(staff.status).toBe(200);
    expect(staff.body.aboutFirm).toEqual(TANGSHUI);
    expect(staff.body.actions).toContain('claim');
    // the team was told who the complaint is about
    const { handler: messages } = await import('../messages/handler');
    const inbox = (await call(messages, 'GET /v1/messages', { token: market, query: { limit: '50' } })).body.items as { body: string; appNo?: string }[];
    expect(inbox.find((m) => m.appNo === no)?.body).toContain(`投诉对象：${TANGSHUI.name}`);
    // listed under the firm
    expect(await complaintsAbout(TANGSHUI.code, 100)).toEqual([no, ...before]);
  });

  it('keeps the routing of any other category', async () => {
    const huang = await resident('u-test-aboutfirm-2');
    const r = await file(huang, {
      categoryId: 'noise-commercial',
      description: '店门口音响每天开到很大声',
      place: { lat: 23.12505, lng: 113.26915, address: '北京路 218 号' },
      aboutFirm: TANGSHUI.code,
    });
    expect(r.status).toBe(201);
    expect(r.body.aboutFirm).toEqual(TANGSHUI);
    expect(r.body.teamName).toContain('城市管理');
  });

  it('refuses an unknown or malformed code in Chinese, writing nothing, and lets the same key file once corrected', async () => {
    const huang = await resident('u-test-aboutfirm-3');
    const key = newKey();
    const unknown = await file(huang, complaint(UNKNOWN), key);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe('未找到被投诉的商户，请从商户的信用页面进入“我要投诉”');
    expect(unknown.body.error.details).toEqual([{ field: 'aboutFirm', message: '投诉对象：未找到这家商户，请核对统一社会信用代码' }]);
    for (const [code, message] of [
      [`${TANGSHUI.code.slice(0, 17)}X`, '投诉对象：代码有误，请对照营业执照逐位核对'],
      ['9144010', '投诉对象：应为 18 位数字或大写字母（不含 I、O、Z、S、V），见营业执照'],
      ['', '投诉对象：应为 18 位数字或大写字母（不含 I、O、Z、S、V），见营业执照'],
    ]) {
      const bad = await file(huang, complaint(code), key);
      expect(bad.status).toBe(400);
      expect(bad.body.error.details).toEqual([{ field: 'aboutFirm', message }]);
    }
    expect((await file(huang, { ...complaint(), aboutFirm: 91440104 }, key)).status).toBe(400);
    expect((await listByFiler('u-test-aboutfirm-3', 10)).items).toEqual([]);
    expect(await complaintsAbout(UNKNOWN, 10)).toEqual([]);
    // the key was not used up: the corrected complaint files under it
    const fixed = await file(huang, complaint(TANGSHUI.code), key);
    expect(fixed.status).toBe(201);
    expect(fixed.body.aboutFirm).toEqual(TANGSHUI);
  });

  it("refuses a complaint about the filer's own firm", async () => {
    const liang = await login('u-merchant-liang');
    const own = await file(liang, complaint(TANGSHUI.code));
    expect(own.status).toBe(422);
    expect(own.body.error.message).toBe('不能投诉自己所在的企业');
  });

  it('changes nothing without aboutFirm', async () => {
    const huang = await resident('u-test-aboutfirm-4');
    const before = await complaintsAbout(TANGSHUI.code, 100);
    const r = await file(huang, complaint());
    expect(r.status).toBe(201);
    expect(r.body).not.toHaveProperty('aboutFirm');
    expect(r.body.timeline[0].note).toBe('营商环境 / 消费投诉');
    expect((await view(await login('u-staff-market'), r.body.no)).body).not.toHaveProperty('aboutFirm');
    expect(await complaintsAbout(TANGSHUI.code, 100)).toEqual(before);
  });
});
