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
