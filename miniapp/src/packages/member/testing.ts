/**
 * Test helpers for the 会员专区 pages (imported only by *.test.tsx): a session, a fake API that
 * answers by method and path, and sample server answers shaped as functions/src/member returns them.
 */
import Taro from '@tarojs/taro';
import { DEFAULT_MEMBER_RULES, type Role } from '@yx/shared';
import type { BenefitView, ClaimView, MemberCardView, MemberHome } from '../../api/member';
import { saveSession } from '../../api/session';

export type Call = { url: string; method: string; data?: string; header: Record<string, string> };

export const request = Taro.request as unknown as jest.Mock;
export const calls = () => request.mock.calls.map((c) => c[0] as Call);
export const ok = (data: unknown, statusCode = 200) => ({ statusCode, data });
export const fail = (statusCode: number, message: string, code = 'CONFLICT') => ({ statusCode, data: { error: { code, message } } });

export function login(role: Role) {
  saveSession({ token: 't', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { id: 'u1', role, nickname: '张晓明', level: 1, verified: true } });
}

/** Answers by `METHOD /path` (query left off); anything else fails the test. */
export function serve(on: Record<string, (c: Call) => unknown>) {
  request.mockImplementation(async (c: Call) => {
    const h = on[`${c.method} ${c.url.split('?')[0]}`];
    if (!h) throw new Error(`unexpected ${c.method} ${c.url}`);
    return h(c);
  });
}

export function resetTaro() {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  (Taro.navigateTo as jest.Mock).mockClear();
  (Taro.showToast as jest.Mock).mockClear();
  const showModal = Taro.showModal as unknown as jest.Mock;
  showModal.mockReset();
  showModal.mockResolvedValue({ confirm: true, cancel: false });
}

// the rules a fresh deployment starts with: the pages' tests use its first two levels and its check-in rewards
const [STANDARD, SILVER] = DEFAULT_MEMBER_RULES.levels;
export const FACES = { standard: STANDARD.face, silver: SILVER.face };

export const LEVELS: MemberHome['levels'] = [STANDARD, SILVER];

export const card = (over: Partial<MemberCardView> = {}): MemberCardView => ({
  memberNo: 'YX0000000018',
  claimedAt: '2026-11-01T02:00:00.000Z',
  level: { id: 'standard', name: '普通卡', face: FACES.standard, perks: LEVELS[0].perks, index: 0 },
  balance: 30,
  growth: 30,
  next: { name: '银卡', threshold: 200, needed: 170, ratio: 0.15 },
  streak: 0,
  checkedToday: false,
  nextBonus: { day: 7, points: 20, daysLeft: 7 },
  ...over,
});

export const home = (over: Partial<MemberHome> = {}): MemberHome => ({
  card: card(),
  pendingPoints: 0,
  today: '2026-11-26',
  memberDay: { isToday: false, next: '2026-12-18', dayOfMonth: 18 },
  checkIn: DEFAULT_MEMBER_RULES.checkIn,
  levels: LEVELS,
  ...over,
});

export const benefit = (over: Partial<BenefitView> = {}): BenefitView => ({
  id: 'museum-ticket',
  title: '广东省博物馆门票',
  description: '凭兑换码到服务台换取门票一张',
  partner: '广东省博物馆',
  stock: 100,
  stockLeft: 12,
  perMemberLimit: 1,
  minLevel: '银卡',
  pointsPrice: 50,
  validDays: 7,
  claimedByMe: 0,
  canClaim: true,
  reason: null,
  soldOut: false,
  ...over,
});

export const claimView = (over: Partial<ClaimView> = {}): ClaimView => ({
  code: 'ABCD-EFGH-JK',
  benefitId: 'museum-ticket',
  title: '广东省博物馆门票',
  partner: '广东省博物馆',
  pointsPrice: 50,
  claimedAt: '2026-11-18T02:00:00.000Z',
  expiresOn: '2026-11-24',
  status: 'claimed',
  statusName: '待使用',
  ...over,
});
