import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { FAILSAFE_SCHEMA, load as loadYaml } from 'js-yaml';
import { ROOT } from '../stack';
import { median } from './stats';

/** Our own code's budget per function: its cold `require` beyond the SDK clients it loads. */
const OUR_BUDGET_MS = 30;
/** The functions that draw PDFs and load pdf-lib and the fonts when they start (Lambda's init): not on the 30 ms line. */
const OWN_BUDGET = new Set(['documentsIssue', 'documentsNotices', 'creditPoster']);

/** ms to `require` the file in a fresh node (module loading and evaluation only, not node's own start). */
function requireTime(file: string): number {
  const r = spawnSync(
    process.execPath,
    ['-e', `const t=process.hrtime.bigint();require(${JSON.stringify(file)});console.log(Number(process.hrtime.bigint()-t)/1e6)`],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    },
  );
  const ms = Number(r.stdout.trim());
  if (r.status !== 0 || Number.isNaN(ms)) throw new Error(`require ${file} failed: ${r.stderr}`);
  return ms;
}

/**
 * Per function: the minified bundle (the deployment's exclusions), and its cold `require` beside that of the SDK
 * clients it imports alone (a stub requiring just the external packages esbuild's metafile lists), run alternately
 * in fresh node processes, `runs` times each, medians. The difference is what our code costs a cold start.
 */
export async function functionsTable(out: string, runs: number): Promise<void> {
  const fns = loadYaml(fs.readFileSync(path.join(ROOT, 'sls/functions.yml'), 'utf8'), { schema: FAILSAFE_SCHEMA }) as Record<string, { handler: string }>;
  fs.mkdirSync(out, { recursive: true });
  // the same packages left out of the bundle as the deployment (serverless.yml custom.esbuild.exclude: the SDK clients the runtime ships)
  const exclude = JSON.parse(/exclude: (\[.*\])/.exec(fs.readFileSync(path.join(ROOT, 'serverless.yml'), 'utf8'))![1].replace(/'/g, '"')) as string[];
  console.log(`\n## Functions (esbuild, minified, external: ${exclude.join(', ')}): cold require, median of ${runs} alternate runs\n`);
  console.log(`| function | bundle KiB | SDK packages it requires | bundle ms | SDK alone ms | our code ms | ≤ ${OUR_BUDGET_MS} ms |`);
  console.log('|---|---:|---|---:|---:|---:|---|');
  for (const [name, def] of Object.entries(fns)) {
    const entry = path.join(ROOT, `${def.handler.replace(/\.[^.]+$/, '')}.ts`);
    const bundle = path.join(out, `${name}.js`);
    const r = await build({
      entryPoints: [entry],
      outfile: bundle,
      bundle: true,
      minify: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: exclude,
      metafile: true,
      logLevel: 'silent',
    });
    const imports = Object.values(r.metafile.outputs)[0]?.imports ?? [];
    const sdk = [...new Set(imports.filter((i) => i.external && !isBuiltin(i.path)).map((i) => i.path))].sort();
    const stub = path.join(out, `${name}.sdk.js`);
    fs.writeFileSync(stub, sdk.map((p) => `require(${JSON.stringify(p)});\n`).join(''));
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < runs; i++) {
      ours.push(requireTime(bundle));
      theirs.push(requireTime(stub));
    }
    const kib = fs.statSync(bundle).size / 1024;
    const share = median(ours) - median(theirs);
    // the PDF functions load pdf-lib and the fonts: documentsIssue's own budget line follows the table (docs/CERTIFICATES.md)
    const own = OWN_BUDGET.has(name);
    const flag = own
      ? name === 'documentsIssue'
        ? 'own budget (below)'
        : 'PDF libraries loaded at start'
      : share > OUR_BUDGET_MS
        ? `**over by ${(share - OUR_BUDGET_MS).toFixed(0)} ms**`
        : 'ok';
    console.log(
      `| ${name} | ${kib.toFixed(1)} | ${sdk.map((p) => p.replace('@aws-sdk/', '')).join(', ') || 'none'} | ${median(ours).toFixed(1)} | ${median(theirs).toFixed(1)} | ${share.toFixed(1)} | ${flag} |`,
    );
  }
}
