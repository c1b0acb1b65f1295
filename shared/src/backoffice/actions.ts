import * as z from 'zod';
import { PageLimit } from '../api/paging';
import type { ApplicationState } from '../applications/states';
import { lazy } from '../api/lazy';
import { EXCLUDED_KINDS, type ExcludedKind } from '../guide/schema';
import { ExtendBody, ReplyBody } from '../disclosure/api';

/**
 * What a window or approval officer may do, from which state, to which state (PRODUCT.md §3).
 * The function checks the same table; a wrong state is a 409 that names the current state.
 */
export const STAFF_ACTIONS = {
  accept: { from: ['submitted'], to: 'accepted', name: '受理' },
  notAccept: { from: ['submitted'], to: 'not_accepted', name: '不予受理' },
  requestSupplement: { from: ['submitted', 'accepted', 'in_review'], to: 'supplement', name: '一次性告知补正' },
  startReview: { from: ['accepted'], to: 'in_review', name: '开始审查' },
  approve: { from: ['in_review'], to: 'approved', name: '准予许可' },
  deny: { from: ['in_review'], to: 'denied', name: '不予许可' },
  deliver: { from: ['approved'], to: 'delivered', name: '送达' },
  // 行政许可法第四十五条: hearings, expert review, testing… are not counted in the time limits; the case stays where it is
  startExcluded: { from: ['in_review'], to: null, name: '开始特别程序' },
  endExcluded: { from: ['in_review'], to: null, name: '特别程序结束' },
  // 依申请公开 only (政府信息公开条例): an extension (art. 33/35) and the reply (art. 36/37/35)
  extend: { from: [], to: null, name: '延长答复期限' },
  reply: { from: [], to: 'replied', name: '答复' },
} as const satisfies Record<string, { from: readonly ApplicationState[]; to: ApplicationState | null; name: string }>;
export type StaffAction = keyof typeof STAFF_ACTIONS;

/**
 * How a case is handled: a licence (行政许可法, the table above) or a request for government information (政府信息公开条例:
 * 登记, 补正, asking a third party, one extension, a reply, delivery — no review, approval or refusal to accept).
 */
export type Procedure = 'licence' | 'disclosure';

const DISCLOSURE_FROM: Partial<Record<StaffAction, readonly ApplicationState[]>> = {
  accept: ['submitted'],
  requestSupplement: ['submitted', 'accepted'],
  startExcluded: ['submitted', 'accepted'],
  endExcluded: ['submitted', 'accepted'],
  extend: ['submitted', 'accepted'],
  reply: ['submitted', 'accepted'],
  deliver: ['replied'],
};

/** The states an action may start from, in a procedure. */
export const actionFrom = (action: StaffAction, procedure: Procedure = 'licence'): readonly ApplicationState[] =>
  procedure === 'disclosure' ? (DISCLOSURE_FROM[action] ?? []) : STAFF_ACTIONS[action].from;

/** Where an action leads from a state (null in the table: it stays). */
export const actionTo = (action: StaffAction, from: ApplicationState): ApplicationState => STAFF_ACTIONS[action].to ?? from;

/** The actions of a state; during a special procedure (`excluded`) only its end — no decision, no 补正 — and no second one. */
export const allowedActions = (state: ApplicationState, excluded = false, procedure: Procedure = 'licence'): StaffAction[] =>
  (Object.keys(STAFF_ACTIONS) as StaffAction[])
    .filter((a) => actionFrom(a, procedure).includes(state))
    .filter((a) => (excluded ? a === 'endExcluded' : a !== 'endExcluded'));

export const NOT_ACCEPT_REASONS = ['不属于本部门职权范围', '依法不需要取得行政许可', '申请人不具备申请资格', '申请材料存在虚假内容', '其他'] as const;

/** Limits of what officers write, for the schemas and the pages' inputs. */
export const STAFF_TEXT_MIN = 2;
export const STAFF_TEXT_MAX = 300; // a reason, a detail, an opinion, a note
export const SUPPLEMENT_ITEMS_MAX = 20;
export const SUPPLEMENT_MATERIAL_MAX = 60;
export const SUPPLEMENT_REASON_MAX = 120;
export const TRACKING_NO_MAX = 20; // 邮件单号

const Version = lazy(() => z.number().int().min(1));
const Text = (max: number) => z.string().trim().min(STAFF_TEXT_MIN).max(max);

const ExcludedKindSchema = lazy(() =>
  z.enum(Object.keys(EXCLUDED_KINDS) as [ExcludedKind, ...ExcludedKind[]], {
    message: '请选择特别程序：听证、专家评审、检验检测、鉴定、检疫、招标拍卖，或征求第三方、其他机关意见',
  }),
);

export const StaffActionBodies = {
  accept: lazy(() => z.strictObject({ version: Version, note: z.string().trim().max(200).optional() })),
  notAccept: lazy(() => z.strictObject({ version: Version, reason: z.enum(NOT_ACCEPT_REASONS), detail: Text(STAFF_TEXT_MAX) })),
  requestSupplement: lazy(() =>
    z.strictObject({
      version: Version,
      items: z
        .array(z.strictObject({ material: Text(SUPPLEMENT_MATERIAL_MAX), reason: Text(SUPPLEMENT_REASON_MAX) }))
        .min(1, { message: '一次性告知至少列出一项材料' })
        .max(SUPPLEMENT_ITEMS_MAX),
    }),
  ),
  startReview: lazy(() => z.strictObject({ version: Version })),
  approve: lazy(() => z.strictObject({ version: Version, note: z.string().trim().max(STAFF_TEXT_MAX).optional() })),
  deny: lazy(() => z.strictObject({ version: Version, reason: Text(STAFF_TEXT_MAX) })),
  deliver: lazy(() =>
    z
      .strictObject({
        version: Version,
        method: z.enum(['pickup', 'post', 'electronic']),
        trackingNo: z
          .string()
          .trim()
          .regex(new RegExp(`^[A-Z0-9]{8,${TRACKING_NO_MAX}}$`), { message: `邮件单号应为 8–${TRACKING_NO_MAX} 位字母或数字` })
          .optional(),
      })
      .refine((v) => v.method !== 'post' || Boolean(v.trackingNo), { message: '邮寄送达需填写邮件单号', path: ['trackingNo'] }),
  ),
  startExcluded: lazy(() => z.strictObject({ version: Version, kind: ExcludedKindSchema, note: Text(STAFF_TEXT_MAX) })),
  endExcluded: lazy(() => z.strictObject({ version: Version, note: Text(STAFF_TEXT_MAX) })),
  extend: ExtendBody,
  reply: ReplyBody,
} as const;

export const StaffActionParams = lazy(() =>
  z.strictObject({
    appNo: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^YX\d{14}$/, { message: '应为 YX 开头的 16 位办件编号' }),
    action: z.enum(Object.keys(STAFF_ACTIONS) as [StaffAction, ...StaffAction[]], { message: '没有这个办理操作' }),
  }),
);

/** States the queue can be filtered by (the open ones plus 待补正 and 待送达). */
export const QUEUE_STATES = ['submitted', 'supplement', 'accepted', 'in_review', 'approved', 'replied'] as const satisfies readonly ApplicationState[];
export type QueueState = (typeof QUEUE_STATES)[number];

export const QueueQuery = lazy(() =>
  z.strictObject({
    state: z.enum(QUEUE_STATES).optional(),
    light: z.enum(['green', 'yellow', 'red']).optional(),
    limit: PageLimit,
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,400}$/, { message: '翻页位置不正确' })
      .optional(),
  }),
);
