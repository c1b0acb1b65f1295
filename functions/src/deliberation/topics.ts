import {
  TOPIC_REFUSALS,
  TOPIC_STATE_NAMES,
  WO_STATE_NAMES,
  categoryById,
  discussionProblems,
  effectiveState,
  maskName,
  optionsFor,
  sensitiveHits,
  streetName,
  topicAllows,
  votePlanProblems,
  type OfficialCommunity,
  type OpenTopicRequest,
  type RaiseTopicRequest,
  type TopicAction,
  type TopicDetail,
  type TopicList,
  type TopicLinkView,
  type TopicWorkOrderRequest,
  type VoteSpec,
} from '@yx/shared';
import { nowIso } from '../lib/clock';
import { badRequest, conflict, notFound, ruleViolation } from '../lib/errors';
import { randomId } from '../lib/ids';
import { log } from '../lib/log';
import type { UserRecord } from '../lib/entities/identity';
import type { TopicRecord } from '../lib/entities/deliberation';
import type { Notice } from '../messages/repository';
import { getWorkOrder } from '../workorders/repository';
import { createOrder } from '../workorders/service';
import { COMMUNITY_NOT_VISIBLE, accessTo, heldFromOthers, mustBeProven, officialCommunity, officialsTopic, visibleTopic, type Access } from './access';
import { finalCount } from './count';
import * as repo from './repository';
import { topicDetail, topicSummary } from './views';

/**
 * 议题 (issue 19): raised by a community's confirmed residents, opened (with a closing time and perhaps a vote) or
 * declined by its grid officials, answered and followed up once the discussion closed, and perhaps turned into a work
 * order. Each change is the whole row written over the version read, with the raiser's notice in the same transaction.
 */

const RAISER_NOTICE = 'topic_changed';

/** A community's topics for its people: newest first, or the proposals waiting (oldest first) for the officials. */
export async function listCommunityTopics(
  user: UserRecord,
  communityId: string,
  q: { view: 'all' | 'proposed'; limit: number; cursor?: string },
): Promise<TopicList> {
  const residence = user.role === 'resident' ? await repo.getResidence(user.id) : undefined;
  const access = accessTo(user, residence, communityId);
  if (!access.official && !access.resident) throw notFound(COMMUNITY_NOT_VISIBLE);
  const at = nowIso();
  const page = await repo.listTopics(communityId, q.view, q.limit, q.cursor);
  const c = access.official ? officialCommunity(user) : { name: residence!.communityName, street: residence!.street };
  return {
    community: { id: communityId, name: c.name, streetName: streetName(c.street) ?? c.street },
    official: access.official,
    canRaise: access.resident && access.proven,
    items: page.items.filter(({ topic }) => !heldFromOthers(topic, user.id, access)).map(({ topic, stats }) => topicSummary(topic, stats, user.id, at)),
    nextCursor: page.nextCursor,
  };
}

/** The grid official's community and what waits for them. */
export async function officialSummary(user: UserRecord): Promise<OfficialCommunity> {
  const c = officialCommunity(user);
  return { ...c, ...(await repo.waiting(c.id)) };
}

/** A work order linked to a topic, as its page shows it (one Query of the order's partition). */
async function workOrderOf(no: string | undefined) {
  if (!no) return undefined;
  const { wo } = await getWorkOrder(no);
  return wo ? { no, stateName: WO_STATE_NAMES[wo.state], teamName: wo.teamName } : undefined;
}

export async function detail(user: UserRecord, topicId: string): Promise<TopicDetail> {
  const read = await repo.topicWithCaller(topicId, user.id);
  const { access } = visibleTopic(read.topic, user, read.residence);
  const at = nowIso();
  const topic = await finalCount(read.topic!, at);
  return topicDetail(topic, { stats: read.stats, userId: user.id, access, ballot: read.ballot, workOrder: await workOrderOf(topic.workOrderNo), at });
}

