import { SERVICE_ITEMS } from '@yx/shared/src/guide/catalogue';
import { APP_NO_PATTERN, asksUpload, businessDate, draftPrints, fieldPrint, mergeDraft, type DraftView, type FormDef } from '@yx/shared';
import { call } from '../../test/http';
import { fill, getForm, login, startLocalFiles, upload } from '../../test/apply';
import { viewUrls } from '../files/service';
import { handler as messages } from '../messages/handler';
import { handler as files } from '../files/handler';
import { residentWithId } from '../../test/people';
import { seedAll } from '../seed/seed';
import { handler } from './handler';
import { forceState } from './service';

let stopFiles: () => Promise<void>;
beforeAll(async () => {
  await seedAll();
  stopFiles = await startLocalFiles();
});
afterAll(() => stopFiles());

let keySeq = 0;
const newKey = () => `test-key-${Date.now()}-${++keySeq}`;
/** POST /v1/applications with an Idempotency-Key header, as the mini-program sends it. */
function callWithKey(token: string, body: unknown, key: string) {
  return call((e) => handler({ ...e, headers: { ...e.headers, 'idempotency-key': key } }), 'POST /v1/applications', { token, body });
}

// A person item that takes an e-licence from 张晓明's wallet (身份证) and needs at least one upload.
const personItem = SERVICE_ITEMS.find(
  (i) =>
    i.online &&
    i.audience.includes('person') &&
    !i.audience.includes('enterprise') &&
    i.materials.some((m) => m.required && m.eLicence === 'id-card') &&
    i.materials.some((m) => m.required && asksUpload(m) && !m.eLicence),
)!;
// An enterprise item with many required materials to upload, for 容缺 quotas (what the form produces is never deferred).
const firmItem = SERVICE_ITEMS.filter((i) => i.online && i.audience.includes('enterprise') && !i.audience.includes('person')).sort(
  (a, b) => b.materials.filter((m) => m.required && asksUpload(m)).length - a.materials.filter((m) => m.required && asksUpload(m)).length,
)[0];

