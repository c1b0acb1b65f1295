/**
 * 居民议事 (issue 19) on the local stack: a community of the bench's own (its grid official and `crowd` confirmed
 * residents, rows written directly as the API tests do), one topic opened with a 赞成 / 反对 / 弃权 vote, then:
 *  - every resident votes at the same moment; then every resident changes their vote at the same moment;
 *  - 100 residents read the live result at once;
 *  - the close (and the minute's grace) passes and 100 residents open the topic at once: one reader makes the final
 *    count under a lease, the others are told 计票中; then how long until a reader sees the final count.
 * Checked, not only timed: every ballot counted exactly once in the final count.
 */
import fs from 'node:fs';
import { communityId } from '@yx/shared';
import { clockMover, dayIn } from './member';
import { COST_COLUMNS, costCells, type RouteKind } from './cost';
import { ms, pct, statusText } from './stats';
import { statusesOf, wave, type Shot } from './waves';

const READERS = 100;
const HOUR = 3_600_000;
const CHOICES = ['yes', 'yes', 'no', 'abstain'] as const;

function row(title: string, kind: RouteKind, shots: readonly Shot[], expected = 200) {
  const times = shots.map((s) => s.ms);
  const costs = shots.filter((s) => s.status === expected && s.cost).map((s) => s.cost!);
  console.log(`| ${title} | ${shots.length} | ${ms(pct(times, 50))} | ${ms(pct(times, 99))} | ${statusText(statusesOf(shots))} | ${costCells(kind, costs)} |`);
}

