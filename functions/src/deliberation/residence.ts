import {
  PAGE_SIZE,
  RESIDENCE_STATUS_NAMES,
  STREETS,
  addressMatches,
  beijingTime,
  communityId,
  maskAddress,
  maskName,
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
 * While a vote the person cast a ballot in is still open they may not move to another community or leave: one person,
 * one ballot, however often they move (their ballot counts where they lived when they cast it).
 */

/** The closing times of the votes the person cast a ballot in that are still open at `at`, latest first. */
function openBallotCloses(r: ResidenceRecord | undefined, at: string): string[] {
  const now = Date.parse(at);
  return (r?.ballotCloses ?? []).filter((c) => Date.parse(c) > now).sort((a, b) => Date.parse(b) - Date.parse(a));
}

/** 12月8日 18:00 (Beijing time). */
function monthDayTime(iso: string): string {
  const t = beijingTime(iso); // 2026-12-08 18:00
  return `${Number(t.slice(5, 7))}月${Number(t.slice(8, 10))}日 ${t.slice(11, 16)}`;
}

/** 409 while a vote the person took part in is still open (`what`: the step they may take after its close). */
function mustHaveNoOpenVote(r: ResidenceRecord | undefined, at: string, what: string): void {
  const [latest] = openBallotCloses(r, at);
  if (latest) throw conflict(`您参与的投票尚未截止（${monthDayTime(latest)}），截止后才能${what}`);
}

const CHANGED = '您的居住登记刚刚有变化，请刷新后再试';

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
  const same = (r: ResidenceRecord | undefined) => r && r.communityId === req.communityId && r.address === req.address && r.status !== 'refused';
  if (same(before)) return myResidence(user);
  const at = nowIso();
  const moving = Boolean(before && before.communityId !== req.communityId);
  if (moving) mustHaveNoOpenVote(before, at, '变更居住社区');
  // a new declaration in the same community keeps the votes still open (the person stays bound to them)
  const stillOpen = moving ? [] : openBallotCloses(before, at);
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
    ...(stillOpen.length ? { ballotCloses: stillOpen } : {}),
  };
  if (!(await repo.putResidence(r, before))) {
    // a twin request wrote the same declaration; anything else (a ballot cast at this moment, a decision) is told
    if (same(await repo.getResidence(user.id, true))) return myResidence(user);
    throw conflict(CHANGED);
  }
  log.info('residence declared', { community: r.communityId, status: r.status, moved: moving });
  return { residence: residenceView(r), proven: true };
}

/**
 * 已搬离 (or, before a confirmation, 取消登记): the residence is gone at once (the community's topics are no longer the
 * person's to see or act in); not while a vote they cast a ballot in is open.
 */
export async function leave(user: UserRecord): Promise<MyResidence> {
  const before = await repo.getResidence(user.id, true);
  mustHaveNoOpenVote(before, nowIso(), before?.status === 'confirmed' ? '登记搬离' : '取消居住登记');
  if (!(await repo.deleteResidence(user.id, before))) throw conflict(CHANGED);
  return { residence: null, proven: isProven(user) };
}

// ---- the grid official's side -----------------------------------------------------------------------------------

export async function residenceQueue(user: UserRecord, q: { status: 'pending' | 'confirmed'; limit: number; cursor?: string }): Promise<ResidenceQueue> {
  const c = officialCommunity(user);
  const page = await repo.listResidences(c.id, q.status, q.limit, q.cursor);
  // the official needs name and address whole only to confirm a pending declaration; confirmed residents are masked
  const whole = q.status === 'pending';
  return {
    items: page.items.map((r) => ({
      userId: r.userId,
      name: whole ? r.name : (maskName(r.name) ?? '*'),
      address: whole ? r.address : maskAddress(r.address),
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
