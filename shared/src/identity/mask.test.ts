import { maskFreeText } from './mask';

describe('maskFreeText', () => {
  it('masks ID numbers and mobiles typed into free text, and leaves the rest', () => {
    expect(maskFreeText('路灯坏了，请联系我 13800138000，身份证 44010419900307001X')).toBe('路灯坏了，请联系我 138****8000，身份证 440***********001X');
    expect(maskFreeText('电话 138-0013-8000 或 139 1234 5678')).toBe('电话 138****8000 或 139****5678');
    expect(maskFreeText('门牌 12 号，编号 SQ20261130000001，面积 120 平方米')).toBe('门牌 12 号，编号 SQ20261130000001，面积 120 平方米');
    expect(maskFreeText('工单 SQ2026113013800138 号')).toBe('工单 SQ2026113013800138 号'); // an 18-character order number holds no phone
  });
});
