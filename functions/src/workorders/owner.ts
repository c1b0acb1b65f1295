import { answeredLate, businessDate, ownerSortKey, STREETS, WO_OWNER_LIST_NAMES, WO_RATING_NAMES, woLight, type WoGroup, type WoOwnerList } from '@yx/shared';
import { getCalendar } from '../calendar/repository';
import { now } from '../lib/clock';
import { log } from '../lib/log';
import type { UserRecord } from '../identity/repository';
import { orderBrief } from './dispatch';
import { listForOwner, NO_STREET, ownerList, streetList } from './repository';

/**
 * 我处理中 / 已办结 (issue 14): the calling officer's own orders, one Query on their partition of gsi2, so nobody
 * else's order can be in it. Handling: the reply light and overdue past the reply date, most urgent first;
 * answered: overdue when answered after the reply date, newest first. A row whose order has just left the
 * officer's hands (the index lags the table by a moment) is left out.
 */
export async function ownerOrders(user: UserRecord, list: WoOwnerList, limit: number, cursor?: string) {
  const page = await ownerList(user.id, list, limit, cursor);
  const cal = await getCalendar();
  const t = now();
  const today = businessDate(t);
  const items = page.items
    .filter((w) => w.ownerId === user.id && ownerSortKey(w)?.list === list)
    .map((w) => ({
      ...orderBrief(w),
      resolvedAt: w.resolvedAt,
      overdue: list === 'doing' ? today > w.replyBy : answeredLate(w),
      light: list === 'doing' ? woLight(w, t.toISOString(), today, cal) : undefined,
      extensionRequested: w.extension?.status === 'requested',
      reopened: w.reopened,
      rating: w.rating ? WO_RATING_NAMES[w.rating as keyof typeof WO_RATING_NAMES] : undefined,
    }));
  return { list, listName: WO_OWNER_LIST_NAMES[list], items, nextCursor: page.nextCursor };
}

/**
 * Once, after deploying the owner's lists: orders claimed before have no place in them (the claim removed their
 * gsi2 key). Street by street, the orders being handled and those answered and waiting for a rating (the street
 * index's `doing` and `answered` tabs, page by page: no Scan) get their owner's place; closed ones are history and
 * are left out (docs/DATA.md). Safe to run again: a row that has a place, or changed meanwhile, is skipped.
 */
export async function backfillOwnerLists(): Promise<{ listed: string[]; skipped: number }> {
  const listed: string[] = [];
  let skipped = 0;
  for (const street of [...STREETS.map((s) => s.id), NO_STREET])
    for (const group of ['doing', 'answered'] as WoGroup[]) {
      let cursor: string | undefined;
      do {
        const page = await streetList(street, group, 100, cursor);
        for (const w of page.items) {
          if (await listForOwner(w)) listed.push(w.no);
          else skipped++;
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }
  log.info('owner lists backfilled', { listed: listed.length, skipped });
  return { listed, skipped };
}