describe('网上申办 and the receipt', () => {
  it('submits with one upload and one e-licence and gets a receipt, an inbox message and an outbox record', async () => {
    const token = await login('u-resident-zhang');
    const form = await getForm(token, `item-${personItem.id}`);
    expect(Object.values(form.prefill)).toEqual(expect.arrayContaining(['张晓明', '440104199003070017', '13800138000']));
    const { answers, uploads, licences } = await fill(token, form);
    expect(uploads).toBeGreaterThanOrEqual(1);
    expect(licences).toBeGreaterThanOrEqual(1);
    const r = await callWithKey(token, { itemId: personItem.id, answers }, newKey());
    expect(r.status).toBe(201);
    expect(r.body.appNo).toMatch(APP_NO_PATTERN);
    expect(r.body.queryCode).toMatch(/^\d{6}$/);
    expect(r.body.promisedDeadline >= r.body.submittedAt.slice(0, 10)).toBe(true);
    // opening the same item's form again names the application in progress (issue 14: no silent second one)
    const again = (await getForm(token, `item-${personItem.id}`)) as unknown as { inProgress: { appNo: string }[] };
    expect(again.inProgress.map((a) => a.appNo)).toContain(r.body.appNo);
    expect(r.body.statutoryDeadline >= r.body.promisedDeadline).toBe(true);
    const inbox = await call(messages, 'GET /v1/messages', { token });
    expect(inbox.body.items.some((m: { appNo: string }) => m.appNo === r.body.appNo)).toBe(true); // other files may write to 张's inbox meanwhile
    expect(inbox.body.unread).toBeGreaterThanOrEqual(1);
    // the inbox pages with cursors it made itself; anything else is the caller's mistake, never a 500
    const page1 = await call(messages, 'GET /v1/messages', { token, query: { limit: '1' } });
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    expect((await call(messages, 'GET /v1/messages', { token, query: { limit: '1', cursor: page1.body.nextCursor } })).status).toBe(200);
    const foreign = Buffer.from(JSON.stringify({ pk: 'USER#someone-else', sk: 'MSG#x' })).toString('base64url');
    const profile = Buffer.from(JSON.stringify({ pk: `USER#${'u-resident-zhang'}`, sk: 'PROFILE' })).toString('base64url');
    for (const cursor of ['____', '-1', '1e400', 'PROFILE', foreign, profile]) {
      expect([cursor, (await call(messages, 'GET /v1/messages', { token, query: { cursor } })).status]).toEqual([cursor, 400]);
    }
    const detail = await call(handler, 'GET /v1/applications/{appNo}', { token, params: { appNo: r.body.appNo } });
    expect(detail.body.state).toBe('submitted');
    expect(['green', 'yellow']).toContain(detail.body.light); // a 1-day limit is yellow from the start (last working day)
    expect(detail.body.timeline[0]).toMatchObject({ actor: '申请人', action: '提交申请' });
    expect(detail.body.materials.map((m: { source: string }) => m.source)).toEqual(expect.arrayContaining(['upload', 'elicence']));
    // the applicant can look at their upload again, through a short-lived URL
    const own = detail.body.materials.find((m: { source: string }) => m.source === 'upload').files[0];
    expect((await fetch(own.url)).status).toBe(200);
  });

  it('creates one application for 20 identical concurrent submits (double tap, retries)', async () => {
    const token = await login('u-resident-zhou'); // counted: nobody else files for 周 while this file runs
    const form = await getForm(token, `item-${personItem.id}`);
    const { answers } = await fill(token, form);
    const before = (await call(handler, 'GET /v1/applications', { token, query: { limit: '50' } })).body.items.length;
    const key = newKey();
    const results = await Promise.all(Array.from({ length: 20 }, () => callWithKey(token, { itemId: personItem.id, answers }, key)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    expect(new Set(results.map((r) => r.body.appNo)).size).toBe(1);
    expect(new Set(results.map((r) => r.body.queryCode)).size).toBe(1);
    const after = (await call(handler, 'GET /v1/applications', { token, query: { limit: '50' } })).body.items.length;
    expect(after).toBe(before + 1);
    const reused = await callWithKey(token, { itemId: personItem.id, answers: { ...answers, extra: 1 } }, key);
    expect(reused.status).toBe(409);
  });

  it('explains every invalid field in Chinese and writes nothing', async () => {
    const token = await login('u-resident-zhou');
    const form = await getForm(token, `item-${personItem.id}`);
    const { answers } = await fill(token, form);
    const phoneField = form.form.fields.find((f) => f.type === 'phone')!;
    const idField = form.form.fields.find((f) => f.type === 'residentId')!;
    const before = (await call(handler, 'GET /v1/applications', { token, query: { limit: '50' } })).body.items.length;
    const bad = await callWithKey(
      token,
      { itemId: personItem.id, answers: { ...answers, [phoneField.key]: '1380013', [idField.key]: '440104196208150034' } },
      newKey(),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('应为 11 位手机号码');
    expect(bad.body.error.message).toContain('号码有误，请逐位核对');
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining([`answers.${phoneField.key}`]));
    const missing = await callWithKey(token, { itemId: personItem.id, answers: {} }, newKey());
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('必填');
    const noKey = await call(handler, 'POST /v1/applications', { token, body: { itemId: personItem.id, answers } });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.message).toContain('提交凭证');
    const after = (await call(handler, 'GET /v1/applications', { token, query: { limit: '50' } })).body.items.length;
    expect(after).toBe(before);
  });

  it("hides another person's application: 404 for detail, withdraw and rating", async () => {
    const zhang = await login('u-resident-zhang');
    const mine = (await call(handler, 'GET /v1/applications', { token: zhang })).body.items[0].appNo;
    const zhou = await login('u-resident-zhou');
    for (const route of ['GET /v1/applications/{appNo}', 'POST /v1/applications/{appNo}/withdraw']) {
      const r = await call(handler, route, { token: zhou, params: { appNo: mine } });
      expect([route, r.status]).toEqual([route, 404]);
    }
    const rating = await call(handler, 'POST /v1/applications/{appNo}/rating', { token: zhou, params: { appNo: mine }, body: { value: 'satisfied' } });
    expect(rating.status).toBe(404);
    const unverified = await login('u-resident-li');
    const r = await call(handler, 'GET /v1/forms/{formId}', { token: unverified, params: { formId: `item-${personItem.id}` } });
    expect(r.status).toBe(200);
    const submitUnverified = await callWithKey(unverified, { itemId: personItem.id, answers: {} }, newKey());
    expect(submitUnverified.status).toBe(422);
    expect(submitUnverified.body.error.message).toContain('实名认证');
  });
});

describe('uploads', () => {
  it('refuses oversize and wrong types up front, and content that is not what it claims afterwards', async () => {
    const token = await login('u-resident-zhang');
    const big = await call(files, 'POST /v1/files', { token, body: { fileName: 'big.pdf', contentType: 'application/pdf', size: 11 * 1024 * 1024 } });
    expect(big.status).toBe(400);
    expect(big.body.error.message).toContain('不能超过 10 MB');
    const exe = await call(files, 'POST /v1/files', { token, body: { fileName: 'a.exe', contentType: 'application/x-msdownload', size: 100 } });
    expect(exe.status).toBe(400);
    expect(exe.body.error.message).toContain('只能上传 JPG、PNG 图片或 PDF 文件');
    const fake = await upload(token, Buffer.from('MZ this is not a picture'), 'image/png', 'fake.png');
    expect(fake.complete!.status).toBe(422);
    expect(fake.complete!.body.error.message).toContain('文件内容不是PNG 图片');
    const ok = await upload(token);
    expect(ok.complete!.status).toBe(200);
    expect(ok.complete!.body.status).toBe('ready');
  });

  it('never serves bytes posted again on a ticket after its file was checked (issue 13)', async () => {
    const token = await login('u-resident-zhang');
    const ok = await upload(token);
    expect(ok.complete!.status).toBe(200);
    const shown = (await viewUrls([ok.fileId!])).get(ok.fileId!)!;
    expect((await fetch(shown.url)).status).toBe(200);
    // the same ticket, again, with a program's bytes
    const again = new FormData();
    for (const [k, v] of Object.entries(ok.ticket.body.upload.fields as Record<string, string>)) again.append(k, v);
    again.append('file', new Blob([new Uint8Array(Buffer.from('MZ\x90\x00 a program'))], { type: 'image/png' }), 'photo.png');
    await fetch(ok.ticket.body.upload.url, { method: 'POST', body: again });
    const later = await fetch((await viewUrls([ok.fileId!])).get(ok.fileId!)!.url);
    expect(later.status).toBe(404);
    expect(Buffer.from(await later.arrayBuffer()).toString('latin1')).not.toContain('MZ');
  });

  it("does not accept someone else's file in an application", async () => {
    const zhou = await login('u-resident-zhou');
    const theirs = await upload(zhou);
    const token = await login('u-resident-zhang');
    const form = await getForm(token, `item-${personItem.id}`);
    const { answers } = await fill(token, form);
    const fileKey = Object.keys(answers).find((k) => Array.isArray(answers[k]) && (answers[k] as { kind: string }[])[0].kind === 'upload')!;
    const r = await callWithKey(token, { itemId: personItem.id, answers: { ...answers, [fileKey]: [{ kind: 'upload', fileId: theirs.fileId }] } }, newKey());
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('文件不存在');
  });
});

describe('容缺受理 by credit grade', () => {
  const required = firmItem.materials.filter((m) => m.required && asksUpload(m)).map((m) => m.name);

  it('lets a grade-A firm defer up to 30% with a signed commitment, with due dates on the receipt', async () => {
    const token = await login('u-enterprise-chen');
    const form = await getForm(token, `item-${firmItem.id}`);
    expect(form.tolerance).toMatchObject({ grade: 'A', quota: Math.floor(required.length * 0.3) });
    expect(form.tolerance.quota).toBeGreaterThanOrEqual(1);
    const deferred = form.form.fields.filter((f) => f.type === 'file' && f.required).slice(0, form.tolerance.quota);
    const { answers } = await fill(token, form, { skip: deferred.map((f) => f.key) });
    const names = deferred.map((f) => f.materialName!);
    const without = await callWithKey(token, { itemId: firmItem.id, answers, deferred: names }, newKey());
    expect(without.status).toBe(422);
    expect(without.body.error.message).toContain('信用承诺');
    const r = await callWithKey(token, { itemId: firmItem.id, answers, deferred: names, commitment: { signed: true, signer: '陈志强' } }, newKey());
    expect(r.status).toBe(201);
    expect(r.body.deferred.map((d: { name: string }) => d.name)).toEqual(names);
    expect(r.body.deferred[0].dueDate > r.body.submittedAt.slice(0, 10)).toBe(true);
    const over = form.form.fields.filter((f) => f.type === 'file' && f.required).slice(0, form.tolerance.quota + 1);
    const tooMany = await callWithKey(
      token,
      {
        itemId: firmItem.id,
        answers: (await fill(token, form, { skip: over.map((f) => f.key) })).answers,
        deferred: over.map((f) => f.materialName!),
        commitment: { signed: true, signer: '陈志强' },
      },
      newKey(),
    );
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.message).toContain(`最多可容缺 ${form.tolerance.quota} 项`);
  });

  it('gives grade B 20% and grade C none', async () => {
    const wang = await login('u-enterprise-wang');
    const formB = await getForm(wang, `item-${firmItem.id}`);
    expect(formB.tolerance).toMatchObject({ grade: 'B', quota: Math.floor(required.length * 0.2) });
    const liu = await login('u-enterprise-liu'); // 流花商贸's legal representative, grade C
    const formC = await getForm(liu, `item-${firmItem.id}`);
    expect(formC.tolerance).toMatchObject({ grade: 'C', quota: 0 });
  });
});

