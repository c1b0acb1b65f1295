/**
 * 预约 (appointments, issue 18): the rules as data and the pure functions over them. Slots come from a service point's
 * opening hours by the kind of day the working-day calendar says it is (a 调休 Saturday is a working day; a holiday is
 * closed unless the point says otherwise), "5+2" weekend hours and "白加黑" evening hours included; each slot holds
 * `capacityPerWindow` people per window that serves the item and is open then.
 */
import { type CalendarData, DEFAULT_CALENDAR } from '../calendar/data';
import { dayNumber, weekdayOf } from '../calendar/date';
import { isWorkingDay } from '../calendar/workdays';

/** 'HH:MM' on the Beijing wall clock. */
export type Clock = string;
export interface TimeRange {
  start: Clock;
  end: Clock;
}

export type DayKind = 'workday' | 'weekend' | 'holiday';
export const DAY_KIND_NAMES: Record<DayKind, string> = { workday: '工作日', weekend: '周末（5+2 预约服务）', holiday: '节假日' };

/** A point's hours: by kind of day, plus 白加黑 evenings on some weekdays (1 = Monday … 7 = Sunday). */
export interface OpeningHours {
  workday: TimeRange[];
  weekend: TimeRange[];
  holiday: TimeRange[];
  /** the weekend days the weekend hours apply to (6 = Saturday, 7 = Sunday); both when left out */
  weekendDays?: number[];
  evening?: { weekdays: number[]; range: TimeRange };
}

/** A window: its number, the business area it calls (by the area's prefix), the department that staffs it, and
 * whether it opens in the extended hours (weekends, evenings). */
export interface WindowSpec {
  no: number;
  prefix: string;
  departmentId: string;
  extended: boolean;
}

/** A business area (业务区): a number prefix (A, B…) and the items it handles. */
export interface AreaSpec {
  prefix: string;
  name: string;
  itemIds: string[];
}

export interface PointSpec {
  id: string;
  name: string;
  kind: 'hall' | 'street';
  streetId?: string;
  address: string;
  phone?: string;
  /** the map location (GCJ-02, as WeChat's getLocation gives it) and the radius a check-in by location must be within */
  lat: number;
  lng: number;
  geofenceMeters: number;
  areas: AreaSpec[];
  windows: WindowSpec[];
  hours: OpeningHours;
  slotMinutes: number;
  capacityPerWindow: number;
}

/** The booking rules (one set for the district; an admin may change them). */
export interface BookingRules {
  /** how many days ahead one may book (today counts as day 0) */
  daysAhead: number;
  /** no booking, rescheduling or cancelling within this many minutes of the slot's start */
  cutoffMinutes: number;
  /** check-in opens this long before the slot and closes this long after its end (later: a walk-in number) */
  checkInEarlyMinutes: number;
  lateMinutes: number;
  /** 爽约: `count` bookings not kept within `withinDays` suspend online booking for `suspendDays` */
  noShow: { count: number; withinDays: number; suspendDays: number };
  /** reminders: the day before at this hour, and this many minutes before the slot */
  remindDayBeforeAt: Clock;
  remindMinutesBefore: number;
  /** 提醒: a message when this many people are ahead */
  nearAhead: number;
}

export const BOOKING_RULES: BookingRules = {
  daysAhead: 14,
  cutoffMinutes: 60,
  checkInEarlyMinutes: 60,
  lateMinutes: 15,
  noShow: { count: 3, withinDays: 90, suspendDays: 30 },
  remindDayBeforeAt: '18:00',
  remindMinutesBefore: 60,
  nearAhead: 3,
};

export interface Slot {
  start: Clock;
  end: Clock;
  /** 白加黑 evening, 5+2 weekend, or ordinary hours */
  kind: 'day' | 'evening' | 'weekend' | 'holiday';
  capacity: number;
}

export const toMinutes = (c: Clock) => Number(c.slice(0, 2)) * 60 + Number(c.slice(3, 5));
export const fromMinutes = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
export const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The kind of day a date is: a holiday, a working day (调休 Saturdays included) or a weekend day. */
export function dayKind(date: string, cal: CalendarData = DEFAULT_CALENDAR): DayKind {
  if (cal.holidays.includes(date)) return 'holiday';
  return isWorkingDay(date, cal) ? 'workday' : 'weekend';
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const n = dayNumber(date);
  if (n === null) throw new RangeError(`Not a date: ${date}`);
  const w = weekdayOf(n); // 0 = Sunday
  return w === 0 ? 7 : w;
}

function cut(range: TimeRange, minutes: number): { start: Clock; end: Clock }[] {
  const out: { start: Clock; end: Clock }[] = [];
  for (let m = toMinutes(range.start); m + minutes <= toMinutes(range.end); m += minutes) out.push({ start: fromMinutes(m), end: fromMinutes(m + minutes) });
  return out;
}

/** The areas (by prefix) that handle an item at a point. */
export const areaOf = (point: Pick<PointSpec, 'areas'>, itemId: string) => point.areas.find((a) => a.itemIds.includes(itemId));

