import { reply, route } from '../lib/http';
import { router } from '../lib/router';
import { getUser } from '../lib/repository';
import { idempotencyKey } from '../lib/idempotency';
import { verifySession } from '../lib/session';
import * as admin from './admin';
import * as hall from './hall';
import * as appointments from './service';

/** 预约 / 取号 / 叫号 (issue 18): the points and slots (anyone), bookings and numbers (residents, firms), the window desk (staff), the hall screen. */
export const handler = router([
  route('GET /v1/service-points', { cacheSeconds: 60 }, () => appointments.listPoints()),
  route('GET /v1/service-points/{pointId}', ({ params }) => appointments.pointDetail(params.pointId)),
  route('GET /v1/service-points/{pointId}/slots', async ({ params, query, event }) => {
    // public; a signed-in person also gets their standing (爽约) with the slots
    const auth = event.headers?.authorization ?? event.headers?.Authorization;
    const userId = auth
      ? await verifySession(auth).then(
          (s) => s.userId,
          () => undefined,
        )
      : undefined;
    return appointments.slotDays(params.pointId, query, userId);
  }),
  route('GET /v1/service-points/{pointId}/screen', ({ params }) => hall.screen(params.pointId)),
  route('POST /v1/service-points/{pointId}/arrivals', ({ session, params, body, event }) =>
    appointments.arrive(session.userId, params.pointId, body, () => idempotencyKey(event)),
  ),
  route('GET /v1/appointments', ({ session }) => appointments.myAppointments(session.userId)),
  route('POST /v1/appointments', async ({ session, body, event }) => {
    const r = await appointments.book(session.userId, body, idempotencyKey(event));
    return reply(r.status, r.view);
  }),
  route('GET /v1/appointments/{id}', ({ session, params }) => appointments.getMine(session.userId, params.id)),
  route('POST /v1/appointments/{id}/reschedule', ({ session, params, body }) => appointments.reschedule(session.userId, params.id, body)),
  route('POST /v1/appointments/{id}/cancel', ({ session, params }) => appointments.cancel(session.userId, params.id)),
  route('GET /v1/tickets', ({ session }) => appointments.myTicketsToday(session.userId)),
  route('GET /v1/tickets/{id}', ({ session, params }) => appointments.myTicket(session.userId, params.id)),
  route('GET /v1/staff/hall/points', { user: getUser }, ({ user }) => hall.staffPoints(user)),
  route('GET /v1/staff/hall/points/{pointId}/check-in-code', { user: getUser }, ({ user, params }) => hall.checkInCodeFor(user, params.pointId)),
  route('POST /v1/staff/hall/windows/{pointId}/{windowNo}/sign-in', { user: getUser }, ({ user, params }) =>
    hall.signIn(user, params.pointId, params.windowNo),
  ),
  route('GET /v1/staff/hall/desk', { user: getUser }, ({ user }) => hall.deskView(user)),
  route('POST /v1/staff/hall/desk/next', { user: getUser }, ({ user }) => hall.callNext(user)),
  route('POST /v1/staff/hall/desk/recall', { user: getUser }, ({ user }) => hall.recall(user)),
  route('POST /v1/staff/hall/desk/served', { user: getUser }, ({ user }) => hall.markServed(user)),
  route('POST /v1/staff/hall/desk/absent', { user: getUser }, ({ user }) => hall.markAbsent(user)),
  route('POST /v1/staff/hall/desk/transfer', { user: getUser }, ({ user, body }) => hall.transfer(user, body.toWindow)),
  route('POST /v1/staff/hall/desk/sign-out', { user: getUser }, ({ user }) => hall.signOut(user)),
  route('GET /v1/admin/service-points', { user: getUser }, () => admin.listForAdmin()),
  route('PUT /v1/admin/service-points/{pointId}', { user: getUser }, ({ params, body }) => admin.savePoint(params.pointId, body)),
  route('GET /v1/admin/service-points/{pointId}/stats', { user: getUser }, ({ params, query }) => admin.pointStats(params.pointId, query.days)),
]);
