import fs from 'node:fs';
import { pool, queue } from './pool';
import { ms, pct, statusText } from './stats';

/** The in-process code needs the stack's table: call before importing anything of functions/. */
export function tableOfStack(dynamo: string): void {
  process.env.DYNAMODB_ENDPOINT = dynamo;
  process.env.TABLE_NAME = 'yx-local';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
}

/** `n` new residents with a member card each (rows written directly, sessions issued here, cards through the API). */
export async function makeMembers(api: string, n: number, tag: string): Promise<string[]> {
  const { batchPut } = await import('../../../functions/src/guide/repository');
  const { seedUserItems } = await import('../../../functions/src/identity/repository');
  const { issueSession } = await import('../../../functions/src/lib/session');
  const ids = Array.from({ length: n }, (_, i) => `u-bench-${tag}-${i}`);
  await batchPut(ids.flatMap((id) => seedUserItems({ id, role: 'resident', nickname: id, createdAt: '2026-01-01', updatedAt: '2026-01-01' })));
  const tokens = await Promise.all(ids.map(async (userId) => (await issueSession({ userId, role: 'resident' })).token));
  const run = await pool({
    connections: 10,
    seconds: 600,
    next: queue([...tokens]).take,
    fire: (t) => fetch(`${api}/v1/member/card`, { method: 'POST', headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json' }, body: '{}' }),
  });
  const bad = run.requests - (run.statuses.get(200) ?? 0) - (run.statuses.get(201) ?? 0);
  if (bad) throw new Error(`member cards: ${statusText(run.statuses)}`);
  return tokens;
}

/** A local date (YYYY-MM-DD) `months` months from now, on day `day`. */
export function dayIn(months: number, day: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, day)).toISOString().slice(0, 10);
}

/** Moves every function's clock (the stack's clock file) to 10:00 in Shanghai on `date`. */
export const clockMover = (clockFile: string) => async (date: string) => {
  fs.writeFileSync(clockFile, JSON.stringify({ offsetMs: Date.parse(`${date}T02:00:00Z`) - Date.now() }));
  await new Promise((r) => setTimeout(r, 400)); // functions re-read the file every 250 ms
};

/** Rounds of `members` requests fired at the same moment; latency of each, as a person would feel it. */
async function burst(
  title: string,
  rounds: number,
  before: (round: number) => Promise<void> | void,
  fire: (i: number, round: number) => Promise<Response>,
  members: number,
) {
  const times: number[] = [];
  const statuses = new Map<number, number>();
  const t0 = Date.now();
  for (let round = 0; round < rounds; round++) {
    await before(round);
    await Promise.all(
      Array.from({ length: members }, async (_, i) => {
        const t = performance.now();
        const r = await fire(i, round);
        await r.arrayBuffer();
        times.push(performance.now() - t);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      }),
    );
  }
  const secs = (Date.now() - t0) / 1000;
  console.log(`| ${title} | ${times.length} | ${(times.length / secs).toFixed(0)} | ${ms(pct(times, 50))} | ${ms(pct(times, 99))} | ${statusText(statuses)} |`);
}

/**
 * 会员专区 under 50 members acting at once: check-ins (a new day each round, moved with the stack's clock file) and
 * member-day claims, then the whole crowd of members for the last units of a benefit; then the same through the
 * handler called in this process (no serverless-offline in between).
 */
