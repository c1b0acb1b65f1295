/**
 * What each kind of record adds to the counters in its current state (pure). A change adds
 * `countsOf(new) − countsOf(old)`, so the counters after any sequence of changes equal the sum of
 * `countsOf` over the records as they are now — which is how the reconciliation job rebuilds them.
 */
import { businessDate } from '@yx/shared';
import { CounterDeltas, stateAttr, type Scope } from '../lib/counters';
import type { Item } from '../lib/entities/entity';
import { Application, Rectification, keys as appKeys, type ApplicationRecord, type RectificationTask } from '../lib/entities/applications';
import { WorkOrder, type WorkOrderRecord } from '../lib/entities/workorders';
import { Card, Claim, PointsEntryRow, keys as memberKeys, type ClaimRow, type MemberCard, type PointsRow } from '../lib/entities/member';
import { Offer, keys as policyKeys, statAttrs, type OfferFigures } from '../lib/entities/policies';
import { Ballot, Comment, Residence, Support, keys as delibKeys } from '../lib/entities/deliberation';
import { Rating, keys as creditKeys } from '../lib/entities/credit';

/** An application counts for its department, the applicant's street (街道绩效) and the district. */
const applicationScopes = (a: { departmentId: string; streetId?: string }): Scope[] => [
  { kind: 'dept', id: a.departmentId },
  { kind: 'district' },
  ...(a.streetId ? [{ kind: 'street' as const, id: a.streetId }] : []),
];

/** A work order counts for the district, the handling department (when a department handles it) and its street. */
export const workOrderScopes = (wo: Pick<WorkOrderRecord, 'teamId' | 'street'>): Scope[] => [
  { kind: 'district' },
  ...(wo.teamId.startsWith('dept:') ? [{ kind: 'dept' as const, id: wo.teamId.slice(5) }] : []),
  ...(wo.street ? [{ kind: 'street' as const, id: wo.street }] : []),
];

const GOOD_RATINGS = new Set(['very_satisfied', 'satisfied', 'basic']);

/** 办件: its state now; received (week of its start); done, on time and days used (week of completion); its rating. */
export function applicationCounts(a: ApplicationRecord): CounterDeltas {
  const scopes = applicationScopes(a);
  const d = new CounterDeltas().inScopes(scopes, { [stateAttr(a.state)]: 1 }).inScopes(scopes, { received: 1 }, a.startDate);
  if (a.completion) d.inScopes(scopes, { done: 1, onTime: a.completion.onTime ? 1 : 0, usedDays: a.completion.usedDays }, a.completion.on);
  if (a.rating) d.inScopes(scopes, { ratings: 1, satisfied: GOOD_RATINGS.has(a.rating.value) ? 1 : 0 });
  // 依申请公开 (issue 19): the 年度报告's figures, by the year received and the year replied
  const disc = a.disclosure;
  if (disc) {
    d.addTo(appKeys.disclosureYear(disc.receivedOn.slice(0, 4), a.departmentId), { received: 1 });
    const r = disc.reply;
    if (r) d.addTo(appKeys.disclosureYear(r.on.slice(0, 4), a.departmentId), { replied: 1, onTime: r.onTime ? 1 : 0, [`r_${r.kind}`]: 1 });
  }
  return d;
}

/** 差评整改: open tasks. */
export const rectificationCounts = (t: RectificationTask): CounterDeltas =>
  new CounterDeltas().inScopes(applicationScopes(t), { rectOpen: t.status === 'open' ? 1 : 0 });

/** 诉求 / 越秀先锋 work orders: filed (week filed), open or closed (week closed), resolved (on time or not), reopened, duplicates, ratings. */
export function workOrderCounts(wo: WorkOrderRecord): CounterDeltas {
  const scopes = workOrderScopes(wo);
  const d = new CounterDeltas().inScopes(scopes, { wo_filed: 1 }, businessDate(new Date(wo.createdAt)));
  if (wo.state === 'closed') d.inScopes(scopes, { wo_closed: 1 }, wo.closedAt ? businessDate(new Date(wo.closedAt)) : undefined);
  else d.inScopes(scopes, { wo_open: 1 });
  if (wo.resolvedAt) {
    const on = businessDate(new Date(wo.resolvedAt));
    d.inScopes(scopes, { wo_resolved: 1 }, on).inScopes(scopes, { wo_resolvedOnTime: on <= wo.replyBy ? 1 : 0 });
  }
  if (wo.reopened) d.inScopes(scopes, { wo_reopened: 1 });
  if (wo.duplicateOf) d.inScopes(scopes, { wo_duplicates: 1 });
  if (wo.rating) d.inScopes(scopes, { wo_rated: 1, [`wo_${wo.rating}`]: 1 });
  return d;
}

/** 会员专区: the day's figures and the all-time row. */
const memberFigures = (d: CounterDeltas, at: string, add: Record<string, number>) =>
  d.addTo(memberKeys.stat(businessDate(new Date(at))), add).addTo(memberKeys.stat('ALL'), add);

