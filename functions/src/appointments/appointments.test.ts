/**
 * 预约 / 取号 / 叫号 (issue 18) against DynamoDB Local: slots from the rules, booking with its races (200 people at the
 * last 10 places, a double tap, two slots of one item on one day), cancelling and moving, checking in by code or
 * location, 50 numbers at once, two windows calling at once, the desk's actions, the screen, reminders and 爽约.
 */
import { DISTRICT_HALL, type PointSpec } from '@yx/shared';
import { call } from '../../test/http';
import { batchPut } from '../guide/repository';
import { seedUserItems } from '../identity/repository';
import { issueSession } from '../lib/session';
import { listMessages } from '../messages/repository';
import { seedAll } from '../seed/seed';
import { sweepAppointments } from '../jobs/appointments';
import { handler } from './handler';
import * as repo from './repository';
import { checkInCode } from './service';

jest.setTimeout(120_000);

const RUN = Date.now().toString(36);
let n = 0;
const at = (iso: string) => {
  process.env.FAKE_NOW = new Date(iso).toISOString();
};
afterEach(() => {
  delete process.env.FAKE_NOW;
});

async function people(count: number, role: 'resident' | 'staff' | 'admin' = 'resident', extra: Record<string, unknown> = {}) {
  const list = Array.from({ length: count }, () => ({ id: `u-ap-${RUN}-${++n}`, nickname: `预约测试${n}` }));
  await batchPut(list.flatMap((p) => seedUserItems({ ...p, role, createdAt: '2026-01-01', updatedAt: '2026-01-01', ...extra })));
  return Promise.all(list.map(async (p) => ({ ...p, token: (await issueSession({ userId: p.id, role })).token })));
}
const person = async () => (await people(1))[0]!;

/** A point of its own for each test (the counts and queues of one test never meet another's). */
async function point(over: Partial<PointSpec> = {}): Promise<PointSpec> {
  const p: PointSpec = { ...DISTRICT_HALL, id: `t-hall-${RUN}-${++n}`, name: `测试大厅${n}`, ...over };
  await repo.putPoints([p]);
  return p;
}

