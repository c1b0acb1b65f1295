/**
 * 政策超市 and 免申即享 (issue 17) against DynamoDB Local: publishing and versions, the market and its search, a firm's
 * verdict condition by condition, the 数据比对 batch, 意愿确认 (once, by whom), approval and payment, withdrawal.
 * Every policy here is limited to industry T9000 (国际组织), which only this file's firms have: other files' firms are
 * compared too (the batch reads every firm) but never match.
 */
import type { NewPolicy } from '@yx/shared';
import { call } from '../../test/http';
import { fill, login, startLocalFiles, upload } from '../../test/apply';
import { handler as applications } from '../applications/handler';
import { agentOf, firmWith, type TestFirm } from '../../test/firms';
import { residentWithId } from '../../test/people';
import { countersSettled, COUNTERS_TEST_TIMEOUT } from '../../test/streams';
import { drainPolicyMatches } from '../jobs/policyMatches';
import { listMessages } from '../messages/repository';
import { seedAll } from '../seed/seed';
import { handler } from './handler';

let stopFiles: () => Promise<void>;
let commerce: string;
let scitech: string;
beforeAll(async () => {
  await seedAll();
  stopFiles = await startLocalFiles();
  commerce = await login('u-staff-commerce');
  scitech = await login('u-staff-scitech');
});
afterAll(() => stopFiles());
beforeEach(() => {
  process.env.FAKE_NOW = '2026-06-15T10:00:00+08:00'; // mid-window of every policy below
});
afterEach(() => {
  delete process.env.FAKE_NOW;
});

const RUN = Date.now().toString(36);
let seq = 0;
const INDUSTRY = 'T9000';

type Input = Omit<NewPolicy, 'items'> & { items: NewPolicy['items'] };
function policy(over: Partial<Input> = {}): Input & { id: string } {
  return {
    id: `t-${RUN}-${++seq}`,
    title: `测试扶持政策第${seq}号`,
    issuer: 'commerce',
    docNo: `越商务〔2026〕T${seq}号`,
    issuedOn: '2026-06-01',
    text: '第一条 为支持企业发展，对符合条件的企业给予扶持。第二条 本办法自发布之日起施行。',
    interpretation: `测试解读：对国际组织类企业给予奖励，关键词独角兽${RUN}${seq}，营业收入达标即可。`,
    topics: ['innovation'],
    items: [
      {
        title: '营收达标奖励',
        benefit: { type: 'subsidy', text: '营业收入达到 1,000 万元的奖励 10 万元', amountYuan: 100_000 },
        conditions: [
          { kind: 'industry', codes: [INDUSTRY] },
          { kind: 'revenue', min: 1000 },
          { kind: 'age', min: 3 },
        ],
        validFrom: '2026-06-01',
        validTo: '2026-12-31',
        mode: 'auto',
      },
    ],
    ...over,
  };
}

const publish = (token: string, body: object) => call(handler, 'POST /v1/staff/policies', { token, body });
const firmDetail = (token: string, id: string) => call(handler, 'GET /v1/firm/policies/{id}', { token, params: { id } });
const offers = async (token: string) =>
  (await call(handler, 'GET /v1/firm/offers', { token })).body.items as { itemId: string; status: string; policyVersion: number; amountYuan: number }[];
const confirm = (token: string, itemId: string, accountNo = '6222 0000 1111 2222') =>
  call(handler, 'POST /v1/firm/offers/{itemId}/confirm', {
    token,
    params: { itemId },
    body: { account: { bank: '工商银行越秀支行', accountNo }, agree: true },
  });
const firmOf = (facts: Parameters<typeof firmWith>[0]) => firmWith({ industry: INDUSTRY, size: 'small', registeredOn: '2020-01-10', ...facts });

