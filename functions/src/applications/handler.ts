import { reply, route, type HttpEvent } from '../lib/http';
import { router } from '../lib/router';
import { getUser } from '../lib/repository';
import { idempotencyKey } from '../lib/idempotency';
import { listLicences } from '../wallet/repository';
import { deleteDraft, saveDraft } from './drafts';
import * as apps from './service';

/** The caller's address, for rate limits of anonymous lookups (API Gateway sets sourceIp). */
const clientOf = (event: HttpEvent) => event.requestContext?.http?.sourceIp ?? 'unknown';

// Every route loads the caller: a firm's agent whose grant was revoked, or an account disabled, is refused on the next
// request (the session version), not when the session expires.
export const handler = router([
  route('GET /v1/forms/{formId}', { user: getUser }, ({ user, params }) => apps.getFormForApplicant(user, params.formId)),
  route('PUT /v1/drafts/{formId}', { user: getUser }, async ({ session, params, body }) => {
    await apps.loadForm(apps.parseFormId(params.formId)); // 404 for a form that does not exist
    return saveDraft(session.userId, params.formId, body);
  }),
  route('DELETE /v1/drafts/{formId}', { user: getUser }, async ({ session, params }) => {
    await apps.loadForm(apps.parseFormId(params.formId));
    await deleteDraft(session.userId, params.formId);
    return { deleted: true };
  }),
  route('POST /v1/applications', { user: getUser }, async ({ user, body, event }) => {
    const r = await apps.submitApplication(user, idempotencyKey(event), body);
    return reply(r.status, r.receipt);
  }),
  route('GET /v1/applications', { user: getUser }, ({ session, query }) => apps.listMine(session.userId, query)),
  route('GET /v1/applications/{appNo}', { user: getUser }, ({ session, params }) => apps.getApplicationDetail(session.userId, params.appNo)),
  route('POST /v1/applications/{appNo}/withdraw', { user: getUser }, ({ session, params }) => apps.withdraw(session.userId, params.appNo)),
  route('POST /v1/applications/{appNo}/supplement', { user: getUser }, ({ session, params, body }) =>
    apps.answerSupplement(session.userId, params.appNo, body.answers),
  ),
  route('POST /v1/applications/{appNo}/deferred', { user: getUser }, ({ session, params, body }) =>
    apps.handInDeferred(session.userId, params.appNo, body.answers),
  ),
  route('POST /v1/applications/{appNo}/rating', { user: getUser }, ({ session, params, body }) =>
    apps.rate(session.userId, params.appNo, body.value, body.comment),
  ),
  route('POST /v1/lookup', ({ body, event }) => apps.lookup(clientOf(event), body.appNo, body.code)),
  route('GET /v1/me/licences', { user: getUser }, async ({ session }) => ({ items: await listLicences(session.userId) })),
]);
