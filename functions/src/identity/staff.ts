import { createHmac, randomInt } from 'node:crypto';
import {
  INVITATION_ALPHABET,
  INVITATION_DAYS,
  STAFF_ROLES,
  streetName,
  type InvitationRequest,
  type InvitationView,
  type Posting,
  type StaffRole,
  type StaffView,
} from '@yx/shared';
import { now } from '../lib/clock';
import { isConditionFailure } from '../lib/db';
import { env } from '../lib/env';
import { conflict, notFound, ruleViolation } from '../lib/errors';
import { log } from '../lib/log';
import { limiter } from '../lib/rateLimit';
import { loadCatalog } from '../guide/repository';
import * as repo from './repository';
import { sessionFor } from './service';
import { checkGrid } from './org';

/**
 * Staff accounts (工作人员). Staff exist because the admin invited them: a one-time code (kept only as a keyed hash, 7
 * days) binds a role and posting to whoever signs in with it. The admin changes roles and postings and disables accounts;
 * each change ends the person's sessions at once (session version) and moves their team row.
 */

const isStaffRole = (r: string): r is StaffRole => (STAFF_ROLES as readonly string[]).includes(r);
const codeHash = (code: string) => createHmac('sha256', env.piiHashSecret).update(`invite|${code}`).digest('hex').slice(0, 40);

/** A posting as the user row's fields, checked against the departments on record. */
async function postingFields(p: Posting): Promise<Pick<repo.UserRecord, 'role' | 'departmentId' | 'street' | 'area' | 'partnerId'>> {
  if ('departmentId' in p && p.departmentId) {
    const known = (await loadCatalog()).departments.some((d) => d.id === p.departmentId);
    if (!known) throw ruleViolation('没有这个部门，请重新选择');
  }
  switch (p.role) {
    case 'staff':
      return { role: 'staff', departmentId: p.departmentId };
    case 'admin':
      return { role: 'admin', ...(p.departmentId ? { departmentId: p.departmentId } : { departmentId: 'data' }) };
    case 'dispatcher':
      return { role: 'dispatcher', street: p.street, area: streetName(p.street) };
    case 'grid': {
      const problem = await checkGrid(p.street, p.community);
      if (problem) throw ruleViolation(problem);
      return { role: 'grid', street: p.street, area: `${streetName(p.street)}/${p.community}` };
    }
    case 'partner':
      return { role: 'partner', partnerId: p.partnerId };
  }
}

/** Where the person works, in words: 「区市场监管局」「北京街道/府前社区」. */
async function postingName(u: Pick<repo.UserRecord, 'role' | 'departmentId' | 'area' | 'partnerId'>): Promise<string> {
  if (u.role === 'grid' || u.role === 'dispatcher') return u.area ?? '';
  if (u.role === 'partner') return `合作商户 ${u.partnerId ?? ''}`;
  const d = (await loadCatalog()).departments.find((x) => x.id === u.departmentId);
  return d?.shortName ?? d?.name ?? u.departmentId ?? '';
}

async function staffView(u: repo.UserRecord): Promise<StaffView> {
  return {
    id: u.id,
    nickname: u.nickname,
    role: isStaffRole(u.role) ? u.role : 'staff',
    postingName: await postingName(u),
    ...(u.departmentId ? { departmentId: u.departmentId } : {}),
    ...(u.street ? { street: u.street } : {}),
    ...(u.area ? { area: u.area } : {}),
    ...(u.partnerId ? { partnerId: u.partnerId } : {}),
    disabled: Boolean(u.disabledAt),
    updatedAt: u.updatedAt,
  };
}

async function invitationView(i: repo.InvitationRecord): Promise<InvitationView> {
  return {
    id: i.codeHash.slice(0, 12),
    displayName: i.displayName,
    role: isStaffRole(i.role) ? i.role : 'staff',
    postingName: await postingName(i),
    createdAt: i.createdAt,
    expiresAt: i.expiresAt,
    status: i.usedAt ? 'used' : i.expiresAt <= now().toISOString() ? 'expired' : 'pending',
    ...(i.usedBy ? { usedBy: i.usedBy } : {}),
  };
}

