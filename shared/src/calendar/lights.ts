// Traffic light (红黄绿灯) of an open item against its time limit in working days.
import { type CalendarData, DEFAULT_CALENDAR } from './data';
import { addWorkingDays, workingDaysBetween } from './workdays';

export type Light = 'green' | 'yellow' | 'red';

export const LIGHT_NAMES: Readonly<Record<Light, string>> = { green: '正常', yellow: '临近时限', red: '已超时' };

function checkCount(what: string, v: number): void {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new RangeError(`${what} must be a whole number ≥ 0, got ${v}`);
}

/**
 * green within the limit; yellow when no more than 20% of the limit remains, and always on the last
 * working day (0 ≤ remaining ≤ max(1, ⌊limit × 20%⌋); for a limit of 0 (即办) remaining 0 is yellow);
 * red once used > limit.
 */
export function trafficLight(limitDays: number, usedDays: number): Light {
  checkCount('limitDays', limitDays);
  checkCount('usedDays', usedDays);
  const remaining = limitDays - usedDays;
  if (remaining < 0) return 'red';
  // ⌊limit / 5⌋ is ⌊limit × 0.2⌋ without floating-point error.
  return remaining <= Math.max(1, Math.floor(limitDays / 5)) ? 'yellow' : 'green';
}

export interface DeadlineStatusOptions {
  /** Business date the clock starts from (day of receipt/acceptance; it does not count). */
  start: string;
  /** Time limit in working days. */
  limitDays: number;
  /** Today's business date (see businessDate). */
  today: string;
  /** Working days the clock was stopped (补正、听证、专家评审 …); they extend the deadline. */
  pausedWorkingDays?: number;
}

export interface DeadlineStatus {
  deadline: string;
  usedDays: number;
  remainingDays: number;
  light: Light;
}

export function deadlineStatus(opts: DeadlineStatusOptions, cal: CalendarData = DEFAULT_CALENDAR): DeadlineStatus {
  const { start, limitDays, today, pausedWorkingDays: paused = 0 } = opts;
  checkCount('limitDays', limitDays);
  checkCount('pausedWorkingDays', paused);
  const usedDays = Math.max(0, workingDaysBetween(start, today, cal) - paused);
  const deadline = addWorkingDays(start, limitDays + paused, cal);
  return { deadline, usedDays, remainingDays: limitDays - usedDays, light: trafficLight(limitDays, usedDays) };
}

/** The statutory clock (法定时限) as a person sees it: not started before 受理; then its deadline and days left. */
export interface StatutoryClock {
  started: boolean;
  deadline: string | null;
  remainingDays: number | null;
}

/**
 * 法定时限 runs from the day of 受理 (行政许可法 art. 42: "自受理行政许可申请之日起"), not from submission, and stops
 * while the applicant corrects materials (补正) after acceptance. `pausedSince`: the clock is stopped now.
 */
export function statutoryClock(
  o: { acceptedOn?: string; statutoryDays: number; statutoryPausedDays?: number; pausedSince?: string },
  today: string,
  cal: CalendarData = DEFAULT_CALENDAR,
): StatutoryClock {
  if (!o.acceptedOn) return { started: false, deadline: null, remainingDays: null };
  const s = deadlineStatus(
    { start: o.acceptedOn, limitDays: o.statutoryDays, today: o.pausedSince ?? today, pausedWorkingDays: o.statutoryPausedDays ?? 0 },
    cal,
  );
  return { started: true, deadline: s.deadline, remainingDays: s.remainingDays };
}
