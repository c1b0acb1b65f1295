import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { env } from './env';

/**
 * Personal data at rest (ID numbers, phones, names, addresses, form answers, free text): envelope encryption.
 *
 * - A data key (AES-256) encrypts the fields in the function with AES-256-GCM; a fresh 96-bit IV per value.
 * - The data keys are stored only wrapped by the stage's KMS key (`PII_DATA_KEYS`, a SecureString parameter read at
 *   cold start: a JSON list `[{"id":"k1","wrapped":"<base64 KMS ciphertext>"}]`, newest last). One KMS Decrypt per key
 *   per cold start; after that sealing and opening are synchronous, so the entity modules do it in `toItem`/`fromItem`.
 * - Each value is bound to its row and field (GCM's additional data: `USER#u1/PROFILE/idNumber`, the row's keys and the field): a sealed value copied into
 *   another row or field does not open.
 * - Rotation: add a key to the list (`npm run keys -- --stage <stage> --rotate`); new values are sealed with the newest,
 *   older values still open with the key they name.
 *
 * Stored form: `pii1.<keyId>.<iv base64url>.<ciphertext+tag base64url>` (`pii1j.` for a JSON value). Why not the AWS Encryption SDK:
 * docs/DECISIONS.md (its message header and per-message KMS call per field).
 */
const TAG_BYTES = 16;

interface DataKey {
  id: string;
  key: Buffer;
}
let keys: DataKey[] | undefined;
let loading: Promise<void> | undefined;

/** Unwraps a data key. In the cloud: KMS Decrypt (the key it was wrapped with is named inside the blob). */
export type Unwrap = (wrapped: Buffer) => Promise<Buffer>;

async function kmsUnwrap(wrapped: Buffer): Promise<Buffer> {
  const { KMSClient, DecryptCommand } = await import('@aws-sdk/client-kms');
  const r = await new KMSClient({}).send(new DecryptCommand({ CiphertextBlob: wrapped }));
  if (!r.Plaintext || r.Plaintext.length !== 32) throw new Error('KMS gave no 256-bit data key');
  return Buffer.from(r.Plaintext);
}

/** The local stage's one data key, derived from a development value that is public in this repository. */
const localKey = (): DataKey => ({ id: 'local', key: Buffer.from(hkdfSync('sha256', 'local-only-pii-data-key', 'yx', 'pii', 32)) });

const KeyList = (raw: string): { id: string; wrapped: string }[] => {
  const list: unknown = JSON.parse(raw);
  if (!Array.isArray(list) || list.length === 0) throw new Error('PII_DATA_KEYS must be a non-empty JSON list');
  return list.map((k: { id?: unknown; wrapped?: unknown }) => {
    if (typeof k.id !== 'string' || !/^[A-Za-z0-9-]{1,16}$/.test(k.id) || typeof k.wrapped !== 'string')
      throw new Error('PII_DATA_KEYS: each key needs an id and a wrapped value');
    return { id: k.id, wrapped: k.wrapped };
  });
};

/**
 * Makes the data keys ready (once per process; later calls wait for the same promise). A failure is thrown again to
 * the next caller rather than cached.
 */
export function loadDataKeys(unwrap: Unwrap = kmsUnwrap): Promise<void> {
  if (keys) return Promise.resolve();
  loading ??= (async () => {
    const raw = process.env.PII_DATA_KEYS;
    if (!raw) {
      // a function that reads no one's rows (the catalogue, health) has no keys; sealing there is a bug and throws
      if (env.isLocal) keys = [localKey()];
      return;
    }
    const list = KeyList(raw);
    keys = await Promise.all(list.map(async (k) => ({ id: k.id, key: await unwrap(Buffer.from(k.wrapped, 'base64')) })));
  })().catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

/** For tests: the keys in use (plain), newest last; `undefined` forgets them. */
export function useDataKeys(list: DataKey[] | undefined) {
  keys = list;
  loading = undefined;
}

function ready(): DataKey[] {
  // the local stage's key needs no unwrapping: scripts and tests on the local stack seal without a cold start
  if (!keys && env.isLocal && !process.env.PII_DATA_KEYS) keys = [localKey()];
  if (!keys) throw new Error('personal-data keys not loaded: call loadDataKeys() at cold start');
  return keys;
}

/** `pii1` a sealed string, `pii1j` a sealed JSON value. */
type Kind = 'pii1' | 'pii1j';
const kindOf = (v: unknown): Kind | undefined => (typeof v === 'string' ? (/^(pii1j?)\./.exec(v)?.[1] as Kind | undefined) : undefined);
export const isSealed = (v: unknown): v is string => kindOf(v) !== undefined;

function sealAs(kind: Kind, plain: string, context: string): string {
  const list = ready();
  const k = list[list.length - 1];
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', k.key, iv);
  c.setAAD(Buffer.from(`${kind}|${context}`)); // the kind is bound too: a JSON value never reads back as a string
  const body = Buffer.concat([c.update(plain, 'utf8'), c.final(), c.getAuthTag()]);
  return `${kind}.${k.id}.${iv.toString('base64url')}.${body.toString('base64url')}`;
}

function openAs(stored: string, context: string): { kind: Kind; plain: string } {
  const [kind, keyId, iv, body] = stored.split('.') as [Kind, string, string, string];
  const k = ready().find((d) => d.id === keyId);
  if (!k || !iv || !body) throw new Error(`sealed value under unknown key ${keyId}`);
  const bytes = Buffer.from(body, 'base64url');
  const d = createDecipheriv('aes-256-gcm', k.key, Buffer.from(iv, 'base64url'));
  d.setAAD(Buffer.from(`${kind}|${context}`));
  d.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  return { kind, plain: Buffer.concat([d.update(bytes.subarray(0, bytes.length - TAG_BYTES)), d.final()]).toString('utf8') };
}

/** Seals a string for one row's field (`context`, e.g. `USER#u1/PROFILE/idNumber`). */
export const seal = (plain: string, context: string) => sealAs('pii1', plain, context);
/** Seals any JSON value (form answers, a place) as one string. */
export const sealJson = (value: unknown, context: string) => sealAs('pii1j', JSON.stringify(value), context);

/**
 * Opens what `seal` or `sealJson` stored for that row's field. A value stored before sealing began (plain) is given back
 * as it is, so old rows still read; anything that looks sealed but does not open (other key, other row, tampered) throws.
 */
export function open(stored: unknown, context: string): unknown {
  if (!isSealed(stored)) return stored;
  const { kind, plain } = openAs(stored, context);
  return kind === 'pii1j' ? JSON.parse(plain) : plain;
}

/** The context a row's field is sealed under: its keys and the field's name. */
export const fieldContext = (key: { pk: string; sk: string }, field: string) => `${key.pk}/${key.sk}/${field}`;

/** Seals the named fields of a record that are present (strings as they are, anything else as JSON); the rest is unchanged. */
export function sealFields<T extends object>(record: T, fields: readonly string[], key: { pk: string; sk: string }): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  for (const f of fields) {
    const v = out[f];
    if (typeof v === 'string') out[f] = seal(v, fieldContext(key, f));
    else if (v !== undefined && v !== null) out[f] = sealJson(v, fieldContext(key, f));
  }
  return out;
}

/** Opens the named fields of a stored row, by the row's own keys (before it is parsed). Plain (older) values pass unchanged. */
export function openFields(item: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const key = { pk: String(item.pk), sk: String(item.sk) };
  const out: Record<string, unknown> = { ...item };
  for (const f of fields) out[f] = open(out[f], fieldContext(key, f));
  return out;
}
