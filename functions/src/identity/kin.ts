import { businessDate, grantEndProblem, KIN_RELATION_NAMES, maskName, type KinGrantRequest, type KinView } from '@yx/shared';
import { now } from '../lib/clock';
import { isConditionFailure } from '../lib/db';
import { conflict, forbidden, notFound, ruleViolation } from '../lib/errors';
import { loadCatalog } from '../guide/repository';
import * as repo from './repository';
import { hashIdNumber } from './service';

/**
 * 亲友代办: a resident with a proven name lets a proven relative act for them (apply, answer 补正, rate) for chosen items
 * or all, until a date; the relative accepts; either side can end it at once. The applications stay the resident's own:
 * they see everything, and the trail says 「由 X 代办」.
 */

const today = () => businessDate(now());

async function view(g: repo.KinGrantRecord, me: string): Promise<KinView> {
  const items = g.itemIds.length ? (await loadCatalog()).items : [];
  return {
    principalId: g.principalId,
    principalName: g.principalId === me ? g.principalName : (maskName(g.principalName) ?? ''),
    agentId: g.agentId,
    agentName: g.agentId === me ? g.agentName : (maskName(g.agentName) ?? ''),
    relation: g.relation,
    allItems: g.allItems,
    itemIds: g.itemIds,
    itemNames: g.itemIds.map((id) => items.find((i) => i.id === id)?.name ?? id),
    expiresOn: g.expiresOn,
    status: g.status,
    expired: g.status === 'accepted' && g.expiresOn < today(),
    offeredAt: g.offeredAt,
    ...(g.acceptedAt ? { acceptedAt: g.acceptedAt } : {}),
    ...(g.revokedAt ? { revokedAt: g.revokedAt } : {}),
  };
}

export async function listKin(user: repo.UserRecord) {
  const { given, received } = await repo.listKin(user.id);
  return { given: await Promise.all(given.map((g) => view(g, user.id))), received: await Promise.all(received.map((g) => view(g, user.id))) };
}

/** 授权亲友代办: both people's names proven by face; the relative is found by name and ID number. */
export async function grantKin(user: repo.UserRecord, g: KinGrantRequest) {
  if (user.idLevel !== 2 || !user.realName) throw forbidden('授权亲友代办需要您本人先完成人脸核验实名');
  const end = grantEndProblem(g.expiresOn, today());
  if (end) throw ruleViolation(end);
  if (!g.allItems) {
    const personal = new Set((await loadCatalog()).items.filter((i) => i.audience.includes('person')).map((i) => i.id));
    if (g.itemIds.some((id) => !personal.has(id))) throw ruleViolation('所选事项中有不属于个人办理的事项，请重新选择');
  }
  const guard = await repo.getIdGuard(hashIdNumber(g.idNumber));
  const relative = guard && guard.level === 2 ? await repo.getUser(guard.userId) : undefined;
  if (!relative || relative.realName !== g.name || relative.idNumber !== g.idNumber) {
    throw notFound('未找到与该姓名、身份证号码一致且已人脸核验的账号：请亲友先登录“越秀政务”小程序完成人脸核验实名');
  }
  if (relative.id === user.id) throw ruleViolation('不能授权自己代办');
  const grant: repo.KinGrantRecord = {
    principalId: user.id,
    principalName: user.realName,
    agentId: relative.id,
    agentName: g.name,
    relation: g.relation,
    allItems: g.allItems,
    itemIds: g.allItems ? [] : [...new Set(g.itemIds)],
    expiresOn: g.expiresOn,
    status: 'offered',
    offeredAt: now().toISOString(),
  };
  try {
    await repo.offerKin(grant, {
      userId: relative.id,
      template: 'kin_offered',
      title: `${maskName(user.realName)} 请您代办政务事项`,
      body: `作为其${KIN_RELATION_NAMES[g.relation]}，${g.allItems ? '可代办全部个人事项' : `可代办 ${grant.itemIds.length} 个事项`}，至 ${g.expiresOn}。请在“我的 → 亲友代办”中确认。`,
    });
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('对该亲友的授权正在生效，如需调整请先撤销后重新授权');
    throw e;
  }
  return view(grant, user.id);
}

/** 接受代办: the relative takes the grant up. */
export async function acceptKin(user: repo.UserRecord, principalId: string) {
  const g = await repo.getKinGrant(principalId, user.id);
  if (!g || g.status === 'revoked') throw notFound('没有待确认的代办授权');
  if (g.status === 'accepted') return view(g, user.id);
  if (user.idLevel !== 2) throw forbidden('代办需要您先完成人脸核验实名');
  const at = now().toISOString();
  try {
    await repo.setKinStatus(g, 'accepted', at, {
      userId: principalId,
      template: 'kin_accepted',
      title: `${maskName(g.agentName)} 已接受代办授权`,
      body: '对方可以为您办理授权的事项，每一步都会记录“由 X 代办”，您可随时撤销。',
    });
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('授权状态刚刚发生变化，请刷新后再试');
    throw e;
  }
  return view({ ...g, status: 'accepted', acceptedAt: at }, user.id);
}

/** 撤销代办: the person (or the relative, stepping down) ends the grant at once. `other` is the other side's id. */
export async function revokeKin(user: repo.UserRecord, other: string) {
  const g = (await repo.getKinGrant(user.id, other)) ?? (await repo.getKinGrant(other, user.id));
  if (!g) throw notFound('没有这项代办授权');
  if (g.status === 'revoked') return view(g, user.id);
  const at = now().toISOString();
  const byPrincipal = g.principalId === user.id;
  try {
    await repo.setKinStatus(g, 'revoked', at, {
      userId: byPrincipal ? g.agentId : g.principalId,
      template: 'kin_revoked',
      title: byPrincipal ? `${maskName(g.principalName)} 已撤销代办授权` : `${maskName(g.agentName)} 已不再为您代办`,
      body: byPrincipal ? '您不能再为对方办理事项。' : '对方已退出代办，如需代办请重新授权。',
    });
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('授权状态刚刚发生变化，请刷新后再试');
    throw e;
  }
  return view({ ...g, status: 'revoked', revokedAt: at }, user.id);
}
