import { isMemberNumber, memberNumber, REDEEM_ALPHABET, RedeemCodeParam, redeemCode } from './codes';

describe('memberNumber', () => {
  it('pads the sequence and appends a Luhn check digit', () => {
    expect(memberNumber(1)).toBe('YX0000000018');
    // 123456789: doubled from the right 9→9, 7→5, 5→1, 3→6, 1→2; sum 43 → check digit 7.
    expect(memberNumber(123456789)).toBe('YX1234567897');
  });
  it('rejects sequences out of range', () => {
    expect(() => memberNumber(0)).toThrow(RangeError);
    expect(() => memberNumber(1e9)).toThrow(RangeError);
    expect(() => memberNumber(1.5)).toThrow(RangeError);
  });
  it('isMemberNumber catches a changed digit and swapped neighbours', () => {
    expect(isMemberNumber(memberNumber(4321))).toBe(true);
    expect(isMemberNumber('YX0000000017')).toBe(false);
    const n = memberNumber(4321); // 'YX000004321' + check digit
    expect(isMemberNumber(n.replace('4321', '3421'))).toBe(false);
    expect(isMemberNumber('yx0000000018')).toBe(false);
    expect(isMemberNumber('YX000000018')).toBe(false);
  });
});

describe('redeemCode', () => {
  it('maps bytes onto the unambiguous alphabet, grouped 4-4-2', () => {
    expect(redeemCode(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 31]))).toBe('ABCD-EFGH-J9');
    expect(redeemCode(new Uint8Array([32, 33, 255, 255, 255, 255, 255, 255, 255, 255, 99]))).toBe('AB99-9999-99');
  });
  it('never uses 0, O, 1 or I', () => {
    expect(REDEEM_ALPHABET).toHaveLength(32);
    expect(REDEEM_ALPHABET).not.toMatch(/[0O1I]/);
    const all = redeemCode(new Uint8Array(Array.from({ length: 10 }, (_, i) => i * 29)));
    expect(all).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{2}$/);
  });
  it('needs 10 random bytes', () => {
    expect(() => redeemCode(new Uint8Array(9))).toThrow(RangeError);
  });
});

describe('RedeemCodeParam', () => {
  it('normalizes case, dashes and spaces to the grouped form', () => {
    expect(RedeemCodeParam.parse('abcdefghjk')).toBe('ABCD-EFGH-JK');
    expect(RedeemCodeParam.parse(' abcd-efgh-jk ')).toBe('ABCD-EFGH-JK');
    expect(RedeemCodeParam.parse('AB CD EF GH JK')).toBe('ABCD-EFGH-JK');
  });
  it('rejects wrong length or ambiguous characters in Chinese', () => {
    for (const bad of ['ABCD-EFGH-J', 'ABCD-EFGH-J0', 'OBCD-EFGH-JK', 'ABCDEFGHJKL']) {
      const r = RedeemCodeParam.safeParse(bad);
      expect(r.success ? '' : r.error.issues[0].message).toBe('兑换码应为 10 位字母和数字，请核对后再输入');
    }
  });
});
