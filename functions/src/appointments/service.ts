import {
  APPOINTMENT_PURPOSE_NAMES,
  BOOKING_RULES,
  DAY_KIND_NAMES,
  areaOf,
  beforeCutoff,
  beijingInstant,
  bookableDates,
  businessDate,
  dayKind,
  haversineMeters,
  holidayName,
  hoursText,
  minutesUntil,
  noShowRuleText,
  slotsFor,
  standingOf,
  ticketNo,
  type AppointmentView,
  type ArrivalRequest,
  type BookRequest,
  type PointDetail,
  type PointSpec,
  type PointSummary,
  type RescheduleRequest,
  type SlotDays,
  type Standing,
} from '@yx/shared';
import gcoord from 'gcoord';
import { getApplication } from '../applications/repository';
import { getCalendar } from '../calendar/repository';
import { loadCatalog } from '../guide/repository';
import { nowIso } from '../lib/clock';
import { conflict, forbidden, notFound, ruleViolation } from '../lib/errors';
import { hashSecret, randomId } from '../lib/ids';
import { getIdempotency } from '../lib/repository';
import type { AppointmentRecord, TicketRecord } from '../lib/entities/appointments';
import * as repo from './repository';
import { ticketView } from './tickets';

/**
 * 预约 and 签到取号 for residents and firms (issue 18). Booking takes a place with an atomic conditional ADD on the slot's
 * count (two hundred people at the last ten places: ten get them), then writes the booking with its one-a-day guard in a
 * transaction; a booking that does not go through gives its place back.
 */

const today = (at: string) => businessDate(new Date(at));
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function itemNames(): Promise<Map<string, string>> {
  return new Map((await loadCatalog()).items.map((i) => [i.id, i.name]));
}

function summary(p: PointSpec): PointSummary {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    ...(p.streetId ? { streetId: p.streetId } : {}),
    address: p.address,
    ...(p.phone ? { phone: p.phone } : {}),
    hoursText: hoursText(p.hours),
    lat: p.lat,
    lng: p.lng,
    itemCount: p.areas.reduce((n, a) => n + a.itemIds.length, 0),
    weekend: p.hours.weekend.length > 0 && p.windows.some((w) => w.extended),
    evening: Boolean(p.hours.evening) && p.windows.some((w) => w.extended),
  };
}

export async function listPoints(): Promise<{ items: PointSummary[] }> {
  const points = await repo.listPoints();
  return { items: [...points].sort((a, b) => (a.kind === b.kind ? a.id.localeCompare(b.id) : a.kind === 'hall' ? -1 : 1)).map(summary) };
}

export async function pointOr404(id: string): Promise<PointSpec> {
  const p = await repo.getPoint(id);
  if (!p) throw notFound('未找到该办事地点');
  return p;
}

export async function pointDetail(id: string): Promise<PointDetail> {
  const [p, names] = await Promise.all([pointOr404(id), itemNames()]);
  return {
    ...summary(p),
    geofenceMeters: p.geofenceMeters,
    slotMinutes: p.slotMinutes,
    areas: p.areas.map((a) => ({ prefix: a.prefix, name: a.name, items: a.itemIds.filter((i) => names.has(i)).map((i) => ({ id: i, name: names.get(i)! })) })),
    windows: p.windows.map((w) => ({ no: w.no, prefix: w.prefix, extended: w.extended })),
  };
}

export async function standingView(userId: string, at = nowIso()): Promise<Standing> {
  const { noShows } = await repo.getStanding(userId);
  const s = standingOf(noShows, today(at));
  return { noShows: s.recent, ...(s.suspendedUntil ? { suspendedUntil: s.suspendedUntil } : {}), rule: noShowRuleText(BOOKING_RULES.noShow) };
}

