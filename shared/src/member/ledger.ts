// Points ledger: append-only entries; the balance is always derived from them, never stored alone,
// so every point can be explained (reason) and never paid twice (source is the idempotency key).
import * as z from 'zod';
import { lazy } from '../api/lazy';

export const POINTS_KINDS = ['earned', 'spent', 'expired', 'adjusted'] as const;
export type PointsKind = (typeof POINTS_KINDS)[number];

export const POINTS_KIND_NAMES: Record<PointsKind, string> = { earned: '获得', spent: '使用', expired: '过期', adjusted: '调整' };

/** Where points came from, unique per award: 'checkin:2026-11-26', 'rating:SQ…', 'benefit:<claimId>'. */
export const PointsSource = lazy(() => z.string().regex(/^[a-z]+:[A-Za-z0-9:_-]{1,80}$/, { message: '积分来源格式不正确' }));

/** True when the sign suits the kind: earned > 0, spent/expired < 0, adjusted ≠ 0. */
function signFits(kind: PointsKind, points: number): boolean {
  if (kind === 'earned') return points > 0;
  if (kind === 'adjusted') return points !== 0;
  return points < 0;
}

export const PointsEntry = lazy(() =>
  z
    .strictObject({
      kind: z.enum(POINTS_KINDS, { message: '积分类型不正确' }),
      points: z.number({ message: '积分应为整数' }).int({ message: '积分应为整数' }),
      reason: z.string().trim().min(1, { message: '请填写积分变动原因' }).max(40, { message: '原因不能超过 40 个字' }),
      source: PointsSource,
      at: z.iso.datetime({ message: '时间格式不正确' }),
    })
    .refine((e) => signFits(e.kind, e.points), { message: '积分正负与类型不符（获得为正，使用和过期为负，调整不为 0）', path: ['points'] }),
);
export type PointsEntry = z.infer<typeof PointsEntry>;

/** Current balance: the sum of all entries, floored at 0 (canApply keeps it from going below). */
export function balanceOf(entries: readonly PointsEntry[]): number {
  return Math.max(
    0,
    entries.reduce((sum, e) => sum + e.points, 0),
  );
}

/** Growth value for levels: points ever earned plus upward adjustments; spending never lowers it. */
export function growthOf(entries: readonly PointsEntry[]): number {
  return entries.reduce((sum, e) => (e.kind === 'earned' || (e.kind === 'adjusted' && e.points > 0) ? sum + e.points : sum), 0);
}

/** Whether an entry may be appended: a whole number whose sign suits its kind, leaving balance ≥ 0. */
export function canApply(balance: number, entry: Pick<PointsEntry, 'kind' | 'points'>): boolean {
  return Number.isInteger(entry.points) && signFits(entry.kind, entry.points) && balance + entry.points >= 0;
}
