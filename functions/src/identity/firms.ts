import { agentMayAct, businessDate, grantEndProblem, maskName, maskResidentId, type AgentGrantRequest, type AgentView } from '@yx/shared';
import { now } from '../lib/clock';
import { isConditionFailure } from '../lib/db';
import { conflict, forbidden, notFound, ruleViolation } from '../lib/errors';
import { loadCatalog } from '../guide/repository';
import * as repo from './repository';
import { hashIdNumber, sessionFor } from './service';

/**
 * Firms (企业): the 法定代表人 binds the firm by a proven ID that matches the registry, and authorises 经办人 who act for it
 * within a scope and until a date. Anyone else binding a firm by its public name and code is refused.
 */

const today = () => businessDate(now());

/** 绑定企业: only the legal representative, with a real name proven by face, whose ID matches the registry's. */
export async function bindEnterprise(user: repo.UserRecord, enterpriseName: string, creditCode: string) {
  const ent = await repo.getEnterprise(creditCode);
  if (!ent) throw notFound('未找到该统一社会信用代码对应的企业，请核对后再试');
  if (ent.name !== enterpriseName.trim()) throw ruleViolation('企业名称与登记信息不一致，请按营业执照上的名称填写');
  if (user.idLevel !== 2 || !user.idNumber) throw forbidden('绑定企业需要法定代表人本人先完成人脸核验实名（我的 → 实名认证）');
  if (!ent.legalRepIdHash || ent.legalRepIdHash !== hashIdNumber(user.idNumber)) {
    throw forbidden('您不是该企业登记的法定代表人，不能绑定。经办人请由法定代表人在“企业经办人”中授权后办理');
  }
  const bound = await repo.bindAsLegalRep(user.id, creditCode, now().toISOString());
  return sessionFor(bound); // the role changed, so the session does too
}

function requireLegalRep(user: repo.UserRecord): string {
  if (user.firmRole !== 'legal' || !user.enterpriseCode) throw forbidden('只有企业法定代表人可以管理经办人');
  return user.enterpriseCode;
}

async function itemNames(ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const items = (await loadCatalog()).items;
  return ids.map((id) => items.find((i) => i.id === id)?.name ?? id);
}

async function view(a: repo.FirmAgentRecord, ownView: boolean): Promise<AgentView> {
  return {
    creditCode: a.creditCode,
    firmName: a.firmName,
    agentId: a.agentId,
    agentName: ownView ? a.agentName : (maskName(a.agentName) ?? ''),
    agentIdNumber: a.agentIdNumberMasked,
    allItems: a.allItems,
    itemIds: a.itemIds,
    itemNames: await itemNames(a.itemIds),
    commitments: a.commitments,
    benefits: a.benefits,
    expiresOn: a.expiresOn,
    status: a.status,
    expired: a.status === 'accepted' && a.expiresOn < today(),
    offeredBy: maskName(a.offeredByName) ?? '',
    offeredAt: a.offeredAt,
    ...(a.acceptedAt ? { acceptedAt: a.acceptedAt } : {}),
    ...(a.revokedAt ? { revokedAt: a.revokedAt } : {}),
  };
}

/** 企业经办人列表 (the legal representative's view). */
export async function listAgents(user: repo.UserRecord) {
  const code = requireLegalRep(user);
  const rows = await repo.listFirmAgents(code);
  return { items: await Promise.all(rows.map((a) => view(a, false))) };
}

