import { getCalendar, saveCalendar } from '../calendar/repository';
import { route } from '../lib/http';
import { router } from '../lib/router';
import { getUser } from '../lib/repository';
import { now } from '../lib/clock';
import { listOutbox } from '../jobs/outbox';

export const handler = router([
  route('GET /v1/calendar', { cacheSeconds: 300 }, () => getCalendar()),
  route('PUT /v1/admin/calendar', { user: getUser }, async ({ body, session }) => {
    await saveCalendar(body, session.userId, now().toISOString());
    return getCalendar();
  }),
  route('GET /v1/admin/outbox', { user: getUser }, async ({ query }) => ({ items: await listOutbox(query.date.replace(/-/g, '')) })),
]);
