import {
  COMMENT_STATUS_NAMES,
  RESULTS_VISIBILITY_NAMES,
  TOPIC_STATE_NAMES,
  VOTE_KIND_NAMES,
  VOTE_OUTCOME_NAMES,
  effectiveState,
  maskFreeText,
  maxPicksOf,
  resultText,
  resultsVisible,
  shareOf,
  topicAllows,
  votePhase,
  type CommentView,
  type TopicDetail,
  type TopicSummary,
  type VoteResultView,
  type VoteSpec,
} from '@yx/shared';
import type { BallotRecord, CommentRecord, TallyRecord, TopicRecord } from '../lib/entities/deliberation';
import type { Access } from './access';

/** The answers of 居民议事, built from what a request read: no store call here. */

type Figures = Record<string, number>;

/** Residents read others' words with typed phones and ID numbers masked; the author and the officials in full. */
const words = (text: string, whole: boolean) => (whole ? text : maskFreeText(text));

export function topicSummary(t: TopicRecord, stats: Figures, userId: string, at: string): TopicSummary {
  const state = effectiveState(t, at);
  const opened = t.vote && votePhase(t.vote, at) !== 'before';
  return {
    id: t.id,
    title: maskFreeText(t.title),
    state,
    stateName: TOPIC_STATE_NAMES[state],
    raisedByName: t.raisedByName,
    raisedAt: t.raisedAt,
    ...(t.closesAt ? { closesAt: t.closesAt } : {}),
    hasVote: Boolean(t.vote),
    ...(t.vote ? { voteClosesAt: t.vote.closesAt } : {}),
    comments: stats.comments ?? 0,
    ...(opened ? { voters: t.result?.voters ?? stats.voters ?? 0 } : {}),
    mine: t.raisedBy === userId,
  };
}

/** A vote's numbers: the final count, or the running counts from the figures row (a few seconds behind). */
export function resultView(v: VoteSpec, final: TallyRecord | undefined, stats: Figures): VoteResultView {
  const voters = final?.voters ?? stats.voters ?? 0;
  const counts = final?.counts ?? Object.fromEntries(v.options.map((o) => [o.id, stats[`v_${o.id}`] ?? 0]));
  const winners = new Set(final?.winners ?? []);
  const options = v.options.map((o) => ({
    id: o.id,
    label: o.label,
    count: counts[o.id] ?? 0,
    percent: shareOf(counts[o.id] ?? 0, voters),
    winner: winners.has(o.id),
  }));
  if (!final) return { final: false, voters, options, text: resultText(v, { voters, counts }) };
  return {
    final: true,
    voters,
    eligible: final.eligible,
    turnoutPercent: final.turnoutPercent,
    quorumMet: final.quorumMet,
    outcome: final.outcome,
    outcomeName: VOTE_OUTCOME_NAMES[final.outcome],
    options,
    text: resultText(v, final),
    countedAt: final.countedAt,
  };
}

export function topicDetail(
  t: TopicRecord,
  o: { stats: Figures; userId: string; access: Access; ballot?: BallotRecord; workOrder?: { no: string; stateName: string; teamName: string }; at: string },
): TopicDetail {
  const { access, at } = o;
  const state = effectiveState(t, at);
  const official = access.official;
  const v = t.vote;
  const phase = v ? votePhase(v, at) : undefined;
  const showNumbers = v ? resultsVisible(v, at, Boolean(t.result)) : false;
  return {
    ...topicSummary(t, o.stats, o.userId, at),
    communityId: t.communityId,
    communityName: t.communityName,
    details: words(t.details, official || t.raisedBy === o.userId),
    ...(t.openedAt ? { openedAt: t.openedAt, openedByName: t.openedByName } : {}),
    ...(t.declined ? { declined: t.declined } : {}),
    ...(v
      ? {
          vote: {
            kind: v.kind,
            kindName: VOTE_KIND_NAMES[v.kind],
            question: v.question,
            options: v.options,
            maxPicks: maxPicksOf(v),
            opensAt: v.opensAt,
            closesAt: v.closesAt,
            quorumPercent: v.quorumPercent,
            resultsVisibility: v.resultsVisibility,
            resultsVisibilityName: RESULTS_VISIBILITY_NAMES[v.resultsVisibility],
            phase: phase!,
            ...(o.ballot ? { myChoices: o.ballot.choices } : {}),
            canVote: access.resident && access.proven && state === 'open' && phase === 'open',
          },
        }
      : {}),
    ...(v && showNumbers ? { result: resultView(v, t.result, o.stats) } : {}),
    counting: Boolean(v && !t.result && phase === 'closed'),
    ...(t.response ? { response: t.response } : {}),
    followUps: t.followUps,
    ...(o.workOrder ? { workOrder: o.workOrder } : {}),
    official,
    can: {
      comment: (official || (access.resident && access.proven)) && topicAllows('discuss', state),
      open: official && topicAllows('open', state),
      decline: official && topicAllows('decline', state),
      respond: official && topicAllows('respond', state) && (!v || Boolean(t.result) || phase === 'closed'),
      followUp: official && topicAllows('followUp', state),
      workOrder: official && topicAllows('workOrder', state) && !t.workOrderNo,
    },
  };
}

/**
 * One comment as the viewer may see it: a held one only by its author and the officials; a removed one's words only by
 * its author (others see that it was removed); supports from the figures row.
 */
export function commentView(c: CommentRecord, o: { userId: string; official: boolean; stats: Figures; supported: Set<string> }): CommentView | undefined {
  const mine = c.authorId === o.userId;
  if (c.status === 'held' && !mine && !o.official) return undefined;
  const showText = c.status !== 'removed' || mine;
  return {
    id: c.id,
    ...(c.parentId ? { parentId: c.parentId } : {}),
    ...(c.replyToName ? { replyToName: c.replyToName } : {}),
    authorName: c.authorName,
    official: c.official,
    ...(showText ? { text: words(c.text, mine || o.official) } : {}),
    status: c.status,
    statusName: COMMENT_STATUS_NAMES[c.status],
    at: c.at,
    supports: o.stats[`s_${c.id}`] ?? 0,
    supportedByMe: o.supported.has(c.id),
    mine,
    ...(c.reason && (mine || o.official) && c.status !== 'visible' ? { reason: c.reason } : {}),
  };
}
