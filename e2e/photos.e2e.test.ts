/**
 * A big photo from a phone's camera (issue 14): shrunk in the browser before upload, with 正在压缩… / 正在上传 N%
 * on screen meanwhile, so a normal photo never meets the 10 MB limit.
 */
import type { Browser, Page, Route } from 'playwright-core';
import { devLogin, launch, newPage, noisePng, webUrl } from './browser';

jest.setTimeout(120_000);

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await newPage(browser);
  await devLogin(page, '居民 · 已实名');
});
afterAll(async () => {
  await browser?.close();
});

it('compresses a 2400 × 1800 photo of over 10 MB to a small JPEG, showing progress until it is attached', async () => {
  const photo = noisePng();
  expect(photo.length).toBeGreaterThan(10 * 1024 * 1024);
  await page.goto(`${webUrl()}/#/packages/appeal/file/index`);
  await page.getByText('拍照或选择照片').waitFor();

  // the upload itself is held until the progress has been seen
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/local-files/upload**', async (route: Route) => {
    await held;
    await route.continue();
  });
  const ticket = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/v1/files');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByText('拍照或选择照片').click()]);
  await chooser.setFiles({ name: '现场.png', mimeType: 'image/png', buffer: photo });

  const asked = (await ticket).postDataJSON() as { fileName: string; contentType: string; size: number };
  expect(asked.contentType).toBe('image/jpeg');
  expect(asked.fileName).toBe('现场.jpg');
  expect(asked.size).toBeLessThan(1.5 * 1024 * 1024);

  const progress = page.getByTestId('upload-progress');
  await progress.waitFor();
  expect(await progress.innerText()).toMatch(/正在压缩…|正在上传 \d+%/);
  expect(await page.locator('[role="progressbar"]').count()).toBe(1);
  expect(await page.locator('.pp-add').getAttribute('disabled')).not.toBeNull();

  release();
  await page
    .getByTestId('photo')
    .getByText(/现场\.jpg/)
    .waitFor();
  await progress.waitFor({ state: 'detached' });
  expect(await page.locator('.photo-picker [role="alert"]').count()).toBe(0);
});
