import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PointSpec } from '@yx/shared';
import { db, isConditionFailure, queryAll, readAll, table, transact } from '../lib/db';
import {
  Appointment,
  Call,
  DayGuard,
  DayStatRow,
  Desk,
  HallWindow,
  keys,
  ServicePoint,
  Standing,
  Ticket,
  type AppointmentRecord,
  type CallRecord,
  type DayStat,
  type DeskRecord,
  type StoredPoint,
  type TicketRecord,
  type WindowRecord,
} from '../lib/entities/appointments';
import { keys as idemKeys } from '../lib/entities/idempotency';
import { ttlAfter } from '../lib/entities/entity';
import { noticeItems, tell, type Notice } from '../messages/repository';

/**
 * The store of 预约 / 取号 / 叫号 (issue 18). Every request here costs a few calls by key or one Query of one partition:
 * a point's slot counts, a person's bookings, a point-day's waiting numbers, a point's windows.
 */

// ---- points -------------------------------------------------------------------------------------------

const POINTS_CACHE_MS = 60_000;
let pointsCache: { at: number; points: StoredPoint[] } | undefined;

/** All service points (about 20) with their versions: one Query, kept a minute in the container. */
export async function listPoints(): Promise<StoredPoint[]> {
  if (pointsCache && Date.now() - pointsCache.at < POINTS_CACHE_MS) return pointsCache.points;
  const rows = await queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.pointsPk } });
  pointsCache = { at: Date.now(), points: rows.map(ServicePoint.fromItem) };
  return pointsCache.points;
}
export const clearPointsCache = () => {
  pointsCache = undefined;
};

export async function getPoint(id: string): Promise<PointSpec | undefined> {
  return (await listPoints()).find((p) => p.id === id);
}

export async function putPoints(points: PointSpec[]): Promise<void> {
  for (const p of points) await db().send(new PutCommand({ TableName: table(), Item: ServicePoint.toItem(p) }));
  clearPointsCache();
}

/** An admin's save: only over the version edited (0: a new point). False: someone saved meanwhile (or it exists). */
export async function savePoint(p: PointSpec, expectedVersion: number): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: ServicePoint.toItem(p, expectedVersion + 1),
        ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
        ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':v': expectedVersion } }),
      }),
    );
    clearPointsCache();
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** A point read now (not from the container's minute), for the admin. */
export async function getPointNow(id: string): Promise<StoredPoint | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.point(id), ConsistentRead: true }));
  return r.Item ? ServicePoint.fromItem(r.Item) : undefined;
}

/** A point's figures of some days: one BatchGetItem (up to 60 days). */
export async function dayFigures(pointId: string, dates: string[]): Promise<DayStat[]> {
  const { days } = await readAll({
    days: dates.map((d) => ({ key: keys.dayStat(pointId, d), parse: (i: Record<string, unknown>) => DayStatRow.fromItem(i) })),
  });
  return days.map((d) => d ?? DayStatRow.fromItem(undefined));
}

// ---- slots ----------------------------------------------------------------------------------------------

/** Places taken per slot of an area, dates from..to: one Query. Keys are `<date>#<start>`. */
export async function bookedCounts(pointId: string, prefix: string, from: string, to: string): Promise<Map<string, number>> {
  const rows = await queryAll({
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :a AND :b',
    ExpressionAttributeValues: { ':pk': keys.slotsPk(pointId, prefix), ':a': from, ':b': `${to}~` },
  });
  return new Map(rows.map((r) => [String(r.sk), Number(r.booked ?? 0)]));
}

/** Takes a place in a slot if one is left: an atomic ADD that holds only below the capacity. False when full. */
export async function takePlace(pointId: string, prefix: string, date: string, start: string, capacity: number): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.slot(pointId, prefix, date, start),
        UpdateExpression: 'ADD booked :one',
        ConditionExpression: 'attribute_not_exists(booked) OR booked < :cap',
        ExpressionAttributeValues: { ':one': 1, ':cap': capacity },
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** Gives a place back (a booking that did not go through, a cancellation, a move). */
export async function givePlaceBack(pointId: string, prefix: string, date: string, start: string): Promise<void> {
  await db()
    .send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.slot(pointId, prefix, date, start),
        UpdateExpression: 'ADD booked :minus',
        ConditionExpression: 'booked > :zero',
        ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
      }),
    )
    .catch((e: unknown) => {
      if (!isConditionFailure(e)) throw e;
    });
}

