/**
 * Checks the WeChat build in miniapp/dist/weapp the way WeChat would refuse it:
 *  1. every package (main and each subpackage) is under 2 MB, the whole app under 30 MB;
 *  2. the app boots in a Node vm context where code generation from strings is disabled and
 *     `Function` behaves like WeChat's (returns a no-op instead of compiling), every page loads
 *     and renders its first frame, and the shared zod schemas parse real input there.
 * Usage: tsx scripts/check-weapp.ts [distDir]   (exit 1 with reasons on failure)
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const MB = 1024 * 1024;
const dist = path.resolve(process.argv[2] ?? 'miniapp/dist/weapp');
export const problems: string[] = [];

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]));
}

export function packageSizes(root: string): Record<string, number> {
  const app = JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8')) as { subPackages?: { root: string }[] };
  const subRoots = (app.subPackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const sizes: Record<string, number> = { main: 0 };
  for (const r of subRoots) sizes[r] = 0;
  for (const f of walk(root)) {
    const rel = path.relative(root, f);
    if (rel.endsWith('.LICENSE.txt') || rel.endsWith('.map')) continue; // not uploaded
    const owner = subRoots.find((r) => rel.startsWith(`${r}/`)) ?? 'main';
    sizes[owner] += fs.statSync(f).size;
  }
  return sizes;
}

export function bootInVm(root: string): { pages: string[]; parsed: boolean } {
  const app = JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8')) as { pages: string[]; subPackages?: { root: string; pages: string[] }[] };
  const storage = new Map<string, unknown>();
  const noop = () => undefined;
  const wxApi: Record<string, unknown> = new Proxy(
    {
      getSystemInfoSync: () => ({
        windowWidth: 375,
        windowHeight: 812,
        pixelRatio: 2,
        platform: 'devtools',
        language: 'zh_CN',
        version: '8.0.50',
        SDKVersion: '3.5.0',
      }),
      getWindowInfo: () => ({ windowWidth: 375, windowHeight: 812, pixelRatio: 2 }),
      getAppBaseInfo: () => ({ SDKVersion: '3.5.0', language: 'zh_CN' }),
      getDeviceInfo: () => ({ platform: 'devtools' }),
      getStorageSync: (k: string) => storage.get(k) ?? '',
      setStorageSync: (k: string, v: unknown) => {
        storage.set(k, v);
      },
      removeStorageSync: (k: string) => {
        storage.delete(k);
      },
      getMenuButtonBoundingClientRect: () => ({ top: 4, height: 32, right: 365, width: 87 }),
      request: () => ({ abort: noop }),
      canIUse: () => true,
    } as Record<string, unknown>,
    {
      get: (t, k: string) => (k in t ? t[k] : k === 'webpackJsonp' ? undefined : noop),
      set: (t, k: string, v) => {
        t[k] = v;
        return true;
      },
    },
  );
  const registered: Record<string, Record<string, (...a: unknown[]) => unknown>> = {};
  let appOptions: Record<string, (...a: unknown[]) => unknown> | undefined;
  let currentFile = '';
  // WeChat's Function: compiling from strings silently yields a no-op (this is what breaks zod's JIT).
  const WxFunction = function () {
    return function () {
      return undefined;
    };
  } as unknown as FunctionConstructor;
  const sandbox: Record<string, unknown> = {
    wx: wxApi,
    console: { log: noop, info: noop, debug: noop, warn: noop, error: (...a: unknown[]) => console.error('  [weapp console.error]', ...a) },
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    Promise,
    Date,
    Math,
    JSON,
    App: (o: Record<string, (...a: unknown[]) => unknown>) => {
      appOptions = o;
    },
    Page: (o: Record<string, (...a: unknown[]) => unknown>) => {
      registered[currentFile] = o;
    },
    Component: (o: Record<string, (...a: unknown[]) => unknown>) => {
      registered[currentFile] = o;
    },
    Behavior: (o: unknown) => o,
    getApp: () => appOptions ?? {},
    getCurrentPages: () => [],
    requirePlugin: () => ({}),
  };
  const context = vm.createContext(sandbox, { codeGeneration: { strings: false, wasm: false } });
  vm.runInContext('this.globalThis = this; this.Function.prototype.constructor;', context);
  const realFunction = vm.runInContext('Function', context) as FunctionConstructor;
  (WxFunction as unknown as { prototype: unknown }).prototype = realFunction.prototype;
  sandbox.Function = WxFunction;

  const cache = new Map<string, { exports: unknown }>();
  const load = (file: string): unknown => {
    const abs = path.resolve(root, file.endsWith('.js') ? file : `${file}.js`);
    const hit = cache.get(abs);
    if (hit) return hit.exports;
    const mod = { exports: {} as unknown };
    cache.set(abs, mod);
    const code = fs.readFileSync(abs, 'utf8');
    const fn = vm.runInContext(`(function (require, module, exports) {${code}\n})`, context, { filename: abs }) as (r: unknown, m: unknown, e: unknown) => void;
    const prev = currentFile;
    currentFile = path.relative(root, abs).replace(/\.js$/, '');
    fn((p: string) => load(path.join(path.dirname(abs), p)), mod, mod.exports);
    currentFile = prev;
    return mod.exports;
  };

  load('app.js');
  appOptions?.onLaunch?.call(appOptions, { path: app.pages[0], query: {}, scene: 1001 });
  const pages = [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))];
  for (const p of pages) {
    load(`${p}.js`);
    const page = registered[p];
    if (!page) {
      problems.push(`page ${p} did not register itself`);
      continue;
    }
    const inst: Record<string, unknown> = {
      route: p,
      __wxWebviewId__: 1,
      data: {},
      setData(d: object, cb?: () => void) {
        Object.assign(this.data as object, d);
        cb?.();
      },
      selectComponent: noop,
    };
    Object.setPrototypeOf(inst, page);
    (page.onLoad as (q: object) => void)?.call(inst, { id: 'x' });
    (page.onShow as () => void)?.call(inst);
    (page.onReady as () => void)?.call(inst);
  }

  // Reach the bundled shared schemas through webpack's runtime and parse real input in the sandbox.
  let parsed = false;
  const jsonp = wxApi.webpackJsonp as unknown[] & { push: (x: unknown) => void };
  jsonp.push([
    [99999],
    {},
    (req: { m: Record<string, unknown>; (id: string): Record<string, unknown> }) => {
      for (const id of Object.keys(req.m)) {
        let ex: Record<string, unknown> | undefined;
        try {
          ex = req(id);
        } catch {
          continue;
        }
        // export names are mangled in production builds: find the schema by its shape instead
        const schema = Object.values(ex ?? {}).find((v) => {
          const shape = (v as { shape?: Record<string, unknown> } | undefined)?.shape;
          return shape && 'idNumber' in shape && 'name' in shape && typeof (v as { safeParse?: unknown }).safeParse === 'function';
        }) as { safeParse: (v: unknown) => { success: boolean } } | undefined;
        if (schema) {
          const ok = schema.safeParse({ name: '张晓明', idNumber: '440104199003070017' });
          const bad = schema.safeParse({ name: 'x', idNumber: '1' });
          parsed = ok.success === true && bad.success === false;
          if (!parsed) problems.push('zod parsing is wrong inside the WeChat-like sandbox (is jitless set?)');
          break;
        }
      }
    },
  ]);
  return { pages, parsed };
}

if (require.main === module) {
  if (!fs.existsSync(path.join(dist, 'app.json'))) {
    console.error(`No weapp build at ${dist}: run npm run build:weapp first.`);
    process.exit(1);
  }
  const sizes = packageSizes(dist);
  let total = 0;
  for (const [name, bytes] of Object.entries(sizes)) {
    total += bytes;
    console.log(`package ${name.padEnd(20)} ${(bytes / 1024).toFixed(1).padStart(8)} KiB`);
    if (bytes >= 2 * MB) problems.push(`package ${name} is ${(bytes / MB).toFixed(2)} MB (limit 2 MB)`);
  }
  console.log(`total ${(total / 1024).toFixed(1)} KiB`);
  if (total >= 30 * MB) problems.push('the whole app exceeds 30 MB');
  try {
    const { pages, parsed } = bootInVm(dist);
    console.log(`booted app and ${pages.length} pages with string code generation disabled; zod parse in sandbox: ${parsed ? 'ok' : 'NOT REACHED'}`);
    if (!parsed) problems.push('could not reach the shared schemas in the bundle to parse in the sandbox');
  } catch (e) {
    problems.push(`boot failed: ${(e as Error).stack?.split('\n').slice(0, 6).join('\n')}`);
  }
  if (problems.length) {
    console.error(`weapp check FAILED:\n- ${problems.join('\n- ')}`);
    process.exit(1);
  }
  console.log('weapp check passed');
}
