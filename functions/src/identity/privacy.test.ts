import { PRIVACY_VERSION } from '@yx/shared';
import { SERVICE_ITEMS } from '@yx/shared/src/guide/catalogue';
import { call } from '../../test/http';
import { freshResidentId } from '../../test/ids';
import { storedRow } from '../../test/rows';
import { batchPut } from '../guide/repository';
import { issueSession } from '../lib/session';
import { keys as identityKeys } from '../lib/entities/identity';
import { keys as appKeys } from '../lib/entities/applications';
import { keys as publicationKeys } from '../lib/entities/publications';
import { handler as publications } from '../publications/handler';
import { handler as applications } from '../applications/handler';
import { handler as workorders } from '../workorders/handler';
import { seedAll } from '../seed/seed';
import { seedUserItems } from './repository';
import { residentWithId } from '../../test/people';
import { handler } from './handler';
import { listMessages, tell } from '../messages/repository';

/** 个人信息权利 (issue 13): consent recorded, a full export, and 注销. */
beforeAll(() => seedAll());

const RUN = Date.now().toString(36);
const FORM = `item-${SERVICE_ITEMS.find((i) => i.online)!.id}`;
let n = 0;
/** A new resident with no real name yet, and a session. */
async function newcomer() {
  const id = `u-priv-${RUN}-${++n}`;
  await batchPut(seedUserItems({ id, role: 'resident', nickname: `新居民${n}`, openid: `openid-${id}`, createdAt: '2026-11-30', updatedAt: '2026-11-30' }));
  return { id, token: (await issueSession({ userId: id, role: 'resident' })).token };
}
const bindName = (token: string, idNumber: string) => call(handler, 'PUT /v1/me/real-name', { token, body: { name: '郑晓雯', idNumber } });
const close = (token: string, confirm = '注销') => call(handler, 'POST /v1/me/close', { token, body: { confirm } });

describe('个人信息: consent, export and closing the account', () => {
  it('records consent with the notice version when the real name is given, and exports everything in full', async () => {
    const p = await newcomer();
    const idNumber = freshResidentId();
    expect((await bindName(p.token, idNumber)).status).toBe(200);
    const view = await call(handler, 'GET /v1/me/privacy', { token: p.token });
    expect(view.body.consents.realName).toMatchObject({ version: PRIVACY_VERSION });
    expect(view.body).toMatchObject({ openApplications: 0, openWorkOrders: 0 });

    expect((await call(applications, 'PUT /v1/drafts/{formId}', { token: p.token, params: { formId: FORM }, body: { answers: {} } })).status).toBe(200);
    const filed = await call((e) => workorders({ ...e, headers: { ...e.headers, 'idempotency-key': `priv-${p.id}` } }), 'POST /v1/workorders', {
      token: p.token,
      body: {
        categoryId: 'cityscape-streetlight',
        description: `楼下路灯不亮，电话 13912345678`,
        place: { lat: 23.12505, lng: 113.26915, address: '越秀区北京路 1 号' },
      },
    });
    expect(filed.status).toBe(201);
    const out = await call(handler, 'GET /v1/me/export', { token: p.token });
    expect(out.status).toBe(200);
    expect(out.body.profile).toMatchObject({ id: p.id, realName: '郑晓雯', idNumber });
    expect(out.body.workOrders).toEqual([
      expect.objectContaining({ no: filed.body.no, description: '楼下路灯不亮，电话 13912345678', address: '越秀区北京路 1 号' }),
    ]);
    expect(out.body.consents.realName.version).toBe(PRIVACY_VERSION);
    expect(out.body.drafts.map((d: { formId: string }) => d.formId)).toEqual([FORM]);
    // an order still being handled keeps the account open: the team may need to reach the person
    const refused = await close(p.token);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('1 件诉求');
  });

  it('closes an account: the name, ID, phone and WeChat binding go, the ID is free again, sessions end, a double tap closes once', async () => {
    const p = await newcomer();
    const idNumber = freshResidentId();
    expect((await bindName(p.token, idNumber)).status).toBe(200);
    expect((await call(applications, 'PUT /v1/drafts/{formId}', { token: p.token, params: { formId: FORM }, body: { answers: {} } })).status).toBe(200);
    await tell(
      [{ userId: p.id, appNo: 'YX20261130000001', template: 'application_submitted', title: '已受理', body: '您的申请已受理' }],
      new Date().toISOString(),
    );
    expect((await listMessages(p.id, 10)).items).toHaveLength(1);
    for (const category of ['notice', 'food-safety'])
      expect((await call(publications, 'PUT /v1/me/publication-subscriptions', { token: p.token, body: { category, subscribed: true } })).status).toBe(200);
    expect(await storedRow(publicationKeys.subscriber('notice', p.id))).toBeDefined();
    expect((await close(p.token, '确定')).status).toBe(400); // the word must be typed
    const fresh = (await issueSession({ userId: p.id, role: 'resident' })).token;
    const [a, b] = await Promise.all([close(p.token), close(fresh)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);

    const row = (await storedRow(identityKeys.user(p.id)))!;
    expect(row.closedAt).toEqual(expect.any(String));
    for (const field of ['realName', 'idNumber', 'idNumberHash', 'phone', 'openid', 'realNameConsent']) expect([field, row[field]]).toEqual([field, undefined]);
    expect(await storedRow(identityKeys.openid(`openid-${p.id}`))).toBeUndefined(); // a new WeChat login makes a new account
    expect(await storedRow(appKeys.draft(p.id, FORM))).toBeUndefined();
    expect((await listMessages(p.id, 10)).items).toEqual([]); // the inbox went with it
    // 政务公开 subscriptions: the person's categories and the category's subscriber rows (the worker tells nobody closed)
    for (const key of publicationKeys.allSubscriptionRows(p.id)) expect([key, await storedRow(key)]).toEqual([key, undefined]);
    const after = await call(handler, 'GET /v1/me', { token: p.token });
    expect(after.status).toBe(401);
    // the ID number is free for the person's next account
    const next = await newcomer();
    expect((await bindName(next.token, idNumber)).status).toBe(200);
  });

  it('ends the account’s 亲友代办 grants on both sides', async () => {
    const elder = await residentWithId('郑大伯');
    const daughter = await residentWithId('郑小妹');
    const offered = await call(handler, 'POST /v1/me/kin', {
      token: elder.token,
      body: {
        name: daughter.name,
        idNumber: daughter.idNumber,
        relation: 'child',
        allItems: true,
        expiresOn: new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10),
      },
    });
    expect(offered.status).toBe(201);
    expect((await call(handler, 'POST /v1/me/kin/{userId}/accept', { token: daughter.token, params: { userId: elder.id } })).status).toBe(200);
    expect((await call(handler, 'GET /v1/me/kin', { token: daughter.token })).body.received).toHaveLength(1);
    expect((await close(elder.token)).status).toBe(200);
    expect((await call(handler, 'GET /v1/me/kin', { token: daughter.token })).body.received).toEqual([]);
  });
});
