import * as z from 'zod';
import { lazy } from '../api/lazy';

/**
 * One work-order engine for appeals (诉求, 接诉即办) and community issues (越秀先锋):
 * submitted → dispatched → claimed (签收) → in_progress → resolved → closed, with returned (退单) back to
 * the dispatcher and reopened once when the filer is not satisfied. Every action is an event.
 */
export const WORK_ORDER_STATES = ['dispatched', 'claimed', 'in_progress', 'resolved', 'returned', 'closed'] as const;
export type WorkOrderState = (typeof WORK_ORDER_STATES)[number];

export const WO_STATE_NAMES: Record<WorkOrderState, string> = {
  dispatched: '已派单，待签收',
  claimed: '已签收',
  in_progress: '处理中',
  resolved: '已办结，待评价',
  returned: '已退单，待改派',
  closed: '已关闭',
};

export const WO_ACTIONS = {
  claim: { from: ['dispatched'], to: 'claimed', name: '签收', by: 'team' },
  start: { from: ['claimed'], to: 'in_progress', name: '开始处理', by: 'owner' },
  resolve: { from: ['claimed', 'in_progress'], to: 'resolved', name: '办结回复', by: 'owner' },
  return: { from: ['claimed', 'in_progress'], to: 'returned', name: '退单', by: 'owner' },
  redispatch: { from: ['returned', 'dispatched'], to: 'dispatched', name: '改派', by: 'dispatcher' },
} as const satisfies Record<string, { from: readonly WorkOrderState[]; to: WorkOrderState; name: string; by: 'team' | 'owner' | 'dispatcher' }>;
export type WorkOrderAction = keyof typeof WO_ACTIONS;

export const woAllowed = (state: WorkOrderState): WorkOrderAction[] =>
  (Object.keys(WO_ACTIONS) as WorkOrderAction[]).filter((a) => (WO_ACTIONS[a].from as readonly WorkOrderState[]).includes(state));

export const WO_RATINGS = ['satisfied', 'basic', 'unsatisfied'] as const;
export const WO_RATING_NAMES = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' } as const;

/** After the filer's rating: not satisfied reopens once (back to the same team), otherwise it closes. */
export function afterRating(rating: (typeof WO_RATINGS)[number], reopenedBefore: boolean): { to: WorkOrderState; reopen: boolean } {
  if (rating === 'unsatisfied' && !reopenedBefore) return { to: 'dispatched', reopen: true };
  return { to: 'closed', reopen: false };
}

/** 工单编号: SQ, the 8-digit date and 8 digits that do not follow the filing order (orders filed before issue 13 have 6). */
export const WO_NO_PATTERN = /^SQ\d{14}(\d{2})?$/;
export const formatWoNo = (businessDate: string, tail: string) => `SQ${businessDate.replace(/-/g, '')}${tail}`;

/** Limits of what people write and attach on an order, for the schemas and the pages' inputs. */
export const WO_PHOTOS_MAX = 9;
export const WO_TEXT_MIN = 5; // a description, a result, a reason
export const WO_DESCRIPTION_MAX = 1000;
export const WO_COMMENT_MAX = 300; // a rating's comment, a reason, a note

const Text = (min: number, max: number) => z.string().trim().min(min).max(max);
export const WoActionBodies = {
  claim: lazy(() => z.strictObject({})),
  start: lazy(() => z.strictObject({ note: z.string().trim().max(WO_COMMENT_MAX).optional() })),
  resolve: lazy(() =>
    z.strictObject({
      result: Text(WO_TEXT_MIN, WO_DESCRIPTION_MAX),
      photoIds: z
        .array(z.string().regex(/^f_[A-Za-z0-9_-]{8,64}$/))
        .max(WO_PHOTOS_MAX)
        .default([]),
    }),
  ),
  return: lazy(() => z.strictObject({ reason: Text(WO_TEXT_MIN, WO_COMMENT_MAX) })),
  redispatch: lazy(() =>
    z.strictObject({
      teamId: z.string().regex(/^(dept|grid):[a-z0-9-]{2,40}$/, { message: '承办单位不正确' }),
      note: z.string().trim().max(WO_COMMENT_MAX).optional(),
    }),
  ),
} as const;
