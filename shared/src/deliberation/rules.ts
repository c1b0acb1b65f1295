/**
 * 居民议事 (issue 19): the rules of a community's topics and votes, pure.
 *
 * A confirmed resident raises a topic (提议); the community's grid officials open it for discussion until a closing
 * time (讨论中), optionally with a vote, or decline it with a reason (未采纳). Once the closing time has passed it is
 * 已结束 (no write needed: `effectiveState`); the officials' response (what was decided) makes it 已回应, and a
 * follow-up that says it was done makes it 已落实. A vote is single choice, multiple choice (up to `maxPicks`) or
 * 赞成 / 反对 / 弃权, open from `opensAt` to `closesAt`, with a quorum: the share of the community's confirmed
 * residents who must take part. One ballot per resident, changeable until it closes.
 */

// ---- topics ----------------------------------------------------------------------------------------

/** States as stored; 'closed' is never stored, it is an open topic past its closing time. */
export const STORED_TOPIC_STATES = ['proposed', 'open', 'declined', 'answered', 'completed'] as const;
export type StoredTopicState = (typeof STORED_TOPIC_STATES)[number];
export const TOPIC_STATES = ['proposed', 'open', 'declined', 'closed', 'answered', 'completed'] as const;
export type TopicState = (typeof TOPIC_STATES)[number];
export const TOPIC_STATE_NAMES: Record<TopicState, string> = {
  proposed: '提议',
  open: '讨论中',
  declined: '未采纳',
  closed: '已结束',
  answered: '已回应',
  completed: '已落实',
};

/** The state a topic is in at `now`: an open topic whose closing time has passed is 已结束. */
export function effectiveState(t: { state: StoredTopicState; closesAt?: string }, now: string): TopicState {
  if (t.state === 'open' && t.closesAt && Date.parse(now) >= Date.parse(t.closesAt)) return 'closed';
  return t.state;
}

export type TopicAction = 'open' | 'decline' | 'discuss' | 'respond' | 'followUp' | 'workOrder';
/** Which effective states each action may start from. */
export const TOPIC_ACTIONS: Record<TopicAction, readonly TopicState[]> = {
  open: ['proposed'],
  decline: ['proposed'],
  /** comments, replies and support */
  discuss: ['open'],
  respond: ['closed'],
  followUp: ['answered'],
  workOrder: ['answered', 'completed'],
};
/** Why an action is refused in a state, in words for the person. */
export const TOPIC_REFUSALS: Record<TopicAction, string> = {
  open: '该议题已处理，不能再开启讨论',
  decline: '该议题已处理，不能再设为未采纳',
  discuss: '该议题不在讨论期内，不能发表评论或点赞',
  respond: '讨论结束后才能发布处理结果',
  followUp: '发布处理结果后才能补充落实情况',
  workOrder: '发布处理结果后才能转为工单',
};
export const topicAllows = (action: TopicAction, state: TopicState) => TOPIC_ACTIONS[action].includes(state);

/** How long a discussion may run: at least an hour, at most 90 days from opening. */
export const DISCUSSION_LIMITS = { minHours: 1, maxDays: 90 } as const;

// ---- votes ------------------------------------------------------------------------------------------

export const VOTE_KINDS = ['single', 'multiple', 'yesno'] as const;
export type VoteKind = (typeof VOTE_KINDS)[number];
export const VOTE_KIND_NAMES: Record<VoteKind, string> = { single: '单选', multiple: '多选', yesno: '赞成 / 反对 / 弃权' };
export const RESULTS_VISIBILITY = ['live', 'after_close'] as const;
export type ResultsVisibility = (typeof RESULTS_VISIBILITY)[number];
export const RESULTS_VISIBILITY_NAMES: Record<ResultsVisibility, string> = { live: '投票期间实时公布', after_close: '投票结束后公布' };

export interface VoteOption {
  id: string;
  label: string;
}
export const YES_NO_OPTIONS: readonly VoteOption[] = [
  { id: 'yes', label: '赞成' },
  { id: 'no', label: '反对' },
  { id: 'abstain', label: '弃权' },
];

