import { businessDate, streetName, WO_GROUP_NAMES, WO_STATE_NAMES, woLight, type WoGroup, maskFreeText } from '@yx/shared';
import { getCalendar } from '../calendar/repository';
import { now } from '../lib/clock';
import { forbidden } from '../lib/errors';
import type { UserRecord } from '../identity/repository';
import { NO_STREET, streetList, type WorkOrderRecord } from './repository';

/** The street a dispatcher oversees; the district's admin may look at any street (or at orders with none). */
export function streetOf(user: UserRecord, asked?: string): string {
  if (user.role === 'admin') return asked ?? NO_STREET;
  if (!user.street) throw forbidden('您的账号未分配街道');
  return user.street;
}

const nameOf = (street: string) => (street === NO_STREET ? '区级（未定位街道）' : (streetName(street) ?? street));

/** What every officer's list shows of an order: free text masked and cut short (a list is not the case file). */
export const orderBrief = (w: WorkOrderRecord) => ({
  no: w.no,
  category: w.categoryPath,
  description: maskFreeText(w.description).slice(0, 80),
  address: w.place?.address,
  state: w.state,
  stateName: WO_STATE_NAMES[w.state],
  affected: w.affected,
  createdAt: w.createdAt,
  replyBy: w.replyBy,
});

async function rows(items: WorkOrderRecord[]) {
  const cal = await getCalendar();
  const t = now();
  const today = businessDate(t);
  return items.map((w) => ({
    ...orderBrief(w),
    kind: w.kind,
    teamName: w.teamName,
    ownerName: w.ownerName,
    claimBy: w.claimBy,
    light: woLight(w, t.toISOString(), today, cal),
    escalated: Boolean(w.escalatedAt),
    extensionRequested: w.extension?.status === 'requested',
    duplicateOf: w.duplicateOf,
  }));
}

/** 街道调度: one tab of the street's orders (one Query), the most urgent first while open. */
export async function streetOrders(street: string, group: WoGroup, limit: number, cursor?: string) {
  const page = await streetList(street, group, limit, cursor);
  return { street: nameOf(street), group, groupName: WO_GROUP_NAMES[group], items: await rows(page.items), nextCursor: page.nextCursor };
}

/**
 * 督办: what is overdue in the street — unclaimed past the claim time, and handled past the reply date.
 * Two Queries: both are ranges of the street's index (sorted by those deadlines).
 */
export async function streetOverdue(street: string) {
  const t = now();
  const yesterdayEnd = businessDate(t); // reply dates before today are overdue
  const [unclaimed, replies] = await Promise.all([
    streetList(street, 'todo', 100, undefined, t.toISOString()),
    streetList(street, 'doing', 100, undefined, yesterdayEnd),
  ]);
  return { street: nameOf(street), items: await rows(unclaimed.items), replies: await rows(replies.items) };
}