/** 授权经办人: by the agent's name and ID number; the agent must hold a real name proven by face. */
export async function grantAgent(user: repo.UserRecord, g: AgentGrantRequest) {
  const code = requireLegalRep(user);
  const end = grantEndProblem(g.expiresOn, today());
  if (end) throw ruleViolation(end);
  if (!g.allItems) {
    const firmItems = new Set((await loadCatalog()).items.filter((i) => i.audience.includes('enterprise')).map((i) => i.id));
    if (g.itemIds.some((id) => !firmItems.has(id))) throw ruleViolation('所选事项中有不属于企业办理的事项，请重新选择');
  }
  const guard = await repo.getIdGuard(hashIdNumber(g.idNumber));
  const agent = guard && guard.level === 2 ? await repo.getUser(guard.userId) : undefined;
  if (!agent || agent.realName !== g.name || agent.idNumber !== g.idNumber) {
    throw notFound('未找到与该姓名、身份证号码一致且已人脸核验的账号：请经办人先登录“越秀政务”小程序完成人脸核验实名');
  }
  if (agent.id === user.id) throw ruleViolation('法定代表人本人无需授权自己为经办人');
  const ent = await repo.getEnterprise(code);
  const at = now().toISOString();
  const grant: repo.FirmAgentRecord = {
    creditCode: code,
    firmName: ent?.name ?? code,
    agentId: agent.id,
    agentName: g.name,
    agentIdNumberMasked: maskResidentId(g.idNumber) ?? '',
    allItems: g.allItems,
    itemIds: g.allItems ? [] : [...new Set(g.itemIds)],
    commitments: g.commitments,
    benefits: g.benefits,
    expiresOn: g.expiresOn,
    status: 'offered',
    offeredBy: user.id,
    offeredByName: user.realName ?? user.nickname,
    offeredAt: at,
  };
  try {
    await repo.offerFirmAgent(grant, {
      userId: agent.id,
      template: 'firm_agent_offered',
      title: `${grant.firmName} 邀请您担任经办人`,
      body: `授权至 ${g.expiresOn}，${g.allItems ? '可办理企业全部事项' : `可办理 ${grant.itemIds.length} 个事项`}${g.commitments ? '，可签署容缺信用承诺' : ''}${g.benefits ? '，可办理政策兑现' : ''}。请在“我的 → 企业经办人”中确认。`,
    });
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('该经办人的授权正在生效，如需调整请先撤销后重新授权');
    throw e;
  }
  return view(grant, false);
}

/** 撤销授权: at once; an agent acting for the firm now is refused on their next request. */
export async function revokeAgent(user: repo.UserRecord, agentId: string) {
  const code = requireLegalRep(user);
  const grant = await repo.getFirmAgent(code, agentId);
  if (!grant) throw notFound('没有这位经办人');
  if (grant.status === 'revoked') return view(grant, false);
  const agent = await repo.getUser(agentId);
  const unbind = agent?.enterpriseCode === code && agent.firmRole === 'agent';
  const at = now().toISOString();
  try {
    await repo.revokeFirmAgent(grant, at, unbind, {
      userId: agentId,
      template: 'firm_agent_revoked',
      title: `${grant.firmName} 已撤销您的经办人授权`,
      body: '您不能再以该企业的身份办理事项。已提交的办件仍可在“我的办件”中查看。',
    });
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('授权状态刚刚发生变化，请刷新后再试');
    throw e;
  }
  return view({ ...grant, status: 'revoked', revokedAt: at }, false);
}

/** 我收到的企业授权 (the agent's view). */
export async function myOffers(user: repo.UserRecord) {
  const rows = await repo.listAgentCopies(user.id);
  return { items: await Promise.all(rows.map((a) => view(a, true))) };
}

/** 接受授权: the account then acts for the firm as its 经办人 (a new session, as the role changed). */
export async function acceptOffer(user: repo.UserRecord, creditCode: string) {
  const grant = await repo.getFirmAgent(creditCode, user.id);
  if (!grant || grant.status === 'revoked') throw notFound('没有待确认的企业授权');
  if (grant.status === 'accepted' && user.enterpriseCode === creditCode) return sessionFor(user);
  if (user.idLevel !== 2) throw forbidden('担任经办人需要先完成人脸核验实名');
  if (user.firmRole === 'legal' && user.enterpriseCode) throw conflict('您是另一家企业的法定代表人，不能同时担任其他企业的经办人');
  if (grant.expiresOn < today()) throw ruleViolation('该授权已过期，请联系企业法定代表人重新授权');
  try {
    await repo.acceptFirmAgent(grant, now().toISOString());
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('授权状态刚刚发生变化，请刷新后再试');
    throw e;
  }
  const updated = await repo.getUser(user.id);
  return sessionFor(updated!);
}

/**
 * Who acts for a firm in an application, checked on every firm action: the legal representative, or an agent whose grant
 * is accepted, current, covers the items and — for a 容缺 commitment — allows signing. Gives the trail's actor.
 */
export function firmActor(
  user: repo.UserRecord,
  firmName: string,
  grant: repo.FirmAgentRecord | undefined,
  act: { itemIds: string[]; commitment: boolean },
): string {
  const who = maskName(user.realName) ?? user.nickname;
  if (user.firmRole !== 'agent') return `${who}（${firmName} 法定代表人）`;
  const d = agentMayAct(grant, { ...act, today: today() });
  if (!d.ok) throw forbidden(d.reason);
  return `经办人 ${who}（代 ${firmName}）`;
}