describe('progress lookup without logging in', () => {
  it('finds an application by number and query code or phone digits; wrong pairs look like unknown numbers; repeated failures get 429', async () => {
    const token = await login('u-resident-zhang');
    const form = await getForm(token, `item-${personItem.id}`);
    const receipt = (await callWithKey(token, { itemId: personItem.id, answers: (await fill(token, form)).answers }, newKey())).body;
    const as = (ip: string, body: unknown) =>
      call(
        (e) => handler({ ...e, requestContext: { ...e.requestContext, http: { ...(e.requestContext as { http: object }).http, sourceIp: ip } } } as never),
        'POST /v1/lookup',
        { body },
      );
    const ok = await as('10.0.0.1', { appNo: receipt.appNo, code: receipt.queryCode });
    expect(ok.status).toBe(200);
    expect(ok.body.timeline.length).toBeGreaterThan(0);
    expect(ok.body.applicant).toBe('张*明');
    expect(JSON.stringify(ok.body)).not.toContain('440104199003070017');
    expect((await as('10.0.0.1', { appNo: receipt.appNo, code: '8000' })).status).toBe(200); // last 4 of 13800138000
    const wrong = await as('10.0.0.2', { appNo: receipt.appNo, code: receipt.queryCode === '000000' ? '111111' : '000000' });
    const unknown = await as('10.0.0.2', { appNo: 'YX20991231999999', code: '123456' });
    expect([wrong.status, unknown.status]).toEqual([404, 404]);
    expect(wrong.body).toEqual(unknown.body);
    for (let i = 0; i < 8; i++) await as('10.0.0.2', { appNo: 'YX20991231999998', code: '123456' });
    const limited = await as('10.0.0.2', { appNo: receipt.appNo, code: receipt.queryCode });
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toContain('10 分钟');
    expect((await as('10.0.0.3', { appNo: 'bad', code: '12' })).status).toBe(400);
    // the same address signed in with WeChat is counted as the person, so the lockout does not stop the right code
    const signedIn = await call(
      (e) =>
        handler({
          ...e,
          headers: { ...e.headers, authorization: `Bearer ${token}` },
          requestContext: { ...e.requestContext, http: { sourceIp: '10.0.0.2' } },
        } as never),
      'POST /v1/lookup',
      { body: { appNo: receipt.appNo, code: receipt.queryCode } },
    );
    expect(signedIn.status).toBe(200);
  });

  it('lets no more than 10 wrong codes through from one address, however many are in flight (issue 13)', async () => {
    const ip = `10.9.${Date.now() % 250}.${Math.floor(Math.random() * 250)}`;
    const tries = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call((e) => handler({ ...e, requestContext: { ...e.requestContext, http: { sourceIp: ip } } } as never), 'POST /v1/lookup', {
          body: { appNo: 'YX20991231999997', code: String(100000 + i) },
        }),
      ),
    );
    expect(tries.filter((r) => r.status === 404).length).toBeLessThanOrEqual(10);
    expect(tries.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(10);
  });
});

