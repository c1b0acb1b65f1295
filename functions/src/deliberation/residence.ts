import {
  PAGE_SIZE,
  RESIDENCE_STATUS_NAMES,
  STREETS,
  addressMatches,
  communityId,
  roadsOf,
  streetName,
  type CommunityList,
  type DeclareResidenceRequest,
  type MyResidence,
  type ResidenceDecision,
  type ResidenceQueue,
  type ResidenceView,
} from '@yx/shared';
import { getGrids, listGrids } from '../identity/repository';
import { nowIso } from '../lib/clock';
import { conflict, forbidden, notFound } from '../lib/errors';
import { log } from '../lib/log';
import type { UserRecord } from '../lib/entities/identity';
import type { ResidenceRecord } from '../lib/entities/deliberation';
import { isProven, NEEDS_PROOF, officialCommunity } from './access';
import * as repo from './repository';

/**
 * 所在社区 (issue 19). A resident with a proven name declares the community they live in and their address (sealed at
 * rest). When the community has address data and the address names one of its roads, the residence is confirmed at
 * once; otherwise it waits for a grid official of that community, who confirms or refuses with a reason. A new
 * declaration (moving) or leaving replaces the old one at once: the old community's actions stop on the next request.
 */

function residenceView(r: ResidenceRecord): ResidenceView {
  return {
    communityId: r.communityId,
    communityName: r.communityName,
    street: r.street,
    streetName: streetName(r.street) ?? r.street,
    address: r.address,
    status: r.status,
    statusName: RESIDENCE_STATUS_NAMES[r.status],
    ...(r.how ? { how: r.how } : {}),
    declaredAt: r.declaredAt,
    ...(r.decidedAt ? { decidedAt: r.decidedAt } : {}),
    ...(r.decidedByName ? { decidedByName: r.decidedByName } : {}),
    ...(r.reason ? { reason: r.reason } : {}),
  };
}

/** The streets' communities (the admin's grid lists: one Query of 18 rows), each saying whether address data exists. */
export async function communities(): Promise<CommunityList> {
  const grids = await listGrids();
  return {
    streets: STREETS.filter((s) => (grids.get(s.id) ?? []).length).map((s) => ({
      id: s.id,
      name: s.name,
      communities: grids.get(s.id)!.map((name) => ({ id: communityId(s.id, name), name, addressKnown: roadsOf(s.id, name).length > 0 })),
    })),
  };
}

export async function myResidence(user: UserRecord): Promise<MyResidence> {
  const r = await repo.getResidence(user.id, true);
  return { residence: r ? residenceView(r) : null, proven: isProven(user) };
}

/** The community an id names on its street's grid list (one GetItem), or 404. */
async function communityNamed(id: string): Promise<{ street: string; name: string }> {
  const street = id.slice(0, id.lastIndexOf('-'));
  const grids = STREETS.some((s) => s.id === street) ? await getGrids(street) : [];
  const name = grids.find((g) => communityId(street, g) === id);
  if (!name) throw notFound('没有这个社区，请从列表中选择');
  return { street, name };
}

export async function declare(user: UserRecord, req: DeclareResidenceRequest): Promise<MyResidence> {
  if (!isProven(user)) throw forbidden(NEEDS_PROOF);
  const { street, name } = await communityNamed(req.communityId);
  const before = await repo.getResidence(user.id, true);
  // the same declaration again (a double tap, a reload) changes nothing
  if (before && before.communityId === req.communityId && before.address === req.address && before.status !== 'refused') return myResidence(user);
  const at = nowIso();
  const known = addressMatches(req.address, street, name);
  const r: ResidenceRecord = {
    userId: user.id,
    communityId: req.communityId,
    communityName: name,
    street,
    name: user.realName!,
    address: req.address,
    status: known ? 'confirmed' : 'pending',
    ...(known ? { how: 'address' as const, decidedAt: at } : {}),
    declaredAt: at,
  };
  await repo.putResidence(r);
  log.info('residence declared', { community: r.communityId, status: r.status, moved: Boolean(before && before.communityId !== r.communityId) });
  return { residence: residenceView(r), proven: true };
}

/** 已搬离: the residence is gone at once (the community's topics are no longer the person's to see or act in). */
export async function leave(user: UserRecord): Promise<MyResidence> {
  await repo.deleteResidence(user.id);
  return { residence: null, proven: isProven(user) };
}

// ---- the grid official's side -----------------------------------------------------------------------------------

export async function residenceQueue(user: UserRecord, q: { status: 'pending' | 'confirmed'; limit: number; cursor?: string }): Promise<ResidenceQueue> {
  const c = officialCommunity(user);
  const page = await repo.listResidences(c.id, q.status, q.limit, q.cursor);
  return {
    items: page.items.map((r) => ({
      userId: r.userId,
      name: r.name,
      address: r.address,
      status: r.status,
      statusName: RESIDENCE_STATUS_NAMES[r.status],
      declaredAt: r.declaredAt,
      ...(r.decidedAt ? { decidedAt: r.decidedAt } : {}),
    })),
    nextCursor: page.nextCursor,
  };
}

/** Confirm or refuse (with a reason) a pending declaration of the official's community; the person is told. Answers with the queue as it now is. */
export async function decide(user: UserRecord, userId: string, d: ResidenceDecision): Promise<ResidenceQueue> {
  const c = officialCommunity(user);
  const r = await repo.getResidence(userId, true);
  if (!r || r.communityId !== c.id || r.status !== 'pending') throw notFound('没有这位居民待确认的居住登记');
  const at = nowIso();
  const next: ResidenceRecord = {
    ...r,
    status: d.confirm ? 'confirmed' : 'refused',
    ...(d.confirm ? { how: 'official' as const } : {}),
    decidedAt: at,
    decidedBy: user.id,
    decidedByName: user.nickname,
    ...(d.reason ? { reason: d.reason } : {}),
  };
  const notice = d.confirm
    ? { userId, title: '所在社区已确认', body: `您已确认为${c.name}的居民，可以参与本社区的议事和投票。`, template: 'residence_confirmed' }
    : {
        userId,
        title: '所在社区未通过确认',
        body: `${c.name}网格员未能确认您的居住登记：${d.reason}。如有疑问可重新登记或联系社区。`,
        template: 'residence_refused',
      };
  if (!(await repo.decideResidence(r, next, notice))) throw conflict('该居住登记刚刚有变化，请刷新后再处理');
  log.info('residence decided', { community: c.id, confirm: d.confirm });
  return residenceQueue(user, { status: 'pending', limit: PAGE_SIZE });
}