const key = () => `k-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
const withKey = (k: string) => (e: Parameters<typeof handler>[0]) => handler({ ...e, headers: { ...e.headers, 'idempotency-key': k } });
const book = (token: string, body: Record<string, unknown>, k = key()) => call(withKey(k), 'POST /v1/appointments', { token, body });
const arrive = (token: string, pointId: string, body: Record<string, unknown>, k = key()) =>
  call(withKey(k), 'POST /v1/service-points/{pointId}/arrivals', { token, params: { pointId }, body });
const desk = (token: string, action: string, body: unknown = {}) => call(handler, `POST /v1/staff/hall/desk/${action}`, { token, body });
const signIn = (token: string, pointId: string, windowNo: number) =>
  call(handler, 'POST /v1/staff/hall/windows/{pointId}/{windowNo}/sign-in', { token, params: { pointId, windowNo: String(windowNo) } });

const FRIDAY = '2026-12-04T10:00:00+08:00';
const SATURDAY = '2026-12-05';

beforeAll(async () => {
  await seedAll();
});

describe('slots and booking', () => {
  it("a Saturday (5+2) has the extended windows' slots; the left count follows bookings; a holiday is closed", async () => {
    at(FRIDAY);
    const p = await point();
    const r = await call(handler, 'GET /v1/service-points/{pointId}/slots', {
      params: { pointId: p.id },
      query: { itemId: 'social-security-card', from: SATURDAY, days: '1' },
    });
    expect(r.status).toBe(200);
    const day = r.body.days[0];
    expect(day).toMatchObject({ date: SATURDAY, kind: 'weekend' });
    expect(day.slots[0]).toEqual({ start: '09:00', end: '09:30', kind: 'weekend', capacity: 4, left: 4, open: true });
    const me = await person();
    expect((await book(me.token, { pointId: p.id, itemId: 'social-security-card', date: SATURDAY, start: '09:00' })).status).toBe(201);
    const after = await call(handler, 'GET /v1/service-points/{pointId}/slots', {
      params: { pointId: p.id },
      query: { itemId: 'social-security-card', from: SATURDAY, days: '1' },
      token: me.token,
    });
    expect(after.body.days[0].slots[0].left).toBe(3);
    expect(after.body.standing).toMatchObject({ noShows: [] });
    const newYear = await call(handler, 'GET /v1/service-points/{pointId}/slots', {
      params: { pointId: p.id },
      query: { itemId: 'id-card', from: '2027-01-01', days: '1' },
    });
    expect(newYear.body.days[0]).toMatchObject({ kind: 'holiday', holidayName: '元旦', slots: [] });
  });

  it('200 people at the last 10 places of one slot: exactly 10 bookings, the rest told it is full', async () => {
    at(FRIDAY);
    const p = await point({ capacityPerWindow: 5 }); // Saturday: windows 1 and 2 of area A → 10 places
    const crowd = await people(200);
    const answers = await Promise.all(crowd.map((c) => book(c.token, { pointId: p.id, itemId: 'social-security-card', date: SATURDAY, start: '10:00' })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(10);
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused.every((a) => a.status === 409 && a.body.error.message === '该时段已约满，请选择其他时段')).toBe(true);
    const counts = await repo.bookedCounts(p.id, 'A', SATURDAY, SATURDAY);
    expect(counts.get(`${SATURDAY}#10:00`)).toBe(10);
  });

  it('a double tap books once; one item on one day holds one slot, even asked at once', async () => {
    at(FRIDAY);
    const p = await point();
    const me = await person();
    const k = key();
    const taps = await Promise.all([1, 2, 3].map(() => book(me.token, { pointId: p.id, itemId: 'id-card', date: SATURDAY, start: '09:00' }, k)));
    expect(new Set(taps.map((t) => t.body.id)).size).toBe(1);
    expect(taps.every((t) => t.status === 200 || t.status === 201)).toBe(true);
    const two = await Promise.all(['09:30', '10:00'].map((start) => book(me.token, { pointId: p.id, itemId: 'id-card', date: '2026-12-07', start })));
    expect(two.map((t) => t.status).sort()).toEqual([201, 409]);
    expect(two.find((t) => t.status === 409)!.body.error.message).toContain('同一事项同一天只能预约一个时段');
    // the refused one gave its place back
    const counts = await repo.bookedCounts(p.id, 'B', '2026-12-07', '2026-12-07');
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(1);
    const mine = await call(handler, 'GET /v1/appointments', { token: me.token });
    expect(mine.body.items).toHaveLength(2);
  });

  it('refuses what the rules do not allow, writing nothing: a closed day, past the cut-off, too far ahead, an item elsewhere', async () => {
    at('2026-12-05T08:30:00+08:00');
    const p = await point();
    const me = await person();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ date: '2026-12-06', start: '09:00', itemId: 'policy-claim' }, 422, '该事项不开放预约'],
      [{ date: SATURDAY, start: '09:00', itemId: 'social-security-card' }, 422, '分钟内不能预约'],
      [{ date: '2026-12-30', start: '09:00', itemId: 'id-card' }, 422, '天内的时段'],
      [{ date: '2026-12-07', start: '09:10', itemId: 'id-card' }, 422, '该时段不开放预约'],
      [{ date: '2026-12-07', start: '09:00', itemId: 'longevity-allowance' }, 422, '不办理这个事项'],
      [{ date: '2026-12-07', start: '9:00', itemId: 'id-card' }, 400, 'HH:MM'],
    ];
    for (const [body, status, text] of cases) {
      const r = await book(me.token, { pointId: p.id, ...body });
      expect({ body, status: r.status, message: r.body.error.message.includes(text) }).toEqual({ body, status, message: true });
    }
    expect((await call(handler, 'GET /v1/appointments', { token: me.token })).body.items).toEqual([]);
  });

  it("cancel and move give the place back; the cut-off stops both; another person's booking is not there", async () => {
    at(FRIDAY);
    const p = await point();
    const [me, other] = await people(2);
    const a = (await book(me!.token, { pointId: p.id, itemId: 'id-card', date: '2026-12-07', start: '09:00' })).body;
    expect((await call(handler, 'GET /v1/appointments/{id}', { token: other!.token, params: { id: a.id } })).status).toBe(404);
    expect((await call(handler, 'POST /v1/appointments/{id}/cancel', { token: other!.token, params: { id: a.id }, body: {} })).status).toBe(404);
    const moved = await call(handler, 'POST /v1/appointments/{id}/reschedule', {
      token: me!.token,
      params: { id: a.id },
      body: { date: '2026-12-08', start: '14:00' },
    });
    expect(moved.body).toMatchObject({ date: '2026-12-08', start: '14:00', status: 'booked' });
    let counts = await repo.bookedCounts(p.id, 'B', '2026-12-07', '2026-12-08');
    expect(Object.fromEntries(counts)).toEqual({ '2026-12-07#09:00': 0, '2026-12-08#14:00': 1 });
    at('2026-12-08T13:30:00+08:00');
    const late = await call(handler, 'POST /v1/appointments/{id}/cancel', { token: me!.token, params: { id: a.id }, body: {} });
    expect(late.status).toBe(422);
    at(FRIDAY);
    const cancelled = await call(handler, 'POST /v1/appointments/{id}/cancel', { token: me!.token, params: { id: a.id }, body: {} });
    expect(cancelled.body.status).toBe('cancelled');
    counts = await repo.bookedCounts(p.id, 'B', '2026-12-08', '2026-12-08');
    expect(counts.get('2026-12-08#14:00')).toBe(0);
    // the day is free again for this item
    expect((await book(me!.token, { pointId: p.id, itemId: 'id-card', date: '2026-12-08', start: '15:00' })).status).toBe(201);
  });

  it("links a booking to the person's own application only", async () => {
    at(FRIDAY);
    const p = await point();
    const me = await person();
    const r = await book(me.token, { pointId: p.id, itemId: 'id-card', date: '2026-12-07', start: '09:00', applicationId: 'YX20261201999999' });
    expect(r.status).toBe(404);
  });
});

