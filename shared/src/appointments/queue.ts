/**
 * 取号 / 叫号 (issue 18): numbers, the order they are called in, how many are ahead and the wait, as pure functions.
 * - A number is the area's prefix and the day's sequence: A012.
 * - Booked arrivals are called before walk-ins once their slot has begun (within their slot); before it, they wait
 *   like a walk-in who came at that moment. Among equals, the earlier number first.
 */

export type TicketStatus = 'waiting' | 'called' | 'serving' | 'served' | 'absent';
export const TICKET_STATUS_NAMES: Record<TicketStatus, string> = {
  waiting: '等候中',
  called: '请到窗口',
  serving: '办理中',
  served: '已办结',
  absent: '过号',
};

export const ticketNo = (prefix: string, n: number) => `${prefix}${String(n).padStart(3, '0')}`;

/** What the order needs of a waiting ticket. */
export interface QueuedTicket {
  no: string;
  seq: number;
  prefix: string;
  takenAt: string;
  /** the booked slot's start (ISO), for a booked arrival */
  slotStartsAt?: string;
  /** moved here from another window: called before the rest */
  transferredTo?: number;
}

/** Sorting key: transferred to this window, then booked whose slot has begun (by slot), then the rest by number. */
function rank(t: QueuedTicket, nowIso: string, windowNo?: number): [number, string, number] {
  if (windowNo !== undefined && t.transferredTo === windowNo) return [0, t.takenAt, t.seq];
  if (t.slotStartsAt && t.slotStartsAt <= nowIso) return [1, t.slotStartsAt, t.seq];
  return [2, '', t.seq];
}

/** The waiting tickets a window would call, in order (only its area's; a ticket moved to another window is not its). */
export function callOrder<T extends QueuedTicket>(waiting: T[], nowIso: string, window?: { no: number; prefix: string }): T[] {
  const mine = waiting.filter((t) => (window ? t.prefix === window.prefix && (t.transferredTo === undefined || t.transferredTo === window.no) : true));
  return mine
    .map((t) => ({ t, k: rank(t, nowIso, window?.no) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1].localeCompare(b.k[1]) || a.k[2] - b.k[2])
    .map((x) => x.t);
}

/** How many of the area's waiting tickets come before this one. */
export function aheadOf(ticket: QueuedTicket, waiting: QueuedTicket[], nowIso: string): number {
  const order = callOrder(
    waiting.filter((t) => t.prefix === ticket.prefix),
    nowIso,
  );
  const i = order.findIndex((t) => t.no === ticket.no);
  return i < 0 ? 0 : i;
}

/** The minutes one person takes at a window before the day has its own figure. */
export const DEFAULT_SERVICE_MINUTES = 8;

/**
 * The estimated wait in minutes: the day's pace (average minutes a person spent at a window today, or the default)
 * times those ahead, shared among the area's windows open now (at least one).
 */
export function estimateWaitMinutes(ahead: number, pace: { served: number; serviceSeconds: number }, openWindows: number): number {
  const perPerson = pace.served > 0 ? pace.serviceSeconds / pace.served / 60 : DEFAULT_SERVICE_MINUTES;
  return Math.ceil((ahead * perPerson) / Math.max(1, openWindows));
}

/** The spoken call and the screen's line: 「请 A012 号到 3 号窗口」. */
export const callText = (no: string, windowNo: number) => `请 ${no} 号到 ${windowNo} 号窗口`;
