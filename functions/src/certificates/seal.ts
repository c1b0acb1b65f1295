/**
 * 电子印章 on a PDF (issue 15; docs/CERTIFICATES.md): the ByteRange way. The PDF is written with a signature
 * dictionary holding a ByteRange placeholder and an empty /Contents hex string; sealing fills in the real ranges (same
 * length), takes SM3 over every byte but /Contents and writes the department's SM2 signature (DER, GB/T 32918 with the
 * default user ID) into it. Verifying reads the last signature dictionary, insists that its ranges start at 0, end at
 * the end of the file and leave out exactly the /Contents string, and checks the signature with the key named in the
 * signed part (so neither the key id nor the serial can be changed either).
 */
import { createHash } from 'node:crypto';
import { sm2 } from 'sm-crypto-v2';

/** What a PDF is written with before sealing: ranges to be filled in, room for a DER SM2 signature (≤ 72 bytes). */
/** As pdf-lib writes an array of four numbers (docs/CERTIFICATES.md). */
export const BYTE_RANGE_PLACEHOLDER = '/ByteRange [ 0 9999999999 9999999999 9999999999 ]';
export const CONTENTS_HEX_LENGTH = 256; // 128 bytes of room, zero-padded

export type SealCheck = { ok: true; keyId: string; serial: string } | { ok: false; reason: 'unsigned' | 'altered' | 'bad-signature' | 'unknown-key' };

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

/** The signed bytes' SM3 (the two ranges around /Contents, in order). */
function digest(pdf: Buffer, [a, b, c, d]: number[]): Buffer {
  return createHash('sm3')
    .update(pdf.subarray(a, a + b))
    .update(pdf.subarray(c, c + d))
    .digest();
}

/** The signature dictionary's fields that the seal itself covers (read back by the verifier). */
function signedName(dict: string, key: string): string | undefined {
  return new RegExp(`/YX\\.${key} \\(([^)]*)\\)`).exec(dict)?.[1];
}

/** The key id and serial in the signature dictionary around `at` (to the end of its object: it nests /Prop_Build). */
function namesAround(text: string, at: number, from: number): { keyId: string; serial: string } | undefined {
  const objectEnd = text.indexOf('endobj', from);
  const dict = text.slice(text.lastIndexOf(' obj', at), objectEnd < 0 ? from + 2048 : objectEnd);
  const keyId = signedName(dict, 'KeyId');
  const serial = signedName(dict, 'Serial');
  return keyId && serial ? { keyId, serial } : undefined;
}

/** What a sealed PDF says it is (unchecked: `checkSeal` proves it): which key sealed it and the serial. */
export function sealedFieldsOf(pdf: Buffer): { keyId: string; serial: string } | undefined {
  const text = latin1(pdf);
  const at = text.lastIndexOf('/ByteRange');
  return at < 0 ? undefined : namesAround(text, at, at);
}

/** Seals a PDF written with BYTE_RANGE_PLACEHOLDER and an empty /Contents of CONTENTS_HEX_LENGTH zeros. */
export function sealPdf(pdf: Buffer, privateKeyHex: string, publicKeyHex: string): Buffer {
  const text = latin1(pdf);
  const at = text.lastIndexOf(BYTE_RANGE_PLACEHOLDER);
  if (at < 0) throw new Error('no ByteRange placeholder');
  const open = text.indexOf('/Contents <', at);
  if (open < 0) throw new Error('no /Contents after the ByteRange');
  const start = open + '/Contents '.length; // the '<'
  const end = start + CONTENTS_HEX_LENGTH + 2; // after the '>'
  if (text.slice(start + 1, end - 1) !== '0'.repeat(CONTENTS_HEX_LENGTH) || text[end - 1] !== '>') throw new Error('/Contents is not an empty placeholder');
  const ranges = [0, start, end, pdf.length - end];
  const filled = `/ByteRange [ ${ranges.join(' ')} ]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
  const out = Buffer.from(pdf);
  out.write(filled, at, 'latin1');
  const signature = sm2.doSignature(digest(out, ranges), privateKeyHex, { der: true, hash: true, publicKey: publicKeyHex });
  if (signature.length > CONTENTS_HEX_LENGTH) throw new Error('signature longer than its room');
  out.write(signature.padEnd(CONTENTS_HEX_LENGTH, '0'), start + 1, 'latin1');
  return out;
}

/**
 * Checks a sealed PDF. `keyFor` gives the public key of a key id (a department's current or earlier key), or nothing
 * for a key this district never had.
 */
export function checkSeal(pdf: Buffer, keyFor: (keyId: string) => string | undefined): SealCheck {
  const text = latin1(pdf);
  const at = text.lastIndexOf('/ByteRange');
  if (at < 0) return { ok: false, reason: 'unsigned' };
  const m = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text.slice(at, at + BYTE_RANGE_PLACEHOLDER.length + 8));
  if (!m) return { ok: false, reason: 'altered' };
  const ranges = m.slice(1).map(Number);
  const [a, b, c, d] = ranges;
  // the ranges cover the whole file but one hex string: nothing appended, nothing else left out
  if (a !== 0 || c + d !== pdf.length || c <= b || text[b] !== '<' || text[c - 1] !== '>') return { ok: false, reason: 'altered' };
  const hex = text.slice(b + 1, c - 1);
  if (!/^[0-9a-f]+$/i.test(hex)) return { ok: false, reason: 'altered' };
  const named = namesAround(text, at, c);
  if (!named) return { ok: false, reason: 'altered' };
  const { keyId, serial } = named;
  const publicKey = keyFor(keyId);
  if (!publicKey) return { ok: false, reason: 'unknown-key' };
  // DER: SEQUENCE, one length byte (an SM2 signature is at most 72 bytes), then that many bytes; zeros pad the rest
  const signature = hex.slice(0, (2 + parseInt(hex.slice(2, 4), 16)) * 2);
  let valid = false;
  try {
    valid = sm2.doVerifySignature(digest(pdf, ranges), signature, publicKey, { der: true, hash: true });
  } catch {
    valid = false; // not a DER signature at all
  }
  return valid ? { ok: true, keyId, serial } : { ok: false, reason: 'bad-signature' };
}
