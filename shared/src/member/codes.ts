// Member numbers (printed on the card, encoded in its QR) and benefit redeem codes (read out or typed
// by partner staff), so both are short, checkable and hard to misread.
import * as z from 'zod';
import { lazy } from '../api/lazy';

const MEMBER_RE = /^YX(\d{9})(\d)$/;
const MAX_SEQ = 999_999_999;

/** Luhn check digit for a digit string (the digit to append). */
function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = digits.length - 1, double = true; i >= 0; i -= 1, double = !double) {
    let d = Number(digits[i]);
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** 'YX' + the sequence as 9 digits + a Luhn check digit, e.g. memberNumber(1) = 'YX0000000018'. */
export function memberNumber(seq: number): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_SEQ) throw new RangeError(`Member sequence must be 1..${MAX_SEQ}, got ${seq}`);
  const body = String(seq).padStart(9, '0');
  return `YX${body}${luhnDigit(body)}`;
}

/** True for a well-formed member number whose check digit matches (catches typos and swapped digits). */
export function isMemberNumber(value: string): boolean {
  const m = typeof value === 'string' ? MEMBER_RE.exec(value) : null;
  return !!m && luhnDigit(m[1]) === Number(m[2]);
}

/** 32 symbols without 0/O/1/I; 256 is a multiple of 32, so byte % 32 is unbiased. */
export const REDEEM_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const REDEEM_LENGTH = 10;

const group = (raw: string) => `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;

/** A redeem code like 'ABCD-EFGH-JK' from ≥ 10 random bytes (use crypto.getRandomValues / randomBytes). */
export function redeemCode(randomBytes: Uint8Array): string {
  if (!(randomBytes instanceof Uint8Array) || randomBytes.length < REDEEM_LENGTH) throw new RangeError(`Need at least ${REDEEM_LENGTH} random bytes`);
  let raw = '';
  for (let i = 0; i < REDEEM_LENGTH; i += 1) raw += REDEEM_ALPHABET[randomBytes[i] % REDEEM_ALPHABET.length];
  return group(raw);
}

const RAW_RE = new RegExp(`^[${REDEEM_ALPHABET}]{${REDEEM_LENGTH}}$`);

/** What may be typed for a code (its 10 characters with dashes or spaces between). */
export const REDEEM_INPUT_MAX = 20;

/** A typed redeem code: dashes, spaces and case are forgiven; the result is the grouped form. */
export const RedeemCodeParam = lazy(() =>
  z
    .string({ message: '请输入兑换码' })
    .max(REDEEM_INPUT_MAX, { message: '兑换码应为 10 位字母和数字，请核对后再输入' })
    .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
    .pipe(z.string().regex(RAW_RE, { message: '兑换码应为 10 位字母和数字，请核对后再输入' }))
    .transform(group),
);