export async function memberZone(o: { api: string; clockFile: string; members: string[]; rounds: number; lastUnits: number; tag: string; admin: string }) {
  const { api, members, rounds, tag } = o;
  const fifty = members.slice(0, 50);
  const crowd = members;
  const setDay = clockMover(o.clockFile);
  const post = (route: string, token: string, headers: Record<string, string> = {}) =>
    fetch(`${api}${route}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers }, body: '{}' });
  const month = 3; // months ahead: after the days the write routes used
  const day = (n: number) => dayIn(month, 1 + n);
  console.log(`\n## 会员专区: ${fifty.length} members at the same moment, per round (fetch from this process; latency as felt by each member)\n`);
  console.log('| action | requests | req/s | p50 ms | p99 ms | statuses |');
  console.log('|---|---:|---:|---:|---:|---|');
  try {
    // warm the member function's workers first (serverless-offline starts one per concurrent call)
    await Promise.all(fifty.map((t) => fetch(`${api}/v1/member`, { headers: { authorization: `Bearer ${t}` } }).then((r) => r.arrayBuffer())));
    await burst(
      'POST /v1/member/check-in (a new day each round)',
      rounds,
      (r) => setDay(day(r)),
      (i) => post('/v1/member/check-in', fifty[i]),
      fifty.length,
    );
    await burst(
      'POST /v1/member/check-in (again, same day)',
      Math.min(rounds, 4),
      () => undefined,
      (i) => post('/v1/member/check-in', fifty[i]),
      fifty.length,
    );
    const benefit = (id: string, stock: number, perMemberLimit: number) =>
      fetch(`${api}/v1/admin/member/benefits`, {
        method: 'POST',
        headers: { authorization: `Bearer ${o.admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          id,
          title: '压测福利',
          description: '',
          partner: '广东省博物馆',
          partnerId: 'gd-museum',
          stock,
          perMemberLimit,
          minLevel: 'standard',
          pointsPrice: 0,
          validDays: 7,
        }),
      });
    const made = await benefit(`bench-${tag}`, 100000, 10);
    if (made.status !== 201) throw new Error(`benefit not created: ${made.status} ${await made.text()}`);
    await setDay(dayIn(month, 18));
    await burst(
      'POST /v1/member/benefits/{id}/claim (plenty of stock)',
      rounds,
      () => undefined,
      (i, r) => post(`/v1/member/benefits/bench-${tag}/claim`, fifty[i], { 'idempotency-key': `bench-${tag}-${i}-${r}` }),
      fifty.length,
    );
    await benefit(`last-${tag}`, o.lastUnits, 1);
    await burst(
      `claim: ${crowd.length} members, ${o.lastUnits} units left (201 = code, 409 = 已领完)`,
      1,
      () => undefined,
      (i) => post(`/v1/member/benefits/last-${tag}/claim`, crowd[i], { 'idempotency-key': `last-${tag}-${i}` }),
      crowd.length,
    );

    // the same code called in this process (no serverless-offline in between): what our handler and the store cost
    const { handler } = await import('../../../functions/src/member/handler');
    const { call } = await import('../../../functions/test/http');
    const inProcess =
      (routeKey: string, token: string, params: Record<string, string> = {}, key?: string) =>
      async () => {
        const r = await call(key ? (e) => handler({ ...e, headers: { ...e.headers, 'idempotency-key': key } }) : handler, routeKey, { token, params });
        return new Response(JSON.stringify(r.body), { status: r.status });
      };
    await burst(
      'in process: check-in (a new day each round)',
      rounds,
      (r) => {
        process.env.FAKE_NOW = `${dayIn(month, 20 + r)}T02:00:00Z`;
      },
      (i) => inProcess('POST /v1/member/check-in', fifty[i])(),
      fifty.length,
    );
    process.env.FAKE_NOW = `${dayIn(month + 1, 18)}T02:00:00Z`;
    await benefit(`proc-${tag}`, 100000, 10);
    await burst(
      'in process: claim (plenty of stock)',
      rounds,
      () => undefined,
      (i, r) => inProcess('POST /v1/member/benefits/{benefitId}/claim', fifty[i], { benefitId: `proc-${tag}` }, `proc-${tag}-${i}-${r}`)(),
      fifty.length,
    );
    const last = await benefit(`proc-last-${tag}`, o.lastUnits, 1);
    if (last.status !== 201) throw new Error(`benefit not created: ${last.status} ${await last.text()}`);
    await burst(
      `in process: ${crowd.length} members, ${o.lastUnits} units left`,
      1,
      () => undefined,
      (i) => inProcess('POST /v1/member/benefits/{benefitId}/claim', crowd[i], { benefitId: `proc-last-${tag}` }, `pl-${tag}-${i}`)(),
      crowd.length,
    );
    delete process.env.FAKE_NOW;
  } finally {
    fs.writeFileSync(o.clockFile, JSON.stringify({ offsetMs: 0 }));
  }
}
