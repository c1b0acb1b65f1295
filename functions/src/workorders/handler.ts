import { reply, route } from '../lib/http';
import { router } from '../lib/router';
import { withinCreationLimit } from '../lib/clientLimits';
import { getUser } from '../lib/repository';
import { idempotencyKey } from '../lib/idempotency';
import * as wo from './service';
import { streetOf, streetOrders, streetOverdue } from './dispatch';
import { decideExtension, markDuplicate, requestExtension } from './extras';
import { supplement } from './supplement';
import { ownerOrders } from './owner';

export const handler = router([
  route('POST /v1/workorders', { user: getUser }, async ({ user, body, event }) => {
    const r = await withinCreationLimit(
      'workorders',
      user.id,
      () => wo.fileWorkOrder(user, idempotencyKey(event), body),
      (x) => x.status === 201,
    );
    return reply(r.status, r.view);
  }),
  route('GET /v1/workorders/mine', ({ session, query }) => wo.mine(session.userId, query.limit, query.cursor)),
  route('GET /v1/workorders/nearby', ({ session, query }) => wo.nearby(session.userId, query.categoryId, query.lat, query.lng)),
  route('POST /v1/workorders/{no}/me-too', ({ session, params, body }) => wo.meToo(session.userId, params.no, body.followToken)),
  route('GET /v1/workorders/{no}', { user: getUser }, async ({ user, params }) => {
    // the filer (or a follower) sees their own view; handlers the staff view
    if (['resident', 'enterprise'].includes(user.role)) return wo.filerView(user.id, params.no);
    try {
      return await wo.staffView(user, params.no);
    } catch (e) {
      if (user.role === 'grid') return wo.filerView(user.id, params.no);
      throw e;
    }
  }),
  route('POST /v1/workorders/{no}/rating', ({ session, params, body }) => wo.rate(session.userId, params.no, body.value, body.comment)),
  route('POST /v1/workorders/{no}/extension', { user: getUser }, ({ user, params, body }) => requestExtension(user, params.no, body.days, body.reason)),
  route('POST /v1/workorders/{no}/extension-decision', { user: getUser }, ({ user, params, body }) =>
    decideExtension(user, params.no, body.approve, body.note),
  ),
  route('POST /v1/workorders/{no}/duplicate', { user: getUser }, ({ user, params, body }) => markDuplicate(user, params.no, body.originalNo)),
  route('GET /v1/street/workorders', { user: getUser }, ({ user, query }) =>
    streetOrders(streetOf(user, query.street), query.group, query.limit, query.cursor),
  ),
  route('GET /v1/street/workorders/overdue', { user: getUser }, ({ user, query }) => streetOverdue(streetOf(user, query.street))),
  route('POST /v1/workorders/{no}/notes', { user: getUser }, ({ user, params, body, event }) =>
    wo.addNote(user, params.no, body.note, body.photoIds, () => idempotencyKey(event)),
  ),
  route('POST /v1/workorders/{no}/supplement', { user: getUser }, ({ user, params, body, event }) =>
    supplement(user, params.no, body.note, () => idempotencyKey(event)),
  ),
  route('GET /v1/workorders/{no}/photos', { user: getUser }, ({ user, params }) => wo.photos(user, params.no)),
  route('GET /v1/team/workorders', { user: getUser }, ({ user }) => wo.teamList(user)),
  route('GET /v1/team/workorders/mine', { user: getUser }, ({ user, query }) => ownerOrders(user, query.list, query.limit, query.cursor)),
  // one route for every action: the body was checked by the action's own schema (the contract's actionBodies)
  route('POST /v1/workorders/{no}/{action}', { user: getUser }, ({ user, params, body }) => wo.act(user, params.no, params.action, body)),
]);
