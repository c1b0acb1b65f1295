import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { precompress } from './static';

const ROOT = path.resolve(__dirname, '../..');
export const H5_DIST = path.join(ROOT, 'miniapp/dist/h5');
/** Written into the build folder after a build: what it was built from and how long it took (the web server hides it). */
const STAMP = path.join(H5_DIST, '.yx-build.json');
/** webpack's persistent cache for `npm start`'s builds (tests build without it) */
export const H5_CACHE_DIR = path.join(ROOT, '.cache/h5-webpack');

/** The H5 build served by the local stack: same-origin API, the local stage's development login. */
const BUILD_ENV = { TARO_APP_STAGE: 'local', TARO_APP_API_BASE: '', NODE_ENV: 'production' } as const;

/** What decides the H5 build's output besides node_modules (the lockfile stands for those). */
const INPUTS = [
  'miniapp/src',
  'shared/src',
  'miniapp/config',
  'miniapp/babel.config.js',
  'miniapp/package.json',
  'miniapp/tsconfig.json',
  'tsconfig.json',
  'package-lock.json',
];

/** A hash of every input's path and content (tests left out: the build never imports them) and the build's env. */
export function h5SourceHash(): string {
  const files: string[] = [];
  const walk = (rel: string) => {
    const abs = path.join(ROOT, rel);
    const stat = fs.statSync(abs, { throwIfNoEntry: false });
    if (!stat) return;
    if (!stat.isDirectory()) {
      if (!/\.test\.tsx?$/.test(rel)) files.push(rel);
      return;
    }
    for (const e of fs.readdirSync(abs)) walk(path.posix.join(rel, e));
  };
  for (const input of INPUTS) walk(input);
  const h = createHash('sha256').update(JSON.stringify(BUILD_ENV));
  for (const f of files.sort()) h.update(`\0${f}\0`).update(fs.readFileSync(path.join(ROOT, f)));
  return h.digest('hex');
}

interface Stamp {
  hash: string;
  ms: number;
  cache: boolean;
  at: string;
}

export function readStamp(): Stamp | undefined {
  try {
    return JSON.parse(fs.readFileSync(STAMP, 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
}

export interface H5Build {
  /** false: the last build was of the same sources, reused */
  built: boolean;
  ms: number;
  /** the build's output (Taro's progress and warnings) */
  logFile: string;
}

/**
 * Builds the H5 app into miniapp/dist/h5 (Taro's output in `logFile`, not on the terminal), then writes brotli and gzip
 * copies of its text files for the web server. `ifChanged`: skip it when the last build was of the same sources.
 * `cache`: webpack's persistent cache in .cache/h5-webpack (a rebuild after a small change takes seconds; tests leave
 * it off and always build from scratch).
 */
export async function buildH5(o: { ifChanged?: boolean; cache?: boolean; logFile: string; signal?: AbortSignal }): Promise<H5Build> {
  const t0 = Date.now();
  const hash = h5SourceHash();
  if (o.ifChanged && readStamp()?.hash === hash && fs.existsSync(path.join(H5_DIST, 'index.html'))) {
    return { built: false, ms: Date.now() - t0, logFile: o.logFile };
  }
  fs.mkdirSync(path.dirname(o.logFile), { recursive: true });
  const out = fs.openSync(o.logFile, 'w');
  const env: NodeJS.ProcessEnv = { ...process.env, ...BUILD_ENV };
  if (o.cache) env.YX_H5_CACHE_DIR = H5_CACHE_DIR;
  else delete env.YX_H5_CACHE_DIR;
  const code = await new Promise<number | null>((resolve, reject) => {
    // its own process group: stopping the stack mid-build ends webpack's workers too
    const p = spawn(path.join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', 'h5'], {
      cwd: path.join(ROOT, 'miniapp'),
      env,
      detached: true,
      stdio: ['ignore', out, out],
    });
    const kill = () => {
      try {
        process.kill(-p.pid!, 'SIGTERM');
      } catch {
        /* gone */
      }
    };
    o.signal?.addEventListener('abort', kill, { once: true });
    p.on('error', reject);
    p.on('exit', (c) => {
      o.signal?.removeEventListener('abort', kill);
      resolve(c);
    });
  }).finally(() => fs.closeSync(out));
  if (o.signal?.aborted) throw new Error('H5 build stopped');
  if (code !== 0 || !fs.existsSync(path.join(H5_DIST, 'index.html'))) {
    // webpack's own error lines first (a resolve error ends in pages of lookups), else the end of the output
    const lines = fs.readFileSync(o.logFile, 'utf8').split('\n');
    const errors = lines.filter((l) => /error|failed|not found|can't resolve/i.test(l)).slice(0, 20);
    throw new Error(`H5 build failed (whole output: ${path.relative(ROOT, o.logFile)}):\n${(errors.length ? errors : lines.slice(-40)).join('\n')}`);
  }
  await precompress(H5_DIST);
  const ms = Date.now() - t0;
  fs.writeFileSync(STAMP, JSON.stringify({ hash, ms, cache: Boolean(o.cache), at: new Date().toISOString() } satisfies Stamp));
  return { built: true, ms, logFile: o.logFile };
}
