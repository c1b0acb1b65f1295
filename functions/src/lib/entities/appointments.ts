import * as z from 'zod';
import { APPOINTMENT_PURPOSES, APPOINTMENT_STATUSES, type PointSpec } from '@yx/shared';
import { parseRow, type Item } from './entity';

/**
 * 预约 / 取号 / 叫号 (issue 18).
 * | service point   | POINTS                          | <pointId>            | the spec (areas, windows, hours, capacity); all of them one Query |
 * | slot count      | POINT#<pointId>#SLOTS#<prefix>  | <date>#<start>       | `booked`: places taken (a conditional ADD against the capacity) |
 * | appointment     | USER#<userId>                   | APPT#<id>            | gsi1 APPTDAY#<date> / <start>#<id> while booked (reminders, 爽约) |
 * | one per day     | USER#<userId>                   | APPTDAY#<date>#<item>| the appointment holding it: one booking of an item a day |
 * | standing        | USER#<userId>                   | APPTSTANDING         | the dates of bookings not kept (爽约) |
 * | ticket          | TICKET#<id>                     | TICKET               | gsi1 WAIT#<pointId>#<date> / <prefix>#<seq> while waiting; gsi2 USERTICKET#<userId> / <takenAt> |
 * | one number      | USER#<userId>                   | QNUM#<pointId>#<date>#<prefix> | the ticket a person holds in an area's queue that day |
 * | number sequence | POINT#<pointId>#DAY#<date>      | SEQ#<prefix> / SEQ#CALL | the day's numbers of an area; the screen's call sequence |
 * | call            | POINT#<pointId>#DAY#<date>      | CALL#<seq>           | what the hall screen shows and speaks |
 * | day figures     | POINT#<pointId>#DAY#<date>      | STAT                 | taken, called, served, absent, waitSeconds, serviceSeconds |
 * | window          | POINT#<pointId>                 | WINDOW#<no>          | the officer at it and the number being served |
 * | officer's desk  | USER#<userId>                   | HALLDESK             | the window the officer sits at |
 * | officer's day   | USER#<userId>                   | HALLSTAT#<date>      | served, absent, serviceSeconds |
 */
const pad = (n: number, w: number) => String(n).padStart(w, '0');

export const keys = {
  pointsPk: 'POINTS',
  point: (id: string) => ({ pk: 'POINTS', sk: id }),
  slotsPk: (pointId: string, prefix: string) => `POINT#${pointId}#SLOTS#${prefix}`,
  slot: (pointId: string, prefix: string, date: string, start: string) => ({ pk: `POINT#${pointId}#SLOTS#${prefix}`, sk: `${date}#${start}` }),
  slotOf: (sk: string) => ({ date: sk.slice(0, 10), start: sk.slice(11) }),
  appointment: (userId: string, id: string) => ({ pk: `USER#${userId}`, sk: `APPT#${id}` }),
  appointmentPrefix: 'APPT#',
  openOnDay: (date: string, start: string, id: string) => ({ gsi1pk: `APPTDAY#${date}`, gsi1sk: `${start}#${id}` }),
  openOnDayPk: (date: string) => `APPTDAY#${date}`,
  dayGuard: (userId: string, date: string, itemId: string) => ({ pk: `USER#${userId}`, sk: `APPTDAY#${date}#${itemId}` }),
  standing: (userId: string) => ({ pk: `USER#${userId}`, sk: 'APPTSTANDING' }),
  ticket: (id: string) => ({ pk: `TICKET#${id}`, sk: 'TICKET' }),
  waiting: (pointId: string, date: string, prefix: string, seq: number) => ({ gsi1pk: `WAIT#${pointId}#${date}`, gsi1sk: `${prefix}#${pad(seq, 5)}` }),
  waitingPk: (pointId: string, date: string) => `WAIT#${pointId}#${date}`,
  userTicket: (userId: string, takenAt: string) => ({ gsi2pk: `USERTICKET#${userId}`, gsi2sk: takenAt }),
  userTicketsPk: (userId: string) => `USERTICKET#${userId}`,
  numberGuard: (userId: string, pointId: string, date: string, prefix: string) => ({ pk: `USER#${userId}`, sk: `QNUM#${pointId}#${date}#${prefix}` }),
  sequence: (pointId: string, date: string, name: string) => ({ pk: `POINT#${pointId}#DAY#${date}`, sk: `SEQ#${name}` }),
  call: (pointId: string, date: string, seq: number) => ({ pk: `POINT#${pointId}#DAY#${date}`, sk: `CALL#${pad(seq, 6)}` }),
  callsPk: (pointId: string, date: string) => `POINT#${pointId}#DAY#${date}`,
  callPrefix: 'CALL#',
  dayStat: (pointId: string, date: string) => ({ pk: `POINT#${pointId}#DAY#${date}`, sk: 'STAT' }),
  window: (pointId: string, no: number) => ({ pk: `POINT#${pointId}`, sk: `WINDOW#${pad(no, 2)}` }),
  windowsPk: (pointId: string) => `POINT#${pointId}`,
  windowPrefix: 'WINDOW#',
  desk: (userId: string) => ({ pk: `USER#${userId}`, sk: 'HALLDESK' }),
  officerDay: (userId: string, date: string) => ({ pk: `USER#${userId}`, sk: `HALLSTAT#${date}` }),
};

