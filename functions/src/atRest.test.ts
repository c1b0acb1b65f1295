import { SERVICE_ITEMS } from '@yx/shared/src/guide/catalogue';
import { call } from '../test/http';
import { fill, getForm, startLocalFiles } from '../test/apply';
import { residentWithId } from '../test/people';
import { storedRow } from '../test/rows';
import { keys as identityKeys } from './lib/entities/identity';
import { keys as appKeys } from './lib/entities/applications';
import { keys as woKeys } from './lib/entities/workorders';
import { handler as identity } from './identity/handler';
import { handler as applications } from './applications/handler';
import { handler as workorders } from './workorders/handler';
import { seedAll } from './seed/seed';

/**
 * Personal data at rest (issue 13): ID numbers, phones, names, addresses and free text are sealed in the stored rows
 * (lib/pii), while the owner still sees them in full through the API.
 */
let stopFiles: () => Promise<void>;
beforeAll(async () => {
  await seedAll();
  stopFiles = await startLocalFiles();
});
afterAll(() => stopFiles());

const raw = async (key: { pk: string; sk: string }) => JSON.stringify(await storedRow(key));

const personItem = SERVICE_ITEMS.find(
  (i) => i.online && i.audience.includes('person') && !i.audience.includes('enterprise') && i.materials.some((m) => m.required && !m.eLicence),
)!;

describe('personal data is sealed at rest', () => {
  it('profiles, drafts, applications and work orders hold no readable ID number, phone, name or address', async () => {
    const phone = `139${String(Date.now()).slice(-8)}`;
    const p = await residentWithId('钱秀英', 2, { phone });
    const profile = await raw(identityKeys.user(p.id));
    expect(profile).toContain('pii1.');
    for (const secret of [p.idNumber, phone]) expect(profile).not.toContain(secret);
    expect(JSON.parse(profile).realName).toMatch(/^pii1\./); // (the helper's WeChat nickname is the same name: that one is public)
    const me = await call(identity, 'GET /v1/me', { token: p.token, query: { reveal: 'true' } });
    expect(me.body).toMatchObject({ realName: '钱秀英', idNumber: p.idNumber, phone });

    const formId = `item-${personItem.id}`;
    const address = '广州市越秀区东风中路 88 号 3 栋 1201';
    expect((await call(applications, 'PUT /v1/drafts/{formId}', { token: p.token, params: { formId }, body: { answers: { address }, step: 1 } })).status).toBe(
      200,
    );
    expect(await raw(appKeys.draft(p.id, formId))).not.toContain('东风中路');
    const form = await getForm(p.token, formId);
    expect((form as unknown as { draft: { answers: { address: string } } }).draft.answers.address).toBe(address);

    const { answers } = await fill(p.token, form);
    expect(JSON.stringify(answers)).toContain(p.idNumber); // the form is filled from the profile
    const submitted = await call((e) => applications({ ...e, headers: { ...e.headers, 'idempotency-key': `at-rest-${p.id}` } }), 'POST /v1/applications', {
      token: p.token,
      body: { itemId: personItem.id, answers },
    });
    expect(submitted.status).toBe(201);
    const app = await raw(appKeys.application(submitted.body.appNo));
    for (const secret of [p.idNumber, phone, '钱秀英']) expect(app).not.toContain(secret);
    const detail = await call(applications, 'GET /v1/applications/{appNo}', { token: p.token, params: { appNo: submitted.body.appNo } });
    expect(detail.status).toBe(200);

    const description = `楼道灯坏了一周，请联系我 ${phone}，身份证 ${p.idNumber}`;
    const filed = await call((e) => workorders({ ...e, headers: { ...e.headers, 'idempotency-key': `at-rest-wo-${p.id}` } }), 'POST /v1/workorders', {
      token: p.token,
      body: { categoryId: 'cityscape-streetlight', description, place: { lat: 23.12505, lng: 113.26915, address: '越秀区北京路 100 号' } },
    });
    expect(filed.status).toBe(201);
    const wo = await raw(woKeys.workOrder(filed.body.no));
    for (const secret of [p.idNumber, phone, '北京路 100 号', '楼道灯']) expect(wo).not.toContain(secret);
    const mine = await call(workorders, 'GET /v1/workorders/{no}', { token: p.token, params: { no: filed.body.no } });
    expect(mine.body.description).toBe(description); // the filer reads their own words in full
  }, 180_000); // many writes and reads on DynamoDB Local: a limit that a busy machine stays within, not a goal
});
