import { agentMayAct, businessDate, maskName } from '@yx/shared';
import { now } from '../lib/clock';
import { forbidden, notFound } from '../lib/errors';
import type { UserRecord } from '../lib/entities/identity';
import { getFirmAgent } from '../identity/repository';
import * as repo from './repository';

export const today = () => businessDate(now());

/**
 * The caller's own firm, after checking they may act for it: its legal representative, or an agent whose grant is in
 * force today (checked on every request, so a revoked grant stops at once); `commitment` asks for the grant's power
 * to sign commitments (a repair carries a 信用修复承诺).
 */
export async function ownFirm(user: UserRecord, o: { commitment?: boolean } = {}): Promise<{ creditCode: string; firm: repo.EnterpriseRecord; actor: string }> {
  const code = user.enterpriseCode;
  if (user.role !== 'enterprise' || !code) throw forbidden('请先绑定企业（我的 → 企业认证），或接受企业的经办人授权');
  const [read, grant] = await Promise.all([repo.firmsByCode([code]), user.firmRole === 'agent' ? getFirmAgent(code, user.id) : undefined]);
  if (user.firmRole === 'agent') {
    const d = agentMayAct(grant, { itemIds: [], commitment: Boolean(o.commitment), today: today() });
    if (!d.ok) throw forbidden(d.reason);
  }
  const firm = read[0];
  if (!firm) throw notFound('未找到企业登记信息');
  const who = maskName(user.realName) ?? user.nickname;
  return { creditCode: code, firm, actor: user.firmRole === 'agent' ? `经办人 ${who}` : `${who}（法定代表人）` };
}
