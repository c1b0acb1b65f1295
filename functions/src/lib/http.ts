import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod';
import { describeIssues, ROUTE_BY_KEY, type RouteDoc, type RouteKey, type RouteTable } from '@yx/shared';
import { env } from './env';
import { AppError, badRequest, forbidden, unauthenticated } from './errors';
import { log, withRequestId } from './log';
import { formatStoreCost, STORE_COST_HEADER, withMeter } from './meter';
import { verifySession, type Session } from './session';
import type { UserRecord } from './entities/identity';

export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyStructuredResultV2;

/** Bodies of JSON routes are small; files never travel through the API. */
export const MAX_BODY_BYTES = 16 * 1024;

/** A Lambda handler for one route, carrying the route key it serves (router() picks it by that key). */
export interface RouteHandler {
  (event: HttpEvent): Promise<HttpResult>;
  routeKey: RouteKey;
}

/** Binds a handler to its route key, for routes that answer in a format of their own (Open311). */
export function keyed(routeKey: RouteKey, fn: (event: HttpEvent) => Promise<HttpResult>): RouteHandler {
  return Object.assign(metered(fn), { routeKey });
}

/**
 * Every log line of a request carries its id (API Gateway's `requestContext.requestId`).
 * On the local stage only, a request runs under a store meter (lib/meter) and its answer says what it asked of
 * DynamoDB in the `x-store-cost` header (format: formatStoreCost), for `npm run bench` to put beside the latency:
 *   x-store-cost: calls=3;reads=2;writes=0;transactions=1;scans=0;rcu=1;wcu=8;ops=GetItem*2,TransactWriteItems
 * Other stages never meter.
 */
function metered(fn: (event: HttpEvent) => Promise<HttpResult>): (event: HttpEvent) => Promise<HttpResult> {
  return (event) => withRequestId(event.requestContext?.requestId, () => measured(fn, event));
}

async function measured(fn: (event: HttpEvent) => Promise<HttpResult>, event: HttpEvent): Promise<HttpResult> {
  if (!env.isLocal) return fn(event);
  const { value, meter } = await withMeter(() => fn(event));
  return { ...value, headers: { ...value.headers, [STORE_COST_HEADER]: formatStoreCost(meter) } };
}

/**
 * The caller as stored may act under this session: the account exists, is not disabled, and its powers have not
 * changed since the session was issued (the session version).
 */
function checkStanding(user: UserRecord | undefined, session: Session): asserts user is UserRecord {
  if (!user) throw unauthenticated('账号不存在，请重新登录');
  if (user.closedAt) throw unauthenticated('账号已注销');
  if (user.disabledAt) throw unauthenticated('账号已停用，如有疑问请联系管理员');
  if ((user.sessionVersion ?? 0) !== session.sv) throw unauthenticated('账号权限已变更，请重新登录');
}

type Def<K extends RouteKey> = RouteTable[K];
/** What the contract's schema for a part of the request gives (undefined when the route takes none). */
type Input<K extends RouteKey, F extends 'params' | 'query' | 'body'> = Def<K> extends { [P in F]: infer S extends z.ZodType } ? z.output<S> : undefined;
/** The body: for a route with `{action}` bodies, what any of the actions' schemas gives. */
type BodyOf<K extends RouteKey> =
  Def<K> extends { actionBodies: infer A extends Readonly<Record<string, z.ZodType>> } ? { [N in keyof A]: z.output<A[N]> }[keyof A] : Input<K, 'body'>;
type IsPublic<K extends RouteKey> = Def<K>['roles'] extends 'public' ? true : false;

/** Reads the caller's user row: `getUser` of lib/repository, named by the route so functions that never load a user carry no store code. */
type UserLoader = (userId: string) => Promise<UserRecord | undefined>;

/** What a handler adds to its contract entry; roles and schemas come from the entry only. */
export interface RouteOptions<K extends RouteKey, U extends UserLoader | undefined> {
  /**
   * Load the caller's user row (one GetItem, `user: getUser`) before the handler: `ctx.user`. The role is then the stored
   * one, so a role taken away works no more at once, whatever the session says.
   */
  user?: IsPublic<K> extends true ? never : U;
  /** Seconds a shared cache may keep a public GET. */
  cacheSeconds?: IsPublic<K> extends true ? number : never;
}

export interface RouteContext<K extends RouteKey, U extends UserLoader | undefined = undefined> {
  body: BodyOf<K>;
  query: Input<K, 'query'>;
  params: Input<K, 'params'>;
  /** present whenever the route needs a session */
  session: IsPublic<K> extends true ? undefined : Session;
  /** the caller as stored, when the route asked for it */
  user: U extends UserLoader ? UserRecord : undefined;
  event: HttpEvent;
}

