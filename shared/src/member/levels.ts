// Card levels (换卡). Growth = lifetime points earned, so it never falls; a level can only drop when an
// admin raises thresholds, and then not before the calendar year in which it was reached has ended.
import { toDay } from './dates';
import type { MemberLevel, MemberRules } from './rules';

/** The highest level whose threshold growth has reached (the first level for growth ≤ 0). */
export function levelForGrowth(growth: number, rules: MemberRules): MemberLevel {
  let level = rules.levels[0];
  for (const l of rules.levels) if (growth >= l.threshold) level = l;
  return level;
}

export interface HeldLevel {
  levelId: string;
  /** Business date the level was (re)assigned; its year protects the level from dropping. */
  reachedAt: string;
}

/**
 * The member's level after growth or the rules changed. Rises at once (reachedAt = today); never drops
 * within reachedAt's calendar year; from a later year it follows growth. A held level the rules no
 * longer have is replaced by the growth level. `upgraded` is true when the result is above the previous
 * level (for a new card: above the first level).
 */
export function levelAfterChange(current: HeldLevel | undefined, growth: number, today: string, rules: MemberRules): HeldLevel & { upgraded: boolean } {
  toDay(today);
  const target = levelForGrowth(growth, rules);
  const ti = rules.levels.indexOf(target);
  const ci = current ? rules.levels.findIndex((l) => l.id === current.levelId) : -1;
  if (!current || ci < 0) return { levelId: target.id, reachedAt: today, upgraded: current ? false : ti > 0 };
  if (ti > ci) return { levelId: target.id, reachedAt: today, upgraded: true };
  if (ti === ci || current.reachedAt.slice(0, 4) === today.slice(0, 4)) return { ...current, upgraded: false };
  return { levelId: target.id, reachedAt: today, upgraded: false };
}

/**
 * Progress towards the next level: growth still needed and the share of the current step done (0..1).
 * Pass the held level id when it may be above what growth alone gives (kept-within-year), so "next"
 * is the level above the card shown. At the top level: no next, needed 0, ratio 1.
 */
export function progressToNext(growth: number, rules: MemberRules, heldLevelId?: string): { next?: MemberLevel; needed: number; ratio: number } {
  const byGrowth = rules.levels.indexOf(levelForGrowth(growth, rules));
  const i = Math.max(byGrowth, heldLevelId === undefined ? -1 : rules.levels.findIndex((l) => l.id === heldLevelId));
  const from = rules.levels[i];
  const next = rules.levels[i + 1];
  if (!next) return { needed: 0, ratio: 1 };
  const needed = Math.max(0, next.threshold - growth);
  const ratio = Math.min(1, Math.max(0, (growth - from.threshold) / (next.threshold - from.threshold)));
  return { next, needed, ratio };
}