// ---- a double tap ------------------------------------------------------------------------------------------

/**
 * Holds a client's key for one booking or number before anything is taken: of two taps at once, one holds it and the
 * other waits for what the first made (even when the first took the last place). False: a twin holds it.
 */
export async function holdKey(userId: string, key: string, at: string): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: { ...idemKeys.idempotency(userId, key), entity: 'Idempotency', at, pending: true, ttl: ttlAfter(at, 7) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** Lets a key go when its action made nothing (a retry with it may try again). */
export async function dropKey(userId: string, key: string): Promise<void> {
  await db()
    .send(
      new DeleteCommand({
        TableName: table(),
        Key: idemKeys.idempotency(userId, key),
        ConditionExpression: 'attribute_not_exists(#ref)',
        ExpressionAttributeNames: { '#ref': 'ref' },
      }),
    )
    .catch((e: unknown) => {
      if (!isConditionFailure(e)) throw e;
    });
}

/** What the held key made, written in the action's transaction. */
const keyMade = (userId: string, key: string, ref: string) => ({
  Update: {
    TableName: table(),
    Key: idemKeys.idempotency(userId, key),
    UpdateExpression: 'SET #ref = :ref REMOVE pending',
    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#ref)',
    ExpressionAttributeNames: { '#ref': 'ref' },
    ExpressionAttributeValues: { ':ref': ref },
  },
});

// ---- appointments ---------------------------------------------------------------------------------------

export async function getAppointment(userId: string, id: string, consistent = false): Promise<AppointmentRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.appointment(userId, id), ConsistentRead: consistent }));
  return r.Item ? Appointment.fromItem(r.Item) : undefined;
}

/** A person's bookings (newest first; a person books a few a year). */
export async function listAppointments(userId: string, max = 100): Promise<AppointmentRecord[]> {
  const r = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': keys.appointment(userId, '').pk, ':p': keys.appointmentPrefix },
      ScanIndexForward: false,
      Limit: max,
    }),
  );
  return (r.Items ?? []).map(Appointment.fromItem);
}

/** The booking, its one-a-day guard, the idempotency record and the notice, all or none. False: the guard or the key is held. */
export async function saveNewAppointment(a: AppointmentRecord, o: { idem?: string; notice: Notice }): Promise<boolean> {
  try {
    await transact([
      { Put: { TableName: table(), Item: DayGuard.toItem(a.userId, a.date, a.itemId, a.id), ConditionExpression: 'attribute_not_exists(pk)' } },
      { Put: { TableName: table(), Item: Appointment.toItem(a), ConditionExpression: 'attribute_not_exists(pk)' } },
      ...(o.idem ? [keyMade(a.userId, o.idem, a.id)] : []),
      ...noticeItems(o.notice, a.createdAt),
    ]);
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** Moves a booking to another slot (and day): the guard follows the day. Holds only while it is booked as read. */
export async function moveAppointment(before: AppointmentRecord, after: AppointmentRecord): Promise<'ok' | 'taken' | 'changed'> {
  const sameDay = before.date === after.date;
  try {
    await transact([
      {
        Put: {
          TableName: table(),
          Item: Appointment.toItem(after),
          ConditionExpression: '#s = :booked AND updatedAt = :u',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':booked': 'booked', ':u': before.updatedAt },
        },
      },
      ...(sameDay
        ? []
        : [
            {
              Delete: {
                TableName: table(),
                Key: keys.dayGuard(before.userId, before.date, before.itemId),
                ConditionExpression: 'appointmentId = :id',
                ExpressionAttributeValues: { ':id': before.id },
              },
            },
            {
              Put: {
                TableName: table(),
                Item: DayGuard.toItem(after.userId, after.date, after.itemId, after.id),
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ]),
    ]);
    return 'ok';
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    const reasons = (e as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
    return reasons[0]?.Code === 'ConditionalCheckFailed' ? 'changed' : 'taken';
  }
}

/** Cancels a booking: the status, the guard and the place in the slot, all or none; only while booked as read. */
export async function cancelAppointment(a: AppointmentRecord, at: string): Promise<boolean> {
  try {
    await transact([
      {
        Put: {
          TableName: table(),
          Item: Appointment.toItem({ ...a, status: 'cancelled', updatedAt: at }),
          ConditionExpression: '#s = :booked AND updatedAt = :u',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':booked': 'booked', ':u': a.updatedAt },
        },
      },
      {
        Delete: {
          TableName: table(),
          Key: keys.dayGuard(a.userId, a.date, a.itemId),
          ConditionExpression: 'appointmentId = :id',
          ExpressionAttributeValues: { ':id': a.id },
        },
      },
      {
        Update: {
          TableName: table(),
          Key: keys.slot(a.pointId, a.prefix, a.date, a.start),
          UpdateExpression: 'ADD booked :minus',
          ConditionExpression: 'booked > :zero',
          ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
        },
      },
    ]);
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** A person's standing: the dates of bookings not kept. */
export async function getStanding(userId: string): Promise<{ noShows: string[] }> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.standing(userId) }));
  return Standing.fromItem(r.Item);
}

/** Open bookings of a day (a sparse index: only while booked), for reminders and 爽约. */
export async function openBookingsOn(date: string): Promise<AppointmentRecord[]> {
  const rows = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.openOnDayPk(date) },
  });
  return rows.map(Appointment.fromItem);
}