describe('publishing and the market', () => {
  it('publishes, finds the policy by a word of its interpretation and by filters, and hides it from other filters', async () => {
    const p = policy();
    const made = await publish(commerce, p);
    expect([made.status, made.body.version, made.body.items[0].id]).toEqual([200, 1, `${p.id}-1`]);
    const word = `独角兽${RUN}${seq}`;
    const found = await call(handler, 'GET /v1/policies', { query: { q: word } });
    expect(found.body.items.map((x: { id: string }) => x.id)).toEqual([p.id]);
    expect((await call(handler, 'GET /v1/policies', { query: { q: word, benefit: 'subsidy', industry: 'T', mode: 'auto', deadline: '90' } })).body.total).toBe(
      0,
    ); // closes in 199 days
    expect((await call(handler, 'GET /v1/policies', { query: { q: word, benefit: 'tax' } })).body.total).toBe(0);
    expect((await call(handler, 'GET /v1/policies', { query: { q: word, industry: 'I65' } })).body.total).toBe(0);
    expect((await call(handler, 'GET /v1/policies', { query: { q: word, industry: 'T', department: 'commerce', topic: 'innovation' } })).body.total).toBe(1);
    const detail = await call(handler, 'GET /v1/policies/{id}', { params: { id: p.id } });
    expect(detail.body.items[0].conditionTexts).toEqual(['所属行业：国际组织', '上年度营业收入 ≥ 1,000 万元', '成立年限：满 3 年']);
  });

  it('refuses bad input with Chinese messages, another department, and residents', async () => {
    const noAmount = policy({ items: [{ ...policy().items[0], benefit: { type: 'subsidy', text: '奖励若干万元' } }] });
    const r = await publish(commerce, noAmount);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('免申即享条目要写明金额或计算方式');
    const bad = await publish(commerce, policy({ items: [{ ...policy().items[0], conditions: [{ kind: 'revenue', min: 5, max: 1 }] }] }));
    expect(bad.body.error.message).toContain('营业收入下限不能大于上限');
    expect((await publish(commerce, policy({ issuer: 'sci-tech' }))).status).toBe(403);
    const mine = policy();
    await publish(commerce, mine);
    const theirs = await call(handler, 'POST /v1/staff/policies/{id}/versions', {
      token: scitech,
      params: { id: mine.id },
      body: { ...mine, id: undefined, expectedVersion: 1 },
    });
    expect(theirs.status).toBe(404);
    const resident = await residentWithId('李居民');
    expect((await publish(resident.token, policy())).status).toBe(403);
  });
});

describe("a firm's verdict, condition by condition", () => {
  it('says why: boundaries met, 还差 N 个月, missing tax data with what to upload, and declared facts marked 待核验', async () => {
    const p = policy({
      items: [
        {
          title: '研发后补助',
          benefit: { type: 'subsidy', text: '按纳税额每万元补助 500 元', perUnit: { base: 'taxPaid', yuan: 500 }, capYuan: 300_000 },
          conditions: [
            { kind: 'industry', codes: [INDUSTRY] },
            { kind: 'revenue', min: 1000 },
            { kind: 'taxPaid', min: 10 },
          ],
          validFrom: '2026-06-01',
          validTo: '2026-12-31',
          mode: 'apply',
        },
        { ...policy().items[0], title: '成立年限奖励' },
      ],
    });
    await publish(commerce, p);
    const f = await firmOf({ revenue: 1000, registeredOn: '2023-11-20' }); // exactly the minimum; 满 3 年 on 2026-11-20
    const d = (await firmDetail(f.legal, p.id)).body;
    const [apply, auto] = d.matches;
    expect(apply.conditions.map((c: { status: string }) => c.status)).toEqual(['met', 'met', 'unknown']);
    expect(apply.conditions[1].text).toBe('上年度营业收入 1,000 万元 ≥ 1,000 万元');
    expect(apply.conditions[2]).toMatchObject({ text: '上年度纳税额数据缺失', hint: '上传上年度完税证明', fact: 'taxPaid' });
    expect(apply.verdict).toBe('unknown');
    expect(auto.verdict).toBe('ineligible');
    expect(auto.conditions[2]).toMatchObject({ status: 'unmet', hint: '还差 6 个月（2026-11-20 起满 3 年）' });

    // the firm adds its tax paid with a proof: counts for the 依申请 item (marked 待核验), with the amount
    const { fileId } = await upload(f.legal);
    const declared = await call(handler, 'PUT /v1/firm/profile/facts', { token: f.legal, body: { fact: 'taxPaid', value: 40, fileId } });
    expect(declared.status).toBe(200);
    expect(declared.body.facts.find((x: { key: string }) => x.key === 'taxPaid')).toMatchObject({ source: 'declared', value: '40 万元' });
    const after = (await firmDetail(f.legal, p.id)).body.matches[0];
    expect(after).toMatchObject({ verdict: 'eligible', amountYuan: 20_000 });
    expect(after.conditions[2]).toMatchObject({ status: 'met', declared: true, text: '上年度纳税额 40 万元 ≥ 10 万元（企业自报，待核验）' });
    // a fact the district holds is not the firm's to change
    const again = await call(handler, 'PUT /v1/firm/profile/facts', { token: f.legal, body: { fact: 'revenue', value: 5000, fileId } });
    expect([again.status, again.body.error.message]).toEqual([422, '区里已掌握企业的上年度营业收入，无需自报；如有出入请联系主管部门更正']);
    // the firm's list shows its verdicts, and 只看可享受的 leaves out what it cannot get
    const mine = await call(handler, 'GET /v1/firm/policies', { token: f.legal, query: { q: `独角兽${RUN}${seq}` } });
    expect(mine.body.items[0].items.map((i: { verdict: string }) => i.verdict)).toEqual(['eligible', 'ineligible']);
    const forMe = await call(handler, 'GET /v1/firm/policies', { token: f.legal, query: { q: `独角兽${RUN}${seq}`, forMe: '1' } });
    expect(forMe.body.items[0].items.map((i: { id: string }) => i.id)).toEqual([`${p.id}-1`]);
  });
});

