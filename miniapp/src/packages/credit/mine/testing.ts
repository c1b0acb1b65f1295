/**
 * Test helpers for the firm's and the staff's 信用 pages (imported only by *.test.tsx): answers shaped as the contract
 * (shared/src/credit/api.ts) says the server returns them. The tests mock api/credit.
 */
import type { CreditProfile, CreditRecord, CreditReview, Rating } from '../../../api/credit';

export { apiError, login, resetTaro, route, showModal } from '../../community/testing';

export const TANGSHUI = '91440104MA5H6TK2QE';

export const record = (over: Partial<CreditRecord> = {}): CreditRecord => ({
  id: 'r_p20260310_ts1',
  kind: 'penalty',
  decisionNo: '越市监罚〔2026〕41号',
  title: '未按规定公示食品经营许可证',
  basis: '《中华人民共和国食品安全法》第一百二十六条',
  severity: 'ordinary',
  authority: '广州市越秀区市场监督管理局',
  decidedOn: '2026-03-10',
  status: 'published',
  reviewing: false,
  repairableFrom: '2026-06-10',
  leavesOn: '2027-03-10',
  ...over,
});

export const profile = (over: Partial<CreditProfile> = {}): CreditProfile => ({
  firm: { creditCode: TANGSHUI, name: '广州越秀北京路陈记糖水有限公司', legalRepresentative: '梁志强', street: 'beijing' },
  grade: { grade: 'B', computedAt: '2026-06-01T02:00:00.000Z', rulesVersion: '2026-01', rulesName: '越秀区企业政务信用评级规则（2026 版）' },
  counts: { licence: 1, penalty: 2, honour: 0 },
  licences: [],
  penalties: [record()],
  honours: [],
  rating: { average: 4.5, count: 2, stars: [0, 0, 0, 1, 1] },
  recentRatings: [],
  own: {
    score: 84,
    reasons: [
      {
        recordId: 'r_p20260310_ts1',
        points: -8,
        text: '一般失信行政处罚：未按规定公示食品经营许可证（2026-03-10）',
        advice: '已满最短公示期，纠正失信行为后可申请信用修复',
      },
      { points: 3, text: '守信激励 1 项' },
    ],
    history: [{ at: '2026-03-11T02:00:00.000Z', from: 'A', to: 'B', score: 84, reason: '新增行政处罚信息' }],
    openReviews: 0,
  },
  ...over,
});

export const rating = (over: Partial<Rating> = {}): Rating => ({
  id: 'rt_rating0001',
  rater: '张**',
  stars: 5,
  tags: ['服务热情'],
  comment: '红豆沙很好',
  at: '2026-06-02T04:00:00.000Z',
  status: 'shown',
  ...over,
});

export const review = (over: Partial<CreditReview> = {}): CreditReview => ({
  id: 'cr_review000001',
  kind: 'repair',
  creditCode: TANGSHUI,
  firmName: '广州越秀北京路陈记糖水有限公司',
  record: record({ reviewing: true }),
  text: '已于当月完成整改并缴清罚款，附整改报告和缴款凭证。',
  files: [{ id: 'f_evidence0001', name: '整改报告.pdf', url: 'https://files.example/f1' }],
  commitment: true,
  status: 'reviewing',
  submittedAt: '2026-06-03T02:00:00.000Z',
  receivedOn: '2026-06-03',
  deadline: '2026-06-10',
  light: 'green',
  remainingDays: 4,
  applicant: '唐*（经办人）',
  version: 1,
  ...over,
});
