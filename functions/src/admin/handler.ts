import { getCalendar, saveCalendar } from '../calendar/repository';
import { adminOverview, draftView, importDraft, publish } from '../calendar/admin';
import { reply, route } from '../lib/http';
import { router } from '../lib/router';
import { getUser } from '../lib/repository';
import { now } from '../lib/clock';
import { listOutbox } from '../jobs/outbox';
import * as catalogue from '../guide/catalogueAdmin';

export const handler = router([
  route('GET /v1/calendar', { cacheSeconds: 300 }, () => getCalendar()),
  route('PUT /v1/admin/calendar', { user: getUser }, async ({ body, session }) => {
    await saveCalendar(body, session.userId, now().toISOString());
    return getCalendar();
  }),
  // issue 16: a year imported from chinese-days into a draft, reviewed (the diff), then published
  route('GET /v1/admin/calendar', { user: getUser }, () => adminOverview()),
  route('POST /v1/admin/calendar/drafts', { user: getUser }, async ({ body, session }) =>
    reply(201, await importDraft(body.year, session.userId, now().toISOString())),
  ),
  route('GET /v1/admin/calendar/drafts/{year}', { user: getUser }, ({ params }) => draftView(params.year)),
  route('POST /v1/admin/calendar/publish', { user: getUser }, ({ body, session }) => publish(body.year, body.version, session.userId, now().toISOString())),
  // issue 16: the service catalogue as versioned data
  route('GET /v1/admin/catalogue/items', { user: getUser }, ({ query }) => catalogue.listCatalogue(query)),
  route('POST /v1/admin/catalogue/items', { user: getUser }, async ({ body, user }) => reply(201, await catalogue.createItem(body, user, now().toISOString()))),
  route('GET /v1/admin/catalogue/items/{id}', { user: getUser }, ({ params }) => catalogue.catalogueItemView(params.id)),
  route('POST /v1/admin/catalogue/items/{id}/versions', { user: getUser }, ({ params, body, user }) =>
    catalogue.saveVersion(params.id, body, user, now().toISOString()),
  ),
  route('GET /v1/admin/catalogue/items/{id}/versions/{version}', { user: getUser }, ({ params }) => catalogue.versionView(params.id, params.version)),
  route('GET /v1/admin/outbox', { user: getUser }, async ({ query }) => ({ items: await listOutbox(query.date.replace(/-/g, '')) })),
]);
