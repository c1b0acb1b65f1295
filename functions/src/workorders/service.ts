import { createHmac } from 'node:crypto';
import {
  addWorkingDays,
  afterRating,
  beijingTime,
  businessDate,
  categoryById,
  cellsWithin,
  claimLight,
  CONTACT_PREFERENCE_NAMES,
  encodeGeohash,
  formatWoNo,
  haversineMeters,
  maskCreditCode,
  maskName,
  maskFreeText,
  maskPhone,
  oneTapDescription,
  pathOf,
  streetName,
  WO_ACTIONS,
  WO_DESCRIPTION_MESSAGE,
  WO_RATING_NAMES,
  WO_STATE_NAMES,
  woAllowed,
  woLight,
  type FileWorkOrderRequest,
  type WorkOrderAction,
} from '@yx/shared';
import { getCalendar } from '../calendar/repository';
import { now } from '../lib/clock';
import { env } from '../lib/env';
import { log } from '../lib/log';
import { badRequest, conflict, forbidden, notFound, ruleViolation } from '../lib/errors';
import { loadCatalog } from '../guide/repository';
import { enterpriseLookup, teamMembers, teamOf, type UserRecord } from '../identity/repository';
import { viewUrls } from '../files/service';
import { fileLookup, type FileRecord } from '../files/repository';
import { allocateNumbers, idempotencyLookup } from '../lib/repository';
import type { Notice } from '../messages/repository';
import * as repo from './repository';
import { orderTail } from './numbers';
import { keys as woKeys } from '../lib/entities/workorders';
import { awardPointsQuietly, RATING_POINTS } from '../member/service';
import { isConditionFailure, readAll } from '../lib/db';

export { teamOf };

async function teamName(teamId: string): Promise<string> {
  const [kind, id] = teamId.split(':');
  if (kind === 'grid') return `${streetName(id) ?? id}网格`;
  return (await loadCatalog()).departments.find((d) => d.id === id)?.name ?? id;
}

/** A team an order may be sent to: a department of the catalogue, or the grid team of the order's own street. */
async function checkTeam(teamId: string, wo: repo.WorkOrderRecord) {
  const [kind, id] = teamId.split(':');
  if (kind === 'dept' && (await loadCatalog()).departments.some((d) => d.id === id)) return;
  if (kind === 'grid' && id === wo.street) return;
  throw badRequest(kind === 'grid' ? '只能改派给本街道的网格，或区级部门' : '没有这个承办部门', [{ field: 'teamId', message: '承办单位不存在' }]);
}

/** Claim deadline: working hours counted as whole working days of 8 hours, from now. */
async function claimDeadline(hours: number): Promise<string> {
  const cal = await getCalendar();
  const t = now();
  if (hours < 8) return new Date(t.getTime() + hours * 3600_000).toISOString();
  // always UTC ISO: the queues sort and compare these as strings
  return new Date(`${addWorkingDays(businessDate(t), Math.ceil(hours / 8), cal)}T18:00:00+08:00`).toISOString();
}

/** Whether every one of these files (read with the request's other rows) is a finished upload of this person's. */
const ownReadyFiles = (files: (FileRecord | undefined)[], ownerId: string) => files.every((f) => f && f.ownerId === ownerId && f.status === 'ready');

/** The photos a handler names (办结, 处理进展): one read for all of them, none when there are none. */
async function checkOwnPhotos(photoIds: string[], ownerId: string, message: string): Promise<void> {
  if (!photoIds.length) return;
  const found = await readAll({ photos: photoIds.map((id) => fileLookup(id)) });
  if (!ownReadyFiles(found.photos, ownerId)) throw badRequest(message);
}

/**
 * 诉求 (residents, enterprises) and 一键呼叫 (grid officials): validated, routed by category at once
 * (a department, or the street's grid team), with the filer's photos checked to be theirs.
 */
