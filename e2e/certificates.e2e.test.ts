/**
 * 证明开具 in the browser (issue 15's "done when"): a resident proven by face gets 无犯罪记录证明 at once, opens and
 * downloads the PDF (page 1 drawn by pdf.js and saved as a screenshot), a stranger verifies it by its QR link and by
 * uploading the file, an altered copy fails, and after the department revokes it verification says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SCREENSHOTS, applyField, confirm, devLogin, launch, newPage, nextStep, openApply, shot, uploadInto, webUrl } from './browser';
import { renderFirstPage } from './pdf';

jest.setTimeout(180_000);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const outcome = (page: Page) => page.getByTestId('verify-outcome');

describe('无犯罪记录证明, sealed and verifiable', () => {
  let appNo = '';
  let serial = '';
  let code = '';
  let pdf: Buffer;

  it('a proven resident applies and gets the certificate at once, opens it and downloads the PDF', async () => {
    const page = await newPage(browser);
    await devLogin(page, '居民 · 周伯的女儿（亲友代办演示）');
    await openApply(page, 'no-criminal-record');
    // through the steps to 事项信息 (the purpose is printed on the certificate), then the ID card
    for (let i = 0; i < 4 && !(await applyField(page, 'purpose').isVisible()); i++) await nextStep(page);
    await applyField(page, 'purpose').getByText('出国（境）', { exact: true }).click();
    await nextStep(page);
    await uploadInto(page, 'm0', '身份证.png');
    await nextStep(page);
    await page.locator('.apply-review').first().waitFor();
    await page.locator('.apply-bar').getByText('确认提交').click();
    await page.locator('.receipt-title').getByText('申请已提交').waitFor();
    appNo = (await page.getByLabel('办件编号').innerText()).trim();
    // the receipt asks for the certificate by itself and says where it went
    await page.getByTestId('receipt-document-done').waitFor();
    await shot(page, 'certificate-receipt');
    await page.getByTestId('receipt-document').click();
    const open = page.getByTestId('doc-open');
    await open.waitFor();
    await page.getByText('无犯罪记录证明').filter({ visible: true }).first().waitFor(); // earlier pages stay in the stack, hidden
    await shot(page, 'certificate-wallet-document', true);
    const href = (await open.getAttribute('href'))!;
    expect(await open.getAttribute('download')).toMatch(/\.pdf$/);
    const res = await page.request.get(href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('pdf');
    pdf = Buffer.from(await res.body());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(300 * 1024);

    // page 1 as a person sees it: the title, the name, the seal's issuer, the serial and check code beside the QR
    const first = await renderFirstPage(browser, pdf);
    fs.writeFileSync(path.join(SCREENSHOTS, 'certificate-pdf-page1.png'), first.png);
    expect(first.pages).toBe(1);
    const text = first.text.replace(/\s+/g, '');
    expect(text).toContain('无犯罪记录证明');
    expect(text).toContain('周小敏');
    expect(text).toContain('本证明用于：出国（境）');
    expect(text).toContain('广州市公安局越秀区分局');
    const m = /证明编号：(ZM\d{14})核验码：([2-9A-HJ-NP-Z]{6})/.exec(text);
    expect(m).not.toBeNull();
    [, serial, code] = m!;
    await page.context().close();
  });

  it('a stranger verifies it by the QR link and by the file; an altered copy fails', async () => {
    const page = await newPage(browser); // not logged in
    await page.goto(`${webUrl()}/v/${serial}?c=${code}`); // what the QR code holds
    await outcome(page).waitFor();
    expect(await outcome(page).getAttribute('data-outcome')).toBe('genuine');
    await page.getByText('真实有效').first().waitFor();
    await page.getByText('广州市公安局越秀区分局').first().waitFor();
    expect(await page.getByTestId('verify-result').innerText()).not.toContain('周小敏'); // the subject is masked
    await shot(page, 'certificate-verify-genuine', true);

    await page.goto(`${webUrl()}/#/packages/verify/index`);
    await page.getByTestId('verify-file').setInputFiles({ name: '无犯罪记录证明.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByTestId('verify-file-reason').getByText('签章有效').waitFor();
    expect(await outcome(page).getAttribute('data-outcome')).toBe('genuine');

    const altered = Buffer.from(pdf);
    const at = altered.indexOf('stream') + 40; // a byte inside the page's content
    altered[at] = altered[at] ^ 0x01;
    await page.getByTestId('verify-file').setInputFiles({ name: '改过的.pdf', mimeType: 'application/pdf', buffer: altered });
    await page.locator('[data-testid="verify-outcome"][data-outcome="altered"]').waitFor();
    await page.getByText('文件已被改动').first().waitFor();
    await shot(page, 'certificate-verify-altered', true);
    await page.context().close();
  });

  it('the department revokes it, and verification says so at once', async () => {
    const officer = await newPage(browser);
    await devLogin(officer, '窗口人员 · 区公安分局（第二位）');
    await officer.goto(`${webUrl()}/#/packages/staff/detail/index?appNo=${appNo}`);
    await officer.getByTestId('revoke-document').click();
    await officer.getByTestId('revoke-form').locator('textarea').first().fill('申请时提交的身份证件有误，证明作废');
    await officer.getByTestId('revoke-confirm').click();
    await confirm(officer, '确定撤销');
    await officer.getByTestId('staff-document').getByText('已撤销').waitFor();
    await officer.context().close();

    const page = await newPage(browser);
    await page.goto(`${webUrl()}/v/${serial}?c=${code}`);
    await page.locator('[data-testid="verify-outcome"][data-outcome="revoked"]').waitFor();
    await page.getByTestId('verify-revoked').getByText('证明作废').waitFor();
    await shot(page, 'certificate-verify-revoked', true);
    await page.context().close();
  });
});
