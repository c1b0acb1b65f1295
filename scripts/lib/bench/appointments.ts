/**
 * 预约 / 取号 / 叫号 (issue 18) on the local stack. Points of the bench's own (DISTRICT_HALL's areas, windows and hours
 * under new ids, put in this process before the appointments function first reads the points), so that repeated runs
 * and the other steps never meet the same slot counts and queues; the stack's clock on a weekday at 10:00 in Beijing
 * (put back afterwards). Fetch from this process: latency as each person, officer or screen feels it.
 *  - 预约: 50 people at once at the last 10 places of one slot (201 / 409), and 50 at once across slots with room;
 *    one wave, then waves back to back for `seconds` (each wave a slot, or a set of slots, of its own);
 *  - 取号: 50 walk-ins at once with the day's code (each wave on the next weekday): distinct, consecutive numbers?
 *  - 叫号: two officers calling next / served at windows 1 and 2 while 20 hall screens poll the screen route every
 *    1.5 s (as the screen page does): the routes, and the time from a `next` answer until a screen shows the call.
 */
import fs from 'node:fs';
import { DISTRICT_HALL, dayKind, isoWeekday, slotsFor, type PointSpec } from '@yx/shared';
import { COST_COLUMNS, costCells, type RouteKind } from './cost';
import { clockMover, dayIn } from './member';
import { pool, queue } from './pool';
import { ms, pct, statusText } from './stats';
import { shoot, statusesOf, wave, type Shot } from './waves';

const CROWD = 50;
const LAST_PLACES = 10;
const SCREENS = 20;
/** miniapp/src/packages/hall/screen/useScreen.ts SCREEN_POLL_MS */
const POLL_MS = 1500;
/** how long an officer keeps a called number before marking it served */
const HOLD_MS = 500;
const WALK_IN_ITEM = 'social-security-card'; // area A: windows 1–4, department 'data'

const sleep = (n: number) => new Promise((r) => setTimeout(r, Math.max(0, n)));

const HEAD = `| action | requests | p50 ms | p99 ms | statuses | ${COST_COLUMNS.head} |`;
const RULE = `|---|---:|---:|---:|---|${COST_COLUMNS.rule}|`;

/** What the answers other than those expected said, by row: printed under the table. */
const notes: string[] = [];
const messageOf = (body: string) => {
  try {
    return (JSON.parse(body) as { error?: { message?: string } }).error?.message ?? body.slice(0, 80);
  } catch {
    return body.slice(0, 80) || 'no answer';
  }
};
function printNotes() {
  if (notes.length)
    console.log(
      `\nAnswers other than those expected (a 200 to a booking: the key's earlier result, i.e. the request was sent again):\n${notes.map((n) => `- ${n}`).join('\n')}`,
    );
  notes.length = 0;
}
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A table row: latency of every shot; the store figures of the answers with the first expected status. */
function row(title: string, kind: RouteKind, shots: readonly Shot[], expected: number[] = [200]) {
  const costed = (s: Shot) => s.status === expected[0];
  const times = shots.map((s) => s.ms);
  const costs = shots.filter((s) => costed(s) && s.cost).map((s) => s.cost!);
  const odd = new Map<string, number>();
  for (const s of shots)
    if (!expected.includes(s.status)) odd.set(`${s.status} 「${messageOf(s.body)}」`, (odd.get(`${s.status} 「${messageOf(s.body)}」`) ?? 0) + 1);
  if (odd.size) notes.push(`${title}: ${[...odd].map(([m, n]) => `${m} ×${n}`).join('; ')}`);
  console.log(`| ${title} | ${shots.length} | ${ms(pct(times, 50))} | ${ms(pct(times, 99))} | ${statusText(statusesOf(shots))} | ${costCells(kind, costs)} |`);
}

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const isWeekday = (d: string) => dayKind(d) === 'workday' && isoWeekday(d) <= 5;
function weekdays(from: string, count: number): string[] {
  const out: string[] = [];
  for (let d = from; out.length < count; d = addDays(d, 1)) if (isWeekday(d)) out.push(d);
  return out;
}

/** New people with sessions: rows written directly, as the API tests and the member zone do. */
async function people(n: number, prefix: string, role: 'resident' | 'staff' = 'resident', departmentId?: string): Promise<string[]> {
  const { batchPut } = await import('../../../functions/src/guide/repository');
  const { seedUserItems } = await import('../../../functions/src/identity/repository');
  const { issueSession } = await import('../../../functions/src/lib/session');
  const ids = Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
  await batchPut(
    ids.flatMap((id) => seedUserItems({ id, role, nickname: id, ...(departmentId ? { departmentId } : {}), createdAt: '2026-01-01', updatedAt: '2026-01-01' })),
  );
  return Promise.all(ids.map(async (userId) => (await issueSession({ userId, role })).token));
}