/** Marks a reminder sent, once (a second sweep finds it set); the notice in the same transaction. */
export async function markReminded(a: AppointmentRecord, which: 'remindedDay' | 'remindedHour', notice: Notice, at: string): Promise<boolean> {
  try {
    await transact([
      {
        Update: {
          TableName: table(),
          Key: keys.appointment(a.userId, a.id),
          UpdateExpression: 'SET #w = :t',
          ConditionExpression: '#s = :booked AND attribute_not_exists(#w)',
          ExpressionAttributeNames: { '#w': which, '#s': 'status' },
          ExpressionAttributeValues: { ':t': true, ':booked': 'booked' },
        },
      },
      ...noticeItems(notice, at),
    ]);
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** 爽约: the booking marked and the date added to the person's standing, once. */
export async function markNoShow(a: AppointmentRecord, at: string): Promise<boolean> {
  try {
    await transact([
      {
        Put: {
          TableName: table(),
          Item: Appointment.toItem({ ...a, status: 'no-show', updatedAt: at }),
          ConditionExpression: '#s = :booked',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':booked': 'booked' },
        },
      },
      {
        Update: {
          TableName: table(),
          Key: keys.standing(a.userId),
          UpdateExpression: 'SET noShows = list_append(if_not_exists(noShows, :none), :d), entity = :e',
          ExpressionAttributeValues: { ':none': [], ':d': [a.date], ':e': 'AppointmentStanding' },
        },
      },
    ]);
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

// ---- tickets ----------------------------------------------------------------------------------------------

/** The next number of an area's queue at a point that day (an atomic counter, outside any transaction). */
export async function nextSequence(pointId: string, date: string, name: string): Promise<number> {
  const r = await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.sequence(pointId, date, name),
      UpdateExpression: 'ADD n :one',
      ExpressionAttributeValues: { ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(r.Attributes?.n);
}

export async function getTicket(id: string, consistent = false): Promise<TicketRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.ticket(id), ConsistentRead: consistent }));
  return r.Item ? Ticket.fromItem(r.Item) : undefined;
}

/** The ticket a person holds in an area's queue that day, if any. */
export async function heldTicketId(userId: string, pointId: string, date: string, prefix: string): Promise<string | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.numberGuard(userId, pointId, date, prefix), ConsistentRead: true }));
  return r.Item ? String(r.Item.ticketId) : undefined;
}

/**
 * A new ticket: the ticket, the person's hold on the area's queue (replacing one that is finished: `replacing`), the
 * booking checked in when it comes from one, the idempotency record. 'changed': the booking moved on; 'held': the
 * person holds another number (or a twin's key won).
 */
