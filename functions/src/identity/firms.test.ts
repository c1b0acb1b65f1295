/**
 * Firms (issue 12) against DynamoDB Local: only the legal representative binds a firm; agents act within the grant
 * (scope, end date, 容缺 commitments) and stop at once when it is revoked. Every refusal has its Chinese message.
 */
import { asksUpload } from '@yx/shared';
import { SERVICE_ITEMS } from '@yx/shared/src/guide/catalogue';
import { call } from '../../test/http';
import { residentWithId, type Person } from '../../test/people';
import { freshCreditCode } from '../../test/firms';
import { freshResidentId as freshId } from '../../test/ids';
import { fill, getForm, startLocalFiles } from '../../test/apply';
import { handler as applications } from '../applications/handler';
import { batchPut } from '../guide/repository';
import { issueSession } from '../lib/session';
import { listMessages } from '../messages/repository';
import { seedAll } from '../seed/seed';
import { devHandler, handler } from './handler';
import { getUser, seedEnterpriseItem, seedUserItems } from './repository';
import { hashIdNumber } from './service';

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
const person = (name: string, level: 1 | 2 = 2) => residentWithId(name, level);

/** A firm of grade A whose registry names `rep` as legal representative. */
async function firm(rep: Person) {
  const creditCode = freshCreditCode(); // unique across files and calls (two firms in one millisecond collided before)
  const name = `广州测试${++n}号文化有限公司`;
  await batchPut([
    seedEnterpriseItem({
      creditCode,
      name,
      grade: 'A',
      legalRepresentative: rep.name,
      address: '越秀区中山四路 100 号',
      street: 'beijing',
      legalRepIdHash: hashIdNumber(rep.idNumber),
    }),
  ]);
  return { creditCode, name };
}

const bind = (p: Person, f: { creditCode: string; name: string }) =>
  call(handler, 'PUT /v1/me/enterprise', { token: p.token, body: { enterpriseName: f.name, creditCode: f.creditCode } });
const grant = (token: string, agent: Person, over: Record<string, unknown> = {}) =>
  call(handler, 'POST /v1/firm/agents', {
    token,
    body: { name: agent.name, idNumber: agent.idNumber, allItems: true, itemIds: [], commitments: true, expiresOn: '2027-12-31', ...over },
  });
const accept = (agent: Person, creditCode: string) =>
  call(handler, 'POST /v1/me/firm-offers/{creditCode}/accept', { token: agent.token, params: { creditCode } });

const firmItem = SERVICE_ITEMS.filter((i) => i.online && i.audience.includes('enterprise') && !i.audience.includes('person')).sort(
  (a, b) => b.materials.filter((m) => m.required && asksUpload(m)).length - a.materials.filter((m) => m.required && asksUpload(m)).length,
)[0];
const otherFirmItem = SERVICE_ITEMS.find((i) => i.online && i.audience.includes('enterprise') && i.id !== firmItem.id)!;
const submit = (token: string, body: Record<string, unknown>) =>
  call((e) => applications({ ...e, headers: { ...e.headers, 'idempotency-key': `firm-${RUN}-${++n}` } }), 'POST /v1/applications', { token, body });

/** A 容缺 application of the firm item: the first required material deferred, the commitment signed. */
async function deferredApplication(token: string, signer: string, itemId = firmItem.id) {
  const form = await getForm(token, `item-${itemId}`);
  const deferred = form.form.fields.filter((f) => f.type === 'file' && f.required).slice(0, 1);
  const { answers } = await fill(token, form, { skip: deferred.map((f) => f.key) });
  return submit(token, { itemId, answers, deferred: deferred.map((f) => f.materialName!), commitment: { signed: true, signer } });
}

describe('binding a firm (法定代表人)', () => {
  it('binds only the registered legal representative, and only with a proven ID', async () => {
    const rep = await person('赵法人');
    const f = await firm(rep);
    const stranger = await person('孙路人');
    const refused = await bind(stranger, f);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('不是该企业登记的法定代表人');
    const typed = await person('钱填写', 1);
    await batchPut(seedUserItems({ ...(await getUser(typed.id))!, idNumber: rep.idNumber }));
    expect((await bind(typed, f)).body.error.message).toContain('人脸核验');
    const ok = await bind(rep, f);
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ role: 'enterprise', enterprise: { creditCode: f.creditCode, grade: 'A' } });
    expect((await getUser(rep.id))?.firmRole).toBe('legal');
  });
});

