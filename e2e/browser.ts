import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { settleAt } from '../scripts/lib/streams';

export const SCREENSHOTS = path.resolve(__dirname, 'screenshots');

/** Debian's chromium, headless, with the flags this closed network needs. */
export async function launch(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)');
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function phonePage(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, locale: 'zh-CN', isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  openPages.add(page);
  page.on('close', () => openPages.delete(page));
  return page;
}

/** The pages still open in this test file, newest last: what a failing test is reported with. */
const openPages = new Set<Page>();

/**
 * When a test fails (e2e/environment.ts calls this before the pages close): each open page's address, the visible text
 * at its end (a form's error lines, a toast, a modal) and a screenshot `failed-<test>-<n>.png`.
 */
async function reportOpenPages(testName: string): Promise<void> {
  const slug = testName.replace(/[^\w\u4e00-\u9fff]+/g, '-').slice(0, 60);
  let n = 0;
  for (const page of openPages) {
    n++;
    const text = await page
      .evaluate(() => document.body.innerText)
      .then((t) => t.replace(/\s+/g, ' ').slice(-1500))
      .catch(() => '(no text)');
    const file = await shot(page, `failed-${slug}-${n}`).catch(() => '(no screenshot)');
    console.log(`FAILED "${testName}" · page ${n} of ${openPages.size}: ${page.url()}\nscreenshot: ${file}\nvisible text (end): ${text}`);
  }
}
(globalThis as { __e2eDumpPages?: typeof reportOpenPages }).__e2eDumpPages = reportOpenPages;

export async function shot(page: Page, name: string, fullPage = false): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  // 'disabled': a page that just opened is still sliding in (Taro H5's route animation); finished first, not caught mid-way
  await page.screenshot({ path: file, fullPage, animations: 'disabled' });
  return file;
}

export const webUrl = () => {
  const u = process.env.E2E_WEB_URL;
  if (!u) throw new Error('E2E_WEB_URL is not set (globalSetup did not run)');
  return u;
};

/** Waits until the dashboards' counters include every change made so far (they are summed after each commit). */
export const countersSettled = () => settleAt(process.env.E2E_STREAMS_URL!);

/** Moves every function's clock (the local stack's clock file); null returns to real time. */
export function setClock(iso: string | null) {
  const file = process.env.E2E_CLOCK_FILE!;
  if (iso === null) fs.rmSync(file, { force: true });
  else fs.writeFileSync(file, JSON.stringify({ offsetMs: Date.parse(iso) - Date.now() }));
}

/** One browser for a test file that moves the shared clock: launched before its tests, closed after, clock back to real time. */
export function browserMovingClock(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    setClock(null);
    await browser?.close();
  });
  return () => browser!;
}

/** DOM errors the pages of this test file logged (a test may assert on them before the run's end). */
export const domErrors: string[] = [];

/** A phone page that reports failed API calls (the first thing to know when a step times out). */
export async function newPage(browser: Browser): Promise<Page> {
  const page = await phonePage(browser);
  page.setDefaultTimeout(20_000);
  // a DOM error in any page fails the run (globalTeardown): issue 14's `insertBefore NotFoundError`
  const domError = (text: string) => {
    if (!/insertBefore|removeChild|NotFoundError/.test(text)) return;
    console.log(`DOM ERROR ${page.url()} ${text}`);
    domErrors.push(`${page.url()} ${text.split('\n')[0]}`);
    if (process.env.E2E_DOM_ERRORS) fs.appendFileSync(process.env.E2E_DOM_ERRORS, `${page.url()} ${text.split('\n')[0]}\n`);
  };
  page.on('pageerror', (e) => domError(`${e.message}\n${e.stack ?? ''}`));
  page.on('console', (m) => {
    if (m.type() === 'error') domError(m.text().slice(0, 2000));
  });
  page.on('response', async (r) => {
    if (r.url().includes('/v1/') && r.status() >= 400 && r.status() !== 401)
      console.log(`API ${r.status()} ${r.url()} ${(await r.text().catch(() => '')).slice(0, 300)}`);
  });
  return page;
}

/** Taro H5 slides pages in: wait until the element sits at the left edge (before a screenshot). */
export const settled = (page: Page, selector: string) =>
  page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return !!el && Math.abs(el.getBoundingClientRect().left) < 1;
  }, selector);

/**
 * At least `atLeast` pictures matched by `selector` (an <img> or a box holding one) show a real image.
 * Each is scrolled into view first, so the check holds whatever the page's length, the fonts
 * installed or the viewport: a lazily loaded image only gets its src once it comes near the screen.
 */