/** The slots of the days asked for, with what is left and whether each can still be booked: one Query for the counts. */
export async function slotDays(pointId: string, q: { itemId: string; from?: string; days?: number }, userId?: string): Promise<SlotDays> {
  const at = nowIso();
  const [p, cal, names] = await Promise.all([pointOr404(pointId), getCalendar(), itemNames()]);
  const area = areaOf(p, q.itemId);
  if (!area || !names.has(q.itemId)) throw notFound('该地点不办理这个事项');
  const bookable = new Set(bookableDates(today(at)));
  const from = q.from && q.from > today(at) ? q.from : today(at);
  const dates = Array.from({ length: q.days ?? 7 }, (_, i) => addDays(from, i));
  const counts = await repo.bookedCounts(pointId, area.prefix, dates[0]!, dates[dates.length - 1]!);
  const days = dates.map((date) => {
    const kind = dayKind(date, cal);
    const name = kind === 'holiday' ? holidayName(date) : undefined;
    return {
      date,
      kind,
      ...(name ? { holidayName: name } : {}),
      slots: slotsFor(p, q.itemId, date, cal).map((s) => {
        const left = Math.max(0, s.capacity - (counts.get(`${date}#${s.start}`) ?? 0));
        return { ...s, left, open: left > 0 && bookable.has(date) && beforeCutoff(at, date, s.start) };
      }),
    };
  });
  return { pointId, itemId: q.itemId, itemName: names.get(q.itemId)!, days, ...(userId ? { standing: await standingView(userId, at) } : {}) };
}

function view(a: AppointmentRecord, p: PointSpec | undefined, names: Map<string, string>, at: string): AppointmentView {
  const from = new Date(Date.parse(beijingInstant(a.date, a.start)) - BOOKING_RULES.checkInEarlyMinutes * 60_000).toISOString();
  const until = new Date(Date.parse(beijingInstant(a.date, a.end)) + BOOKING_RULES.lateMinutes * 60_000).toISOString();
  return {
    id: a.id,
    pointId: a.pointId,
    pointName: p?.name ?? a.pointId,
    address: p?.address ?? '',
    itemId: a.itemId,
    itemName: names.get(a.itemId) ?? a.itemId,
    date: a.date,
    start: a.start,
    end: a.end,
    status: a.status,
    purpose: a.purpose,
    ...(a.applicationId ? { applicationId: a.applicationId } : {}),
    ...(a.ticketId ? { ticketId: a.ticketId, ticketNo: a.ticketNo } : {}),
    createdAt: a.createdAt,
    canChange: a.status === 'booked' && beforeCutoff(at, a.date, a.start),
    checkInFrom: from,
    checkInUntil: until,
    checkInOpen: a.status === 'booked' && at >= from && at <= until,
  };
}

async function views(list: AppointmentRecord[], at: string): Promise<AppointmentView[]> {
  const [points, names] = await Promise.all([repo.listPoints(), itemNames()]);
  return list.map((a) =>
    view(
      a,
      points.find((p) => p.id === a.pointId),
      names,
      at,
    ),
  );
}

export async function myAppointments(userId: string) {
  const at = nowIso();
  const [list, standing] = await Promise.all([repo.listAppointments(userId), standingView(userId, at)]);
  // upcoming first (soonest first), then the past (latest first)
  const key = (a: AppointmentRecord) => `${a.date}#${a.start}`;
  const now = `${today(at)}#${beijingClock(at)}`;
  const upcoming = list.filter((a) => a.status === 'booked' && key(a) >= now).sort((a, b) => key(a).localeCompare(key(b)));
  const rest = list.filter((a) => !upcoming.includes(a)).sort((a, b) => key(b).localeCompare(key(a)));
  return { items: await views([...upcoming, ...rest], at), standing, today: today(at) };
}

const beijingClock = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(11, 16);

export async function getMine(userId: string, id: string): Promise<AppointmentView> {
  const a = await repo.getAppointment(userId, id);
  if (!a) throw notFound('未找到该预约');
  return (await views([a], nowIso()))[0]!;
}

/** The slot asked for, checked against the rules: it exists that day, is bookable and before the cut-off. */
async function checkSlot(p: PointSpec, itemId: string, date: string, start: string, at: string) {
  const cal = await getCalendar();
  const area = areaOf(p, itemId);
  if (!area) throw ruleViolation('该地点不办理这个事项，请选择其他地点');
  if (!bookableDates(today(at)).includes(date)) throw ruleViolation(`只能预约今天起 ${BOOKING_RULES.daysAhead} 天内的时段`);
  const slot = slotsFor(p, itemId, date, cal).find((s) => s.start === start);
  if (!slot) {
    const kind = dayKind(date, cal);
    throw ruleViolation(kind === 'workday' ? '该时段不开放预约，请选择列表中的时段' : `${date} 是${DAY_KIND_NAMES[kind]}，${p.name}该事项不开放预约`);
  }
  if (!beforeCutoff(at, date, start)) throw ruleViolation(`开始前 ${BOOKING_RULES.cutoffMinutes} 分钟内不能预约或改约，请选择更晚的时段`);
  return { area, slot };
}

