import { describeIssues } from '../api/messages';
import {
  EditPublication,
  NewPublication,
  PUBLICATION_CATEGORIES,
  PUBLICATION_CATEGORY_NAMES,
  PublicationSearchQuery,
  PublicationListQuery,
  WithdrawPublication,
  categoryNames,
} from './publications';

const notice = { category: 'notice', title: '关于北京街停水的通知', content: '因供水管道维修，12 月 3 日 9 时至 18 时停水，请提前储水。' };
const messages = (r: { success: boolean; error?: unknown }) => (r.success ? [] : describeIssues(r.error as never).map((d) => d.message));

describe('政务公开: categories and the publish contract', () => {
  it('has the six categories, ids in English, names in Chinese', () => {
    expect(PUBLICATION_CATEGORIES.map((c) => c.id)).toEqual(['notice', 'policy', 'interpretation', 'catchment', 'lottery', 'food-safety']);
    expect(PUBLICATION_CATEGORY_NAMES.catchment).toBe('划片招生');
    expect(categoryNames(['lottery', 'notice'])).toBe('通知公告、摇号结果');
  });

  it('takes a notice with only category, title and text (the department is never in the body)', () => {
    expect(NewPublication.safeParse(notice).success).toBe(true);
    expect(messages(NewPublication.safeParse({ ...notice, department: 'education' }))).toEqual([expect.stringContaining('department')]);
  });

  it('says in Chinese which field is wrong', () => {
    expect(messages(NewPublication.safeParse({ ...notice, title: '通知' }))).toEqual(['标题：标题至少 4 个字']);
    expect(messages(NewPublication.safeParse({ ...notice, category: 'gossip' }))[0]).toMatch(/^栏目：请选择栏目/);
    expect(messages(NewPublication.safeParse({ ...notice, content: '' }))).toEqual(['正文：正文至少 10 个字']);
    expect(messages(NewPublication.safeParse({ ...notice, publishedOn: '2026-02-30' }))).toEqual(['发布日期：日期不存在']);
    expect(messages(NewPublication.safeParse({ ...notice, attachments: ['x'] }))[0]).toMatch(/^附件：附件编号不正确/);
  });

  it('links only an interpretation to a policy, and an interpretation must name one; validity only for a policy', () => {
    expect(messages(NewPublication.safeParse({ ...notice, interpretsId: 'pb_abcdefghij' }))).toEqual([
      '所解读的政策文件：只有政策解读可以关联所解读的政策文件',
    ]);
    expect(messages(NewPublication.safeParse({ ...notice, category: 'interpretation' }))[0]).toMatch(/^所解读的政策文件：请选择/);
    expect(NewPublication.safeParse({ ...notice, category: 'interpretation', interpretsId: 'pb_abcdefghij' }).success).toBe(true);
    expect(messages(NewPublication.safeParse({ ...notice, validity: 'repealed' }))).toEqual(['效力状态：只有政策文件有效力状态']);
    expect(NewPublication.safeParse({ ...notice, category: 'policy', docNo: '越府办规〔2026〕3号', validity: 'repealed' }).success).toBe(true);
  });

  it('refuses the same attachment twice and more than ten', () => {
    const f = 'f_abcdefgh12';
    expect(messages(NewPublication.safeParse({ ...notice, attachments: [f, f] }))).toEqual(['附件：同一个附件重复添加了']);
    const many = Array.from({ length: 11 }, (_, i) => `f_abcdefgh${String(i).padStart(2, '0')}`);
    expect(messages(NewPublication.safeParse({ ...notice, attachments: many }))).toEqual(['附件：附件最多 10 个']);
  });

  it('edits carry the version edited; withdrawing needs a reason', () => {
    expect(messages(EditPublication.safeParse(notice))[0]).toMatch(/^所编辑的版本：/);
    expect(EditPublication.safeParse({ ...notice, expectedVersion: 1, note: '更正时间' }).success).toBe(true);
    expect(messages(WithdrawPublication.safeParse({ reason: '错', expectedVersion: 1 }))).toEqual(['原因：撤回原因至少 4 个字']);
  });

  it('searches two characters at least, and lists by category and department', () => {
    expect(PublicationSearchQuery.safeParse({ q: '招生' }).success).toBe(true);
    expect(messages(PublicationSearchQuery.safeParse({ q: '招' }))).toEqual(['搜索词：请至少输入两个连续的字（标点和空格不算）']);
    expect(messages(PublicationSearchQuery.safeParse({ q: '招'.repeat(31) }))).toEqual(['搜索词：搜索词不能超过 30 个字']);
    expect(PublicationListQuery.parse({ category: 'lottery', department: 'education' })).toMatchObject({ category: 'lottery', limit: 20 });
  });
});
