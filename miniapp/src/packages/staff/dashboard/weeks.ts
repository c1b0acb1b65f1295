/**
 * ISO weeks ("2026-W47") as people say them (issue 14: "W42…W49" meant nothing): the Monday the week starts on.
 */
function mondayOf(isoWeek: string): Date | undefined {
  const m = /^(\d{4})-W(\d{2})$/.exec(isoWeek);
  if (!m) return undefined;
  const jan4 = new Date(Date.UTC(Number(m[1]), 0, 4)); // always in week 1
  const firstMonday = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000;
  return new Date(firstMonday + (Number(m[2]) - 1) * 7 * 86_400_000);
}

/** "11/16": the column label under a week's bars. */
export function weekLabel(isoWeek: string): string {
  const d = mondayOf(isoWeek);
  return d ? `${d.getUTCMonth() + 1}/${d.getUTCDate()}` : isoWeek;
}

/** "11 月 16 日起的一周": what a screen reader says for the column. */
export function weekName(isoWeek: string): string {
  const d = mondayOf(isoWeek);
  return d ? `${d.getUTCMonth() + 1} 月 ${d.getUTCDate()} 日起的一周` : isoWeek;
}