export const cardCounts = (c: MemberCard): CounterDeltas =>
  c.claimedAt ? memberFigures(new CounterDeltas(), c.claimedAt, { newMembers: 1 }) : new CounterDeltas();

export const pointsCounts = (e: PointsRow): CounterDeltas =>
  memberFigures(new CounterDeltas(), e.at, {
    ...(e.points > 0 ? { pointsIssued: e.points } : { pointsSpent: -e.points }),
    ...(e.source.startsWith('checkin:') ? { checkIns: 1 } : {}),
  });

/** A benefit claimed (and redeemed): the day's figures and the benefit's redeemed count. */
export function claimCounts(c: ClaimRow): CounterDeltas {
  const d = memberFigures(new CounterDeltas(), c.claimedAt, { claims: 1 });
  if (c.status === 'redeemed' && c.redeemedAt) memberFigures(d, c.redeemedAt, { redemptions: 1 }).addTo(memberKeys.benefit(c.benefitId), { redeemed: 1 });
  return d;
}

/** 免申即享: an item's figures by the offer's state (the department's batch, and 兑现公示 from the paid ones). */
export const offerCounts = (o: OfferFigures): CounterDeltas => new CounterDeltas().addTo(policyKeys.stat(o.itemId), statAttrs(o.status, o.amountYuan));

/** 居民议事 (issue 19): a community's confirmed residents (the vote's quorum counts against them). */
export function residenceCounts(item: Item): CounterDeltas {
  const r = Residence.figuresOf(item);
  return r.confirmed ? new CounterDeltas().addTo(delibKeys.communityStats(r.communityId), { residents: 1 }) : new CounterDeltas();
}

/** A topic's visible comments. */
export function commentCounts(item: Item): CounterDeltas {
  const c = Comment.figuresOf(item);
  return c.visible ? new CounterDeltas().addTo(delibKeys.topicStats(c.topicId), { comments: 1 }) : new CounterDeltas();
}

/** A comment's supports (点赞), on its topic's figures row. */
export function supportCounts(item: Item): CounterDeltas {
  const s = Support.figuresOf(item);
  return new CounterDeltas().addTo(delibKeys.topicStats(s.topicId), { [`s_${s.commentId}`]: 1 });
}

/** A ballot: one voter, one for each option picked (a changed ballot moves its counts: new minus old). */
export function ballotCounts(item: Item): CounterDeltas {
  const b = Ballot.figuresOf(item);
  return new CounterDeltas().addTo(delibKeys.topicStats(b.topicId), { voters: 1, ...Object.fromEntries(b.choices.map((c) => [`v_${c}`, 1])) });
}

/** 商户评价 (issue 20): a shown rating, its stars and its star column, on the merchant's figures row (held and removed add nothing). */
export function ratingCounts(item: Item): CounterDeltas {
  const r = Rating.figuresOf(item);
  return r.shown
    ? new CounterDeltas().addTo(creditKeys.merchantStats(r.creditCode), { ratings: 1, starSum: r.stars, [`s${r.stars}`]: 1 })
    : new CounterDeltas();
}

/** What a stored row adds to the counters; rows of other kinds add nothing. */
export function countsOf(item: Item | undefined): CounterDeltas {
  switch (item?.entity) {
    case 'Application':
      return applicationCounts(Application.fromItem(item));
    case 'Rectification':
      return rectificationCounts(Rectification.fromItem(item));
    case 'WorkOrder':
      return workOrderCounts(WorkOrder.fromItem(item));
    case 'MemberCard':
      return cardCounts(Card.fromItem(item));
    case 'PointsEntry':
      return pointsCounts(PointsEntryRow.fromItem(item));
    case 'BenefitClaim':
      return claimCounts(Claim.fromItem(item));
    case 'PolicyOffer':
      return offerCounts(Offer.figuresOf(item));
    case 'Residence':
      return residenceCounts(item);
    case 'DelibComment':
      return commentCounts(item);
    case 'DelibSupport':
      return supportCounts(item);
    case 'DelibBallot':
      return ballotCounts(item);
    case 'MerchantRating':
      return ratingCounts(item);
    default:
      return new CounterDeltas();
  }
}

/** The deltas of one change of a row (insert: no old; delete: no new). */
export const changeCounts = (oldItem: Item | undefined, newItem: Item | undefined): CounterDeltas => countsOf(newItem).merge(countsOf(oldItem), -1);

/** Kinds of rows that move counters: the stream's filter in serverless.yml names the same. */
export const COUNTED_ENTITIES = [
  'Application',
  'Rectification',
  'WorkOrder',
  'MemberCard',
  'PointsEntry',
  'BenefitClaim',
  'PolicyOffer',
  'Residence',
  'DelibComment',
  'DelibSupport',
  'DelibBallot',
  'MerchantRating',
] as const;
