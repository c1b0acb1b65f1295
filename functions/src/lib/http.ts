import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod';
import { describeIssues, type Role } from '@yx/shared';
import { AppError, badRequest, forbidden, unauthenticated } from './errors';
import { log } from './log';
import { verifySession, type Session } from './session';
import type { UserRecord } from './entities/identity';

export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyStructuredResultV2;

/** Bodies of JSON routes are small; files never travel through the API. */
export const MAX_BODY_BYTES = 16 * 1024;

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

type Auth = 'public' | 'any' | Role[];
/** Reads the caller's user row: `getUser` of lib/repository, named by the route so functions that never load a user carry no store code. */
type UserLoader = (userId: string) => Promise<UserRecord | undefined>;

interface RouteSpec<A extends Auth, U extends UserLoader | undefined, B, Q, P> {
  /** Roles allowed; 'public' needs no session, 'any' needs a session of any role. */
  auth: A;
  /**
   * Load the caller's user row (one GetItem, `user: getUser`) before the handler: `ctx.user`. The role is then the stored
   * one, so a role taken away works no more at once, whatever the session says.
   */
  user?: U;
  body?: B;
  query?: Q;
  params?: P;
  /** Seconds a shared cache may keep a public GET. */
  cacheSeconds?: number;
}

export interface RouteContext<B, Q, P, A extends Auth = Auth, U extends UserLoader | undefined = undefined> {
  body: Out<B>;
  query: Out<Q>;
  params: Out<P>;
  /** present whenever the route needs a session */
  session: A extends 'public' ? undefined : Session;
  /** the caller as stored, when the route asked for it */
  user: U extends UserLoader ? UserRecord : undefined;
  event: HttpEvent;
}

export interface Reply { status?: number; body: unknown; headers?: Record<string, string> }

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return { statusCode: status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

function errorResult(e: AppError): HttpResult {
  return json(e.status, { error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } });
}

function parse<S extends Schema | undefined>(schema: S, input: unknown, what: string): Out<S> {
  if (!schema) return undefined as Out<S>;
  const r = schema.safeParse(input);
  if (!r.success) {
    const details = describeIssues(r.error);
    throw badRequest(`${what}有误：${details.map((d) => d.message).join('；')}`, details);
  }
  return r.data as Out<S>;
}

function readBody(event: HttpEvent): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) {
    throw new AppError(413, 'BODY_TOO_LARGE', `提交的内容太大（不能超过 ${MAX_BODY_BYTES / 1024} KB）`);
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest('提交的内容不是有效的 JSON');
  }
}

/**
 * A thin handler: parse every input with its zod schema, check the session and role, run the
 * domain function, answer JSON. Known failures become their 4xx; anything else is a logged 500
 * whose body says nothing about the cause.
 */
export function route<
  const A extends Auth, U extends UserLoader | undefined = undefined,
  B extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, P extends Schema | undefined = undefined,
>(
  spec: RouteSpec<A, U, B, Q, P>,
  fn: (ctx: RouteContext<B, Q, P, A, U>) => Promise<Reply | unknown>,
) {
  return async (event: HttpEvent): Promise<HttpResult> => {
    try {
      let session: Session | undefined;
      let user: UserRecord | undefined;
      if (spec.auth !== 'public') {
        session = await verifySession(event.headers?.authorization ?? event.headers?.Authorization);
        if (Array.isArray(spec.auth) && !spec.auth.includes(session.role)) throw forbidden();
      }
      const params = parse(spec.params, event.pathParameters ?? {}, '地址参数') as Out<P>;
      const query = parse(spec.query, event.queryStringParameters ?? {}, '查询条件') as Out<Q>;
      const body = parse(spec.body, readBody(event), '提交内容') as Out<B>;
      if (spec.user && session) {
        user = await spec.user(session.userId);
        if (!user) throw unauthenticated('账号不存在，请重新登录');
        session = { userId: user.id, role: user.role };
        if (Array.isArray(spec.auth) && !spec.auth.includes(user.role)) throw forbidden();
      }
      const out = await fn({ body, query, params, session, user, event } as RouteContext<B, Q, P, A, U>);
      const reply: Reply = out && typeof out === 'object' && 'body' in (out as object) && 'status' in (out as object) ? (out as Reply) : { body: out };
      const cache: Record<string, string> = spec.cacheSeconds && spec.auth === 'public' ? { 'cache-control': `public, max-age=${spec.cacheSeconds}` } : {};
      return json(reply.status ?? 200, reply.body, { ...cache, ...reply.headers });
    } catch (e) {
      if (e instanceof AppError) return errorResult(e);
      log.error('unhandled', { route: event.routeKey, err: (e as Error)?.name, stack: (e as Error)?.stack?.split('\n').slice(0, 4).join(' | ') });
      return json(500, { error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } });
    }
  };
}

/** Explicit reply with a status (201 for creates). */
export const reply = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({ status, body, headers });