/** 提出议题: a confirmed resident with a proven name; twin requests under one Idempotency-Key make one topic. */
export async function raise(
  user: UserRecord,
  communityId: string,
  req: RaiseTopicRequest,
  keyOf: () => string,
): Promise<{ status: number; view: TopicDetail }> {
  const residence = await repo.getResidence(user.id, true);
  const access = accessTo(user, residence, communityId);
  if (!access.resident) throw notFound(COMMUNITY_NOT_VISIBLE);
  mustBeProven(access);
  const key = keyOf();
  const again = async () => {
    const ref = (await repo.idempotencyOf(user.id, key))?.ref;
    return ref ? { status: 200, view: await detail(user, ref) } : undefined;
  };
  const earlier = await again();
  if (earlier) return earlier;
  const at = nowIso();
  const topic: TopicRecord = {
    id: randomId('tp', 14),
    communityId,
    communityName: residence!.communityName,
    street: residence!.street,
    title: req.title,
    details: req.details,
    raisedBy: user.id,
    raisedByName: maskName(user.realName) ?? '居民',
    raisedAt: at,
    state: 'proposed',
    version: 1,
    heldWords: sensitiveHits(`${req.title}\n${req.details}`),
    followUps: [],
    updatedAt: at,
  };
  try {
    await repo.createTopic(topic, { userId: user.id, key });
  } catch (e) {
    const twin = await again();
    if (twin) return twin;
    throw e;
  }
  log.info('topic raised', { topic: topic.id, community: communityId, held: topic.heldWords.length > 0 });
  return { status: 201, view: topicDetail(topic, { stats: {}, userId: user.id, access, at }) };
}

// ---- the officials' steps ----------------------------------------------------------------------------------------

const officialAccess: Access = { official: true, resident: false, proven: true };

/** The topic of the official's community, in a state the action may start from (else 409 with why). */
async function forAction(user: UserRecord, topicId: string, action: TopicAction, at: string): Promise<TopicRecord> {
  const topic = officialsTopic(user, await repo.getTopic(topicId, true));
  const state = effectiveState(topic, at);
  if (!topicAllows(action, state)) throw conflict(`${TOPIC_REFUSALS[action]}（当前：${TOPIC_STATE_NAMES[state]}）`);
  return topic;
}

/** Writes the change over the version read and answers with the topic as it now is. */
async function commit(user: UserRecord, read: TopicRecord, next: TopicRecord, notice?: Omit<Notice, 'userId' | 'template'>): Promise<TopicDetail> {
  const notices = notice ? [{ ...notice, userId: read.raisedBy, template: RAISER_NOTICE }] : [];
  if (!(await repo.replaceTopic(next, read.version, notices))) throw conflict('该议题刚刚被其他网格员处理，请刷新后查看');
  return topicDetail(next, { stats: {}, userId: user.id, access: officialAccess, workOrder: await workOrderOf(next.workOrderNo), at: next.updatedAt });
}

/** 开启讨论, with a closing time and perhaps a vote (its window inside the discussion, its options, quorum and when results show). */
export async function openTopic(user: UserRecord, topicId: string, req: OpenTopicRequest): Promise<TopicDetail> {
  const at = nowIso();
  const topic = await forAction(user, topicId, 'open', at);
  let vote: VoteSpec | undefined;
  if (req.vote) {
    const options = optionsFor(req.vote.kind, req.vote.options ?? []);
    vote = {
      kind: req.vote.kind,
      question: req.vote.question,
      options,
      ...(req.vote.kind === 'multiple' ? { maxPicks: req.vote.maxPicks ?? options.length } : {}),
      opensAt: req.vote.opensAt ?? at,
      closesAt: req.vote.closesAt,
      quorumPercent: req.vote.quorumPercent,
      resultsVisibility: req.vote.resultsVisibility,
    };
  }
  const problems = [...discussionProblems(req.closesAt, at), ...(vote ? votePlanProblems(vote, req.closesAt, at) : [])];
  if (problems.length) throw badRequest(`开启讨论的设置有误：${problems.map((p) => p.message).join('；')}`, problems);
  const next: TopicRecord = {
    ...topic,
    state: 'open',
    closesAt: req.closesAt,
    openedAt: at,
    openedByName: user.nickname,
    ...(vote ? { vote } : {}),
    heldWords: [],
    version: topic.version + 1,
    updatedAt: at,
  };
  return commit(user, topic, next, {
    title: '您提出的议题已开始讨论',
    body: `「${topic.title}」已由${topic.communityName}开启讨论${vote ? '并发起投票' : ''}，欢迎参与。`,
  });
}

