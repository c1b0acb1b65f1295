import { SignJWT, jwtVerify } from 'jose';
import type { Role } from '@yx/shared';
import { env } from './env';
import { unauthenticated } from './errors';

/** The app's own session, signed by us; WeChat's session_key never leaves the server. */
export interface Session {
  userId: string;
  role: Role;
  /** the account's session version when the token was issued: a role change or disabling bumps it, ending older sessions */
  sv: number;
}

export const SESSION_HOURS = 12;
const ISSUER = 'yx-gov';

const key = () => new TextEncoder().encode(env.sessionSecret);

export async function issueSession(s: Omit<Session, 'sv'> & { sv?: number }, now = new Date()): Promise<{ token: string; expiresAt: string }> {
  const exp = Math.floor(now.getTime() / 1000) + SESSION_HOURS * 3600;
  const token = await new SignJWT({ role: s.role, sv: s.sv ?? 0 })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(s.userId)
    .setIssuer(ISSUER)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(exp)
    .sign(key());
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

export async function verifySession(authorization: string | undefined): Promise<Session> {
  const m = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  if (!m) throw unauthenticated();
  try {
    const { payload } = await jwtVerify(m[1], key(), { issuer: ISSUER, algorithms: ['HS256'] });
    if (typeof payload.sub !== 'string' || typeof payload.role !== 'string') throw new Error('claims');
    const sv = payload.sv ?? 0; // tokens issued before session versions count as version 0
    if (typeof sv !== 'number' || !Number.isInteger(sv)) throw new Error('claims');
    return { userId: payload.sub, role: payload.role as Role, sv };
  } catch (e) {
    const expired = (e as { code?: string }).code === 'ERR_JWT_EXPIRED';
    throw unauthenticated(expired ? '登录已过期，请重新登录' : '登录状态无效，请重新登录');
  }
}
