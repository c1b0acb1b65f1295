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
