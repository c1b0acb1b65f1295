import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_CALENDAR, type CalendarData, type CalendarDraft as DraftRecord } from '@yx/shared';
import { db, queryAll, table, transact, versionedUpdate } from '../lib/db';
import { Calendar, CalendarDraft, keys, type PublishedCalendar } from '../lib/entities/calendar';

/**
 * The working-day calendar is data an admin updates when the State Council publishes the next
 * year's holidays; until a row exists the shipped calendar applies. Cached for 5 minutes.
 * Drafts (one year imported from chinese-days, admin.ts) live beside it and are never read by deadlines.
 */
let cached: { at: number; cal: CalendarData } | undefined;

export async function getCalendar(): Promise<CalendarData> {
  if (cached && Date.now() - cached.at < 5 * 60_000) return cached.cal;
  const cal = (await getPublished()).calendar;
  cached = { at: Date.now(), cal };
  return cal;
}

/** The published row as stored (consistent read, uncached): the shipped calendar at version 0 when there is none. */
export async function getPublished(): Promise<PublishedCalendar> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.calendar, ConsistentRead: true }));
  return (r.Item && Calendar.fromItem(r.Item)) || { calendar: DEFAULT_CALENDAR, version: 0, publications: {} };
}

/** The whole calendar replaced (PUT /v1/admin/calendar): the version moves, so drafts imported before it must be imported again. */
export async function saveCalendar(cal: CalendarData, by: string, at: string): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: table(),
      Key: keys.calendar,
      UpdateExpression: 'SET #entity = :entity, calendar = :cal, updatedBy = :by, updatedAt = :at ADD #version :one',
      ExpressionAttributeNames: { '#entity': 'entity', '#version': 'version' },
      ExpressionAttributeValues: { ':entity': 'Calendar', ':cal': cal, ':by': by, ':at': at, ':one': 1 },
    }),
  );
  cached = undefined;
}

export async function getDraft(year: number): Promise<DraftRecord | undefined> {
  const r = await db().send(new GetCommand({ TableName: table(), Key: keys.calendarDraft(year), ConsistentRead: true }));
  return r.Item ? CalendarDraft.fromItem(r.Item) : undefined;
}

/** Every year's draft (one Query; a handful of rows). */
export async function listDrafts(): Promise<DraftRecord[]> {
  const rows = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.calendarDrafts.pk, ':prefix': keys.calendarDrafts.skPrefix },
  });
  return rows.map(CalendarDraft.fromItem);
}

/**
 * A new import replaces the year's draft, its version one past the draft it replaces (`replacing`: that draft's version,
 * 0 when there was none), only while that one is still there: of two imports at once, one is refused (a condition failure).
 */
export async function putDraft(draft: DraftRecord, replacing: number): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: table(),
      Item: CalendarDraft.toItem(draft),
      ConditionExpression: replacing === 0 ? 'attribute_not_exists(pk)' : '#version = :replacing',
      ...(replacing === 0 ? {} : { ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':replacing': replacing } }),
    }),
  );
}

/**
 * Publishing, in one transaction: the published row replaced only while its version is the one the draft was imported
 * against, and the draft marked published only while it is the version reviewed and still a draft. Two admins publishing
 * at once: one transaction wins, the other is cancelled (a condition failure: the caller's 409).
 */
export async function publishDraft(draft: DraftRecord, next: PublishedCalendar, o: { by: string; at: string }): Promise<void> {
  const base = draft.baseVersion;
  await transact([
    {
      Put: {
        TableName: table(),
        Item: Calendar.toItem(next),
        ConditionExpression: base === 0 ? 'attribute_not_exists(pk) OR attribute_not_exists(#version)' : '#version = :base',
        ExpressionAttributeNames: { '#version': 'version' },
        ...(base === 0 ? {} : { ExpressionAttributeValues: { ':base': base } }),
      },
    },
    versionedUpdate(keys.calendarDraft(draft.year), {
      version: draft.version,
      set: { state: 'published', publishedBy: o.by, publishedAt: o.at },
      states: ['draft'],
    }),
  ]);
  cached = undefined;
}

export const clearCalendarCache = () => {
  cached = undefined;
};