export interface Reply {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return { statusCode: status, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

function errorResult(e: AppError): HttpResult {
  return json(e.status, { error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } });
}

function parse(schema: z.ZodType | undefined, input: unknown, what: string): unknown {
  if (!schema) return undefined;
  const r = schema.safeParse(input);
  if (!r.success) {
    const details = describeIssues(r.error);
    throw badRequest(`${what}有误：${details.map((d) => d.message).join('；')}`, details);
  }
  return r.data;
}

function readBody(event: HttpEvent, maxBytes = MAX_BODY_BYTES): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const type = String(event.headers?.['content-type'] ?? event.headers?.['Content-Type'] ?? '');
  if (!/^application\/json\b/i.test(type)) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 JSON 格式提交（Content-Type: application/json）');
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(raw, 'utf8') > maxBytes) {
    throw new AppError(413, 'BODY_TOO_LARGE', `提交的内容太大（不能超过 ${maxBytes / 1024} KB）`);
  }
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest('提交的内容不是有效的 JSON');
  }
}

/** What a route that takes no body accepts: nothing, or an empty object (some clients send `{}`); anything else is a 400. */
const NO_BODY = z.strictObject({});

/** The body's schema: the route's, or for a route with `{action}` bodies the action's (a missing body is `{}`, as for 签收). */
function readInput(def: RouteDoc, params: unknown, raw: unknown): unknown {
  if (!def.actionBodies && !def.body) {
    if (raw !== undefined) parse(NO_BODY, raw, '提交内容');
    return undefined;
  }
  if (!def.actionBodies) return parse(def.body, raw, '提交内容');
  const action = (params as { action: string }).action;
  return parse(def.actionBodies[action] ?? def.body, raw ?? {}, '提交内容');
}

/**
 * A thin handler for one route of the shared contract (`ROUTE_TABLE` in shared/src/api/routes.ts): the key
 * picks the entry, whose roles are checked and whose params, query and body schemas parse the request, so a
 * handler cannot disagree with the contract. Then the domain function runs and answers JSON. Known failures
 * become their 4xx; anything else is a logged 500 whose body says nothing about the cause.
 *
 *   route('GET /v1/forms/{formId}', { user: getUser }, ({ user, params }) => apps.getFormForApplicant(user, params.formId))
 */
export function route<K extends RouteKey>(key: K, fn: (ctx: RouteContext<K>) => Promise<Reply | unknown>): RouteHandler;
export function route<K extends RouteKey, U extends UserLoader | undefined = undefined>(
  key: K,
  options: RouteOptions<K, U>,
  fn: (ctx: RouteContext<K, U>) => Promise<Reply | unknown>,
): RouteHandler;
export function route(
  key: RouteKey,
  ...args:
    | [(ctx: RouteContext<RouteKey, UserLoader | undefined>) => Promise<unknown>]
    | [RouteOptions<RouteKey, UserLoader | undefined>, (ctx: RouteContext<RouteKey, UserLoader | undefined>) => Promise<unknown>]
): RouteHandler {
  const [options, fn] = args.length === 1 ? [{}, args[0]] : args;
  const def: RouteDoc = ROUTE_BY_KEY[key];
  if (!def) throw new Error(`${key} is not in the shared route table`);
  const roles = def.roles;
  const allows = (role: string) => roles === 'public' || roles === 'any' || (roles as readonly string[]).includes(role);
  // A route only some roles may call (staff, dispatcher, admin, partner…) loads the caller, so removing or changing
  // those powers works on the next request rather than when the session expires.
  if (Array.isArray(roles) && !roles.includes('resident') && !options.user) throw new Error(`${key} needs a role: load the caller ({ user: getUser })`);
  // personal answers are never kept by a browser or a proxy; public ones only when the route says for how long
  const cache: Record<string, string> =
    roles !== 'public' ? { 'cache-control': 'no-store' } : options.cacheSeconds ? { 'cache-control': `public, max-age=${options.cacheSeconds}` } : {};
  return keyed(key, async (event) => {
    try {
      let session: Session | undefined;
      let user: UserRecord | undefined;
      if (roles !== 'public') {
        session = await verifySession(event.headers?.authorization ?? event.headers?.Authorization);
        if (!allows(session.role)) throw forbidden();
      }
      const params = parse(def.params, event.pathParameters ?? {}, '地址参数');
      const query = parse(def.query, event.queryStringParameters ?? {}, '查询条件');
      const body = readInput(def, params, readBody(event, def.maxBodyBytes));
      if (options.user && session) {
        user = await options.user(session.userId);
        checkStanding(user, session);
        session = { userId: user.id, role: user.role, sv: session.sv };
        if (!allows(user.role)) throw forbidden();
      }
      const out = await fn({ body, query, params, session, user, event } as RouteContext<RouteKey, UserLoader | undefined>);
      const reply: Reply = out && typeof out === 'object' && 'body' in (out as object) && 'status' in (out as object) ? (out as Reply) : { body: out };
      return json(reply.status ?? 200, reply.body, { ...cache, ...reply.headers });
    } catch (e) {
      if (e instanceof AppError) {
        const failed = errorResult(e);
        return roles === 'public' ? failed : { ...failed, headers: { ...failed.headers, ...cache } }; // a public failure is not cached
      }
      log.error('unhandled', { route: event.routeKey, err: (e as Error)?.name, stack: (e as Error)?.stack?.split('\n').slice(0, 4).join(' | ') });
      return json(500, { error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } });
    }
  });
}

/** Explicit reply with a status (201 for creates). */
export const reply = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({ status, body, headers });