describe('免申即享: 数据比对 → 意愿确认 → 拨付到账', () => {
  async function offered(facts: Parameters<typeof firmWith>[0] = { revenue: 1500 }) {
    const p = policy();
    await publish(commerce, p);
    const f = await firmOf(facts);
    const other = await firmOf({ revenue: 999 }); // one below the line: no offer
    const unknown = await firmOf({}); // no revenue on record: 信息不足, no offer (免申即享 pays from the district's data only)
    const { fileId } = await upload(unknown.legal);
    await call(handler, 'PUT /v1/firm/profile/facts', { token: unknown.legal, body: { fact: 'revenue', value: 5000, fileId } });
    await call(handler, 'POST /v1/staff/policy-items/{itemId}/match', { token: commerce, params: { itemId: `${p.id}-1` } }); // the firms came after publishing
    await drainPolicyMatches();
    return { p, itemId: `${p.id}-1`, f, other, unknown };
  }

  it('offers only the eligible firm, tells its legal representative, and keeps the facts compared', async () => {
    const { itemId, f, other, unknown } = await offered();
    const mine = (await offers(f.legal)).find((o) => o.itemId === itemId);
    expect(mine).toMatchObject({ status: 'offered', amountYuan: 100_000, policyVersion: 1 });
    expect((await offers(other.legal)).some((o) => o.itemId === itemId)).toBe(false);
    expect((await offers(unknown.legal)).some((o) => o.itemId === itemId)).toBe(false);
    const inbox = await listMessages(f.rep.id, 20);
    expect(inbox.items.some((m) => m.title === '免申即享：营收达标奖励')).toBe(true);
    // a second run offers nothing twice
    await call(handler, 'POST /v1/staff/policy-items/{itemId}/match', { token: commerce, params: { itemId } });
    await drainPolicyMatches();
    expect((await offers(f.legal)).filter((o) => o.itemId === itemId)).toHaveLength(1);
  });

  it('confirms once: a double tap answers the same, another account after it is refused', async () => {
    const { itemId, f } = await offered();
    const [a, b] = await Promise.all([confirm(f.legal, itemId), confirm(f.legal, itemId)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.body.status, b.body.status]).toEqual(['confirmed', 'confirmed']);
    expect(a.body.account).toBe('工商银行越秀支行 尾号 2222');
    const other = await confirm(f.legal, itemId, '6222000099998888');
    expect([other.status, other.body.error.message]).toEqual([409, '该政策兑现已确认，待审核，不能再确认']);
  });

  it('lets an agent confirm only with the 政策兑现 scope, and not once revoked', async () => {
    const { itemId, f } = await offered();
    const plain = await agentOf(f);
    const refused = await confirm(plain.token, itemId);
    expect([refused.status, refused.body.error.message]).toEqual([403, '您未获授权办理政策兑现（确认领取、指定收款账户），请由法定代表人确认或调整授权']);
    // the agent may still look
    expect((await firmDetail(plain.token, `${itemId.slice(0, -2)}`)).status).toBe(200);
    const { handler: identity } = await import('../identity/handler');
    await call(identity, 'POST /v1/firm/agents/{agentId}/revoke', { token: f.legal, params: { agentId: plain.person.id } });
    expect((await call(handler, 'GET /v1/firm/offers', { token: plain.token })).status).toBe(401); // the session ended with the grant
    const scoped = await agentOf(f, { benefits: true });
    const ok = await confirm(scoped.token, itemId);
    expect([ok.status, ok.body.confirmedBy]).toEqual([200, expect.stringContaining('经办人')]);
  });

  it(
    'approves and pays: the firm sees the money as paid and 兑现公示 counts it (no firm named)',
    async () => {
      const { itemId, f } = await offered();
      await confirm(f.legal, itemId);
      const wrongDesk = await call(handler, 'POST /v1/staff/policy-items/{itemId}/approve', {
        token: scitech,
        params: { itemId },
        body: { creditCodes: [f.creditCode] },
      });
      expect(wrongDesk.status).toBe(404);
      const early = await call(handler, 'POST /v1/staff/policy-items/{itemId}/pay', {
        token: commerce,
        params: { itemId },
        body: { creditCodes: [f.creditCode], reference: 'GK2026061500001', paidOn: '2026-06-15' },
      });
      expect(early.body).toEqual({ done: [], skipped: [{ creditCode: f.creditCode, reason: '已确认，待审核' }] });
      const approved = await call(handler, 'POST /v1/staff/policy-items/{itemId}/approve', {
        token: commerce,
        params: { itemId },
        body: { creditCodes: [f.creditCode] },
      });
      expect(approved.body.done).toEqual([f.creditCode]);
      const page = await call(handler, 'GET /v1/staff/policy-items/{itemId}/offers', { token: commerce, params: { itemId }, query: { status: 'approved' } });
      expect(page.body.items.map((o: { creditCode: string; account: string }) => [o.creditCode, o.account])).toEqual([
        [f.creditCode, '工商银行越秀支行 6222000011112222'],
      ]);
      const paid = await call(handler, 'POST /v1/staff/policy-items/{itemId}/pay', {
        token: commerce,
        params: { itemId },
        body: { creditCodes: [f.creditCode], reference: 'GK2026061500001', paidOn: '2026-06-15' },
      });
      expect(paid.body.done).toEqual([f.creditCode]);
      const mine = (await call(handler, 'GET /v1/firm/offers', { token: f.legal })).body.items.find((o: { itemId: string }) => o.itemId === itemId);
      expect(mine).toMatchObject({ status: 'paid', paymentRef: 'GK2026061500001' });
      await countersSettled();
      const summary = await call(handler, 'GET /v1/staff/policy-items/{itemId}/batch', { token: commerce, params: { itemId } });
      expect(summary.body.counts.paid).toEqual({ firms: 1, amountYuan: 100_000 });
      const pub = await call(handler, 'GET /v1/policies/disbursements');
      expect(pub.body.items.find((r: { itemId: string }) => r.itemId === itemId)).toMatchObject({ firms: 1, amountYuan: 100_000 });
      expect(JSON.stringify(pub.body)).not.toContain(f.creditCode);
    },
    COUNTERS_TEST_TIMEOUT,
  );
});

