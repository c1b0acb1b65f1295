import { weekLabel, weekName } from './weeks';

describe('weeks as dates', () => {
  it('names an ISO week by its Monday', () => {
    expect(weekLabel('2026-W47')).toBe('11/16');
    expect(weekName('2026-W47')).toBe('11 月 16 日起的一周');
    expect(weekLabel('2026-W01')).toBe('12/29'); // week 1 of 2026 starts in 2025
    expect(weekLabel('2026-W53')).toBe('12/28'); // 2026 has a 53rd ISO week
    expect(weekLabel('nonsense')).toBe('nonsense');
  });
});
