/**
 * Masking of personal data (脱敏) for every response that is not the owner's own.
 */

/** 440104********123X: region kept, birth date and sequence hidden. */
export function maskResidentId(id: string | undefined | null): string | undefined {
  if (!id) return undefined;
  return id.length < 8 ? '****' : `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

/** 138****1234 */
export function maskPhone(phone: string | undefined | null): string | undefined {
  if (!phone) return undefined;
  return phone.length < 7 ? '****' : `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** 张*明, 李* — a family name stays so a person can still be addressed. */
export function maskName(name: string | undefined | null): string | undefined {
  if (!name) return undefined;
  const chars = Array.from(name);
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** 91440104MA5******X — the credit code is public in China, but the middle is hidden in lists. */
export function maskCreditCode(code: string | undefined | null): string | undefined {
  if (!code) return undefined;
  return `${code.slice(0, 8)}${'*'.repeat(Math.max(0, code.length - 10))}${code.slice(-2)}`;
}

const ID_IN_TEXT = /(?<![0-9A-Za-z])(\d{3})\d{11}(\d{3}[\dXx])(?![0-9A-Za-z])/g;
const MOBILE_IN_TEXT = /(?<!\d)(1[3-9]\d)[\s-]?\d{4}[\s-]?(\d{4})(?!\d)/g;

/**
 * Free text (an appeal's description, a note) as others see it: resident ID numbers and mobile numbers a person typed
 * into it are masked like the fields are (440***********0017, 138****8000). Only the writer and the officer handling
 * the case see it whole; it never goes into messages or public feeds whole.
 */
export function maskFreeText(text: string): string {
  return text
    .replace(ID_IN_TEXT, (_, head: string, tail: string) => `${head}***********${tail}`)
    .replace(MOBILE_IN_TEXT, (_, head: string, tail: string) => `${head}****${tail}`);
}
