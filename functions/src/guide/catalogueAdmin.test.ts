/**
 * The service catalogue as versioned data (issue 16): the admin adds an item with a form field of its own, a resident
 * applies with it, the admin changes the field (a new version), and the earlier application keeps the version it was
 * filed under while a new form asks the new question. Item ids here are this file's own (`cat-test-…`).
 */
import { DEPARTMENTS, SERVICE_ITEMS } from '@yx/shared/src/guide/catalogue';
import { ITEM_FIELDS } from '@yx/shared';
import { call } from '../../test/http';
import { fill, getForm, login, startLocalFiles } from '../../test/apply';
import { storedRow } from '../../test/rows';
import { keys as appKeys } from '../lib/entities/applications';
import { ServiceItemRow } from '../lib/entities/guide';
import { seedAll } from '../seed/seed';
import { handler as admin } from '../admin/handler';
import { handler as applications } from '../applications/handler';
import { handler as guide } from './handler';
import { batchPut, clearCatalogCache } from './repository';

let stopFiles: () => Promise<void>;
let adminToken: string;
let residentToken: string;
beforeAll(async () => {
  await seedAll();
  stopFiles = await startLocalFiles();
  adminToken = await login('u-admin');
  residentToken = await login('u-resident-zhang');
});
afterAll(() => stopFiles());

const run = Date.now().toString(36);
const dept = DEPARTMENTS[0].id;
const newItem = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `宠物犬登记${run.slice(-4)}`,
  departmentId: dept,
  audience: ['person'],
  summary: '居民饲养犬只的登记办理',
  conditions: ['在本区居住并饲养犬只的居民'],
  materials: [
    { name: '居民身份证', required: true, eLicence: 'id-card' },
    { name: '犬只免疫证明', required: true },
  ],
  fields: [{ key: 'dogName', label: '犬只名字', type: 'text', required: true, max: 20 }],
  promisedDays: 3,
  statutoryDays: 20,
  online: true,
  assurance: 1,
  deferrable: false,
  excludedKinds: [],
  delivery: ['pickup', 'post'],
  ...extra,
});
const submit = (token: string, body: unknown, key: string) =>
  call((e) => applications({ ...e, headers: { ...e.headers, 'idempotency-key': key } }), 'POST /v1/applications', { token, body });

