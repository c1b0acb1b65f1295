import * as z from 'zod';
import { lazy } from '../api/lazy';
import { PersonName, ResidentId } from './schema';

/**
 * 企业经办人授权: the legal representative (法定代表人) authorises an agent (经办人) by the agent's name and ID number; the
 * agent accepts; the grant has a scope (all items or chosen ones; whether the agent may sign 容缺 credit commitments or
 * handle 政策兑现), an end date, and can be revoked at any time.
 */
export const AGENT_MAX_YEARS = 3;
const ItemId = lazy(() => z.string().regex(/^[a-z0-9-]{2,60}$/, { message: '事项编号格式不正确' }));
const Day = lazy(() => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' }));

export const AgentGrantRequest = lazy(() =>
  z
    .strictObject({
      name: PersonName,
      idNumber: ResidentId,
      allItems: z.boolean(),
      itemIds: z.array(ItemId).max(50, { message: '最多选择 50 个事项' }).default([]),
      commitments: z.boolean(), // may sign 容缺 credit commitments for the firm
      /** 政策兑现: may confirm 免申即享 offers and name the account the money goes to (issue 17) */
      benefits: z.boolean().default(false),
      expiresOn: Day,
    })
    .refine((g) => g.allItems || g.itemIds.length > 0, { message: '请选择授权办理的事项，或授权全部事项', path: ['itemIds'] }),
);
export type AgentGrantRequest = z.output<typeof AgentGrantRequest>;

export const AgentStatus = lazy(() => z.enum(['offered', 'accepted', 'revoked']));
export type AgentStatus = z.infer<typeof AgentStatus>;
export const AGENT_STATUS_NAMES: Record<AgentStatus, string> = { offered: '待经办人确认', accepted: '已生效', revoked: '已撤销' };

export const AgentView = lazy(() =>
  z.object({
    creditCode: z.string(),
    firmName: z.string(),
    agentId: z.string(),
    agentName: z.string(), // masked unless it is the agent's own view
    agentIdNumber: z.string(), // always masked
    allItems: z.boolean(),
    itemIds: z.array(z.string()),
    itemNames: z.array(z.string()),
    commitments: z.boolean(),
    benefits: z.boolean(),
    expiresOn: z.string(),
    status: AgentStatus,
    /** accepted but past its end date: no longer lets the agent act */
    expired: z.boolean(),
    offeredBy: z.string(), // the legal representative, masked
    offeredAt: z.string(),
    acceptedAt: z.string().optional(),
    revokedAt: z.string().optional(),
  }),
);
export type AgentView = z.infer<typeof AgentView>;
export const AgentList = lazy(() => z.object({ items: z.array(AgentView) }));
export const AgentParams = lazy(() => z.strictObject({ agentId: z.string().regex(/^u-[A-Za-z0-9-]{1,60}$/, { message: '经办人编号格式不正确' }) }));
export const FirmOfferParams = lazy(() =>
  z.strictObject({ creditCode: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, { message: '统一社会信用代码格式不正确' }) }),
);

/** What an agent may do under a grant, decided from the grant alone (pure: the caller loads it). */
export interface AgentGrantFacts {
  status: AgentStatus;
  expiresOn: string;
  allItems: boolean;
  itemIds: readonly string[];
  commitments: boolean;
  benefits?: boolean;
}

export type AgentDecision = { ok: true } | { ok: false; reason: string };

/** May the agent act for the firm today on these items (and sign a 容缺 commitment, when asked)? */
export function agentMayAct(
  grant: AgentGrantFacts | undefined,
  act: { itemIds: readonly string[]; commitment: boolean; today: string; benefits?: boolean },
): AgentDecision {
  if (!grant || grant.status === 'offered') return { ok: false, reason: '您还不是该企业的经办人：请先接受法定代表人的授权' };
  if (grant.status === 'revoked') return { ok: false, reason: '企业已撤销您的经办人授权，不能再以企业身份办理' };
  if (grant.expiresOn < act.today) return { ok: false, reason: `您的经办人授权已于 ${grant.expiresOn} 到期，请联系企业法定代表人续期` };
  const outside = grant.allItems ? [] : act.itemIds.filter((id) => !grant.itemIds.includes(id));
  if (outside.length) return { ok: false, reason: '该事项不在企业授权您办理的范围内，请联系企业法定代表人调整授权' };
  if (act.commitment && !grant.commitments) return { ok: false, reason: '您未获授权代表企业签署容缺信用承诺，请由法定代表人签署或调整授权' };
  if (act.benefits && !grant.benefits) return { ok: false, reason: '您未获授权办理政策兑现（确认领取、指定收款账户），请由法定代表人确认或调整授权' };
  return { ok: true };
}

/** The end date a grant may have: after today, within AGENT_MAX_YEARS. */
export function grantEndProblem(expiresOn: string, today: string): string | undefined {
  if (expiresOn <= today) return '授权截止日期应晚于今天';
  const max = `${Number(today.slice(0, 4)) + AGENT_MAX_YEARS}${today.slice(4)}`;
  if (expiresOn > max) return `授权期限最长 ${AGENT_MAX_YEARS} 年`;
  return undefined;
}