describe('versions and withdrawal', () => {
  it('keeps an offer on the version it was judged by; a stale save is a 409', async () => {
    const p = policy();
    await publish(commerce, p);
    const f = await firmOf({ revenue: 1500 });
    await call(handler, 'POST /v1/staff/policy-items/{itemId}/match', { token: commerce, params: { itemId: `${p.id}-1` } });
    await drainPolicyMatches();
    const { id, ...body } = p;
    const v2 = await call(handler, 'POST /v1/staff/policies/{id}/versions', {
      token: commerce,
      params: { id },
      body: {
        ...body,
        items: [
          {
            ...p.items[0],
            id: `${id}-1`,
            conditions: [
              { kind: 'industry', codes: [INDUSTRY] },
              { kind: 'revenue', min: 2000 },
            ],
          },
        ],
        expectedVersion: 1,
        note: '提高门槛',
      },
    });
    expect([v2.status, v2.body.version]).toEqual([200, 2]);
    const stale = await call(handler, 'POST /v1/staff/policies/{id}/versions', { token: commerce, params: { id }, body: { ...body, expectedVersion: 1 } });
    expect(stale.status).toBe(409);
    expect((await offers(f.legal)).find((o) => o.itemId === `${id}-1`)).toMatchObject({ status: 'offered', policyVersion: 1 });
    // judged by version 2 now, the firm falls short; its offer from version 1 stands
    const now = (await firmDetail(f.legal, id)).body.matches[0];
    expect([now.policyVersion, now.verdict, now.offerStatus]).toEqual([2, 'ineligible', 'offered']);
    const history = await call(handler, 'GET /v1/staff/policies/{id}/versions', { token: commerce, params: { id } });
    expect(history.body.items.map((v: { version: number; note?: string }) => [v.version, v.note])).toEqual([
      [2, '提高门槛'],
      [1, undefined],
    ]);
  });

  it('withdraws: gone from the market, readable as 已撤回, unconfirmed offers lapse and cannot be confirmed', async () => {
    const p = policy();
    await publish(commerce, p);
    const f = await firmOf({ revenue: 1500 });
    const itemId = `${p.id}-1`;
    await call(handler, 'POST /v1/staff/policy-items/{itemId}/match', { token: commerce, params: { itemId } });
    await drainPolicyMatches();
    const w = await call(handler, 'POST /v1/staff/policies/{id}/withdraw', {
      token: commerce,
      params: { id: p.id },
      body: { reason: '政策调整，另行发布', expectedVersion: 1 },
    });
    expect([w.status, w.body.status]).toEqual([200, 'withdrawn']);
    expect(
      (
        await call(handler, 'POST /v1/staff/policies/{id}/withdraw', {
          token: commerce,
          params: { id: p.id },
          body: { reason: '再撤一次', expectedVersion: 1 },
        })
      ).status,
    ).toBe(409);
    expect((await call(handler, 'GET /v1/policies', { query: { q: `独角兽${RUN}${seq}` } })).body.total).toBe(0);
    expect((await call(handler, 'GET /v1/staff/policies', { token: commerce, query: { q: `独角兽${RUN}${seq}`, withdrawn: '1' } })).body.items[0].status).toBe(
      'withdrawn',
    );
    expect((await call(handler, 'GET /v1/policies/{id}', { params: { id: p.id } })).body).toMatchObject({
      status: 'withdrawn',
      withdrawnReason: '政策调整，另行发布',
    });
    expect((await offers(f.legal)).find((o) => o.itemId === itemId)?.status).toBe('lapsed');
    const late = await confirm(f.legal, itemId);
    expect([late.status, late.body.error.message]).toEqual([409, '该政策兑现已过期，不能再确认']);
  });
});

