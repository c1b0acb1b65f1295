import { reply, route } from '../lib/http';
import { idempotencyKey } from '../lib/idempotency';
import { getUser } from '../lib/repository';
import { router } from '../lib/router';
import * as profile from './profile';
import * as ratings from './ratings';
import * as reviews from './reviews';

const CACHE = { cacheSeconds: 30 };
const page = (q: { limit?: number | string; cursor?: string }) => ({ limit: Number(q.limit ?? 20), cursor: q.cursor });

/**
 * 信用 (issue 20): profiles and the merchant credit code (anyone), ratings, the firm's own credit, repairs and objections.
 * The poster (信用码公示牌, a PDF) is served by its own function: posterHandler.ts.
 */
export const handler = router([
  route('GET /v1/credit/firms', CACHE, ({ query }) => profile.searchFirms(query)),
  route('GET /v1/credit/rules', CACHE, async () => profile.rules()),
  route('GET /v1/credit/firms/{creditCode}', CACHE, ({ params }) => profile.profile(params.creditCode)),
  route('GET /v1/credit/firms/{creditCode}/records', CACHE, ({ params, query }) => profile.publicRecords(params.creditCode, query)),
  route('GET /v1/credit/firms/{creditCode}/ratings', CACHE, ({ params, query }) => profile.publicRatings(params.creditCode, query)),
  route('GET /v1/credit/firms/{creditCode}/my-rating', { user: getUser }, ({ user, params }) => ratings.myRating(user, params.creditCode)),
  route('POST /v1/credit/firms/{creditCode}/ratings', { user: getUser }, async ({ user, params, body, event }) => {
    const r = await ratings.rate(user, params.creditCode, body, () => idempotencyKey(event));
    return reply(r.status, r.view);
  }),
  route('GET /v1/credit/mine', { user: getUser }, ({ user }) => profile.ownProfile(user)),
  route('GET /v1/credit/mine/records', { user: getUser }, ({ user, query }) => profile.ownRecords(user, query)),
  route('POST /v1/credit/mine/ratings/{ratingId}/reply', { user: getUser }, ({ user, params, body }) => ratings.reply(user, params.ratingId, body)),
  route('GET /v1/credit/mine/reviews', { user: getUser }, ({ user, query }) => reviews.mine(user, page(query))),
  route('POST /v1/credit/mine/reviews', { user: getUser }, async ({ user, body, event }) => {
    const r = await reviews.file(user, body, idempotencyKey(event));
    return reply(r.status, r.view);
  }),
  route('GET /v1/staff/credit/reviews', { user: getUser }, ({ user, query }) => reviews.queue(user, page(query))),
  route('GET /v1/staff/credit/reviews/{id}', { user: getUser }, ({ user, params }) => reviews.detail(user, params.id)),
  route('POST /v1/staff/credit/reviews/{id}/decision', { user: getUser }, ({ user, params, body }) => reviews.decide(user, params.id, body)),
  route('GET /v1/staff/credit/ratings/held', { user: getUser }, ({ user, query }) => ratings.heldQueue(user, page(query))),
  route('POST /v1/staff/credit/ratings/{creditCode}/{ratingId}/moderate', { user: getUser }, ({ user, params, body }) =>
    ratings.moderate(user, params.creditCode, params.ratingId, body),
  ),
]);
