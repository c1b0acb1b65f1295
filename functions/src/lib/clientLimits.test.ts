import { call } from '../../test/http';
import { residentWithId } from '../../test/people';
import { handler as workorders } from '../workorders/handler';
import { seedAll } from '../seed/seed';
import { creationLimit } from './clientLimits';

const scaleBefore = process.env.CLIENT_LIMIT_SCALE;
beforeAll(async () => {
  process.env.CLIENT_LIMIT_SCALE = '1'; // the real limits, for a person of this file's own
  await seedAll();
});
afterAll(() => {
  process.env.CLIENT_LIMIT_SCALE = scaleBefore;
});

const file = (token: string, key: string, body: object) =>
  call((e) => workorders({ ...e, headers: { ...e.headers, 'idempotency-key': key } }), 'POST /v1/workorders', { token, body });
const BODY = { categoryId: 'cityscape-streetlight', description: '路灯不亮，晚上很黑', place: { lat: 23.12505, lng: 113.26915, address: '越秀区北京路 1 号' } };

describe('per-account limits on making things (issue 13: throttling per client)', () => {
  it('refuses the appeal past the hourly allowance with 429 in Chinese; refused and retried requests do not count', async () => {
    const p = await residentWithId('冯小勇');
    const limit = creationLimit('workorders');
    expect(limit).toBe(20);
    expect((await file(p.token, `lim-bad-${p.id}`, { ...BODY, description: '短' })).status).toBe(400); // refused: not counted
    for (let i = 0; i < limit; i++) {
      const r = await file(p.token, `lim-${p.id}-${i}`, { ...BODY, description: `路灯不亮，第 ${i + 1} 处` });
      expect([i, r.status]).toEqual([i, 201]);
      if (i === 0) expect((await file(p.token, `lim-${p.id}-0`, BODY)).status).toBe(200); // a retry answers the first result, uncounted
    }
    const over = await file(p.token, `lim-${p.id}-over`, BODY);
    expect(over.status).toBe(429);
    expect(over.body.error.message).toContain('12345');
    // another person is not held back by this one
    const q = await residentWithId('冯小敏');
    expect((await file(q.token, `lim-${q.id}`, BODY)).status).toBe(201);
  }, 60_000);
});
