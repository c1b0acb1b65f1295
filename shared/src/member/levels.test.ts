import { levelAfterChange, levelForGrowth, progressToNext } from './levels';
import { DEFAULT_MEMBER_RULES as RULES, type MemberRules } from './rules';

/** The defaults with every threshold after the first multiplied (an admin raising the bar). */
const raised = (k: number): MemberRules => ({ ...RULES, levels: RULES.levels.map((l) => ({ ...l, threshold: l.threshold * k })) });

describe('levelForGrowth', () => {
  it('picks the highest level reached', () => {
    expect(levelForGrowth(0, RULES).name).toBe('普通卡');
    expect(levelForGrowth(199, RULES).name).toBe('普通卡');
    expect(levelForGrowth(200, RULES).name).toBe('银卡');
    expect(levelForGrowth(4999, RULES).name).toBe('金卡');
    expect(levelForGrowth(1e6, RULES).name).toBe('钻石卡');
    expect(levelForGrowth(-5, RULES).name).toBe('普通卡');
  });
});

describe('levelAfterChange', () => {
  it('gives a new card the growth level', () => {
    expect(levelAfterChange(undefined, 0, '2026-11-26', RULES)).toEqual({ levelId: 'standard', reachedAt: '2026-11-26', upgraded: false });
    expect(levelAfterChange(undefined, 300, '2026-11-26', RULES)).toEqual({ levelId: 'silver', reachedAt: '2026-11-26', upgraded: true });
  });
  it('upgrades at once and stamps today', () => {
    expect(levelAfterChange({ levelId: 'silver', reachedAt: '2026-03-01' }, 1000, '2026-11-26', RULES)).toEqual({
      levelId: 'gold',
      reachedAt: '2026-11-26',
      upgraded: true,
    });
  });
  it('keeps the level unchanged (and its date) when growth still matches', () => {
    expect(levelAfterChange({ levelId: 'silver', reachedAt: '2026-03-01' }, 250, '2027-05-01', RULES)).toEqual({
      levelId: 'silver',
      reachedAt: '2026-03-01',
      upgraded: false,
    });
  });
  it('keeps a level within the year it was reached after thresholds are raised', () => {
    const held = { levelId: 'gold', reachedAt: '2026-03-01' };
    expect(levelAfterChange(held, 1200, '2026-12-31', raised(2))).toEqual({ ...held, upgraded: false });
  });
  it('follows growth from the next year, then keeps the lower level for that year', () => {
    const held = { levelId: 'gold', reachedAt: '2026-03-01' };
    expect(levelAfterChange(held, 1200, '2027-01-01', raised(2))).toEqual({ levelId: 'silver', reachedAt: '2027-01-01', upgraded: false });
  });
  it('replaces a level the rules no longer have', () => {
    expect(levelAfterChange({ levelId: 'platinum', reachedAt: '2026-03-01' }, 1200, '2026-11-26', RULES)).toEqual({
      levelId: 'gold',
      reachedAt: '2026-11-26',
      upgraded: false,
    });
  });
});

describe('progressToNext', () => {
  it('measures the current step', () => {
    expect(progressToNext(0, RULES)).toEqual({ next: RULES.levels[1], needed: 200, ratio: 0 });
    expect(progressToNext(600, RULES)).toEqual({ next: RULES.levels[2], needed: 400, ratio: 0.5 });
  });
  it('is complete at the top level', () => {
    expect(progressToNext(9000, RULES)).toEqual({ needed: 0, ratio: 1 });
  });
  it('measures from a held level above the growth level', () => {
    expect(progressToNext(1200, raised(2), 'gold')).toEqual({ next: raised(2).levels[3], needed: 8800, ratio: 0 });
  });
});