export async function fileWorkOrder(user: UserRecord, idemKey: string, req: FileWorkOrderRequest) {
  const userId = user.id;
  // one read for all the filing depends on: an earlier filing under this key (consistently: its twin may have just
  // written it), the filer's firm, the photos
  const found = await readAll(
    {
      earlier: [idempotencyLookup(userId, idemKey)],
      firm: user.role === 'enterprise' && user.enterpriseCode ? [enterpriseLookup(user.enterpriseCode)] : [],
      // 投诉对象: the firm complained about, from the registry
      about: req.aboutFirm ? [enterpriseLookup(req.aboutFirm)] : [],
      photos: req.photoIds.map((id) => fileLookup(id)),
    },
    { consistent: true },
  );
  const earlier = found.earlier[0]?.woNo;
  if (earlier) return { status: 200, view: await filerView(userId, earlier) };
  const about = found.about[0];
  if (req.aboutFirm && !about)
    throw badRequest('未找到被投诉的商户，请从商户的信用页面进入“我要投诉”', [
      { field: 'aboutFirm', message: '投诉对象：未找到这家商户，请核对统一社会信用代码' },
    ]);
  if (about && about.creditCode === user.enterpriseCode) throw ruleViolation('不能投诉自己所在的企业');
  const cat = categoryById(req.categoryId)!;
  const isGrid = user.role === 'grid';
  if (isGrid && cat.kind === 'appeal') throw ruleViolation('网格员一键呼叫请选择社区事务或市容、安全类分类');
  if (!isGrid && cat.kind === 'community') throw ruleViolation('该分类由网格员上报，请选择其他分类');
  if (cat.placeRequired && !req.place) throw badRequest('该类问题需要在地图上选择位置或填写地址', [{ field: 'place', message: '位置：必填' }]);
  if (req.anonymous && user.role !== 'resident') throw ruleViolation('只有居民可以匿名反映');
  if (!ownReadyFiles(found.photos, userId)) throw badRequest('照片不存在或尚未上传完成，请重新上传');
  const street = req.street ?? user.street;
  if (cat.routeTo.type === 'grid' && !street) throw badRequest('请选择所在街道', [{ field: 'street', message: '所在街道：必填' }]);
  const description = req.description || oneTapWording(isGrid, cat.name, req.photoIds.length, req.place?.address ?? streetName(street));
  const ent = found.firm[0];
  const made = await createOrder({
    categoryId: cat.id,
    description,
    photoIds: req.photoIds,
    place: req.place,
    street,
    filerId: userId,
    filerRole: user.role,
    filerDisplay: ent?.name ?? (isGrid ? user.nickname : (maskName(user.realName) ?? '居民')),
    anonymous: req.anonymous,
    public: req.public && !isGrid, // a grid official's patrol report is internal
    contactPhone: user.phone,
    contactPreference: req.contactPreference,
    ...(ent ? { enterpriseCode: ent.creditCode, enterpriseName: ent.name } : {}),
    ...(about ? { aboutFirm: { code: about.creditCode, name: about.name } } : {}),
    kind: isGrid ? 'community' : 'appeal',
    idem: { userId, key: idemKey },
    firstAction: isGrid ? '一键呼叫' : '提交诉求',
  });
  // a new order answers from what was just written; one filed by a twin request is read
  return made.created ? { status: 201, view: filerAnswer(userId, made.wo, made.events, []) } : { status: 200, view: await filerView(userId, made.no) };
}

/**
 * No description: only a grid official's one-tap call (一键呼叫) with a photo goes without one, worded from its category
 * and place (the official may replace it by 补充说明); everyone else is asked for one.
 */
function oneTapWording(isGrid: boolean, categoryName: string, photoCount: number, where: string | undefined): string {
  if (!isGrid) throw badRequest(WO_DESCRIPTION_MESSAGE, [{ field: 'description', message: `问题描述：${WO_DESCRIPTION_MESSAGE}` }]);
  if (!photoCount) throw badRequest('没有填写问题描述时，请至少拍一张现场照片', [{ field: 'photoIds', message: '照片：请拍一张现场照片，或填写问题描述' }]);
  return oneTapDescription(categoryName, where);
}

