import { REVIEW_RULES, type ReviewKind } from '@yx/shared';
import type { CreditRecord, CreditReview } from '../../../api/credit';

/** The credit contract's pages say `cursor`; usePagedList reads `nextCursor` (null at the end, so 没有更多了 shows). */
export const asPage = <T>(p: { items: T[]; cursor?: string }) => ({ items: p.items, nextCursor: p.cursor ?? null });

/** A record's state on the firm's own page: its word and the tag's colour. */
export const RECORD_STATUS: Record<CreditRecord['status'], { name: string; tone: string }> = {
  published: { name: '公示中', tone: 'tag-orange' },
  repaired: { name: '已修复', tone: 'tag-green' },
  expired: { name: '已到期', tone: 'tag-gray' },
  removed: { name: '已撤销', tone: 'tag-gray' },
  hidden: { name: '不予公示', tone: 'tag-gray' },
};

/** What a record under review says, by the kind of the open request (unknown: the request is not on the first page). */
export const reviewingText = (kind?: ReviewKind) => (kind === 'repair' ? '修复审核中' : kind === 'objection' ? '异议核查中' : '申请核查中');

export const REVIEW_STATUS: Record<CreditReview['status'], { name: string; tone: string }> = {
  reviewing: { name: '核查中', tone: 'tag-blue' },
  approved: { name: '已同意', tone: 'tag-green' },
  refused: { name: '不同意', tone: 'tag-red' },
};

export const reviewKindName = (kind: ReviewKind) => REVIEW_RULES[kind].name;