export interface VoteSpec {
  kind: VoteKind;
  question: string;
  options: VoteOption[];
  /** multiple choice: at most this many options a ballot */
  maxPicks?: number;
  opensAt: string;
  closesAt: string;
  /** the share of the community's confirmed residents who must vote for the result to count, in per cent (0: none) */
  quorumPercent: number;
  resultsVisibility: ResultsVisibility;
}

/** The options a vote offers: yes / no / abstain, or the officials' own in the order given (o1, o2, …). */
export const optionsFor = (kind: VoteKind, labels: readonly string[] = []): VoteOption[] =>
  kind === 'yesno' ? YES_NO_OPTIONS.map((o) => ({ ...o })) : labels.map((label, i) => ({ id: `o${i + 1}`, label: label.trim() }));

/** How many options a ballot may pick at most. */
export const maxPicksOf = (v: Pick<VoteSpec, 'kind' | 'maxPicks' | 'options'>) =>
  v.kind === 'multiple' ? Math.min(v.maxPicks ?? v.options.length, v.options.length) : 1;

/** A ballot checked against the vote: known options, no option twice, one for single choice and yes/no, 1…maxPicks for multiple. */
export function ballotProblem(v: Pick<VoteSpec, 'kind' | 'maxPicks' | 'options'>, choices: readonly string[]): string | undefined {
  if (!choices.length) return '请至少选择一项';
  if (new Set(choices).size !== choices.length) return '同一选项只能选一次';
  const ids = new Set(v.options.map((o) => o.id));
  if (choices.some((c) => !ids.has(c))) return '所选的选项不存在，请刷新后重新选择';
  const max = maxPicksOf(v);
  if (v.kind !== 'multiple' && choices.length !== 1) return '只能选择一项';
  if (choices.length > max) return `最多选择 ${max} 项`;
  return undefined;
}

export type VotePhase = 'before' | 'open' | 'closed';
/** Before it opens, open (opensAt ≤ now < closesAt), closed. */
export function votePhase(v: Pick<VoteSpec, 'opensAt' | 'closesAt'>, now: string): VotePhase {
  const t = Date.parse(now);
  if (t < Date.parse(v.opensAt)) return 'before';
  return t < Date.parse(v.closesAt) ? 'open' : 'closed';
}

/**
 * The final count is made this long after the closing time, from the ballots cast before it: longer than any request
 * may run (the API's 29 s), so a ballot checked just before the close and written just after is in the count. Until
 * then the result reads 计票中.
 */
export const TALLY_GRACE_MS = 60_000;
export const tallyDue = (v: Pick<VoteSpec, 'closesAt'>, now: string) => Date.parse(now) >= Date.parse(v.closesAt) + TALLY_GRACE_MS;

/** The planned vote's times and picks checked against each other and the discussion: each problem by field. */
export function votePlanProblems(
  v: Pick<VoteSpec, 'kind' | 'options' | 'maxPicks' | 'opensAt' | 'closesAt'>,
  topicClosesAt: string,
  now: string,
): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  const opens = Date.parse(v.opensAt);
  const closes = Date.parse(v.closesAt);
  if (opens < Date.parse(now) - 5 * 60_000) out.push({ field: 'vote.opensAt', message: '投票开始时间：不能早于现在' });
  if (closes - opens < 3_600_000) out.push({ field: 'vote.closesAt', message: '投票截止时间：至少在开始后 1 小时' });
  if (closes > Date.parse(topicClosesAt)) out.push({ field: 'vote.closesAt', message: '投票截止时间：不能晚于讨论截止时间' });
  if (v.kind !== 'yesno' && v.options.length < 2) out.push({ field: 'vote.options', message: '投票选项：至少 2 个' });
  if (v.kind === 'multiple' && v.maxPicks !== undefined && (v.maxPicks < 2 || v.maxPicks > v.options.length))
    out.push({ field: 'vote.maxPicks', message: `最多可选：应在 2 到 ${v.options.length} 之间` });
  const labels = v.options.map((o) => o.label);
  if (new Set(labels).size !== labels.length) out.push({ field: 'vote.options', message: '投票选项：不能重复' });
  return out;
}