async function checkStanding(userId: string, at: string) {
  const s = await standingView(userId, at);
  if (s.suspendedUntil)
    throw ruleViolation(`您 ${BOOKING_RULES.noShow.withinDays} 天内有 ${s.noShows.length} 次预约未到场，网上预约暂停至 ${s.suspendedUntil}；可到现场取号办理`);
}

const sameDayMessage = (date: string) => `您已预约了 ${date} 办理该事项，同一事项同一天只能预约一个时段；如需更改请改约`;

/** What a twin holding the same key made (it may still be at work: a look every quarter second, up to ten seconds). */
async function twinMade(userId: string, idem: string): Promise<string> {
  for (let i = 0; i < 40; i++) {
    const r = await getIdempotency(userId, idem);
    if (r?.ref) return r.ref;
    if (!r) break; // the twin made nothing and let the key go
    await new Promise((ok) => setTimeout(ok, 250));
  }
  throw conflict('同一操作正在处理，请稍后在「我的预约」中查看结果');
}

/** Runs an action under a client's key: a twin waits for the first's result; a failed action lets the key go. */
async function underKey<T>(userId: string, idem: string, at: string, made: (ref: string) => Promise<T>, act: () => Promise<T>): Promise<T> {
  const earlier = await getIdempotency(userId, idem);
  if (earlier?.ref) return made(earlier.ref);
  if (!(await repo.holdKey(userId, idem, at))) return made(await twinMade(userId, idem));
  try {
    return await act();
  } finally {
    await repo.dropKey(userId, idem); // only when the action recorded nothing under it (e.g. it answered with a number held already)
  }
}

export async function book(userId: string, body: BookRequest, idem: string): Promise<{ status: number; view: AppointmentView }> {
  const at = nowIso();
  return underKey(
    userId,
    idem,
    at,
    async (ref) => ({ status: 200, view: await getMine(userId, ref) }),
    () => bookOnce(userId, body, idem, at),
  );
}

async function bookOnce(userId: string, body: BookRequest, idem: string, at: string): Promise<{ status: number; view: AppointmentView }> {
  const p = await pointOr404(body.pointId);
  const { area, slot } = await checkSlot(p, body.itemId, body.date, body.start, at);
  await checkStanding(userId, at);
  if (body.applicationId) {
    const app = await getApplication(body.applicationId);
    if (!app || app.applicantId !== userId) throw notFound('未找到该办件');
    if (app.itemId !== body.itemId) throw ruleViolation('预约的事项与办件的事项不一致');
  }
  if (!(await repo.takePlace(p.id, area.prefix, body.date, body.start, slot.capacity))) throw conflict('该时段已约满，请选择其他时段');
  const names = await itemNames();
  const a: AppointmentRecord = {
    id: randomId('ap', 12),
    userId,
    pointId: p.id,
    itemId: body.itemId,
    prefix: area.prefix,
    date: body.date,
    start: slot.start,
    end: slot.end,
    status: 'booked',
    purpose: body.purpose ?? (body.applicationId ? 'originals' : 'consult'),
    ...(body.applicationId ? { applicationId: body.applicationId } : {}),
    createdAt: at,
    updatedAt: at,
  };
  const itemName = names.get(a.itemId) ?? a.itemId;
  const saved = await repo.saveNewAppointment(a, {
    idem,
    notice: {
      userId,
      title: '预约成功',
      body: `${p.name} · ${itemName}（${APPOINTMENT_PURPOSE_NAMES[a.purpose]}）${a.date} ${a.start}–${a.end}。请按时到场扫码签到取号，预约号优先叫号；开始前 ${BOOKING_RULES.cutoffMinutes} 分钟内不能改约或取消。`,
      template: 'appointment_booked',
      ...(a.applicationId ? { appNo: a.applicationId } : {}),
    },
  });
  if (!saved) {
    await repo.givePlaceBack(p.id, area.prefix, a.date, a.start);
    throw conflict(sameDayMessage(a.date));
  }
  await repo.addFigures(p.id, a.date, { booked: 1 }); // the admin's figures (outside the transaction: a row every booking of the day touches)
  return { status: 201, view: view(a, p, names, at) };
}

