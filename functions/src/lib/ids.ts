import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { env } from './env';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789';

/** A random id with a readable prefix, e.g. f_9Gx2…; unguessable (about 130 bits). */
export function randomId(prefix: string, length = 22): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return `${prefix}_${out}`;
}

/** 6-digit query code (查询码) printed on the receipt; only its hash is stored. */
export const newQueryCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

export const hashSecret = (value: string) => createHmac('sha256', env.piiHashSecret).update(value).digest('hex').slice(0, 32);
