/**
 * 居民议事 (issue 19) against DynamoDB Local: residence (address data, a grid official's decision, moving), topics from
 * proposal to answer and work order, discussion (threads, paging, a double tap, words held, moderation, supports), and
 * votes: 1,000 residents at the same moment counted exactly once, a changed ballot moving one count, the refusals (another
 * community, an unproven account, before the opening, after the close) writing nothing, the quorum.
 */
import { communityId } from '@yx/shared';
import { call } from '../../test/http';
import { countersSettled, COUNTERS_TEST_TIMEOUT } from '../../test/streams';
import { storedRow } from '../../test/rows';
import { batchPut } from '../guide/repository';
import { seedUserItems } from '../identity/repository';
import { keys } from '../lib/entities/deliberation';
import { issueSession } from '../lib/session';
import { listMessages } from '../messages/repository';
import { seedAll } from '../seed/seed';
import { countClosedVotes } from './count';
import { handler } from './handler';
import { handler as identity } from '../identity/handler';
import * as repo from './repository';

jest.setTimeout(300_000);

const RUN = Date.now().toString(36);
let n = 0;
const at = (iso: string) => {
  process.env.FAKE_NOW = new Date(iso).toISOString();
};
afterEach(() => {
  delete process.env.FAKE_NOW;
});
const plus = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

interface Who {
  id: string;
  token: string;
}
const NAMES = ['张', '王', '李', '赵', '陈', '刘', '黄', '周'];

/** A community of its own (its grid official) for a test: the counts and lists of one test never meet another's. */
async function community(): Promise<{ id: string; name: string; official: Who }> {
  const name = `测试${RUN}${++n}社区`;
  const official = { id: `u-dl-${RUN}-g${n}`, role: 'grid' as const, nickname: `网格员 测试${n}`, street: 'beijing', area: `北京街道/${name}` };
  await batchPut(seedUserItems({ ...official, createdAt: '2026-01-01', updatedAt: '2026-01-01' }));
  return { id: communityId('beijing', name), name, official: { id: official.id, token: (await issueSession({ userId: official.id, role: 'grid' })).token } };
}

/** Residents confirmed in a community (rows written as a confirmation leaves them), proven by face unless `level: 1`. */
async function residents(c: { id: string; name: string }, count: number, level: 1 | 2 = 2): Promise<Who[]> {
  const list = Array.from({ length: count }, (_, i) => ({ id: `u-dl-${RUN}-${++n}`, realName: `${NAMES[i % NAMES.length]}小${n}` }));
  const rows = list.flatMap((p) => [
    ...seedUserItems({
      id: p.id,
      role: 'resident',
      nickname: p.realName,
      realName: p.realName,
      idLevel: level,
      createdAt: '2026-01-01',
      updatedAt: '2026-01-01',
    }),
    repo.residenceItem({
      userId: p.id,
      communityId: c.id,
      communityName: c.name,
      street: 'beijing',
      name: p.realName,
      address: `越秀区测试路 ${n} 号`,
      status: 'confirmed',
      how: 'official',
      declaredAt: '2026-01-01T00:00:00.000Z',
      decidedAt: '2026-01-01T00:00:00.000Z',
    }),
  ]);
  await batchPut(rows);
  return Promise.all(list.map(async (p) => ({ id: p.id, token: (await issueSession({ userId: p.id, role: 'resident' })).token })));
}

