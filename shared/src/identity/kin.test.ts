import { KinGrantRequest, kinMayAct } from './kin';

const g = { status: 'accepted' as const, expiresOn: '2027-06-30', allItems: false, itemIds: ['senior-preferential-card'] };

describe('kinMayAct (亲友代办)', () => {
  it('lets an accepted, current grant act within its items', () => {
    expect(kinMayAct(g, { itemIds: ['senior-preferential-card'], today: '2026-11-30' })).toEqual({ ok: true });
    expect(kinMayAct(g, { itemIds: [], today: '2026-11-30' })).toEqual({ ok: true }); // reading, answering 补正
  });
  it('refuses a missing, unaccepted, revoked or expired grant and items outside it', () => {
    const today = '2026-11-30';
    expect(kinMayAct(undefined, { itemIds: [], today })).toMatchObject({ ok: false });
    expect(kinMayAct({ ...g, status: 'offered' }, { itemIds: [], today })).toMatchObject({ ok: false, reason: expect.stringContaining('尚未接受') });
    expect(kinMayAct({ ...g, status: 'revoked' }, { itemIds: [], today })).toMatchObject({ ok: false, reason: expect.stringContaining('撤销') });
    expect(kinMayAct(g, { itemIds: [], today: '2027-07-01' })).toMatchObject({ ok: false, reason: expect.stringContaining('到期') });
    expect(kinMayAct(g, { itemIds: ['id-card'], today })).toMatchObject({ ok: false, reason: expect.stringContaining('范围') });
  });
  it('wants items or all of them', () => {
    const base = { name: '李小红', idNumber: '11010519491231002X', relation: 'child', expiresOn: '2027-01-01' };
    expect(KinGrantRequest.safeParse({ ...base, allItems: false, itemIds: [] }).success).toBe(false);
    expect(KinGrantRequest.safeParse({ ...base, allItems: true }).success).toBe(true);
  });
});
