/**
 * 会员专区 against DynamoDB Local: card, check-in, ledger, levels, member-day claims and redemption,
 * with the races the issue names (100 check-ins at once, 500 claimers for 50 units, a double tap).
 */
import { call } from '../../test/http';
import { login } from '../../test/apply';
import { batchPut } from '../guide/repository';
import { seedUserItems } from '../identity/repository';
import { issueSession } from '../lib/session';
import { seedAll } from '../seed/seed';
import { handler } from './handler';
import * as repo from './repository';
import { awardPoints } from './service';
import { COUNTERS_TEST_TIMEOUT, countersSettled } from '../../test/streams';

const RUN = Date.now().toString(36);
let n = 0;
/** A fresh resident (with points earned before a card, when given). */
async function person(points = 0): Promise<{ id: string; token: string }> {
  const id = `u-mt-${RUN}-${++n}`;
  await batchPut([
    ...seedUserItems({ id, role: 'resident', nickname: `会员测试${n}`, realName: '测试会员', createdAt: '2026-01-01', updatedAt: '2026-01-01' }),
    ...(points ? repo.seedPointsItems(id, [{ at: '2026-10-01T00:00:00.000Z', kind: 'earned', points, reason: '志愿服务', source: `volunteer:${id}` }]) : []),
  ]);
  return { id, token: (await issueSession({ userId: id, role: 'resident' })).token };
}
const withKey = (key: string) => (e: Parameters<typeof handler>[0]) => handler({ ...e, headers: { ...e.headers, 'idempotency-key': key } });
const claim = (token: string, benefitId: string, key = `k-${Math.random().toString(36).slice(2)}`) =>
  call(withKey(key), 'POST /v1/member/benefits/{benefitId}/claim', { token, params: { benefitId } });
const at = (date: string, hour = 10) => {
  process.env.FAKE_NOW = `${date}T${String(hour - 8).padStart(2, '0')}:00:00.000Z`;
};
async function ledgerSum(userId: string) {
  const page = await repo.ledger(userId, 50);
  return page.items.reduce((s, e) => s + e.points, 0);
}
let admin: string;
async function newBenefit(over: Record<string, unknown>) {
  const id = `t-${RUN}-${++n}`;
  const body = {
    id,
    title: '测试福利',
    description: '测试用',
    partner: '广东省博物馆',
    partnerId: 'gd-museum',
    stock: 10,
    perMemberLimit: 1,
    minLevel: 'standard',
    pointsPrice: 0,
    validDays: 7,
    ...over,
  };
  const r = await call(handler, 'POST /v1/admin/member/benefits', { token: admin, body });
  expect(r.status).toBe(201);
  return id;
}

beforeAll(async () => {
  await seedAll();
  admin = await login('u-admin');
});
afterEach(() => {
  delete process.env.FAKE_NOW;
});