export async function picturesShown(page: Page, selector: string, atLeast = 1) {
  await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel as string).length >= (n as number), [selector, atLeast] as const);
  const pics = page.locator(selector);
  const count = await pics.count();
  for (let i = 0; i < count; i++) {
    const pic = pics.nth(i);
    await pic.scrollIntoViewIfNeeded();
    const img = (await pic.evaluate((el) => el.tagName)) === 'IMG' ? pic : pic.locator('img').first();
    const handle = await img.elementHandle();
    await page.waitForFunction((el) => {
      const shown = el as HTMLImageElement;
      return !!shown.getAttribute('src') && shown.complete && shown.naturalWidth > 0;
    }, handle);
  }
  return count;
}

/** The development login, by the description of a seeded person. */
export async function devLogin(page: Page, description: string) {
  await page.goto(`${webUrl()}/#/pages/login/index`);
  await page.getByText(description).click();
  await page.locator('.me-name').waitFor();
}

/**
 * The first of `rows` that has `text`, in a paged list (the kit's ListView): 加载更多 is pressed until it shows up or
 * the list ends. Seeded people's lists are shared by every test file, and files that move the clock leave rows dated
 * ahead of now, so a new row need not be on the first page.
 */
export async function findInPagedList(page: Page, rows: Locator, text: string): Promise<Locator> {
  const row = rows.filter({ hasText: text }).first();
  const more = page.locator('.list-more .btn');
  const end = page.locator('.list-end');
  for (let pages = 0; pages < 50; pages++) {
    await row.or(more).or(end).first().waitFor();
    if (await row.count()) return row;
    if (!(await more.count())) break;
    const before = await rows.count();
    await more.click();
    const deadline = Date.now() + 20_000;
    while ((await rows.count()) === before && !(await end.count()) && Date.now() < deadline) await page.waitForTimeout(100);
  }
  await row.waitFor({ timeout: 1 }); // not there: fails with the locator in the message
  return row;
}

export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da6364f8cf00000301010018dd8db40000000049454e44ae426082',
  'hex',
);

/** A PNG of w×h pixels, each row's RGB bytes from `row(y)`. */
function png(w: number, h: number, row: (y: number) => Buffer): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < h; y++) rows.push(Buffer.concat([Buffer.alloc(1), row(y)])); // filter byte 0, then the pixels
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2; // 8-bit RGB
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A visible photo for screenshots: a w×h PNG, sky above and a darker ground below (like a street). */
export function scenePng(w = 96, h = 72, sky: [number, number, number] = [120, 170, 220], ground: [number, number, number] = [110, 110, 100]): Buffer {
  return png(w, h, (y) => {
    const c = y < h * 0.55 ? sky : ground;
    const r = Buffer.alloc(w * 3);
    for (let x = 0; x < w; x++) r.set(c, x * 3);
    return r;
  });
}

/** A phone-camera-sized photo that does not compress as a PNG (random pixels): over the 10 MB upload limit as it is. */
export const noisePng = (w = 2400, h = 1800) => png(w, h, () => crypto.randomBytes(w * 3));

/** Presses a modal's button (the button, not a title with the same words). */
export const confirm = (page: Page, text: string) =>
  page.locator('.taro__modal, .taro-modal, [class*="modal"]').getByText(text, { exact: true }).last().click();

// ---- the apply form (网上申办) --------------------------------------------------------------

/** From the item's guide page to its apply form. */
export async function openApply(page: Page, itemId: string) {
  await page.goto(`${webUrl()}/#/packages/guide/detail/index?id=${itemId}`);
  await page.locator('.detail-apply').getByText('在线办理').click();
  await page.locator('.apply-steps').waitFor();
}

export const applyField = (page: Page, key: string) => page.locator(`.apply [data-field="${key}"]`);
export const nextStep = (page: Page) =>
  page
    .locator('.apply-bar')
    .getByText(/^下一步/)
    .click();

/** A picture into one material of the form, through the file chooser. */
export async function uploadInto(page: Page, key: string, name: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), applyField(page, key).getByText('拍照/上传').click()]);
  await chooser.setFiles({ name, mimeType: 'image/png', buffer: PNG });
  await applyField(page, key).getByText('已上传').waitFor();
}

/**
 * Ticks a `role="checkbox"` control and makes sure it took. A form that has just shown an error scrolls it into view
 * (ErrorLine, 50 ms later, for 200 ms): a click computed before that scroll lands beside the box, so the box's own
 * state decides, not the click.
 */
export async function tick(box: Locator) {
  for (let i = 0; i < 5 && (await box.getAttribute('aria-checked')) !== 'true'; i++) {
    await box.click();
    await box
      .page()
      .waitForFunction((el) => el?.getAttribute('aria-checked') === 'true', await box.elementHandle(), { timeout: 1000 })
      .catch(() => undefined);
  }
  if ((await box.getAttribute('aria-checked')) !== 'true') throw new Error('the checkbox did not take the tick');
}
