import * as z from 'zod';
import { DevLoginRequest, EnterpriseBindRequest, RealNameRequest, WechatLoginRequest } from '@yx/shared';
import { reply, route } from '../lib/http';
import { router } from '../lib/router';
import { getUser } from '../lib/repository';
import { SEED_USERS } from './seedUsers';
import * as identity from './service';
import { env } from '../lib/env';
import { notFound } from '../lib/errors';

export const wechatLogin = route({ auth: 'public', body: WechatLoginRequest }, async ({ body }) => reply(200, await identity.loginWithWechat(body.code)));

const MeQuery = z.strictObject({ reveal: z.enum(['true', 'false']).optional() });
export const me = route({ auth: 'any', user: getUser, query: MeQuery }, async ({ user, query }) => identity.getMe(user, query.reveal === 'true'));

export const bindRealName = route({ auth: ['resident', 'enterprise'], user: getUser, body: RealNameRequest }, async ({ user, body }) =>
  identity.bindRealName(user, body.name, body.idNumber),
);

export const bindEnterprise = route({ auth: ['resident', 'enterprise'], body: EnterpriseBindRequest }, async ({ session, body }) =>
  identity.bindEnterprise(session.userId, body.enterpriseName, body.creditCode),
);

/** Development login: exists only on the local stage (serverless.yml declares it only there too). */
export const devUsers = route({ auth: 'public' }, async () => {
  if (!env.isLocal) throw notFound();
  return { items: SEED_USERS.map(({ id, role, nickname, description }) => ({ id, role, nickname, description })) };
});
export const devLogin = route({ auth: 'public', body: DevLoginRequest }, async ({ body }) => identity.loginAsSeedUser(body.userId));

export const handler = router({
  'POST /v1/auth/wechat': wechatLogin,
  'GET /v1/me': me,
  'PUT /v1/me/real-name': bindRealName,
  'PUT /v1/me/enterprise': bindEnterprise,
});

export const devHandler = router({
  'GET /v1/dev/users': devUsers,
  'POST /v1/dev/login': devLogin,
});
