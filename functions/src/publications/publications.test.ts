/**
 * 政务公开 (issue 19) against DynamoDB Local: a department publishes (idempotent, in its own name, PDFs attached), lists
 * and the page link a policy and its interpretation both ways, the full text is searched through the bigram index the
 * worker writes, a withdrawn item leaves lists and search, another department's officer cannot touch an item, residents
 * cannot publish, and a category's subscribers are told once each.
 */
import { call } from '../../test/http';
import { login, startLocalFiles, upload } from '../../test/apply';
import { residentWithId, type Person } from '../../test/people';
import { storedRow } from '../../test/rows';
import { keys as fileKeys } from '../lib/entities/files';
import { drainPublications } from '../jobs/publications';
import { batchPut } from '../guide/repository';
import { parseStoreCost } from '../lib/meter';
import { handler as messages } from '../messages/handler';
import { seedAll } from '../seed/seed';
import { handler } from './handler';
import { postingItem, seedRows, sortKeyOf, writePostings, type PublicationRecord } from './repository';
import { keys as publicationKeys } from '../lib/entities/publications';
import { enqueue } from '../lib/queue';
import { REQUEUE_AFTER_MS, requeueUnindexed } from './sweep';
import { queueNotify } from './worker';

// the queue as it is, except that a test may make its next send fail (as SQS may, after the save's transaction)
jest.mock('../lib/queue', () => {
  const actual = jest.requireActual<typeof import('../lib/queue')>('../lib/queue');
  return { ...actual, enqueue: jest.fn(actual.enqueue) };
});
const failNextSend = () => jest.mocked(enqueue).mockRejectedValueOnce(new Error('queue publications: 1 messages not sent (ServiceUnavailable)'));

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const RUN = Date.now().toString(36);
let seq = 0;

let stopFiles: () => Promise<void>;
let education: string;
let housing: string;
beforeAll(async () => {
  await seedAll();
  stopFiles = await startLocalFiles();
  education = await login('u-staff-education');
  housing = await login('u-staff-housing');
});
afterAll(() => stopFiles());

/** The publish route with an Idempotency-Key header. */
const withKey = (key: string) => (e: Parameters<typeof handler>[0]) => handler({ ...e, headers: { ...e.headers, 'idempotency-key': key } });
const publish = (token: string, body: Record<string, unknown>, key = `pub-${RUN}-${++seq}`) =>
  call(withKey(key), 'POST /v1/staff/publications', { token, body });
const detail = (id: string) => call(handler, 'GET /v1/publications/{id}', { params: { id } });
const list = (query: Record<string, string>) => call(handler, 'GET /v1/publications', { query });
const search = (q: string, extra: Record<string, string> = {}) => call(handler, 'GET /v1/publications/search', { query: { q, ...extra } });
const ids = (r: { body: { items: { id: string }[] } }) => r.body.items.map((i) => i.id);

async function inbox(p: Person) {
  const r = await call(messages, 'GET /v1/messages', { token: p.token, query: { limit: '50' } });
  return r.body.items as { title: string; body: string }[];
}