describe('card and check-in', () => {
  it('gives one card per person however often it is tapped, keeping points earned before it', async () => {
    const p = await person(195);
    const taps = await Promise.all(Array.from({ length: 10 }, () => call(handler, 'POST /v1/member/card', { token: p.token })));
    expect(taps.every((t) => t.status === 200 || t.status === 201)).toBe(true);
    expect(taps.filter((t) => t.status === 201).length).toBeLessThanOrEqual(1);
    expect(new Set(taps.map((t) => t.body.memberNo)).size).toBe(1);
    expect(taps[0].body.memberNo).toMatch(/^YX\d{10}$/);
    const home = (await call(handler, 'GET /v1/member', { token: p.token })).body;
    expect(home.card).toMatchObject({ balance: 195, growth: 195, level: { name: '普通卡' }, next: { name: '银卡', needed: 5 } });
  });

  it('awards a check-in once however many arrive at the same moment, and lifts the card at its threshold', async () => {
    const p = await person(195);
    await call(handler, 'POST /v1/member/card', { token: p.token });
    const all = await Promise.all(Array.from({ length: 100 }, () => call(handler, 'POST /v1/member/check-in', { token: p.token })));
    expect(all.every((r) => r.status === 200)).toBe(true);
    const paid = all.filter((r) => !r.body.already);
    expect(paid).toHaveLength(1);
    expect(paid[0].body).toMatchObject({ points: 5, upgradedTo: '银卡', card: { balance: 200, level: { name: '银卡' } } });
    expect(await ledgerSum(p.id)).toBe(200);
    const month = (await call(handler, 'GET /v1/member/check-ins', { token: p.token, query: {} })).body;
    expect(month.dates).toHaveLength(1);
    expect(month).toMatchObject({ streak: 1, checkedToday: true });
  }, 60_000);

  it('counts a streak day by day, pays the 7th-day bonus, and starts again after a missed day', async () => {
    const p = await person();
    at('2026-03-01');
    await call(handler, 'POST /v1/member/card', { token: p.token });
    const got: number[] = [];
    for (let d = 1; d <= 7; d++) {
      at(`2026-03-0${d}`, 23); // late evening Shanghai is still that day
      got.push((await call(handler, 'POST /v1/member/check-in', { token: p.token })).body.points);
    }
    expect(got).toEqual([5, 5, 5, 5, 5, 5, 25]);
    at('2026-03-09');
    const after = (await call(handler, 'POST /v1/member/check-in', { token: p.token })).body;
    expect(after).toMatchObject({ streak: 1, points: 5 });
    const month = (await call(handler, 'GET /v1/member/check-ins', { token: p.token, query: { month: '2026-03' } })).body;
    expect(month.dates.sort()).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-09']);
    expect(await ledgerSum(p.id)).toBe(60);
    const points = (await call(handler, 'GET /v1/member/points', { token: p.token, query: { limit: '3' } })).body;
    expect(points.balance).toBe(60);
    expect(points.items[0]).toMatchObject({ kind: 'earned', kindName: '获得', points: 5 });
    expect(points.nextCursor).toBeTruthy();
  });

  it("needs a card before checking in, and keeps each person's points to themselves", async () => {
    const p = await person();
    expect((await call(handler, 'POST /v1/member/check-in', { token: p.token })).status).toBe(409);
    expect((await call(handler, 'GET /v1/member/check-ins', { token: p.token, query: {} })).status).toBe(404);
    expect((await call(handler, 'GET /v1/member/check-ins', { token: p.token, query: { month: '2026-13' } })).status).toBe(400);
    expect((await call(handler, 'GET /v1/member', { token: await login('u-partner-museum') })).status).toBe(403);
  });
});

describe('points from other capabilities', () => {
  it('awards once per source, and an admin correction never takes the balance below zero', async () => {
    const p = await person(10);
    await call(handler, 'POST /v1/member/card', { token: p.token });
    const award = { userId: p.id, points: 10, reason: '评价办件', source: `rating:YX-${p.id}` };
    const twice = await Promise.all([awardPoints(award), awardPoints(award), awardPoints(award)]);
    expect(twice.filter((r) => r.awarded)).toHaveLength(1);
    expect((await repo.getCard(p.id))!.balance).toBe(20);
    const cut = await call(withKey(`adjust-${RUN}-${++n}`), 'POST /v1/admin/member/points', {
      token: admin,
      body: { userId: p.id, points: -50, reason: '误发积分冲正' },
    });
    expect(cut.status).toBe(422);
    expect(
      (
        await call(withKey(`adjust-${RUN}-${++n}`), 'POST /v1/admin/member/points', {
          token: admin,
          body: { userId: p.id, points: -20, reason: '误发积分冲正' },
        })
      ).status,
    ).toBe(200);
    expect((await repo.getCard(p.id))!.balance).toBe(0);
    expect(await ledgerSum(p.id)).toBe(0);
    // a retried adjustment (same key) changes nothing more
    const bonus = { userId: p.id, points: 30, reason: '志愿服务补记' };
    const first = await call(withKey('adjust-retry-0001'), 'POST /v1/admin/member/points', { token: admin, body: bonus });
    const retry = await call(withKey('adjust-retry-0001'), 'POST /v1/admin/member/points', { token: admin, body: bonus });
    expect([first.body.balance, retry.body.balance, retry.body.repeated]).toEqual([30, 30, true]);
    expect(await ledgerSum(p.id)).toBe(30);
    expect(
      (await call(withKey(`adjust-${RUN}-${++n}`), 'POST /v1/admin/member/points', { token: admin, body: { userId: p.id, points: 0, reason: '零' } })).status,
    ).toBe(400);
  });
});

