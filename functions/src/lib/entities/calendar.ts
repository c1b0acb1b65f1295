import * as z from 'zod';
import { CalendarData } from '@yx/shared';
import type { Item } from './entity';

/** | working-day calendar | CONFIG | CALENDAR | the admin's holidays and make-up days; absent: the shipped calendar | */
export const keys = { calendar: { pk: 'CONFIG', sk: 'CALENDAR' } };

export const Calendar = {
  Schema: z.object({ calendar: CalendarData }),
  toItem: (cal: CalendarData, by: string, at: string): Item => ({ ...keys.calendar, entity: 'Calendar', calendar: cal, updatedBy: by, updatedAt: at }),
  /** undefined when the row does not fit (the shipped calendar applies then) */
  fromItem: (item: Item): CalendarData | undefined => {
    const r = Calendar.Schema.safeParse(item);
    return r.success ? r.data.calendar : undefined;
  },
};