let keys = 0;
const idemKey = (tag: string) => `bench-${tag}-${++keys}-${Math.random().toString(36).slice(2, 10)}`;

export async function appointmentsBench(o: { api: string; clockFile: string; seconds: number; tag: string }) {
  const { api, tag, seconds } = o;
  const repo = await import('../../../functions/src/appointments/repository');
  const setDay = clockMover(o.clockFile);
  const post = (route: string, token: string, body: unknown = {}, headers: Record<string, string> = {}) =>
    fetch(`${api}${route}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const get = (route: string, token?: string) => fetch(`${api}${route}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  // the points: the last places (capacity 4 windows × 5 = 20 a slot), slots with room (4 × 15 = 60), numbers, calling
  const point = (id: string, name: string, capacityPerWindow = DISTRICT_HALL.capacityPerWindow): PointSpec => ({
    ...DISTRICT_HALL,
    id: `bench-${id}-${tag}`,
    name: `压测大厅（${name}）`,
    capacityPerWindow,
  });
  const full = point('full', '最后名额', 5);
  const roomy = point('roomy', '有余量', 15);
  const numbers = point('numbers', '取号');
  const calling = point('calling', '叫号');
  await repo.putPoints([full, roomy, numbers, calling]);

  const home = weekdays(dayIn(5, 1), 1)[0]!; // the clock's day: 10:00 in Beijing on a weekday
  const bookDates = weekdays(addDays(home, 1), 14).filter((d) => d <= addDays(home, 14)); // bookable: within 14 days
  const itemsA = DISTRICT_HALL.areas.find((a) => a.prefix === 'A')!.itemIds;
  const slots = slotsFor(full, WALK_IN_ITEM, bookDates[0]!).filter((s) => s.kind === 'day'); // not the Tuesday and Thursday evenings
  const starts = slots.map((s) => s.start);
  const capFull = slots[0]!.capacity;

  const [crowdFull, crowdRoomy, crowdNumbers, officers] = await Promise.all([
    people(CROWD, `u-bench-ap-${tag}-f`),
    people(CROWD, `u-bench-ap-${tag}-r`),
    people(CROWD, `u-bench-ap-${tag}-n`),
    people(2, `u-bench-ap-${tag}-o`, 'staff', 'data'),
  ]);

  try {
    await setDay(home);
    // a worker that read the points before they were put keeps its list a minute: ask until every point is known,
    // 50 at once (which also starts the function's workers, one per concurrent call)
    const ids = [full, roomy, numbers, calling].map((p) => p.id);
    for (let tries = 0; ; tries++) {
      const probe = await wave(CROWD, (i) => get(`/v1/service-points/${ids[i % ids.length]}`));
      if (probe.every((s) => s.status === 200)) break;
      if (tries >= 14) throw new Error(`the stack does not know the bench's points: ${statusText(statusesOf(probe))}`);
      await sleep(5000);
    }

    console.log(
      `\n## 预约 / 取号 / 叫号: ${CROWD} people at the same moment (fetch from this process; latency as each person feels it); the stack's clock at ${home} 10:00 (Beijing)\n`,
    );
    console.log(HEAD);
    console.log(RULE);

    // ---- 预约 (a): the last 10 places of one slot --------------------------------------------------------------
    // wave k: its own slot (a date, a start) and an item of area A of its own (one item a day per person)
    const D = bookDates.length;
    const planFull = (k: number) => ({ date: bookDates[k % D]!, start: starts[Math.floor(k / D)]!, itemId: itemsA[Math.floor(k / D)]! });
    const maxFull = D * Math.min(starts.length, itemsA.length);
    const fullWave = async (k: number) => {
      const p = planFull(k);
      for (let j = 0; j < capFull - LAST_PLACES; j++) await repo.takePlace(full.id, 'A', p.date, p.start, capFull); // the places already taken
      return wave(CROWD, (i) => post('/v1/appointments', crowdFull[i]!, { pointId: full.id, ...p }, { 'idempotency-key': idemKey(tag) }));
    };
    const fullFirst = await fullWave(0);
    const fullMore: Shot[][] = [];
    for (let k = 1, end = performance.now() + seconds * 1000; k < maxFull && performance.now() < end; k++) fullMore.push(await fullWave(k));
    const fullAll = [fullFirst, ...fullMore];
    const refused = (s: Shot) => s.status === 409;
    row(`预约 (a): ${CROWD} at the last ${LAST_PLACES} places of a slot, one wave`, 'write', fullFirst, [201, 409]);
    row(`预约 (a): the same, ${plural(fullMore.length, 'more wave')} back to back (${seconds} s)`, 'write', fullMore.flat(), [201, 409]);
    row(`预约 (a): the refused ones (409 已约满), store figures of the 409s`, 'write', fullAll.flat().filter(refused), [409]);

    // ---- 预约 (b): across slots with room ------------------------------------------------------------------------
    // wave k: a date and an item of its own; person i at start i + k (about 4 people a slot, 60 places each)
    const planRoomy = (k: number, i: number) => ({
      date: bookDates[k % D]!,
      itemId: itemsA[Math.floor(k / D) % itemsA.length]!,
      start: starts[(i + k) % starts.length]!,
    });
    const maxRoomy = D * itemsA.length;
    const roomyWave = (k: number) =>
      wave(CROWD, (i) => post('/v1/appointments', crowdRoomy[i]!, { pointId: roomy.id, ...planRoomy(k, i) }, { 'idempotency-key': idemKey(tag) }));
    const roomyFirst = await roomyWave(0);
    const roomyMore: Shot[][] = [];
    for (let k = 1, end = performance.now() + seconds * 1000; k < maxRoomy && performance.now() < end; k++) roomyMore.push(await roomyWave(k));
    row(`预约 (b): ${CROWD} at once across ${Math.min(CROWD, starts.length)} slots with room, one wave`, 'write', roomyFirst, [201]);
    row(`预约 (b): the same, ${plural(roomyMore.length, 'more wave')} back to back (${seconds} s)`, 'write', roomyMore.flat(), [201]);

    // ---- 取号: 50 walk-ins at once, each wave on the next weekday ------------------------------------------------
    const numberDays = weekdays(home, 60);
    const numberWave = async (w: number) => {
      await setDay(numberDays[w]!);
      const c = await get(`/v1/staff/hall/points/${numbers.id}/check-in-code`, officers[0]);
      if (c.status !== 200) throw new Error(`check-in code: ${c.status} ${await c.text()}`);
      const { code } = (await c.json()) as { code: string };
      return wave(CROWD, (i) =>
        post(`/v1/service-points/${numbers.id}/arrivals`, crowdNumbers[i]!, { code, itemId: WALK_IN_ITEM }, { 'idempotency-key': idemKey(tag) }),
      );
    };
    const numbersFirst = await numberWave(0);
    const numbersMore: Shot[][] = [];
    for (let w = 1, end = performance.now() + seconds * 1000; w < numberDays.length && performance.now() < end; w++) numbersMore.push(await numberWave(w));
    row(`取号: ${CROWD} walk-ins at once with the day's code, one wave`, 'write', numbersFirst);
    row(`取号: the same, ${plural(numbersMore.length, 'more wave')} back to back (a new day each)`, 'write', numbersMore.flat());
    printNotes();
    await setDay(home);

    // ---- what the waves did --------------------------------------------------------------------------------------
    const won = fullAll.map((w) => w.filter((s) => s.status === 201).length);
    const counts = await repo.bookedCounts(full.id, 'A', bookDates[0]!, bookDates[D - 1]!);
    const slotsFull = fullAll.map((_, k) => counts.get(`${planFull(k).date}#${planFull(k).start}`) ?? 0);
    const refusedText = new Set(
      fullAll
        .flat()
        .filter(refused)
        .map((s) => (JSON.parse(s.body) as { error?: { message?: string } }).error?.message ?? '?'),
    );
    console.log(
      `\n预约 (a): ${fullAll.length} waves; 201 per wave ${Math.min(...won)}–${Math.max(...won)} (of ${LAST_PLACES} places), ` +
        `slots full afterwards (${capFull} of ${capFull}): ${slotsFull.every((n) => n === capFull) ? 'yes' : `no (${slotsFull.join(', ')})`}; ` +
        `409 said: ${[...refusedText].join(' / ') || '–'}. The ${capFull - LAST_PLACES} places before the last ${LAST_PLACES} were taken in this process (the same conditional ADD).`,
    );
    const roomyAll = [roomyFirst, ...roomyMore].flat();
    console.log(`预约 (b): ${roomyAll.length} bookings over ${roomyMore.length + 1} waves, ${roomyAll.filter((s) => s.status === 201).length} made.`);
    const numberCheck = [numbersFirst, ...numbersMore].map((w, i) => {
      const nos = w
        .filter((s) => s.status === 200)
        .map((s) => (JSON.parse(s.body) as { no: string }).no)
        .sort();
      const expected = Array.from({ length: CROWD }, (_, j) => `A${String(j + 1).padStart(3, '0')}`);
      return { day: numberDays[i], ok: nos.length === CROWD && nos.every((n, j) => n === expected[j]), distinct: new Set(nos).size, nos };
    });
    const badDays = numberCheck.filter((c) => !c.ok);
    console.log(
      `取号: numbers distinct and consecutive (A001–A${String(CROWD).padStart(3, '0')}) in every wave: ${badDays.length ? 'no' : 'yes'} ` +
        `(${numberCheck.length} waves)${badDays.map((c) => `; ${c.day}: ${c.distinct} distinct, ${c.nos[0] ?? '–'}…${c.nos[c.nos.length - 1] ?? '–'}`).join('')}.`,
    );

    await hallCalls({ api, calling, officers, seconds, tag, get, post });
  } finally {
    fs.writeFileSync(o.clockFile, JSON.stringify({ offsetMs: 0 }));
  }
}

interface ScreenBody {
  calls: { no: string; windowNo: number; at: string }[];
}
interface DeskBody {
  current?: { no: string; calledAt?: string };
}

/**
 * 叫号: a queue of walk-ins, two officers at windows 1 and 2 calling next / served in a loop (holding each number
 * HOLD_MS), 20 screens polling the screen route every POLL_MS from a random start; then when each screen first showed
 * each call, against when the officer had the `next` answer.
 */
async function hallCalls(o: {
  api: string;
  calling: PointSpec;
  officers: string[];
  seconds: number;
  tag: string;
  get: (route: string, token?: string) => Promise<Response>;
  post: (route: string, token: string, body?: unknown, headers?: Record<string, string>) => Promise<Response>;
}) {
  const { calling, officers, seconds, tag, get, post } = o;
  for (const [i, t] of officers.entries()) {
    const r = await post(`/v1/staff/hall/windows/${calling.id}/${i + 1}/sign-in`, t);
    if (r.status !== 200) throw new Error(`sign-in at window ${i + 1}: ${r.status} ${await r.text()}`);
  }
  // a queue long enough for the loop: each window calls at most once per HOLD_MS
  const waiting = Math.ceil(((seconds * 1000) / HOLD_MS) * officers.length) + 10;
  const crowd = await people(waiting, `u-bench-ap-${tag}-q`);
  const c = await get(`/v1/staff/hall/points/${calling.id}/check-in-code`, officers[0]);
  if (c.status !== 200) throw new Error(`check-in code: ${c.status} ${await c.text()}`);
  const { code } = (await c.json()) as { code: string };
  const queued = await pool({
    connections: 10,
    seconds: 600,
    next: queue([...crowd]).take,
    fire: (t) => post(`/v1/service-points/${calling.id}/arrivals`, t, { code, itemId: WALK_IN_ITEM }, { 'idempotency-key': idemKey(tag) }),
  });
  if ((queued.statuses.get(200) ?? 0) !== waiting) throw new Error(`the queue: ${statusText(queued.statuses)}`);

  const screenRoute = `/v1/service-points/${calling.id}/screen`;
  const seen = Array.from({ length: SCREENS }, () => new Map<string, number>()); // per screen: call → first shown
  const screenShots: Shot[] = [];
  let polling = true;
  const screen = async (s: number) => {
    await sleep(Math.random() * POLL_MS);
    // as setInterval with a poll still in flight skipped: the next tick after the answer
    for (let tick = performance.now(); polling;) {
      const shot = await shoot(() => get(screenRoute));
      screenShots.push(shot);
      if (shot.status === 200)
        for (const call of (JSON.parse(shot.body) as ScreenBody).calls)
          if (!seen[s]!.has(`${call.no}@${call.at}`)) seen[s]!.set(`${call.no}@${call.at}`, shot.at);
      while (tick <= performance.now()) tick += POLL_MS;
      await sleep(tick - performance.now());
    }
  };
  const screens = Array.from({ length: SCREENS }, (_, s) => screen(s));
  await sleep(POLL_MS); // every screen polling

  const answered = new Map<string, number>(); // call → when the officer had the answer
  const tapped = new Map<string, number>(); // call → when the officer's `next` was sent
  const nextShots: Shot[] = [];
  const servedShots: Shot[] = [];
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  const officer = async (token: string) => {
    while (performance.now() < end) {
      const n = await shoot(() => post('/v1/staff/hall/desk/next', token));
      nextShots.push(n);
      const current = n.status === 200 ? (JSON.parse(n.body) as DeskBody).current : undefined;
      if (!current) break; // nobody waiting, or refused
      answered.set(`${current.no}@${current.calledAt}`, n.at);
      tapped.set(`${current.no}@${current.calledAt}`, n.at - n.ms);
      await sleep(HOLD_MS);
      servedShots.push(await shoot(() => post('/v1/staff/hall/desk/served', token)));
    }
  };
  await Promise.all(officers.map(officer));
  const loopSeconds = (performance.now() - t0) / 1000;
  await sleep(POLL_MS + 1000); // the last calls reach every screen
  polling = false;
  await Promise.all(screens);

  console.log(
    `\n## 叫号 and the hall screen: 2 officers (windows 1 and 2) calling next → ${HOLD_MS} ms → served in a loop for ${loopSeconds.toFixed(1)} s, ` +
      `${SCREENS} screens polling every ${POLL_MS / 1000} s (from ${waiting} walk-ins queued)\n`,
  );
  console.log(HEAD);
  console.log(RULE);
  row(`GET /v1/service-points/{id}/screen (${SCREENS} screens / ${POLL_MS / 1000} s)`, 'read', screenShots);
  row('POST /v1/staff/hall/desk/next', 'write', nextShots);
  row('POST /v1/staff/hall/desk/served', 'write', servedShots);
  printNotes();

  const called = [...answered.keys()];
  const distinct = new Set(called.map((k) => k.split('@')[0])).size;
  console.log(
    `\n${called.length} calls, ${distinct} distinct numbers (the two windows never called the same person: ${distinct === called.length ? 'yes' : 'no'}).`,
  );

  // the update path: from the officer's `next` (its answer, or the tap) to the first poll of a screen that shows the call
  const delays = (from: Map<string, number>) => {
    const perScreen: number[] = [];
    const firstScreen: number[] = [];
    let never = 0;
    for (const [call, t] of from) {
      let first = Infinity;
      for (const m of seen) {
        const shown = m.get(call);
        if (shown === undefined) {
          never++;
          continue;
        }
        const d = Math.max(0, shown - t); // a poll may read the call before the officer's answer has arrived: 0
        perScreen.push(d);
        first = Math.min(first, d);
      }
      if (first < Infinity) firstScreen.push(first);
    }
    return { perScreen, firstScreen, never };
  };
  const fromAnswer = delays(answered);
  const fromTap = delays(tapped);
  console.log(
    '\nThe update path: from the `next` answer (as asked; a poll answered before the officer had the answer counts 0), and from the tap (`next` sent), to the first poll of a screen that shows the call.\n',
  );
  console.log('| measured over | n | p50 ms | p90 ms | p99 ms | max ms | ≤ 2 s | never shown |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  const line = (title: string, xs: number[], missing: number) =>
    console.log(
      `| ${title} | ${xs.length} | ${ms(pct(xs, 50))} | ${ms(pct(xs, 90))} | ${ms(pct(xs, 99))} | ${ms(xs.length ? Math.max(...xs) : NaN)} | ${
        xs.length ? `${((100 * xs.filter((x) => x <= 2000).length) / xs.length).toFixed(1)} %` : '–'
      } | ${missing} |`,
    );
  line(`from the answer, each screen (${called.length} calls × ${SCREENS} screens)`, fromAnswer.perScreen, fromAnswer.never);
  line(`from the answer, the first of the ${SCREENS} screens`, fromAnswer.firstScreen, called.length - fromAnswer.firstScreen.length);
  line(`from the tap, each screen`, fromTap.perScreen, fromTap.never);
  const bins = [0, 500, 1000, 1500, 2000, 3000];
  const hist = (xs: number[]) =>
    bins
      .map((lo, i) => {
        const hi = bins[i + 1] ?? Infinity;
        return `${hi === Infinity ? `≥ ${lo / 1000} s` : `${lo / 1000}–${hi / 1000} s`}: ${xs.filter((x) => x >= lo && x < hi).length}`;
      })
      .join(', ');
  console.log(`\nEach screen, from the answer: ${hist(fromAnswer.perScreen)}, never: ${fromAnswer.never}.`);
  console.log(`Each screen, from the tap: ${hist(fromTap.perScreen)}, never: ${fromTap.never}.`);
}