describe('member day', () => {
  it('lets members claim only on member day, by level and points, and partner staff redeem a code once', async () => {
    const p = await person(150);
    await call(handler, 'POST /v1/member/card', { token: p.token });
    const free = await newBenefit({ stock: 5 });
    const silver = await newBenefit({ minLevel: 'silver', pointsPrice: 100 });
    const pricey = await newBenefit({ pointsPrice: 500 });
    at('2026-12-17');
    const early = await claim(p.token, free);
    expect(early.status).toBe(422);
    expect(early.body.error.message).toContain('会员日');
    at('2026-12-18');
    const list = (await call(handler, 'GET /v1/member/benefits', { token: p.token })).body;
    expect(list.memberDay.isToday).toBe(true);
    expect(list.items.find((b: { id: string }) => b.id === silver)).toMatchObject({ canClaim: false, reason: expect.stringContaining('银卡') });
    expect((await claim(p.token, silver)).status).toBe(422);
    expect((await claim(p.token, pricey)).body.error.message).toContain('积分');
    // a double tap: the same key five times at once gives one code
    const taps = await Promise.all(Array.from({ length: 5 }, () => claim(p.token, free, 'double-tap-1')));
    expect(taps.every((t) => t.status === 200 || t.status === 201)).toBe(true);
    expect(new Set(taps.map((t) => t.body.code)).size).toBe(1);
    expect((await claim(p.token, free)).status).toBe(409); // limit 1
    const code = taps[0].body.code as string;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}$/);
    const mine = (await call(handler, 'GET /v1/member/claims', { token: p.token })).body.items;
    expect(mine[0]).toMatchObject({ code, statusName: '待使用' });
    // redemption: only the benefit's partner, only once, even when two cashiers scan together
    const museum = await login('u-partner-museum');
    expect((await call(handler, 'GET /v1/partner/claims/{code}', { token: await login('u-partner-yuewei'), params: { code } })).status).toBe(404);
    const seen = await call(handler, 'GET /v1/partner/claims/{code}', { token: museum, params: { code: code.replace(/-/g, '').toLowerCase() } });
    expect(seen.body).toMatchObject({ title: '测试福利', statusName: '待使用', memberNo: expect.stringContaining('******') });
    const both = await Promise.all([0, 1].map(() => call(handler, 'POST /v1/partner/claims/{code}/redeem', { token: museum, params: { code } })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.status === 409)!.body.error.message).toContain('核销');
    expect((await call(handler, 'GET /v1/member/claims', { token: p.token })).body.items[0].statusName).toBe('已核销');
  });

  it('spends points with the claim and never lets the balance go negative', async () => {
    const p = await person(250); // silver after the card
    await call(handler, 'POST /v1/member/card', { token: p.token });
    const coupon = await newBenefit({ minLevel: 'silver', pointsPrice: 100, perMemberLimit: 5, stock: 20 });
    at('2026-12-18');
    const tries = await Promise.all(Array.from({ length: 5 }, () => claim(p.token, coupon)));
    expect(tries.filter((t) => t.status === 201)).toHaveLength(2);
    expect(tries.filter((t) => t.status !== 201).every((t) => t.status === 422 || t.status === 409)).toBe(true);
    const card = (await repo.getCard(p.id))!;
    expect(card.balance).toBe(50);
    expect(await ledgerSum(p.id)).toBe(50);
  });

  it('gives exactly 50 codes when 500 members claim 50 units at the same moment; the rest hear 已领完', async () => {
    const people = [];
    for (let i = 0; i < 500; i += 50) {
      people.push(
        ...(await Promise.all(
          Array.from({ length: 50 }, async () => {
            const p = await person();
            await call(handler, 'POST /v1/member/card', { token: p.token });
            return p;
          }),
        )),
      );
    }
    const prize = await newBenefit({ stock: 50 });
    at('2026-12-18');
    const results = await Promise.all(people.map((p) => claim(p.token, prize)));
    const won = results.filter((r) => r.status === 201);
    expect(won).toHaveLength(50);
    expect(new Set(won.map((r) => r.body.code)).size).toBe(50);
    const lost = results.filter((r) => r.status !== 201);
    expect(lost.every((r) => r.status === 409 && r.body.error.message.includes('已领完'))).toBe(true);
    const b = (await repo.getBenefit(prize))!;
    expect([b.stockLeft, b.claimed]).toEqual([0, 50]);
  }, 120_000);
});