export async function saveTicket(
  t: TicketRecord,
  o: { replacing?: string; appointment?: AppointmentRecord; idem?: string },
): Promise<'ok' | 'held' | 'changed'> {
  const guard = keys.numberGuard(t.userId, t.pointId, t.date, t.prefix);
  const items: unknown[] = [
    { Put: { TableName: table(), Item: Ticket.toItem(t), ConditionExpression: 'attribute_not_exists(pk)' } },
    {
      Put: {
        TableName: table(),
        Item: { ...guard, entity: 'TicketHold', ticketId: t.id },
        ConditionExpression: o.replacing ? 'ticketId = :old' : 'attribute_not_exists(pk)',
        ...(o.replacing ? { ExpressionAttributeValues: { ':old': o.replacing } } : {}),
      },
    },
  ];
  if (o.appointment)
    items.push({
      Put: {
        TableName: table(),
        Item: Appointment.toItem({ ...o.appointment, status: 'checked-in', ticketId: t.id, ticketNo: t.no, updatedAt: t.takenAt }),
        ConditionExpression: '#s = :booked',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':booked': 'booked' },
      },
    });
  if (o.idem) items.push(keyMade(t.userId, o.idem, t.id));
  try {
    await transact(items);
    return 'ok';
  } catch (e) {
    if (!isConditionFailure(e)) throw e;
    const reasons = (e as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
    const failed = (i: number) => reasons[i]?.Code === 'ConditionalCheckFailed';
    if (o.appointment && failed(2)) return 'changed';
    return 'held';
  }
}

/** The waiting numbers of a point that day (all areas; a sparse index, so only those waiting): one Query. */
export async function waitingTickets(pointId: string, date: string): Promise<TicketRecord[]> {
  const rows = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.waitingPk(pointId, date) },
  });
  return rows.map(Ticket.fromItem);
}

/** A person's tickets, newest first. */
export async function myTickets(userId: string, limit = 10): Promise<TicketRecord[]> {
  const r = await db().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.userTicketsPk(userId) },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (r.Items ?? []).map(Ticket.fromItem);
}

/** Writes a ticket's next state only while it is in `from` (two officers calling at once: one wins). */
export async function changeTicket(before: TicketRecord, after: TicketRecord, from: TicketRecord['status']): Promise<boolean> {
  try {
    await db().send(
      new PutCommand({
        TableName: table(),
        Item: Ticket.toItem(after),
        ConditionExpression: '#s = :from AND recalls = :r',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':from': from, ':r': before.recalls },
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** Marks 「前面还有 3 人」 told, once. */
export async function markToldNear(t: TicketRecord): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.ticket(t.id),
        UpdateExpression: 'SET toldNear = :t',
        ConditionExpression: '#s = :w AND attribute_not_exists(toldNear)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':t': true, ':w': 'waiting' },
      }),
    );
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** The booking a served ticket came from, marked served. */
export async function markAppointmentServed(userId: string, id: string, at: string): Promise<void> {
  await db()
    .send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.appointment(userId, id),
        UpdateExpression: 'SET #s = :served, updatedAt = :at',
        ConditionExpression: '#s = :in',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':served': 'served', ':in': 'checked-in', ':at': at },
      }),
    )
    .catch((e: unknown) => {
      if (!isConditionFailure(e)) throw e;
    });
}

// ---- calls (the screen) ------------------------------------------------------------------------------------

export async function addCall(pointId: string, date: string, c: Omit<CallRecord, 'seq'>): Promise<CallRecord> {
  const seq = await nextSequence(pointId, date, 'CALL');
  const call = { ...c, seq };
  await db().send(new PutCommand({ TableName: table(), Item: Call.toItem(pointId, date, call) }));
  return call;
}

export async function recentCalls(pointId: string, date: string, limit = 7): Promise<CallRecord[]> {
  const r = await db().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': keys.callsPk(pointId, date), ':p': keys.callPrefix },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (r.Items ?? []).map(Call.fromItem);
}

// ---- windows and desks ---------------------------------------------------------------------------------------

export async function listWindows(pointId: string): Promise<WindowRecord[]> {
  const rows = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': keys.windowsPk(pointId), ':p': keys.windowPrefix },
  });
  return rows.map(HallWindow.fromItem);
}

export async function getDesk(userId: string): Promise<DeskRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.desk(userId), ConsistentRead: true }));
  return r.Item ? Desk.fromItem(r.Item) : undefined;
}

export async function getWindow(pointId: string, no: number): Promise<WindowRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.window(pointId, no), ConsistentRead: true }));
  return r.Item ? HallWindow.fromItem(r.Item) : undefined;
}

