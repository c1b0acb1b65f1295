/**
 * Draws the tab bar icons (81×81 PNG, as WeChat wants: png/jpg, ≤ 40 KB) from inline SVG with
 * Chromium. Run once after changing a drawing: tsx scripts/make-icons.ts. The PNGs are committed.
 */
import path from 'node:path';
import { launch } from '../e2e/browser';

const ICONS: Record<string, string> = {
  home: '<path d="M12 38 L40 14 L68 38 V68 H48 V50 H32 V68 H12 Z" />',
  guide: '<rect x="16" y="10" width="48" height="60" rx="6"/><path d="M26 28 H54 M26 40 H54 M26 52 H44" />',
  message: '<path d="M12 18 H68 V56 H36 L22 68 V56 H12 Z"/><circle cx="28" cy="37" r="2.5"/><circle cx="40" cy="37" r="2.5"/><circle cx="52" cy="37" r="2.5"/>',
  me: '<circle cx="40" cy="28" r="14"/><path d="M14 70 C16 52 28 46 40 46 C52 46 64 52 66 70" />',
};
const COLORS = { normal: '#7a7f87', active: '#c8161d' };

(async () => {
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 81, height: 81 } });
  for (const [name, shape] of Object.entries(ICONS)) {
    for (const [state, color] of Object.entries(COLORS)) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 80 80" fill="none" stroke="${color}" stroke-width="5" stroke-linecap="round" stroke-linejoin="round">${shape}</svg>`;
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
      const file = path.resolve(__dirname, `../miniapp/src/assets/tab/${name}${state === 'active' ? '-active' : ''}.png`);
      await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: 81, height: 81 } });
      console.log('wrote', path.relative(process.cwd(), file));
    }
  }
  await browser.close();
})();
