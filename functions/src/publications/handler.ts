import { reply, route } from '../lib/http';
import { idempotencyKey } from '../lib/idempotency';
import { router } from '../lib/router';
import { getUser } from '../lib/repository';
import { search } from './search';
import * as publications from './service';

const CACHE = { cacheSeconds: 30 };

/** 政务公开 (issue 19): browsing, search and detail (anyone), a person's subscriptions, and the department's desk. */
export const handler = router([
  route('GET /v1/publications', CACHE, ({ query }) => publications.list(query)),
  route('GET /v1/publications/search', CACHE, ({ query }) => search(query)),
  route('GET /v1/publications/{id}', CACHE, ({ params }) => publications.detail(params.id)),
  route('GET /v1/me/publication-subscriptions', ({ session }) => publications.subscriptions(session.userId)),
  route('PUT /v1/me/publication-subscriptions', ({ session, body }) => publications.setSubscribed(session.userId, body.category, body.subscribed)),
  route('GET /v1/staff/publications', { user: getUser }, ({ user, query }) => publications.staffList(user, query)),
  route('POST /v1/staff/publications', { user: getUser }, async ({ user, body, event }) => {
    const r = await publications.publish(user, body, idempotencyKey(event));
    return reply(r.status, r.view);
  }),
  route('PUT /v1/staff/publications/{id}', { user: getUser }, ({ user, params, body }) => publications.edit(user, params.id, body)),
  route('POST /v1/staff/publications/{id}/withdraw', { user: getUser }, ({ user, params, body }) => publications.withdraw(user, params.id, body)),
  route('GET /v1/staff/publications/{id}/versions', { user: getUser }, ({ user, params }) => publications.history(user, params.id)),
]);
