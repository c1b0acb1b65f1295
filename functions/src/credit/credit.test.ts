/**
 * 信用 (issue 20) against DynamoDB Local: the name search, the public profile and its paging at 5,000 records, the rating
 * rules (one per person and merchant in 30 days, twenty attempts at once; held words; storms), the merchant's one reply,
 * and credit repair (before the minimum period, who may, the authority's decision, the grade recomputed).
 */
import { addMonths, businessDate } from '@yx/shared';
import { agentOf, firmWith, type TestFirm } from '../../test/firms';
import { call } from '../../test/http';
import { startLocalFiles, upload } from '../../test/apply';
import { countersSettled, COUNTERS_TEST_TIMEOUT } from '../../test/streams';
import { batchPut } from '../guide/repository';
import { seedUserItems } from '../identity/repository';
import { drainCredit } from '../jobs/credit';
import { issueSession } from '../lib/session';
import { parseStoreCost } from '../lib/meter';
import { listMessages } from '../messages/repository';
import { seedAll } from '../seed/seed';
import { recomputeGrade, sweepExpiredRecords } from './grade';
import { handler } from './handler';
import { scanProof } from './ratings';
import * as repo from './repository';

jest.setTimeout(300_000);

const RUN = Date.now().toString(36);
let n = 0;
const TANGSHUI = '91440104MA5H6TK2QE';
const cost = (r: { headers: Record<string, string> }) => parseStoreCost(r.headers['x-store-cost'])!;
const token = async (userId: string, role: 'resident' | 'enterprise' | 'staff' | 'admin') => (await issueSession({ userId, role })).token;
const today = () => businessDate(new Date());

afterEach(() => {
  delete process.env.FAKE_NOW;
});

let stopFiles: () => Promise<void>;
beforeAll(async () => {
  await seedAll();
  stopFiles = await startLocalFiles();
});
afterAll(async () => {
  await stopFiles();
});

/** A test firm with records: `penalties` months ago (ordinary unless said), decided by the market regulator. */
async function firmWithRecords(o: { licences?: number; penalties?: { monthsAgo: number; severity?: 'ordinary' | 'serious' | 'minor' }[] }, label = '信用') {
  const f = await firmWith({ grade: 'A' }, label);
  const day = today();
  const records: repo.CreditRecordRecord[] = [];
  for (let i = 0; i < (o.licences ?? 0); i++) {
    const decidedOn = addMonths(day, -(i % 120) - 1);
    records.push({
      id: repo.recordIdOf('licence', decidedOn, `t${i}`),
      creditCode: f.creditCode,
      kind: 'licence',
      decisionNo: `测试许〔2026〕${i}号`,
      title: `许可 ${i}`,
      authority: '广州市越秀区市场监督管理局',
      authorityDept: 'market',
      decidedOn,
      validUntil: addMonths(decidedOn, 60),
      published: true,
    });
  }
  for (const [i, p] of (o.penalties ?? []).entries()) {
    const decidedOn = addMonths(day, -p.monthsAgo);
    const severity = p.severity ?? 'ordinary';
    records.push({
      id: repo.recordIdOf('penalty', decidedOn, `p${i}`),
      creditCode: f.creditCode,
      kind: 'penalty',
      decisionNo: `测试罚〔2026〕${i}号`,
      title: `处罚 ${i}`,
      basis: '《中华人民共和国食品安全法》第一百二十六条',
      severity,
      authority: '广州市越秀区市场监督管理局',
      authorityDept: 'market',
      decidedOn,
      published: severity !== 'minor',
      ...(severity !== 'minor' ? { leavesOn: addMonths(decidedOn, severity === 'serious' ? 36 : 12) } : {}),
    });
  }
  await repo.writeItems(records.map(repo.recordItem));
  await recomputeGrade(f.creditCode);
  return { firm: f, records };
}

