/**
 * 电子证明 end to end against DynamoDB Local and the local file store (issue 15): issued at once from the records,
 * held in the wallet, verified by anyone by serial + code, share link or the file itself; forged serials, wrong codes,
 * another department's key and altered files fail; revocation shows at once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SERIAL_PATTERN } from '@yx/shared';
import { call } from '../../test/http';
import { fill, getForm, login, startLocalFiles } from '../../test/apply';
import { residentWithId, type Person } from '../../test/people';
import { seedAll } from '../seed/seed';
import { handler as applications } from '../applications/handler';
import { handler as backoffice } from '../backoffice/handler';
import { handler as issueHandler } from './issueHandler';
import { handler } from './handler';
import { renderDocument } from './pdf';
import { sealPdf } from './seal';
import { forgetSigningKeys, signingKey } from './keys';
import { publishSealKey } from './repository';
import { issueNotice } from './issue';
import { COUNTERS_TEST_TIMEOUT, countersSettled } from '../../test/streams';

let stopFiles: () => Promise<void>;
beforeAll(async () => {
  process.env.LOCAL_KEYS_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'yx-keys-test-'));
  forgetSigningKeys();
  await seedAll();
  stopFiles = await startLocalFiles();
});
afterAll(() => stopFiles());

let seq = 0;
async function apply(token: string, itemId = 'no-criminal-record'): Promise<string> {
  const form = await getForm(token, `item-${itemId}`);
  const { answers } = await fill(token, form);
  const r = await call(
    (e) => applications({ ...e, headers: { ...e.headers, 'idempotency-key': `doc-test-${Date.now()}-${++seq}` } }),
    'POST /v1/applications',
    {
      token,
      body: { itemId, answers },
    },
  );
  if (r.status !== 201) throw new Error(`submit: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.appNo;
}
/** An officer's actions on an application, one after another, each with the version the last one answered. */
async function walk(officer: string, appNo: string, steps: [string, object][]) {
  let version = (await call(backoffice, 'GET /v1/staff/applications/{appNo}', { token: officer, params: { appNo } })).body.version;
  for (const [action, body] of steps) {
    const r = await call(backoffice, 'POST /v1/staff/applications/{appNo}/{action}', { token: officer, params: { appNo, action }, body: { version, ...body } });
    expect([action, r.status]).toEqual([action, 200]);
    version = r.body.version;
  }
}
const issue = (token: string, appNo: string) => call(issueHandler, 'POST /v1/applications/{appNo}/document', { token, params: { appNo } });
const verify = (serial: string, query: Record<string, string>) => call(handler, 'GET /v1/verify/{serial}', { params: { serial }, query });