/**
 * The one way an order is born (app, one-tap call, Open311): routed by category at once, with its
 * first two events, the filer's message and its place and month index rows, in one transaction.
 */
export async function createOrder(o: {
  categoryId: string;
  description: string;
  photoIds: string[];
  place?: { lat: number; lng: number; address: string };
  street?: string;
  filerId: string;
  filerRole: string;
  filerDisplay: string;
  anonymous: boolean;
  public?: boolean;
  contactPhone?: string;
  kind: 'appeal' | 'community';
  contactPreference?: repo.WorkOrderRecord['contactPreference'];
  enterpriseCode?: string;
  enterpriseName?: string;
  /** 投诉对象: the firm the order complains about (checked by the caller to be in the registry) */
  aboutFirm?: { code: string; name: string };
  idem: { userId: string; key: string };
  firstAction: string;
  notify?: boolean;
  /** more items for the order's own transaction, given its number (居民议事: the topic's link to it, once only) */
  also?: (no: string) => Record<string, unknown>[];
}): Promise<{ no: string; created: true; wo: repo.WorkOrderRecord; events: repo.WoEvent[] } | { no: string; created: false }> {
  const cat = categoryById(o.categoryId)!;
  const teamId = cat.routeTo.type === 'department' ? `dept:${cat.routeTo.departmentId}` : `grid:${o.street}`;
  const at = now();
  const today = businessDate(at);
  const [seq] = await allocateNumbers(woKeys.sequenceDay(today.replace(/-/g, '')), 1);
  const no = formatWoNo(today, orderTail(today.replace(/-/g, ''), seq));
  const cal = await getCalendar();
  const wo: repo.WorkOrderRecord = {
    no,
    kind: o.kind,
    categoryId: cat.id,
    categoryPath: pathOf(cat.id) ?? cat.name,
    teamId,
    teamName: await teamName(teamId),
    state: 'dispatched',
    version: 1,
    description: o.description,
    photoIds: o.photoIds,
    ...(o.place ? { place: o.place, geohash: encodeGeohash(o.place.lat, o.place.lng) } : {}),
    ...(o.street ? { street: o.street } : {}),
    filerId: o.filerId,
    filerRole: o.filerRole,
    filerDisplay: o.filerDisplay,
    anonymous: o.anonymous,
    ...(o.public ? { public: true } : {}),
    ...(o.contactPhone ? { contactPhone: o.contactPhone } : {}),
    ...(o.contactPreference ? { contactPreference: o.contactPreference } : {}),
    ...(o.enterpriseCode ? { enterpriseCode: o.enterpriseCode, enterpriseName: o.enterpriseName } : {}),
    ...(o.aboutFirm ? { aboutFirmCode: o.aboutFirm.code, aboutFirmName: o.aboutFirm.name } : {}),
    affected: 1,
    claimBy: await claimDeadline(cat.claimWorkingHours),
    replyBy: addWorkingDays(today, cat.replyWorkingDays, cal),
    reopened: false,
    createdAt: at.toISOString(),
  };
  const iso = at.toISOString();
  const events: repo.WoEvent[] = [
    {
      at: iso,
      actor: o.kind === 'community' ? '网格员' : o.anonymous ? '匿名居民' : o.filerDisplay,
      role: o.filerRole,
      action: o.firstAction,
      to: 'dispatched',
      note: o.aboutFirm ? `${wo.categoryPath}，${aboutFirmWords(o.aboutFirm.name)}` : wo.categoryPath,
    },
    { at: iso, actor: '系统', role: 'system', action: '按分类派单', to: 'dispatched', note: `承办：${wo.teamName}` },
  ];
  const team = await teamNotices(
    { no, teamId },
    `新工单待签收：${cat.name}`,
    `${o.aboutFirm ? `${aboutFirmWords(o.aboutFirm.name)} ` : ''}${wo.street ? `${streetName(wo.street) ?? ''} ` : ''}${maskFreeText(o.description).slice(0, 40)}（请于 ${beijingTime(wo.claimBy).slice(5)} 前签收）`,
    o.filerId,
  );
  const filer: Notice | undefined =
    o.notify === false
      ? undefined
      : { userId: o.filerId, appNo: no, template: 'workorder_filed', title: `${cat.name} 已受理`, body: `工单 ${no} 已派至${wo.teamName}，请留意办理进度。` };
  try {
    return { no, created: true, wo: await repo.createWorkOrder(wo, events, o.idem, { filer, team }, o.also?.(no) ?? []), events };
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    const won = await repo.idempotentWorkOrder(o.idem.userId, o.idem.key);
    if (!won) throw conflict('提交正在处理中，请稍后查看');
    return { no: won, created: false };
  }
}

