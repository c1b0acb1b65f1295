import { ballotProblem, beijingTime, effectiveState, votePhase, type BallotView } from '@yx/shared';
import { nowIso } from '../lib/clock';
import { badRequest, conflict, forbidden, notFound, ruleViolation } from '../lib/errors';
import type { UserRecord } from '../lib/entities/identity';
import type { BallotRecord } from '../lib/entities/deliberation';
import { mustBeProven, NOT_VISIBLE, visibleTopic } from './access';
import * as repo from './repository';

/**
 * 投票 (issue 19). One ballot per confirmed resident with a proven name, changeable until the close: the voter's own
 * row for the topic, replaced by a put, written only while the voter's residence row still says they live in the topic's
 * community (a condition on their own row, so a thousand voters at once touch a thousand rows and never a shared one),
 * and noting the vote's close on that row: until it closes the voter may not move to another community or leave.
 * The window is the vote's fixed times, checked against the server's clock; the ballot keeps the time it was checked
 * (`castAt`) and the final count takes only ballots cast before the close. Counts while it runs come from the
 * aggregator; no request writes one.
 */
export async function vote(user: UserRecord, topicId: string, choices: string[]): Promise<BallotView> {
  const read = await repo.topicWithCaller(topicId, user.id);
  const { topic, access } = visibleTopic(read.topic, user, read.residence);
  if (!access.resident) throw notFound(NOT_VISIBLE);
  mustBeProven(access);
  const v = topic.vote;
  if (!v) throw ruleViolation('该议题没有发起投票');
  const at = nowIso();
  const phase = votePhase(v, at);
  if (phase === 'before') throw ruleViolation(`投票尚未开始，将于 ${beijingTime(v.opensAt)} 开始`);
  if (phase === 'closed' || effectiveState(topic, at) !== 'open') throw ruleViolation('投票已截止，不能再投票或改票');
  const problem = ballotProblem(v, choices);
  if (problem) throw badRequest(problem, [{ field: 'choices', message: `投票选项：${problem}` }]);
  const before = read.ballot;
  const b: BallotRecord = { topicId, userId: user.id, communityId: topic.communityId, choices, castAt: at, firstAt: before?.firstAt ?? at };
  const cast = await repo.castBallot(b, v.closesAt);
  if (cast === 'not_resident') throw forbidden('您已不是本社区已确认的居民，不能投票');
  if (cast === 'busy') throw conflict('投票未能提交，请稍后重试');
  return { topicId, choices, castAt: at, changed: Boolean(before) };
}
