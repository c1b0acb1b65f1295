import { SERVICE_ITEMS } from '../guide/catalogue';
import { formForItem, materialFieldKeys } from './forms';
import { checkDeferrals, CreditGrade, deferralQuota } from './tolerance';

const TEN = Array.from({ length: 10 }, (_, i) => `材料${i + 1}`);

describe('deferralQuota', () => {
  it.each([
    ['A', 10, 3],
    ['A', 3, 0], // 0.9 rounds down
    ['A', 4, 1],
    ['A', 7, 2], // 2.1
    ['A', 0, 0],
    ['B', 10, 2],
    ['B', 4, 0], // 0.8
    ['B', 5, 1],
    ['B', 14, 2], // 2.8
    ['C', 10, 0],
    ['C', 100, 0],
    ['D', 10, 0],
  ] as [CreditGrade, number, number][])('grade %s with %i required materials may defer %i', (grade, n, quota) => {
    expect(deferralQuota(grade, n)).toBe(quota);
  });
  it('has no floating-point surprises at exact multiples', () => {
    for (let n = 0; n <= 200; n += 10) {
      expect(deferralQuota('A', n)).toBe((n / 10) * 3);
      expect(deferralQuota('B', n)).toBe((n / 10) * 2);
    }
  });
  it('rejects a count that is not a whole non-negative number', () => {
    expect(() => deferralQuota('A', -1)).toThrow(RangeError);
    expect(() => deferralQuota('A', 2.5)).toThrow(RangeError);
    expect(() => deferralQuota('A', Number.NaN)).toThrow(RangeError);
  });
});

describe('checkDeferrals', () => {
  const ok = { ok: true };
  const base = { itemOpen: true, grade: 'A' as CreditGrade | null, requiredMaterials: TEN, deferred: ['材料1'], commitmentSigned: true };

  it('refuses an item not open to 容缺受理, whatever the grade', () => {
    expect(checkDeferrals({ ...base, itemOpen: false })).toEqual({ ok: false, reason: '本事项未列入容缺受理事项清单，请上传全部必交材料' });
    expect(checkDeferrals({ ...base, itemOpen: false, deferred: [] })).toEqual(ok);
  });

  it('allows A up to its quota, any materials', () => {
    expect(checkDeferrals({ ...base, deferred: ['材料1', '材料5', '材料10'] })).toEqual(ok);
    expect(checkDeferrals({ ...base, deferred: ['材料7'] })).toEqual(ok);
  });
  it('allows B up to its quota', () => {
    expect(checkDeferrals({ ...base, grade: 'B', deferred: ['材料2', '材料3'] })).toEqual(ok);
  });
  it('needs nothing when nothing is deferred, whatever the grade', () => {
    for (const grade of ['A', 'B', 'C', 'D', null] as const) {
      expect(checkDeferrals({ ...base, grade, deferred: [], commitmentSigned: false })).toEqual(ok);
    }
  });
  it('refuses grades C and D', () => {
    expect(checkDeferrals({ ...base, grade: 'C' })).toEqual({ ok: false, reason: '您的企业信用等级为 C 级，不适用容缺受理' });
    expect(checkDeferrals({ ...base, grade: 'D' })).toEqual({ ok: false, reason: '您的企业信用等级为 D 级，不适用容缺受理' });
  });
  it('refuses an applicant without a grade', () => {
    expect(checkDeferrals({ ...base, grade: null })).toEqual({ ok: false, reason: '容缺受理仅适用于信用等级为 A 级、B 级的企业' });
  });
  it('refuses more than the quota', () => {
    expect(checkDeferrals({ ...base, deferred: ['材料1', '材料2', '材料3', '材料4'] })).toEqual({ ok: false, reason: '最多可容缺 3 项材料' });
    expect(checkDeferrals({ ...base, grade: 'B', deferred: ['材料1', '材料2', '材料3'] })).toEqual({ ok: false, reason: '最多可容缺 2 项材料' });
    expect(checkDeferrals({ ...base, requiredMaterials: TEN.slice(0, 3) })).toEqual({ ok: false, reason: '最多可容缺 0 项材料' });
    expect(checkDeferrals({ ...base, grade: 'B', requiredMaterials: TEN.slice(0, 4) })).toEqual({ ok: false, reason: '最多可容缺 0 项材料' });
  });
  it('refuses a material that is not required', () => {
    expect(checkDeferrals({ ...base, deferred: ['授权委托书'] })).toEqual({ ok: false, reason: '“授权委托书”不是本事项的必交材料，无需容缺' });
  });
  it('refuses the same material twice', () => {
    expect(checkDeferrals({ ...base, deferred: ['材料1', '材料1'] })).toEqual({ ok: false, reason: '容缺材料“材料1”重复' });
  });
  it('counts duplicated required names once', () => {
    expect(checkDeferrals({ ...base, requiredMaterials: [...TEN.slice(0, 3), ...TEN.slice(0, 3), '材料4'], deferred: ['材料1'] })).toEqual(ok);
    expect(checkDeferrals({ ...base, requiredMaterials: [...TEN.slice(0, 3), ...TEN.slice(0, 3)], deferred: ['材料1'] })).toEqual({
      ok: false,
      reason: '最多可容缺 0 项材料',
    });
  });
  it('needs a signed credit commitment', () => {
    expect(checkDeferrals({ ...base, commitmentSigned: false })).toEqual({ ok: false, reason: '容缺受理需签署信用承诺书' });
  });
  it('works with the file-field keys of a real form', () => {
    const item = SERVICE_ITEMS.find((i) => i.id === 'food-business-licence')!;
    const required = materialFieldKeys(formForItem(item));
    const quota = deferralQuota('A', required.length);
    expect(checkDeferrals({ ...base, requiredMaterials: required, deferred: required.slice(0, quota) })).toEqual(ok);
    expect(checkDeferrals({ ...base, requiredMaterials: required, deferred: required.slice(0, quota + 1) }).ok).toBe(false);
  });
});
