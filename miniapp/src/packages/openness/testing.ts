/**
 * Test helpers for the 政务公开 pages (imported only by *.test.tsx): sample answers shaped as the contract
 * (shared/src/openness/publications.ts) says the server returns them. The fake API and sessions are the 政策超市 pages'.
 */
import type { PublicationDetail, PublicationHit, PublicationSummary } from '../../api/publications';

export { calls, fail, login, ok, queryOf, request, resetTaro, serve, type Call } from '../policy/testing';

export const summary = (over: Partial<PublicationSummary> = {}): PublicationSummary => ({
  id: 'pb_seedCatchment26',
  category: 'catchment',
  categoryName: '划片招生',
  title: '2026年越秀区义务教育阶段学校招生地段划分',
  department: 'education',
  departmentName: '区教育局',
  docNo: '越教〔2026〕18号',
  publishedOn: '2026-05-12',
  attachmentCount: 1,
  version: 1,
  status: 'published',
  ...over,
});

export const hit = (over: Partial<PublicationHit> = {}): PublicationHit => ({
  ...summary(),
  titleParts: [
    { text: '2026年越秀区义务教育阶段学校', hit: false },
    { text: '招生地段', hit: true },
    { text: '划分', hit: false },
  ],
  snippet: [
    { text: '…竹丝岗社区全部门牌。', hit: false },
    { text: '招生地段', hit: true },
    { text: '以门牌号为准…', hit: false },
  ],
  inTitle: true,
  ...over,
});

export const detail = (over: Partial<PublicationDetail> = {}): PublicationDetail => ({
  ...summary({ category: 'policy', categoryName: '政策文件', id: 'pb_seedBldgPolicy', title: '越秀区促进楼宇经济高质量发展若干措施', validity: 'effective' }),
  departmentName: '广州市越秀区商务局',
  docNo: '越府办规〔2026〕2号',
  content: '第一条 适用范围。\n\n第二条 楼宇提升奖励。',
  attachments: [{ fileId: 'f_attach00001', fileName: '措施全文.pdf', contentType: 'application/pdf', size: 204_800, url: 'https://files.example/f1' }],
  interpretations: [
    {
      id: 'pb_seedBldgReader',
      title: '《越秀区促进楼宇经济高质量发展若干措施》政策解读',
      category: 'interpretation',
      publishedOn: '2026-03-18',
      departmentName: '区商务局',
    },
  ],
  updatedAt: '2026-03-16T01:00:00.000Z',
  ...over,
});
