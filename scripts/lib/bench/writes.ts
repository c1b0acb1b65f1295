import { COST_COLUMNS, costCells, type RouteKind } from './cost';
import { cpuPerRequest, cpuSnapshot } from './cpu';
import { logCounter, pool, queue, type PoolRun } from './pool';
import { ms, pct, statusText } from './stats';

export interface Session {
  api: string;
  token: (userId: string) => Promise<string>;
}

export interface WriteBench extends Session {
  /** serverless-offline's output (startStack with quiet: true) */
  logFile: string;
  seconds: number;
  /** member tokens (each with a card), one check-in and one claim each per connection count */
  members: string[];
  /** moves every function's clock to 10:00 Shanghai time on the date */
  setDay: (date: string) => Promise<void>;
  /** dates for the members' check-ins and claims (a claim needs a member day, the 18th) per connection count */
  days: Record<number, { checkIn: string; claim: string }>;
  /** the id of a completed upload of zhang's, for the submissions' m1 */
  fileId: string;
  tag: string;
}

const CONFLICT = /transaction conflict/i;

/** The application the bench submits (无犯罪记录证明, owned by the police department) and the work order it files. */
export const application = (fileId: string) => ({
  itemId: 'no-criminal-record',
  answers: {
    realName: '张晓明',
    idNumber: '440104199003070017',
    phone: '13800138000',
    street: 'beijing',
    purpose: 'employment',
    m0: [{ kind: 'elicence', licenceId: 'el_zhang_idcard' }],
    m1: [{ kind: 'upload', fileId }],
  },
});
const WORK_ORDER = {
  categoryId: 'cityscape-garbage',
  description: '垃圾清运不及时（压测）',
  place: { lat: 23.12505, lng: 113.26915, address: '越秀区北京路' },
};

/** The staff actions from submitted to delivered, with the body each takes besides the version. */
const STAFF_STEPS = [
  ['accept', {}],
  ['startReview', {}],
  ['approve', { note: '符合条件' }],
  ['deliver', { method: 'pickup' }],
] as const;

/**
 * Write routes under 10 and 50 connections, each request on a target of its own: submissions (each with its own
 * idempotency key) whose applications the police officer then takes through every staff action to delivery; work
 * orders filed and claimed by the handling team (城管); members checking in and claiming a member-day benefit.
 * Beside each: p99 ÷ p99 of GET /v1/me at the same connection count in the same run (the goal: ≤ 3), the
 * "transaction conflict" retries the API logged meanwhile (goal: none), and what one request asks of DynamoDB.
 */
