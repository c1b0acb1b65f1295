import { REVIEW_RULES, type ReviewKind } from '@yx/shared';
import type { CreditReview } from '../../../api/credit';

/** The credit contract's pages say `cursor`; usePagedList reads `nextCursor` (null at the end, so 没有更多了 shows). */
export const asPage = <T>(p: { items: T[]; cursor?: string }) => ({ items: p.items, nextCursor: p.cursor ?? null });

export const reviewKindName = (kind: ReviewKind) => REVIEW_RULES[kind].name;

export const REVIEW_STATUS: Record<CreditReview['status'], { name: string; tone: string }> = {
  reviewing: { name: '待核查', tone: 'tag-blue' },
  approved: { name: '已同意', tone: 'tag-green' },
  refused: { name: '不同意', tone: 'tag-red' },
};

/** Who moderates held ratings: the market regulator's staff, and the admin (functions/src/credit/ratings.ts). */
export const MODERATOR_DEPARTMENT = 'market';

/**
 * 信用修复承诺书, as the firm signed it (the same words as packages/credit/review/Form.tsx: a sub-package cannot import
 * another's code).
 */
export const COMMITMENT_TEXT = '本企业承诺已纠正失信行为、履行相关义务，所提交材料真实有效，如有虚假愿承担相应法律责任。';