describe('publishing, the lists and the page', () => {
  it('links a policy and its interpretation both ways, with its PDF open to anyone', async () => {
    const pdf = await upload(education, PDF, 'application/pdf', '划片范围表.pdf');
    expect(pdf.complete?.status).toBe(200);
    const policy = await publish(education, {
      category: 'policy',
      title: `越秀区学位保障办法（试行）${RUN}`,
      docNo: '越教规〔2026〕1号',
      content: '第一条 为保障适龄儿童少年就近入学，制定本办法。第二条 学位不足时按户籍与实际居住地一致优先安排。',
      attachments: [pdf.fileId],
    });
    expect(policy.status).toBe(201);
    expect(policy.body).toMatchObject({ department: 'education', departmentName: '广州市越秀区教育局', validity: 'effective', version: 1, attachmentCount: 1 });
    const reader = await publish(education, {
      category: 'interpretation',
      title: `一图读懂学位保障办法${RUN}`,
      content: '简单说：学位不够时，户籍和实际居住地一致的孩子优先。',
      interpretsId: policy.body.id,
    });
    expect(reader.status).toBe(201);
    expect(reader.body.interprets).toMatchObject({ id: policy.body.id, category: 'policy', docNo: '越教规〔2026〕1号' });

    const page = await detail(policy.body.id);
    expect(page.status).toBe(200);
    expect(page.body.interpretations.map((l: { id: string }) => l.id)).toEqual([reader.body.id]);
    expect(page.body.attachments).toEqual([expect.objectContaining({ fileId: pdf.fileId, fileName: '划片范围表.pdf', contentType: 'application/pdf' })]);
    const bytes = await fetch(page.body.attachments[0].url); // no session: a published attachment is public
    expect(bytes.status).toBe(200);
    expect(
      Buffer.from(await bytes.arrayBuffer())
        .subarray(0, 4)
        .toString(),
    ).toBe('%PDF');
    expect((await detail(reader.body.id)).body.interprets.id).toBe(policy.body.id);

    expect(ids(await list({ category: 'policy' }))).toContain(policy.body.id);
    expect(ids(await list({ category: 'interpretation' }))).toContain(reader.body.id);
    const byDept = ids(await list({ department: 'education', limit: '50' }));
    expect(byDept.indexOf(reader.body.id)).toBeLessThan(byDept.indexOf(policy.body.id)); // newest first
    expect(ids(await list({ department: 'education', category: 'interpretation' }))).not.toContain(policy.body.id);
    expect(ids(await list({ department: 'housing' }))).not.toContain(policy.body.id);
    expect(ids(await list({}))).toContain(reader.body.id);
    await drainPublications(); // the worker marks the PDF as used: the unused-files sweep leaves it
    expect((await storedRow(fileKeys.file(pdf.fileId!)))?.usedBy).toBe(policy.body.id);
  });

  it('makes one item of a double publish under one Idempotency-Key, however many arrive at once', async () => {
    const key = `twin-${RUN}`;
    const body = { category: 'notice', title: `关于调整办公时间的通知${RUN}`, content: '即日起区教育局办事大厅周六上午开放，办理学籍相关业务。' };
    const all = await Promise.all(Array.from({ length: 20 }, () => publish(education, body, key)));
    expect(all.map((r) => r.status).sort()).toEqual([...Array(19).fill(200), 201]);
    expect(new Set(all.map((r) => r.body.id)).size).toBe(1);
    const mine = await call(handler, 'GET /v1/staff/publications', { token: education, query: { limit: '50' } });
    expect(mine.body.items.filter((i: { title: string }) => i.title === body.title)).toHaveLength(1);
  });

  it('refuses residents (403), bad bodies in Chinese naming the field (400), and attachments that are not the officer’s PDFs (422)', async () => {
    const resident = await residentWithId('刘晓', 2);
    const r = await publish(resident.token, { category: 'notice', title: '居民想发的通知', content: '居民不能以部门名义发布政务公开信息。' });
    expect(r.status).toBe(403);
    const bad = await publish(education, { category: 'notice', title: '通知', content: '太短' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/标题：标题至少 4 个字/);
    expect(bad.body.error.message).toMatch(/正文：正文至少 10 个字/);
    const dept = await publish(education, {
      category: 'notice',
      title: '冒用部门的通知',
      content: '正文内容足够长，但指定了别的部门。',
      department: 'housing',
    });
    expect(dept.status).toBe(400);
    const photo = await upload(education);
    const notPdf = await publish(education, {
      category: 'notice',
      title: '附件不是 PDF 的通知',
      content: '附件应当是 PDF 文件，照片不行。',
      attachments: [photo.fileId],
    });
    expect(notPdf.status).toBe(422);
    expect(notPdf.body.error.message).toMatch(/不是 PDF/);
    const theirs = await upload(housing, PDF, 'application/pdf', '别人的.pdf');
    const foreign = await publish(education, {
      category: 'notice',
      title: '附件是别人上传的通知',
      content: '附件必须是发布人自己上传的文件。',
      attachments: [theirs.fileId],
    });
    expect(foreign.status).toBe(422);
    const future = await publish(education, { category: 'notice', title: '日期在将来的通知', content: '发布日期不能晚于今天。', publishedOn: '2099-01-01' });
    expect(future.status).toBe(422);
    expect(future.body.error.message).toMatch(/发布日期不能晚于今天/);
    const notPolicy = await publish(education, {
      category: 'interpretation',
      title: '解读一则通知',
      content: '政策解读只能关联政策文件。',
      interpretsId: 'pb_seedWaterStop',
    });
    expect(notPolicy.status).toBe(422);
  });
});

describe('full-text search through the bigram index', () => {
  it('finds words inside the body and the title, newest first, with the words highlighted', async () => {
    const a = await publish(education, {
      category: 'catchment',
      title: `${RUN}年越秀区义务教育阶段学校招生地段划分`,
      content: '东风东路小学招生地段：东风东路单号123号至451号，农林下路双号2号至80号，竹丝岗社区全部门牌。',
    });
    const b = await publish(housing, {
      category: 'notice',
      title: `老旧小区加装电梯宣讲会${RUN}`,
      content: '宣讲会介绍加装电梯的补贴、表决和施工流程。地点在农林下路社区活动中心。',
    });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(ids(await search('竹丝岗社区'))).not.toContain(a.body.id); // not indexed yet: the worker writes the index
    await drainPublications();

    const body = await search('竹丝岗社区');
    expect(ids(body)).toContain(a.body.id);
    const hit = body.body.items.find((i: { id: string }) => i.id === a.body.id);
    expect(hit.snippet.filter((p: { hit: boolean }) => p.hit).map((p: { text: string }) => p.text)).toContain('竹丝岗社区');
    expect(hit.inTitle).toBe(false);

    const title = await search('招生地段划分');
    expect(ids(title)).toContain(a.body.id);
    expect(title.body.items.find((i: { id: string }) => i.id === a.body.id).inTitle).toBe(true);

    const both = await search('农林下路');
    expect(ids(both).indexOf(b.body.id)).toBeLessThan(ids(both).indexOf(a.body.id)); // both published today: b later
    expect(ids(await search('农林下路', { category: 'notice' }))).toEqual(expect.not.arrayContaining([a.body.id]));
    expect(ids(await search('竹丝岗电梯'))).toEqual([]); // every bigram must be there: 岗电 is in neither
    expect(ids(await search('地段划分'))).toContain('pb_seedCatchment26'); // the seeded items are indexed too

    const short = await search('竹');
    expect(short.status).toBe(400);
    expect(short.body.error.message).toMatch(/两个连续的字/);
  });

  it('follows an edit: a new version, its new words found and the old ones gone; a stale edit is a 409', async () => {
    const p = await publish(housing, { category: 'notice', title: `停车场临时封闭通知${RUN}`, content: '因地面修缮，越华路停车场封闭三天，请车主提前挪车。' });
    await drainPublications();
    expect(ids(await search('地面修缮'))).toContain(p.body.id);
    const body = {
      category: 'notice',
      title: `停车场临时封闭通知（更正）${RUN}`,
      content: '因防水施工，越华路停车场封闭五天，请车主提前挪车。',
      expectedVersion: 1,
      note: '更正施工内容',
    };
    const [one, two] = await Promise.all([
      call(handler, 'PUT /v1/staff/publications/{id}', { token: housing, params: { id: p.body.id }, body }),
      call(handler, 'PUT /v1/staff/publications/{id}', { token: housing, params: { id: p.body.id }, body }),
    ]);
    expect([one.status, two.status].sort()).toEqual([200, 409]);
    await drainPublications();
    expect(ids(await search('防水施工'))).toContain(p.body.id);
    expect(ids(await search('地面修缮'))).not.toContain(p.body.id);
    expect((await detail(p.body.id)).body).toMatchObject({ version: 2, title: body.title });
  });
});

describe('what a read costs, at any size', () => {
  const calls = (r: { headers: Record<string, string> }) => parseStoreCost(r.headers['x-store-cost'])!.calls;

  it('lists in one Query, shows an item in one Query (+ one GetItem for the policy an interpretation explains)', async () => {
    await list({}); // the catalogue's department names, cached a minute per container
    expect(calls(await list({ category: 'lottery' }))).toBe(1);
    expect(calls(await list({ department: 'education' }))).toBe(1);
    expect(calls(await detail('pb_seedBldgPolicy'))).toBe(1);
    expect(calls(await detail('pb_seedBldgReader'))).toBe(2);
  });

  it('searches two bigrams over 600 items in a few calls: windows of the lists, then postings looked up by key', async () => {
    // 600 items, newest first by i: 龘靐 in every item but the multiples of 10 below 400; 靐齉 in the multiples of 10 (60,
    // the rarer list, complete: it drives). The hits are the multiples of 10 from 400 on, older than 龘靐's window of 200.
    const item = (i: number): PublicationRecord => {
      const day = new Date(Date.UTC(2026, 5, 1) - i * 86_400_000).toISOString().slice(0, 10);
      return {
        id: `pb_s${RUN}${String(i).padStart(3, '0')}`,
        version: 1,
        status: 'published',
        category: 'notice',
        title: `合成测试${i}`,
        content: '合成测试正文。',
        publishedOn: day,
        publishedAt: `${day}T01:00:00.000Z`,
        department: 'data',
        attachments: [],
        updatedAt: `${day}T01:00:00.000Z`,
        savedBy: '测试',
        savedById: 'test',
      };
    };
    const items = Array.from({ length: 600 }, (_, i) => item(i));
    const posting = (term: string, p: PublicationRecord) => postingItem(term, sortKeyOf(p), { context: p.title, inTitle: false, category: 'notice' });
    await batchPut(items.filter((_, i) => i % 10 === 0).flatMap((p) => seedRows(p)));
    await writePostings(
      [
        ...items.filter((_, i) => i % 10 !== 0 || i >= 400).map((p) => posting('龘靐', p)),
        ...items.filter((_, i) => i % 10 === 0).map((p) => posting('靐齉', p)),
      ],
      [],
    );
    const r = await search('龘靐齉');
    expect(r.body.terms).toEqual(['龘靐', '靐齉']);
    expect(ids(r)).toEqual(items.filter((_, i) => i % 10 === 0 && i >= 400).map((p) => p.id));
    expect(r.body.nextCursor).toBeNull();
    // 2 Queries (one per bigram), 2 BatchGets of postings by key (20 and 17), 1 BatchGet of the hits' summaries
    expect(parseStoreCost(r.headers['x-store-cost'])!.ops).toEqual(
      new Map([
        ['Query', 2],
        ['BatchGetItem', 3],
      ]),
    );

    // one bigram alone: 20 a page, every hit once, in order, across pages
    const all = await search('靐齉');
    expect(all.body.items).toHaveLength(20);
    const pages: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await search('靐齉', cursor ? { cursor } : {});
      pages.push(...ids(page));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor && pages.length < 100);
    expect(pages).toEqual(items.filter((_, i) => i % 10 === 0).map((p) => p.id));
  });
});

