/**
 * Test helpers for the 信用 pages (imported only by *.test.tsx): a session, Taro's mocks reset, and answers shaped as
 * the contract (shared/src/credit/api.ts) says the server returns them. The tests mock api/credit.
 */
import Taro from '@tarojs/taro';
import type { Role } from '@yx/shared';
import { ApiError } from '../../../api/client';
import type { CreditProfile, CreditRecord, Rating } from '../../../api/credit';
import { saveSession } from '../../../api/session';

export const TANGSHUI = '91440104MA5H6TK2QE';
export const SCAN = 'scanProof0123456789abcdef';

export function login(role: Role = 'resident', enterpriseCode?: string) {
  saveSession({
    token: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: {
      id: 'u1',
      role,
      nickname: '张晓明',
      level: 2,
      verified: true,
      ...(enterpriseCode ? { enterprise: { creditCode: enterpriseCode, name: '广州越秀北京路陈记糖水有限公司', grade: 'B' as const } } : {}),
    },
  });
}

export function resetTaro() {
  (Taro as unknown as { __reset: () => void }).__reset();
  for (const f of [Taro.navigateTo, Taro.navigateBack, Taro.redirectTo, Taro.showToast] as unknown as jest.Mock[]) f.mockClear();
  (Taro.useRouter as jest.Mock).mockReturnValue({ params: {} });
  const showModal = Taro.showModal as unknown as jest.Mock;
  showModal.mockReset();
  showModal.mockResolvedValue({ confirm: true, cancel: false });
}

export const route = (params: Record<string, string>) => (Taro.useRouter as jest.Mock).mockReturnValue({ params });
export const apiError = (status: number, message: string, code = 'RULE_VIOLATION') => new ApiError(status, code, message);

export const record = (over: Partial<CreditRecord> = {}): CreditRecord => ({
  id: 'r_p20260615_ts4',
  kind: 'penalty',
  decisionNo: '穗越市监罚〔2026〕0633号',
  title: '餐饮具清洗消毒不符合要求，罚款 5000 元',
  basis: '《中华人民共和国食品安全法》第一百二十六条',
  severity: 'ordinary',
  authority: '广州市越秀区市场监督管理局',
  decidedOn: '2026-06-15',
  status: 'published',
  reviewing: false,
  ...over,
});

export const licence = (over: Partial<CreditRecord> = {}): CreditRecord =>
  record({
    id: 'r_l20250315_ts1',
    kind: 'licence',
    decisionNo: '穗越市监食许〔2025〕0342号',
    title: '食品经营许可（餐饮服务经营者）',
    basis: undefined,
    severity: undefined,
    decidedOn: '2025-03-15',
    validUntil: '2030-03-15',
    valid: true,
    ...over,
  });

export const rating = (over: Partial<Rating> = {}): Rating => ({
  id: 'rt_00mabc123xyz',
  rater: '张**',
  stars: 4,
  tags: ['服务热情'],
  comment: '糖水好喝，服务热情。',
  at: '2026-07-01T04:00:00.000Z',
  status: 'shown',
  ...over,
});

export const profile = (over: Partial<CreditProfile> = {}): CreditProfile => ({
  firm: {
    creditCode: TANGSHUI,
    name: '广州越秀北京路陈记糖水有限公司',
    legalRepresentative: '梁*梅',
    address: '广州市越秀区北京路 188 号',
    street: '北京街道',
    industry: '餐饮业',
  },
  grade: { grade: 'B', computedAt: '2026-07-01T02:00:00.000Z', rulesVersion: '2026-01', rulesName: '越秀区企业政务信用评级规则（2026 版）' },
  counts: { licence: 2, penalty: 2, honour: 0 },
  licences: [licence(), licence({ id: 'r_l20150315_ts2', title: '食品经营许可（旧证）', validUntil: '2020-03-15', valid: false })],
  penalties: [
    record({ reviewing: true }),
    record({ id: 'r_p20260215_ts3', decisionNo: '穗越市监罚〔2026〕0215号', title: '未按规定公示食品经营许可证，罚款 2000 元', decidedOn: '2026-02-15' }),
  ],
  honours: [],
  rating: { average: 4.3, count: 4, stars: [0, 0, 1, 1, 2] },
  recentRatings: [rating({ reply: { text: '谢谢惠顾，欢迎再来。', at: '2026-07-02T04:00:00.000Z' } })],
  ...over,
});