/** 投诉对象：<firm>, as the trail and the team's notice say it. */
const aboutFirmWords = (name: string) => `投诉对象：${name}`;

/** A team's members, kept in the container for a minute like the catalogue (membership follows a person's role, rarely changed). */
const TEAM_MS = 60_000;
const teams = new Map<string, { members: string[]; at: number }>();

async function membersOf(teamId: string): Promise<string[]> {
  const hit = teams.get(teamId);
  if (hit && Date.now() - hit.at < TEAM_MS) return hit.members;
  const members = await teamMembers(teamId);
  teams.set(teamId, { members, at: Date.now() }); // a few dozen teams in the district
  return members;
}

/**
 * 一键呼叫 "the responsible people are notified at once": every member of the handling team gets an inbox message
 * (and a subscribe message), written in the transaction that makes the order theirs. Should the members not be
 * readable, the order goes through untold (logged): the team's list shows it regardless.
 */
async function teamNotices(wo: Pick<repo.WorkOrderRecord, 'no' | 'teamId'>, title: string, body: string, except?: string): Promise<Notice[]> {
  try {
    const members = (await membersOf(wo.teamId)).filter((id) => id !== except);
    return members.map((userId) => ({ userId, appNo: wo.no, template: 'workorder_arrived', title, body }));
  } catch (e) {
    log.error('team notification failed', { no: wo.no, err: (e as Error).name });
    return [];
  }
}

/** `whole`: the filer or the officer handling the order; anyone else sees typed phones and ID numbers masked. */
function publicView(wo: repo.WorkOrderRecord, events: repo.WoEvent[], whole = false) {
  return {
    no: wo.no,
    kind: wo.kind,
    category: wo.categoryPath,
    state: wo.state,
    stateName: WO_STATE_NAMES[wo.state],
    description: whole ? wo.description : maskFreeText(wo.description),
    place: wo.place,
    street: wo.street,
    teamName: wo.teamName,
    ownerName: wo.ownerName,
    affected: wo.affected,
    createdAt: wo.createdAt,
    claimBy: wo.claimBy,
    replyBy: wo.replyBy,
    rating: wo.rating,
    reopened: wo.reopened,
    filer: wo.anonymous ? '匿名' : wo.filerDisplay,
    // the firm complained about: public registry data, shown to whoever may see the order
    ...(wo.aboutFirmCode ? { aboutFirm: { code: wo.aboutFirmCode, name: wo.aboutFirmName ?? wo.aboutFirmCode } } : {}),
    timeline: events.map((e) => ({
      at: e.at,
      actor: e.actor,
      action: e.action,
      note: e.note,
      to: e.to,
      ...(e.photoIds?.length ? { photoCount: e.photoIds.length } : {}),
    })),
  };
}

/** The filer sees everything of their own order; a follower (我也遇到) sees what the public may, plus the trail. */
export async function filerView(userId: string, no: string) {
  const { wo, events, followers } = await repo.getWorkOrder(no);
  if (!wo || (wo.filerId !== userId && !followers.includes(userId))) throw notFound('未找到该诉求');
  return filerAnswer(userId, wo, events, followers);
}

