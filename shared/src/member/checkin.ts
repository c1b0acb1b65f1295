// Daily check-in (签到): once per Asia/Shanghai calendar day (pass businessDate(now) as `today`).
// Consecutive days build a streak; a missed day starts it again at 1. Dates are plain 'YYYY-MM-DD'.
import { toDay } from './dates';
import type { MemberRules } from './rules';

/** The date n days after (n < 0: before) a 'YYYY-MM-DD' date, by UTC arithmetic. */
export { addDays } from './dates';

/** What the store remembers between check-ins. */
export interface CheckInState {
  lastDate?: string;
  streak: number;
}

export interface CheckInOutcome {
  /** Already checked in today: nothing to award, streak unchanged. */
  already: boolean;
  /** The streak after this check-in. */
  streak: number;
  /** Total points to award (base + bonus); 0 when already. */
  points: number;
  /** The streak-bonus part of `points` (0 if none). */
  bonus: number;
  /** The bonus day reached, when a bonus applies. */
  bonusDay?: number;
}

/**
 * The result of checking in on `today`. A lastDate on or after today counts as already checked in,
 * so a clock step backwards never pays twice.
 */
export function checkInOutcome(prev: CheckInState, today: string, rules: MemberRules): CheckInOutcome {
  const day = toDay(today);
  if (prev.lastDate !== undefined && toDay(prev.lastDate) >= day) return { already: true, streak: prev.streak, points: 0, bonus: 0 };
  const streak = prev.lastDate !== undefined && toDay(prev.lastDate) === day - 1 ? Math.max(0, prev.streak) + 1 : 1;
  const hit = rules.checkIn.streakBonuses.find((b) => b.day === streak);
  const bonus = hit?.points ?? 0;
  return { already: false, streak, points: rules.checkIn.basePoints + bonus, bonus, ...(hit ? { bonusDay: hit.day } : {}) };
}

/** The streak to show today: kept while the last check-in was today or yesterday, else 0 (broken). */
export function currentStreak(prev: CheckInState, today: string): number {
  if (prev.lastDate === undefined) return 0;
  const gap = toDay(today) - toDay(prev.lastDate);
  return gap === 0 || gap === 1 ? prev.streak : 0;
}

/** The next streak bonus after `streak` and how many more check-ins reach it; undefined if none left. */
export function nextBonus(streak: number, rules: MemberRules): { day: number; points: number; daysLeft: number } | undefined {
  const next = rules.checkIn.streakBonuses.filter((b) => b.day > streak).sort((a, b) => a.day - b.day)[0];
  return next && { day: next.day, points: next.points, daysLeft: next.day - streak };
}