/** The windows open for an area in a kind of slot: extended hours need an extended window. */
export function windowsFor(point: Pick<PointSpec, 'windows'>, prefix: string, kind: Slot['kind']): WindowSpec[] {
  return point.windows.filter((w) => w.prefix === prefix && (kind === 'day' || w.extended));
}

/**
 * A point's slots for an item on a date, each with its capacity (people per window × the windows of the item's area
 * open then); none when the point does not handle the item or is closed that day.
 */
export function slotsFor(point: PointSpec, itemId: string, date: string, cal: CalendarData = DEFAULT_CALENDAR): Slot[] {
  const area = areaOf(point, itemId);
  if (!area) return [];
  const kindOfDay = dayKind(date, cal);
  const ranges: { range: TimeRange; kind: Slot['kind'] }[] = [];
  if (kindOfDay === 'workday') {
    for (const range of point.hours.workday) ranges.push({ range, kind: 'day' });
    const ev = point.hours.evening;
    if (ev && ev.weekdays.includes(isoWeekday(date))) ranges.push({ range: ev.range, kind: 'evening' });
  } else if (kindOfDay === 'holiday' || (point.hours.weekendDays ?? [6, 7]).includes(isoWeekday(date))) {
    for (const range of point.hours[kindOfDay]) ranges.push({ range, kind: kindOfDay });
  }
  const slots: Slot[] = [];
  for (const { range, kind } of ranges) {
    const capacity = windowsFor(point, area.prefix, kind).length * point.capacityPerWindow;
    if (capacity > 0) for (const s of cut(range, point.slotMinutes)) slots.push({ ...s, kind, capacity });
  }
  return slots.sort((a, b) => a.start.localeCompare(b.start));
}

/** The opening hours in words, for the point's card: 「工作日 09:00–12:00、13:30–17:30；周二、周四延时至 20:00；周六 …」. */
export function hoursText(h: OpeningHours): string {
  const list = (rs: TimeRange[]) => rs.map((r) => `${r.start}–${r.end}`).join('、');
  const parts = [`工作日 ${list(h.workday) || '不开放'}`];
  if (h.evening) parts.push(`${h.evening.weekdays.map((d) => WEEKDAY_NAMES[d]).join('、')}延时至 ${h.evening.range.end}（白加黑）`);
  const days = h.weekendDays ?? [6, 7];
  const weekendName = days.length === 2 ? '周末' : days.map((d) => WEEKDAY_NAMES[d]).join('、');
  parts.push(h.weekend.length ? `${weekendName} ${list(h.weekend)}（5+2 预约服务）` : '周末休息');
  if (h.holiday.length) parts.push(`节假日 ${list(h.holiday)}`);
  return parts.join('；');
}
export const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** Beijing wall-clock instant of a date and clock, as an ISO string with the +08:00 offset. */
export const beijingInstant = (date: string, clock: Clock) => `${date}T${clock}:00+08:00`;
/** Minutes from `nowIso` until the date's clock (negative when past). */
export const minutesUntil = (nowIso: string, date: string, clock: Clock) => Math.round((Date.parse(beijingInstant(date, clock)) - Date.parse(nowIso)) / 60_000);

/** The dates one may book from today (Beijing), today included. */
export function bookableDates(today: string, rules: BookingRules = BOOKING_RULES): string[] {
  const n = dayNumber(today);
  if (n === null) return [];
  const out: string[] = [];
  for (let i = 0; i <= rules.daysAhead; i++) out.push(new Date((n + i) * 86_400_000).toISOString().slice(0, 10));
  return out;
}

/** Whether a slot can still be booked, moved or cancelled at `nowIso`: before the cut-off. */
export const beforeCutoff = (nowIso: string, date: string, start: Clock, rules: BookingRules = BOOKING_RULES) =>
  minutesUntil(nowIso, date, start) >= rules.cutoffMinutes;

/**
 * 爽约: the person's standing from the dates of bookings not kept. Suspended when `count` fall within `withinDays`
 * of each other; the suspension runs `suspendDays` from the last of them.
 */
export function standingOf(noShowDates: string[], today: string, rules: BookingRules = BOOKING_RULES): { suspendedUntil?: string; recent: string[] } {
  const t = dayNumber(today) ?? 0;
  const days = [...noShowDates].sort();
  const recent = days.filter((d) => t - (dayNumber(d) ?? 0) < rules.noShow.withinDays);
  let until: number | undefined;
  for (let i = rules.noShow.count - 1; i < days.length; i++) {
    const last = dayNumber(days[i]!) ?? 0;
    const first = dayNumber(days[i - rules.noShow.count + 1]!) ?? 0;
    if (last - first < rules.noShow.withinDays) until = last + rules.noShow.suspendDays;
  }
  if (until === undefined || until < t) return { recent };
  return { recent, suspendedUntil: new Date(until * 86_400_000).toISOString().slice(0, 10) };
}
