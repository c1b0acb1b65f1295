/**
 * Materials as PDFs and several pages (issue 16): what the app sends for a material is every page's ref, photos and
 * PDFs alike; the API takes them at submission and at 补正, and refuses a "PDF" whose bytes are not one.
 */
import { SERVICE_ITEMS } from '@yx/shared/src/guide/catalogue';
import { FILES_MAX } from '@yx/shared';
import { call } from '../../test/http';
import { fill, getForm, PNG, startLocalFiles, upload } from '../../test/apply';
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

/** A real, if tiny, PDF: what the server sniffs is its first bytes, %PDF. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);

// 就业登记: the applicant's ID card and the labour contract (several pages, often a PDF) are uploads
const ITEM = SERVICE_ITEMS.find((i) => i.id === 'employment-registration')!;
const CONTRACT = '劳动合同或就业证明';
const ID_CARD = '申请人居民身份证';

let seq = 0;
const newKey = () => `uploads-test-${Date.now()}-${++seq}`;
const submit = (token: string, answers: Record<string, unknown>) =>
  call((e) => handler({ ...e, headers: { ...e.headers, 'idempotency-key': newKey() } }), 'POST /v1/applications', {
    token,
    body: { itemId: ITEM.id, answers },
  });
const detailOf = async (token: string, appNo: string) => (await call(handler, 'GET /v1/applications/{appNo}', { token, params: { appNo } })).body;
type MaterialView = { name: string; source: string; files?: { fileId: string; url: string; contentType: string; fileName: string }[] };
const materialOf = (detail: { materials: MaterialView[] }, name: string) => detail.materials.find((m) => m.name === name)!;

async function uploaded(token: string, content: Buffer, contentType: string, fileName: string): Promise<string> {
  const u = await upload(token, content, contentType, fileName);
  expect(u.complete?.status).toBe(200);
  return u.fileId!;
}

/** A fresh resident with the form filled, the two materials left for the test. */
async function applicant() {
  const person = await residentWithId('林小满');
  const form = await getForm(person.token, `item-${ITEM.id}`);
  const keyOf = (material: string) => form.form.fields.find((f) => f.materialName === material)!.key;
  const keys = { contract: keyOf(CONTRACT), idCard: keyOf(ID_CARD) };
  const { answers } = await fill(person.token, form, { skip: [keys.contract, keys.idCard] });
  return { token: person.token, answers, keys };
}

describe('PDFs and several pages per material', () => {
  it('submits a PDF material and a two-page material, and shows every page back with its type', async () => {
    const { token, answers, keys } = await applicant();
    const idPdf = await uploaded(token, PDF, 'application/pdf', '身份证正反面.pdf');
    const page1 = await uploaded(token, PNG, 'image/png', '劳动合同第1页.png');
    const page2 = await uploaded(token, PNG, 'image/png', '劳动合同第2页.png');
    const r = await submit(token, {
      ...answers,
      [keys.idCard]: [{ kind: 'upload', fileId: idPdf }],
      [keys.contract]: [
        { kind: 'upload', fileId: page1 },
        { kind: 'upload', fileId: page2 },
      ],
    });
    expect(r.status).toBe(201);

    const detail = await detailOf(token, r.body.appNo);
    const id = materialOf(detail, ID_CARD);
    expect(id.source).toBe('upload');
    expect(id.files).toEqual([expect.objectContaining({ fileId: idPdf, contentType: 'application/pdf', fileName: '身份证正反面.pdf' })]);
    const pdf = await fetch(id.files![0].url);
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 4)
        .toString(),
    ).toBe('%PDF');
    expect(materialOf(detail, CONTRACT).files!.map((f) => f.fileId)).toEqual([page1, page2]);
  });

  it('answers a 补正 with a two-page material, a PDF and a photo', async () => {
    const { token, answers, keys } = await applicant();
    const first = await uploaded(token, PNG, 'image/png', '合同.png');
    const id = await uploaded(token, PNG, 'image/png', '身份证.png');
    const r = await submit(token, { ...answers, [keys.idCard]: [{ kind: 'upload', fileId: id }], [keys.contract]: [{ kind: 'upload', fileId: first }] });
    expect(r.status).toBe(201);
    const appNo = r.body.appNo as string;
    await forceState(appNo, 'supplement', { supplementNotice: { items: [{ material: CONTRACT, reason: '缺少签字页' }] }, pausedSince: '2026-11-20' });

    const pdf = await uploaded(token, PDF, 'application/pdf', '劳动合同（全文）.pdf');
    const signed = await uploaded(token, PNG, 'image/png', '签字页.png');
    const ok = await call(handler, 'POST /v1/applications/{appNo}/supplement', {
      token,
      params: { appNo },
      body: {
        answers: {
          [CONTRACT]: [
            { kind: 'upload', fileId: pdf },
            { kind: 'upload', fileId: signed },
          ],
        },
      },
    });
    expect(ok.status).toBe(200);
    const contract = materialOf(await detailOf(token, appNo), CONTRACT);
    expect(contract.files!.map((f) => [f.fileId, f.contentType])).toEqual([
      [pdf, 'application/pdf'],
      [signed, 'image/png'],
    ]);
  });

  it('refuses a "PDF" whose bytes are not one, at upload, and then at submission and at 补正', async () => {
    const { token, answers, keys } = await applicant();
    const fake = await upload(token, PNG, 'application/pdf', '假的.pdf');
    expect(fake.complete!.status).toBeGreaterThanOrEqual(400);
    expect(fake.complete!.status).toBeLessThan(500);
    expect(fake.complete!.body.error.message).toContain('PDF');

    const id = await uploaded(token, PNG, 'image/png', '身份证.png');
    const refused = await submit(token, {
      ...answers,
      [keys.idCard]: [{ kind: 'upload', fileId: id }],
      [keys.contract]: [{ kind: 'upload', fileId: fake.fileId }],
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);

    const page = await uploaded(token, PNG, 'image/png', '合同.png');
    const r = await submit(token, { ...answers, [keys.idCard]: [{ kind: 'upload', fileId: id }], [keys.contract]: [{ kind: 'upload', fileId: page }] });
    expect(r.status).toBe(201);
    const appNo = r.body.appNo as string;
    await forceState(appNo, 'supplement', { supplementNotice: { items: [{ material: CONTRACT, reason: '不清晰' }] }, pausedSince: '2026-11-20' });
    const answer = await call(handler, 'POST /v1/applications/{appNo}/supplement', {
      token,
      params: { appNo },
      body: {
        answers: {
          [CONTRACT]: [
            { kind: 'upload', fileId: page },
            { kind: 'upload', fileId: fake.fileId },
          ],
        },
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain('文件不存在或尚未上传完成');
  });

  it(`takes at most ${FILES_MAX} pages for one material`, async () => {
    const { token, answers, keys } = await applicant();
    const id = await uploaded(token, PNG, 'image/png', '身份证.png');
    const pages = await Promise.all(Array.from({ length: FILES_MAX + 1 }, (_, i) => uploaded(token, PNG, 'image/png', `第${i + 1}页.png`)));
    const refs = pages.map((fileId) => ({ kind: 'upload', fileId }));
    const tooMany = await submit(token, { ...answers, [keys.idCard]: [{ kind: 'upload', fileId: id }], [keys.contract]: refs });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toContain(`最多 ${FILES_MAX} 页`);
    const r = await submit(token, { ...answers, [keys.idCard]: [{ kind: 'upload', fileId: id }], [keys.contract]: refs.slice(0, FILES_MAX) });
    expect(r.status).toBe(201);
  });
});
