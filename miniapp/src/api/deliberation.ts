import type * as S from '@yx/shared';
import type * as z from 'zod';
import { call, type RouteBody } from './client';

/** 居民议事 (issue 19), typed from the shared contract (shared/src/deliberation/api.ts). */

export type CommunityList = z.output<typeof S.CommunityList>;
export type MyResidence = z.output<typeof S.MyResidence>;
export type ResidenceView = z.output<typeof S.ResidenceView>;
export type ResidenceQueue = z.output<typeof S.ResidenceQueue>;
export type OfficialCommunity = z.output<typeof S.OfficialCommunity>;
export type TopicList = z.output<typeof S.TopicList>;
export type TopicSummary = z.output<typeof S.TopicSummary>;
export type TopicDetail = z.output<typeof S.TopicDetail>;
export type VoteView = z.output<typeof S.VoteView>;
export type VoteResultView = z.output<typeof S.VoteResultView>;
export type CommentView = z.output<typeof S.CommentView>;
export type CommentPage = z.output<typeof S.CommentPage>;
export type ModerationQueue = z.output<typeof S.ModerationQueue>;
export type OpenTopicBody = RouteBody<'POST /v1/topics/{topicId}/open'>;
export type VoteInput = NonNullable<OpenTopicBody['vote']>;

const idem = (key: string) => ({ 'Idempotency-Key': key });

export const communityApi = {
  communities: () => call('GET /v1/communities'),
  myResidence: () => call('GET /v1/me/residence'),
  declare: (body: RouteBody<'PUT /v1/me/residence'>) => call('PUT /v1/me/residence', { body }),
  leave: () => call('DELETE /v1/me/residence'),
  topics: (communityId: string, cursor?: string, view: 'all' | 'proposed' = 'all') =>
    call('GET /v1/communities/{communityId}/topics', { params: { communityId }, query: { cursor, view } }),
  raise: (key: string, communityId: string, body: RouteBody<'POST /v1/communities/{communityId}/topics'>) =>
    call('POST /v1/communities/{communityId}/topics', { params: { communityId }, body, headers: idem(key) }),
  topic: (topicId: string) => call('GET /v1/topics/{topicId}', { params: { topicId } }),
  comments: (topicId: string, cursor?: string) => call('GET /v1/topics/{topicId}/comments', { params: { topicId }, query: { cursor } }),
  comment: (key: string, topicId: string, body: RouteBody<'POST /v1/topics/{topicId}/comments'>) =>
    call('POST /v1/topics/{topicId}/comments', { params: { topicId }, body, headers: idem(key) }),
  support: (topicId: string, commentId: string, on: boolean) =>
    on
      ? call('PUT /v1/topics/{topicId}/comments/{commentId}/support', { params: { topicId, commentId } })
      : call('DELETE /v1/topics/{topicId}/comments/{commentId}/support', { params: { topicId, commentId } }),
  vote: (topicId: string, choices: string[]) => call('PUT /v1/topics/{topicId}/vote', { params: { topicId }, body: { choices } }),
};

/** The community's grid official. */
export const communityStaffApi = {
  summary: () => call('GET /v1/community'),
  residences: (status: 'pending' | 'confirmed', cursor?: string) => call('GET /v1/community/residences', { query: { status, cursor } }),
  decide: (userId: string, body: RouteBody<'POST /v1/community/residences/{userId}/decide'>) =>
    call('POST /v1/community/residences/{userId}/decide', { params: { userId }, body }),
  moderation: (cursor?: string) => call('GET /v1/community/moderation', { query: { cursor } }),
  moderate: (topicId: string, commentId: string, body: RouteBody<'POST /v1/topics/{topicId}/comments/{commentId}/moderate'>) =>
    call('POST /v1/topics/{topicId}/comments/{commentId}/moderate', { params: { topicId, commentId }, body }),
  open: (topicId: string, body: OpenTopicBody) => call('POST /v1/topics/{topicId}/open', { params: { topicId }, body }),
  decline: (topicId: string, reason: string) => call('POST /v1/topics/{topicId}/decline', { params: { topicId }, body: { reason } }),
  respond: (topicId: string, text: string) => call('POST /v1/topics/{topicId}/respond', { params: { topicId }, body: { text } }),
  followUp: (topicId: string, text: string, completes: boolean) =>
    call('POST /v1/topics/{topicId}/follow-ups', { params: { topicId }, body: { text, completes } }),
  workOrder: (key: string, topicId: string, body: RouteBody<'POST /v1/topics/{topicId}/work-order'>) =>
    call('POST /v1/topics/{topicId}/work-order', { params: { topicId }, body, headers: idem(key) }),
};

export const COMMUNITY_PAGES = {
  list: '/packages/community/index',
  residence: '/packages/community/residence/index',
  raise: '/packages/community/raise/index',
  topic: '/packages/community/topic/index',
  desk: '/packages/staff/community/index',
} as const;
