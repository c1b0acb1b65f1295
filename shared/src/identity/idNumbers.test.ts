import { creditCodeCheckChar, creditCodeProblem, isMobile, residentIdCheckDigit, residentIdProblem } from './idNumbers';
import { maskCreditCode, maskName, maskPhone, maskResidentId } from './mask';

describe('resident ID (GB 11643)', () => {
  it('accepts the standard example with an X check digit', () => {
    expect(residentIdProblem('11010519491231002X')).toBeNull();
    expect(residentIdProblem('11010519491231002x')).toBeNull();
  });
  it('computes the check digit', () => {
    expect(residentIdCheckDigit('44010419900307001')).toBe('7');
    expect(residentIdCheckDigit('11010519491231002')).toBe('X');
    expect(residentIdCheckDigit('44052419800101001')).toBe('3');
  });
  it('rejects a wrong check digit', () => {
    expect(residentIdProblem('110105194912310021')).toBe('check');
  });
  it('rejects impossible birth dates', () => {
    expect(residentIdProblem('110105194902300021')).toBe('date');
    expect(residentIdProblem('110105299901010021')).toBe('date');
  });
  it('rejects wrong shapes', () => {
    for (const bad of ['', '11010519491231002', '1101051949123100211', '01010519491231002X', '1101051949123100X2']) {
      expect(residentIdProblem(bad)).toBe('format');
    }
  });
});

describe('unified social credit code (GB 32100)', () => {
  it('accepts real published codes', () => {
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
    expect(creditCodeProblem('91440300708461136T')).toBeNull(); // Huawei
  });
  it('computes a check character that maps 31 to 0', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });
  it('rejects a wrong check character and forbidden letters', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toBe('check');
    expect(creditCodeProblem('91350100M000100I43')).toBe('format');
    expect(creditCodeProblem('9135010')).toBe('format');
  });
});

describe('phone', () => {
  it('knows mainland mobiles', () => {
    expect(isMobile('13800138000')).toBe(true);
    expect(isMobile('12800138000')).toBe(false);
    expect(isMobile('1380013800')).toBe(false);
  });
});

describe('masking', () => {
  it('hides the middle of personal data', () => {
    expect(maskResidentId('11010519491231002X')).toBe('110***********002X');
    expect(maskPhone('13800138000')).toBe('138****8000');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳明月')).toBe('欧**月');
    expect(maskCreditCode('91350100M000100Y43')).toBe('91350100********43');
    expect(maskPhone(undefined)).toBeUndefined();
  });
});
