import * as z from 'zod';
import { CalendarData } from '@yx/shared';
import { getCalendar, saveCalendar } from '../calendar/repository';
import { route } from '../lib/http';
import { router } from '../lib/router';
import { now } from '../lib/clock';
import { listOutbox } from '../jobs/outbox';

const OutboxQuery = z.strictObject({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期应为 YYYY-MM-DD' }) });

export const handler = router({
  'GET /v1/calendar': route({ auth: 'public', cacheSeconds: 300 }, () => getCalendar()),
  'PUT /v1/admin/calendar': route({ auth: ['admin'], body: CalendarData }, async ({ body, session }) => {
    await saveCalendar(body, session.userId, now().toISOString());
    return getCalendar();
  }),
  'GET /v1/admin/outbox': route({ auth: ['admin'], query: OutboxQuery }, async ({ query }) => ({ items: await listOutbox(query.date.replace(/-/g, '')) })),
});
