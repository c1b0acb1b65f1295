import { BOOKING_RULES, beforeCutoff, bookableDates, dayKind, hoursText, slotsFor, standingOf } from './rules';
import { DISTRICT_HALL, SEED_SERVICE_POINTS, streetCentre } from './points';

describe('slots from the opening rules and the working-day calendar', () => {
  it("a weekday: morning and afternoon in 30-minute slots, 2 people per window of the item's area", () => {
    const slots = slotsFor(DISTRICT_HALL, 'id-card', '2026-12-01'); // a Tuesday: 白加黑 too
    expect(slots[0]).toEqual({ start: '09:00', end: '09:30', kind: 'day', capacity: 4 }); // windows 5 and 6
    expect(slots.filter((s) => s.kind === 'day')).toHaveLength(6 + 8);
    expect(slots.filter((s) => s.kind === 'evening').map((s) => s.start)).toEqual(['17:30', '18:00', '18:30', '19:00', '19:30']);
    expect(slots.find((s) => s.kind === 'evening')!.capacity).toBe(2); // only window 5 works the extended hours
  });

  it('白加黑 only on the days the rule names; "5+2" weekends with the extended windows', () => {
    expect(slotsFor(DISTRICT_HALL, 'id-card', '2026-12-02').some((s) => s.kind === 'evening')).toBe(false); // Wednesday
    const saturday = slotsFor(DISTRICT_HALL, 'social-security-card', '2026-12-05');
    expect(saturday.map((s) => s.kind)).toEqual(Array(6 + 7).fill('weekend'));
    expect(saturday[0]!.capacity).toBe(4); // windows 1 and 2 of area A
    expect(slotsFor(DISTRICT_HALL, 'policy-claim', '2026-12-05')).toEqual([]); // window 9 does not open on weekends
  });

  it('a 调休 Sunday is a working day; a holiday is closed; a make-up rule per point', () => {
    expect(dayKind('2026-10-10')).toBe('workday'); // Saturday, 调休上班
    expect(slotsFor(DISTRICT_HALL, 'id-card', '2026-10-10')[0]!.kind).toBe('day');
    expect(dayKind('2026-10-01')).toBe('holiday');
    expect(slotsFor(DISTRICT_HALL, 'id-card', '2026-10-01')).toEqual([]);
    const beijing = streetCentre('beijing', '北京街道', 0);
    expect(slotsFor(beijing, 'residence-certificate', '2026-12-05')).toHaveLength(6); // Saturday morning
    expect(slotsFor(beijing, 'residence-certificate', '2026-12-06')).toEqual([]); // not Sunday
  });

  it('an item the point does not handle has no slots', () => {
    expect(slotsFor(streetCentre('renmin', '人民街道', 1), 'company-establishment', '2026-12-01')).toEqual([]);
  });

  it('hours in words', () => {
    expect(hoursText(DISTRICT_HALL.hours)).toBe(
      '工作日 09:00–12:00、13:30–17:30；周二、周四延时至 20:00（白加黑）；周末 09:00–12:00、13:30–17:00（5+2 预约服务）',
    );
    expect(hoursText(streetCentre('beijing', '北京街道', 0).hours)).toContain('周六 09:00–12:00');
    expect(hoursText(streetCentre('renmin', '人民街道', 1).hours)).toContain('周末休息');
  });

  it('every seeded point has unique window numbers, windows only for its areas, and items in one area only', () => {
    for (const p of SEED_SERVICE_POINTS) {
      expect(new Set(p.windows.map((w) => w.no)).size).toBe(p.windows.length);
      for (const w of p.windows) expect(p.areas.map((a) => a.prefix)).toContain(w.prefix);
      const items = p.areas.flatMap((a) => a.itemIds);
      expect(new Set(items).size).toBe(items.length);
    }
    expect(new Set(SEED_SERVICE_POINTS.map((p) => p.id)).size).toBe(SEED_SERVICE_POINTS.length);
  });
});

describe('booking windows, the cut-off and 爽约', () => {
  it('today and 14 days ahead', () => {
    const d = bookableDates('2026-12-01');
    expect(d[0]).toBe('2026-12-01');
    expect(d.at(-1)).toBe('2026-12-15');
  });

  it('no change within 60 minutes of the start', () => {
    expect(beforeCutoff('2026-12-05T08:00:00+08:00', '2026-12-05', '09:00')).toBe(true);
    expect(beforeCutoff('2026-12-05T08:01:00+08:00', '2026-12-05', '09:00')).toBe(false);
  });

  it('three no-shows within 90 days suspend for 30 days from the last; two do not; older ones lapse', () => {
    expect(standingOf(['2026-10-01', '2026-11-01'], '2026-11-02')).toEqual({ recent: ['2026-10-01', '2026-11-01'] });
    expect(standingOf(['2026-10-01', '2026-11-01', '2026-11-20'], '2026-11-21').suspendedUntil).toBe('2026-12-20');
    expect(standingOf(['2026-10-01', '2026-11-01', '2026-11-20'], '2026-12-21').suspendedUntil).toBeUndefined(); // served
    expect(standingOf(['2026-06-01', '2026-08-01', '2026-10-01'], '2026-10-02').suspendedUntil).toBeUndefined(); // 122 days apart
    expect(BOOKING_RULES.noShow).toEqual({ count: 3, withinDays: 90, suspendDays: 30 });
  });
});
