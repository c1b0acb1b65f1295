import { reply, route } from '../lib/http';
import { router } from '../lib/router';
import { getUser } from '../lib/repository';
import { SEED_USERS } from './seedUsers';
import * as identity from './service';
import * as firms from './firms';
import * as kin from './kin';
import * as staff from './staff';
import * as org from './org';
import * as privacy from './privacy';
import { env } from '../lib/env';
import { notFound } from '../lib/errors';

export const handler = router([
  route('POST /v1/auth/wechat', async ({ body }) => reply(200, await identity.loginWithWechat(body.code))),
  route('GET /v1/me', { user: getUser }, async ({ user, query }) => identity.getMe(user, query.reveal === 'true')),
  route('PUT /v1/me/real-name', { user: getUser }, async ({ user, body }) => identity.bindRealName(user, body.name, body.idNumber)),
  route('POST /v1/me/identity/face/start', { user: getUser }, ({ user, body }) => identity.startFaceVerification(user, body)),
  route('POST /v1/me/identity/face/finish', { user: getUser }, ({ user, body }) =>
    identity.finishFaceVerification(user, body.verifyId, { name: body.name, idNumber: body.idNumber }),
  ),
  route('GET /v1/me/privacy', { user: getUser }, ({ user }) => privacy.privacyView(user)),
  route('GET /v1/me/export', { user: getUser }, ({ user }) => privacy.exportMyData(user)),
  route('POST /v1/me/close', { user: getUser }, ({ user }) => privacy.closeAccount(user)),
  route('POST /v1/me/phone', { user: getUser }, ({ user, body }) => identity.bindPhone(user, body.code)),
  route('PUT /v1/me/enterprise', { user: getUser }, ({ user, body }) => firms.bindEnterprise(user, body.enterpriseName, body.creditCode)),
  route('GET /v1/firm/agents', { user: getUser }, ({ user }) => firms.listAgents(user)),
  route('POST /v1/firm/agents', { user: getUser }, async ({ user, body }) => reply(201, await firms.grantAgent(user, body))),
  route('POST /v1/firm/agents/{agentId}/revoke', { user: getUser }, ({ user, params }) => firms.revokeAgent(user, params.agentId)),
  route('POST /v1/me/invitation', { user: getUser }, ({ user, body }) => staff.acceptInvitation(user, body.code)),
  route('GET /v1/admin/staff', { user: getUser }, ({ query }) => staff.staffList(query.limit, query.cursor)),
  route('PUT /v1/admin/staff/{userId}', { user: getUser }, ({ user, params, body }) => staff.changeStaff(user, params.userId, body)),
  route('GET /v1/admin/org', { user: getUser }, () => org.orgView()),
  route('POST /v1/admin/org/departments', { user: getUser }, async ({ user, body: { id, ...fields } }) =>
    reply(201, await org.saveDept(user, id, fields, 'create')),
  ),
  route('PUT /v1/admin/org/departments/{id}', { user: getUser }, ({ user, params, body }) => org.saveDept(user, params.id, body, 'update')),
  route('PUT /v1/admin/org/streets/{street}/grids', { user: getUser }, ({ user, params, body }) => org.saveStreetGrids(user, params.street, body.grids)),
  route('GET /v1/admin/invitations', { user: getUser }, () => staff.invitations()),
  route('POST /v1/admin/invitations', { user: getUser }, async ({ user, body }) => reply(201, await staff.invite(user, body))),
  route('GET /v1/me/kin', { user: getUser }, ({ user }) => kin.listKin(user)),
  route('POST /v1/me/kin', { user: getUser }, async ({ user, body }) => reply(201, await kin.grantKin(user, body))),
  route('POST /v1/me/kin/{userId}/accept', { user: getUser }, ({ user, params }) => kin.acceptKin(user, params.userId)),
  route('POST /v1/me/kin/{userId}/revoke', { user: getUser }, ({ user, params }) => kin.revokeKin(user, params.userId)),
  route('GET /v1/me/firm-offers', { user: getUser }, ({ user }) => firms.myOffers(user)),
  route('POST /v1/me/firm-offers/{creditCode}/accept', { user: getUser }, ({ user, params }) => firms.acceptOffer(user, params.creditCode)),
]);

/** Development login: exists only on the local stage (serverless.yml declares it only there too). */
export const devHandler = router([
  route('GET /v1/dev/users', async () => {
    if (!env.isLocal) throw notFound();
    return { items: SEED_USERS.map(({ id, role, nickname, description }) => ({ id, role, nickname, description })) };
  }),
  route('POST /v1/dev/login', async ({ body }) => identity.loginAsSeedUser(body.userId)),
  route('POST /v1/dev/face/{verifyId}', { user: getUser }, ({ user, params, body }) => identity.playFaceScan(user, params.verifyId, body.outcome)),
]);
