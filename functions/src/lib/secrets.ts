import { loadDataKeys } from './pii';
import { log } from './log';

/**
 * Secrets outside the local stage are SSM SecureString parameters, read once per cold start (never plain Lambda
 * environment variables, which anyone who may read the function's configuration can see). A function names what it
 * needs in `SECRET_PARAMS`: `SESSION_SECRET=/yx/prod/session-secret,PII_DATA_KEYS=/yx/prod/pii-data-keys`. The values
 * are put where `lib/env` reads them (this process's environment), before any handler runs.
 */
export type FetchParams = (names: string[]) => Promise<Record<string, string>>;

async function ssmFetch(names: string[]): Promise<Record<string, string>> {
  const { SSMClient, GetParametersCommand } = await import('@aws-sdk/client-ssm');
  const client = new SSMClient({});
  const out: Record<string, string> = {};
  // GetParameters takes at most 10 names a call
  for (let i = 0; i < names.length; i += 10) {
    const r = await client.send(new GetParametersCommand({ Names: names.slice(i, i + 10), WithDecryption: true }));
    if (r.InvalidParameters?.length) throw new Error(`SSM parameters missing: ${r.InvalidParameters.join(', ')}`);
    for (const p of r.Parameters ?? []) if (p.Name && p.Value !== undefined) out[p.Name] = p.Value;
  }
  return out;
}

/** `NAME=/path,…` → [[NAME, /path], …] */
export function parseSecretParams(spec: string): [string, string][] {
  return spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((pair) => {
      const m = /^([A-Z][A-Z0-9_]*)=(\/[\w./-]+)$/.exec(pair);
      if (!m) throw new Error(`SECRET_PARAMS: cannot read "${pair}"`);
      return [m[1], m[2]];
    });
}

let loaded: Promise<void> | undefined;

/** Reads the function's secrets (if it names any) and then makes the personal-data keys ready. Once per process. */
export function coldStart(fetch: FetchParams = ssmFetch): Promise<void> {
  loaded ??= (async () => {
    const wanted = parseSecretParams(process.env.SECRET_PARAMS ?? '');
    if (wanted.length > 0) {
      const values = await fetch(wanted.map(([, path]) => path));
      for (const [name, path] of wanted) process.env[name] = values[path];
    }
    await loadDataKeys();
  })().catch((e: unknown) => {
    loaded = undefined; // the next request tries again
    log.error('cold start failed', { err: e instanceof Error ? e.message : String(e) });
    throw e;
  });
  return loaded;
}

/** For tests: forget the cold start. */
export const resetColdStart = () => {
  loaded = undefined;
};
