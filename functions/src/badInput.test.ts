/**
 * Every documented route answers bad input — wrong types, missing fields, broken JSON, oversize
 * bodies, unknown parameters, unknown ids — with a 4xx and a message in Chinese, and never a 500.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DISTRICT_HALL, ROUTES, routeOf } from '@yx/shared';
import { call } from '../test/http';
import { handler as guide } from './guide/handler';
import { devHandler, handler as identity } from './identity/handler';
import { handler as meta } from './meta/handler';
import { handler as applications } from './applications/handler';
import { handler as files } from './files/handler';
import { handler as messages } from './messages/handler';
import { handler as admin } from './admin/handler';
import { handler as backoffice } from './backoffice/handler';
import { handler as workorders } from './workorders/handler';
import { handler as member } from './member/handler';
import { handler as open311 } from './open311/handler';
import { handler as documents } from './certificates/handler';
import { handler as documentsIssue } from './certificates/issueHandler';
import { handler as policies } from './policies/handler';
import { handler as appointments } from './appointments/handler';
import { handler as deliberation } from './deliberation/handler';
import { handler as publications } from './publications/handler';
import { handler as credit } from './credit/handler';
import { handler as creditPoster } from './credit/posterHandler';
import { parseStoreCost } from './lib/meter';
import { startFakeWechat } from '../../scripts/lib/fakeWechat';
import { seedAll } from './seed/seed';

// Open311 first: its routes answer in their own spec's error format, which the others' 'no such route' is not
const HANDLERS = [
  open311,
  guide,
  identity,
  devHandler,
  meta,
  applications,
  files,
  messages,
  admin,
  backoffice,
  workorders,
  member,
  documents,
  documentsIssue,
  policies,
  appointments,
  deliberation,
  publications,
  credit,
  creditPoster,
];

/** For each path parameter: a well-formed value nobody has, and a malformed one. */
const PARAMS: Record<string, { unknown: string; malformed: string }> = {
  id: { unknown: 'no-such-thing', malformed: '../../etc' },
  appNo: { unknown: 'YX20991231999999', malformed: 'APP-1' },
  fileId: { unknown: 'f_nosuchfile123', malformed: 'f_../x' },
  formId: { unknown: 'item-no-such-item', malformed: 'form:1' },
  messageId: { unknown: 'm_abcdefghijkl', malformed: 'm_1' },
  action: { unknown: 'accept', malformed: 'explode' },
  no: { unknown: 'SQ20991231999999', malformed: 'SQ-1' },
  benefitId: { unknown: 'no-such-benefit', malformed: 'Bad_Id!' },
  code: { unknown: 'ABCD-EFGH-JK', malformed: '12' },
  verifyId: { unknown: 'fv-no-such-session', malformed: '../x' },
  agentId: { unknown: 'u-no-such-agent', malformed: 'nobody' },
  userId: { unknown: 'u-no-such-person', malformed: 'nobody' },
  street: { unknown: 'atlantis', malformed: 'Bad_Street!' },
  creditCode: { unknown: '91350100M000100Y43', malformed: 'ABC' },
  file: { unknown: 'SQ20991231999999.json', malformed: '../x.json' },
  serial: { unknown: 'ZM20991231999999', malformed: 'ZM-1' },
  ticket: { unknown: 'v_nosuchticket00000000', malformed: '../x' },
  year: { unknown: '2098', malformed: 'MMXXVI' },
  version: { unknown: '999', malformed: 'v1' },
  itemId: { unknown: 'no-such-policy-1', malformed: '../x' },
  pointId: { unknown: 'no-such-point', malformed: 'Bad_Point!' },
  windowNo: { unknown: '98', malformed: 'x' },
  // 居民议事 (issue 19)
  communityId: { unknown: 'beijing-zzzzzz', malformed: 'Bad_Community!' },
  topicId: { unknown: 'tp_NoSuchTopic0000', malformed: '../x' },
  commentId: { unknown: 'c20990101000000000Abcdef', malformed: '../x' },
  // 信用 (issue 20)
  ratingId: { unknown: 'rt_nosuchrating0', malformed: '../x' },
};
/** Ids whose shape says what they are: a booking (ap_…) and a queue number (tk_…), issue 18. */
const SHAPED_IDS: [RegExp, { unknown: string; malformed: string }][] = [
  [/ \/v1\/appointments\//, { unknown: 'ap_NoSuchBooking', malformed: 'no-such-thing' }],
  [/ \/v1\/tickets\//, { unknown: 'tk_NoSuchTicket0', malformed: 'no-such-thing' }],
  // 政务公开 (issue 19): an item (pb_…)
  [/ \/v1\/(staff\/)?publications\//, { unknown: 'pb_NoSuchItem000', malformed: 'no-such-thing' }],
  // 信用 (issue 20): a repair or objection (cr_…)
  [/ \/v1\/staff\/credit\/reviews\//, { unknown: 'cr_NoSuchReview0', malformed: 'no-such-thing' }],
];
/** A policy as a department writes it (issue 17), for the routes that take one with an id. */
const POLICY_BODY = {
  title: '不存在的测试政策',
  issuer: 'commerce',
  docNo: '越商务〔2026〕0号',
  issuedOn: '2026-06-01',
  text: '第一条 不存在的测试政策原文，仅用于测试错误输入的处理。',
  interpretation: '不存在的测试政策解读，仅用于测试错误输入的处理。',
  topics: ['innovation'],
  items: [
    {
      title: '测试条目',
      benefit: { type: 'subsidy', text: '测试扶持内容', amountYuan: 1000 },
      conditions: [{ kind: 'headcount', min: 1 }],
      validFrom: '2026-06-01',
      validTo: '2026-12-31',
      mode: 'auto',
    },
  ],
};
/** A valid body for routes that take one, so that an unknown id is what the answer is about. */
const VALID_BODY: Record<string, unknown> = {
  'POST /v1/credit/firms/{creditCode}/ratings': { scan: 'x'.repeat(32), stars: 5 },
  'POST /v1/credit/mine/ratings/{ratingId}/reply': { text: '谢谢您的评价' },
  'POST /v1/staff/credit/reviews/{id}/decision': { version: 1, approve: true },
  'POST /v1/staff/credit/ratings/{creditCode}/{ratingId}/moderate': { action: 'release' },
  'POST /v1/firm/offers/{itemId}/confirm': { account: { bank: '工商银行越秀支行', accountNo: '62220000111122223' }, agree: true },
  'POST /v1/staff/policies/{id}/versions': { ...POLICY_BODY, expectedVersion: 1 },
  'POST /v1/staff/policies/{id}/withdraw': { reason: '测试撤回原因', expectedVersion: 1 },
  'PUT /v1/staff/publications/{id}': {
    category: 'notice',
    title: '不存在的测试信息',
    content: '不存在的测试信息正文，仅用于测试错误输入的处理。',
    expectedVersion: 1,
  },
  'POST /v1/staff/publications/{id}/withdraw': { reason: '测试撤回原因', expectedVersion: 1 },
  'POST /v1/staff/policy-items/{itemId}/approve': { creditCodes: ['91350100M000100Y43'] },
  'POST /v1/staff/policy-items/{itemId}/reject': { creditCodes: ['91350100M000100Y43'], reason: '测试不予通过' },
  'POST /v1/staff/policy-items/{itemId}/pay': { creditCodes: ['91350100M000100Y43'], reference: 'GK000000001', paidOn: '2026-06-15' },
  'PUT /v1/drafts/{formId}': { answers: {} },
  'POST /v1/service-points/{pointId}/arrivals': { code: 'ABCDEFGH', itemId: 'id-card' },
  'POST /v1/appointments/{id}/reschedule': { date: '2026-12-07', start: '09:00' },
  'PUT /v1/admin/service-points/{pointId}': (() => {
    const { id: _id, ...fields } = DISTRICT_HALL;
    return { ...fields, expectedVersion: 1 };
  })(),
  'POST /v1/applications/{appNo}/supplement': { answers: {} },
  'POST /v1/applications/{appNo}/rating': { value: 'satisfied' },
  'POST /v1/applications/{appNo}/deferred': { answers: {} },
  'PUT /v1/applications/{appNo}/delivery': { method: 'pickup' },
  'POST /v1/messages/{messageId}/read': { at: '2026-11-26T10:00:00.000Z' },
  'POST /v1/staff/applications/{appNo}/{action}': { version: 1 },
  'POST /v1/staff/opinions/{appNo}': { decision: 'agree' },
  'POST /v1/staff/rectifications/{appNo}': { callback: '已电话回访' },
  'POST /v1/supervision/{appNo}': { note: '请加快办理' },
  'POST /v1/staff/supervision/{appNo}': { reply: '已加派人手，本周内办结', round: 1 },
  'POST /v1/dev/face/{verifyId}': { outcome: 'pass' },
  'PUT /v1/admin/staff/{userId}': { disabled: true },
  'PUT /v1/admin/org/departments/{id}': { name: '不存在的测试部门', shortName: '不存在', phone: '020-1234567', address: '越秀区某路 1 号' },
  'PUT /v1/admin/org/streets/{street}/grids': { grids: [] },
  'POST /v1/admin/catalogue/items/{id}/versions': {
    name: '不存在的测试事项',
    departmentId: 'no-such-dept',
    audience: ['person'],
    summary: '不存在的测试事项',
    conditions: ['测试条件'],
    materials: [{ name: '测试材料', required: true }],
    promisedDays: 1,
    statutoryDays: 1,
    online: true,
    assurance: 1,
    deferrable: false,
    delivery: ['pickup'],
    expectedVersion: 1,
  },
  'POST /v1/workorders/{no}/rating': { value: 'satisfied' },
  // 居民议事 (issue 19)
  'POST /v1/community/residences/{userId}/decide': { confirm: true },
  'POST /v1/communities/{communityId}/topics': { title: '不存在的测试议题', details: '不存在的测试议题内容，仅用于测试。' },
  'POST /v1/topics/{topicId}/open': { closesAt: '2099-01-01T00:00:00+08:00' },
  'POST /v1/topics/{topicId}/decline': { reason: '测试不予采纳' },
  'POST /v1/topics/{topicId}/respond': { text: '测试处理结果' },
  'POST /v1/topics/{topicId}/follow-ups': { text: '测试落实情况' },
  'POST /v1/topics/{topicId}/work-order': { categoryId: 'community-facility' },
  'POST /v1/topics/{topicId}/comments': { text: '测试评论' },
  'POST /v1/topics/{topicId}/comments/{commentId}/moderate': { action: 'hold' },
  'PUT /v1/topics/{topicId}/vote': { choices: ['yes'] },
  'POST /v1/me/documents/{serial}/share': { days: 7 },
  'POST /v1/staff/documents/{serial}/revoke': { reason: '测试撤销的原因' },
  'POST /v1/workorders/{no}/me-too': { followToken: 'a'.repeat(32) },
  'POST /v1/workorders/{no}/{action}': { result: '已处理完毕，现场恢复正常' },
  'POST /v1/workorders/{no}/extension': { days: 2, reason: '需要协调物业' },
  'POST /v1/workorders/{no}/extension-decision': { approve: true },
  'POST /v1/workorders/{no}/duplicate': { originalNo: 'SQ20991231999998' },
  'POST /v1/workorders/{no}/notes': { note: '已到现场查看' },
  'POST /v1/workorders/{no}/supplement': { note: '补充一下具体位置' },
  'PUT /v1/admin/member/benefits/{benefitId}': {
    id: 'no-such-benefit',
    title: '不存在的福利',
    description: '',
    partner: '无',
    partnerId: 'nobody',
    stock: 1,
    perMemberLimit: 1,
    minLevel: 'standard',
    pointsPrice: 0,
    validDays: 7,
  },
};
/** A valid query for routes that need one, so that an unknown id is what the answer is about. */
const VALID_QUERY: Record<string, Record<string, string>> = { 'GET /v1/service-points/{pointId}/slots': { itemId: 'id-card' } };
const paramsOf = (path: string, kind: 'unknown' | 'malformed') =>
  Object.fromEntries(
    [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [
      name,
      path.includes('/workorders/') && name === 'action'
        ? kind === 'unknown'
          ? 'resolve'
          : 'explode'
        : ((name === 'id' ? SHAPED_IDS.find(([re]) => re.test(path))?.[1] : undefined) ?? PARAMS[name])[kind],
    ]),
  );
const CHINESE = /[\u4e00-\u9fa5]/;
let token: string;
let adminToken: string;
let staffToken: string;
let partnerToken: string;
let firmToken: string;
let gridToken: string;
const tokenOfRole = (routeKey: string) =>
  routeKey.includes('/firm/') || routeKey.includes('/credit/mine')
    ? firmToken
    : routeKey.includes('/partner/')
      ? partnerToken
      : routeKey.includes('/admin/') ||
          (routeKey.includes('/supervision') && !routeKey.includes('/staff/')) ||
          routeKey.includes('/street/') ||
          /workorders\/\{no\}\/(\{action\}|extension-decision|duplicate)/.test(routeKey)
        ? adminToken
        : routeKey.includes('/staff/') ||
            routeKey.includes('/dashboard') ||
            routeKey.includes('/team/') ||
            routeKey.endsWith('/extension') ||
            routeKey.endsWith('/notes')
          ? staffToken
          : token;
/** 居民议事 (issue 19): a grid official's routes, as 网格员 何敏 (府前社区) */
const GRID_ROUTE = /\/v1\/community\b|\/topics\/\{topicId\}\/(open|decline|respond|follow-ups|work-order)$|\/moderate$/;
const tokenFor = (routeKey: string) => (GRID_ROUTE.test(routeKey) && !routeKey.includes('/credit/') ? gridToken : tokenOfRole(routeKey));

async function send(routeKey: string, opts: Parameters<typeof call>[2]) {
  for (const h of HANDLERS) {
    const r = await call(h, routeKey, opts);
    if (!(r.status === 404 && r.body?.error?.message === '没有这个接口')) return r;
  }
  throw new Error(`no handler serves ${routeKey}`);
}

let wechat: Server;
beforeAll(async () => {
  // the WeChat stand-in: a made-up login or phone code is WeChat's own error (a 4xx for the caller), not an unreachable WeChat
  wechat = await startFakeWechat(0);
  process.env.WECHAT_API_BASE = `http://127.0.0.1:${(wechat.address() as AddressInfo).port}`;
  await seedAll();
  token = (await call(devHandler, 'POST /v1/dev/login', { body: { userId: 'u-resident-li' } })).body.token;
  adminToken = (await call(devHandler, 'POST /v1/dev/login', { body: { userId: 'u-admin' } })).body.token;
  staffToken = (await call(devHandler, 'POST /v1/dev/login', { body: { userId: 'u-staff-police' } })).body.token;
  partnerToken = (await call(devHandler, 'POST /v1/dev/login', { body: { userId: 'u-partner-museum' } })).body.token;
  firmToken = (await call(devHandler, 'POST /v1/dev/login', { body: { userId: 'u-enterprise-wang' } })).body.token;
  gridToken = (await call(devHandler, 'POST /v1/dev/login', { body: { userId: 'u-grid-beijing' } })).body.token;
});

afterAll(() => new Promise((r) => wechat.close(r)));

// Open311 answers in its own spec's error format (tested in open311/open311.test.ts)
const documented = ROUTES.filter((r) => !r.path.startsWith('/open311/'));
const withBody = documented.filter((r) => r.body);
const withParams = documented.filter((r) => r.params);
const withQuery = documented.filter((r) => r.query);

describe.each(withBody.map((r) => [`${r.method} ${r.path}`]))('%s body', (routeKey) => {
  it.each([
    ['missing fields', { body: {} }, 400],
    ['wrong types', { body: { code: 1, userId: 2, name: 3, idNumber: 4, enterpriseName: 5, creditCode: 6 } }, 400],
    ['no body', {}, 400],
    ['broken JSON', { rawBody: '{"code":' }, 400],
    ['an array', { body: [1, 2] }, 400],
    ['oversize', { oversize: true }, 413],
  ])('%s → 4xx in Chinese', async (_what, extra, status) => {
    // over the route's own limit (a policy's original text may take 96 KB; every other body 16 KB)
    const limit = routeOf(routeKey)?.maxBodyBytes ?? 16 * 1024;
    const sent = 'oversize' in (extra as object) ? { rawBody: JSON.stringify({ code: 'x'.repeat(limit + 1024) }) } : extra;
    const r = await send(routeKey, { token: tokenFor(routeKey), params: paramsOf(routeKey, 'unknown'), ...(sent as object) });
    expect(r.status).toBe(status);
    expect(r.body.error.message).toMatch(CHINESE);
  });
});

describe.each(withParams.map((r) => [`${r.method} ${r.path}`]))('%s id', (routeKey) => {
  it('unknown id → 404 in Chinese', async () => {
    const r = await send(routeKey, {
      token: tokenFor(routeKey),
      params: paramsOf(routeKey, 'unknown'),
      query: VALID_QUERY[routeKey],
      body: VALID_BODY[routeKey],
    });
    expect(r.status).toBe(404);
    expect(r.body.error.message).toMatch(CHINESE);
  });
  it('malformed id → 400 in Chinese', async () => {
    const r = await send(routeKey, { token: tokenFor(routeKey), params: paramsOf(routeKey, 'malformed'), body: {} });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(CHINESE);
  });
});

describe.each(withQuery.map((r) => [`${r.method} ${r.path}`]))('%s query', (routeKey) => {
  it('unknown or wrongly typed parameters → 400 in Chinese', async () => {
    for (const query of [{ bogus: '1' }, { limit: 'many' }, { reveal: 'maybe' }, { state: 'weird' }] as Record<string, string>[]) {
      const r = await send(routeKey, { token: tokenFor(routeKey), query });
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(CHINESE);
    }
  });
});

describe('sessions on every protected route', () => {
  it.each(ROUTES.filter((r) => r.auth === 'session').map((r) => [`${r.method} ${r.path}`]))('%s without a session → 401', async (routeKey) => {
    const r = await send(routeKey, { body: {}, params: paramsOf(routeKey, 'unknown') });
    expect(r.status).toBe(401);
    expect(r.body.error.message).toMatch(CHINESE);
  });
});

/**
 * The attack of issue 13, kept: every route in the OpenAPI document (Open311 included) gets hostile values in each
 * path parameter, query parameter and body field, and hostile raw bodies. No answer is a 5xx, a rejected request
 * writes nothing (the local stage's store meter counts every write), and nothing reaches Object.prototype.
 */
describe('fuzz: every documented route with hostile input', () => {
  const deep = (n: number): unknown => (n === 0 ? 'x' : { a: deep(n - 1) });
  const STRINGS = [
    '',
    '____',
    '-1',
    '1e400',
    '123456789012345678901234567890',
    'PROFILE',
    'DRAFT#x',
    '../../etc/passwd',
    '%E0%A4%A',
    '\u0000',
    'a'.repeat(3000),
    '🙂',
  ];
  const VALUES: unknown[] = [
    ...STRINGS,
    -1,
    1e308,
    2 ** 53 + 1,
    true,
    null,
    [],
    {},
    deep(40),
    { '': 1 },
    JSON.parse('{"__proto__":{"polluted":1}}'),
    { constructor: { prototype: { polluted: 1 } } },
  ];
  const RAW = [
    '{"a":1e400}',
    '{"answers":{"n":123456789012345678901234567890}}',
    `${'['.repeat(64)}${']'.repeat(64)}`,
    '{"__proto__":{"polluted":1},"answers":{"__proto__":{"polluted":1}}}',
    '{"":""}',
  ];
  // a wrong try is counted by design: these routes write their limiter row for a well-formed but wrong request
  const COUNTS_TRIES = new Set(['POST /v1/lookup', 'GET /v1/verify/{serial}', 'POST /v1/me/invitation', 'POST /v1/me/identity/face/start']);
  const shapeOf = (schema: unknown) => {
    const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
    return shape && typeof shape === 'object' ? Object.keys(shape) : [];
  };
  const fuzzed = ROUTES.filter((r) => !r.localOnly);

  it.each(fuzzed.map((r) => [`${r.method} ${r.path}`, r]))('%s', async (routeKey, r) => {
    const cases: Parameters<typeof call>[2][] = [];
    const params = paramsOf(r.path, 'unknown');
    const base = { token: tokenFor(routeKey), params };
    for (const name of Object.keys(params))
      for (const v of STRINGS.slice(0, 9)) cases.push({ ...base, params: { ...params, [name]: v }, body: VALID_BODY[routeKey] ?? {} });
    for (const [i, key] of [...shapeOf(r.query), 'cursor'].entries())
      for (let k = 0; k < 5; k++) cases.push({ ...base, query: { [key]: STRINGS[(i + k) % STRINGS.length] } });
    if (r.body) {
      for (const [i, key] of shapeOf(r.body).entries())
        for (let k = 0; k < 6; k++) cases.push({ ...base, body: { ...(VALID_BODY[routeKey] as object), [key]: VALUES[(i * 3 + k) % VALUES.length] } });
      for (const raw of RAW) cases.push({ ...base, rawBody: raw });
      for (const v of [deep(40), [VALUES], 'text']) cases.push({ ...base, body: v });
    }
    const problems: string[] = [];
    for (const c of cases) {
      const res = await send(routeKey, c);
      const cost = parseStoreCost(res.headers['x-store-cost']);
      const what = JSON.stringify({ params: c?.params, query: c?.query, body: c?.body ?? c?.rawBody }).slice(0, 160);
      if (res.status >= 500) problems.push(`${res.status} for ${what}`);
      if (res.status >= 400 && cost && (cost.writes > 0 || cost.transactions > 0) && !COUNTS_TRIES.has(routeKey))
        problems.push(`a rejected request wrote (${res.headers['x-store-cost']}) for ${what}`);
    }
    expect(problems).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
