import { reply, route, type HttpEvent } from '../lib/http';
import { router } from '../lib/router';
import { withinCreationLimit } from '../lib/clientLimits';
import { getUser } from '../lib/repository';
import { idempotencyKey } from '../lib/idempotency';
import { listLicenceUses, listLicences } from '../wallet/repository';
import { deleteDraft, saveDraft } from './drafts';
import * as apps from './service';
import { actingFor } from '../identity/acting';
import { badRequest, forbidden } from '../lib/errors';
import { verifySession } from '../lib/session';
import type { UserRecord } from '../identity/repository';

/**
 * Whom the lookup's failure budget belongs to: a person signed in with WeChat is counted as themselves (no lockout
 * by others on the same address); anyone else by their address.
 */
async function lookupClient(event: HttpEvent): Promise<string> {
  const authorization = event.headers?.authorization ?? event.headers?.Authorization;
  if (authorization) {
    const s = await verifySession(authorization).catch(() => undefined);
    if (s) return `user:${s.userId}`;
  }
  return clientOf(event);
}

/** The firm whose applications the caller may list: theirs as its legal representative. */
function legalRepFirm(user: UserRecord): string {
  if (user.firmRole !== 'legal' || !user.enterpriseCode) throw forbidden('只有企业法定代表人可以查看企业全部办件');
  return user.enterpriseCode;
}

/** The caller's address, for rate limits of anonymous lookups (API Gateway sets sourceIp). */
const clientOf = (event: HttpEvent) => event.requestContext?.http?.sourceIp ?? 'unknown';

// Every route loads the caller: a firm's agent whose grant was revoked, or an account disabled, is refused on the next
// request (the session version), not when the session expires.
export const handler = router([
  route('GET /v1/forms/{formId}', { user: getUser }, async ({ user, params, query }) => {
    const { owner } = await actingFor(user, query.for);
    return apps.getFormForApplicant(owner, params.formId, query.policyItemId);
  }),
  route('PUT /v1/drafts/{formId}', { user: getUser }, async ({ user, params, query, body }) => {
    const { owner } = await actingFor(user, query.for);
    const target = await apps.loadForm(apps.parseFormId(params.formId)); // 404 for a form that does not exist
    // a draft holds the form's own fields only (its values are bounded JSON by the contract)
    const fields = new Set(target.form.fields.map((f) => f.key));
    if (Object.keys(body.answers).some((k) => !fields.has(k))) throw badRequest('草稿中有本表单没有的填写项，请刷新页面后重试');
    return saveDraft(owner.id, params.formId, body);
  }),
  route('DELETE /v1/drafts/{formId}', { user: getUser }, async ({ user, params, query }) => {
    const { owner } = await actingFor(user, query.for);
    await apps.loadForm(apps.parseFormId(params.formId));
    await deleteDraft(owner.id, params.formId);
    return { deleted: true };
  }),
  route('POST /v1/applications', { user: getUser }, async ({ user, body, query, event }) => {
    const items = body.itemId ? [body.itemId] : [`bundle:${body.bundleId}`]; // a grant of chosen items does not cover a bundle
    const { owner, relative } = await actingFor(user, query.for, items);
    const r = await withinCreationLimit(
      'applications',
      user.id,
      () => apps.submitApplication(owner, idempotencyKey(event), body, relative),
      (x) => x.status === 201,
    );
    return reply(r.status, r.receipt);
  }),
  route('GET /v1/applications', { user: getUser }, async ({ user, query: { for: principal, scope, ...q } }) => {
    const { owner } = await actingFor(user, principal);
    return apps.listMine(owner.id, q, scope === 'firm' ? legalRepFirm(owner) : undefined);
  }),
  route('GET /v1/applications/{appNo}', { user: getUser }, async ({ user, params, query }) => {
    const { owner } = await actingFor(user, query.for);
    return apps.getApplicationDetail(owner.id, params.appNo, owner.firmRole === 'legal' ? owner.enterpriseCode : undefined);
  }),
  route('POST /v1/applications/{appNo}/withdraw', { user: getUser }, async ({ user, params, query }) => {
    const { owner, relative } = await actingFor(user, query.for);
    return apps.withdraw(owner.id, params.appNo, relative?.actor);
  }),
  route('POST /v1/applications/{appNo}/supplement', { user: getUser }, async ({ user, params, query, body }) => {
    const { owner, relative } = await actingFor(user, query.for);
    return apps.answerSupplement(owner.id, params.appNo, body.answers, relative);
  }),
  route('PUT /v1/applications/{appNo}/delivery', { user: getUser }, async ({ user, params, query, body }) => {
    const { owner, relative } = await actingFor(user, query.for);
    return apps.chooseDelivery(owner.id, params.appNo, body, relative?.actor);
  }),
  route('POST /v1/applications/{appNo}/deferred', { user: getUser }, ({ session, params, body }) =>
    apps.handInDeferred(session.userId, params.appNo, body.answers),
  ),
  route('POST /v1/applications/{appNo}/rating', { user: getUser }, async ({ user, params, query, body }) => {
    const { owner, relative } = await actingFor(user, query.for);
    return apps.rate(owner.id, params.appNo, body.value, body.comment, relative?.actor);
  }),
  route('POST /v1/lookup', async ({ body, event }) => apps.lookup(await lookupClient(event), body.appNo, body.code)),
  route('GET /v1/me/licences', { user: getUser }, async ({ session }) => {
    const [items, uses] = await Promise.all([listLicences(session.userId), listLicenceUses(session.userId)]);
    return { items, uses };
  }),
]);
