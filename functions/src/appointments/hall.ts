import {
  BOOKING_RULES,
  businessDate,
  callOrder,
  callText,
  type CheckInCode,
  type DeskView,
  type PointSpec,
  type ScreenView,
  type StaffPointList,
  type WindowSpec,
} from '@yx/shared';
import { loadCatalog } from '../guide/repository';
import { nowIso } from '../lib/clock';
import { conflict, forbidden, notFound } from '../lib/errors';
import type { UserRecord } from '../lib/entities/identity';
import type { DeskRecord, TicketRecord, WindowRecord } from '../lib/entities/appointments';
import * as repo from './repository';
import { checkInCode, pointOr404 } from './service';

/**
 * 叫号 (issue 18): an officer sits at a window of their department (a street's centre: the street's staff), calls the
 * next number of the window's area (two windows calling at once never get the same person: the ticket changes only
 * while it is still waiting), recalls, marks served or absent, transfers; the hall screen reads the calls.
 */

const today = (at: string) => businessDate(new Date(at));
const seconds = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

/** Who may sit at a window: its department's staff; a street centre's windows, the street's staff. */
export const mayStaff = (user: Pick<UserRecord, 'role' | 'departmentId' | 'street'>, p: PointSpec, w: WindowSpec) =>
  user.role === 'staff' && (w.departmentId === 'street' ? Boolean(p.streetId) && user.street === p.streetId : w.departmentId === user.departmentId);

export async function staffPoints(user: UserRecord): Promise<StaffPointList> {
  const points = (await repo.listPoints()).filter((p) => p.windows.some((w) => mayStaff(user, p, w)));
  const items = await Promise.all(
    points.map(async (p) => {
      const sitting = await repo.listWindows(p.id);
      return {
        id: p.id,
        name: p.name,
        windows: p.windows
          .filter((w) => mayStaff(user, p, w))
          .map((w) => {
            const at = sitting.find((s) => s.no === w.no);
            const other = at?.officerId && at.officerId !== user.id ? at.officerName : undefined;
            return {
              no: w.no,
              prefix: w.prefix,
              areaName: p.areas.find((a) => a.prefix === w.prefix)?.name ?? w.prefix,
              mine: at?.officerId === user.id,
              ...(other ? { officer: other } : {}),
            };
          }),
      };
    }),
  );
  return { items };
}

export async function signIn(user: UserRecord, pointId: string, no: number): Promise<DeskView> {
  const p = await pointOr404(pointId);
  const w = p.windows.find((x) => x.no === no);
  if (!w) throw notFound('未找到该窗口');
  if (!mayStaff(user, p, w)) throw forbidden('该窗口由其他部门值守，您不能在此叫号');
  const desk = await repo.getDesk(user.id);
  if (desk && !(desk.pointId === pointId && desk.windowNo === no)) {
    const was = await repo.getWindow(desk.pointId, desk.windowNo);
    if (was?.ticketId && was.officerId === user.id) throw conflict(`请先办结或过号 ${desk.windowNo} 号窗口的 ${was.ticketNo}`);
  }
  if (!(await repo.sitAt(user.id, user.nickname, pointId, no, nowIso(), desk))) {
    const taken = await repo.getWindow(pointId, no);
    throw conflict(`${no} 号窗口已有${taken?.officerName ?? '其他工作人员'}在岗`);
  }
  return deskView(user);
}

/** The officer's desk and its window; a 409 when the officer sits at none. */
async function myDesk(user: UserRecord): Promise<{ desk: DeskRecord; p: PointSpec; w: WindowSpec; window: WindowRecord }> {
  const desk = await repo.getDesk(user.id);
  if (!desk) throw conflict('请先到窗口签到');
  const [p, window] = await Promise.all([pointOr404(desk.pointId), repo.getWindow(desk.pointId, desk.windowNo)]);
  const w = p.windows.find((x) => x.no === desk.windowNo);
  if (!w || window?.officerId !== user.id || !mayStaff(user, p, w)) {
    await repo.deleteDesk(user.id);
    throw conflict('您已不在该窗口，请重新签到');
  }
  return { desk, p, w, window };
}

