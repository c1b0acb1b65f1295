import { badRequest } from '../lib/errors';
import { reply, route } from '../lib/http';
import { router } from '../lib/router';
import { getUser } from '../lib/repository';
import { idempotencyKey } from '../lib/idempotency';
import * as member from './service';
import { getRules } from './repository';

export const handler = router([
  route('GET /v1/member', ({ session }) => member.memberHome(session.userId)),
  route('POST /v1/member/card', async ({ session }) => {
    const r = await member.claimCard(session.userId);
    return reply(r.status, r.view);
  }),
  route('POST /v1/member/check-in', ({ session }) => member.checkIn(session.userId)),
  route('GET /v1/member/check-ins', ({ session, query }) => member.checkInMonth(session.userId, query.month)),
  route('GET /v1/member/points', ({ session, query }) => member.pointsLedger(session.userId, query.limit, query.cursor)),
  route('GET /v1/member/benefits', ({ session }) => member.benefits(session.userId)),
  route('POST /v1/member/benefits/{benefitId}/claim', async ({ session, params, event }) => {
    const r = await member.claimBenefit(session.userId, params.benefitId, () => idempotencyKey(event));
    return reply(r.status, r.view);
  }),
  route('GET /v1/member/claims', ({ session }) => member.myClaims(session.userId)),
  route('GET /v1/partner/claims/{code}', { user: getUser }, ({ user, params }) => member.previewClaim(user, params.code)),
  route('POST /v1/partner/claims/{code}/redeem', { user: getUser }, ({ user, params }) => member.redeem(user, params.code)),
  route('GET /v1/admin/member/rules', { user: getUser }, () => getRules()),
  route('PUT /v1/admin/member/rules', { user: getUser }, ({ session, body }) => member.saveRules(body, session.userId)),
  route('GET /v1/admin/member/benefits', { user: getUser }, () => member.adminBenefits()),
  route('POST /v1/admin/member/benefits', { user: getUser }, async ({ body }) => reply(201, await member.saveBenefit(body, 'create'))),
  route('PUT /v1/admin/member/benefits/{benefitId}', { user: getUser }, async ({ params, body }) => {
    if (body.id !== params.benefitId) throw badRequest('福利编号与地址不一致');
    return member.saveBenefit(body, 'update');
  }),
  route('GET /v1/admin/member/stats', { user: getUser }, ({ query }) => member.memberStats(query.days)),
  route('GET /v1/admin/member/members', { user: getUser }, ({ query }) => member.members(query.limit, query.cursor)),
  route('POST /v1/admin/member/points', { user: getUser }, ({ session, body, event }) =>
    member.adjustPoints(session.userId, body.userId, body.points, body.reason, idempotencyKey(event)),
  ),
]);
