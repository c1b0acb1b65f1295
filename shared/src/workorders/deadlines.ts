// Where an order stands for its street's dispatcher, and its traffic light against the claim and reply limits.
import { type CalendarData, DEFAULT_CALENDAR } from '../calendar/data';
import type { Light } from '../calendar/lights';
import { workingDaysBetween } from '../calendar/workdays';
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
