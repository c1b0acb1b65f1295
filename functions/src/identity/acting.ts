import { agentMayAct, businessDate, kinMayAct, maskName } from '@yx/shared';
import { now } from '../lib/clock';
import { forbidden } from '../lib/errors';
import * as repo from './repository';

/**
 * Who the caller acts as on an application route, checked on every request: themselves (a firm's agent only while the
 * grant is in force), or — with `?for=` — a person who authorised them (亲友代办).
 */

const today = () => businessDate(now());

export interface Acting {
  /** whose applications these are: the caller, or the person acted for */
  owner: repo.UserRecord;
  /** when acting for someone: the trail's actor 「由 X 代办」, and the relative whose uploads count as the owner's */
  relative?: { actor: string; uploaderId: string };
}

/** One read when acting for someone or as a firm's agent; a revoked, expired or missing grant, or an item outside it, is refused. */
export async function actingFor(user: repo.UserRecord, principalId: string | undefined, itemIds: string[] = []): Promise<Acting> {
  if (!principalId || principalId === user.id) {
    // a firm's agent acts only while the grant is in force: past its end date, every application route refuses
    if (user.firmRole === 'agent' && user.enterpriseCode) {
      const d = agentMayAct(await repo.getFirmAgent(user.enterpriseCode, user.id), { itemIds: [], commitment: false, today: today() });
      if (!d.ok) throw forbidden(d.reason);
    }
    return { owner: user };
  }
  const { grant, principal } = await repo.readActingFor(principalId, user.id);
  const d = kinMayAct(grant, { itemIds, today: today() });
  if (!d.ok || !principal) throw forbidden(d.ok ? '对方账号不存在' : d.reason);
  if (principal.closedAt || principal.disabledAt) throw forbidden('对方账号已注销或停用，不能再代办');
  return { owner: principal, relative: { actor: `由 ${maskName(user.realName) ?? user.nickname} 代办`, uploaderId: user.id } };
}
