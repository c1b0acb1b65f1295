import { getCalendar, saveCalendar } from '../calendar/repository';
import { route } from '../lib/http';
import { router } from '../lib/router';
import { now } from '../lib/clock';
import { listOutbox } from '../jobs/outbox';

export const handler = router([
  route('GET /v1/calendar', { cacheSeconds: 300 }, () => getCalendar()),
  route('PUT /v1/admin/calendar', async ({ body, session }) => {
    await saveCalendar(body, session.userId, now().toISOString());
    return getCalendar();
  }),
  route('GET /v1/admin/outbox', async ({ query }) => ({ items: await listOutbox(query.date.replace(/-/g, '')) })),
]);
