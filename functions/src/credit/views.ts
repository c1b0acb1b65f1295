import {
  maskFreeText,
  repairRefusal,
  publicationWindow,
  ratingAverage,
  reviewClock,
  type CreditRecordView,
  type CreditReviewView,
  type RatingSummary,
  type RatingView,
} from '@yx/shared';
import type { CreditRecordRecord, CreditReviewRecord, RatingRecord } from './repository';

/** What a record shows: to everyone the 双公示 fields; to the firm's own people also when it may be repaired and leaves. */
export function recordView(r: CreditRecordRecord, today: string, own = false): CreditRecordView {
  const w = r.kind === 'penalty' ? publicationWindow({ severity: r.severity ?? 'ordinary', decidedOn: r.decidedOn }) : null;
  const status: CreditRecordView['status'] = r.published
    ? 'published'
    : r.repairedAt
      ? 'repaired'
      : r.removedWhy === 'expired'
        ? 'expired'
        : r.removedAt
          ? 'removed'
          : 'hidden';
  return {
    id: r.id,
    kind: r.kind,
    decisionNo: r.decisionNo,
    title: r.title,
    ...(r.basis ? { basis: r.basis } : {}),
    ...(r.severity ? { severity: r.severity } : {}),
    authority: r.authority,
    decidedOn: r.decidedOn,
    ...(r.validUntil ? { validUntil: r.validUntil, valid: r.validUntil >= today } : r.kind === 'licence' ? { valid: true } : {}),
    status,
    // the public sees that an objection is being checked (the record is in doubt); a repair under review is the firm's own affair
    reviewing: r.reviewing === 'objection' || (own && Boolean(r.reviewing)),
    ...(own && w ? { repairableFrom: w.repairableFrom, leavesOn: w.leavesOn } : {}),
    ...(own && r.repairedAt ? { repairedAt: r.repairedAt } : {}),
    ...(own && r.kind === 'penalty' ? { repairable: repairRefusal(r, today) === undefined } : {}),
    ...(own && r.reviewing ? { reviewKind: r.reviewing } : {}),
  };
}

/** A rating as a page shows it: the rater masked; the words with phone and ID numbers masked unless it is the rater's own. */
export function ratingView(r: RatingRecord, viewerId?: string, o: { moderator?: boolean } = {}): RatingView {
  const mine = viewerId === r.userId;
  return {
    id: r.id,
    rater: r.rater,
    stars: r.stars,
    tags: r.tags,
    ...(r.comment ? { comment: mine ? r.comment : maskFreeText(r.comment) } : {}),
    at: r.at,
    status: r.status,
    ...(r.heldFor && (mine || o.moderator) ? { heldFor: r.heldFor } : {}),
    ...(r.reply ? { reply: { text: r.reply.text, at: r.reply.at } } : {}),
    ...(mine ? { mine: true } : {}),
  };
}

/** The aggregator's figures row as the rating summary: shown ratings only. */
export function ratingSummary(stats: Record<string, number> | undefined): RatingSummary {
  const count = Number(stats?.ratings ?? 0);
  const sum = Number(stats?.starSum ?? 0);
  return { average: ratingAverage(sum, count), count, stars: [1, 2, 3, 4, 5].map((s) => Number(stats?.[`s${s}`] ?? 0)) };
}

export function reviewView(
  rv: CreditReviewRecord,
  record: CreditRecordRecord,
  today: string,
  files: { id: string; name: string; url?: string }[],
): CreditReviewView {
  const clock = rv.status === 'reviewing' ? reviewClock(rv.kind, rv.receivedOn, today) : undefined;
  return {
    id: rv.id,
    kind: rv.kind,
    creditCode: rv.creditCode,
    firmName: rv.firmName,
    record: recordView(record, today, true),
    text: rv.text,
    files,
    commitment: rv.commitment,
    status: rv.status,
    submittedAt: rv.submittedAt,
    receivedOn: rv.receivedOn,
    deadline: rv.deadline,
    ...(clock ? { light: clock.light, remainingDays: clock.remainingDays } : {}),
    ...(rv.decidedAt ? { decidedAt: rv.decidedAt } : {}),
    ...(rv.decidedBy ? { decidedBy: rv.decidedBy } : {}),
    ...(rv.reason ? { reason: rv.reason } : {}),
    applicant: rv.applicant,
    version: rv.version,
  };
}
