import { reply, route } from '../lib/http';
import { router } from '../lib/router';
import { getUser } from '../lib/repository';
import { idempotencyKey } from '../lib/idempotency';
import { withinCreationLimit } from '../lib/clientLimits';
import * as discussion from './discussion';
import * as residence from './residence';
import * as topics from './topics';
import * as votes from './votes';

/**
 * 居民议事 (issue 19): communities and residence (residents), topics, discussion and votes (a community's confirmed
 * residents and its grid officials), the officials' queue, moderation and follow-through. Every route but the public list
 * of communities loads the caller: their role, posting and level of identity decide what they may do.
 */
const made = (r: { status: number }) => r.status === 201;

export const handler = router([
  route('GET /v1/communities', { cacheSeconds: 60 }, () => residence.communities()),
  route('GET /v1/me/residence', { user: getUser }, ({ user }) => residence.myResidence(user)),
  route('PUT /v1/me/residence', { user: getUser }, ({ user, body }) => residence.declare(user, body)),
  route('DELETE /v1/me/residence', { user: getUser }, ({ user }) => residence.leave(user)),
  route('GET /v1/community', { user: getUser }, ({ user }) => topics.officialSummary(user)),
  route('GET /v1/community/residences', { user: getUser }, ({ user, query }) => residence.residenceQueue(user, query)),
  route('POST /v1/community/residences/{userId}/decide', { user: getUser }, ({ user, params, body }) => residence.decide(user, params.userId, body)),
  route('GET /v1/community/moderation', { user: getUser }, ({ user, query }) => discussion.moderationQueue(user, query)),
  route('GET /v1/communities/{communityId}/topics', { user: getUser }, ({ user, params, query }) =>
    topics.listCommunityTopics(user, params.communityId, query),
  ),
  route('POST /v1/communities/{communityId}/topics', { user: getUser }, async ({ user, params, body, event }) => {
    const r = await withinCreationLimit('topics', user.id, () => topics.raise(user, params.communityId, body, () => idempotencyKey(event)), made);
    return reply(r.status, r.view);
  }),
  route('GET /v1/topics/{topicId}', { user: getUser }, ({ user, params }) => topics.detail(user, params.topicId)),
  route('POST /v1/topics/{topicId}/open', { user: getUser }, ({ user, params, body }) => topics.openTopic(user, params.topicId, body)),
  route('POST /v1/topics/{topicId}/decline', { user: getUser }, ({ user, params, body }) => topics.declineTopic(user, params.topicId, body.reason)),
  route('POST /v1/topics/{topicId}/respond', { user: getUser }, ({ user, params, body }) => topics.respond(user, params.topicId, body.text)),
  route('POST /v1/topics/{topicId}/follow-ups', { user: getUser }, ({ user, params, body }) =>
    topics.followUp(user, params.topicId, body.text, body.completes),
  ),
  route('POST /v1/topics/{topicId}/work-order', { user: getUser }, ({ user, params, body, event }) =>
    topics.toWorkOrder(user, params.topicId, body, () => idempotencyKey(event)),
  ),
  route('GET /v1/topics/{topicId}/comments', { user: getUser }, ({ user, params, query }) => discussion.comments(user, params.topicId, query)),
  route('POST /v1/topics/{topicId}/comments', { user: getUser }, async ({ user, params, body, event }) => {
    const r = await withinCreationLimit('comments', user.id, () => discussion.addComment(user, params.topicId, body, () => idempotencyKey(event)), made);
    return reply(r.status, r.view);
  }),
  route('PUT /v1/topics/{topicId}/comments/{commentId}/support', { user: getUser }, ({ user, params }) =>
    discussion.support(user, params.topicId, params.commentId, true),
  ),
  route('DELETE /v1/topics/{topicId}/comments/{commentId}/support', { user: getUser }, ({ user, params }) =>
    discussion.support(user, params.topicId, params.commentId, false),
  ),
  route('POST /v1/topics/{topicId}/comments/{commentId}/moderate', { user: getUser }, ({ user, params, body }) =>
    discussion.moderate(user, params.topicId, params.commentId, body),
  ),
  route('PUT /v1/topics/{topicId}/vote', { user: getUser }, ({ user, params, body }) => votes.vote(user, params.topicId, body.choices)),
]);