const Range = z.object({ start: z.string(), end: z.string() });
const PointSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['hall', 'street']),
  streetId: z.string().optional(),
  address: z.string(),
  phone: z.string().optional(),
  lat: z.number(),
  lng: z.number(),
  geofenceMeters: z.number(),
  areas: z.array(z.object({ prefix: z.string(), name: z.string(), itemIds: z.array(z.string()) })),
  windows: z.array(z.object({ no: z.number(), prefix: z.string(), departmentId: z.string(), extended: z.boolean() })),
  hours: z.object({
    workday: z.array(Range),
    weekend: z.array(Range),
    holiday: z.array(Range),
    weekendDays: z.array(z.number()).optional(),
    evening: z.object({ weekdays: z.array(z.number()), range: Range }).optional(),
  }),
  slotMinutes: z.number(),
  capacityPerWindow: z.number(),
});

/** A point as stored: the spec and its version (an admin's save names the version it edited). */
export type StoredPoint = PointSpec & { version: number };
export const ServicePoint = {
  Schema: PointSchema,
  toItem: (p: PointSpec, version = 1): Item => ({ ...keys.point(p.id), entity: 'ServicePoint', ...p, version }),
  fromItem: (item: Item): StoredPoint => ({ ...parseRow(PointSchema, item), version: Number(item.version ?? 1) }),
};