describe('arriving and taking a number', () => {
  it("needs today's code or the hall's geofence; a booking checks in with priority in its slot", async () => {
    at('2026-12-07T09:20:00+08:00'); // Monday
    const p = await point();
    const [booked, walkIn] = await people(2);
    at(FRIDAY);
    const a = (await book(booked!.token, { pointId: p.id, itemId: 'id-card', date: '2026-12-07', start: '09:30' })).body;
    at('2026-12-07T09:20:00+08:00');
    const wrong = await arrive(walkIn!.token, p.id, { code: checkInCode(p.id, '2026-12-06'), itemId: 'id-card' });
    expect(wrong.status).toBe(403);
    const far = await arrive(walkIn!.token, p.id, { location: { lat: p.lat + 0.01, lng: p.lng }, itemId: 'id-card' });
    expect(far.status).toBe(403);
    expect(far.body.error.message).toMatch(/还有约 \d+ 米/);
    const w = await arrive(walkIn!.token, p.id, { location: { lat: p.lat + 0.0005, lng: p.lng }, itemId: 'id-card' });
    expect(w.status).toBe(200);
    expect(w.body).toMatchObject({ no: 'B001', booked: false, status: 'waiting', ahead: 0 });
    const b = await arrive(booked!.token, p.id, { code: checkInCode(p.id, '2026-12-07'), appointmentId: a.id });
    expect(b.body).toMatchObject({ no: 'B002', booked: true, slot: { start: '09:30', end: '10:00' } });
    // before 09:30 the walk-in is first; once the slot has begun, the booking is
    expect((await call(handler, 'GET /v1/tickets/{id}', { token: booked!.token, params: { id: b.body.id } })).body.ahead).toBe(1);
    at('2026-12-07T09:31:00+08:00');
    expect((await call(handler, 'GET /v1/tickets/{id}', { token: booked!.token, params: { id: b.body.id } })).body.ahead).toBe(0);
    expect((await call(handler, 'GET /v1/tickets/{id}', { token: walkIn!.token, params: { id: w.body.id } })).body.ahead).toBe(1);
    // the booking shows its number; another person's ticket is not there
    expect((await call(handler, 'GET /v1/appointments/{id}', { token: booked!.token, params: { id: a.id } })).body).toMatchObject({
      status: 'checked-in',
      ticketNo: 'B002',
    });
    expect((await call(handler, 'GET /v1/tickets/{id}', { token: walkIn!.token, params: { id: b.body.id } })).status).toBe(404);
    // asking again gives the same number
    expect((await arrive(walkIn!.token, p.id, { code: checkInCode(p.id, '2026-12-07'), itemId: 'id-card' })).body.no).toBe('B001');
  });

  it('50 arrivals at once get 50 distinct consecutive numbers', async () => {
    at('2026-12-07T10:00:00+08:00');
    const p = await point();
    const crowd = await people(50);
    const code = checkInCode(p.id, '2026-12-07');
    const r = await Promise.all(crowd.map((c) => arrive(c.token, p.id, { code, itemId: 'social-security-card' })));
    expect(r.every((x) => x.status === 200)).toBe(true);
    const numbers = r.map((x) => x.body.no).sort();
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `A${String(i + 1).padStart(3, '0')}`));
  });

  it('no walk-in numbers outside the hours', async () => {
    at('2026-12-07T21:00:00+08:00');
    const p = await point();
    const me = await person();
    const r = await arrive(me.token, p.id, { code: checkInCode(p.id, '2026-12-07'), itemId: 'id-card' });
    expect(r.status).toBe(422);
    expect(r.body.error.message).toContain('不是该事项的办理时间');
  });
});

