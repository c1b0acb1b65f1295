import { launch, phonePage } from '../../../e2e/browser';
import { readStamp } from '../h5build';
import type { Stack } from '../stack';

export interface Transfer {
  url: string;
  type: string;
  /** bytes on the wire (the body as sent, compressed or not; headers left out) */
  encoded: number;
  /** bytes after decoding */
  decoded: number;
  encoding: string;
}

/** Goals for the first screen (printed beside the figures, not asserted). */
export const FIRST_SCREEN_GOALS = { jsCssEncodedKiB: 150, jsDecodedKiB: 500 };
/** Goals for starting (printed, not asserted): `npm start` with unchanged sources, and an H5 build from scratch. */
export const START_GOALS = { readyUnchangedS: 20, h5BuildScratchS: 60 };

const s1 = (ms: number) => (ms / 1000).toFixed(1);

/** The stack's start, step by step (they overlap: the H5 build runs beside the rest), and the last H5 build. */
export function setupTable(stack: Stack): void {
  console.log(`\n## Set-up: this run's start of the stack (in memory; the H5 build only if its sources changed)\n`);
  console.log('| step | s | |');
  console.log('|---|---:|---|');
  for (const p of stack.phases) console.log(`| ${p.name} | ${s1(p.ms)} | ${p.detail ?? ''} |`);
  const built = stack.phases.some((p) => p.built);
  console.log(`| **ready** | **${s1(stack.readyMs)}** | ${built ? 'with an H5 build' : `goal with unchanged sources ≤ ${START_GOALS.readyUnchangedS} s`} |`);
  const stamp = readStamp();
  if (stamp) {
    console.log(
      `\nLast H5 build (${stamp.at}): ${s1(stamp.ms)} s ${stamp.cache ? "with webpack's persistent cache on (npm start, bench)" : 'without a cache (tests)'}; ` +
        `goal from scratch ≤ ${START_GOALS.h5BuildScratchS} s (110–155 s before issue 14, when every page's chunk carried and minified its own copy of zod).`,
    );
  }
}

/**
 * The first screen (the home page, nothing cached) in Chromium as a phone: every script, stylesheet and the document
 * it fetched until the network went quiet, with the bytes sent (Content-Encoding applied) and the bytes decoded.
 */
export async function firstScreen(web: string): Promise<{ files: Transfer[]; ms: number }> {
  const browser = await launch();
  try {
    const page = await phonePage(browser);
    const seen: Promise<Transfer | undefined>[] = [];
    page.on('requestfinished', (req) => {
      const type = req.resourceType();
      if (!['document', 'script', 'stylesheet'].includes(type)) return;
      seen.push(
        (async () => {
          const res = await req.response();
          if (!res) return undefined;
          const [sizes, body, headers] = await Promise.all([req.sizes(), res.body(), res.allHeaders()]);
          return {
            url: new URL(req.url()).pathname,
            type,
            encoded: sizes.responseBodySize,
            decoded: body.length,
            encoding: headers['content-encoding'] ?? 'identity',
          };
        })(),
      );
    });
    const t0 = Date.now();
    await page.goto(`${web}/`, { waitUntil: 'networkidle' });
    await page.locator('.taro_page').first().waitFor();
    const ms = Date.now() - t0;
    const files = (await Promise.all(seen)).filter((f): f is Transfer => !!f);
    return { files, ms };
  } finally {
    await browser.close();
  }
}

const kib = (n: number) => (n / 1024).toFixed(1);

/** The first screen as a table, with totals for JS and CSS against the goals. */
export async function firstScreenTable(web: string): Promise<void> {
  const { files, ms } = await firstScreen(web);
  console.log(`\n## First screen (${web}/ in Chromium, no cache): scripts, stylesheets and the document\n`);
  console.log('| file | type | encoding | sent KiB | decoded KiB |');
  console.log('|---|---|---|---:|---:|');
  for (const f of files) console.log(`| ${f.url} | ${f.type} | ${f.encoding} | ${kib(f.encoded)} | ${kib(f.decoded)} |`);
  const sum = (pick: (f: Transfer) => boolean, k: 'encoded' | 'decoded') => files.filter(pick).reduce((s, f) => s + f[k], 0);
  const js = (f: Transfer) => f.type === 'script';
  const jsCss = (f: Transfer) => f.type === 'script' || f.type === 'stylesheet';
  console.log(
    `\nJS + CSS: ${files.filter(jsCss).length} files, ${kib(sum(jsCss, 'encoded'))} KiB sent (goal ≤ ${FIRST_SCREEN_GOALS.jsCssEncodedKiB}), ` +
      `${kib(sum(jsCss, 'decoded'))} KiB decoded; JS alone ${kib(sum(js, 'decoded'))} KiB decoded (goal ≤ ${FIRST_SCREEN_GOALS.jsDecodedKiB}); ` +
      `loaded and quiet in ${ms} ms (local, no throttling).`,
  );
}
