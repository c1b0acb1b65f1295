import { DELIBERATION_ASSURANCE, gridCommunity, streetName } from '@yx/shared';
import { forbidden, notFound } from '../lib/errors';
import type { UserRecord } from '../lib/entities/identity';
import type { ResidenceRecord, TopicRecord } from '../lib/entities/deliberation';

/**
 * Who may do what in a community (issue 19). Its topics and discussion are seen by its confirmed residents and its grid
 * officials only; to anyone else they do not exist (404). Residents act only with a name proven by face (L2); a resident
 * who moved away (declared another community, or left) stops at once, since every action reads the residence row and a
 * ballot is written only while that row still holds.
 */
export interface Access {
  /** a grid official posted to the community */
  official: boolean;
  /** a confirmed resident of the community */
  resident: boolean;
  /** a name proven by face (L2) */
  proven: boolean;
}

export const isProven = (u: Pick<UserRecord, 'idLevel' | 'realName'>) => (u.idLevel ?? 1) >= DELIBERATION_ASSURANCE && Boolean(u.realName);

export function accessTo(user: UserRecord, residence: ResidenceRecord | undefined, communityId: string): Access {
  return {
    official: gridCommunity(user)?.id === communityId,
    resident: user.role === 'resident' && residence?.status === 'confirmed' && residence.communityId === communityId,
    proven: isProven(user),
  };
}

export const NOT_VISIBLE = '未找到该议题（只有本社区已确认的居民和网格员可以查看）';
export const COMMUNITY_NOT_VISIBLE = '未找到该社区的议事（只有本社区已确认的居民和网格员可以查看）';
export const NEEDS_PROOF = '参与社区议事需要先完成人脸核验实名（我的 → 实名认证）';

/** A topic the caller may see, or 404: seen by its community's people; a proposal held for its words only by its raiser and the officials. */
export function visibleTopic(topic: TopicRecord | undefined, user: UserRecord, residence: ResidenceRecord | undefined): { topic: TopicRecord; access: Access } {
  if (!topic) throw notFound(NOT_VISIBLE);
  const access = accessTo(user, residence, topic.communityId);
  if (!access.official && !access.resident) throw notFound(NOT_VISIBLE);
  if (heldFromOthers(topic, user.id, access)) throw notFound(NOT_VISIBLE);
  return { topic, access };
}

/** A proposal whose words the filter held is shown to its raiser and the officials only, until they open it. */
export const heldFromOthers = (t: TopicRecord, userId: string, a: Pick<Access, 'official'>) =>
  t.state === 'proposed' && t.heldWords.length > 0 && !a.official && t.raisedBy !== userId;

/** A resident's action needs the proven name. */
export function mustBeProven(access: Access): void {
  if (!access.proven) throw forbidden(NEEDS_PROOF);
}

/** The grid official's own community, or 403 for one posted to none. */
export function officialCommunity(user: UserRecord): { id: string; name: string; street: string; streetName: string } {
  const c = gridCommunity(user);
  if (!c) throw forbidden('您还没有被分配到社区（网格），请联系管理员');
  return { ...c, streetName: streetName(c.street) ?? c.street };
}

/** A topic of the official's own community, or 404. */
export function officialsTopic(user: UserRecord, topic: TopicRecord | undefined): TopicRecord {
  const c = officialCommunity(user);
  if (!topic || topic.communityId !== c.id) throw notFound('未找到本社区的这个议题');
  return topic;
}
