import { judgeItem, type PolicyClaimView } from '@yx/shared';
import { conflict, notFound, ruleViolation } from '../lib/errors';
import type { EnterpriseRecord } from '../lib/entities/identity';
import { factsOf, declaredOf } from './firm';
import { evidenceOf, today, windowOf } from './market';
import * as repo from './repository';

/**
 * 依申请 policy items go through the application flow: the form shows the item and the firm's judgement, and the
 * submission judges again and keeps that judgement (and the version) on the application. One application per firm and
 * item (a guard row written in the submission's transaction).
 */

/** The policy item a firm claims through `serviceItemId`, judged now; refused when it cannot be claimed. */
export async function policyClaimFor(firm: EnterpriseRecord | undefined, itemId: string, serviceItemId: string): Promise<PolicyClaimView> {
  if (!firm) throw ruleViolation('政策兑现只能由企业申请：请先绑定企业或接受企业的经办人授权');
  const policyId = itemId.replace(/-\d{1,2}$/, '');
  const [p, read] = await Promise.all([repo.getPolicy(policyId), repo.readFirm(firm.creditCode)]);
  const item = p?.items.find((i) => i.id === itemId);
  if (!p || !item) throw notFound('没有这个政策条目');
  if (p.status === 'withdrawn') throw conflict('该政策已撤回，不能再申请');
  if (item.mode !== 'apply') throw ruleViolation('该条目为免申即享，无需申请：符合条件的企业会在“免申即享”中收到待确认的款项');
  if ((item.serviceItemId ?? 'policy-claim') !== serviceItemId) throw ruleViolation('该政策条目不通过这个事项申请');
  const w = windowOf(item, today());
  if (w !== 'open') throw conflict(w === 'upcoming' ? `该政策条目 ${item.validFrom} 起才能申请` : `该政策条目已于 ${item.validTo} 截止申请`);
  const j = judgeItem(item, factsOf(firm), { today: today(), declared: declaredOf(read.declared), useDeclared: true });
  if (j.verdict === 'ineligible') throw ruleViolation('企业暂不符合该政策条目的条件，请在政策详情中查看不符合的原因');
  // one application per firm and item: the firm's partition, read above, lists its claims
  const earlier = read.claims.get(itemId);
  if (earlier) throw conflict(`企业已申请过该政策条目（办件编号 ${earlier}），请在“我的办件”中查看进度`);
  return { itemId, policyId: p.id, version: p.version, policyTitle: p.title, itemTitle: item.title, ...j, evidence: evidenceOf(item) };
}

export { claimGuardItem, receivedItem } from './repository';
