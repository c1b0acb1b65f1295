import {
  AdjustPointsRequest, BenefitIdParams, BenefitUpsert, ClaimCodeParams, MemberRulesUpdate, MembersQuery, MonthQuery, PointsQuery, StatsQuery,
} from '@yx/shared';
import { badRequest } from '../lib/errors';
import { reply, route } from '../lib/http';
import { router } from '../lib/router';
import { getUser } from '../lib/repository';
import { idempotencyKey } from '../lib/idempotency';
import * as member from './service';
import { getRules } from './repository';

/** Everyone who signs in has a member zone, except partner cashiers (who only redeem). */
const MEMBERS = ['resident', 'enterprise', 'staff', 'grid', 'dispatcher'] as const;

export const handler = router({
  'GET /v1/member': route({ auth: [...MEMBERS] }, ({ session }) => member.memberHome(session.userId)),
  'POST /v1/member/card': route({ auth: [...MEMBERS] }, async ({ session }) => {
    const r = await member.claimCard(session.userId);
    return reply(r.status, r.view);
  }),
  'POST /v1/member/check-in': route({ auth: [...MEMBERS] }, ({ session }) => member.checkIn(session.userId)),
  'GET /v1/member/check-ins': route({ auth: [...MEMBERS], query: MonthQuery }, ({ session, query }) => member.checkInMonth(session.userId, query.month)),
  'GET /v1/member/points': route({ auth: [...MEMBERS], query: PointsQuery }, ({ session, query }) => member.pointsLedger(session.userId, query.limit, query.cursor)),
  'GET /v1/member/benefits': route({ auth: [...MEMBERS] }, ({ session }) => member.benefits(session.userId)),
  'POST /v1/member/benefits/{benefitId}/claim': route({ auth: [...MEMBERS], params: BenefitIdParams }, async ({ session, params, event }) => {
    const r = await member.claimBenefit(session.userId, params.benefitId, () => idempotencyKey(event));
    return reply(r.status, r.view);
  }),
  'GET /v1/member/claims': route({ auth: [...MEMBERS] }, ({ session }) => member.myClaims(session.userId)),
  'GET /v1/partner/claims/{code}': route({ auth: ['partner'], user: getUser, params: ClaimCodeParams }, ({ user, params }) => member.previewClaim(user, params.code)),
  'POST /v1/partner/claims/{code}/redeem': route({ auth: ['partner'], user: getUser, params: ClaimCodeParams }, ({ user, params }) => member.redeem(user, params.code)),
  'GET /v1/admin/member/rules': route({ auth: ['admin'] }, () => getRules()),
  'PUT /v1/admin/member/rules': route({ auth: ['admin'], body: MemberRulesUpdate }, ({ session, body }) => member.saveRules(body, session.userId)),
  'GET /v1/admin/member/benefits': route({ auth: ['admin'] }, () => member.adminBenefits()),
  'POST /v1/admin/member/benefits': route({ auth: ['admin'], body: BenefitUpsert }, async ({ body }) => reply(201, await member.saveBenefit(body, 'create'))),
  'PUT /v1/admin/member/benefits/{benefitId}': route({ auth: ['admin'], params: BenefitIdParams, body: BenefitUpsert }, ({ params, body }) => {
    if (body.id !== params.benefitId) throw badRequest('福利编号与地址不一致');
    return member.saveBenefit(body, 'update');
  }),
  'GET /v1/admin/member/stats': route({ auth: ['admin'], query: StatsQuery }, ({ query }) => member.memberStats(query.days)),
  'GET /v1/admin/member/members': route({ auth: ['admin'], query: MembersQuery }, ({ query }) => member.members(query.limit, query.cursor)),
  'POST /v1/admin/member/points': route({ auth: ['admin'], body: AdjustPointsRequest }, ({ session, body, event }) => member.adjustPoints(session.userId, body.userId, body.points, body.reason, idempotencyKey(event))),
});