export async function writeRoutes(b: WriteBench): Promise<void> {
  const [zhang, police, urban] = await Promise.all(['u-resident-zhang', 'u-staff-police', 'u-staff-urban'].map((u) => b.token(u)));
  const send = (method: string, route: string, token: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${b.api}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const conflicts = logCounter(b.logFile, CONFLICT);
  const admin = await b.token('u-admin');

  // serverless-offline runs one worker per concurrent call of a function: start them (a cheap route of the function,
  // c at once, twice) before measuring the function's rows
  const warm = async (c: number, route: string, token: string) => {
    for (let round = 0; round < 2; round++) await Promise.all(Array.from({ length: c }, () => send('GET', route, token).then((r) => r.arrayBuffer())));
  };

  // steady state, not start-up: a few seconds of the same writes first (discarded), so DynamoDB Local's JIT and each
  // function's workers have run these code paths before anything is measured (cold starts are the functions table's)
  const warmup = async () => {
    const seconds = Math.min(5, b.seconds / 2);
    const made: { appNo: string; version: number }[] = [];
    let n = 0;
    await pool({
      connections: 10,
      seconds,
      next: () => n++,
      fire: (i) => send('POST', '/v1/applications', zhang, application(b.fileId), { 'idempotency-key': `bench-warm-${b.tag}-${i}` }),
      done: (_, status, body) => {
        if (status === 201) made.push({ appNo: (JSON.parse(body) as { appNo: string }).appNo, version: 1 });
      },
    });
    await pool({
      connections: 10,
      seconds,
      next: queue(made).take,
      fire: (a) => send('POST', `/v1/staff/applications/${a.appNo}/accept`, police, { version: a.version }),
    });
    let m = 0;
    await pool({
      connections: 10,
      seconds,
      next: () => m++,
      fire: (i) => send('POST', '/v1/workorders', zhang, WORK_ORDER, { 'idempotency-key': `bench-warm-wo-${b.tag}-${i}` }),
    });
  };
  await warmup();

  console.log(
    `\n## Write routes on the local stack: 10 and 50 connections, ≤ ${b.seconds} s each (a pool of workers, each request its own target; p99 ÷ me = p99 ÷ p99 of GET /v1/me at the same connections)\n`,
  );
  console.log(
    `| route | conn | requests | req/s | p50 ms | p99 ms | p99 ÷ me | statuses | conflict retries logged | CPU ms per request: store · API · reader | ${COST_COLUMNS.head} |`,
  );
  console.log(`|---|---:|---:|---:|---:|---:|---:|---|---:|---|${COST_COLUMNS.rule}|`);

  for (const c of [10, 50]) {
    await conflicts(); // only what each row's requests cause
    let meP99 = NaN;
    const row = async (title: string, kind: RouteKind, load: () => Promise<PoolRun>) => {
      const before = cpuSnapshot();
      const run = await load();
      const cpu = cpuPerRequest(before, cpuSnapshot(), run.requests);
      const p99 = pct(run.times, 99);
      const ratio = title.startsWith('GET /v1/me') ? '1' : (p99 / meP99).toFixed(1);
      const verdictGoal = Number(ratio) > 3 ? ` (> 3)` : '';
      console.log(
        `| ${title} | ${c} | ${run.requests} | ${(run.requests / run.seconds).toFixed(0)} | ${ms(pct(run.times, 50))} | ${ms(p99)} | ${ratio}${verdictGoal} | ${statusText(run.statuses)} | ${await conflicts()} | ${cpu} | ${costCells(kind, run.costs)} |`,
      );
      return p99;
    };
    const forever = () => {
      let i = 0;
      return () => i++;
    };

    await warm(c, '/v1/me', zhang);
    meP99 = await row('GET /v1/me (baseline)', 'read', () =>
      pool({ connections: c, seconds: b.seconds, next: forever(), fire: () => send('GET', '/v1/me', zhang) }),
    );

    // 掌上办: submit, then each staff action on the applications the previous step moved
    let apps: { appNo: string; version: number }[] = [];
    await warm(c, '/v1/applications?limit=1', zhang);
    await row('POST /v1/applications (submit)', 'write', () =>
      pool({
        connections: c,
        seconds: b.seconds,
        next: forever(),
        fire: (i) => send('POST', '/v1/applications', zhang, application(b.fileId), { 'idempotency-key': `bench-${b.tag}-${c}-${i}` }),
        done: (_, status, body) => {
          if (status === 201) apps.push({ appNo: (JSON.parse(body) as { appNo: string }).appNo, version: 1 });
        },
      }),
    );
    await warm(c, '/v1/staff/counts', police);
    for (const [action, extra] of STAFF_STEPS) {
      const moved: typeof apps = [];
      const q = queue(apps);
      await row(`POST /v1/staff/applications/{appNo}/${action}`, 'write', () =>
        pool({
          connections: c,
          seconds: b.seconds,
          next: q.take,
          fire: (a) => send('POST', `/v1/staff/applications/${a.appNo}/${action}`, police, { version: a.version, ...extra }),
          done: (a, status, body) => {
            if (status === 200) moved.push({ appNo: a.appNo, version: (JSON.parse(body) as { version: number }).version });
          },
        }),
      );
      apps = moved;
    }

    // 诉求: file, then the handling team signs for each (签收)
    const orders: string[] = [];
    await warm(c, '/v1/workorders/mine', zhang);
    await row('POST /v1/workorders (file)', 'write', () =>
      pool({
        connections: c,
        seconds: b.seconds,
        next: forever(),
        fire: (i) => send('POST', '/v1/workorders', zhang, WORK_ORDER, { 'idempotency-key': `bench-wo-${b.tag}-${c}-${i}` }),
        done: (_, status, body) => {
          if (status === 201) orders.push((JSON.parse(body) as { no: string }).no);
        },
      }),
    );
    await row('POST /v1/workorders/{no}/claim (城管)', 'write', () =>
      pool({ connections: c, seconds: b.seconds, next: queue(orders).take, fire: (no) => send('POST', `/v1/workorders/${no}/claim`, urban, {}) }),
    );

    // 会员专区: every member checks in once on a new day, then claims a benefit once on a member day
    await warm(c, '/v1/member', b.members[0]);
    await b.setDay(b.days[c].checkIn);
    await row('POST /v1/member/check-in', 'write', () =>
      pool({ connections: c, seconds: b.seconds, next: queue([...b.members]).take, fire: (t) => send('POST', '/v1/member/check-in', t, {}) }),
    );
    const benefit = `bench-w${c}-${b.tag}`;
    const made = await send('POST', '/v1/admin/member/benefits', admin, {
      id: benefit,
      title: '压测福利',
      description: '',
      partner: '广东省博物馆',
      partnerId: 'gd-museum',
      stock: 100000,
      perMemberLimit: 1,
      minLevel: 'standard',
      pointsPrice: 0,
      validDays: 7,
    });
    if (made.status !== 201) throw new Error(`benefit not created: ${made.status} ${await made.text()}`);
    await b.setDay(b.days[c].claim);
    await row('POST /v1/member/benefits/{id}/claim', 'write', () =>
      pool({
        connections: c,
        seconds: b.seconds,
        next: queue(b.members.map((t, i) => [t, i] as const)).take,
        fire: ([t, i]) => send('POST', `/v1/member/benefits/${benefit}/claim`, t, {}, { 'idempotency-key': `${benefit}-${i}` }),
      }),
    );
  }
  console.log(
    '\nStaff actions run on the applications the step before moved (accept on those just submitted, and so on), so a step has at most as many targets as the step before answered 2xx (fewer when its own time runs out first); check-in and claim have one target per member. ' +
      'Conflict retries: lines of the API log saying "transaction conflict" (lib/db retries a transaction cancelled by a conflict alone); DynamoDB Local runs transactions one at a time and never reports a conflict, so locally this stays 0 — it counts in a deployed stage’s logs. CPU: what the stack’s processes used during the row, per request (/proc; DynamoDB Local, serverless-offline with its workers, the stream reader): with both cores busy, p99 ÷ me follows the ratio of these costs.',
  );
}