export function filerAnswer(userId: string, wo: repo.WorkOrderRecord, events: repo.WoEvent[], followers: string[]) {
  if (wo.filerId !== userId) return { ...publicView(wo, events), mine: false };
  return { ...publicView(wo, events, true), mine: true, photoIds: wo.photoIds, filer: wo.filerDisplay };
}

/** Staff of the handling team and the street's dispatcher: the filer masked but reachable, even when anonymous to the public. */
export async function staffView(user: UserRecord, no: string) {
  const { wo, events } = await repo.getWorkOrder(no);
  if (!wo || !canHandle(user, wo)) throw notFound('未找到该工单');
  return staffAnswer(user, wo, events);
}

export async function staffAnswer(user: UserRecord, wo: repo.WorkOrderRecord, events: repo.WoEvent[]) {
  return {
    ...publicView(wo, events, wo.ownerId === user.id || wo.filerId === user.id),
    ...(await handlingFacts(wo)),
    version: wo.version,
    photoIds: wo.photoIds,
    actions: woAllowed(wo.state).filter((a) => mayAct(user, wo, a)),
    dispatcher: (user.role === 'dispatcher' && user.street === wo.street) || user.role === 'admin',
    filer: wo.filerDisplay,
    anonymousToPublic: wo.anonymous,
    contactPhone: maskPhone(wo.contactPhone),
    mine: wo.filerId === user.id, // a grid official who called it in also rates it
  };
}

/** The handling side's extra facts: lights, the filer's wishes and firm, extension and duplicate links. */
async function handlingFacts(wo: repo.WorkOrderRecord) {
  const cal = await getCalendar();
  const t = now();
  return {
    light: woLight(wo, t.toISOString(), businessDate(t), cal),
    contactPreference: wo.contactPreference ? CONTACT_PREFERENCE_NAMES[wo.contactPreference] : undefined,
    enterprise: wo.enterpriseCode ? { name: wo.enterpriseName, code: maskCreditCode(wo.enterpriseCode) } : undefined,
    extension: wo.extension,
    duplicateOf: wo.duplicateOf,
    escalated: Boolean(wo.escalatedAt),
  };
}

export const canHandle = (u: UserRecord, wo: repo.WorkOrderRecord) =>
  teamOf(u) === wo.teamId || (u.role === 'dispatcher' && u.street === wo.street) || u.role === 'admin';

function mayAct(u: UserRecord, wo: repo.WorkOrderRecord, action: WorkOrderAction): boolean {
  const by = WO_ACTIONS[action].by;
  if (by === 'team') return teamOf(u) === wo.teamId;
  if (by === 'owner') return wo.ownerId === u.id;
  return (u.role === 'dispatcher' && u.street === wo.street) || u.role === 'admin';
}