export async function declineTopic(user: UserRecord, topicId: string, reason: string): Promise<TopicDetail> {
  const at = nowIso();
  const topic = await forAction(user, topicId, 'decline', at);
  const next: TopicRecord = { ...topic, state: 'declined', declined: { reason, at, byName: user.nickname }, version: topic.version + 1, updatedAt: at };
  return commit(user, topic, next, { title: '您提出的议题未被采纳', body: `「${topic.title}」未被采纳：${reason}` });
}

/** 处理结果 (what was decided), once the discussion closed; a vote's final count is made first if it is not yet. */
export async function respond(user: UserRecord, topicId: string, text: string): Promise<TopicDetail> {
  const at = nowIso();
  let topic = await forAction(user, topicId, 'respond', at);
  if (topic.vote && !topic.result) {
    topic = await finalCount(topic, at);
    if (!topic.result) throw ruleViolation('投票结果正在统计（截止后约 1 分钟），请稍后再发布处理结果');
  }
  const next: TopicRecord = { ...topic, state: 'answered', response: { text, at, byName: user.nickname }, version: topic.version + 1, updatedAt: at };
  return commit(user, topic, next, { title: '您提出的议题有了处理结果', body: `「${topic.title}」：${text.slice(0, 60)}` });
}

/** 落实情况 (what was done); one that says it is all done makes the topic 已落实. */
export async function followUp(user: UserRecord, topicId: string, text: string, completes: boolean): Promise<TopicDetail> {
  const at = nowIso();
  const topic = await forAction(user, topicId, 'followUp', at);
  const next: TopicRecord = {
    ...topic,
    state: completes ? 'completed' : topic.state,
    followUps: [...topic.followUps, { text, at, byName: user.nickname, completes }],
    version: topic.version + 1,
    updatedAt: at,
  };
  return commit(user, topic, next, completes ? { title: '您提出的议题已落实', body: `「${topic.title}」：${text.slice(0, 60)}` } : undefined);
}

/**
 * 转为工单: the decided matter becomes a work order of the existing engine (the official's 一键呼叫 path: routed by
 * category to the street's grid or a department), linked to the topic in the order's own transaction (once only); the
 * raiser is told. Twin requests under one Idempotency-Key make one order.
 */
export async function toWorkOrder(user: UserRecord, topicId: string, req: TopicWorkOrderRequest, keyOf: () => string): Promise<TopicLinkView> {
  const at = nowIso();
  const topic = await forAction(user, topicId, 'workOrder', at);
  const key = keyOf();
  const link = async (no: string) => ({ topicId, workOrder: (await workOrderOf(no)) ?? { no, stateName: '已派单', teamName: '' } });
  if (topic.workOrderNo) {
    const earlier = (await repo.idempotencyOf(user.id, key))?.woNo;
    if (earlier === topic.workOrderNo) return link(earlier);
    throw conflict(`该议题已转为工单 ${topic.workOrderNo}`);
  }
  const cat = categoryById(req.categoryId)!;
  if (cat.kind === 'appeal') throw ruleViolation('请选择社区治理类，或网格员可以上报的分类');
  const description = req.description ?? `居民议事「${topic.title}」处理结果：${topic.response?.text ?? ''}`.slice(0, 500);
  const made = await createOrder({
    categoryId: cat.id,
    description,
    photoIds: [],
    street: topic.street,
    filerId: user.id,
    filerRole: 'grid',
    filerDisplay: user.nickname,
    anonymous: false,
    kind: 'community',
    idem: { userId: user.id, key },
    firstAction: '居民议事转办',
    notify: false,
    also: (no) => [
      repo.linkWorkOrderItem(topic.id, no, at),
      ...repo.noticeItemsFor(
        {
          userId: topic.raisedBy,
          title: '您提出的议题已转为工单',
          body: `「${topic.title}」已转为工单 ${no}，由${cat.name}承办单位办理。`,
          template: RAISER_NOTICE,
        },
        at,
      ),
    ],
  });
  log.info('topic to work order', { topic: topic.id, no: made.no, created: made.created });
  return link(made.no);
}
