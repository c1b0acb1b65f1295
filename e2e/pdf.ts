/**
 * Page 1 of a PDF as a PNG, drawn by pdf.js inside Chromium (pdftoppm is not on these machines; docs/CERTIFICATES.md).
 * The page gets pdf.js and the file from routes of a made-up origin, so nothing is served from disk or the network.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';

const PDFJS = path.resolve(__dirname, '../node_modules/pdfjs-dist/build');
const ORIGIN = 'http://pdf-render.test';

export interface RenderedPdf {
  png: Buffer;
  pages: number;
  /** the text of page 1, as pdf.js extracts it (the embedded font's Unicode map at work) */
  text: string;
}

export async function renderFirstPage(browser: Browser, pdf: Buffer, scale = 1.5): Promise<RenderedPdf> {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
  try {
    await page.route(`${ORIGIN}/**`, (r) => {
      const p = new URL(r.request().url()).pathname;
      if (p === '/') return r.fulfill({ contentType: 'text/html', body: '<!doctype html><canvas id="c"></canvas>' });
      if (p === '/doc.pdf') return r.fulfill({ contentType: 'application/pdf', body: pdf });
      const file = { '/pdf.mjs': 'pdf.min.mjs', '/pdf.worker.mjs': 'pdf.worker.min.mjs' }[p];
      return file ? r.fulfill({ contentType: 'text/javascript', body: fs.readFileSync(path.join(PDFJS, file)) }) : r.fulfill({ status: 404 });
    });
    await page.goto(`${ORIGIN}/`);
    // as a string: the test's compiler would turn this import() into a require() the page does not have
    const out = (await page.evaluate(`(async () => {
      const pdfjs = await import('/pdf.mjs');
      pdfjs.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
      const doc = await pdfjs.getDocument('/doc.pdf').promise;
      const first = await doc.getPage(1);
      const viewport = first.getViewport({ scale: ${Number(scale)} });
      const canvas = document.getElementById('c');
      canvas.width = viewport.width;
      canvas.height = viewport.height;
      await first.render({ canvasContext: canvas.getContext('2d'), viewport, canvas }).promise;
      const text = (await first.getTextContent()).items.map((i) => i.str || '').join('');
      return { dataUrl: canvas.toDataURL('image/png'), pages: doc.numPages, text };
    })()`)) as { dataUrl: string; pages: number; text: string };
    return { png: Buffer.from(out.dataUrl.split(',')[1], 'base64'), pages: out.pages, text: out.text };
  } finally {
    await page.close();
  }
}