/** 签收 / 处理 / 办结 / 退单 / 改派: the right person, the right state, the version they saw; one owner however many claim at once. */
export async function act(user: UserRecord, no: string, action: WorkOrderAction, body: Record<string, unknown> & { version?: number }) {
  const { wo, events, followers } = await repo.getWorkOrder(no);
  if (!wo || !canHandle(user, wo)) throw notFound('未找到该工单');
  const spec = WO_ACTIONS[action];
  if (!(spec.from as readonly string[]).includes(wo.state)) {
    if (action === 'claim' && wo.ownerName) throw conflict(`该工单已由 ${wo.ownerName} 签收`);
    throw conflict(`工单当前为“${WO_STATE_NAMES[wo.state]}”，不能${spec.name}`);
  }
  if (!mayAct(user, wo, action)) throw forbidden(spec.by === 'owner' ? '只有签收人可以办理' : '您不能对该工单进行此操作');
  const at = now().toISOString();
  const set: Record<string, unknown> = { state: spec.to };
  let note: string | undefined;
  // back in a team's queue: a new claim deadline (the order's place in the team's queue and the owner's lists follows
  // its state: repository.changeWorkOrder)
  let requeue: { claimBy: string } | undefined;
  if (action === 'claim') {
    set.ownerId = user.id;
    set.ownerName = user.nickname;
  }
  if (action === 'start') note = body.note as string | undefined;
  if (action === 'resolve') {
    await checkOwnPhotos((body.photoIds as string[] | undefined) ?? [], user.id, '办结照片不存在或尚未上传完成，请重新上传');
    note = body.result as string;
    set.result = body.result;
    set.resultPhotoIds = body.photoIds;
    set.resolvedAt = at;
  }
  if (action === 'return') {
    note = body.reason as string;
    set.ownerId = null;
    set.ownerName = null;
  }
  if (action === 'redispatch') {
    const teamId = String(body.teamId);
    await checkTeam(teamId, wo);
    set.teamId = teamId;
    set.teamName = await teamName(teamId);
    set.ownerId = null;
    set.ownerName = null;
    requeue = { claimBy: await claimDeadline(categoryById(wo.categoryId)?.claimWorkingHours ?? 8) };
    note = `改派至 ${set.teamName}${body.note ? `：${body.note}` : ''}`;
  }
  const noticesFor = (title: string, text: string): Notice[] =>
    [wo.filerId, ...followers].map((uid) => ({ userId: uid, appNo: no, template: `workorder_${spec.to}`, title, body: text }));
  // 改派: the new team is told in the same transaction
  const team =
    action === 'redispatch'
      ? await teamNotices(
          { no, teamId: String(set.teamId) },
          `改派工单待签收：${wo.categoryPath.split(' / ').pop()}`,
          `${maskFreeText(wo.description).slice(0, 40)}（${note}）`,
        )
      : [];
  const event: repo.WoEvent = {
    at,
    actor: user.role === 'dispatcher' ? `${streetName(user.street) ?? ''}调度` : wo.teamName,
    role: user.role,
    action: spec.name,
    from: wo.state,
    to: spec.to,
    ...(note ? { note } : {}),
  };
  let changed: repo.WorkOrderRecord;
  try {
    changed = await repo.changeWorkOrder({
      wo,
      set,
      requeue,
      eventIndex: events.length,
      event,
      team,
      messages:
        action === 'claim' || action === 'resolve'
          ? noticesFor(
              `工单 ${no} ${WO_STATE_NAMES[spec.to]}`,
              action === 'resolve' ? `办理结果：${note}。请对办理结果进行评价。` : `${wo.teamName} 已签收，正在处理。`,
            )
          : [],
    });
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    const fresh = (await repo.getWorkOrder(no)).wo;
    if (action === 'claim' && fresh?.ownerName) throw conflict(`该工单已由 ${fresh.ownerName} 签收`);
    throw conflict('工单刚刚被其他人处理，请刷新后再看');
  }
  // the answer from what was read and written: the new event is the newest of the trail
  return staffAnswer(user, changed, [...events, event]);
}

/** 处理进展: the owner adds a note (and before/after photos) while handling; the filer and followers hear of it. */
export async function addNote(user: UserRecord, no: string, note: string, photoIds: string[], keyOf: () => string) {
  const userId = user.id;
  const { wo, events, followers } = await repo.getWorkOrder(no);
  if (!wo || !canHandle(user, wo)) throw notFound('未找到该工单');
  const key = keyOf();
  // one read: an earlier note under this key (consistently: its twin may have just written it), the photos
  const found = await readAll({ earlier: [idempotencyLookup(userId, key)], photos: photoIds.map((id) => fileLookup(id)) }, { consistent: true });
  if (found.earlier[0]?.woNo) return staffView(user, no); // a retried note: already in the trail
  if (wo.ownerId !== userId) throw forbidden('只有签收人可以填写处理进展');
  if (!['claimed', 'in_progress'].includes(wo.state)) throw conflict(`工单当前为“${WO_STATE_NAMES[wo.state]}”，不能添加处理进展`);
  if (!ownReadyFiles(found.photos, userId)) throw badRequest('照片不存在或尚未上传完成，请重新上传');
  const at = now().toISOString();
  const event: repo.WoEvent = { at, actor: wo.teamName, role: user.role, action: '处理进展', note, ...(photoIds.length ? { photoIds } : {}) };
  try {
    await repo.addProgressNote(
      no,
      userId,
      key,
      event,
      [wo.filerId, ...followers].map((uid) => ({
        userId: uid,
        appNo: no,
        template: 'workorder_progress',
        title: `工单 ${no} 有新进展`,
        body: note.slice(0, 60),
      })),
    );
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    if (await repo.idempotentWorkOrder(userId, key)) return staffView(user, no); // its twin got there first
    throw conflict('工单刚刚发生了变化，请刷新后再看');
  }
  return staffAnswer(user, wo, [...events, event]); // a note changes the trail only
}