describe('withdrawing and who may', () => {
  it('takes a withdrawn item off the lists, the search and its page, keeping it in the history; another department gets 404', async () => {
    const p = await publish(education, {
      category: 'lottery',
      title: `民办初中电脑派位结果${RUN}`,
      content: '育才实验学校初中部电脑派位录取结果：报名号尾数规则详见学校公告栏。',
    });
    await drainPublications();
    expect(ids(await search('电脑派位结果'))).toContain(p.body.id);

    const other = { token: housing, params: { id: p.body.id } };
    expect(
      (
        await call(handler, 'PUT /v1/staff/publications/{id}', {
          ...other,
          body: { category: 'lottery', title: '改别人的', content: '别的部门不能修改本部门的信息。', expectedVersion: 1 },
        })
      ).status,
    ).toBe(404);
    expect(
      (await call(handler, 'POST /v1/staff/publications/{id}/withdraw', { ...other, body: { reason: '别的部门来撤回', expectedVersion: 1 } })).status,
    ).toBe(404);
    expect((await call(handler, 'GET /v1/staff/publications/{id}/versions', other)).status).toBe(404);

    const w = await call(handler, 'POST /v1/staff/publications/{id}/withdraw', {
      token: education,
      params: { id: p.body.id },
      body: { reason: '派位结果有误，核实后重新发布', expectedVersion: 1 },
    });
    expect(w.status).toBe(200);
    expect(w.body).toMatchObject({ status: 'withdrawn', withdrawnReason: '派位结果有误，核实后重新发布', version: 2 });
    expect(ids(await search('电脑派位结果'))).not.toContain(p.body.id); // at once, before the worker deletes its postings
    expect(ids(await list({ category: 'lottery', limit: '50' }))).not.toContain(p.body.id);
    expect(ids(await list({ department: 'education', limit: '50' }))).not.toContain(p.body.id);
    expect((await detail(p.body.id)).status).toBe(404);
    await drainPublications();
    expect(ids(await search('电脑派位结果'))).not.toContain(p.body.id);

    const gone = await call(handler, 'GET /v1/staff/publications', { token: education, query: { status: 'withdrawn', limit: '50' } });
    expect(gone.body.items.find((i: { id: string }) => i.id === p.body.id)).toMatchObject({ withdrawnReason: '派位结果有误，核实后重新发布' });
    const history = await call(handler, 'GET /v1/staff/publications/{id}/versions', { token: education, params: { id: p.body.id } });
    expect(history.body.items.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [2, 'withdrawn'],
      [1, 'published'],
    ]);
    const again = await call(handler, 'POST /v1/staff/publications/{id}/withdraw', {
      token: education,
      params: { id: p.body.id },
      body: { reason: '再撤回一次', expectedVersion: 2 },
    });
    expect(again.status).toBe(409);
  });

  it('takes a withdrawn interpretation off its policy’s page', async () => {
    const reader = await publish(education, {
      category: 'interpretation',
      title: `学位办法答问${RUN}`,
      content: '问：学位不够怎么办？答：按户籍与居住地一致优先。',
      interpretsId: 'pb_seedBldgPolicy',
    });
    expect((await detail('pb_seedBldgPolicy')).body.interpretations.map((l: { id: string }) => l.id)).toContain(reader.body.id);
    await call(handler, 'POST /v1/staff/publications/{id}/withdraw', {
      token: education,
      params: { id: reader.body.id },
      body: { reason: '解读内容有误', expectedVersion: 1 },
    });
    expect((await detail('pb_seedBldgPolicy')).body.interpretations.map((l: { id: string }) => l.id)).not.toContain(reader.body.id);
  });
});