describe('agents (经办人)', () => {
  async function setUp(over: Record<string, unknown> = {}) {
    const rep = await person('周法人');
    const f = await firm(rep);
    const legal = (await bind(rep, f)).body.token as string;
    const agent = await person('吴经办');
    const offered = await grant(legal, agent, over);
    expect(offered.status).toBe(201);
    return { rep, f, legal, agent };
  }

  it('acts for the firm once accepted, files a 容缺 application named as agent and firm, and stops at once when revoked', async () => {
    const { f, legal, agent } = await setUp();
    const offers = await call(handler, 'GET /v1/me/firm-offers', { token: agent.token });
    expect(offers.body.items).toEqual([expect.objectContaining({ creditCode: f.creditCode, status: 'offered', agentName: '吴经办', offeredBy: '周*人' })]);
    expect((await listMessages(agent.id, 5)).items[0].title).toContain('邀请您担任经办人');
    // before accepting, the agent is a resident: a firm item is refused
    const accepted = await accept(agent, f.creditCode);
    expect(accepted.status).toBe(200);
    expect(accepted.body.user).toMatchObject({ role: 'enterprise', enterprise: { creditCode: f.creditCode } });
    const asAgent = accepted.body.token as string;
    const filed = await deferredApplication(asAgent, '吴经办');
    expect(filed.status).toBe(201);
    const detail = await call(applications, 'GET /v1/applications/{appNo}', { token: asAgent, params: { appNo: filed.body.appNo } });
    expect(detail.body.timeline[0].actor).toBe(`经办人 吴*办（代 ${f.name}）`);
    // the legal representative sees the agent's application among the firm's, and can read it; the agent cannot list the firm's
    const firmList = await call(applications, 'GET /v1/applications', { token: legal, query: { scope: 'firm' } });
    expect(firmList.body.items.map((a: { appNo: string }) => a.appNo)).toContain(filed.body.appNo);
    expect((await call(applications, 'GET /v1/applications/{appNo}', { token: legal, params: { appNo: filed.body.appNo } })).status).toBe(200);
    expect((await call(applications, 'GET /v1/applications', { token: asAgent, query: { scope: 'firm' } })).status).toBe(403);
    const otherRep = (await call(devHandler, 'POST /v1/dev/login', { body: { userId: 'u-enterprise-wang' } })).body.token;
    expect((await call(applications, 'GET /v1/applications/{appNo}', { token: otherRep, params: { appNo: filed.body.appNo } })).status).toBe(404);
    const list = await call(handler, 'GET /v1/firm/agents', { token: legal });
    expect(list.body.items[0]).toMatchObject({ agentName: '吴*办', status: 'accepted', expired: false });

    const revoked = await call(handler, 'POST /v1/firm/agents/{agentId}/revoke', { token: legal, params: { agentId: agent.id } });
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    const next = await call(applications, 'GET /v1/applications', { token: asAgent });
    expect(next.status).toBe(401);
    expect(next.body.error.message).toBe('账号权限已变更，请重新登录');
    expect(await getUser(agent.id)).toMatchObject({ role: 'resident' });
    expect((await getUser(agent.id))?.enterpriseCode).toBeUndefined();
    expect((await listMessages(agent.id, 5)).items[0].title).toContain('已撤销');
    // signed in again, as a resident: the grant cannot be taken up again
    const again = await getUser(agent.id);
    const fresh = (await issueSession({ userId: agent.id, role: again!.role, sv: again!.sessionVersion })).token;
    expect((await accept({ ...agent, token: fresh }, f.creditCode)).status).toBe(404);
  });

  it('refuses an item outside the scope, a 容缺 commitment the grant does not allow, and a grant past its end date', async () => {
    const { f, agent } = await setUp({ allItems: false, itemIds: [firmItem.id], commitments: false, expiresOn: '2027-01-31' });
    const asAgent = (await accept(agent, f.creditCode)).body.token as string;
    const commitment = await deferredApplication(asAgent, '吴经办');
    expect(commitment.status).toBe(403);
    expect(commitment.body.error.message).toContain('容缺信用承诺');
    const form = await getForm(asAgent, `item-${otherFirmItem.id}`);
    const outside = await submit(asAgent, { itemId: otherFirmItem.id, answers: (await fill(asAgent, form)).answers });
    expect(outside.status).toBe(403);
    expect(outside.body.error.message).toContain('范围');
    const inScope = await getForm(asAgent, `item-${firmItem.id}`);
    process.env.FAKE_NOW = '2027-02-01T02:00:00.000Z';
    const late = await submit(asAgent, { itemId: firmItem.id, answers: (await fill(asAgent, inScope)).answers });
    expect(late.status).toBe(403);
    expect(late.body.error.message).toContain('2027-01-31 到期');
    // and so is every other application route, not only submitting
    const list = await call(applications, 'GET /v1/applications', { token: asAgent });
    expect(list.status).toBe(403);
    expect(list.body.error.message).toContain('到期');
  });

  it('grants only to a proven person of that name and ID, only by the legal representative, with a sensible end date', async () => {
    const { f, legal, agent } = await setUp();
    const nobody = await grant(legal, { ...agent, idNumber: freshId() });
    expect(nobody.status).toBe(404);
    expect(nobody.body.error.message).toContain('人脸核验');
    expect((await grant(legal, { ...agent, name: '吴别人' })).status).toBe(404);
    const typedOnly = await person('郑未核', 1);
    expect((await grant(legal, typedOnly)).status).toBe(404);
    expect((await grant(legal, agent, { expiresOn: '2020-01-01' })).body.error.message).toContain('晚于今天');
    expect((await grant(legal, agent, { expiresOn: '2040-01-01' })).body.error.message).toContain('最长');
    expect((await grant(legal, agent, { allItems: false, itemIds: [] })).status).toBe(400);
    expect((await grant(legal, agent, { allItems: false, itemIds: ['no-criminal-record'] })).status).toBe(422); // a person's item
    const asAgent = (await accept(agent, f.creditCode)).body.token as string;
    expect((await grant(legal, agent)).status).toBe(409); // in force: revoke first
    const third = await person('冯第三');
    const byAgent = await grant(asAgent, third);
    expect(byAgent.status).toBe(403);
    expect(byAgent.body.error.message).toContain('只有企业法定代表人');
    expect((await call(handler, 'POST /v1/firm/agents/{agentId}/revoke', { token: legal, params: { agentId: 'u-nobody' } })).status).toBe(404);
  });
});