describe('依申请: through the application flow', () => {
  const claimPolicy = () =>
    policy({
      items: [
        {
          title: '房租补贴',
          benefit: { type: 'cost', text: '按租金 20% 补贴，最高 5 万元', capYuan: 50_000 },
          conditions: [
            { kind: 'industry', codes: [INDUSTRY] },
            { kind: 'revenue', min: 1000, evidence: '上年度财务报表' },
            { kind: 'notReceived', itemIds: [], withinYears: 1 },
          ],
          validFrom: '2026-06-01',
          validTo: '2026-12-31',
          mode: 'apply',
        },
        policy().items[0],
      ],
    });
  const form = (token: string, policyItemId: string) =>
    call(applications, 'GET /v1/forms/{formId}', { token, params: { formId: 'item-policy-claim' }, query: { policyItemId } });
  const submit = (token: string, body: object) =>
    call((e) => applications({ ...e, headers: { ...e.headers, 'idempotency-key': `claim-${RUN}-${++seq}` } }), 'POST /v1/applications', { token, body });

  it('shows the item and the judgement on the form, keeps them on the application, and takes one application per firm', async () => {
    const p = claimPolicy();
    await publish(commerce, p);
    const f = await firmOf({ revenue: 1500 });
    const itemId = `${p.id}-1`;
    const payload = await form(f.legal, itemId);
    expect(payload.status).toBe(200);
    expect(payload.body.policy).toMatchObject({ itemId, version: 1, verdict: 'eligible', itemTitle: '房租补贴', evidence: ['上年度财务报表'] });
    expect(payload.body.prefill.creditCode).toBe(f.creditCode);
    const { answers } = await fill(f.legal, payload.body);
    const made = await submit(f.legal, { itemId: 'policy-claim', answers, policyItemId: itemId });
    expect([made.status, made.body.error?.message]).toEqual([201, undefined]);
    const staff = await login('u-staff-commerce');
    const { handler: backoffice } = await import('../backoffice/handler');
    const seen = await call(backoffice, 'GET /v1/staff/applications/{appNo}', { token: staff, params: { appNo: made.body.appNo } });
    expect(seen.body.policy).toMatchObject({ itemId, version: 1, verdict: 'eligible' });
    expect((await firmDetail(f.legal, p.id)).body.matches[0].appNo).toBe(made.body.appNo);
    const twice = await submit(f.legal, { itemId: 'policy-claim', answers, policyItemId: itemId });
    expect([twice.status, twice.body.error.message]).toEqual([409, `企业已申请过该政策条目（办件编号 ${made.body.appNo}），请在“我的办件”中查看进度`]);
    // granted (准予): the benefit goes on the firm's record, and 「近 1 年未享受」 now says so
    let version = seen.body.version as number;
    for (const action of ['accept', 'startReview', 'approve']) {
      const r = await call(backoffice, 'POST /v1/staff/applications/{appNo}/{action}', {
        token: staff,
        params: { appNo: made.body.appNo, action },
        body: { version },
      });
      expect([action, r.status]).toEqual([action, 200]);
      version = r.body.version;
    }
    const after = (await firmDetail(f.legal, p.id)).body.matches[0];
    expect(after.verdict).toBe('ineligible');
    expect(after.conditions[2]).toMatchObject({ status: 'unmet', text: '2026-06-15 已享受过同类政策（1 年内限一次）', hint: '2027-06-15 起可再申请' });
  });

  it('refuses a firm that does not qualify, a 免申即享 item, and a resident', async () => {
    const p = claimPolicy();
    await publish(commerce, p);
    const short = await firmOf({ revenue: 999 });
    const r = await form(short.legal, `${p.id}-1`);
    expect([r.status, r.body.error.message]).toEqual([422, '企业暂不符合该政策条目的条件，请在政策详情中查看不符合的原因']);
    expect((await form(short.legal, `${p.id}-2`)).body.error.message).toContain('免申即享，无需申请');
    const resident = await residentWithId('孙居民');
    expect((await form(resident.token, `${p.id}-1`)).status).toBe(422);
  });
});

