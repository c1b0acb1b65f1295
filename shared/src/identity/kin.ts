import * as z from 'zod';
import { lazy } from '../api/lazy';
import { PersonName, ResidentId } from './schema';

/**
 * 亲友代办: a resident with a proven real name authorises a relative (also proven) to act for them — apply, answer 补正,
 * rate — for chosen items or all, until a date. The relative accepts; the resident sees everything and can revoke at any
 * time; every action shows 「由 X 代办」.
 */
const ItemId = lazy(() => z.string().regex(/^[a-z0-9-]{2,60}$/, { message: '事项编号格式不正确' }));
const Day = lazy(() => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' }));
export const UserIdParam = lazy(() => z.string().regex(/^u-[A-Za-z0-9-]{1,60}$/, { message: '用户编号格式不正确' }));

export const KinGrantRequest = lazy(() =>
  z
    .strictObject({
      name: PersonName,
      idNumber: ResidentId,
      relation: z.enum(['child', 'spouse', 'parent', 'sibling', 'other']),
      allItems: z.boolean(),
      itemIds: z.array(ItemId).max(50, { message: '最多选择 50 个事项' }).default([]),
      expiresOn: Day,
    })
    .refine((g) => g.allItems || g.itemIds.length > 0, { message: '请选择代办的事项，或授权全部事项', path: ['itemIds'] }),
);
export type KinGrantRequest = z.output<typeof KinGrantRequest>;
export const KIN_RELATION_NAMES = { child: '子女', spouse: '配偶', parent: '父母', sibling: '兄弟姐妹', other: '其他亲友' } as const;

export const KinView = lazy(() =>
  z.object({
    principalId: z.string(),
    principalName: z.string(), // masked unless one's own
    agentId: z.string(),
    agentName: z.string(), // masked unless one's own
    relation: z.enum(['child', 'spouse', 'parent', 'sibling', 'other']),
    allItems: z.boolean(),
    itemIds: z.array(z.string()),
    itemNames: z.array(z.string()),
    expiresOn: z.string(),
    status: z.enum(['offered', 'accepted', 'revoked']),
    expired: z.boolean(),
    offeredAt: z.string(),
    acceptedAt: z.string().optional(),
    revokedAt: z.string().optional(),
  }),
);
export type KinView = z.infer<typeof KinView>;
/** Both sides at once: whom I authorised (`given`) and who authorised me (`received`). */
export const KinLists = lazy(() => z.object({ given: z.array(KinView), received: z.array(KinView) }));
export const KinParams = lazy(() => z.strictObject({ userId: UserIdParam }));
/** `?for=<userId>`: act for a person who authorised the caller (亲友代办). */
export const ActingForQuery = lazy(() => z.strictObject({ for: UserIdParam.optional() }));

export interface KinGrantFacts {
  status: 'offered' | 'accepted' | 'revoked';
  expiresOn: string;
  allItems: boolean;
  itemIds: readonly string[];
}

/** May the relative act for the person today (on these items, when applying)? */
export function kinMayAct(grant: KinGrantFacts | undefined, act: { itemIds: readonly string[]; today: string }): { ok: true } | { ok: false; reason: string } {
  if (!grant || grant.status === 'offered') return { ok: false, reason: '您还没有该亲友的代办授权，或尚未接受授权' };
  if (grant.status === 'revoked') return { ok: false, reason: '对方已撤销对您的代办授权' };
  if (grant.expiresOn < act.today) return { ok: false, reason: `代办授权已于 ${grant.expiresOn} 到期，请对方重新授权` };
  if (!grant.allItems && act.itemIds.some((id) => !grant.itemIds.includes(id))) return { ok: false, reason: '该事项不在对方授权您代办的范围内' };
  return { ok: true };
}