export async function reschedule(userId: string, id: string, body: RescheduleRequest): Promise<AppointmentView> {
  const at = nowIso();
  const a = await repo.getAppointment(userId, id, true);
  if (!a) throw notFound('未找到该预约');
  if (a.status !== 'booked') throw conflict('该预约已取消或已签到，不能改约');
  if (!beforeCutoff(at, a.date, a.start)) throw ruleViolation(`开始前 ${BOOKING_RULES.cutoffMinutes} 分钟内不能改约`);
  if (a.date === body.date && a.start === body.start) return getMine(userId, id);
  const p = await pointOr404(a.pointId);
  const { area, slot } = await checkSlot(p, a.itemId, body.date, body.start, at);
  await checkStanding(userId, at);
  if (!(await repo.takePlace(p.id, area.prefix, body.date, body.start, slot.capacity))) throw conflict('该时段已约满，请选择其他时段');
  const after: AppointmentRecord = {
    ...a,
    prefix: area.prefix,
    date: body.date,
    start: slot.start,
    end: slot.end,
    updatedAt: at,
    remindedDay: undefined,
    remindedHour: undefined,
  };
  delete after.remindedDay;
  delete after.remindedHour;
  const r = await repo.moveAppointment(a, after);
  if (r !== 'ok') {
    await repo.givePlaceBack(p.id, area.prefix, body.date, body.start);
    throw conflict(r === 'changed' ? '预约刚刚有了变化，请刷新后再试' : sameDayMessage(body.date));
  }
  await repo.givePlaceBack(a.pointId, a.prefix, a.date, a.start);
  if (after.date !== a.date) await Promise.all([repo.addFigures(a.pointId, a.date, { booked: -1 }), repo.addFigures(a.pointId, after.date, { booked: 1 })]);
  return (await views([after], at))[0]!;
}

export async function cancel(userId: string, id: string): Promise<AppointmentView> {
  const at = nowIso();
  const a = await repo.getAppointment(userId, id, true);
  if (!a) throw notFound('未找到该预约');
  if (a.status === 'cancelled') return (await views([a], at))[0]!; // a double tap: already done
  if (a.status !== 'booked') throw conflict('该预约已签到或已结束，不能取消');
  if (!beforeCutoff(at, a.date, a.start)) throw ruleViolation(`开始前 ${BOOKING_RULES.cutoffMinutes} 分钟内不能取消；如不能到场，预约时段过后将记为未到场`);
  if (!(await repo.cancelAppointment(a, at))) {
    const now = await repo.getAppointment(userId, id, true);
    if (now?.status === 'cancelled') return (await views([now], at))[0]!;
    throw conflict('预约刚刚有了变化，请刷新后再试');
  }
  await repo.addFigures(a.pointId, a.date, { cancelled: 1 });
  return (await views([{ ...a, status: 'cancelled', updatedAt: at }], at))[0]!;
}

// ---- 签到取号 ------------------------------------------------------------------------------------------------

/** The point's check-in code of a day: in the QR code at the hall's door and on its screen; yesterday's does not work today. */
export const checkInCode = (pointId: string, date: string) =>
  hashSecret(`checkin:${pointId}:${date}`).slice(0, 8).toUpperCase().replace(/0/g, 'Z').replace(/1/g, 'Y');

/** A position in the points' system (GCJ-02): a browser's GPS position (WGS-84) is several hundred metres off otherwise. */
function asGcj02(l: { lat: number; lng: number; system?: 'gcj02' | 'wgs84' }): { lat: number; lng: number } {
  if (l.system !== 'wgs84') return l;
  const [lng, lat] = gcoord.transform([l.lng, l.lat], gcoord.WGS84, gcoord.GCJ02);
  return { lat, lng };
}

function provePresence(p: PointSpec, body: ArrivalRequest, date: string) {
  if (body.code) {
    if (body.code !== checkInCode(p.id, date)) throw forbidden('签到码不正确或已过期，请扫描大厅门口或叫号屏上今天的二维码');
    return;
  }
  const d = Math.round(haversineMeters(asGcj02(body.location!), p));
  if (d > p.geofenceMeters) throw forbidden(`您离${p.name}还有约 ${d} 米，请到大厅内再签到，或扫描大厅的二维码`);
}

export async function arrive(userId: string, pointId: string, body: ArrivalRequest, key: () => string) {
  const at = nowIso();
  await pointOr404(pointId); // an unknown point is a 404 before anything else
  const idem = key();
  return underKey(
    userId,
    idem,
    at,
    (ref) => myTicket(userId, ref),
    () => arriveOnce(userId, pointId, body, idem, at),
  );
}

