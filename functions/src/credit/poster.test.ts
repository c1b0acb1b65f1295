/**
 * 信用码公示牌 (issue 20) against DynamoDB Local and the local file store: the firm's legal representative and an agent
 * print the poster (a PDF with the firm's name, read back with pdf.js), each print is a new version, a rating with the
 * old poster's proof is then refused and with the new one accepted; a resident may not print one.
 */
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { agentOf, firmWith, type TestFirm } from '../../test/firms';
import { call } from '../../test/http';
import { residentWithId } from '../../test/people';
import { startLocalFiles } from '../../test/apply';
import { handler as credit } from './handler';
import { handler } from './posterHandler';
import { scanProof } from './ratings';
import * as repo from './repository';

jest.setTimeout(120_000);

const RUN = Date.now().toString(36);
let n = 0;

let stopFiles: () => Promise<void>;
beforeAll(async () => {
  stopFiles = await startLocalFiles();
});
afterAll(async () => {
  await stopFiles();
});

/** The text of a PDF's pages as pdf.js extracts it (the embedded fonts' Unicode maps at work). pdf.js is an ES module: a child node reads it. */
function pdfText(bytes: Buffer): { pages: number; text: string } {
  const lib = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
  const script = `
    const pdfjs = await import(${JSON.stringify(lib)});
    const chunks = [];
    for await (const c of process.stdin) chunks.push(c);
    const doc = await pdfjs.getDocument({ data: new Uint8Array(Buffer.concat(chunks)), isEvalSupported: false, useSystemFonts: false }).promise;
    let text = '';
    for (let i = 1; i <= doc.numPages; i++) text += (await (await doc.getPage(i)).getTextContent()).items.map((x) => x.str || '').join('');
    process.stdout.write(JSON.stringify({ pages: doc.numPages, text }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { input: bytes, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });
  return JSON.parse(out) as { pages: number; text: string };
}

const print = (token: string) => call(handler, 'POST /v1/credit/mine/poster', { token });
const proofOf = (scanUrl: string) => new URL(scanUrl).searchParams.get('s')!;

/** A rating as the page sends it (with its Idempotency-Key), through the credit function. */
const rate = (token: string, code: string, scan: string) =>
  call((e) => credit({ ...e, headers: { ...e.headers, 'idempotency-key': `k-${RUN}-${++n}` } }), 'POST /v1/credit/firms/{creditCode}/ratings', {
    token,
    params: { creditCode: code },
    body: { scan, stars: 5, tags: ['服务热情'], comment: '按新贴的信用码评价。' },
  });

describe('the 信用码公示牌', () => {
  let firm: TestFirm;
  beforeAll(async () => {
    firm = await firmWith({ grade: 'B' }, '公示牌');
  });

  it('the legal representative gets an A4 PDF with the firm, its code and the district layout, and the address its QR code opens', async () => {
    const r = await print(firm.legal);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ url: expect.stringMatching(/^http/), version: 2, scanUrl: expect.stringContaining(`/c/${firm.creditCode}?s=`) });
    expect(proofOf(r.body.scanUrl)).toBe(scanProof(firm.creditCode, 2));
    const res = await fetch(r.body.url);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeLessThan(200 * 1024); // the fonts cut to the poster's characters
    const { pages, text } = pdfText(bytes);
    expect(pages).toBe(1);
    for (const words of [
      '越秀区商户信用码',
      firm.name,
      'B 级 · 信用良好',
      '微信扫一扫 · 查看信用档案 · 评价商户',
      firm.creditCode,
      '广州市越秀区市场监督管理局 监制',
    ])
      expect(text).toContain(words);
    expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    expect((await repo.readFirm(firm.creditCode, true)).firm!.posterVersion).toBe(2);
  });

  it('an agent prints it too; each print is a new version, and only the newest poster proves a visit', async () => {
    const agent = await agentOf(firm);
    const before = (await repo.readFirm(firm.creditCode, true)).firm!.posterVersion ?? 1;
    const first = await print(agent.token);
    expect([first.status, first.body.version]).toEqual([200, before + 1]);
    const second = await print(firm.legal);
    expect([second.status, second.body.version]).toEqual([200, before + 2]);
    expect(second.body.scanUrl).not.toBe(first.body.scanUrl);
    expect(second.body.url).not.toBe(first.body.url);
    expect(pdfText(Buffer.from(await (await fetch(first.body.url)).arrayBuffer())).text).toContain(`第 ${before + 1} 版`);

    const resident = await residentWithId('扫码人');
    const old = await rate(resident.token, firm.creditCode, proofOf(first.body.scanUrl));
    expect([old.status, old.body.error.message]).toEqual([403, '信用码已更新或不正确，请扫描店内张贴的最新信用码后再评价']);
    const fresh = await rate(resident.token, firm.creditCode, proofOf(second.body.scanUrl));
    expect([fresh.status, fresh.body.stars]).toEqual([201, 5]);
  });

  it('a resident, or someone without a firm, may not print one', async () => {
    const resident = await residentWithId('路人');
    const r = await print(resident.token);
    expect(r.status).toBe(403);
    const none = await call(handler, 'POST /v1/credit/mine/poster', {});
    expect(none.status).toBe(401);
  });
});
