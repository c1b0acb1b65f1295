/**
 * Identity numbers used in Chinese government services, validated by their check digits.
 * Pure functions: the mini-program validates as a person types, the functions validate again.
 */

/** Characters of a resident ID, of a unified social credit code, of a mainland mobile number. */
export const RESIDENT_ID_LENGTH = 18;
export const CREDIT_CODE_LENGTH = 18;
export const MOBILE_LENGTH = 11;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Check digit of an 18-digit resident ID (居民身份证号码, GB 11643-1999, ISO 7064 MOD 11-2). */
export function residentIdCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11];
}

export type ResidentIdProblem = 'format' | 'date' | 'check';

/** Why a resident ID is wrong, or null when it is valid. */
export function residentIdProblem(raw: string): ResidentIdProblem | null {
  const id = raw.trim().toUpperCase();
  if (id.length !== RESIDENT_ID_LENGTH || !/^[1-9]\d{16}[\dX]$/.test(id)) return 'format';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'date';
  if (date.getTime() > Date.now()) return 'date';
  if (residentIdCheckDigit(id) !== id[17]) return 'check';
  return null;
}

export const isResidentId = (raw: string) => residentIdProblem(raw) === null;

// 统一社会信用代码 (GB 32100-2015): 31 characters, no I, O, Z, S, V.
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Check character of a unified social credit code (GB 32100-2015, MOD 31). */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

export type CreditCodeProblem = 'format' | 'check';

export function creditCodeProblem(raw: string): CreditCodeProblem | null {
  const code = raw.trim().toUpperCase();
  // 1st: registering authority, 2nd: kind of entity, 3–8: region, 9–17: organisation code, 18: check.
  if (code.length !== CREDIT_CODE_LENGTH || !/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return 'format';
  if (creditCodeCheckChar(code) !== code[17]) return 'check';
  return null;
}

export const isCreditCode = (raw: string) => creditCodeProblem(raw) === null;

/** Mainland mobile number: 11 digits starting with 1[3-9]. */
export const isMobile = (raw: string) => raw.trim().length === MOBILE_LENGTH && /^1[3-9]\d{9}$/.test(raw.trim());
