import { REPLY_KIND_IDS, REPLY_KINDS, type ReplyKind } from '@yx/shared';

/** The report's arithmetic, kept apart from the page (pure). */

/** n of m as "92.5%", or — when there is nothing to divide by. */
export function percent(n: number, m: number): string {
  if (!(m > 0)) return '—';
  return `${Math.round((Math.min(n, m) / m) * 1000) / 10}%`;
}

/** A value's share of the largest, as a CSS width (0% when everything is zero). */
export function barWidth(value: number, max: number): string {
  if (!(max > 0) || !(value > 0)) return '0%';
  return `${Math.round((Math.min(value, max) / max) * 1000) / 10}%`;
}

/** Every kind of reply in the 条例's order, with the year's count (0 where there was none). */
export function kindBars(byKind: Record<string, number>): { kind: ReplyKind; name: string; count: number }[] {
  return REPLY_KIND_IDS.map((kind) => ({ kind, name: REPLY_KINDS[kind].name, count: Math.max(0, Number(byKind[kind] ?? 0)) }));
}

/** The years to choose from: this one and the four before it, none before the 2019 条例. */
export function yearsUpTo(year: number): number[] {
  return [0, 1, 2, 3, 4].map((n) => year - n).filter((y) => y >= 2019);
}