describe('calling numbers', () => {
  it('two windows calling at once never get the same person', async () => {
    at('2026-12-07T10:00:00+08:00');
    const p = await point();
    const [o1, o2] = await people(2, 'staff', { departmentId: 'data' });
    expect((await signIn(o1!.token, p.id, 1)).status).toBe(200);
    expect((await signIn(o2!.token, p.id, 2)).status).toBe(200);
    expect((await signIn(o2!.token, p.id, 1)).status).toBe(409); // taken
    const crowd = await people(12);
    const code = checkInCode(p.id, '2026-12-07');
    for (const c of crowd) await arrive(c.token, p.id, { code, itemId: 'social-security-card' });
    const called: string[] = [];
    for (let round = 0; round < 6; round++) {
      const [a, b] = await Promise.all([desk(o1!.token, 'next'), desk(o2!.token, 'next')]);
      for (const d of [a, b]) {
        expect(d.status).toBe(200);
        if (d.body.current) called.push(d.body.current.no);
      }
      await Promise.all([desk(o1!.token, 'served'), desk(o2!.token, 'served')]);
    }
    expect(called).toHaveLength(12);
    expect(new Set(called).size).toBe(12);
    const screen = await call(handler, 'GET /v1/service-points/{pointId}/screen', { params: { pointId: p.id } });
    expect(screen.body.calls[0].text).toMatch(/^请 A0\d\d 号到 [12] 号窗口$/);
    expect(screen.body.waiting.find((w: { prefix: string }) => w.prefix === 'A').count).toBe(0);
    const mine = (await call(handler, 'GET /v1/staff/hall/desk', { token: o1!.token })).body;
    expect(mine.figures.mine.served + (await call(handler, 'GET /v1/staff/hall/desk', { token: o2!.token })).body.figures.mine.served).toBe(12);
    expect(mine.figures.point).toMatchObject({ taken: 12, served: 12, waiting: 0 });
  });

  it('an officer of another department cannot sit at the window; a number in hand must be finished before the next', async () => {
    at('2026-12-07T10:00:00+08:00');
    const p = await point();
    const [police] = await people(1, 'staff', { departmentId: 'police' });
    expect((await signIn(police!.token, p.id, 1)).status).toBe(403);
    expect((await signIn(police!.token, p.id, 5)).status).toBe(200);
    const [a, b] = await people(2);
    const code = checkInCode(p.id, '2026-12-07');
    const ta = (await arrive(a!.token, p.id, { code, itemId: 'id-card' })).body;
    await arrive(b!.token, p.id, { code, itemId: 'id-card' });
    const first = await desk(police!.token, 'next');
    expect(first.body.current).toMatchObject({ no: 'B001', status: 'called' });
    expect((await desk(police!.token, 'next')).status).toBe(409);
    const t = await call(handler, 'GET /v1/tickets/{id}', { token: a!.token, params: { id: ta.id } });
    expect(t.body).toMatchObject({ status: 'called', windowNo: 5 });
    const inbox = await listMessages(a!.id, 5);
    expect(inbox.items[0].title).toBe('请到 5 号窗口');
    // recall: the screen shows it again
    await desk(police!.token, 'recall');
    const screen = await call(handler, 'GET /v1/service-points/{pointId}/screen', { params: { pointId: p.id } });
    expect(screen.body.calls.slice(0, 2).map((c: { no: string }) => c.no)).toEqual(['B001', 'B001']);
    // transfer to window 6: waiting again, first for window 6
    const moved = await desk(police!.token, 'transfer', { toWindow: 6 });
    expect(moved.body.current).toBeUndefined();
    const [police2] = await people(1, 'staff', { departmentId: 'police' });
    await signIn(police2!.token, p.id, 6);
    expect((await desk(police2!.token, 'next')).body.current.no).toBe('B001');
    await desk(police2!.token, 'absent');
    expect((await call(handler, 'GET /v1/tickets/{id}', { token: a!.token, params: { id: ta.id } })).body.status).toBe('absent');
    expect((await desk(police!.token, 'next')).body.current.no).toBe('B002');
    expect((await desk(police!.token, 'sign-out')).status).toBe(409); // a number in hand
    await desk(police!.token, 'served');
    expect((await desk(police!.token, 'sign-out')).body.window).toBeUndefined();
  });

  it('tells the number that now has 3 ahead, once', async () => {
    at('2026-12-07T10:00:00+08:00');
    const p = await point();
    const [o] = await people(1, 'staff', { departmentId: 'market' });
    await signIn(o!.token, p.id, 7);
    const crowd = await people(6);
    const code = checkInCode(p.id, '2026-12-07');
    for (const c of crowd) await arrive(c.token, p.id, { code, itemId: 'company-establishment' });
    await desk(o!.token, 'next'); // C001 called; C005 has C002, C003, C004 ahead
    const near = await listMessages(crowd[4]!.id, 5);
    expect(near.items.map((m: { title: string }) => m.title)).toContain('前面还有 3 人');
    await desk(o!.token, 'served');
    await desk(o!.token, 'next'); // C006 now has 3 ahead
    expect((await listMessages(crowd[5]!.id, 5)).items.map((m: { title: string }) => m.title)).toContain('前面还有 3 人');
    expect((await listMessages(crowd[4]!.id, 5)).items.filter((m: { title: string }) => m.title === '前面还有 3 人')).toHaveLength(1);
  });
});

