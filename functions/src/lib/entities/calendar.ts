import * as z from 'zod';
import { CalendarData, CalendarDraft as DraftSchema, type CalendarDraft as DraftRecord } from '@yx/shared';
import { parseRow, type Item } from './entity';

/**
 * | working-day calendar | CONFIG | CALENDAR | the published holidays and make-up days; absent: the shipped calendar |
 * | calendar draft       | CONFIG | CALENDARDRAFT#<year> | one year imported from chinese-days, waiting to be reviewed and published |
 */
export const keys = {
  calendar: { pk: 'CONFIG', sk: 'CALENDAR' },
  calendarDraft: (year: number) => ({ pk: 'CONFIG', sk: `CALENDARDRAFT#${year}` }),
  /** every year's draft: one Query of the CONFIG partition by this sort-key prefix */
  calendarDrafts: { pk: 'CONFIG', skPrefix: 'CALENDARDRAFT#' },
};

/** Who published a year from an import, and when (kept on the published row, by year). */
const Publication = z.object({ by: z.string(), at: z.string(), draftVersion: z.number().int() });

/** The published row: the calendar, its version (moved by every write; absent on rows written before issue 16: 0), who wrote it last. */
const PublishedSchema = z.object({
  calendar: CalendarData,
  version: z.number().int().default(0),
  updatedBy: z.string().optional(),
  updatedAt: z.string().optional(),
  publications: z.record(z.string(), Publication).default({}),
});
export type PublishedCalendar = z.output<typeof PublishedSchema>;

export const Calendar = {
  Schema: PublishedSchema,
  toItem: (r: PublishedCalendar): Item => ({ ...keys.calendar, entity: 'Calendar', ...r }),
  /** undefined when the row does not fit (the shipped calendar applies then) */
  fromItem: (item: Item): PublishedCalendar | undefined => {
    const r = PublishedSchema.safeParse(item);
    return r.success ? r.data : undefined;
  },
};

export const CalendarDraft = {
  Schema: DraftSchema,
  toItem: (d: DraftRecord): Item => ({ ...keys.calendarDraft(d.year), entity: 'CalendarDraft', ...d }),
  fromItem: (item: Item): DraftRecord => parseRow(DraftSchema, item),
};
