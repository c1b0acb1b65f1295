import { businessDate } from '@yx/shared';

/** How long a grant (企业经办人, 亲友代办) lasts: the terms a person picks from. */
export type Term = '3m' | '6m' | '1y' | '3y';
export const TERMS: { value: Term; label: string; months: number }[] = [
  { value: '3m', label: '3 个月', months: 3 },
  { value: '6m', label: '6 个月', months: 6 },
  { value: '1y', label: '1 年', months: 12 },
  { value: '3y', label: '3 年', months: 36 },
];

/** The grant's last day: today plus the term, in Beijing time. */
export function endOf(term: Term, today = businessDate(new Date())): string {
  const months = TERMS.find((t) => t.value === term)!.months;
  const [y, m, d] = today.split('-').map(Number);
  const lastOfMonth = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  const same = Date.UTC(y, m - 1 + months, Math.min(d, lastOfMonth)); // 30 Nov + 3 months: 28 Feb, not 2 March
  return new Date(same - 86_400_000).toISOString().slice(0, 10);
}
