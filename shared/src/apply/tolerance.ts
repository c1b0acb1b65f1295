import * as z from 'zod';
import { lazy } from '../api/lazy';

/**
 * 容缺受理: a firm with a good credit grade may leave some required materials for later, on a
 * signed credit commitment (信用承诺). Grade A may defer up to 30% of the item's required
 * materials, grade B up to 20% (rounded down; any materials, not a fixed list); C and D none.
 * Applied when the application is received, from the firm's grade at that time.
 */

export const CreditGrade = lazy(() => z.enum(['A', 'B', 'C', 'D']));
export type CreditGrade = z.infer<typeof CreditGrade>;

/** Working days a firm has to hand in a deferred material, counted from submission. */
export const DEFERRAL_WORKING_DAYS = 10;
/** Reminders go out this many working days before a deferred material is due (and the 补正 on the day after). */
export const DEFERRAL_REMINDER_DAYS = [3, 1] as const;

/** Share of the required materials each grade may defer, in percent. */
export const DEFERRAL_PERCENT: Readonly<Record<CreditGrade, number>> = { A: 30, B: 20, C: 0, D: 0 };

/** How many of `requiredMaterialCount` required materials a firm of `grade` may defer. */
export function deferralQuota(grade: CreditGrade, requiredMaterialCount: number): number {
  if (!Number.isInteger(requiredMaterialCount) || requiredMaterialCount < 0) {
    throw new RangeError(`requiredMaterialCount must be a non-negative integer, got ${requiredMaterialCount}`);
  }
  // Integer arithmetic: 10 × 30 / 100 is exactly 3, where 10 × 0.3 need not be.
  return Math.floor((requiredMaterialCount * DEFERRAL_PERCENT[grade]) / 100);
}

export interface DeferralRequest {
  /** Whether the item is open to 容缺受理 at all (the department's pilot list), on every item of the application. */
  itemOpen: boolean;
  /** The firm's credit grade; null when the applicant is not a graded enterprise (e.g. a person). */
  grade: CreditGrade | null;
  /** Names (or field keys) of the item's required materials. */
  requiredMaterials: string[];
  /** Those the applicant asks to hand in later. */
  deferred: string[];
  commitmentSigned: boolean;
}

export type DeferralCheck = { ok: true } | { ok: false; reason: string };

/** Whether the deferral asked for is allowed; the reason, in Chinese, when it is not. */
export function checkDeferrals(request: DeferralRequest): DeferralCheck {
  const { grade, deferred, commitmentSigned } = request;
  if (deferred.length === 0) return { ok: true };
  const no = (reason: string): DeferralCheck => ({ ok: false, reason });
  if (!request.itemOpen) return no('本事项未列入容缺受理事项清单，请上传全部必交材料');
  if (grade === null) return no('容缺受理仅适用于信用等级为 A 级、B 级的企业');
  if (DEFERRAL_PERCENT[grade] === 0) return no(`您的企业信用等级为 ${grade} 级，不适用容缺受理`);
  const required = new Set(request.requiredMaterials);
  const seen = new Set<string>();
  for (const name of deferred) {
    if (seen.has(name)) return no(`容缺材料“${name}”重复`);
    seen.add(name);
    if (!required.has(name)) return no(`“${name}”不是本事项的必交材料，无需容缺`);
  }
  const quota = deferralQuota(grade, required.size);
  if (deferred.length > quota) return no(`最多可容缺 ${quota} 项材料`);
  if (!commitmentSigned) return no('容缺受理需签署信用承诺书');
  return { ok: true };
}