describe('subscriptions', () => {
  it('tells each subscriber of the category once, and only them', async () => {
    const [a, b, c, d] = await Promise.all(['甲', '乙', '丙', '丁'].map((n) => residentWithId(`订阅者${n}`, 2)));
    const sub = (p: Person, category: string, subscribed = true) =>
      call(handler, 'PUT /v1/me/publication-subscriptions', { token: p.token, body: { category, subscribed } });
    expect((await sub(a, 'food-safety')).body.categories).toEqual(['food-safety']);
    await sub(a, 'food-safety'); // twice: the same
    await sub(b, 'food-safety');
    expect((await sub(b, 'notice')).body.categories.sort()).toEqual(['food-safety', 'notice']);
    await sub(c, 'notice');
    await sub(d, 'food-safety');
    expect((await sub(d, 'food-safety', false)).body.categories).toEqual([]);
    expect((await call(handler, 'GET /v1/me/publication-subscriptions', { token: b.token })).body.categories.sort()).toEqual(['food-safety', 'notice']);

    const market = await login('u-staff-market');
    const p = await publish(market, {
      category: 'food-safety',
      title: `食品安全风险预警：谨防河豚中毒${RUN}`,
      content: '河豚含有河豚毒素，加热也不能破坏，请勿自行加工食用河豚。',
    });
    expect(p.status).toBe(201);
    await drainPublications();
    await queueNotify(p.body); // a message delivered twice tells nobody twice
    await drainPublications();
    const about = async (x: Person) => (await inbox(x)).filter((m) => m.title.includes(`河豚中毒${RUN}`));
    expect(await about(a)).toHaveLength(1);
    expect(await about(b)).toHaveLength(1);
    expect(await about(c)).toHaveLength(0);
    expect(await about(d)).toHaveLength(0);
    expect((await about(a))[0].body).toMatch(/区市场监管局在“食品安全预警”栏目发布了/);
    const staff = await call(handler, 'PUT /v1/me/publication-subscriptions', { token: education, body: { category: 'notice', subscribed: true } });
    expect(staff.status).toBe(403);
  });
});

