import { noticeText, NOTICE_FOR } from './notices';

const base = {
  addressee: '张晓明',
  itemName: '食品经营许可',
  appNo: 'YX20261130000001',
  departmentName: '广州市越秀区市场监督管理局',
  submittedOn: '2026-11-30',
};

describe('文书: what each notice says', () => {
  it('受理通知书 names the law and the date the decision is due', () => {
    const t = noticeText({ ...base, state: 'accepted', dueDate: '2026-12-14' })!;
    expect(t.title).toBe('受理通知书');
    expect(t.salutation).toBe('张晓明：');
    expect(t.paragraphs.join('')).toContain('第三十二条');
    expect(t.paragraphs.join('')).toContain('2026年12月14日前作出决定');
  });

  it('补正材料告知书 lists every material at once, with the reason for each', () => {
    const items = [
      { material: '营业执照', reason: '复印件不清晰' },
      { material: '场所平面图', reason: '缺少设计单位盖章' },
    ];
    const t = noticeText({ ...base, state: 'supplement', supplementItems: items, dueDate: '2026-12-30' })!;
    expect(t.paragraphs).toEqual(expect.arrayContaining(['1. 营业执照：复印件不清晰', '2. 场所平面图：缺少设计单位盖章']));
    expect(t.paragraphs.join('')).toContain('一次性告知');
  });

  it('a refusal gives the reason and the remedies (复议, 诉讼)', () => {
    for (const state of ['not_accepted', 'denied'] as const) {
      const t = noticeText({ ...base, state, reason: '申请人不具备申请资格：经营场所不符合要求' })!;
      const all = t.paragraphs.join('');
      expect([state, all]).toEqual([state, expect.stringContaining('经营场所不符合要求')]);
      expect(all).toContain('行政复议');
      expect(all).toContain('行政诉讼');
    }
  });

  it('has a notice for each decision and none for other states', () => {
    expect(Object.keys(NOTICE_FOR).sort()).toEqual(['accepted', 'approved', 'denied', 'not_accepted', 'supplement']);
    expect(noticeText({ ...base, state: 'in_review' })).toBeUndefined();
  });
});
