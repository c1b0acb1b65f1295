import {
  AppNoParams, DraftBody, DraftParams, ListMineQuery, LookupRequest, RateRequest, SubmitRequest, SupplementRequest,
} from '@yx/shared';
import { badRequest } from '../lib/errors';
import { reply, route, type HttpEvent } from '../lib/http';
import { router } from '../lib/router';
import { getUser } from '../lib/repository';
import { idempotencyKey } from '../lib/idempotency';
import { listLicences } from '../wallet/repository';
import { deleteDraft, saveDraft } from './drafts';
import * as apps from './service';

const APPLICANTS = ['resident', 'enterprise'] as const;


/** The caller's address, for rate limits of anonymous lookups (API Gateway sets sourceIp). */
const clientOf = (event: HttpEvent) => event.requestContext?.http?.sourceIp ?? 'unknown';

export const handler = router({
  'GET /v1/forms/{formId}': route({ auth: [...APPLICANTS], user: getUser, params: DraftParams }, ({ user, params }) => apps.getFormForApplicant(user, params.formId)),
  'PUT /v1/drafts/{formId}': route({ auth: [...APPLICANTS], params: DraftParams, body: DraftBody }, async ({ session, params, body }) => {
    await apps.loadForm(apps.parseFormId(params.formId)); // 404 for a form that does not exist
    return saveDraft(session.userId, params.formId, body);
  }),
  'DELETE /v1/drafts/{formId}': route({ auth: [...APPLICANTS], params: DraftParams }, async ({ session, params }) => {
    await apps.loadForm(apps.parseFormId(params.formId));
    await deleteDraft(session.userId, params.formId);
    return { deleted: true };
  }),
  'POST /v1/applications': route({ auth: [...APPLICANTS], user: getUser, body: SubmitRequest }, async ({ user, body, event }) => {
    const r = await apps.submitApplication(user, idempotencyKey(event), body);
    return reply(r.status, r.receipt);
  }),
  'GET /v1/applications': route({ auth: [...APPLICANTS], query: ListMineQuery }, ({ session, query }) => apps.listMine(session.userId, query)),
  'GET /v1/applications/{appNo}': route({ auth: [...APPLICANTS], params: AppNoParams }, ({ session, params }) => apps.getApplicationDetail(session.userId, params.appNo)),
  'POST /v1/applications/{appNo}/withdraw': route({ auth: [...APPLICANTS], params: AppNoParams }, ({ session, params }) => apps.withdraw(session.userId, params.appNo)),
  'POST /v1/applications/{appNo}/supplement': route({ auth: [...APPLICANTS], params: AppNoParams, body: SupplementRequest }, ({ session, params, body }) => apps.answerSupplement(session.userId, params.appNo, body.answers)),
  'POST /v1/applications/{appNo}/deferred': route({ auth: [...APPLICANTS], params: AppNoParams, body: SupplementRequest }, ({ session, params, body }) => apps.handInDeferred(session.userId, params.appNo, body.answers)),
  'POST /v1/applications/{appNo}/rating': route({ auth: [...APPLICANTS], params: AppNoParams, body: RateRequest }, ({ session, params, body }) => apps.rate(session.userId, params.appNo, body.value, body.comment)),
  'POST /v1/lookup': route({ auth: 'public', body: LookupRequest }, ({ body, event }) => apps.lookup(clientOf(event), body.appNo, body.code)),
  'GET /v1/me/licences': route({ auth: [...APPLICANTS] }, async ({ session }) => ({ items: await listLicences(session.userId) })),
});
