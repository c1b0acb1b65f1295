import {
  COMMENT_STATUS_NAMES,
  MODERATION_FROM,
  MODERATION_TO,
  TOPIC_REFUSALS,
  compactTime,
  effectiveState,
  maskName,
  parentOf,
  sensitiveHits,
  topicAllows,
  type CommentPage,
  type CommentRequest,
  type CommentView,
  type ModerateRequest,
  type ModerationQueue,
  type SupportView,
} from '@yx/shared';
import { nowIso } from '../lib/clock';
import { conflict, notFound, ruleViolation } from '../lib/errors';
import { randomId } from '../lib/ids';
import { log } from '../lib/log';
import type { UserRecord } from '../lib/entities/identity';
import type { CommentRecord, TopicRecord } from '../lib/entities/deliberation';
import type { Notice } from '../messages/repository';
import { mustBeProven, NOT_VISIBLE, officialCommunity, officialsTopic, visibleTopic, type Access } from './access';
import * as repo from './repository';
import { commentView } from './views';

/**
 * 讨论 (issue 19): comments and one level of replies in thread order, a page at a time; 点赞 once per person per comment;
 * words of the filter's list hold a comment for the community's officials (the author sees it waiting); officials hold,
 * remove (with a reason the author is told) or release. A removed comment's words are shown to its author only.
 */

const HELD_BY_WORDS = '含有需要审核的词语，网格员审核后显示';
const ACTION_NAMES = { hold: '暂缓显示', remove: '移除', release: '恢复显示' } as const;

/** The topic, the caller's access and the topic's figures (one BatchGetItem); 404 for people of other communities. */
async function readTopic(user: UserRecord, topicId: string) {
  const read = await repo.topicWithCaller(topicId, user.id);
  const { topic, access } = visibleTopic(read.topic, user, read.residence);
  return { topic, access, stats: read.stats };
}

export async function comments(user: UserRecord, topicId: string, q: { limit: number; cursor?: string }): Promise<CommentPage> {
  const { access, stats } = await readTopic(user, topicId);
  const [page, supported] = await Promise.all([
    repo.listComments(topicId, q.limit, q.cursor),
    access.resident ? repo.mySupports(topicId, user.id) : Promise.resolve(new Set<string>()),
  ]);
  return {
    items: page.items.map((c) => commentView(c, { userId: user.id, official: access.official, stats, supported })).filter((c): c is CommentView => Boolean(c)),
    nextCursor: page.nextCursor,
  };
}

/** A discussion step's checks: a proven resident or an official, while the discussion is open. */
function mayDiscuss(topic: TopicRecord, access: Access, at: string): void {
  if (!access.official) mustBeProven(access);
  if (!topicAllows('discuss', effectiveState(topic, at))) throw ruleViolation(TOPIC_REFUSALS.discuss);
}

/** 发表评论 or 回复; twin requests under one Idempotency-Key make one comment. */
export async function addComment(user: UserRecord, topicId: string, req: CommentRequest, keyOf: () => string): Promise<{ status: number; view: CommentView }> {
  const { topic, access } = await readTopic(user, topicId);
  const at = nowIso();
  mayDiscuss(topic, access, at);
  const viewOf = (c: CommentRecord) => commentView(c, { userId: user.id, official: access.official, stats: {}, supported: new Set() })!;
  const key = keyOf();
  const again = async () => {
    const ref = (await repo.idempotencyOf(user.id, key))?.ref;
    if (!ref) return undefined;
    const c = await repo.getComment(topicId, ref);
    // the key made something else (a comment on another topic, a topic): not this request's twin
    if (!c) throw conflict('该请求编号已用于其他议题或内容，请重新提交');
    return { status: 200, view: viewOf(c) };
  };
  const earlier = await again();
  if (earlier) return earlier;
  // a reply to a reply goes under the same comment, naming whom it answers
  let parentId: string | undefined;
  let repliedTo: CommentRecord | undefined;
  if (req.replyTo) {
    parentId = parentOf(req.replyTo) ?? req.replyTo;
    repliedTo = await repo.getComment(topicId, req.replyTo);
    if (!repliedTo || repliedTo.status === 'removed' || (repliedTo.status === 'held' && repliedTo.authorId !== user.id && !access.official))
      throw notFound('要回复的评论不存在或已移除');
  }
  const hits = sensitiveHits(req.text);
  const own = `c${compactTime(at)}${randomId('x', 6).slice(2)}`;
  const c: CommentRecord = {
    id: parentId ? `${parentId}.${own}` : own,
    topicId,
    communityId: topic.communityId,
    ...(parentId ? { parentId, replyToName: repliedTo!.authorName } : {}),
    authorId: user.id,
    authorName: access.official ? user.nickname : (maskName(user.realName) ?? '居民'),
    official: access.official,
    text: req.text,
    at,
    status: hits.length ? 'held' : 'visible',
    heldWords: hits,
    ...(hits.length ? { reason: HELD_BY_WORDS } : {}),
  };
  const notices: Notice[] =
    repliedTo && repliedTo.authorId !== user.id && c.status === 'visible'
      ? [{ userId: repliedTo.authorId, title: '有人回复了您的评论', body: `「${topic.title}」：${c.authorName}回复了您。`, template: 'topic_reply' }]
      : [];
  try {
    await repo.createComment(c, { userId: user.id, key }, notices);
  } catch (e) {
    const twin = await again();
    if (twin) return twin;
    throw e;
  }
  if (hits.length) log.info('comment held by words', { topic: topicId, words: hits.length });
  return { status: 201, view: viewOf(c) };
}

