/**
 * Each department's sealing key (SM2). The private half never leaves the issuing function: on a deployed stage it is
 * an SSM SecureString read at cold start (`SEAL_KEYS`, JSON `{ "<departmentId>": { "keyId", "privateKey" } }`, made
 * by `npm run keys -- --seal <dept>`); on the local stage a git-ignored file per department, made on first use. The
 * public half is a row (SEALKEY#<keyId>) that verification reads; rotating means a new key id, and the old rows stay
 * so documents sealed before still verify.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';
import { env } from '../lib/env';

export interface SigningKey {
  keyId: string;
  departmentId: string;
  privateKey: string;
  publicKey: string;
}

const KEY_ID = /^[a-z][a-z0-9-]{1,40}-\d{8}-[0-9a-f]{4}$/;

/** A new key pair for a department: key id `<dept>-<yyyymmdd>-<4 hex>`. */
export function newSigningKey(departmentId: string, at = new Date()): SigningKey {
  const { privateKey, publicKey } = sm2.generateKeyPairHex();
  const keyId = `${departmentId}-${at.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(2).toString('hex')}`;
  return { keyId, departmentId, privateKey, publicKey };
}

/** The public key of a private one (uncompressed, 04‖x‖y). */
export const publicKeyOf = (privateKey: string) => sm2.getPublicKeyFromPrivateKey(privateKey);

function parseKey(departmentId: string, v: unknown): SigningKey {
  const k = v as { keyId?: unknown; privateKey?: unknown };
  if (typeof k?.keyId !== 'string' || !KEY_ID.test(k.keyId) || typeof k.privateKey !== 'string' || !/^[0-9a-f]{64}$/.test(k.privateKey)) {
    throw new Error(`sealing key of ${departmentId} is malformed`);
  }
  return { keyId: k.keyId, departmentId, privateKey: k.privateKey, publicKey: publicKeyOf(k.privateKey) };
}

/** The local stage's key of a department: read, or made once (two workers racing both end with the file's key). */
function localKey(departmentId: string): SigningKey {
  const dir = env.localKeysDir;
  const file = path.join(dir, `seal-${departmentId}.json`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    const k = newSigningKey(departmentId);
    try {
      fs.writeFileSync(file, JSON.stringify({ keyId: k.keyId, privateKey: k.privateKey }), { flag: 'wx', mode: 0o600 });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  return parseKey(departmentId, JSON.parse(fs.readFileSync(file, 'utf8')));
}

const cache = new Map<string, SigningKey>();

/** The key a department seals with now; a department without one cannot issue (a deployment error, loudly). */
export function signingKey(departmentId: string): SigningKey {
  let k = cache.get(departmentId);
  if (!k) {
    if (env.isLocal && !process.env.SEAL_KEYS) k = localKey(departmentId);
    else {
      const all = JSON.parse(process.env.SEAL_KEYS ?? '{}') as Record<string, unknown>;
      if (!all[departmentId]) throw new Error(`no sealing key for ${departmentId}`);
      k = parseKey(departmentId, all[departmentId]);
    }
    cache.set(departmentId, k);
  }
  return k;
}

export const forgetSigningKeys = () => cache.clear();