describe('admin catalogue: versioned items with form fields as data', () => {
  const id = `cat-test-${run}`;

  it('the admin adds an item with a new field, a resident applies with it, a new version keeps the filed one', async () => {
    const created = await call(admin, 'POST /v1/admin/catalogue/items', { token: adminToken, body: newItem(id) });
    expect(created.status).toBe(201);
    expect(created.body.version).toBe(1);
    expect(created.body.fields.map((f: { key: string }) => f.key)).toEqual(['dogName']);
    expect(created.body.versions).toEqual([expect.objectContaining({ version: 1, savedBy: '区政数局管理员', fieldCount: 1 })]);

    // the guide shows it at once in this container (the save cleared its cache) and search finds it
    const detail = await call(guide, 'GET /v1/services/{id}', { params: { id } });
    expect(detail.status).toBe(200);
    expect(detail.body.item.fields[0].label).toBe('犬只名字');
    const found = await call(guide, 'GET /v1/services', { query: { q: created.body.item.name } });
    expect(found.body.items.map((i: { id: string }) => i.id)).toContain(id);
    const listed = await call(admin, 'GET /v1/admin/catalogue/items', { token: adminToken, query: { q: created.body.item.name } });
    expect(listed.body.items[0].id).toBe(id);

    // the resident's form asks the new question, in 事项信息; the application records version 1
    const form = await getForm(residentToken, `item-${id}`);
    const dogField = form.form.fields.find((f) => f.key === 'dogName') as { label?: string; section?: string } | undefined;
    expect(dogField).toMatchObject({ label: '犬只名字', section: '事项信息' });
    const { answers } = await fill(residentToken, form);
    expect(answers.dogName).toBeDefined();
    const missing = await submit(residentToken, { itemId: id, answers: { ...answers, dogName: '' } }, `cat-${run}-0`);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('犬只名字');
    const first = await submit(residentToken, { itemId: id, answers: { ...answers, dogName: '旺财' } }, `cat-${run}-1`);
    expect(first.status).toBe(201);
    const appNo = first.body.appNo as string;
    expect((await storedRow(appKeys.application(appNo)))?.itemVersion).toBe(1);

    // the admin renames the question, adds a choice and drops 邮寄送达: version 2
    const v2 = await call(admin, 'POST /v1/admin/catalogue/items/{id}/versions', {
      token: adminToken,
      params: { id },
      body: {
        ...newItem(id, {
          fields: [
            { key: 'dogName', label: '犬只昵称', type: 'text', required: true, max: 20 },
            {
              key: 'dogSize',
              label: '犬只体型',
              type: 'choice',
              required: true,
              options: [
                { value: 'small', label: '小型犬' },
                { value: 'large', label: '大型犬' },
              ],
            },
          ],
          delivery: ['pickup'],
        }),
        id: undefined,
        expectedVersion: 1,
        note: '改字段名，加体型',
      },
    });
    expect(v2.status).toBe(200);
    expect(v2.body.version).toBe(2);
    expect(v2.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    // a new form asks the new questions
    const newForm = await getForm(residentToken, `item-${id}`);
    expect(newForm.form.fields.map((f) => f.key)).toEqual(expect.arrayContaining(['dogName', 'dogSize']));
    expect((newForm.form.fields.find((f) => f.key === 'dogName') as { label?: string }).label).toBe('犬只昵称');

    // the earlier application keeps version 1: its form (the label it was asked under) and the ways of delivery it offered
    const filed = await call(admin, 'GET /v1/admin/catalogue/items/{id}/versions/{version}', { token: adminToken, params: { id, version: '1' } });
    expect(filed.status).toBe(200);
    expect(filed.body.current).toBe(false);
    expect(filed.body.form.fields.find((f: { key: string }) => f.key === 'dogName').label).toBe('犬只名字');
    expect(filed.body.form.fields.some((f: { key: string }) => f.key === 'dogSize')).toBe(false);
    clearCatalogCache();
    const appView = await call(applications, 'GET /v1/applications/{appNo}', { token: residentToken, params: { appNo } });
    expect(appView.status).toBe(200);
    expect(appView.body.delivery.options).toEqual(['pickup', 'post']);
    const post = await call(applications, 'PUT /v1/applications/{appNo}/delivery', {
      token: residentToken,
      params: { appNo },
      body: { method: 'post', postTo: { recipient: '张晓明', phone: '13800138000', address: '广州市越秀区府前路 1 号' } },
    });
    expect(post.status).toBe(200);

    // a new application is filed under version 2
    const { answers: again } = await fill(residentToken, newForm);
    const second = await submit(residentToken, { itemId: id, answers: again }, `cat-${run}-2`);
    expect(second.status).toBe(201);
    expect((await storedRow(appKeys.application(second.body.appNo)))?.itemVersion).toBe(2);
    const v2view = await call(applications, 'GET /v1/applications/{appNo}', { token: residentToken, params: { appNo: second.body.appNo } });
    expect(v2view.body.delivery.options).toEqual(['pickup']);
  });

  it('two admins saving the same version: one wins, the other gets 409 and nothing of theirs is written', async () => {
    const raceId = `cat-race-${run}`;
    expect((await call(admin, 'POST /v1/admin/catalogue/items', { token: adminToken, body: newItem(raceId) })).status).toBe(201);
    const save = (label: string) =>
      call(admin, 'POST /v1/admin/catalogue/items/{id}/versions', {
        token: adminToken,
        params: { id: raceId },
        body: { ...newItem(raceId, { fields: [{ key: 'dogName', label, type: 'text', required: true }] }), id: undefined, expectedVersion: 1 },
      });
    const results = await Promise.all([save('甲的字段'), save('乙的字段')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body.error.message).toMatch(/第 2 版.*刷新/);
    const view = await call(admin, 'GET /v1/admin/catalogue/items/{id}', { token: adminToken, params: { id: raceId } });
    expect(view.body.version).toBe(2);
    expect(view.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const winner = results.find((r) => r.status === 200)!;
    expect(view.body.fields[0].label).toBe(winner.body.fields[0].label);
    // a save on a version that is no longer current is refused too
    expect((await save('丙的字段')).status).toBe(409);
    // a new item under a taken id
    expect((await call(admin, 'POST /v1/admin/catalogue/items', { token: adminToken, body: newItem(raceId) })).status).toBe(409);
  });

  it('a seeded item edited for the first time keeps its seeded version 1 for the applications filed under it', async () => {
    // a copy of a shipped item under this file's own id, written as the seed writes items (no version, no summary yet)
    const shipped = SERVICE_ITEMS.find((i) => ITEM_FIELDS[i.id] && i.online && i.audience.length === 1)!;
    const seededId = `cat-seeded-${run}`;
    // (its questions as data: ITEM_FIELDS is keyed by the shipped id; shared/src/apply/forms.test.ts covers that path)
    await batchPut([ServiceItemRow.toItem({ ...shipped, id: seededId, fields: ITEM_FIELDS[shipped.id].map((f) => ({ ...f })) as never })]);
    clearCatalogCache();
    const before = await call(admin, 'GET /v1/admin/catalogue/items/{id}', { token: adminToken, params: { id: seededId } });
    expect(before.body).toMatchObject({ version: 1, versions: [{ version: 1 }] });
    // its questions (some with a format rule) come to the editor and go back unchanged
    expect(before.body.fields.map((f: { key: string }) => f.key)).toEqual(ITEM_FIELDS[shipped.id].map((f) => f.key));
    const item = before.body.item;
    const body = {
      name: item.name,
      departmentId: item.departmentId,
      audience: item.audience,
      summary: item.summary,
      conditions: item.conditions,
      materials: item.materials.map((m: { name: string; required: boolean; eLicence: string | null }) => ({
        name: m.name,
        required: m.required,
        eLicence: m.eLicence,
      })),
      fields: before.body.fields,
      promisedDays: item.promisedDays,
      statutoryDays: item.statutoryDays,
      online: true,
      assurance: item.assurance,
      deferrable: !item.deferrable,
      excludedKinds: item.excludedKinds,
      delivery: item.delivery,
      expectedVersion: 1,
    };
    const saved = await call(admin, 'POST /v1/admin/catalogue/items/{id}/versions', { token: adminToken, params: { id: seededId }, body });
    expect(saved.status).toBe(200);
    expect(saved.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(saved.body.item.deferrable).toBe(!shipped.deferrable);
    expect(saved.body.item.code).toBe(shipped.code); // what the admin does not write is kept
    const v1 = await call(admin, 'GET /v1/admin/catalogue/items/{id}/versions/{version}', { token: adminToken, params: { id: seededId, version: '1' } });
    expect(v1.body).toMatchObject({ current: false, item: { deferrable: shipped.deferrable } });
    // now in the catalogue's summaries too
    const listed = await call(admin, 'GET /v1/admin/catalogue/items', { token: adminToken, query: { q: shipped.name, limit: '50' } });
    expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(seededId);
    const none = await call(admin, 'GET /v1/admin/catalogue/items/{id}/versions/{version}', { token: adminToken, params: { id: seededId, version: '9' } });
    expect(none.status).toBe(404);
  });

  it('refuses bad field definitions with 400 in Chinese', async () => {
    const bad = async (fields: unknown[], expected: RegExp) => {
      const r = await call(admin, 'POST /v1/admin/catalogue/items', { token: adminToken, body: newItem(`cat-bad-${run}`, { fields }) });
      expect(r.status).toBe(400);
      expect(r.body.error.message).toMatch(expected);
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    };
    await bad([{ key: 'phone', label: '电话', type: 'text', required: true }], /编号.*重复/);
    await bad([{ key: 'm0', label: '材料', type: 'text', required: true }], /编号.*重复/);
    await bad([{ key: 'Dog', label: '犬只', type: 'text', required: true }], /小写字母开头/);
    await bad([{ key: 'dogSize', label: '体型', type: 'choice', required: true }], /单选需要选项/);
    await bad([{ key: 'dogName', label: '名字', type: 'file', required: true }], /字段类型应为/);
    await bad([{ key: 'dogName', label: 'name', type: 'text', required: true }], /应为中文/);
    await bad(
      [
        { key: 'dogName', label: '名字', type: 'text', required: true },
        { key: 'dogName', label: '昵称', type: 'text', required: true },
      ],
      /重复/,
    );
    await bad([{ key: 'dogAge', label: '年龄', type: 'number', required: true, min: 10, max: 1 }], /最小值不能大于最大值/);
    const days = await call(admin, 'POST /v1/admin/catalogue/items', {
      token: adminToken,
      body: newItem(`cat-bad-${run}`, { promisedDays: 30, statutoryDays: 5 }),
    });
    expect(days.status).toBe(400);
    expect(days.body.error.message).toContain('承诺时限不能长于法定时限');
    const noDept = await call(admin, 'POST /v1/admin/catalogue/items', {
      token: adminToken,
      body: newItem(`cat-bad-${run}`, { departmentId: 'no-such-dept' }),
    });
    expect(noDept.status).toBe(400);
    expect(noDept.body.error.message).toContain('实施部门不存在');
    expect((await call(admin, 'GET /v1/admin/catalogue/items/{id}', { token: adminToken, params: { id: `cat-bad-${run}` } })).status).toBe(404);
  });

  it('is for admins only: a resident 403, no session 401', async () => {
    expect((await call(admin, 'GET /v1/admin/catalogue/items', { token: residentToken })).status).toBe(403);
    expect((await call(admin, 'POST /v1/admin/catalogue/items', { token: residentToken, body: newItem(`cat-no-${run}`) })).status).toBe(403);
    expect((await call(admin, 'GET /v1/admin/catalogue/items')).status).toBe(401);
    expect((await call(admin, 'GET /v1/admin/catalogue/items/{id}', { params: { id } })).status).toBe(401);
  });
});