async function arriveOnce(userId: string, pointId: string, body: ArrivalRequest, idem: string, at: string) {
  const date = today(at);
  const p = await pointOr404(pointId);
  provePresence(p, body, date);
  let appointment: AppointmentRecord | undefined;
  let itemId = body.itemId;
  if (body.appointmentId) {
    appointment = await repo.getAppointment(userId, body.appointmentId, true);
    if (!appointment) throw notFound('未找到该预约');
    if (appointment.ticketId) return myTicket(userId, appointment.ticketId); // already here
    if (appointment.status !== 'booked') throw conflict('该预约已取消或已结束');
    if (appointment.pointId !== p.id) throw ruleViolation(`该预约在${(await repo.getPoint(appointment.pointId))?.name ?? '其他地点'}，请到预约的地点签到`);
    if (appointment.date !== date) throw ruleViolation(`该预约是 ${appointment.date} 的，今天可以取普通号办理`);
    const early = minutesUntil(at, date, appointment.start);
    if (early > BOOKING_RULES.checkInEarlyMinutes)
      throw ruleViolation(`预约时段 ${appointment.start} 开始前 ${BOOKING_RULES.checkInEarlyMinutes} 分钟起可签到，请稍后再来`);
    if (-minutesUntil(at, date, appointment.end) > BOOKING_RULES.lateMinutes)
      throw ruleViolation(`已超过预约时段 ${appointment.start}–${appointment.end}，请取普通号办理`);
    itemId = appointment.itemId;
  }
  const area = areaOf(p, itemId!);
  if (!area) throw ruleViolation('该地点不办理这个事项，请选择其他事项');
  if (!appointment) {
    // a walk-in number only while the item is served today: from half an hour before the first slot to the last one's end
    const slots = slotsFor(p, itemId!, date, await getCalendar());
    const open = slots.length > 0 && minutesUntil(at, date, slots[0]!.start) <= 30 && minutesUntil(at, date, slots[slots.length - 1]!.end) > 0;
    if (!open) throw ruleViolation(`现在不是该事项的办理时间（${hoursText(p.hours)}），请在办理时间内取号`);
  }
  const held = await repo.heldTicketId(userId, p.id, date, area.prefix);
  let replacing: string | undefined;
  if (held) {
    const t = await repo.getTicket(held, true);
    if (t && (t.status === 'waiting' || t.status === 'called')) {
      if (!appointment) return myTicket(userId, t.id); // one live number per queue: the same one again
      throw conflict(`您在${area.name}已有排队号 ${t.no}，请等候叫号`);
    }
    replacing = held;
  }
  const seq = await repo.nextSequence(p.id, date, area.prefix);
  const t: TicketRecord = {
    id: randomId('tk', 12),
    userId,
    pointId: p.id,
    date,
    no: ticketNo(area.prefix, seq),
    seq,
    prefix: area.prefix,
    itemId: itemId!,
    status: 'waiting',
    takenAt: at,
    recalls: 0,
    ...(appointment
      ? {
          appointmentId: appointment.id,
          slotStart: appointment.start,
          slotEnd: appointment.end,
          slotStartsAt: new Date(beijingInstant(date, appointment.start)).toISOString(),
        }
      : {}),
  };
  const r = await repo.saveTicket(t, { replacing, appointment, idem });
  if (r === 'changed') throw conflict('预约刚刚有了变化，请刷新后再试');
  if (r !== 'ok') {
    const now = await repo.heldTicketId(userId, p.id, date, area.prefix);
    if (now) return myTicket(userId, now); // a twin took the number first
    throw conflict('取号没有成功，请再试一次');
  }
  await repo.addFigures(p.id, date, { taken: 1 });
  return ticketView(t, p);
}

/** A person's own ticket; anyone else's does not exist. */
export async function myTicket(userId: string, id: string) {
  const t = await repo.getTicket(id, true);
  if (!t || t.userId !== userId) throw notFound('未找到该排队号');
  return ticketView(t, await repo.getPoint(t.pointId));
}

export async function myTicketsToday(userId: string) {
  const date = today(nowIso());
  const list = (await repo.myTickets(userId)).filter((t) => t.date === date);
  const points = await repo.listPoints();
  return {
    items: await Promise.all(
      list.map((t) =>
        ticketView(
          t,
          points.find((p) => p.id === t.pointId),
        ),
      ),
    ),
  };
}