/**
 * The order's photos for those who may see the order: the filer and handlers see all; followers (我也遇到)
 * see the handlers' photos but not the filer's own. Each with a short-lived URL.
 */
export async function photos(user: UserRecord, no: string) {
  const { wo, events, followers } = await repo.getWorkOrder(no);
  const handler = wo && canHandle(user, wo);
  const filer = wo?.filerId === user.id;
  if (!wo || (!handler && !filer && !followers.includes(user.id))) throw notFound('未找到该工单');
  const sets: { kind: string; at: string; ids: string[] }[] = [
    ...(handler || filer ? [{ kind: '反映时上传', at: wo.createdAt, ids: wo.photoIds }] : []),
    ...events.filter((e) => e.photoIds?.length).map((e) => ({ kind: e.action, at: e.at, ids: e.photoIds! })),
    ...(wo.resultPhotoIds?.length
      ? [{ kind: '办结照片', at: events.filter((e) => e.to === 'resolved').pop()?.at ?? wo.createdAt, ids: wo.resultPhotoIds }]
      : []),
  ];
  const urls = await viewUrls(sets.flatMap((x) => x.ids));
  return { items: sets.flatMap((x) => x.ids.filter((id) => urls.has(id)).map((id) => ({ fileId: id, url: urls.get(id)!.url, kind: x.kind, at: x.at }))) };
}

/** The filer rates the answer; not satisfied reopens once to the same team, then it closes. */
export async function rate(userId: string, no: string, value: 'satisfied' | 'basic' | 'unsatisfied', comment?: string) {
  const { wo, events, followers } = await repo.getWorkOrder(no);
  if (!wo || wo.filerId !== userId) throw notFound('未找到该诉求');
  if (wo.state !== 'resolved') throw conflict('办结后才能评价');
  const next = afterRating(value, wo.reopened);
  const at = now().toISOString();
  // reopened: the team is told in the same transaction
  const team = next.reopen
    ? await teamNotices(wo, `工单重新办理：${wo.categoryPath.split(' / ').pop()}`, `反映人对办理结果不满意，请重新签收办理。${comment ?? ''}`.trim())
    : [];
  const event: repo.WoEvent = {
    at,
    actor: wo.anonymous ? '匿名居民' : wo.filerDisplay,
    role: 'filer',
    action: `评价：${WO_RATING_NAMES[value]}${next.reopen ? '，重新办理' : ''}`,
    from: 'resolved',
    to: next.to,
    ...(comment ? { note: comment } : {}),
  };
  let changed: repo.WorkOrderRecord;
  try {
    changed = await repo.changeWorkOrder({
      wo,
      eventIndex: events.length,
      set: next.reopen ? { state: 'dispatched', reopened: true, ownerId: null, ownerName: null } : { state: 'closed', closedAt: at, rating: value },
      // closed: stays in its owner's 已办结; reopened: back in the team's queue, out of the owner's lists
      requeue: next.reopen ? { claimBy: await claimDeadline(categoryById(wo.categoryId)?.claimWorkingHours ?? 8) } : undefined,
      event,
      team,
      messages: [],
    });
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('工单刚刚发生了变化，请刷新后再看');
    throw e;
  }
  await awardPointsQuietly({ userId, points: RATING_POINTS / 2, reason: '评价诉求办理', source: `worating:${no}` });
  return filerAnswer(userId, changed, [...events, event], followers);
}