const key = () => `k${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
const withKey = (k: string) => (e: Parameters<typeof handler>[0]) => handler({ ...e, headers: { ...e.headers, 'idempotency-key': k } });
const raise = (who: Who, cid: string, body = { title: '楼下加装休息座椅', details: '小区门口没有可以坐的地方，老人买菜回来想歇一下。' }, k = key()) =>
  call(withKey(k), 'POST /v1/communities/{communityId}/topics', { token: who.token, params: { communityId: cid }, body });
const detail = (who: Who, topicId: string) => call(handler, 'GET /v1/topics/{topicId}', { token: who.token, params: { topicId } });
const act = (who: Who, topicId: string, step: 'open' | 'decline' | 'respond' | 'follow-ups', body: unknown) =>
  call(handler, `POST /v1/topics/{topicId}/${step}`, { token: who.token, params: { topicId }, body });
const ballot = (who: Who, topicId: string, choices: string[]) =>
  call(handler, 'PUT /v1/topics/{topicId}/vote', { token: who.token, params: { topicId }, body: { choices } });
const comment = (who: Who, topicId: string, text: string, replyTo?: string, k = key()) =>
  call(withKey(k), 'POST /v1/topics/{topicId}/comments', { token: who.token, params: { topicId }, body: { text, ...(replyTo ? { replyTo } : {}) } });
const comments = (who: Who, topicId: string, query: Record<string, string> = {}) =>
  call(handler, 'GET /v1/topics/{topicId}/comments', { token: who.token, params: { topicId }, query });

const T0 = '2027-03-01T02:00:00.000Z'; // Monday 10:00 in Beijing
const yesNo = (over: Record<string, unknown> = {}) => ({
  kind: 'yesno',
  question: '是否同意这个方案？',
  opensAt: plus(T0, 1),
  closesAt: plus(T0, 24 * 6),
  quorumPercent: 50,
  resultsVisibility: 'live',
  ...over,
});

/** A topic raised by a resident and opened by the official at T0 (with the vote given, if any). */
async function openTopic(c: { id: string; official: Who }, raiser: Who, vote?: Record<string, unknown>) {
  at(T0);
  const t = (await raise(raiser, c.id)).body;
  const opened = await act(c.official, t.id, 'open', { closesAt: plus(T0, 24 * 7), ...(vote ? { vote } : {}) });
  expect(opened.status).toBe(200);
  return opened.body;
}

beforeAll(async () => {
  await seedAll();
});

describe('residence', () => {
  const FUQIAN = communityId('beijing', '府前社区');

  async function person(level: 1 | 2) {
    const id = `u-dl-${RUN}-${++n}`;
    await batchPut(
      seedUserItems({ id, role: 'resident', nickname: '居民', realName: '林小新', idLevel: level, createdAt: '2026-01-01', updatedAt: '2026-01-01' }),
    );
    return { id, token: (await issueSession({ userId: id, role: 'resident' })).token };
  }
  const declare = (who: Who, body: unknown) => call(handler, 'PUT /v1/me/residence', { token: who.token, body });
  const heMin = async () => ({ id: 'u-grid-beijing', token: (await issueSession({ userId: 'u-grid-beijing', role: 'grid' })).token });

  it('lists the streets’ communities, saying which have address data', async () => {
    const r = await call(handler, 'GET /v1/communities');
    const beijing = r.body.streets.find((s: { id: string }) => s.id === 'beijing');
    expect(beijing.communities).toEqual(expect.arrayContaining([{ id: FUQIAN, name: '府前社区', addressKnown: true }]));
  });

  it('an address on the community’s roads is confirmed at once and sealed at rest; an unproven account is refused and nothing written', async () => {
    const me = await person(2);
    const r = await declare(me, { communityId: FUQIAN, address: '越秀区府前路 8 号 2 栋 301' });
    expect(r.status).toBe(200);
    expect(r.body.residence).toMatchObject({ communityName: '府前社区', status: 'confirmed', how: 'address', address: '越秀区府前路 8 号 2 栋 301' });
    const raw = JSON.stringify(await storedRow(keys.residence(me.id)));
    expect(raw).not.toContain('府前路 8 号');
    expect(raw).not.toContain('林小新');

    const l1 = await person(1);
    const refused = await declare(l1, { communityId: FUQIAN, address: '越秀区府前路 9 号' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('人脸核验');
    expect(await storedRow(keys.residence(l1.id))).toBeUndefined();
    expect((await declare(me, { communityId: 'beijing-zzzzzz', address: '越秀区府前路 8 号' })).status).toBe(404);
    expect((await declare(me, { communityId: FUQIAN, address: '短' })).body.error.message).toContain('居住地址');
  });

  it('another address waits for a grid official of that community, who confirms or refuses with a reason; the person is told', async () => {
    const [a, b] = [await person(2), await person(2)];
    expect((await declare(a, { communityId: FUQIAN, address: '越秀区某某大院 3 号' })).body.residence.status).toBe('pending');
    expect((await declare(b, { communityId: FUQIAN, address: '越秀区某某大院 5 号' })).body.residence.status).toBe('pending');
    const other = { id: 'u-grid-beijing-2', token: (await issueSession({ userId: 'u-grid-beijing-2', role: 'grid' })).token }; // 盐运西社区
    const foreign = await call(handler, 'POST /v1/community/residences/{userId}/decide', {
      token: other.token,
      params: { userId: a.id },
      body: { confirm: true },
    });
    expect(foreign.status).toBe(404);
    const official = await heMin();
    const queue = await call(handler, 'GET /v1/community/residences', { token: official.token, query: { limit: '50' } });
    expect(queue.body.items.map((i: { userId: string }) => i.userId)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(queue.body.items.find((i: { userId: string }) => i.userId === a.id)).toMatchObject({ name: '林小新', address: '越秀区某某大院 3 号' });
    const ok = await call(handler, 'POST /v1/community/residences/{userId}/decide', {
      token: official.token,
      params: { userId: a.id },
      body: { confirm: true },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.items.map((i: { userId: string }) => i.userId)).not.toContain(a.id);
    const no = await call(handler, 'POST /v1/community/residences/{userId}/decide', {
      token: official.token,
      params: { userId: b.id },
      body: { confirm: false, reason: '该地址不在本社区范围' },
    });
    expect(no.status).toBe(200);
    expect((await call(handler, 'GET /v1/me/residence', { token: a.token })).body.residence).toMatchObject({
      status: 'confirmed',
      how: 'official',
      decidedByName: '网格员 何敏',
    });
    expect((await call(handler, 'GET /v1/me/residence', { token: b.token })).body.residence).toMatchObject({
      status: 'refused',
      reason: '该地址不在本社区范围',
    });
    expect((await listMessages(b.id, 5)).items[0]).toMatchObject({ title: '所在社区未通过确认' });
    // the confirmed list shows name and address masked (they were needed whole only to confirm)
    const confirmed = await call(handler, 'GET /v1/community/residences', { token: official.token, query: { status: 'confirmed', limit: '50' } });
    const listed = JSON.stringify(confirmed.body);
    expect(confirmed.body.items.find((i: { userId: string }) => i.userId === a.id)).toMatchObject({ name: '林*新', address: '越秀区某某大院 ****' });
    expect(listed).not.toContain('某某大院 3 号');
    expect(listed).not.toContain('林小新');
    // decided once: a second decision finds nothing pending
    expect(
      (await call(handler, 'POST /v1/community/residences/{userId}/decide', { token: official.token, params: { userId: a.id }, body: { confirm: true } }))
        .status,
    ).toBe(404);
  });

  it('a resident who moves away stops at once: the old community’s topics are gone for them', async () => {
    const c = await community();
    const [me] = await residents(c, 1);
    const t = await openTopic(c, me!);
    expect((await detail(me!, t.id)).status).toBe(200);
    expect(
      (await call(handler, 'PUT /v1/me/residence', { token: me!.token, body: { communityId: FUQIAN, address: '越秀区西湖路 3 号' } })).body.residence.status,
    ).toBe('confirmed');
    expect((await detail(me!, t.id)).status).toBe(404);
    expect((await call(handler, 'DELETE /v1/me/residence', { token: me!.token })).body).toEqual({ residence: null, proven: true });
  });

  it('one person, one ballot: while a vote they cast a ballot in is open they may not move or leave; after its close they may', async () => {
    const me = await person(2);
    const YANYUNXI = communityId('beijing', '盐运西社区');
    at(T0);
    expect((await declare(me, { communityId: FUQIAN, address: '越秀区府前路 8 号' })).body.residence.status).toBe('confirmed');
    const t = await openTopic({ id: FUQIAN, official: await heMin() }, me, yesNo()); // the vote closes 3月7日 10:00 (Beijing)
    at(plus(T0, 2));
    expect((await ballot(me, t.id, ['yes'])).status).toBe(200);
    expect((await storedRow(keys.residence(me.id)))!.ballotCloses).toEqual(new Set([t.vote.closesAt]));

    const move = await declare(me, { communityId: YANYUNXI, address: '越秀区大南路 3 号' });
    expect(move.status).toBe(409);
    expect(move.body.error.message).toBe('您参与的投票尚未截止（3月7日 10:00），截止后才能变更居住社区');
    const gone = await call(handler, 'DELETE /v1/me/residence', { token: me.token });
    expect(gone.status).toBe(409);
    expect(gone.body.error.message).toContain('截止后才能登记搬离');
    // a new address in the same community keeps the vote it is bound to
    expect((await declare(me, { communityId: FUQIAN, address: '越秀区教育路 6 号' })).body.residence).toMatchObject({ status: 'confirmed' });
    expect((await declare(me, { communityId: YANYUNXI, address: '越秀区大南路 3 号' })).status).toBe(409);
    expect((await detail(me, t.id)).status).toBe(200);

    // after the close: free to move (the ballot cast while living here stays counted) and to leave
    at(plus(T0, 24 * 6 + 1));
    expect((await declare(me, { communityId: YANYUNXI, address: '越秀区大南路 3 号' })).body.residence).toMatchObject({ communityName: '盐运西社区' });
    expect((await repo.allBallots(t.id)).map((b) => b.userId)).toEqual([me.id]);
    expect((await call(handler, 'DELETE /v1/me/residence', { token: me.token })).body).toEqual({ residence: null, proven: true });
  });

  it('注销 takes the residence (sealed name and address) with the account', async () => {
    const me = await person(2);
    expect((await declare(me, { communityId: FUQIAN, address: '越秀区教育路 6 号' })).body.residence.status).toBe('confirmed');
    const closed = await call(identity, 'POST /v1/me/close', { token: me.token, body: { confirm: '注销' } });
    expect(closed.status).toBe(200);
    expect(await storedRow(keys.residence(me.id))).toBeUndefined();
  });
});

describe('topics', () => {
  it('a double-tapped proposal is one topic; only the community’s people see it; the officials open it with a vote or decline with a reason', async () => {
    const c = await community();
    const other = await community();
    const [raiser, neighbour] = await residents(c, 2);
    const [stranger] = await residents(other, 1);
    at(T0);
    const k = key();
    const taps = await Promise.all([1, 2, 3].map(() => raise(raiser!, c.id, undefined, k)));
    expect(new Set(taps.map((t) => t.body.id)).size).toBe(1);
    expect(taps.map((t) => t.status).sort()).toEqual([200, 200, 201]);
    const id = taps[0]!.body.id;
    expect(taps[0]!.body).toMatchObject({ state: 'proposed', stateName: '提议', raisedByName: expect.stringMatching(/\*/) });
    expect(JSON.stringify(await storedRow(keys.topic(id)))).not.toContain('买菜回来');

    expect((await detail(neighbour!, id)).status).toBe(200);
    expect((await detail(stranger!, id)).status).toBe(404);
    expect((await call(handler, 'GET /v1/communities/{communityId}/topics', { token: stranger!.token, params: { communityId: c.id } })).status).toBe(404);
    expect((await act(other.official, id, 'open', { closesAt: plus(T0, 48) })).status).toBe(404);
    expect((await raise(stranger!, c.id)).status).toBe(404);

    const queue = await call(handler, 'GET /v1/communities/{communityId}/topics', {
      token: c.official.token,
      params: { communityId: c.id },
      query: { view: 'proposed' },
    });
    expect(queue.body).toMatchObject({ official: true, canRaise: false, items: [{ id, state: 'proposed' }] });
    // a vote that closes after the discussion is refused, naming the field
    const bad = await act(c.official, id, 'open', { closesAt: plus(T0, 48), vote: yesNo({ closesAt: plus(T0, 72) }) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ field: 'vote.closesAt', message: '投票截止时间：不能晚于讨论截止时间' }]);
    const opened = await act(c.official, id, 'open', { closesAt: plus(T0, 48), vote: yesNo({ closesAt: plus(T0, 47) }) });
    expect(opened.body).toMatchObject({
      state: 'open',
      vote: { kind: 'yesno', options: [{ id: 'yes', label: '赞成' }, { id: 'no' }, { id: 'abstain' }], phase: 'before' },
    });
    expect((await listMessages(raiser!.id, 5)).items[0]).toMatchObject({ title: '您提出的议题已开始讨论' });
    expect((await act(c.official, id, 'decline', { reason: '已经在处理' })).status).toBe(409);
    expect((await act(c.official, id, 'respond', { text: '还没结束呢' })).body.error.message).toContain('讨论结束后');

    at(plus(T0, 1));
    const second = (await raise(neighbour!, c.id, { title: '在楼顶开个菜园', details: '楼顶空着，可以种点菜，大家一起打理。' })).body;
    const declined = await act(c.official, second.id, 'decline', { reason: '楼顶属于消防通道，不能改作他用' });
    expect(declined.body).toMatchObject({ state: 'declined', declined: { reason: '楼顶属于消防通道，不能改作他用', byName: expect.any(String) } });
    const list = await call(handler, 'GET /v1/communities/{communityId}/topics', { token: neighbour!.token, params: { communityId: c.id } });
    expect(list.body.items.map((t: { id: string; state: string }) => [t.id, t.state])).toEqual([
      [second.id, 'declined'],
      [id, 'open'],
    ]);
  });

  it('after the close: the response, follow-ups to 已落实, and a work order made once (double tap) whose state the topic shows', async () => {
    const c = await community();
    const [raiser] = await residents(c, 1);
    const t = await openTopic(c, raiser!);
    at(plus(T0, 24 * 7 + 1));
    expect((await detail(raiser!, t.id)).body).toMatchObject({ state: 'closed', stateName: '已结束', can: { comment: false } });
    expect((await comment(raiser!, t.id, '我还想说一句')).status).toBe(422);
    const answered = await act(c.official, t.id, 'respond', { text: '居民同意加装，由社区申请微改造资金。' });
    expect(answered.body).toMatchObject({ state: 'answered', response: { text: '居民同意加装，由社区申请微改造资金。' }, can: { workOrder: true } });
    const k = key();
    const orders = await Promise.all(
      [1, 2].map(() =>
        call(withKey(k), 'POST /v1/topics/{topicId}/work-order', {
          token: c.official.token,
          params: { topicId: t.id },
          body: { categoryId: 'community-facility' },
        }),
      ),
    );
    expect(orders.map((o) => o.status)).toEqual([200, 200]);
    expect(new Set(orders.map((o) => o.body.workOrder.no)).size).toBe(1);
    const no = orders[0]!.body.workOrder.no;
    expect(orders[0]!.body.workOrder).toMatchObject({ stateName: expect.any(String), teamName: expect.stringContaining('网格') });
    const again = await call(withKey(key()), 'POST /v1/topics/{topicId}/work-order', {
      token: c.official.token,
      params: { topicId: t.id },
      body: { categoryId: 'community-facility' },
    });
    expect(again.status).toBe(409);
    expect((await detail(raiser!, t.id)).body.workOrder).toMatchObject({ no });
    expect((await act(c.official, t.id, 'follow-ups', { text: '座椅已采购，下周安装。' })).body).toMatchObject({
      state: 'answered',
      followUps: [{ completes: false }],
    });
    const done = await act(c.official, t.id, 'follow-ups', { text: '两张座椅已安装完毕。', completes: true });
    expect(done.body).toMatchObject({ state: 'completed', stateName: '已落实' });
    expect(done.body.followUps).toHaveLength(2);
  });
});

describe('discussion', () => {
  it('threads in order, a page at a time; a double tap with one Idempotency-Key is one comment; the officials reply', async () => {
    const c = await community();
    const [a, b] = await residents(c, 2);
    const t = await openTopic(c, a!);
    at(plus(T0, 2));
    const k = key();
    const taps = await Promise.all([1, 2, 3].map(() => comment(a!, t.id, '我觉得很好，支持。', undefined, k)));
    expect(new Set(taps.map((x) => x.body.id)).size).toBe(1);
    expect(taps.map((x) => x.status).sort()).toEqual([200, 200, 201]);
    const first = taps[0]!.body.id;
    at(plus(T0, 3));
    const second = (await comment(b!, t.id, '座椅要选防晒的材料。')).body.id;
    at(plus(T0, 4));
    const reply = await comment(c.official, t.id, '好的，会考虑材料。', first);
    expect(reply.body).toMatchObject({ parentId: first, replyToName: expect.stringMatching(/\*/), official: true });
    at(plus(T0, 5));
    const replyToReply = await comment(b!, t.id, '谢谢网格员。', reply.body.id);
    expect(replyToReply.body.parentId).toBe(first);
    const page1 = await comments(b!, t.id, { limit: '3' });
    expect(page1.body.items.map((x: { id: string }) => x.id)).toEqual([first, reply.body.id, replyToReply.body.id]);
    const page2 = await comments(b!, t.id, { limit: '3', cursor: page1.body.nextCursor });
    expect(page2.body.items.map((x: { id: string }) => x.id)).toEqual([second]);
    expect((await listMessages(a!.id, 5)).items.map((m) => m.title)).toContain('有人回复了您的评论');
    expect(JSON.stringify(await storedRow(keys.comment(t.id, second)))).not.toContain('防晒');
  });

  it('twenty replies to one comment at the same moment are all written; an Idempotency-Key used on another topic is a 409', async () => {
    const c = await community();
    const people = await residents(c, 21);
    const t = await openTopic(c, people[0]!);
    const t2 = await openTopic(c, people[0]!);
    at(plus(T0, 2));
    const target = (await comment(people[0]!, t.id, '座椅放在哪里好？')).body.id;
    const replies = await Promise.all(people.slice(1).map((p, i) => comment(p, t.id, `放在东门第 ${i + 1} 个位置`, target)));
    expect(replies.map((r) => r.status)).toEqual(Array.from({ length: 20 }, () => 201));
    expect((await comments(people[0]!, t.id, { limit: '50' })).body.items).toHaveLength(21);
    // the author is told after each reply's own transaction (a notice that cannot be written is logged, not an error)
    expect((await listMessages(people[0]!.id, 50)).items.filter((m) => m.title === '有人回复了您的评论').length).toBeGreaterThan(0);

    const k = key();
    expect((await comment(people[1]!, t.id, '同意。', undefined, k)).status).toBe(201);
    const reused = await comment(people[1]!, t2.id, '同意。', undefined, k);
    expect(reused.status).toBe(409);
    expect(reused.body.error.message).toContain('请求编号');
  });

  it('words of the list hold a comment for the officials; they hold, remove with a reason (text never shown to others) or release', async () => {
    const c = await community();
    const [a, b] = await residents(c, 2);
    const t = await openTopic(c, a!);
    at(plus(T0, 2));
    const held = await comment(a!, t.id, '楼下晚上有人聚众赌博，很吵。');
    expect(held.body).toMatchObject({ status: 'held', statusName: '待审核', reason: expect.stringContaining('审核') });
    at(plus(T0, 3));
    const plain = (await comment(a!, t.id, '晚上十点后请保持安静。')).body;
    expect((await comments(b!, t.id)).body.items.map((x: { id: string }) => x.id)).toEqual([plain.id]);
    expect((await comments(a!, t.id)).body.items.map((x: { status: string }) => x.status)).toEqual(['held', 'visible']);
    const queue = await call(handler, 'GET /v1/community/moderation', { token: c.official.token });
    expect(queue.body.items).toEqual([expect.objectContaining({ id: held.body.id, topicId: t.id, heldWords: ['赌博'], text: '楼下晚上有人聚众赌博，很吵。' })]);
    const moderate = (id: string, body: unknown) =>
      call(handler, 'POST /v1/topics/{topicId}/comments/{commentId}/moderate', { token: c.official.token, params: { topicId: t.id, commentId: id }, body });
    expect((await moderate(held.body.id, { action: 'release' })).body.status).toBe('visible');
    expect((await comments(b!, t.id)).body.items).toHaveLength(2);
    expect((await moderate(plain.id, { action: 'hold' })).body.status).toBe('held');
    expect((await comments(b!, t.id)).body.items).toHaveLength(1);
    expect((await moderate(plain.id, { action: 'remove', reason: '与议题无关' })).body).toMatchObject({ status: 'removed', reason: '与议题无关' });
    expect((await moderate(plain.id, { action: 'release' })).status).toBe(409);
    const seen = (await comments(b!, t.id)).body.items.find((x: { id: string }) => x.id === plain.id);
    expect(seen).toMatchObject({ status: 'removed', statusName: '已移除' });
    expect(seen.text).toBeUndefined();
    expect(JSON.stringify((await comments(b!, t.id)).body)).not.toContain('保持安静');
    const own = (await comments(a!, t.id)).body.items.find((x: { id: string }) => x.id === plain.id);
    expect(own).toMatchObject({ text: '晚上十点后请保持安静。', reason: '与议题无关' });
    // (released and removed at the same moment of the test's clock: both messages, in either order)
    expect((await listMessages(a!.id, 5)).items.map((m) => m.title)).toEqual(expect.arrayContaining(['您的评论已被移除', '您的评论已审核通过']));
    expect((await call(handler, 'GET /v1/community/moderation', { token: c.official.token })).body.items).toEqual([]);
  });

  it(
    'a support is once per person per comment, even tapped five times at once; taking it back counts down',
    async () => {
      const c = await community();
      const [a, b] = await residents(c, 2);
      const t = await openTopic(c, a!);
      at(plus(T0, 2));
      const target = (await comment(a!, t.id, '建议座椅加扶手。')).body.id;
      const support = (who: Who, on = true) =>
        call(handler, `${on ? 'PUT' : 'DELETE'} /v1/topics/{topicId}/comments/{commentId}/support`, {
          token: who.token,
          params: { topicId: t.id, commentId: target },
        });
      const taps = await Promise.all([1, 2, 3, 4, 5].map(() => support(b!)));
      expect(taps.every((x) => x.status === 200 && x.body.supportedByMe)).toBe(true);
      await support(a!);
      await countersSettled();
      let mine = (await comments(b!, t.id)).body.items[0];
      expect(mine).toMatchObject({ supports: 2, supportedByMe: true });
      await support(b!, false);
      await countersSettled();
      mine = (await comments(b!, t.id)).body.items[0];
      expect(mine).toMatchObject({ supports: 1, supportedByMe: false });
      expect(
        (
          await call(handler, 'PUT /v1/topics/{topicId}/comments/{commentId}/support', {
            token: c.official.token,
            params: { topicId: t.id, commentId: target },
          })
        ).status,
      ).toBe(403);
    },
    COUNTERS_TEST_TIMEOUT,
  );
});

describe('votes', () => {
  it(
    '1,000 residents voting at the same moment are each counted exactly once; a changed ballot moves one count',
    async () => {
      const c = await community();
      const crowd = await residents(c, 1000);
      const t = await openTopic(c, crowd[0]!, yesNo({ quorumPercent: 50 }));
      at(plus(T0, 2));
      const choiceOf = (i: number) => (['yes', 'yes', 'no', 'abstain'] as const)[i % 4]!;
      const answers = await Promise.all(crowd.map((p, i) => ballot(p, t.id, [choiceOf(i)])));
      const statuses = answers.reduce<Record<number, number>>((m, a) => ({ ...m, [a.status]: (m[a.status] ?? 0) + 1 }), {});
      expect(statuses).toEqual({ 200: 1000 });
      const rows = await repo.allBallots(t.id);
      expect(rows).toHaveLength(1000);
      expect(new Set(rows.map((r) => r.userId)).size).toBe(1000);

      // one resident changes their mind: one count moves
      at(plus(T0, 3));
      const changed = await ballot(crowd[2]!, t.id, ['yes']); // was 'no'
      expect(changed.body).toMatchObject({ choices: ['yes'], changed: true });
      await countersSettled();
      const live = (await detail(crowd[1]!, t.id)).body;
      expect(live.vote).toMatchObject({ phase: 'open', myChoices: ['yes'], canVote: true });
      expect(live.result).toMatchObject({ final: false, voters: 1000 });
      expect(Object.fromEntries(live.result.options.map((o: { id: string; count: number }) => [o.id, o.count]))).toEqual({ yes: 501, no: 249, abstain: 250 });

      // after the close (and the minute's grace): the final count from the ballots, stored once
      at(plus(T0, 24 * 6));
      const counting = (await detail(crowd[1]!, t.id)).body;
      expect(counting).toMatchObject({ counting: true, vote: { phase: 'closed', canVote: false } });
      at(plus(T0, 24 * 6 + 0.05));
      const [a, b] = await Promise.all([detail(crowd[1]!, t.id), countClosedVotes(plus(T0, 24 * 6 + 0.05))]);
      expect(a.body.result).toMatchObject({
        final: true,
        voters: 1000,
        eligible: 1000,
        turnoutPercent: 100,
        quorumMet: true,
        outcome: 'passed',
        outcomeName: '通过',
      });
      expect(a.body.result.text).toContain('共 1000 人投票');
      expect(Object.fromEntries(a.body.result.options.map((o: { id: string; count: number }) => [o.id, o.count]))).toEqual({ yes: 501, no: 249, abstain: 250 });
      expect(b.counted).toBeGreaterThanOrEqual(0); // other tests' closed votes may be counted in the same run
      const stored = (await repo.getTopic(t.id, true))!;
      expect(stored.result).toMatchObject({ voters: 1000, counts: { yes: 501, no: 249, abstain: 250 } });
      expect((await detail(crowd[5]!, t.id)).body.result.countedAt).toBe(stored.result!.countedAt);
      expect(await repo.votesDue(plus(T0, 24 * 30))).not.toContain(t.id);
    },
    Math.max(COUNTERS_TEST_TIMEOUT, 300_000),
  );

  it('refused with a Chinese message and nothing written: another community’s resident, an unproven account, before the opening, after the close, a wrong ballot', async () => {
    const c = await community();
    const other = await community();
    const [voter] = await residents(c, 1);
    const [l1] = await residents(c, 1, 1);
    const [stranger] = await residents(other, 1);
    const t = await openTopic(c, voter!, yesNo({ opensAt: plus(T0, 24), closesAt: plus(T0, 48) }));
    at(plus(T0, 2));
    const early = await ballot(voter!, t.id, ['yes']);
    expect(early.status).toBe(422);
    expect(early.body.error.message).toContain('投票尚未开始');
    at(plus(T0, 25));
    const foreign = await ballot(stranger!, t.id, ['yes']);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.message).toContain('只有本社区');
    const unproven = await ballot(l1!, t.id, ['yes']);
    expect(unproven.status).toBe(403);
    expect(unproven.body.error.message).toContain('人脸核验');
    const two = await ballot(voter!, t.id, ['yes', 'no']);
    expect(two.status).toBe(400);
    expect(two.body.error.details).toEqual([{ field: 'choices', message: '投票选项：只能选择一项' }]);
    const grid = await call(handler, 'PUT /v1/topics/{topicId}/vote', { token: c.official.token, params: { topicId: t.id }, body: { choices: ['yes'] } });
    expect(grid.status).toBe(403);
    expect((await ballot(voter!, t.id, ['no'])).status).toBe(200);
    at(plus(T0, 48));
    const late = await ballot(voter!, t.id, ['yes']);
    expect(late.status).toBe(422);
    expect(late.body.error.message).toContain('投票已截止');
    const rows = await repo.allBallots(t.id);
    expect(rows.map((r) => [r.userId, r.choices])).toEqual([[voter!.id, ['no']]]);
  });

  it('a ballot whose residence does not hold is refused in its transaction (told from a conflict) and writes nothing', async () => {
    const c = await community();
    const [voter] = await residents(c, 1);
    const t = await openTopic(c, voter!, yesNo());
    const b = { topicId: t.id, userId: `u-dl-${RUN}-nobody`, communityId: c.id, choices: ['yes'], castAt: plus(T0, 2), firstAt: plus(T0, 2) };
    expect(await repo.castBallot(b, t.vote.closesAt)).toBe('not_resident');
    expect(await repo.allBallots(t.id)).toEqual([]);
    expect(await storedRow(keys.residence(b.userId))).toBeUndefined();
  });

  it('after the close one reader counts under a lease; the others show 计票中 until it is stored (the job counts regardless)', async () => {
    const c = await community();
    const [voter] = await residents(c, 1);
    const t = await openTopic(c, voter!, yesNo({ closesAt: plus(T0, 48) }));
    at(plus(T0, 2));
    expect((await ballot(voter!, t.id, ['yes'])).status).toBe(200);
    const due = plus(T0, 49);
    at(due);
    expect(await repo.takeCountLease(t.id, due, plus(due, 0.01))).toBe(true); // another reader is counting
    expect(await repo.takeCountLease(t.id, due, plus(due, 0.01))).toBe(false);
    const waiting = (await detail(voter!, t.id)).body;
    expect(waiting).toMatchObject({ counting: true, result: { final: false } }); // a live vote's running numbers meanwhile
    expect((await repo.getTopic(t.id, true))!.result).toBeUndefined();
    // the lease runs out (its holder died): the next reader counts
    at(plus(due, 0.02));
    expect((await detail(voter!, t.id)).body.result).toMatchObject({ final: true, voters: 1 });
    expect((await repo.getTopic(t.id, true))!.countingUntil).toBeUndefined();
  });

  it('the officials’ 待办 figures are read to a cap: a longer queue shows as 99+ (the figure one above the cap)', async () => {
    const c = await community();
    const rows = Array.from({ length: 105 }, (_, i) =>
      repo.residenceItem({
        userId: `u-dl-${RUN}-q${n}-${i}`,
        communityId: c.id,
        communityName: c.name,
        street: 'beijing',
        name: '林小新',
        address: `越秀区测试路 ${i} 号`,
        status: 'pending',
        declaredAt: T0,
      }),
    );
    await batchPut(rows);
    const summary = (await call(handler, 'GET /v1/community', { token: c.official.token })).body;
    expect(summary).toMatchObject({ pendingResidences: 100, heldComments: 0, proposedTopics: 0 });
  });

  it(
    'without the quorum the result does not count; a vote that publishes after the close shows no numbers before',
    async () => {
      const c = await community();
      const people = await residents(c, 10);
      await countersSettled(); // the community's 10 confirmed residents are counted
      const t = await openTopic(c, people[0]!, {
        kind: 'single',
        question: '座椅放在哪里？',
        options: ['东门', '西门'],
        closesAt: plus(T0, 48),
        quorumPercent: 50,
        resultsVisibility: 'after_close',
      });
      at(plus(T0, 2));
      for (const p of people.slice(0, 4)) expect((await ballot(p, t.id, ['o1'])).status).toBe(200);
      const before = (await detail(people[0]!, t.id)).body;
      expect(before.result).toBeUndefined();
      expect(before.vote).toMatchObject({ kind: 'single', resultsVisibility: 'after_close', myChoices: ['o1'] });
      at(plus(T0, 49));
      const after = (await detail(people[0]!, t.id)).body;
      expect(after.result).toMatchObject({ final: true, voters: 4, eligible: 10, turnoutPercent: 40, quorumMet: false, outcome: 'quorum_not_met' });
      expect(after.result.text).toContain('结果：参与人数未达到要求，结果不生效。');
      // the discussion goes on after the vote: the officials respond once it closes
      expect(after).toMatchObject({ state: 'open', vote: { phase: 'closed', canVote: false } });
      expect((await detail(c.official, t.id)).body.can).toMatchObject({ respond: false, comment: true });
    },
    COUNTERS_TEST_TIMEOUT,
  );
});