/** 点赞 / 取消点赞: a confirmed resident with a proven name, on a shown comment while the discussion is open. */
export async function support(user: UserRecord, topicId: string, commentId: string, on: boolean): Promise<SupportView> {
  const { topic, access } = await readTopic(user, topicId);
  if (!access.resident) throw notFound(NOT_VISIBLE);
  const at = nowIso();
  mayDiscuss(topic, access, at);
  const c = await repo.getComment(topicId, commentId);
  if (!c || c.status !== 'visible') throw notFound('评论不存在或已移除');
  if (on) await repo.addSupport(topicId, user.id, commentId, at);
  else await repo.removeSupport(topicId, user.id, commentId);
  return { commentId, supportedByMe: on };
}

/** 审核: hold a shown comment, remove one (with a reason the author is told), or release a held one. */
export async function moderate(user: UserRecord, topicId: string, commentId: string, req: ModerateRequest): Promise<CommentView> {
  const topic = officialsTopic(user, await repo.getTopic(topicId));
  const c = await repo.getComment(topicId, commentId);
  if (!c) throw notFound('评论不存在');
  if (!MODERATION_FROM[req.action].includes(c.status)) throw conflict(`该评论当前为「${COMMENT_STATUS_NAMES[c.status]}」，不能${ACTION_NAMES[req.action]}`);
  const at = nowIso();
  const next: CommentRecord = {
    ...c,
    status: MODERATION_TO[req.action],
    heldWords: req.action === 'release' ? [] : c.heldWords,
    moderatedAt: at,
    moderatedByName: user.nickname,
  };
  if (req.action === 'release') delete next.reason;
  else next.reason = req.reason ?? '网格员暂缓显示，审核后处理';
  const notices: Notice[] =
    req.action === 'remove'
      ? [{ userId: c.authorId, title: '您的评论已被移除', body: `「${topic.title}」中的评论已被网格员移除：${req.reason}`, template: 'topic_comment' }]
      : req.action === 'release' && c.heldWords.length
        ? [{ userId: c.authorId, title: '您的评论已审核通过', body: `「${topic.title}」中的评论已显示。`, template: 'topic_comment' }]
        : [];
  if (!(await repo.moderate(c, next, c.authorId === user.id ? [] : notices))) throw conflict('该评论刚刚被处理过，请刷新后查看');
  log.info('comment moderated', { topic: topicId, action: req.action });
  return commentView(next, { userId: user.id, official: true, stats: {}, supported: new Set() })!;
}

/** The community's held comments, oldest first, each with its topic's title and the words that held it. */
export async function moderationQueue(user: UserRecord, q: { limit: number; cursor?: string }): Promise<ModerationQueue> {
  const community = officialCommunity(user);
  const page = await repo.listHeld(community.id, q.limit, q.cursor);
  const topics = await repo.topicsById(page.items.map((c) => c.topicId));
  return {
    items: page.items.map((c) => ({
      ...commentView(c, { userId: user.id, official: true, stats: {}, supported: new Set() })!,
      topicId: c.topicId,
      topicTitle: topics.get(c.topicId)?.title ?? '',
      heldWords: c.heldWords,
    })),
    nextCursor: page.nextCursor,
  };
}