/** Posts a file to a verification ticket and checks it, as the public page does. */
async function verifyFile(bytes: Buffer) {
  const t = await call(handler, 'POST /v1/verify/uploads');
  expect(t.status).toBe(201);
  const form = new FormData();
  for (const [k, v] of Object.entries(t.body.upload.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'cert.pdf');
  const posted = await fetch(t.body.upload.url, { method: 'POST', body: form });
  expect(posted.status).toBeLessThan(300);
  return call(handler, 'POST /v1/verify/uploads/{ticket}', { params: { ticket: t.body.ticket } });
}

describe('无犯罪记录证明, issued at once to a proven resident', () => {
  let person: Person;
  let doc: { serial: string; checkCode: string; verifyUrl: string; appNo: string };
  let pdf: Buffer;

  beforeAll(async () => {
    person = await residentWithId('欧阳晓峰');
    const appNo = await apply(person.token);
    const r = await issue(person.token, appNo);
    expect(r.status).toBe(200);
    doc = r.body;
  });

  it('issues a sealed PDF, closes the application and puts it in the wallet', async () => {
    expect(doc.serial).toMatch(SERIAL_PATTERN);
    expect(doc).toMatchObject({ title: '无犯罪记录证明', issuer: '广州市公安局越秀区分局', status: 'valid', subject: '欧阳晓峰' });
    expect(doc.verifyUrl).toContain(`/v/${doc.serial}?c=${doc.checkCode}`);
    const detail = await call(applications, 'GET /v1/applications/{appNo}', { token: person.token, params: { appNo: doc.appNo } });
    expect(detail.body).toMatchObject({ state: 'delivered', issuesDocument: true, documents: [{ serial: doc.serial, status: 'valid' }] });
    expect(detail.body.timeline.map((e: { action: string }) => e.action)).toContain('即时出具电子证明');
    const wallet = await call(handler, 'GET /v1/me/documents', { token: person.token });
    expect(wallet.body.items.map((d: { serial: string }) => d.serial)).toEqual([doc.serial]);
    const held = await call(handler, 'GET /v1/me/documents/{serial}', { token: person.token, params: { serial: doc.serial } });
    expect(held.status).toBe(200);
    const res = await fetch(held.body.pdfUrl);
    expect(res.status).toBe(200);
    pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(300 * 1024);
    // the same request again (a second tap) gives the same document, not another
    expect((await issue(person.token, doc.appNo)).body.serial).toBe(doc.serial);
  });

  it("is nobody else's: another person's wallet and issue requests do not find it", async () => {
    const other = await login('u-resident-zhang');
    expect((await call(handler, 'GET /v1/me/documents/{serial}', { token: other, params: { serial: doc.serial } })).status).toBe(404);
    expect((await call(handler, 'POST /v1/me/documents/{serial}/share', { token: other, params: { serial: doc.serial }, body: { days: 7 } })).status).toBe(404);
    expect((await issue(other, doc.appNo)).status).toBe(404);
  });

  it('verifies by serial and check code, showing the subject masked; forged serials and wrong codes are 404', async () => {
    const ok = await verify(doc.serial, { c: doc.checkCode });
    expect(ok.status).toBe(200);
    expect(ok.headers['cache-control']).toBe('no-store');
    expect(ok.body).toMatchObject({ outcome: 'genuine', document: { serial: doc.serial, issuer: '广州市公安局越秀区分局', status: 'valid' } });
    expect(ok.body.document.subject).not.toContain('晓峰');
    const wrongCode = doc.checkCode === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    expect((await verify(doc.serial, { c: wrongCode })).status).toBe(404);
    const forged = doc.serial.slice(0, -6) + String((Number(doc.serial.slice(-6)) + 500_000) % 1_000_000).padStart(6, '0');
    expect((await verify(forged, { c: doc.checkCode })).status).toBe(404);
    expect((await verify('XX123', { c: doc.checkCode })).status).toBe(400);
    expect((await verify(doc.serial, {})).status).toBe(404);
  });

  it('verifies the file itself; one changed byte, or another department’s seal, fails', async () => {
    const genuine = await verifyFile(pdf);
    expect(genuine.body).toMatchObject({ outcome: 'genuine', file: { signature: 'valid', matchesRecord: true } });

    const altered = Buffer.from(pdf);
    const at = altered.indexOf('stream') + 40; // inside the page's content stream
    altered[at] = altered[at] ^ 0x01;
    const a = await verifyFile(altered);
    expect(a.body).toMatchObject({ outcome: 'altered', file: { signature: 'invalid' } });

    // the same document laid out again and sealed by the market department's key under its own (published) key id
    const market = signingKey('market');
    await publishSealKey({ keyId: market.keyId, departmentId: 'market', publicKey: market.publicKey, createdAt: new Date().toISOString() });
    const common = {
      title: '无犯罪记录证明',
      paragraphs: ['经查询，未发现欧阳晓峰有犯罪记录。'],
      issuer: '广州市公安局越秀区分局',
      issuedOn: '2026年11月30日',
      serial: doc.serial,
      checkCode: doc.checkCode,
      verifyUrl: doc.verifyUrl,
      at: new Date(),
    };
    const byMarket = sealPdf(await renderDocument({ ...common, keyId: market.keyId }), market.privateKey, market.publicKey);
    expect((await verifyFile(byMarket)).body).toMatchObject({ outcome: 'altered', message: expect.any(String), file: { reason: '电子印章与出具单位不符' } });
    // …and claiming the police key id while signed with the market's key
    const police = signingKey('police');
    const posing = sealPdf(await renderDocument({ ...common, keyId: police.keyId }), market.privateKey, market.publicKey);
    expect((await verifyFile(posing)).body).toMatchObject({ outcome: 'altered', file: { signature: 'invalid' } });
    // a PDF without our seal is not ours
    const plain = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    expect((await verifyFile(plain)).body).toMatchObject({ outcome: 'unknown', file: { signature: 'missing' } });
  });

  it('shares a time-limited link that verifies; a tampered link does not', async () => {
    const s = await call(handler, 'POST /v1/me/documents/{serial}/share', { token: person.token, params: { serial: doc.serial }, body: { days: 7 } });
    expect(s.status).toBe(200);
    const t = new URL(s.body.url).searchParams.get('t')!;
    expect((await verify(doc.serial, { t })).body.outcome).toBe('genuine');
    expect((await verify(doc.serial, { t: `${t.slice(0, -1)}${t.endsWith('1') ? '2' : '1'}` })).status).toBe(404);
    const held = await call(handler, 'GET /v1/me/documents/{serial}', { token: person.token, params: { serial: doc.serial } });
    expect(held.body.uses.map((u: { kind: string }) => u.kind)).toEqual(expect.arrayContaining(['shared', 'verified']));
  });

  it('is revoked by its department only, and verification says so at once', async () => {
    const market = await login('u-staff-market');
    const reason = { reason: '申请人信息有误，证明作废' };
    expect((await call(handler, 'POST /v1/staff/documents/{serial}/revoke', { token: market, params: { serial: doc.serial }, body: reason })).status).toBe(404);
    expect(
      (await call(handler, 'POST /v1/staff/documents/{serial}/revoke', { token: person.token, params: { serial: doc.serial }, body: reason })).status,
    ).toBe(403);
    const police = await login('u-staff-police');
    expect(
      (await call(handler, 'POST /v1/staff/documents/{serial}/revoke', { token: police, params: { serial: doc.serial }, body: { reason: '短' } })).status,
    ).toBe(400);
    const r = await call(handler, 'POST /v1/staff/documents/{serial}/revoke', { token: police, params: { serial: doc.serial }, body: reason });
    expect(r.body).toMatchObject({ status: 'revoked', revokedReason: reason.reason });
    expect((await call(handler, 'POST /v1/staff/documents/{serial}/revoke', { token: police, params: { serial: doc.serial }, body: reason })).status).toBe(409);
    const v = await verify(doc.serial, { c: doc.checkCode });
    expect(v.body).toMatchObject({ outcome: 'revoked', document: { status: 'revoked', revokedReason: reason.reason } });
    expect((await verifyFile(pdf)).body.outcome).toBe('revoked');
    const detail = await call(applications, 'GET /v1/applications/{appNo}', { token: person.token, params: { appNo: doc.appNo } });
    expect(detail.body.documents[0].status).toBe('revoked');
    // the department issues a corrected one; the person cannot ask for it again themselves
    const mine = await issue(person.token, doc.appNo);
    expect([mine.status, mine.body]).toEqual([422, expect.anything()]);
    const again = await issue(police, doc.appNo);
    expect(again.body).toMatchObject({ status: 'valid', appNo: doc.appNo });
    expect(again.body.serial).not.toBe(doc.serial);
    expect((await issue(police, doc.appNo)).body.serial).toBe(again.body.serial);
  });
});

describe('when the records do not allow it at once', () => {
  it(
    'a record on file sends it to the officer, who issues after 准予; a double tap makes one document',
    async () => {
      const wu = await login('u-resident-wu');
      const appNo = await apply(wu);
      const refused = await issue(wu, appNo);
      expect(refused.status).toBe(422);
      expect(refused.body.error.message).toContain('人工核查');
      const officer = await login('u-staff-police');
      expect((await issue(officer, appNo)).status).toBe(422); // not approved yet
      await walk(officer, appNo, [
        ['accept', {}],
        ['startReview', {}],
        ['approve', { note: '经核查，记录已依法封存' }],
      ]);
      const both = await Promise.all([issue(officer, appNo), issue(officer, appNo), issue(officer, appNo)]);
      const serials = new Set(both.map((r) => r.body.serial));
      expect(both.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(serials.size).toBe(1);
      const wallet = await call(handler, 'GET /v1/me/documents', { token: wu });
      expect(wallet.body.items.filter((d: { appNo: string; kind: string }) => d.appNo === appNo && d.kind === 'certificate')).toHaveLength(1);

      // 文书: each decision's notice follows from the table's stream, sealed and in the wallet, listed with the application
      await countersSettled();
      const held = (await call(handler, 'GET /v1/me/documents', { token: wu })).body.items.filter((d: { appNo: string }) => d.appNo === appNo);
      const notices = held.filter((d: { kind: string }) => d.kind === 'notice');
      expect(notices.map((d: { title: string }) => d.title).sort()).toEqual(['准予行政许可决定书', '受理通知书']);
      for (const n of notices) expect(n.serial).toMatch(/^TZ\d{14}$/);
      const nv = await verify(notices[0].serial, { c: notices[0].checkCode });
      expect([nv.status, nv.body]).toEqual([200, expect.objectContaining({ outcome: 'genuine' })]);
      const detail = await call(applications, 'GET /v1/applications/{appNo}', { token: wu, params: { appNo } });
      expect(detail.body.documents.map((d: { title: string }) => d.title)).toEqual(
        expect.arrayContaining(['受理通知书', '准予行政许可决定书', '无犯罪记录证明']),
      );
      // the stream delivers a change again after a failure: the notice is not issued twice
      const app = (await call(backoffice, 'GET /v1/staff/applications/{appNo}', { token: officer, params: { appNo } })).body;
      expect(await issueNotice(appNo, 'approved', app.version - 1)).toBeUndefined();
    },
    COUNTERS_TEST_TIMEOUT,
  );

  it('needs a face-proven identity: a person proven only by a typed name cannot even apply', async () => {
    const l1 = await residentWithId('林一', 1);
    await expect(apply(l1.token)).rejects.toThrow('人脸核验');
  });
});

describe('a delivered licence goes into the wallet (issue 15)', () => {
  it('a business licence, delivered electronically, is in the holder’s wallet and offered by the next form that takes it', async () => {
    const p = { token: await login('u-enterprise-chen') };
    const appNo = await apply(p.token, 'company-establishment');
    const officer = await login('u-staff-market');
    await walk(officer, appNo, [
      ['accept', {}],
      ['startReview', {}],
      ['approve', {}],
      ['deliver', { method: 'electronic' }],
    ]);
    const wallet = await call(applications, 'GET /v1/me/licences', { token: p.token });
    expect(wallet.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: `lic-${appNo}`, type: 'business-licence', issuer: '广州市越秀区市场监督管理局' })]),
    );
    const next = await getForm(p.token, 'item-tax-certificate');
    expect(next.licences.map((l) => l.id)).toContain(`lic-${appNo}`);
    // used in the next application with the holder's authorisation: the wallet shows that use
    const used = await apply(p.token, 'tax-certificate');
    const after = await call(applications, 'GET /v1/me/licences', { token: p.token });
    expect(after.body.uses).toEqual(expect.arrayContaining([expect.objectContaining({ appNo: used, material: '营业执照' })]));
  });
});