describe('after submitting', () => {
  async function newApplication(userId = 'u-resident-zhang') {
    const token = await login(userId);
    const form = await getForm(token, `item-${personItem.id}`);
    const receipt = (await callWithKey(token, { itemId: personItem.id, answers: (await fill(token, form)).answers }, newKey())).body;
    return { token, appNo: receipt.appNo as string };
  }

  it('withdraws before acceptance only', async () => {
    const { token, appNo } = await newApplication();
    const r = await call(handler, 'POST /v1/applications/{appNo}/withdraw', { token, params: { appNo } });
    expect(r.status).toBe(200);
    expect(r.body.state).toBe('withdrawn');
    expect((await call(handler, 'POST /v1/applications/{appNo}/withdraw', { token, params: { appNo } })).status).toBe(409);
    const other = await newApplication();
    await forceState(other.appNo, 'accepted');
    const late = await call(handler, 'POST /v1/applications/{appNo}/withdraw', { token, params: { appNo: other.appNo } });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('不能撤回');
  });

  it('answers a supplement notice with exactly what it lists', async () => {
    const { token, appNo } = await newApplication();
    const material = personItem.materials.find((m) => m.required && asksUpload(m))!.name;
    await forceState(appNo, 'supplement', { supplementNotice: { items: [{ material, reason: '照片不清晰' }] }, pausedSince: '2026-11-20' });
    const detail = await call(handler, 'GET /v1/applications/{appNo}', { token, params: { appNo } });
    expect(detail.body.nextAction.kind).toBe('supplement');
    expect(detail.body.light).toBeNull(); // the clock stands still while the applicant supplements
    const file = await upload(token);
    const wrong = await call(handler, 'POST /v1/applications/{appNo}/supplement', {
      token,
      params: { appNo },
      body: { answers: { 其他材料: [{ kind: 'upload', fileId: file.fileId }] } },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain(material);
    const ok = await call(handler, 'POST /v1/applications/{appNo}/supplement', {
      token,
      params: { appNo },
      body: { answers: { [material]: [{ kind: 'upload', fileId: file.fileId }] } },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.state).toBe('accepted');
    expect(ok.body.timeline.at(-1).action).toBe('补正材料');
  });

  it('rates once, after the service ended', async () => {
    const { token, appNo } = await newApplication();
    const early = await call(handler, 'POST /v1/applications/{appNo}/rating', { token, params: { appNo }, body: { value: 'satisfied' } });
    expect(early.status).toBe(409);
    await forceState(appNo, 'approved');
    const r = await call(handler, 'POST /v1/applications/{appNo}/rating', { token, params: { appNo }, body: { value: 'very_satisfied', comment: '很快' } });
    expect(r.status).toBe(200);
    expect(r.body.rating).toEqual({ value: 'very_satisfied', comment: '很快' });
    const again = await call(handler, 'POST /v1/applications/{appNo}/rating', { token, params: { appNo }, body: { value: 'unsatisfied' } });
    expect(again.status).toBe(409);
    expect((await call(handler, 'POST /v1/applications/{appNo}/rating', { token, params: { appNo }, body: { value: 'meh' } })).status).toBe(400);
  });
});

describe('容缺 follow-up and the calendar', () => {
  const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  /** A 容缺 application of the firm item by 陈志强 (grade A): the first required material deferred. */
  async function deferOne(token: string) {
    const form = await getForm(token, `item-${firmItem.id}`);
    const deferred = form.form.fields.filter((f) => f.type === 'file' && f.required).slice(0, 1);
    const { answers } = await fill(token, form, { skip: deferred.map((f) => f.key) });
    const r = await callWithKey(
      token,
      { itemId: firmItem.id, answers, deferred: deferred.map((f) => f.materialName!), commitment: { signed: true, signer: '陈志强' } },
      newKey(),
    );
    expect(r.status).toBe(201);
    return r.body as { appNo: string; deferred: { name: string; dueDate: string }[] };
  }
  const detailOf = async (token: string, appNo: string) => (await call(handler, 'GET /v1/applications/{appNo}', { token, params: { appNo } })).body;

  it('sends an application to supplement the day after a deferred material was due, once, and catches up after missed runs', async () => {
    const { sweepDeferrals } = await import('../jobs/deferrals');
    const token = await login('u-enterprise-chen');
    const late = await deferOne(token);
    const onTime = await deferOne(token);
    const due = late.deferred[0].dueDate;
    // the countdown: working days left until the due date (that day included)
    const before = await detailOf(token, onTime.appNo);
    expect(before.deferred[0].workingDaysLeft).toBe(10);
    const file = await upload(token);
    const handed = await call(handler, 'POST /v1/applications/{appNo}/deferred', {
      token,
      params: { appNo: onTime.appNo },
      body: { answers: { [onTime.deferred[0].name]: [{ kind: 'upload', fileId: file.fileId }] } },
    });
    expect(handed.status).toBe(200);
    expect(handed.body.deferred[0].handedIn).toBe(true);
    expect(handed.body.deferred[0].workingDaysLeft).toBeUndefined();
    // on the due date itself the firm may still hand it in
    expect((await sweepDeferrals(due)).toSupplement).not.toContain(late.appNo);
    // the runs of the next three days were missed: the fourth day's run catches up, the next does nothing more
    const r = await sweepDeferrals(plusDays(due, 4));
    expect(r.toSupplement).toContain(late.appNo);
    expect(r.toSupplement).not.toContain(onTime.appNo);
    expect((await sweepDeferrals(plusDays(due, 5))).toSupplement).not.toContain(late.appNo);
    const detail = await detailOf(token, late.appNo);
    expect(detail.state).toBe('supplement');
    expect(detail.supplementNotice.items[0].material).toBe(late.deferred[0].name);
    expect(detail.timeline.filter((e: { action: string }) => e.action.includes('容缺材料逾期'))).toHaveLength(1);
    expect(detail.deferred[0]).toMatchObject({ late: true, handedIn: false });
    // a late material goes through the 补正 now, which hands it in
    const name = late.deferred[0].name;
    const again = await call(handler, 'POST /v1/applications/{appNo}/deferred', {
      token,
      params: { appNo: late.appNo },
      body: { answers: { [name]: [{ kind: 'upload', fileId: (await upload(token)).fileId }] } },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('已转为补正');
    const supp = await call(handler, 'POST /v1/applications/{appNo}/supplement', {
      token,
      params: { appNo: late.appNo },
      body: { answers: { [name]: [{ kind: 'upload', fileId: (await upload(token)).fileId }] } },
    });
    expect(supp.status).toBe(200);
    expect(supp.body.deferred[0]).toMatchObject({ late: true, handedIn: true });
    expect((await sweepDeferrals(plusDays(due, 6))).toSupplement).not.toContain(late.appNo);
  });

  it('reminds the firm 3 and 1 working days before a deferred material is due, once each, and not after it was handed in', async () => {
    const { sweepDeferrals } = await import('../jobs/deferrals');
    const { addWorkingDays, DEFAULT_CALENDAR } = await import('@yx/shared');
    const token = await login('u-enterprise-chen');
    const a = await deferOne(token);
    const b = await deferOne(token);
    const due = a.deferred[0].dueDate;
    const reminders = async (appNo: string) =>
      ((await call(messages, 'GET /v1/messages', { token, query: { limit: '50' } })).body.items as { appNo?: string; body: string }[]).filter(
        (m) => m.appNo === appNo && m.body.includes('容缺材料'),
      );
    // 3 working days before (a Friday before a weekend still counts working days, not calendar days): the earliest such
    // day, so that the day before it has 4 working days left whatever weekday the test runs on (a Sunday or Saturday
    // 3 working days before the due date has a day before it that is 3 working days before as well)
    const threeBefore = [...Array(30).keys()].map((n) => plusDays(due, -30 + n)).find((d) => addWorkingDays(d, 3, DEFAULT_CALENDAR) === due)!;
    await sweepDeferrals(plusDays(threeBefore, -1)); // 4 working days before: nothing yet
    expect(await reminders(a.appNo)).toHaveLength(0);
    await sweepDeferrals(threeBefore);
    await sweepDeferrals(threeBefore); // a second run the same day sends nothing more
    expect((await reminders(a.appNo)).map((m) => m.body)).toEqual([expect.stringContaining('还剩 3 个工作日')]);
    // b is handed in; a is not
    const file = await upload(token);
    expect(
      (
        await call(handler, 'POST /v1/applications/{appNo}/deferred', {
          token,
          params: { appNo: b.appNo },
          body: { answers: { [b.deferred[0].name]: [{ kind: 'upload', fileId: file.fileId }] } },
        })
      ).status,
    ).toBe(200);
    const oneBefore = [...Array(10).keys()].map((n) => plusDays(due, -n - 1)).find((d) => addWorkingDays(d, 1, DEFAULT_CALENDAR) === due)!;
    await sweepDeferrals(oneBefore);
    await sweepDeferrals(due); // the due date: the 1-day reminder was sent already
    // sorted: two notices of one moment may be listed in either order
    expect((await reminders(a.appNo)).map((m) => m.body).sort()).toEqual([
      expect.stringContaining('还剩 1 个工作日'),
      expect.stringContaining('还剩 3 个工作日'),
    ]);
    expect((await reminders(b.appNo)).map((m) => m.body)).toEqual([expect.stringContaining('还剩 3 个工作日')]);
  });

  it('refuses 容缺 on an item the departments have not opened to it', async () => {
    const closed = SERVICE_ITEMS.find(
      (i) =>
        i.online &&
        !i.deferrable &&
        i.audience.includes('enterprise') &&
        !i.audience.includes('person') &&
        i.materials.filter((m) => m.required && asksUpload(m)).length >= 4,
    )!;
    const token = await login('u-enterprise-chen');
    const form = await getForm(token, `item-${closed.id}`);
    expect(form.tolerance).toMatchObject({ grade: 'A', quota: 0, itemOpen: false });
    const deferred = form.form.fields.filter((f) => f.type === 'file' && f.required).slice(0, 1);
    const { answers } = await fill(token, form, { skip: deferred.map((f) => f.key) });
    const r = await callWithKey(
      token,
      { itemId: closed.id, answers, deferred: deferred.map((f) => f.materialName!), commitment: { signed: true, signer: '陈志强' } },
      newKey(),
    );
    expect(r.status).toBe(422);
    expect(r.body.error.message).toContain('未列入容缺受理事项清单');
  });

  it('lets an admin update the working-day calendar and nobody else', async () => {
    const { handler: admin } = await import('../admin/handler');
    const { clearCalendarCache } = await import('../calendar/repository');
    const cal = (await call(admin, 'GET /v1/calendar')).body;
    expect(cal.holidays).toContain('2026-10-01');
    const resident = await login('u-resident-zhang');
    expect((await call(admin, 'PUT /v1/admin/calendar', { token: resident, body: cal })).status).toBe(403);
    const adminToken = await login('u-admin');
    const bad = await call(admin, 'PUT /v1/admin/calendar', { token: adminToken, body: { ...cal, workdays: ['2026-11-25'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('调休上班日应为周六或周日');
    const updated = { ...cal, workdays: [...cal.workdays, '2027-02-20'], provisionalYears: [], source: '国务院办公厅关于2027年部分节假日安排的通知（测试）' };
    const ok = await call(admin, 'PUT /v1/admin/calendar', { token: adminToken, body: updated });
    expect(ok.status).toBe(200);
    clearCalendarCache();
    expect((await call(admin, 'GET /v1/calendar')).body.workdays).toContain('2027-02-20');
    const outbox = await call(admin, 'GET /v1/admin/outbox', { token: adminToken, query: { date: businessDate(new Date()) } });
    expect(outbox.status).toBe(200);
    expect(outbox.body.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(outbox.body.items[0])).not.toMatch(/440104|138\d{8}/);
  });
});

describe('少填: pre-filling from earlier applications', () => {
  it('reuses the address typed in the latest application', async () => {
    const token = await login('u-resident-zhou');
    const form = await getForm(token, `item-${personItem.id}`);
    const addressField = form.form.fields.find((f) => f.type === 'address' && !f.required);
    if (!addressField) return; // the item asks no optional address
    const { answers } = await fill(token, form);
    const r = await callWithKey(token, { itemId: personItem.id, answers: { ...answers, [addressField.key]: '广州市越秀区中山四路 223 号 501 房' } }, newKey());
    expect(r.status).toBe(201);
    const again = await getForm(token, `item-${personItem.id}`);
    expect(again.prefill[addressField.key]).toBe('广州市越秀区中山四路 223 号 501 房');
    expect(Object.values(again.prefill).some((v) => Array.isArray(v))).toBe(false);
  });
});

describe('一件事 and drafts', () => {
  it('submits 出生一件事 as one form and creates the linked applications of its items', async () => {
    const token = await login('u-resident-zhang');
    const form = await getForm(token, 'bundle-birth');
    expect(form.itemNames.length).toBeGreaterThanOrEqual(3);
    const { answers } = await fill(token, form);
    const r = await callWithKey(token, { bundleId: 'birth', answers }, newKey());
    expect(r.status).toBe(201);
    expect(r.body.linked).toHaveLength(form.itemNames.length);
    expect(new Set(r.body.linked.map((l: { appNo: string }) => l.appNo)).size).toBe(form.itemNames.length);
    const second = r.body.linked[1].appNo;
    const detail = await call(handler, 'GET /v1/applications/{appNo}', { token, params: { appNo: second } });
    expect(detail.body.linked.map((l: { appNo: string }) => l.appNo)).toContain(r.body.appNo);
    const lookup = await call(handler, 'POST /v1/lookup', { body: { appNo: second, code: r.body.queryCode } });
    expect(lookup.status).toBe(200); // one query code for the whole bundle
  });

  it('keeps a draft on the server and returns it with the form, until the submission removes it', async () => {
    const token = await login('u-resident-zhou');
    const formId = `item-${personItem.id}`;
    const saved = await call(handler, 'PUT /v1/drafts/{formId}', {
      token,
      params: { formId },
      body: { answers: { address: '广州市越秀区东风中路 1 号' }, step: 1 },
    });
    expect(saved.status).toBe(200);
    const form = await getForm(token, formId);
    expect((form as unknown as { draft: { answers: Record<string, string>; step: number } }).draft).toMatchObject({
      answers: { address: '广州市越秀区东风中路 1 号' },
      step: 1,
    });
    const { answers } = await fill(token, form);
    expect((await callWithKey(token, { itemId: personItem.id, answers }, newKey())).status).toBe(201);
    expect(((await getForm(token, formId)) as unknown as { draft?: unknown }).draft).toBeUndefined();
    const huge = await call(handler, 'PUT /v1/drafts/{formId}', { token, params: { formId }, body: { answers: { note: 'x'.repeat(20_000) } } });
    expect(huge.status).toBe(413);
  });

  it('keeps the fingerprints of the answered fields with the draft, and takes an old draft without them', async () => {
    const token = await login('u-resident-zhou');
    const formId = `item-${personItem.id}`;
    const opened = async () => (await getForm(token, formId)) as unknown as { form: FormDef; draft?: DraftView };
    const { form } = await opened();
    const material = form.fields.find((f) => f.type === 'file')!;
    const answers = { address: '广州市越秀区东风中路 1 号', [material.key]: [{ kind: 'upload', fileId: 'f_draftfile0001' }] };
    const put = (body: unknown) => call(handler, 'PUT /v1/drafts/{formId}', { token, params: { formId }, body });
    const saved = await put({ answers, step: 2, fields: draftPrints(form, answers) });
    expect(saved.status).toBe(200);
    expect(saved.body.fields).toEqual({ address: expect.any(String), [material.key]: fieldPrint(material) });
    const back = (await opened()).draft!;
    expect(back.fields).toEqual(draftPrints(form, answers));
    // opened on the same form, every answer stays
    expect(mergeDraft(form, back)).toMatchObject({ answers, reupload: [], refill: [], removed: 0 });

    // a draft saved before fingerprints (or by an older app) is taken and returned without them
    const old = await put({ answers, step: 2 });
    expect(old.status).toBe(200);
    expect((await opened()).draft).not.toHaveProperty('fields');
    for (const fields of [{ address: 'NOT-A-PRINT' }, { 'bad key': 'abc' }, 'abc']) {
      const r = await put({ answers, fields });
      expect([r.status, fields]).toEqual([400, fields]);
    }
    await call(handler, 'DELETE /v1/drafts/{formId}', { token, params: { formId } });
  });

  it('bounds a draft by its form: no deep nesting, unsafe numbers, strange keys or fields the form lacks, and JSON only (issue 13)', async () => {
    const token = await login('u-resident-zhou');
    const formId = `item-${personItem.id}`;
    const put = (rawBody: string, headers?: Record<string, string>) =>
      call((e) => handler({ ...e, headers: { ...e.headers, ...headers } }), 'PUT /v1/drafts/{formId}', { token, params: { formId }, rawBody });
    const deep = `{"answers":{"address":${'{"a":'.repeat(32)}1${'}'.repeat(32)}}}`;
    for (const raw of [
      deep,
      '{"answers":{"address":1e400}}',
      '{"answers":{"address":123456789012345678901234567890}}',
      '{"answers":{"":"x"}}',
      '{"answers":{"__proto__":{"x":1}}}',
      '{"answers":{"constructor":"x"}}',
      '{"answers":{"notAField":"x"}}',
    ]) {
      const r = await put(raw);
      expect([r.status, raw]).toEqual([400, raw]);
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const form = await put('{"answers":{"address":"x"}}', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect((await getForm(token, formId)).draft).toBeUndefined(); // nothing was written
  });
});

describe('the applicant is the proven person (issue 16)', () => {
  it("refuses another person's name or ID number in the applicant's fields, and writes nothing", async () => {
    const me = await residentWithId('欧阳明');
    const someone = await residentWithId('司马青');
    const form = await getForm(me.token, 'item-no-criminal-record');
    const { answers } = await fill(me.token, form);
    const idField = form.form.fields.find((f) => f.type === 'residentId')!;
    for (const wrong of [{ [idField.key]: someone.idNumber }, { realName: '司马青' }]) {
      const r = await callWithKey(me.token, { itemId: 'no-criminal-record', answers: { ...answers, ...wrong } }, newKey());
      expect(r.status).toBe(422);
      expect(r.body.error.message).toContain('与实名认证的信息不一致');
    }
    const mine = await call(handler, 'GET /v1/applications', { token: me.token });
    expect(mine.body.items).toHaveLength(0);
    // as proven, it goes through
    expect((await callWithKey(me.token, { itemId: 'no-criminal-record', answers }, newKey())).status).toBe(201);
  });
});
