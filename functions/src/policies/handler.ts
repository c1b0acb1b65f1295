import { route } from '../lib/http';
import { router } from '../lib/router';
import { getUser } from '../lib/repository';
import * as repo from './repository';
import * as firm from './firm';
import { deptNames, detailOf, listPolicies } from './market';
import * as staff from './staff';
import { notFound } from '../lib/errors';

const CACHE = { cacheSeconds: 30 };

/** 政策超市 (anyone), the firm's view and 免申即享 (企业), topics, and the issuing department's desk. */
export const handler = router([
  route('GET /v1/policies', CACHE, ({ query }) => listPolicies(query)),
  route('GET /v1/policies/disbursements', CACHE, () => staff.disbursements()),
  route('GET /v1/policies/{id}', CACHE, async ({ params }) => {
    const p = await repo.getPolicy(params.id);
    if (!p) throw notFound('没有这项政策');
    return detailOf(p, (await deptNames())(p.issuer));
  }),
  route('GET /v1/firm/policies', { user: getUser }, ({ user, query }) => firm.firmList(user, query)),
  route('GET /v1/firm/policies/{id}', { user: getUser }, ({ user, params }) => firm.firmDetail(user, params.id)),
  route('GET /v1/firm/profile', { user: getUser }, ({ user }) => firm.profile(user)),
  route('PUT /v1/firm/profile/facts', { user: getUser }, ({ user, body }) => firm.declareFact(user, body)),
  route('GET /v1/firm/offers', { user: getUser }, ({ user }) => firm.myOffers(user)),
  route('POST /v1/firm/offers/{itemId}/confirm', { user: getUser }, ({ user, params, body }) => firm.confirmOffer(user, params.itemId, body)),
  route('POST /v1/firm/offers/{itemId}/decline', { user: getUser }, ({ user, params }) => firm.declineOffer(user, params.itemId)),
  route('GET /v1/me/policy-topics', { user: getUser }, ({ user }) => firm.getTopics(user)),
  route('PUT /v1/me/policy-topics', { user: getUser }, ({ user, body }) => firm.setTopics(user, body.topics)),
  route('GET /v1/staff/policies', { user: getUser }, ({ user, query }) => staff.staffList(user, query)),
  route('POST /v1/staff/policies', { user: getUser }, ({ user, body }) => staff.publish(user, body)),
  route('POST /v1/staff/policies/{id}/versions', { user: getUser }, ({ user, params, body }) => staff.saveVersion(user, params.id, body)),
  route('POST /v1/staff/policies/{id}/withdraw', { user: getUser }, ({ user, params, body }) => staff.withdraw(user, params.id, body)),
  route('GET /v1/staff/policies/{id}/versions', { user: getUser }, ({ user, params }) => staff.history(user, params.id)),
  route('GET /v1/staff/policy-items/{itemId}/batch', { user: getUser }, ({ user, params }) => staff.batchSummary(user, params.itemId)),
  route('GET /v1/staff/policy-items/{itemId}/offers', { user: getUser }, ({ user, params, query }) => staff.batchOffers(user, params.itemId, query)),
  route('POST /v1/staff/policy-items/{itemId}/match', { user: getUser }, ({ user, params }) => staff.rerun(user, params.itemId)),
  route('POST /v1/staff/policy-items/{itemId}/approve', { user: getUser }, ({ user, params, body }) => staff.approve(user, params.itemId, body)),
  route('POST /v1/staff/policy-items/{itemId}/reject', { user: getUser }, ({ user, params, body }) => staff.reject(user, params.itemId, body)),
  route('POST /v1/staff/policy-items/{itemId}/pay', { user: getUser }, ({ user, params, body }) => staff.pay(user, params.itemId, body)),
]);