/** Sits an officer at a window, if nobody else sits there (leaving the window they sat at). False: taken. */
export async function sitAt(userId: string, name: string, pointId: string, no: number, at: string, leaving?: DeskRecord): Promise<boolean> {
  const items: unknown[] = [
    {
      Update: {
        TableName: table(),
        Key: keys.window(pointId, no),
        UpdateExpression: 'SET #no = :no, officerId = :u, officerName = :n, since = :at, entity = :e',
        ConditionExpression: 'attribute_not_exists(officerId) OR officerId = :u',
        ExpressionAttributeNames: { '#no': 'no' },
        ExpressionAttributeValues: { ':no': no, ':u': userId, ':n': name, ':at': at, ':e': 'HallWindow' },
      },
    },
    { Put: { TableName: table(), Item: Desk.toItem(userId, { pointId, windowNo: no, since: at }) } },
  ];
  if (leaving && !(leaving.pointId === pointId && leaving.windowNo === no))
    items.push({
      Update: {
        TableName: table(),
        Key: keys.window(leaving.pointId, leaving.windowNo),
        UpdateExpression: 'REMOVE officerId, officerName, since',
        ConditionExpression: 'officerId = :u AND attribute_not_exists(ticketId)',
        ExpressionAttributeValues: { ':u': userId },
      },
    });
  try {
    await transact(items);
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** Leaves the window: only with no number in hand. */
export async function leaveWindow(userId: string, desk: DeskRecord): Promise<boolean> {
  try {
    await transact([
      {
        Update: {
          TableName: table(),
          Key: keys.window(desk.pointId, desk.windowNo),
          UpdateExpression: 'REMOVE officerId, officerName, since',
          ConditionExpression: 'officerId = :u AND attribute_not_exists(ticketId)',
          ExpressionAttributeValues: { ':u': userId },
        },
      },
      { Delete: { TableName: table(), Key: keys.desk(userId) } },
    ]);
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** The number in hand at a window (set when called, removed when done); only by the officer sitting there. */
export async function setWindowTicket(userId: string, pointId: string, no: number, ticket?: { id: string; no: string }): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.window(pointId, no),
      UpdateExpression: ticket ? 'SET ticketId = :t, ticketNo = :n' : 'REMOVE ticketId, ticketNo',
      ConditionExpression: 'officerId = :u',
      ExpressionAttributeValues: { ':u': userId, ...(ticket ? { ':t': ticket.id, ':n': ticket.no } : {}) },
    }),
  );
}

// ---- figures ------------------------------------------------------------------------------------------------

/** Adds to a point's day figures and, when given, the officer's (ADDs outside any transaction: rows many requests touch). */
export async function addFigures(pointId: string, date: string, add: Partial<DayStat>, officer?: { userId: string; add: Partial<DayStat> }): Promise<void> {
  const update = async (key: { pk: string; sk: string }, a: Partial<DayStat>) => {
    const entries = Object.entries(a).filter(([, v]) => v);
    if (!entries.length) return;
    await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: key,
        UpdateExpression: `ADD ${entries.map((_, i) => `#f${i} :v${i}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(entries.map(([k], i) => [`#f${i}`, k])),
        ExpressionAttributeValues: Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])),
      }),
    );
  };
  await Promise.all([update(keys.dayStat(pointId, date), add), officer ? update(keys.officerDay(officer.userId, date), officer.add) : undefined]);
}

/** An officer's own figures of a day. */
export async function officerFigures(userId: string, date: string): Promise<DayStat> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.officerDay(userId, date) }));
  return DayStatRow.fromItem(r.Item);
}

export async function getFigures(pointId: string, date: string, officerId?: string): Promise<{ point: DayStat; officer?: DayStat }> {
  const [p, o] = await Promise.all([
    db().send(new GetCommand({ TableName: table(), Key: keys.dayStat(pointId, date) })),
    officerId ? db().send(new GetCommand({ TableName: table(), Key: keys.officerDay(officerId, date) })) : undefined,
  ]);
  return { point: DayStatRow.fromItem(p.Item), ...(officerId ? { officer: DayStatRow.fromItem(o?.Item) } : {}) };
}

export { tell };
/** For tests: removes a desk row (an officer's state between tests). */
export const deleteDesk = (userId: string) => db().send(new DeleteCommand({ TableName: table(), Key: keys.desk(userId) }));