/** The discussion's closing time checked against now: at least an hour ahead, at most 90 days. */
export function discussionProblems(closesAt: string, now: string): { field: string; message: string }[] {
  const ahead = Date.parse(closesAt) - Date.parse(now);
  if (ahead < DISCUSSION_LIMITS.minHours * 3_600_000) return [{ field: 'closesAt', message: '讨论截止时间：至少在 1 小时之后' }];
  if (ahead > DISCUSSION_LIMITS.maxDays * 86_400_000) return [{ field: 'closesAt', message: `讨论截止时间：不能超过 ${DISCUSSION_LIMITS.maxDays} 天` }];
  return [];
}

// ---- the count -------------------------------------------------------------------------------------------

export const VOTE_OUTCOMES = ['passed', 'not_passed', 'chosen', 'tie', 'quorum_not_met', 'no_votes'] as const;
export type VoteOutcome = (typeof VOTE_OUTCOMES)[number];
export const VOTE_OUTCOME_NAMES: Record<VoteOutcome, string> = {
  passed: '通过',
  not_passed: '未通过',
  chosen: '已选出',
  tie: '票数相同，未选出',
  quorum_not_met: '参与人数未达到要求，结果不生效',
  no_votes: '无人投票',
};

export interface Ballot {
  choices: readonly string[];
  castAt: string;
}