/** Before filing: open orders of the same category within 100 m in the last 30 days (public view, no filer). */
export async function nearby(userId: string, categoryId: string, lat: number, lng: number) {
  const since = new Date(now().getTime() - 30 * 86_400_000).toISOString();
  const cells = cellsWithin({ lat, lng }, 100);
  const nos = (await Promise.all(cells.map((c) => repo.placeRows(categoryId, c, since)))).flat();
  const wos = await repo.getMany(nos);
  return {
    items: wos
      .filter((w) => w.place && w.state !== 'closed' && haversineMeters(w.place, { lat, lng }) <= 100)
      .map((w) => ({
        no: w.no,
        category: w.categoryPath,
        description: maskFreeText(w.description).slice(0, 80),
        address: w.place!.address,
        affected: w.affected,
        stateName: WO_STATE_NAMES[w.state],
        distance: Math.round(haversineMeters(w.place!, { lat, lng })),
        followToken: followToken(w.no, userId, businessDate(now())),
      })),
  };
}

/** 我也遇到: follow an open order and raise its affected count, once per person. */
/**
 * 我也遇到 only for an order `nearby` offered this person (for their place, today or yesterday): order numbers are
 * sequential, and following one by its number alone would let anyone watch any order (issue 13).
 */
const followToken = (no: string, userId: string, day: string) =>
  createHmac('sha256', env.sessionSecret).update(`follow|${no}|${userId}|${day}`).digest('hex').slice(0, 32);

/** The token `nearby` gives today (tests; the app takes it from the nearby list). */
export const followTokenFor = (no: string, userId: string) => followToken(no, userId, businessDate(now()));

export async function meToo(userId: string, no: string, token: string) {
  const today = businessDate(now());
  const yesterday = businessDate(new Date(now().getTime() - 86_400_000));
  if (token !== followToken(no, userId, today) && token !== followToken(no, userId, yesterday)) throw notFound('未找到该诉求，请从“附近的相同问题”中选择');
  const { wo } = await repo.getWorkOrder(no);
  if (wo?.filerId === userId) throw conflict('这是您自己反映的问题，办理进展会及时通知您');
  try {
    await repo.addMeToo(no, userId, now().toISOString());
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    const { wo: current } = await repo.getWorkOrder(no);
    if (!current || current.state === 'closed') throw notFound('未找到该诉求，或已办结');
    throw conflict('您已经反映过这个问题，会随时收到进展通知');
  }
  return filerView(userId, no);
}

export async function teamList(user: UserRecord) {
  const team = teamOf(user);
  if (!team) throw forbidden('您不在任何承办队伍中');
  const items = await repo.teamQueue(team, 50);
  const t = now().toISOString();
  return {
    teamId: team,
    items: items.map((w) => ({
      no: w.no,
      category: w.categoryPath,
      description: maskFreeText(w.description).slice(0, 80),
      address: w.place?.address,
      affected: w.affected,
      claimBy: w.claimBy,
      overdue: w.claimBy < t,
      light: claimLight(w.claimBy, t),
    })),
  };
}

export async function mine(userId: string, limit: number, cursor?: string) {
  const page = await repo.listByFiler(userId, limit, cursor);
  return {
    items: page.items.map((w) => ({
      no: w.no,
      category: w.categoryPath,
      description: w.description.slice(0, 80),
      state: w.state,
      stateName: WO_STATE_NAMES[w.state],
      teamName: w.teamName,
      createdAt: w.createdAt,
      affected: w.affected,
    })),
    nextCursor: page.nextCursor,
  };
}