const AppointmentSchema = z.object({
  id: z.string(),
  userId: z.string(),
  pointId: z.string(),
  itemId: z.string(),
  prefix: z.string(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  purpose: z.enum(APPOINTMENT_PURPOSES),
  applicationId: z.string().optional(),
  ticketId: z.string().optional(),
  ticketNo: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** reminders sent: the day before, the hour before */
  remindedDay: z.boolean().optional(),
  remindedHour: z.boolean().optional(),
});
export type AppointmentRecord = z.output<typeof AppointmentSchema>;

export const Appointment = {
  Schema: AppointmentSchema,
  toItem: (a: AppointmentRecord): Item => ({
    ...keys.appointment(a.userId, a.id),
    entity: 'Appointment',
    ...a,
    ...(a.status === 'booked' ? keys.openOnDay(a.date, a.start, a.id) : {}),
  }),
  fromItem: (item: Item): AppointmentRecord => parseRow(AppointmentSchema, item),
};

export const DayGuard = {
  toItem: (userId: string, date: string, itemId: string, appointmentId: string): Item => ({
    ...keys.dayGuard(userId, date, itemId),
    entity: 'AppointmentDayGuard',
    appointmentId,
  }),
};

const StandingSchema = z.object({ noShows: z.array(z.string()) });
export const Standing = {
  Schema: StandingSchema,
  fromItem: (item: Item | undefined) => (item ? parseRow(StandingSchema, { noShows: [], ...item }) : { noShows: [] as string[] }),
};

const TicketSchema = z.object({
  id: z.string(),
  userId: z.string(),
  pointId: z.string(),
  date: z.string(),
  no: z.string(),
  seq: z.number(),
  prefix: z.string(),
  itemId: z.string(),
  appointmentId: z.string().optional(),
  slotStart: z.string().optional(),
  slotEnd: z.string().optional(),
  /** the booked slot's start as an instant: booked arrivals go first once it has begun */
  slotStartsAt: z.string().optional(),
  status: z.enum(['waiting', 'called', 'serving', 'served', 'absent']),
  takenAt: z.string(),
  calledAt: z.string().optional(),
  doneAt: z.string().optional(),
  windowNo: z.number().optional(),
  transferredTo: z.number().optional(),
  recalls: z.number(),
  /** 「前面还有 3 人」 told */
  toldNear: z.boolean().optional(),
});
export type TicketRecord = z.output<typeof TicketSchema>;

export const Ticket = {
  Schema: TicketSchema,
  toItem: (t: TicketRecord): Item => ({
    ...keys.ticket(t.id),
    entity: 'Ticket',
    ...t,
    ...keys.userTicket(t.userId, t.takenAt),
    ...(t.status === 'waiting' ? keys.waiting(t.pointId, t.date, t.prefix, t.seq) : {}),
  }),
  fromItem: (item: Item): TicketRecord => parseRow(TicketSchema, { recalls: 0, ...item }),
};

const CallSchema = z.object({ seq: z.number(), no: z.string(), windowNo: z.number(), at: z.string() });
export type CallRecord = z.output<typeof CallSchema>;
export const Call = {
  Schema: CallSchema,
  toItem: (pointId: string, date: string, c: CallRecord): Item => ({ ...keys.call(pointId, date, c.seq), entity: 'HallCall', ...c }),
  fromItem: (item: Item): CallRecord => parseRow(CallSchema, item),
};

const WindowSchema = z.object({
  no: z.number(),
  officerId: z.string().optional(),
  officerName: z.string().optional(),
  since: z.string().optional(),
  ticketId: z.string().optional(),
  ticketNo: z.string().optional(),
});
export type WindowRecord = z.output<typeof WindowSchema>;
export const HallWindow = {
  Schema: WindowSchema,
  fromItem: (item: Item): WindowRecord => parseRow(WindowSchema, item),
};

const DeskSchema = z.object({ pointId: z.string(), windowNo: z.number(), since: z.string() });
export type DeskRecord = z.output<typeof DeskSchema>;
export const Desk = {
  Schema: DeskSchema,
  toItem: (userId: string, d: DeskRecord): Item => ({ ...keys.desk(userId), entity: 'HallDesk', ...d }),
  fromItem: (item: Item): DeskRecord => parseRow(DeskSchema, item),
};

const DayStatSchema = z.object({
  /** bookings for the day (a move counts on the day it moved to), cancelled, not kept */
  booked: z.number(),
  cancelled: z.number(),
  noShows: z.number(),
  taken: z.number(),
  called: z.number(),
  served: z.number(),
  absent: z.number(),
  waitSeconds: z.number(),
  serviceSeconds: z.number(),
});
export type DayStat = z.output<typeof DayStatSchema>;
export const DayStatRow = {
  Schema: DayStatSchema,
  fromItem: (item: Item | undefined): DayStat =>
    parseRow(DayStatSchema, {
      booked: 0,
      cancelled: 0,
      noShows: 0,
      taken: 0,
      called: 0,
      served: 0,
      absent: 0,
      waitSeconds: 0,
      serviceSeconds: 0,
      ...(item ?? {}),
    }),
};
