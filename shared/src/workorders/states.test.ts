import { afterRating, formatWoNo, woAllowed, WO_NO_PATTERN } from './states';

describe('work-order states', () => {
  it('allows each action only from its states', () => {
    expect(woAllowed('dispatched').sort()).toEqual(['claim', 'redispatch']);
    expect(woAllowed('claimed').sort()).toEqual(['resolve', 'return', 'start']);
    expect(woAllowed('in_progress').sort()).toEqual(['resolve', 'return']);
    expect(woAllowed('returned')).toEqual(['redispatch']);
    expect(woAllowed('resolved')).toEqual([]);
    expect(woAllowed('closed')).toEqual([]);
  });
  it('reopens once when the filer is not satisfied', () => {
    expect(afterRating('unsatisfied', false)).toEqual({ to: 'dispatched', reopen: true });
    expect(afterRating('unsatisfied', true)).toEqual({ to: 'closed', reopen: false });
    expect(afterRating('basic', false)).toEqual({ to: 'closed', reopen: false });
  });
  it('numbers work orders readably', () => {
    expect(formatWoNo('2026-11-26', '73015542')).toBe('SQ2026112673015542');
    expect(WO_NO_PATTERN.test('SQ2026112673015542')).toBe(true);
    expect(WO_NO_PATTERN.test('SQ20261126000012')).toBe(true); // numbers given before issue 13 still read
    expect(WO_NO_PATTERN.test('SQ202611260000123')).toBe(false);
  });
});