describe('a queue send that fails after the save', () => {
  it('still answers with the saved item, and the sweep queues it again: indexed, its edit followed, subscribers told once', async () => {
    const reader = await residentWithId('订阅者戊', 2);
    await call(handler, 'PUT /v1/me/publication-subscriptions', { token: reader.token, body: { category: 'notice', subscribed: true } });
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    failNextSend();
    const title = `二沙岛绿道施工公告${RUN}`;
    const p = await publish(housing, { category: 'notice', title, content: '二沙岛绿道夜间照明改造期间，请市民绕行滨江路。' });
    expect(p.status).toBe(201); // saved: the send failed after the transaction, which is no error to the officer
    const line = logged.mock.calls.map((c) => String(c[0])).find((l) => l.includes(p.body.id))!;
    logged.mockRestore();
    expect(JSON.parse(line)).toMatchObject({ level: 'error', id: p.body.id, what: 'publish' });
    expect(line).not.toContain('二沙岛'); // the item's id, never its text or the officer
    expect(await storedRow(publicationKeys.toIndex(p.body.id))).toMatchObject({ version: 1, notify: true });

    await drainPublications(); // nothing was queued: not in the search, nobody told
    expect(ids(await search('夜间照明改造'))).not.toContain(p.body.id);
    expect((await requeueUnindexed()).requeued).not.toContain(p.body.id); // a fresh save: its message may be on its way
    const later = () => new Date(Date.now() + REQUEUE_AFTER_MS + 60_000);
    expect((await requeueUnindexed(later())).requeued).toContain(p.body.id);
    await drainPublications();
    expect(ids(await search('夜间照明改造'))).toContain(p.body.id);
    const told = async () => (await inbox(reader)).filter((m) => m.title.includes(title));
    expect(await told()).toHaveLength(1); // told when it was first indexed
    expect(await storedRow(publicationKeys.toIndex(p.body.id))).toBeUndefined(); // caught up: nothing left to sweep

    // an edit whose send fails: the index keeps the old words until the sweep
    failNextSend();
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const edited = await call(handler, 'PUT /v1/staff/publications/{id}', {
      token: housing,
      params: { id: p.body.id },
      body: { category: 'notice', title, content: '二沙岛绿道景观灯更换期间，请市民绕行滨江路。', expectedVersion: 1 },
    });
    quiet.mockRestore();
    expect(edited.status).toBe(200);
    await drainPublications();
    expect(ids(await search('景观灯更换'))).not.toContain(p.body.id);
    expect((await requeueUnindexed(later())).requeued).toContain(p.body.id);
    await drainPublications();
    expect(ids(await search('景观灯更换'))).toContain(p.body.id);
    expect(ids(await search('夜间照明改造'))).not.toContain(p.body.id);
    expect(await told()).toHaveLength(1); // an edit tells nobody again
    expect(await storedRow(publicationKeys.toIndex(p.body.id))).toBeUndefined();
  });
});