/** People with accounts made `daysOld` days ago (the storm rule reads an account's age). */
async function people(count: number, daysOld: number): Promise<{ id: string; token: string }[]> {
  const created = new Date(Date.now() - daysOld * 86_400_000).toISOString();
  const list = Array.from({ length: count }, () => ({ id: `u-cr-${RUN}-${++n}`, name: `张${n}` }));
  await batchPut(
    list.flatMap((p) => seedUserItems({ id: p.id, role: 'resident', nickname: p.name, realName: p.name, idLevel: 2, createdAt: created, updatedAt: created })),
  );
  return Promise.all(list.map(async (p) => ({ id: p.id, token: await token(p.id, 'resident') })));
}

describe('looking a firm up', () => {
  it('finds a firm by any two characters of its name or by its code, in at most three store calls', async () => {
    const byName = await call(handler, 'GET /v1/credit/firms', { query: { q: '糖水' } });
    expect(byName.status).toBe(200);
    expect(byName.body.items.map((i: { creditCode: string }) => i.creditCode)).toContain(TANGSHUI);
    expect(cost(byName).calls).toBeLessThanOrEqual(3);
    const byCode = await call(handler, 'GET /v1/credit/firms', { query: { q: TANGSHUI.toLowerCase() } });
    expect(byCode.body.items).toEqual([expect.objectContaining({ creditCode: TANGSHUI, name: '广州越秀北京路陈记糖水有限公司', grade: 'B' })]);
    const none = await call(handler, 'GET /v1/credit/firms', { query: { q: '不存在的名字' } });
    expect(none.body).toEqual({ items: [], more: false });
  });

  it('refuses a one-character query or a bad code with a clear message', async () => {
    const short = await call(handler, 'GET /v1/credit/firms', { query: { q: '糖' } });
    expect(short.status).toBe(400);
    expect(JSON.stringify(short.body)).toContain('请至少输入两个字');
    const bad = await call(handler, 'GET /v1/credit/firms/{creditCode}', { params: { creditCode: '91440104MA5H6TS2QX' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('统一社会信用代码');
  });
});

describe('the public profile', () => {
  it('shows the grade, licences, penalties of three years and the rating, the legal representative masked; never a 简易程序 penalty', async () => {
    const r = await call(handler, 'GET /v1/credit/firms/{creditCode}', { params: { creditCode: TANGSHUI } });
    expect(r.status).toBe(200);
    expect(r.body.grade.grade).toBe('B');
    expect(r.body.firm.legalRepresentative).toBe('梁*梅');
    expect(r.body.penalties).toHaveLength(2);
    expect(r.body.licences.map((l: { valid: boolean }) => l.valid).sort()).toEqual([false, true]);
    expect(r.body.own).toBeUndefined();
    const yuewei = await call(handler, 'GET /v1/credit/firms/{creditCode}', { params: { creditCode: '91440104MA5CXK1P06' } });
    expect(yuewei.body.penalties).toEqual([]);
    expect(yuewei.body.honours.map((h: { title: string }) => h.title)).toEqual(['北京路商圈诚信经营示范店']);
  });

  it('a firm with 5,000 records: the profile is one BatchGet and four Queries, and its records page 20 at a time, newest first', async () => {
    const { firm } = await firmWithRecords({ licences: 5000, penalties: [{ monthsAgo: 2 }] }, '五千');
    const p = await call(handler, 'GET /v1/credit/firms/{creditCode}', { params: { creditCode: firm.creditCode } });
    expect(p.status).toBe(200);
    expect(p.body.counts).toEqual({ licence: 5000, penalty: 1, honour: 0 });
    expect(p.body.licences).toHaveLength(5);
    expect(cost(p).ops).toEqual(
      new Map([
        ['BatchGetItem', 1],
        ['Query', 4],
      ]),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 3; i++) {
      const page = await call(handler, 'GET /v1/credit/firms/{creditCode}/records', {
        params: { creditCode: firm.creditCode },
        query: { kind: 'licence', ...(cursor ? { cursor } : {}) },
      });
      expect(page.status).toBe(200);
      expect(page.body.items).toHaveLength(20);
      expect(cost(page).ops).toEqual(
        new Map([
          ['BatchGetItem', 1],
          ['Query', 1],
        ]),
      );
      seen.push(...page.body.items.map((x: { decidedOn: string }) => x.decidedOn));
      cursor = page.body.cursor;
    }
    expect([...seen].sort().reverse()).toEqual(seen);
    // a cursor of another firm's list is refused, not followed
    const other = await call(handler, 'GET /v1/credit/firms/{creditCode}/records', {
      params: { creditCode: TANGSHUI },
      query: { kind: 'licence', cursor: cursor! },
    });
    expect(other.status).toBe(400);
  });
});

describe('rating a merchant', () => {
  const body = (over: Record<string, unknown> = {}) => ({ scan: scanProof(TANGSHUI), stars: 4, tags: ['服务热情'], comment: '糖水好喝，服务热情。', ...over });
  const post = (who: { token: string }, code: string, b: unknown, key: string) =>
    callWithKey('POST /v1/credit/firms/{creditCode}/ratings', { token: who.token, params: { creditCode: code }, body: b }, key);

  it(
    'one rating per person and merchant in 30 days: of 20 attempts at once one is written; the same key again answers it',
    async () => {
      const { firm } = await firmWithRecords({}, '评价');
      const [p] = await people(1, 100);
      const attempts = await Promise.all(
        Array.from({ length: 20 }, (_, i) => post(p, firm.creditCode, { ...body(), scan: scanProof(firm.creditCode) }, `k-${RUN}-20-${i}`)),
      );
      const statuses = attempts.map((a) => a.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(19);
      expect(attempts.find((a) => a.status === 409)!.body.error.message).toMatch(/起可以再次评价/);
      const won = attempts.find((a) => a.status === 201)!;
      const winnerKey = `k-${RUN}-20-${attempts.indexOf(won)}`;
      const again = await post(p, firm.creditCode, { ...body(), scan: scanProof(firm.creditCode) }, winnerKey);
      expect([again.status, again.body.id]).toEqual([200, won.body.id]);
      await countersSettled();
      const profile = await call(handler, 'GET /v1/credit/firms/{creditCode}', { params: { creditCode: firm.creditCode } });
      expect(profile.body.rating).toEqual({ average: 4, count: 1, stars: [0, 0, 0, 1, 0] });
      // 30 days on, the same person may rate again
      process.env.FAKE_NOW = new Date(Date.now() + 31 * 86_400_000).toISOString();
      const later = await post(p, firm.creditCode, { ...body(), scan: scanProof(firm.creditCode) }, `k-${RUN}-later`);
      expect(later.status).toBe(201);
    },
    COUNTERS_TEST_TIMEOUT,
  );

  it('needs the code of the poster in the shop, refuses a firm rating itself, and checks every field', async () => {
    const [p] = await people(1, 100);
    const wrong = await post(p, TANGSHUI, body({ scan: 'x'.repeat(32) }), `k-${RUN}-${++n}`);
    expect([wrong.status, wrong.body.error.message]).toEqual([403, '信用码已更新或不正确，请扫描店内张贴的最新信用码后再评价']);
    const stars = await post(p, TANGSHUI, body({ stars: 6 }), `k-${RUN}-${++n}`);
    expect(stars.status).toBe(400);
    const tags = await post(p, TANGSHUI, body({ tags: ['好吃'] }), `k-${RUN}-${++n}`);
    expect(tags.status).toBe(400);
    const own = await post({ token: await token('u-agent-tang', 'enterprise') }, TANGSHUI, body(), `k-${RUN}-${++n}`);
    expect(own.status).toBe(403);
    expect(await repo.getGuard(TANGSHUI, p.id)).toBeUndefined();
  });

  it(
    'words on the list hold a rating for the market regulator, whose release shows it and whose removal tells the rater',
    async () => {
      const { firm } = await firmWithRecords({}, '审核');
      const [a, b] = await people(2, 100);
      const held = await post(a, firm.creditCode, { ...body(), scan: scanProof(firm.creditCode), comment: '老板说可以代开发票' }, `k-${RUN}-${++n}`);
      expect([held.status, held.body.status, held.body.heldFor]).toEqual([201, 'held', 'words']);
      const held2 = await post(b, firm.creditCode, { ...body(), scan: scanProof(firm.creditCode), stars: 1, comment: '去死吧这家店' }, `k-${RUN}-${++n}`);
      expect(held2.body.status).toBe('held');
      const list = await call(handler, 'GET /v1/credit/firms/{creditCode}/ratings', { params: { creditCode: firm.creditCode } });
      expect(list.body.items).toEqual([]);
      const police = await call(handler, 'GET /v1/staff/credit/ratings/held', { token: await token('u-staff-police', 'staff') });
      expect(police.status).toBe(403);
      const market = await token('u-staff-market', 'staff');
      const queue = await call(handler, 'GET /v1/staff/credit/ratings/held', { token: market });
      expect(queue.body.items.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining([held.body.id, held2.body.id]));
      const release = await call(handler, 'POST /v1/staff/credit/ratings/{creditCode}/{ratingId}/moderate', {
        token: market,
        params: { creditCode: firm.creditCode, ratingId: held.body.id },
        body: { action: 'release' },
      });
      expect(release.body.status).toBe('shown');
      const twice = await call(handler, 'POST /v1/staff/credit/ratings/{creditCode}/{ratingId}/moderate', {
        token: market,
        params: { creditCode: firm.creditCode, ratingId: held.body.id },
        body: { action: 'release' },
      });
      expect(twice.status).toBe(409);
      const noReason = await call(handler, 'POST /v1/staff/credit/ratings/{creditCode}/{ratingId}/moderate', {
        token: market,
        params: { creditCode: firm.creditCode, ratingId: held2.body.id },
        body: { action: 'remove' },
      });
      expect(noReason.status).toBe(400);
      const removed = await call(handler, 'POST /v1/staff/credit/ratings/{creditCode}/{ratingId}/moderate', {
        token: market,
        params: { creditCode: firm.creditCode, ratingId: held2.body.id },
        body: { action: 'remove', reason: '含辱骂用语' },
      });
      expect(removed.body.status).toBe('removed');
      expect((await listMessages(b.id, 5)).items[0]).toEqual(expect.objectContaining({ title: '您的评价未通过审核' }));
      await countersSettled();
      const profile = await call(handler, 'GET /v1/credit/firms/{creditCode}', { params: { creditCode: firm.creditCode } });
      // the average counts the released rating only, never the removed one
      expect(profile.body.rating).toEqual({ average: 4, count: 1, stars: [0, 0, 0, 1, 0] });
    },
    COUNTERS_TEST_TIMEOUT,
  );

  it('a storm of new accounts within the hour is held, the earlier ones of the storm too; older accounts are not', async () => {
    const { firm } = await firmWithRecords({}, '刷评');
    const young = await people(5, 1);
    const [old] = await people(1, 100);
    const results = [];
    for (const p of young) results.push(await post(p, firm.creditCode, { ...body(), scan: scanProof(firm.creditCode), stars: 5 }, `k-${RUN}-${++n}`));
    expect(results.map((r) => r.body.status)).toEqual(['shown', 'shown', 'shown', 'shown', 'held']);
    expect(results[4].body.heldFor).toBe('storm');
    const oldOne = await post(old, firm.creditCode, { ...body(), scan: scanProof(firm.creditCode), stars: 2 }, `k-${RUN}-${++n}`);
    expect(oldOne.body.status).toBe('shown');
    const shown = await call(handler, 'GET /v1/credit/firms/{creditCode}/ratings', { params: { creditCode: firm.creditCode } });
    expect(shown.body.items.map((r: { stars: number }) => r.stars)).toEqual([2]);
  });

  it('the merchant replies once; the rater is told; another firm cannot', async () => {
    const [p] = await people(1, 100);
    const rated = await post(p, TANGSHUI, body({ comment: '红豆沙很好' }), `k-${RUN}-${++n}`);
    expect(rated.status).toBe(201);
    const agent = await token('u-agent-tang', 'enterprise');
    const replied = await call(handler, 'POST /v1/credit/mine/ratings/{ratingId}/reply', {
      token: agent,
      params: { ratingId: rated.body.id },
      body: { text: '谢谢您的喜欢，欢迎再来！' },
    });
    expect([replied.status, replied.body.reply.text]).toEqual([200, '谢谢您的喜欢，欢迎再来！']);
    const again = await call(handler, 'POST /v1/credit/mine/ratings/{ratingId}/reply', {
      token: agent,
      params: { ratingId: rated.body.id },
      body: { text: '再回复一次' },
    });
    expect(again.status).toBe(409);
    const other = await call(handler, 'POST /v1/credit/mine/ratings/{ratingId}/reply', {
      token: await token('u-enterprise-chen', 'enterprise'),
      params: { ratingId: rated.body.id },
      body: { text: '别家的回复' },
    });
    expect(other.status).toBe(404);
    expect((await listMessages(p.id, 5)).items[0]).toEqual(expect.objectContaining({ title: '商家回复了您的评价' }));
  });
});

describe('credit repair (信用修复)', () => {
  let f: { firm: TestFirm; records: repo.CreditRecordRecord[] };
  let agent: string;
  let pdf: string;
  beforeAll(async () => {
    f = await firmWithRecords({ penalties: [{ monthsAgo: 5 }, { monthsAgo: 1 }] }, '修复');
    agent = (await agentOf(f.firm, { commitments: true })).token;
    pdf = await uploadPdf(agent);
  });
  const file = (who: string, b: Record<string, unknown>, key = `k-${RUN}-${++n}`) => callWithKey('POST /v1/credit/mine/reviews', { token: who, body: b }, key);
  const repair = (recordId: string) => ({
    kind: 'repair',
    recordId,
    text: '已于当月完成整改并缴清罚款，附整改报告和缴款凭证。',
    files: [pdf],
    commitment: true,
  });

  it('the firm sees why its grade is B and when each penalty may be repaired', async () => {
    const mine = await call(handler, 'GET /v1/credit/mine', { token: agent });
    expect(mine.status).toBe(200);
    expect(mine.body.grade.grade).toBe('B');
    expect(mine.body.own.score).toBe(84);
    expect(mine.body.own.reasons).toHaveLength(2);
    expect(mine.body.own.reasons[0].advice).toMatch(/可申请信用修复/);
    expect(mine.body.own.history[0]).toEqual(expect.objectContaining({ from: 'A', to: 'B' }));
  });

  it('refuses a repair before the minimum period, with the day it becomes possible; an agent without commitments may not sign', async () => {
    const recent = f.records.find((r) => r.title === '处罚 1')!;
    const early = await file(agent, repair(recent.id));
    expect(early.status).toBe(422);
    expect(early.body.error.message).toBe(`该处罚信息未满最短公示期（3 个月），${addMonths(recent.decidedOn, 3)} 起可以申请信用修复`);
    const plain = (await agentOf(f.firm)).token;
    const refused = await file(plain, repair(f.records[0].id));
    expect(refused.status).toBe(403);
    const noCommitment = await file(agent, { ...repair(f.records[0].id), commitment: false });
    expect(noCommitment.status).toBe(400);
  });

  it('files once; only the deciding authority sees it; approval takes it off the profile and the grade goes back to A', async () => {
    const old = f.records.find((r) => r.title === '处罚 0')!;
    const [a, b] = await Promise.all([file(agent, repair(old.id), `k-${RUN}-dbl`), file(agent, repair(old.id), `k-${RUN}-dbl2`)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const filed = a.status === 201 ? a.body : b.body;
    expect(filed.deadline > filed.receivedOn).toBe(true);
    expect(filed.light).toBe('green');
    const police = await call(handler, 'GET /v1/staff/credit/reviews/{id}', { token: await token('u-staff-police', 'staff'), params: { id: filed.id } });
    expect(police.status).toBe(404);
    const market = await token('u-staff-market', 'staff');
    const queue = await call(handler, 'GET /v1/staff/credit/reviews', { token: market });
    expect(queue.body.items.map((r: { id: string }) => r.id)).toContain(filed.id);
    const detail = await call(handler, 'GET /v1/staff/credit/reviews/{id}', { token: market, params: { id: filed.id } });
    expect(detail.body.files[0]).toEqual(expect.objectContaining({ id: pdf, url: expect.any(String) }));
    const decided = await call(handler, 'POST /v1/staff/credit/reviews/{id}/decision', {
      token: market,
      params: { id: filed.id },
      body: { version: 1, approve: true },
    });
    expect([decided.status, decided.body.status, decided.body.record.status]).toEqual([200, 'approved', 'repaired']);
    const second = await call(handler, 'POST /v1/staff/credit/reviews/{id}/decision', {
      token: market,
      params: { id: filed.id },
      body: { version: 1, approve: false, reason: '材料不全' },
    });
    expect(second.status).toBe(409);
    await drainCredit();
    const pub = await call(handler, 'GET /v1/credit/firms/{creditCode}', { params: { creditCode: f.firm.creditCode } });
    expect(pub.body.penalties.map((p: { id: string }) => p.id)).not.toContain(old.id);
    expect(pub.body.grade.grade).toBe('A');
    const mine = await call(handler, 'GET /v1/credit/mine', { token: agent });
    expect(mine.body.own.history[0]).toEqual(expect.objectContaining({ from: 'B', to: 'A' }));
    expect((await listMessages(f.firm.rep.id, 5)).items.map((m: { title: string }) => m.title)).toContain('信用修复申请已通过');
  });

  it('an objection marks the record 异议处理中 publicly until refused', async () => {
    const recent = f.records.find((r) => r.title === '处罚 1')!;
    const filed = await file(agent, { kind: 'objection', recordId: recent.id, text: '处罚决定书所载地址并非本店，系登记错误。', files: [pdf] });
    expect(filed.status).toBe(201);
    const pub = await call(handler, 'GET /v1/credit/firms/{creditCode}', { params: { creditCode: f.firm.creditCode } });
    expect(pub.body.penalties.find((p: { id: string }) => p.id === recent.id).reviewing).toBe(true);
    const refused = await call(handler, 'POST /v1/staff/credit/reviews/{id}/decision', {
      token: await token('u-staff-market', 'staff'),
      params: { id: filed.body.id },
      body: { version: 1, approve: false, reason: '经核查，处罚决定所载信息无误。' },
    });
    expect(refused.body.status).toBe('refused');
    const after = await call(handler, 'GET /v1/credit/firms/{creditCode}', { params: { creditCode: f.firm.creditCode } });
    expect(after.body.penalties.find((p: { id: string }) => p.id === recent.id).reviewing).toBe(false);
  });

  it('a penalty past its maximum period leaves by itself, once', async () => {
    const { firm, records } = await firmWithRecords({ penalties: [{ monthsAgo: 12 }] }, '到期');
    expect((await repo.getRecord(firm.creditCode, records[0].id))!.published).toBe(true);
    const first = await sweepExpiredRecords();
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect((await repo.getRecord(firm.creditCode, records[0].id))!).toEqual(expect.objectContaining({ published: false, removedWhy: 'expired' }));
    const again = await sweepExpiredRecords();
    expect(again.expired).toBe(0);
    await drainCredit();
    expect((await repo.readFirm(firm.creditCode, true)).firm!.grade).toBe('A');
  });
});

// ---- helpers ----

/** A call with an Idempotency-Key, as the pages send it. */
function callWithKey(routeKey: string, opts: { token?: string; params?: Record<string, string>; body?: unknown }, key: string) {
  return call((e) => handler({ ...e, headers: { ...e.headers, 'idempotency-key': key } }), routeKey, opts);
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const uploadPdf = async (t: string) => (await upload(t, PDF, 'application/pdf', '整改报告.pdf')).fileId as string;
