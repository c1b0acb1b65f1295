// Where an order stands for its street's dispatcher, and its traffic light against the claim and reply limits.
import { type CalendarData, DEFAULT_CALENDAR } from '../calendar/data';
import type { Light } from '../calendar/lights';
import { businessDate, workingDaysBetween } from '../calendar/workdays';
import type { WorkOrderState } from './states';

/** The dispatcher's tabs: every state falls in exactly one. */
export const WO_GROUPS = ['todo', 'doing', 'answered', 'returned', 'closed'] as const;
export type WoGroup = (typeof WO_GROUPS)[number];
export const WO_GROUP_NAMES: Record<WoGroup, string> = { todo: '待签收', doing: '处理中', answered: '待评价', returned: '退单待改派', closed: '已关闭' };
export const WO_GROUP_OF: Record<WorkOrderState, WoGroup> = {
  dispatched: 'todo',
  claimed: 'doing',
  in_progress: 'doing',
  resolved: 'answered',
  returned: 'returned',
  closed: 'closed',
};
/** Open tabs list the most urgent first; finished ones the newest first. */
export const WO_GROUP_ASCENDING: Record<WoGroup, boolean> = { todo: true, doing: true, answered: false, returned: false, closed: false };

/**
 * The order's place in its street's list: group, then what the dispatcher sorts by — the claim time
 * while unclaimed, the reply date while being handled (so overdue replies are one range), else when it changed.
 */
export function streetSortKey(o: { state: WorkOrderState; claimBy: string; replyBy: string; at: string; no: string }): string {
  const group = WO_GROUP_OF[o.state];
  const by = group === 'todo' ? o.claimBy : group === 'doing' ? o.replyBy : o.at;
  return `${group}#${by}#${o.no}`;
}

/** An officer's own orders (issue 14): 我处理中 (claimed or in progress) and 已办结 (answered, then rated or closed). */
export const WO_OWNER_LISTS = ['doing', 'done'] as const;
export type WoOwnerList = (typeof WO_OWNER_LISTS)[number];
export const WO_OWNER_LIST_NAMES: Record<WoOwnerList, string> = { doing: '我处理中', done: '已办结' };
/** 我处理中 lists the most urgent reply date first; 已办结 the newest answer first. */
export const WO_OWNER_LIST_ASCENDING: Record<WoOwnerList, boolean> = { doing: true, done: false };

/**
 * The order's place in its owner's lists, or none: while claimed or in progress by the reply date; once answered
 * (resolved, then closed by the rating) by when it was answered. An order returned (退单), re-dispatched, reopened
 * for another claim or closed as a duplicate has no owner's place: it left the officer's hands.
 */
export function ownerSortKey(o: {
  state: WorkOrderState;
  ownerId?: string | null;
  replyBy: string;
  resolvedAt?: string;
  duplicateOf?: string;
  no: string;
}): { list: WoOwnerList; sortKey: string } | undefined {
  if (!o.ownerId) return undefined;
  if (o.state === 'claimed' || o.state === 'in_progress') return { list: 'doing', sortKey: `doing#${o.replyBy}#${o.no}` };
  if ((o.state === 'resolved' || o.state === 'closed') && o.resolvedAt && !o.duplicateOf) return { list: 'done', sortKey: `done#${o.resolvedAt}#${o.no}` };
  return undefined;
}

/** Answered after the reply date (by the business date of the answer), as the dashboards count on-time answers. */
export const answeredLate = (o: { resolvedAt?: string; replyBy: string }): boolean => Boolean(o.resolvedAt && businessDate(new Date(o.resolvedAt)) > o.replyBy);

/** Unclaimed: red once the claim time has passed, yellow in its last two hours. */
export function claimLight(claimBy: string, nowIso: string): Light {
  const left = Date.parse(claimBy) - Date.parse(nowIso);
  if (left < 0) return 'red';
  return left <= 2 * 3600_000 ? 'yellow' : 'green';
}

/** Being handled: red after the reply date, yellow on it and the working day before, green otherwise. */
export function replyLight(replyBy: string, today: string, cal: CalendarData = DEFAULT_CALENDAR): Light {
  if (today > replyBy) return 'red';
  return workingDaysBetween(today, replyBy, cal) <= 1 ? 'yellow' : 'green';
}

/** The light that matters in the order's state; none once answered or closed. */
export function woLight(
  o: { state: WorkOrderState; claimBy: string; replyBy: string },
  nowIso: string,
  today: string,
  cal: CalendarData = DEFAULT_CALENDAR,
): Light | undefined {
  const group = WO_GROUP_OF[o.state];
  if (group === 'todo') return claimLight(o.claimBy, nowIso);
  if (group === 'doing' || group === 'returned') return replyLight(o.replyBy, today, cal);
  return undefined;
}