export async function deskView(user: UserRecord): Promise<DeskView> {
  const at = nowIso();
  const date = today(at);
  const desk = await repo.getDesk(user.id);
  if (!desk) {
    return {
      waiting: [],
      waitingCount: 0,
      windows: [],
      figures: { mine: mine(await repo.officerFigures(user.id, date)), point: { taken: 0, served: 0, waiting: 0 } },
    };
  }
  const { p, w, window } = await myDesk(user);
  const [waiting, windows, figures, current, catalog] = await Promise.all([
    repo.waitingTickets(p.id, date),
    repo.listWindows(p.id),
    repo.getFigures(p.id, date, user.id),
    window.ticketId ? repo.getTicket(window.ticketId, true) : undefined,
    loadCatalog(),
  ]);
  const order = callOrder(waiting, at, w);
  const f = figures.point;
  return {
    window: {
      pointId: p.id,
      pointName: p.name,
      no: w.no,
      prefix: w.prefix,
      areaName: p.areas.find((a) => a.prefix === w.prefix)?.name ?? w.prefix,
      since: desk.since,
    },
    ...(current
      ? {
          current: {
            id: current.id,
            no: current.no,
            itemName: catalog.items.find((i) => i.id === current.itemId)?.name ?? current.itemId,
            booked: Boolean(current.appointmentId),
            status: current.status,
            ...(current.calledAt ? { calledAt: current.calledAt } : {}),
            recalls: current.recalls,
          },
        }
      : {}),
    waiting: order.slice(0, 20).map((t) => ({ no: t.no, booked: Boolean(t.appointmentId), takenAt: t.takenAt })),
    waitingCount: order.length,
    windows: p.windows.filter((x) => x.no !== w.no).map((x) => ({ no: x.no, prefix: x.prefix, open: Boolean(windows.find((s) => s.no === x.no)?.officerId) })),
    figures: {
      mine: mine(figures.officer!),
      point: {
        taken: f.taken,
        served: f.served,
        waiting: waiting.length,
        ...(f.called ? { avgWaitMinutes: Math.round(f.waitSeconds / f.called / 6) / 10 } : {}),
      },
    },
  };
}

const mine = (o: { served: number; absent: number; serviceSeconds: number }) => ({
  served: o.served,
  absent: o.absent,
  ...(o.served ? { avgServiceMinutes: Math.round(o.serviceSeconds / o.served / 6) / 10 } : {}),
});

/** 叫下一位: the first of the window's order that is still waiting when we change it. */
export async function callNext(user: UserRecord): Promise<DeskView> {
  const { p, w, window } = await myDesk(user);
  if (window.ticketId) throw conflict(`请先办结或过号当前的 ${window.ticketNo}`);
  const at = nowIso();
  const date = today(at);
  const waiting = await repo.waitingTickets(p.id, date);
  const order = callOrder(waiting, at, w);
  let called: TicketRecord | undefined;
  for (const c of order.slice(0, 8)) {
    const next: TicketRecord = { ...c, status: 'called', windowNo: w.no, calledAt: at };
    delete next.transferredTo;
    if (await repo.changeTicket(c, next, 'waiting')) {
      called = next;
      break;
    }
  }
  if (!called) return deskView(user); // nobody waiting (or all taken by other windows at this moment)
  await repo.setWindowTicket(user.id, p.id, w.no, called);
  await announce(p, called, w.no, at);
  await repo.addFigures(p.id, date, { called: 1, waitSeconds: seconds(called.takenAt, at) });
  await tellNear(
    p,
    order.filter((t) => t.id !== called!.id),
    at,
  );
  return deskView(user);
}

/** The screen's line and the person's message: 「请 A012 号到 3 号窗口」. */
async function announce(p: PointSpec, t: TicketRecord, windowNo: number, at: string) {
  await repo.addCall(p.id, t.date, { no: t.no, windowNo, at });
  await repo.tell(
    [
      {
        userId: t.userId,
        title: `请到 ${windowNo} 号窗口`,
        body: `${callText(t.no, windowNo)}办理（${p.name}）。过号请到窗口说明。`,
        template: 'queue_called',
      },
    ],
    at,
  );
}

/** 「前面还有 3 人」: the number that now has that many ahead in this window's order, once. */
async function tellNear(p: PointSpec, rest: TicketRecord[], at: string) {
  const t = rest[BOOKING_RULES.nearAhead];
  if (!t || t.toldNear) return;
  if (await repo.markToldNear(t))
    await repo.tell(
      [
        {
          userId: t.userId,
          title: `前面还有 ${BOOKING_RULES.nearAhead} 人`,
          body: `您的排队号 ${t.no}（${p.name}）前面还有 ${BOOKING_RULES.nearAhead} 人，请留意叫号。`,
          template: 'queue_near',
        },
      ],
      at,
    );
}