describe('admin', () => {
  it(
    'changes benefits and rules with checks, and reports figures',
    async () => {
      const id = await newBenefit({ stock: 3 });
      const dup = await call(handler, 'POST /v1/admin/member/benefits', {
        token: admin,
        body: {
          id,
          title: '重复',
          description: '',
          partner: '博物馆',
          partnerId: 'gd-museum',
          stock: 1,
          perMemberLimit: 1,
          minLevel: 'standard',
          pointsPrice: 0,
          validDays: 7,
        },
      });
      expect(dup.status).toBe(409);
      const bad = await call(handler, 'PUT /v1/admin/member/benefits/{benefitId}', {
        token: admin,
        params: { benefitId: id },
        body: {
          id,
          title: '改',
          description: '',
          partner: '博物馆',
          partnerId: 'gd-museum',
          stock: 3,
          perMemberLimit: 1,
          minLevel: 'platinum',
          pointsPrice: 0,
          validDays: 7,
        },
      });
      expect(bad.status).toBe(422);
      const rules = (await call(handler, 'GET /v1/admin/member/rules', { token: admin })).body;
      const badRules = await call(handler, 'PUT /v1/admin/member/rules', { token: admin, body: { ...rules, levels: [{ ...rules.levels[0], threshold: 10 }] } });
      expect(badRules.status).toBe(400); // the first level must start at 0
      expect((await call(handler, 'PUT /v1/admin/member/rules', { token: admin, body: rules })).status).toBe(200);
      expect((await call(handler, 'GET /v1/admin/member/rules', { token: await login('u-resident-zhang') })).status).toBe(403);
      await countersSettled(); // the figures count after each change commits (the aggregator)
      const stats = (await call(handler, 'GET /v1/admin/member/stats', { token: admin, query: { days: '7' } })).body;
      expect(stats.days).toHaveLength(7);
      expect(stats.totals.members).toBeGreaterThan(0);
      expect(stats.benefits.find((b: { id: string }) => b.id === 'gd-museum-ticket')).toBeTruthy();
      const members = (await call(handler, 'GET /v1/admin/member/members', { token: admin, query: { limit: '5' } })).body;
      expect(members.items.length).toBeGreaterThan(0);
      expect(members.items[0].name).toMatch(/\*/);
    },
    COUNTERS_TEST_TIMEOUT,
  );
});

describe('found in review', () => {
  it('refuses to deduct from someone without points (422), and a forged cursor is a 400', async () => {
    const p = await person();
    expect(
      (
        await call(withKey(`adjust-${RUN}-${++n}`), 'POST /v1/admin/member/points', {
          token: admin,
          body: { userId: p.id, points: -5, reason: '误发积分冲正' },
        })
      ).status,
    ).toBe(422);
    await call(handler, 'POST /v1/member/card', { token: p.token });
    const forged = Buffer.from(JSON.stringify({ pk: 'USER#someone-else', sk: 'PTS#x' })).toString('base64url');
    expect((await call(handler, 'GET /v1/member/points', { token: p.token, query: { cursor: forged } })).status).toBe(400);
    expect((await call(handler, 'GET /v1/admin/member/members', { token: admin, query: { cursor: Buffer.from('{}').toString('base64url') } })).status).toBe(
      400,
    );
  });
});
