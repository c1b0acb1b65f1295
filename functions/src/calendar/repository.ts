import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_CALENDAR, type CalendarData } from '@yx/shared';
import { db, table } from '../lib/db';
import { Calendar, keys } from '../lib/entities/calendar';

/**
 * The working-day calendar is data an admin updates when the State Council publishes the next
 * year's holidays; until a row exists the shipped calendar applies. Cached for 5 minutes.
 */
let cached: { at: number; cal: CalendarData } | undefined;

export async function getCalendar(): Promise<CalendarData> {
  if (cached && Date.now() - cached.at < 5 * 60_000) return cached.cal;
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.calendar }));
  const cal = (r.Item && Calendar.fromItem(r.Item)) || DEFAULT_CALENDAR;
  cached = { at: Date.now(), cal };
  return cal;
}

export async function saveCalendar(cal: CalendarData, by: string, at: string): Promise<void> {
  await db().send(new PutCommand({ TableName: table(), Item: Calendar.toItem(cal, by, at) }));
  cached = undefined;
}

export const clearCalendarCache = () => {
  cached = undefined;
};