export interface Tally {
  /** residents who voted (a ballot each) */
  voters: number;
  /** votes per option id */
  counts: Record<string, number>;
  /** the community's confirmed residents when counted (at least the voters) */
  eligible: number;
  /** voters ÷ eligible, per cent, one decimal */
  turnoutPercent: number;
  quorumMet: boolean;
  outcome: VoteOutcome;
  /** the options with the most votes (choice votes), in the vote's order */
  winners: string[];
  countedAt: string;
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/**
 * The count of a vote from its ballots: only ballots cast before the close count (a ballot's `castAt` is the server's
 * time when it was checked). 赞成 / 反对 / 弃权 passes when more vote 赞成 than 反对 (弃权 counts towards the quorum, not
 * the majority); a choice vote chooses the option(s) with the most votes, a tie for the first place chooses none.
 * Without the quorum the result does not count.
 */
export function tally(
  v: Pick<VoteSpec, 'kind' | 'options' | 'closesAt' | 'quorumPercent'>,
  ballots: readonly Ballot[],
  eligibleResidents: number,
  at: string,
): Tally {
  const closes = Date.parse(v.closesAt);
  const ids = new Set(v.options.map((o) => o.id));
  const counts: Record<string, number> = Object.fromEntries(v.options.map((o) => [o.id, 0]));
  let voters = 0;
  for (const b of ballots) {
    if (Date.parse(b.castAt) >= closes) continue;
    const picked = [...new Set(b.choices)].filter((c) => ids.has(c));
    if (!picked.length) continue;
    voters++;
    for (const c of picked) counts[c]! += 1;
  }
  const eligible = Math.max(eligibleResidents, voters);
  const turnoutPercent = eligible ? oneDecimal((voters * 100) / eligible) : 0;
  const quorumMet = voters > 0 && voters * 100 >= v.quorumPercent * eligible;
  const top = Math.max(0, ...Object.values(counts));
  const winners = v.kind === 'yesno' || top === 0 ? [] : v.options.filter((o) => counts[o.id] === top).map((o) => o.id);
  let outcome: VoteOutcome;
  if (!voters) outcome = 'no_votes';
  else if (!quorumMet) outcome = 'quorum_not_met';
  else if (v.kind === 'yesno') outcome = (counts.yes ?? 0) > (counts.no ?? 0) ? 'passed' : 'not_passed';
  // multiple choice chooses every option sharing the first place; single choice only a sole first
  else outcome = v.kind === 'multiple' || winners.length === 1 ? 'chosen' : 'tie';
  return { voters, counts, eligible, turnoutPercent, quorumMet, outcome, winners: outcome === 'chosen' ? winners : [], countedAt: at };
}

/** Whether the numbers may be shown: the final count always; running counts only for a live vote once it opened. */
export function resultsVisible(v: Pick<VoteSpec, 'resultsVisibility' | 'opensAt' | 'closesAt'>, now: string, hasFinal: boolean): boolean {
  if (hasFinal) return true;
  return v.resultsVisibility === 'live' && votePhase(v, now) !== 'before';
}

const pct = (n: number, of: number) => (of ? oneDecimal((n * 100) / of) : 0);

/** Each option's share of the voters, per cent (multiple choice: of the voters, so they may sum past 100). */
export const shareOf = (count: number, voters: number) => pct(count, voters);

/**
 * The result in words, for everyone and for screen readers beside the chart: 「共 120 人投票，参与率 40%（要求不低于 30%）。
 * 赞成 80 票（66.7%），反对 30 票（25%），弃权 10 票（8.3%）。结果：通过。」 Running counts say so.
 */
export function resultText(
  v: Pick<VoteSpec, 'options' | 'quorumPercent'>,
  r: { voters: number; counts: Record<string, number>; eligible?: number; outcome?: VoteOutcome; winners?: string[] },
): string {
  const parts: string[] = [];
  const turnout = r.eligible ? `，参与率 ${pct(r.voters, Math.max(r.eligible, r.voters))}%` : '';
  const quorum = v.quorumPercent ? `（要求不低于 ${v.quorumPercent}%）` : '';
  parts.push(`${r.outcome ? '' : '目前'}共 ${r.voters} 人投票${turnout}${r.eligible || !r.outcome ? quorum : ''}。`);
  parts.push(`${v.options.map((o) => `${o.label} ${r.counts[o.id] ?? 0} 票（${shareOf(r.counts[o.id] ?? 0, r.voters)}%）`).join('，')}。`);
  if (r.outcome) {
    const chosen = r.outcome === 'chosen' && r.winners?.length ? `：${r.winners.map((w) => v.options.find((o) => o.id === w)?.label ?? w).join('、')}` : '';
    parts.push(`结果：${VOTE_OUTCOME_NAMES[r.outcome]}${chosen}。`);
  } else parts.push('投票尚未结束，以最终计票为准。');
  return parts.join('');
}

// ---- residence --------------------------------------------------------------------------------------------

export const RESIDENCE_STATUSES = ['pending', 'confirmed', 'refused'] as const;
export type ResidenceStatus = (typeof RESIDENCE_STATUSES)[number];
export const RESIDENCE_STATUS_NAMES: Record<ResidenceStatus, string> = { pending: '待网格员确认', confirmed: '已确认', refused: '未通过确认' };

/** The level of identity that may declare a residence and act in a community: a name proven by face (L2). */
export const DELIBERATION_ASSURANCE = 2;

// ---- comments ------------------------------------------------------------------------------------------------

export const COMMENT_STATUSES = ['visible', 'held', 'removed'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];
export const COMMENT_STATUS_NAMES: Record<CommentStatus, string> = { visible: '已发布', held: '待审核', removed: '已移除' };
export const MODERATION_ACTIONS = ['hold', 'remove', 'release'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];
/** What each moderation action may start from: hold a visible one; remove a visible or held one; release a held one. */
export const MODERATION_FROM: Record<ModerationAction, readonly CommentStatus[]> = { hold: ['visible'], remove: ['visible', 'held'], release: ['held'] };
export const MODERATION_TO: Record<ModerationAction, CommentStatus> = { hold: 'held', remove: 'removed', release: 'visible' };

/** A comment id: the time it was made (so ids sort in time) and a random tail; a reply's is its parent's id, a dot, its own. */
export const COMMENT_ID = /^c\d{17}[A-Za-z0-9]{6}(\.c\d{17}[A-Za-z0-9]{6})?$/;
/** The time part of a comment id: 2026-12-01T10:15:00.123Z → 20261201101500123. */
export const compactTime = (iso: string) => iso.replace(/[-:TZ.]/g, '').slice(0, 17);
export const parentOf = (commentId: string) => (commentId.includes('.') ? commentId.split('.')[0] : undefined);
