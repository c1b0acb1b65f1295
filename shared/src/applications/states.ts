/**
 * The life of an application (办件), PRODUCT.md §3:
 * submitted → accepted (受理) | not_accepted (不予受理) | supplement (补正) → in_review → approved | denied
 * → delivered; the applicant may withdraw before acceptance. Every change is an event in the trail.
 * 一件事 (issue 16): an item that needs another item's result first starts `waiting` (not in its department's queue, no
 * clock) and becomes `submitted` when that one is approved, or `terminated` when it ends without a result.
 */
export const APPLICATION_STATES = [
  'submitted',
  'supplement',
  'accepted',
  'not_accepted',
  'in_review',
  'approved',
  'denied',
  'delivered',
  'withdrawn',
  'waiting',
  'terminated',
  'replied',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const STATE_NAMES: Record<ApplicationState, string> = {
  submitted: '已提交，待受理',
  supplement: '待补正材料',
  accepted: '已受理',
  not_accepted: '不予受理',
  in_review: '审查中',
  approved: '已办结（准予）',
  denied: '已办结（不予许可）',
  delivered: '已送达',
  withdrawn: '已撤回',
  waiting: '等待前置事项办结',
  terminated: '已终止（前置事项未办成）',
  replied: '已答复',
};

/** States in which the time limit runs and the traffic light shows. */
export const OPEN_STATES: ApplicationState[] = ['submitted', 'accepted', 'in_review'];
/** States after which the applicant may rate the service (好差评). */
export const ENDED_STATES: ApplicationState[] = ['approved', 'denied', 'delivered', 'not_accepted', 'replied'];

export const canWithdraw = (s: ApplicationState) => s === 'submitted' || s === 'supplement' || s === 'waiting';
export const canSupplement = (s: ApplicationState) => s === 'supplement';
export const canRate = (s: ApplicationState, rated: boolean) => ENDED_STATES.includes(s) && !rated;

export type NextActionKind = 'supplement' | 'pickup' | 'rate' | 'wait' | 'none';

/** What the applicant is expected to do next, in words they understand. */
export function nextAction(
  state: ApplicationState,
  opts: { rated: boolean; delivery?: 'pickup' | 'post' | 'electronic'; disclosure?: boolean },
): { kind: NextActionKind; text: string } {
  if (state === 'supplement' && opts.disclosure) {
    return { kind: 'supplement', text: '请按补正告知书补充说明您要申请的信息；答复期限自收到补正之日起重新计算' };
  }
  if (state === 'supplement') return { kind: 'supplement', text: '请按一次性告知清单补正材料，补正后继续办理' };
  if (state === 'approved' && opts.delivery === 'pickup') return { kind: 'pickup', text: '结果已出，请凭取件码到窗口领取' };
  if (canRate(state, opts.rated)) return { kind: 'rate', text: '办理已结束，请对本次服务进行评价' };
  if (opts.disclosure && (state === 'submitted' || state === 'accepted')) {
    return { kind: 'wait', text: '机关正在检索、审查您申请的信息，将在答复期限内答复；延长期限或征求第三方意见时会通知您' };
  }
  if (state === 'submitted') return { kind: 'wait', text: '等待部门受理审查；办理时限从提交之日起按工作日计算' };
  if (state === 'waiting') return { kind: 'wait', text: '本事项需要“一件事”中前一个事项的结果，前一事项办结后自动转交部门办理，届时开始计时' };
  if (state === 'accepted' || state === 'in_review') return { kind: 'wait', text: '部门正在办理，有进展会第一时间通知您' };
  return { kind: 'none', text: '' };
}

export const RATINGS = ['very_satisfied', 'satisfied', 'basic', 'unsatisfied', 'very_unsatisfied'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_NAMES: Record<Rating, string> = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
  very_unsatisfied: '非常不满意',
};

/** Readable application number: YX + business date + 6-digit daily sequence, e.g. YX20261122000123. */
export const formatAppNo = (businessDate: string, seq: number) => `YX${businessDate.replace(/-/g, '')}${String(seq).padStart(6, '0')}`;
/** 办件编号: YX, the 8-digit date and a 6-digit sequence (16 characters). */
export const APP_NO_LENGTH = 16;
export const APP_NO_PATTERN = new RegExp(`^YX\\d{8}\\d{${APP_NO_LENGTH - 10}}$`);
