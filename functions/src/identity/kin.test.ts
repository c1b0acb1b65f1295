/**
 * 亲友代办 (issue 12) against DynamoDB Local: a resident authorises a relative, who applies, answers and rates for them
 * within the grant; the resident sees everything and revokes at once; every action says 「由 X 代办」.
 */
import { call } from '../../test/http';
import { residentWithId, type Person } from '../../test/people';
import { fill, startLocalFiles } from '../../test/apply';
import { handler as applications } from '../applications/handler';
import { listMessages } from '../messages/repository';
import { seedAll } from '../seed/seed';
import { handler } from './handler';

let stopFiles: () => Promise<void>;
beforeAll(async () => {
  await seedAll();
  stopFiles = await startLocalFiles();
});
afterAll(() => stopFiles());
afterEach(() => {
  delete process.env.FAKE_NOW;
});

const RUN = Date.now().toString(36);
let n = 0;

/** A person whose real name is proven (L2) unless `level: 1`. */
const person = (name: string, level: 1 | 2 = 2) => residentWithId(name, level, { phone: '13700001234' });

const grant = (from: Person, to: Person, over: Record<string, unknown> = {}) =>
  call(handler, 'POST /v1/me/kin', {
    token: from.token,
    body: { name: to.name, idNumber: to.idNumber, relation: 'child', allItems: true, itemIds: [], expiresOn: '2027-06-30', ...over },
  });
const accept = (relative: Person, principal: Person) =>
  call(handler, 'POST /v1/me/kin/{userId}/accept', { token: relative.token, params: { userId: principal.id } });
const submitFor = (relative: Person, principal: Person, itemId: string, answers: Record<string, unknown>) =>
  call((e) => applications({ ...e, headers: { ...e.headers, 'idempotency-key': `kin-${RUN}-${++n}` } }), 'POST /v1/applications', {
    token: relative.token,
    query: { for: principal.id },
    body: { itemId, answers },
  });
const ITEM = 'senior-preferential-card'; // 老年人优待证

describe('亲友代办', () => {
  it('lets a daughter apply for her father, shows it to him with 「由 X 代办」, and stops at once when he revokes', async () => {
    const father = await person('周老伯');
    const daughter = await person('周女儿');
    expect((await grant(father, daughter)).status).toBe(201);
    const offered = await call(handler, 'GET /v1/me/kin', { token: daughter.token });
    expect(offered.body.received).toEqual([expect.objectContaining({ principalName: '周*伯', agentName: '周女儿', status: 'offered' })]);
    expect((await listMessages(daughter.id, 5)).items[0].title).toContain('请您代办');
    // before accepting, nothing can be done for him
    const early = await call(applications, 'GET /v1/applications', { token: daughter.token, query: { for: father.id } });
    expect(early.status).toBe(403);
    expect((await accept(daughter, father)).body.status).toBe('accepted');

    const form = await call(applications, 'GET /v1/forms/{formId}', { token: daughter.token, params: { formId: `item-${ITEM}` }, query: { for: father.id } });
    expect(form.status).toBe(200);
    expect(Object.values(form.body.prefill)).toContain('周老伯'); // his form, pre-filled with his data
    const r = await submitFor(daughter, father, ITEM, (await fill(daughter.token, form.body)).answers);
    expect(r.status).toBe(201);
    // his own list and trail
    const his = await call(applications, 'GET /v1/applications/{appNo}', { token: father.token, params: { appNo: r.body.appNo } });
    expect(his.status).toBe(200);
    expect(his.body.timeline[0].actor).toBe('由 周*儿 代办');
    // hers: only through the grant
    expect((await call(applications, 'GET /v1/applications/{appNo}', { token: daughter.token, params: { appNo: r.body.appNo } })).status).toBe(404);
    const forHim = await call(applications, 'GET /v1/applications', { token: daughter.token, query: { for: father.id } });
    expect(forHim.body.items.map((a: { appNo: string }) => a.appNo)).toContain(r.body.appNo);

    expect((await call(handler, 'POST /v1/me/kin/{userId}/revoke', { token: father.token, params: { userId: daughter.id } })).body.status).toBe('revoked');
    const after = await call(applications, 'GET /v1/applications/{appNo}', {
      token: daughter.token,
      params: { appNo: r.body.appNo },
      query: { for: father.id },
    });
    expect(after.status).toBe(403);
    expect(after.body.error.message).toContain('撤销');
    expect((await listMessages(daughter.id, 5)).items[0].title).toContain('已撤销');
  });

  it('refuses items outside the grant and a grant past its end date', async () => {
    const mother = await person('吴老太');
    const son = await person('吴儿子');
    await grant(mother, son, { allItems: false, itemIds: ['longevity-allowance'], expiresOn: '2027-01-31' });
    await accept(son, mother);
    const form = await call(applications, 'GET /v1/forms/{formId}', { token: son.token, params: { formId: `item-${ITEM}` }, query: { for: mother.id } });
    const outside = await submitFor(son, mother, ITEM, (await fill(son.token, form.body)).answers);
    expect(outside.status).toBe(403);
    expect(outside.body.error.message).toContain('范围');
    process.env.FAKE_NOW = '2027-02-01T02:00:00.000Z';
    const late = await call(applications, 'GET /v1/applications', { token: son.token, query: { for: mother.id } });
    expect(late.status).toBe(403);
    expect(late.body.error.message).toContain('到期');
  });

  it('grants only between proven people, found by name and ID, and not to oneself', async () => {
    const a = await person('郑本人');
    const typed = await person('郑填写', 1);
    expect((await grant(typed, a)).status).toBe(403); // the person granting must be proven too
    expect((await grant(a, typed)).status).toBe(404);
    expect((await grant(a, { ...typed, name: '别人' })).status).toBe(404);
    expect((await grant(a, a)).status).toBe(422);
    expect((await grant(a, await person('郑亲友'), { allItems: false, itemIds: ['company-establishment'] })).status).toBe(422); // a firm's item
    const stranger = await person('王路人');
    // nobody can act for a person who did not authorise them
    const nope = await call(applications, 'GET /v1/applications', { token: stranger.token, query: { for: a.id } });
    expect(nope.status).toBe(403);
    expect((await call(handler, 'POST /v1/me/kin/{userId}/accept', { token: stranger.token, params: { userId: a.id } })).status).toBe(404);
  });
});