export async function deliberationBench(o: { api: string; clockFile: string; crowd: number; tag: string }) {
  const { api, crowd, tag } = o;
  const { batchPut } = await import('../../../functions/src/guide/repository');
  const { seedUserItems } = await import('../../../functions/src/identity/repository');
  const { issueSession } = await import('../../../functions/src/lib/session');
  const repo = await import('../../../functions/src/deliberation/repository');
  const send = (method: string, route: string, token: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${api}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  // the community, its official and its residents
  const name = `压测${tag}社区`;
  const cid = communityId('beijing', name);
  const officialId = `u-bench-dl-${tag}-g`;
  await batchPut(
    seedUserItems({
      id: officialId,
      role: 'grid',
      nickname: '网格员 压测',
      street: 'beijing',
      area: `北京街道/${name}`,
      createdAt: '2026-01-01',
      updatedAt: '2026-01-01',
    }),
  );
  const ids = Array.from({ length: crowd }, (_, i) => `u-bench-dl-${tag}-${i}`);
  const rows = ids.flatMap((id, i) => [
    ...seedUserItems({ id, role: 'resident', nickname: `居民${i}`, realName: `压测居民${i}`, idLevel: 2, createdAt: '2026-01-01', updatedAt: '2026-01-01' }),
    repo.residenceItem({
      userId: id,
      communityId: cid,
      communityName: name,
      street: 'beijing',
      name: `压测居民${i}`,
      address: `越秀区压测路 ${i} 号`,
      status: 'confirmed',
      how: 'official',
      declaredAt: '2026-01-01T00:00:00.000Z',
      decidedAt: '2026-01-01T00:00:00.000Z',
    }),
  ]);
  for (let i = 0; i < rows.length; i += 500) await batchPut(rows.slice(i, i + 500));
  const official = (await issueSession({ userId: officialId, role: 'grid' })).token;
  const people = await Promise.all(ids.map(async (userId) => (await issueSession({ userId, role: 'resident' })).token));

  // the clock: a weekday at 10:00 in Beijing; the vote opens an hour later and closes six days after
  const day = dayIn(6, 2);
  const setDay = clockMover(o.clockFile);
  await setDay(day);
  const t0 = Date.parse(`${day}T02:00:00Z`);
  const iso = (t: number) => new Date(t).toISOString();
  const moveTo = async (at: number) => {
    fs.writeFileSync(o.clockFile, JSON.stringify({ offsetMs: at - Date.now() }));
    await new Promise((r) => setTimeout(r, 400)); // functions re-read the file every 250 ms
  };
  try {
    const raised = await send(
      'POST',
      `/v1/communities/${cid}/topics`,
      people[0]!,
      { title: '楼下加装休息座椅（压测）', details: '小区门口没有可以坐的地方，老人买菜回来想歇一下。' },
      {
        'idempotency-key': `bench-dl-${tag}`,
      },
    );
    if (raised.status !== 201 && raised.status !== 200) throw new Error(`raise: ${raised.status} ${await raised.text()}`);
    const topicId = ((await raised.json()) as { id: string }).id;
    const vote = {
      kind: 'yesno',
      question: '是否同意加装休息座椅？',
      opensAt: iso(t0 + HOUR),
      closesAt: iso(t0 + 144 * HOUR),
      quorumPercent: 50,
      resultsVisibility: 'live',
    };
    const opened = await send('POST', `/v1/topics/${topicId}/open`, official, { closesAt: iso(t0 + 168 * HOUR), vote });
    if (opened.status !== 200) throw new Error(`open: ${opened.status} ${await opened.text()}`);

    console.log(`\n## 居民议事: ${crowd} residents of one community voting at the same moment (fetch from this process); the stack's clock at ${day}\n`);
    console.log(`| action | requests | p50 ms | p99 ms | statuses | ${COST_COLUMNS.head} |`);
    console.log(`|---|---:|---:|---:|---|${COST_COLUMNS.rule}|`);
    // not timed: as many reads at once as there will be votes, which starts the function's workers (serverless-offline
    // runs one per concurrent call; Lambda's own cold starts are another matter)
    await wave(crowd, (i) => send('GET', `/v1/topics/${topicId}`, people[i]!));
    await moveTo(t0 + 2 * HOUR);
    const first = await wave(crowd, (i) => send('PUT', `/v1/topics/${topicId}/vote`, people[i]!, { choices: [CHOICES[i % 4]] }));
    row(`投票: all ${crowd} at once`, 'write', first);
    await moveTo(t0 + 3 * HOUR);
    // each changes: yes → no, no → abstain, abstain → yes
    const next = (c: string) => (c === 'yes' ? 'no' : c === 'no' ? 'abstain' : 'yes');
    const changed = await wave(crowd, (i) => send('PUT', `/v1/topics/${topicId}/vote`, people[i]!, { choices: [next(CHOICES[i % 4])] }));
    row(`改票: all ${crowd} at once`, 'write', changed);
    const readers = Math.min(READERS, crowd);
    const live = await wave(readers, (i) => send('GET', `/v1/topics/${topicId}`, people[i]!));
    row(`议题详情 with the live result: ${readers} at once`, 'read', live);

    // the close, a minute's grace, then readers at once: one counts
    await moveTo(t0 + 144 * HOUR + 2 * 60_000);
    const atClose = await wave(readers, (i) => send('GET', `/v1/topics/${topicId}`, people[i]!));
    row(`议题详情 just after the close: ${readers} at once`, 'read', atClose);
    const finals = atClose.filter((s) => (JSON.parse(s.body || '{}') as { result?: { final?: boolean } }).result?.final).length;
    const t = performance.now();
    let result: { final?: boolean; voters?: number; options?: { id: string; count: number }[] } | undefined;
    for (let tries = 0; tries < 200 && !result?.final; tries++) {
      const r = await send('GET', `/v1/topics/${topicId}`, people[0]!);
      result = ((await r.json()) as { result?: typeof result }).result;
      if (!result?.final) await new Promise((done) => setTimeout(done, 100));
    }
    const waited = performance.now() - t;

    // checked: every resident's last choice, counted once
    const expected: Record<string, number> = { yes: 0, no: 0, abstain: 0 };
    for (let i = 0; i < crowd; i++) expected[next(CHOICES[i % 4])]!++;
    const counts = Object.fromEntries((result?.options ?? []).map((x) => [x.id, x.count]));
    const exact = result?.final && result.voters === crowd && ['yes', 'no', 'abstain'].every((k) => counts[k] === expected[k]);
    console.log(
      `\nAt the close ${finals} of ${readers} readers already had the final count (the others: 计票中); a reader saw it ${ms(waited)} ms after they had all been answered. ` +
        `Final count: ${result?.voters ?? '–'} voters, ${JSON.stringify(counts)} (expected ${crowd}, ${JSON.stringify(expected)}): ${exact ? 'each counted exactly once' : 'WRONG'}.`,
    );
    const unanswered = [...first, ...changed].filter((x) => x.status !== 200).length;
    if (unanswered) throw new Error(`居民议事: ${unanswered} votes got no 200 (the local stack's limit of concurrent calls?): the count cannot be checked`);
    if (!exact) throw new Error('居民议事: the final count is not each ballot exactly once');
  } finally {
    await moveTo(Date.now());
  }
}
