import { aheadOf, estimateWaitMinutes, type PointSpec, type TicketView } from '@yx/shared';
import { loadCatalog } from '../guide/repository';
import { nowIso } from '../lib/clock';
import type { TicketRecord } from '../lib/entities/appointments';
import * as repo from './repository';

/**
 * A number as its holder sees it: how many are ahead (the area's waiting numbers in calling order), the wait from the
 * day's pace and the windows of the area staffed now. Three more reads while waiting: the queue, the figures, the windows.
 */
export async function ticketView(t: TicketRecord, p: PointSpec | undefined): Promise<TicketView> {
  const area = p?.areas.find((a) => a.prefix === t.prefix);
  const itemName = (await loadCatalog()).items.find((i) => i.id === t.itemId)?.name ?? t.itemId;
  let ahead = 0;
  let waitMinutes = 0;
  if (t.status === 'waiting') {
    const [waiting, figures, windows] = await Promise.all([
      repo.waitingTickets(t.pointId, t.date),
      repo.getFigures(t.pointId, t.date),
      repo.listWindows(t.pointId),
    ]);
    const mine = waiting.some((w) => w.id === t.id) ? waiting : [...waiting, t]; // the index may not show a new number yet
    ahead = aheadOf(t, mine, nowIso());
    const staffed = windows.filter((w) => w.officerId && p?.windows.find((x) => x.no === w.no)?.prefix === t.prefix).length;
    waitMinutes = estimateWaitMinutes(ahead, figures.point, staffed);
  }
  return {
    id: t.id,
    pointId: t.pointId,
    pointName: p?.name ?? t.pointId,
    date: t.date,
    no: t.no,
    prefix: t.prefix,
    areaName: area?.name ?? t.prefix,
    itemName,
    status: t.status,
    booked: Boolean(t.appointmentId),
    ...(t.appointmentId ? { appointmentId: t.appointmentId } : {}),
    ...(t.slotStart && t.slotEnd ? { slot: { start: t.slotStart, end: t.slotEnd } } : {}),
    takenAt: t.takenAt,
    ahead,
    waitMinutes,
    ...(t.windowNo !== undefined ? { windowNo: t.windowNo } : {}),
    ...(t.calledAt ? { calledAt: t.calledAt } : {}),
    ...(t.doneAt ? { doneAt: t.doneAt } : {}),
  };
}
