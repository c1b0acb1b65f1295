import { reply, route, type HttpEvent } from '../lib/http';
import { router } from '../lib/router';
import { getUser } from '../lib/repository';
import * as docs from './service';

/** The caller's address, for the limits of anonymous verification (API Gateway sets sourceIp). */
const clientOf = (event: HttpEvent) => event.requestContext?.http?.sourceIp ?? 'unknown';
/** Verification answers change the moment a document is revoked: no browser or proxy may keep one. */
const fresh = (body: unknown) => reply(200, body, { 'cache-control': 'no-store' });

/** 证照夹 (the holder), 撤销 (the issuing department) and 核验 (anyone, no login). */
export const handler = router([
  route('GET /v1/me/documents', { user: getUser }, ({ user }) => docs.listMine(user.id)),
  route('GET /v1/me/documents/{serial}', { user: getUser }, ({ user, params }) => docs.detail(user.id, params.serial)),
  route('POST /v1/me/documents/{serial}/share', { user: getUser }, ({ user, params, body }) => docs.share(user.id, params.serial, body.days)),
  route('POST /v1/staff/documents/{serial}/revoke', { user: getUser }, ({ user, params, body }) => docs.revoke(user, params.serial, body.reason)),
  route('GET /v1/verify/{serial}', async ({ params, query, event }) => fresh(await docs.verifyBySerial(clientOf(event), params.serial, query))),
  route('POST /v1/verify/uploads', async ({ event }) => reply(201, await docs.uploadTicket(clientOf(event)))),
  route('POST /v1/verify/uploads/{ticket}', async ({ params }) => fresh(await docs.verifyUpload(params.ticket))),
]);
