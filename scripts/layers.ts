/**
 * Builds the Lambda layer the issuing function (documents-issue) reads at run time, into .cache/layers/fonts:
 *   fonts/NotoSerifSC_400Regular.ttf, fonts/NotoSerifSC_700Bold.ttf   → /opt/fonts (FONTS_DIR)
 *   nodejs/node_modules/subset-font and what it needs                  → /opt/nodejs/node_modules
 * The fonts are 14.8 MB each, so they stay out of every bundle; subset-font reads harfbuzz's wasm from its own folder,
 * so it cannot be bundled either (docs/CERTIFICATES.md). `npm run package` runs this first.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
export const FONTS_LAYER = path.join(ROOT, '.cache/layers/fonts');
const FONT_PACKAGE = path.join(ROOT, 'node_modules/@expo-google-fonts/noto-serif-sc');
const FONTS = ['400Regular/NotoSerifSC_400Regular.ttf', '700Bold/NotoSerifSC_700Bold.ttf'];

/** A package and its production dependencies, recursively, as installed at the top of node_modules. */
function closure(name: string, seen = new Set<string>()): Set<string> {
  if (seen.has(name)) return seen;
  seen.add(name);
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  for (const dep of Object.keys(pkg.dependencies ?? {})) closure(dep, seen);
  return seen;
}

export function buildFontsLayer(out = FONTS_LAYER): { files: number; bytes: number } {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.join(out, 'fonts'), { recursive: true });
  for (const f of FONTS) fs.copyFileSync(path.join(FONT_PACKAGE, f), path.join(out, 'fonts', path.basename(f)));
  fs.copyFileSync(path.join(FONT_PACKAGE, 'LICENSE_FONT'), path.join(out, 'fonts', 'LICENSE_FONT')); // OFL: the licence travels with the fonts
  for (const name of closure('subset-font')) fs.cpSync(path.join(ROOT, 'node_modules', name), path.join(out, 'nodejs/node_modules', name), { recursive: true });
  let files = 0;
  let bytes = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else {
        files++;
        bytes += fs.statSync(path.join(d, e.name)).size;
      }
    }
  };
  walk(out);
  return { files, bytes };
}

if (require.main === module) {
  const { files, bytes } = buildFontsLayer();
  console.log(`fonts layer: ${files} files, ${(bytes / 1024 / 1024).toFixed(1)} MB in ${path.relative(ROOT, FONTS_LAYER)}`);
}
