import { certificateText, maskedSubject, type Subject } from './templates';
import { recordsOf } from './records';
import { validUntil } from './issue';
import { wrapText } from './pdf';

const zhang: Subject = { name: '张晓明', idLabel: '公民身份号码', idNumber: '440104199003070017' };

describe('what a certificate says', () => {
  it('无犯罪记录: issued from the records, the purpose in words', () => {
    const r = certificateText('no-criminal-record', zhang, recordsOf('u-anyone'), { purpose: 'abroad' }, '2026-11-30');
    expect(r).toMatchObject({ ok: true, text: { title: '无犯罪记录证明' } });
    if (!r.ok) return;
    expect(r.text.paragraphs[0]).toBe('经查询全国违法犯罪人员信息库，截至2026年11月30日，未发现张晓明（公民身份号码：440104199003070017）有犯罪记录。');
    expect(r.text.paragraphs[1]).toBe('本证明用于：出国（境）。');
  });

  it('a record on file, or none where one is needed, goes to an officer with the reason', () => {
    expect(certificateText('no-criminal-record', zhang, { criminal: true }, {}, '2026-11-30')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('人工核查'),
    });
    expect(certificateText('residence-certificate', zhang, {}, {}, '2026-11-30')).toMatchObject({ ok: false, reason: expect.stringContaining('居住登记') });
    expect(certificateText('residence-certificate', zhang, recordsOf('u-resident-zhang'), {}, '2026-11-30')).toMatchObject({ ok: true });
    expect(certificateText('driving-licence', zhang, {}, {}, '2026-11-30')).toMatchObject({ ok: false });
  });

  it('a firm with a violation on record does not get a clean credit report at once', () => {
    const firm: Subject = { name: '广州越秀示例科技有限公司', idLabel: '统一社会信用代码', idNumber: '91440104MA5D000000' };
    expect(certificateText('credit-report', firm, recordsOf('u-x', { creditCode: firm.idNumber, grade: 'A' }), {}, '2026-11-30')).toMatchObject({ ok: true });
    expect(certificateText('credit-report', firm, recordsOf('u-x', { creditCode: firm.idNumber, grade: 'D' }), {}, '2026-11-30')).toMatchObject({ ok: false });
    expect(maskedSubject(firm)).toBe(firm.name); // a firm's name is public
    expect(maskedSubject(zhang)).not.toContain('晓明');
  });

  it('counts validity from the issue date, that day included', () => {
    expect(validUntil('2026-11-30', 90)).toBe('2027-02-27');
    expect(validUntil('2026-11-30', undefined)).toBeUndefined();
  });

  it('wraps Chinese text between any two characters, keeping closing punctuation off a line start', () => {
    const measure = (s: string) => [...s].length;
    expect(wrapText('一二三四五六七', 3, measure)).toEqual(['一二三', '四五六', '七']);
    expect(wrapText('一二三，四五', 3, measure)).toEqual(['一二三，', '四五']);
  });
});