describe('topics', () => {
  it('keeps what a person subscribed to', async () => {
    const r = await residentWithId('订阅者');
    expect((await call(handler, 'PUT /v1/me/policy-topics', { token: r.token, body: { topics: ['culture', 'finance'] } })).body.topics).toEqual([
      'culture',
      'finance',
    ]);
    await call(handler, 'PUT /v1/me/policy-topics', { token: r.token, body: { topics: ['finance'] } });
    expect((await call(handler, 'GET /v1/me/policy-topics', { token: r.token })).body.topics).toEqual(['finance']);
    const dup = await call(handler, 'PUT /v1/me/policy-topics', { token: r.token, body: { topics: ['finance', 'finance'] } });
    expect(dup.status).toBe(400);
  });

  it('tells subscribers of a new policy once: residents always, a firm only when an item may fit it', async () => {
    const resident = await residentWithId('关注者');
    const fits = await firmOf({ revenue: 1500 });
    const short = await firmOf({ revenue: 10 });
    for (const token of [resident.token, fits.legal, short.legal]) {
      await call(handler, 'PUT /v1/me/policy-topics', { token, body: { topics: ['green', 'talent'] } });
    }
    const p = policy({ topics: ['green', 'talent'] }); // two topics followed: still one message
    await publish(commerce, p);
    await drainPolicyMatches();
    const told = async (userId: string) => (await listMessages(userId, 50)).items.filter((m) => m.title === `新政策：${p.title}`);
    expect(await told(resident.id)).toHaveLength(1);
    expect((await told(fits.rep.id)).map((m) => m.body)).toEqual(['「营收达标奖励」可能适用于贵企业，点击查看逐条符合情况。']);
    expect(await told(short.rep.id)).toHaveLength(0);
  });
});

export type { TestFirm };
