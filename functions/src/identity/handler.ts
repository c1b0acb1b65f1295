import { reply, route } from '../lib/http';
import { router } from '../lib/router';
import { getUser } from '../lib/repository';
import { SEED_USERS } from './seedUsers';
import * as identity from './service';
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
  route('POST /v1/me/phone', { user: getUser }, ({ user, body }) => identity.bindPhone(user, body.code)),
  route('PUT /v1/me/enterprise', async ({ session, body }) => identity.bindEnterprise(session.userId, body.enterpriseName, body.creditCode)),
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