describe('reminders and 爽约', () => {
  it('reminds the day before and the hour before, once each', async () => {
    at(FRIDAY);
    const p = await point();
    const me = await person();
    await book(me.token, { pointId: p.id, itemId: 'id-card', date: '2026-12-07', start: '15:00' });
    at('2026-12-06T18:05:00+08:00');
    await sweepAppointments();
    await sweepAppointments();
    at('2026-12-07T14:10:00+08:00');
    await sweepAppointments();
    await sweepAppointments();
    const titles = (await listMessages(me.id, 10)).items.map((m: { title: string }) => m.title);
    expect(titles.filter((t: string) => t === '明天有预约')).toHaveLength(1);
    expect(titles.filter((t: string) => t === '50 分钟后有预约')).toHaveLength(1);
  });

  it('three bookings not kept within 90 days suspend online booking for 30 days, with the date', async () => {
    const p = await point();
    const me = await person();
    for (const [date, day] of [
      ['2026-12-07', '2026-12-04'],
      ['2026-12-08', '2026-12-07'],
      ['2026-12-09', '2026-12-08'],
    ] as const) {
      at(`${day}T10:00:00+08:00`);
      expect((await book(me.token, { pointId: p.id, itemId: 'id-card', date, start: '09:00' })).status).toBe(201);
      at(`${date}T09:50:00+08:00`);
      await sweepAppointments();
    }
    const mine = await call(handler, 'GET /v1/appointments', { token: me.token });
    expect(mine.body.items.filter((a: { status: string }) => a.status === 'no-show')).toHaveLength(3);
    expect(mine.body.standing).toMatchObject({ noShows: ['2026-12-07', '2026-12-08', '2026-12-09'], suspendedUntil: '2027-01-08' });
    const refused = await book(me.token, { pointId: p.id, itemId: 'id-card', date: '2026-12-14', start: '09:00' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('网上预约暂停至 2027-01-08');
    const inbox = (await listMessages(me.id, 10)).items.map((m: { title: string }) => m.title);
    expect(inbox).toContain('网上预约已暂停');
  });
});

describe("the admin's points and figures", () => {
  const fields = (over: Record<string, unknown> = {}) => {
    const { id: _id, ...rest } = DISTRICT_HALL;
    return { ...rest, ...over };
  };

  it('creates and edits a point by version: the new capacity shows in the slots; a stale save is a 409, bad settings a 400', async () => {
    at(FRIDAY);
    const admin = (await people(1, 'admin', { departmentId: 'data' }))[0]!;
    const id = `t-admin-${RUN}-${++n}`;
    const created = await call(handler, 'PUT /v1/admin/service-points/{pointId}', {
      token: admin.token,
      params: { pointId: id },
      body: { ...fields(), expectedVersion: 0 },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ id, version: 1, hoursText: expect.stringContaining('白加黑') });
    expect(
      (
        await call(handler, 'PUT /v1/admin/service-points/{pointId}', {
          token: admin.token,
          params: { pointId: id },
          body: { ...fields(), expectedVersion: 0 },
        })
      ).status,
    ).toBe(409);
    const edited = await call(handler, 'PUT /v1/admin/service-points/{pointId}', {
      token: admin.token,
      params: { pointId: id },
      body: { ...fields({ capacityPerWindow: 6 }), expectedVersion: 1 },
    });
    expect(edited.body.version).toBe(2);
    const stale = await call(handler, 'PUT /v1/admin/service-points/{pointId}', {
      token: admin.token,
      params: { pointId: id },
      body: { ...fields(), expectedVersion: 1 },
    });
    expect(stale.status).toBe(409);
    const slots = await call(handler, 'GET /v1/service-points/{pointId}/slots', {
      params: { pointId: id },
      query: { itemId: 'id-card', from: '2026-12-07', days: '1' },
    });
    expect(slots.body.days[0].slots[0].capacity).toBe(12); // windows 5 and 6 × 6
    const badItem = await call(handler, 'PUT /v1/admin/service-points/{pointId}', {
      token: admin.token,
      params: { pointId: id },
      body: {
        ...fields({
          areas: [{ prefix: 'A', name: '综合受理区', itemIds: ['no-such-item'] }],
          windows: [{ no: 1, prefix: 'A', departmentId: 'data', extended: false }],
        }),
        expectedVersion: 2,
      },
    });
    expect(badItem.status).toBe(400);
    expect(badItem.body.error.message).toContain('no-such-item');
    const badWindow = await call(handler, 'PUT /v1/admin/service-points/{pointId}', {
      token: admin.token,
      params: { pointId: id },
      body: { ...fields({ windows: [{ no: 1, prefix: 'Z', departmentId: 'data', extended: false }] }), expectedVersion: 2 },
    });
    expect(badWindow.status).toBe(400);
    const [resident] = await people(1);
    expect((await call(handler, 'GET /v1/admin/service-points', { token: resident!.token })).status).toBe(403);
  });

  it('counts each day: bookings, cancellations, 爽约, numbers, the wait and the service', async () => {
    const p = await point();
    const admin = (await people(1, 'admin', { departmentId: 'data' }))[0]!;
    const [a, b, c] = await people(3);
    at(FRIDAY);
    await book(a!.token, { pointId: p.id, itemId: 'id-card', date: '2026-12-07', start: '09:00' });
    const cancelled = (await book(b!.token, { pointId: p.id, itemId: 'id-card', date: '2026-12-07', start: '09:30' })).body;
    await call(handler, 'POST /v1/appointments/{id}/cancel', { token: b!.token, params: { id: cancelled.id }, body: {} });
    await book(c!.token, { pointId: p.id, itemId: 'id-card', date: '2026-12-07', start: '10:00' });
    at('2026-12-07T09:10:00+08:00');
    const [o] = await people(1, 'staff', { departmentId: 'police' });
    await signIn(o!.token, p.id, 5);
    const mine = (await call(handler, 'GET /v1/appointments', { token: a!.token })).body.items[0];
    await arrive(a!.token, p.id, { code: checkInCode(p.id, '2026-12-07'), appointmentId: mine.id });
    at('2026-12-07T09:20:00+08:00');
    await desk(o!.token, 'next');
    at('2026-12-07T09:30:00+08:00');
    await desk(o!.token, 'served');
    at('2026-12-07T10:50:00+08:00');
    await sweepAppointments(); // c did not come
    const stats = await call(handler, 'GET /v1/admin/service-points/{pointId}/stats', { token: admin.token, params: { pointId: p.id }, query: { days: '7' } });
    expect(stats.status).toBe(200);
    expect(stats.body.days).toHaveLength(7);
    expect(stats.body.days.at(-1)).toEqual({
      date: '2026-12-07',
      booked: 3,
      cancelled: 1,
      noShows: 1,
      noShowRate: 50,
      taken: 1,
      served: 1,
      absent: 0,
      avgWaitMinutes: 10,
      avgServiceMinutes: 10,
    });
  });
});

describe("a browser's position", () => {
  it('is converted from WGS-84 (GPS) before the geofence is measured', async () => {
    at('2026-12-07T10:00:00+08:00');
    const p = await point({ geofenceMeters: 100 });
    const me = await person();
    // the hall's own spot as a browser's GPS reads it: about 0.0025° north and 0.0054° west of its map (GCJ-02) position
    const gps = { lat: p.lat + 0.0025, lng: p.lng - 0.0054 };
    expect((await arrive(me.token, p.id, { location: { ...gps, system: 'gcj02' }, itemId: 'id-card' })).status).toBe(403);
    const r = await arrive(me.token, p.id, { location: { ...gps, system: 'wgs84' }, itemId: 'id-card' });
    expect(r.status).toBe(200);
  });
});