/** 邀请工作人员: a one-time code for a role and posting, shown once. */
export async function invite(admin: repo.UserRecord, req: InvitationRequest) {
  const fields = await postingFields(req.posting);
  const code = Array.from({ length: 8 }, () => INVITATION_ALPHABET[randomInt(INVITATION_ALPHABET.length)]).join('');
  const at = now();
  const inv: repo.InvitationRecord = {
    codeHash: codeHash(code),
    displayName: req.displayName,
    ...fields,
    createdBy: admin.id,
    createdAt: at.toISOString(),
    expiresAt: new Date(at.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
  };
  await repo.putInvitation(inv);
  log.info('staff invited', { by: admin.id, role: fields.role });
  return { code: `${code.slice(0, 4)}-${code.slice(4)}`, invitation: await invitationView(inv) };
}

export async function invitations() {
  const rows = await repo.listInvitations();
  rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { items: await Promise.all(rows.map(invitationView)) };
}

/** Wrong codes an account may try: codes are 8 of 31 characters, and guessing is slowed to a handful an hour. */
const wrongCodes = limiter('invite-code', { limit: 8, windowSeconds: 3600, message: '邀请码错误次数过多，请一小时后再试或联系管理员' });

/** 使用邀请码: the signed-in person takes the role and posting; a new session follows. */
export async function acceptInvitation(user: repo.UserRecord, code: string) {
  await wrongCodes.guard(user.id);
  const inv = await repo.getInvitation(codeHash(code));
  if (!inv) {
    await wrongCodes.hit(user.id);
    throw notFound('邀请码不正确，请核对后再输入');
  }
  if (inv.usedAt) throw conflict(inv.usedBy === user.id ? '您已使用过这个邀请码' : '这个邀请码已被使用，请联系管理员重新邀请');
  if (inv.expiresAt <= now().toISOString()) throw ruleViolation('邀请码已过期，请联系管理员重新邀请');
  if (user.enterpriseCode) throw conflict('该账号已绑定企业，不能同时作为工作人员账号，请用个人微信账号登录后再使用邀请码');
  const at = now().toISOString();
  const after: repo.UserRecord = {
    ...user,
    nickname: inv.displayName,
    role: inv.role,
    departmentId: inv.departmentId,
    street: inv.street,
    area: inv.area,
    partnerId: inv.partnerId,
    updatedAt: at,
  };
  try {
    await repo.applyStaffChange(user, after, at, { codeHash: inv.codeHash });
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('邀请码刚刚被使用或已过期，请联系管理员');
    throw e;
  }
  log.info('invitation used', { userId: user.id, role: inv.role });
  return sessionFor({ ...after, sessionVersion: (user.sessionVersion ?? 0) + 1 });
}

export async function staffList(limit: number, cursor?: string) {
  const page = await repo.listStaff(limit, cursor);
  return { items: await Promise.all(page.items.map(staffView)), nextCursor: page.nextCursor };
}

/** 调整岗位 / 停用 / 启用: takes effect on the person's next request. */
export async function changeStaff(admin: repo.UserRecord, userId: string, change: { posting?: Posting; disabled?: boolean }) {
  const user = await repo.getUser(userId);
  if (!user || !isStaffRole(user.role)) throw notFound('没有这位工作人员');
  if (user.id === admin.id) throw ruleViolation('不能停用或调整自己的账号，请由另一位管理员操作');
  const at = now().toISOString();
  const after: repo.UserRecord = {
    ...user,
    ...(change.posting ? { departmentId: undefined, street: undefined, area: undefined, partnerId: undefined, ...(await postingFields(change.posting)) } : {}),
    ...(change.disabled === true ? { disabledAt: user.disabledAt ?? at } : change.disabled === false ? { disabledAt: undefined } : {}),
    updatedAt: at,
  };
  try {
    await repo.applyStaffChange(user, after, at);
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('该账号刚刚被修改，请刷新后再试');
    throw e;
  }
  log.info('staff changed', { by: admin.id, userId, role: after.role, disabled: Boolean(after.disabledAt) });
  return staffView({ ...after, sessionVersion: (user.sessionVersion ?? 0) + 1 });
}
