import { answeredLate, claimLight, ownerSortKey, replyLight, streetSortKey, woLight, WO_GROUP_OF } from './deadlines';
import { WORK_ORDER_STATES } from './states';

describe('work-order deadlines', () => {
  it('puts every state in one dispatcher tab', () => {
    expect(WORK_ORDER_STATES.every((s) => WO_GROUP_OF[s])).toBe(true);
    expect(WO_GROUP_OF.in_progress).toBe('doing');
  });
  it('sorts unclaimed by claim time and handled by reply date', () => {
    const base = { claimBy: '2026-11-26T10:00:00.000Z', replyBy: '2026-12-03', at: '2026-11-26T08:00:00.000Z', no: 'SQ20261126000001' };
    expect(streetSortKey({ ...base, state: 'dispatched' })).toBe('todo#2026-11-26T10:00:00.000Z#SQ20261126000001');
    expect(streetSortKey({ ...base, state: 'claimed' })).toBe('doing#2026-12-03#SQ20261126000001');
    expect(streetSortKey({ ...base, state: 'closed' })).toBe('closed#2026-11-26T08:00:00.000Z#SQ20261126000001');
  });
  it('lights the claim time', () => {
    expect(claimLight('2026-11-26T10:00:00Z', '2026-11-26T10:00:01Z')).toBe('red');
    expect(claimLight('2026-11-26T10:00:00Z', '2026-11-26T08:30:00Z')).toBe('yellow');
    expect(claimLight('2026-11-26T10:00:00Z', '2026-11-26T07:00:00Z')).toBe('green');
  });
  it('lights the reply date in working days (a weekend does not count)', () => {
    expect(replyLight('2026-11-27', '2026-11-28')).toBe('red');
    expect(replyLight('2026-11-27', '2026-11-27')).toBe('yellow');
    expect(replyLight('2026-11-30', '2026-11-27')).toBe('yellow'); // Friday → Monday is one working day
    expect(replyLight('2026-12-02', '2026-11-27')).toBe('green');
  });
  it('shows no light once answered', () => {
    expect(woLight({ state: 'resolved', claimBy: '2026-11-26T10:00:00Z', replyBy: '2026-11-20' }, '2026-11-27T00:00:00Z', '2026-11-27')).toBeUndefined();
    expect(woLight({ state: 'in_progress', claimBy: '2026-11-26T10:00:00Z', replyBy: '2026-11-20' }, '2026-11-27T00:00:00Z', '2026-11-27')).toBe('red');
  });
  it("places an order in its owner's 我处理中 while handled and 已办结 once answered, nowhere once out of their hands", () => {
    const base = { ownerId: 'u-a', replyBy: '2026-12-03', no: 'SQ20261126000001' };
    expect(ownerSortKey({ ...base, state: 'claimed' })).toEqual({ list: 'doing', sortKey: 'doing#2026-12-03#SQ20261126000001' });
    expect(ownerSortKey({ ...base, state: 'in_progress' })?.list).toBe('doing');
    const answered = { ...base, resolvedAt: '2026-12-01T08:00:00.000Z' };
    expect(ownerSortKey({ ...answered, state: 'resolved' })).toEqual({ list: 'done', sortKey: 'done#2026-12-01T08:00:00.000Z#SQ20261126000001' });
    expect(ownerSortKey({ ...answered, state: 'closed' })?.list).toBe('done'); // rated: still theirs
    expect(ownerSortKey({ ...base, state: 'returned', ownerId: null })).toBeUndefined();
    expect(ownerSortKey({ ...base, state: 'dispatched', ownerId: null })).toBeUndefined(); // reopened or re-dispatched
    expect(ownerSortKey({ ...base, state: 'closed', duplicateOf: 'SQ20261125000001' })).toBeUndefined(); // merged, never answered
  });
  it('tells an answer after the reply date (by the business date in Shanghai)', () => {
    expect(answeredLate({ replyBy: '2026-12-03', resolvedAt: '2026-12-03T15:59:59.000Z' })).toBe(false); // 23:59 on the day
    expect(answeredLate({ replyBy: '2026-12-03', resolvedAt: '2026-12-03T16:00:00.000Z' })).toBe(true); // 00:00 the next day
    expect(answeredLate({ replyBy: '2026-12-03' })).toBe(false);
  });
});
