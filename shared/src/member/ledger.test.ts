import { balanceOf, canApply, growthOf, POINTS_KIND_NAMES, PointsEntry } from './ledger';

const at = '2026-11-26T02:00:00.000Z';
const e = (kind: PointsEntry['kind'], points: number, source: string): PointsEntry => ({ kind, points, reason: '测试', source, at });
const ENTRIES: PointsEntry[] = [
  e('earned', 5, 'checkin:2026-11-25'),
  e('earned', 25, 'checkin:2026-11-26'),
  e('spent', -20, 'benefit:c_1'),
  e('adjusted', 10, 'admin:fix-1'),
  e('adjusted', -3, 'admin:fix-2'),
  e('expired', -5, 'expire:2026'),
];

describe('ledger', () => {
  it('balance is the sum of all entries', () => {
    expect(balanceOf(ENTRIES)).toBe(12);
    expect(balanceOf([])).toBe(0);
  });
  it('balance is never reported below 0', () => {
    expect(balanceOf([e('adjusted', -3, 'admin:x')])).toBe(0);
  });
  it('growth counts earned and upward adjustments only', () => {
    expect(growthOf(ENTRIES)).toBe(40);
  });
  it('canApply refuses a result below 0 and signs that do not fit the kind', () => {
    expect(canApply(20, { kind: 'spent', points: -20 })).toBe(true);
    expect(canApply(19, { kind: 'spent', points: -20 })).toBe(false);
    expect(canApply(0, { kind: 'earned', points: 5 })).toBe(true);
    expect(canApply(10, { kind: 'earned', points: -5 })).toBe(false);
    expect(canApply(10, { kind: 'spent', points: 5 })).toBe(false);
    expect(canApply(2, { kind: 'adjusted', points: -3 })).toBe(false);
    expect(canApply(2, { kind: 'adjusted', points: 0 })).toBe(false);
  });
  it('PointsEntry validates sign, source and time', () => {
    expect(PointsEntry.parse(ENTRIES[0])).toEqual(ENTRIES[0]);
    expect(PointsEntry.safeParse(e('expired', 5, 'expire:2026')).success).toBe(false);
    expect(PointsEntry.safeParse(e('earned', 5, 'Check in')).success).toBe(false);
    expect(PointsEntry.safeParse({ ...ENTRIES[0], at: '2026-11-26' }).success).toBe(false);
  });
  it('names the kinds in Chinese', () => {
    expect(POINTS_KIND_NAMES).toEqual({ earned: '获得', spent: '使用', expired: '过期', adjusted: '调整' });
  });
});