async function inHand(user: UserRecord) {
  const d = await myDesk(user);
  if (!d.window.ticketId) throw conflict('当前没有正在办理的号');
  const t = await repo.getTicket(d.window.ticketId, true);
  if (!t) throw conflict('当前没有正在办理的号');
  return { ...d, t };
}

export async function recall(user: UserRecord): Promise<DeskView> {
  const { p, w, t } = await inHand(user);
  const at = nowIso();
  if (!(await repo.changeTicket(t, { ...t, recalls: t.recalls + 1 }, 'called'))) throw conflict('该号刚刚有了变化，请刷新');
  await announce(p, t, w.no, at);
  return deskView(user);
}

async function finish(user: UserRecord, outcome: 'served' | 'absent'): Promise<DeskView> {
  const { p, w, t } = await inHand(user);
  const at = nowIso();
  if (!(await repo.changeTicket(t, { ...t, status: outcome, doneAt: at }, 'called'))) throw conflict('该号刚刚有了变化，请刷新');
  await repo.setWindowTicket(user.id, p.id, w.no);
  const service = t.calledAt ? seconds(t.calledAt, at) : 0;
  const add = outcome === 'served' ? { served: 1, serviceSeconds: service } : { absent: 1 };
  await repo.addFigures(p.id, t.date, add, { userId: user.id, add });
  if (outcome === 'served' && t.appointmentId) await repo.markAppointmentServed(t.userId, t.appointmentId, at);
  return deskView(user);
}
export const markServed = (user: UserRecord) => finish(user, 'served');
export const markAbsent = (user: UserRecord) => finish(user, 'absent');

/** 转窗口: back to waiting, first in line at the other window. */
export async function transfer(user: UserRecord, toWindow: number): Promise<DeskView> {
  const { p, w, t } = await inHand(user);
  if (toWindow === w.no) throw conflict('不能转到本窗口');
  if (!p.windows.some((x) => x.no === toWindow)) throw notFound('未找到要转到的窗口');
  const next: TicketRecord = { ...t, status: 'waiting', transferredTo: toWindow };
  delete next.windowNo;
  delete next.calledAt;
  if (!(await repo.changeTicket(t, next, 'called'))) throw conflict('该号刚刚有了变化，请刷新');
  await repo.setWindowTicket(user.id, p.id, w.no);
  return deskView(user);
}

export async function signOut(user: UserRecord): Promise<DeskView> {
  const desk = await repo.getDesk(user.id);
  if (!desk) return deskView(user);
  const window = await repo.getWindow(desk.pointId, desk.windowNo);
  if (window?.ticketId && window.officerId === user.id) throw conflict(`请先办结或过号当前的 ${window.ticketNo}`);
  if (!(await repo.leaveWindow(user.id, desk))) await repo.deleteDesk(user.id); // someone else sits there now: just forget the desk
  return deskView(user);
}

/** The hall screen: numbers and windows only. Three reads. */
export async function screen(pointId: string): Promise<ScreenView> {
  const at = nowIso();
  const date = today(at);
  const p = await pointOr404(pointId);
  const [calls, windows, waiting] = await Promise.all([repo.recentCalls(p.id, date), repo.listWindows(p.id), repo.waitingTickets(p.id, date)]);
  return {
    pointId: p.id,
    pointName: p.name,
    date,
    calls: calls.map((c) => ({ ...c, text: callText(c.no, c.windowNo) })),
    windows: p.windows.map((w) => {
      const s = windows.find((x) => x.no === w.no);
      return { no: w.no, prefix: w.prefix, open: Boolean(s?.officerId), ...(s?.ticketNo ? { current: s.ticketNo } : {}) };
    }),
    waiting: p.areas.map((a) => ({ prefix: a.prefix, name: a.name, count: waiting.filter((t) => t.prefix === a.prefix).length })),
    at,
  };
}

/** Today's check-in code, for the officers of the point (to print or show on the screen) and the admin. */
export async function checkInCodeFor(user: UserRecord, pointId: string): Promise<CheckInCode> {
  const p = await pointOr404(pointId);
  if (user.role !== 'admin' && !p.windows.some((w) => mayStaff(user, p, w))) throw notFound('未找到该办事地点');
  const date = today(nowIso());
  const code = checkInCode(p.id, date);
  return { pointId: p.id, date, code, path: `/packages/appointment/arrive/index?pointId=${p.id}&code=${code}` };
}
