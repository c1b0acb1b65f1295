/**
 * Test helpers for the 政策超市 pages (imported only by *.test.tsx): a session, a fake API that answers by method and
 * path, and sample answers shaped as the contract (shared/src/policies/api.ts) says the server returns them.
 */
import Taro from '@tarojs/taro';
import type { Role } from '@yx/shared';
import type { FirmProfileView, ItemMatchView, OfferView, PolicyDetail, PolicyItemDetail, PolicySummary } from '../../api/policies';
import { saveSession } from '../../api/session';

export type Call = { url: string; method: string; data?: string; header: Record<string, string> };

export const request = Taro.request as unknown as jest.Mock;
export const calls = (method?: string, path?: string) =>
  request.mock.calls.map((c) => c[0] as Call).filter((c) => (!method || c.method === method) && (!path || c.url.split('?')[0] === path));
export const ok = (data: unknown, statusCode = 200) => ({ statusCode, data });
export const fail = (statusCode: number, message: string, code = 'FORBIDDEN') => ({ statusCode, data: { error: { code, message } } });
/** The query of a call, as an object. */
export const queryOf = (c: Call) => Object.fromEntries(new URLSearchParams(c.url.split('?')[1] ?? ''));

export function login(role: Role, firmRole?: 'legal' | 'agent') {
  saveSession({
    token: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: {
      id: 'u1',
      role,
      nickname: '赵云山',
      level: 2,
      verified: true,
      ...(role === 'enterprise'
        ? { enterprise: { name: '广州越秀云山软件有限公司', creditCode: '91440104MA5F8YR3K9', grade: 'A' }, firmRole: firmRole ?? 'legal' }
        : {}),
    },
  });
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
  (Taro.useRouter as jest.Mock).mockReturnValue({ params: {} });
  const showModal = Taro.showModal as unknown as jest.Mock;
  showModal.mockReset();
  showModal.mockResolvedValue({ confirm: true, cancel: false });
}

export const summary = (over: Partial<PolicySummary> = {}): PolicySummary => ({
  id: 'tech-2026',
  title: '越秀区促进科技创新若干措施',
  issuer: 'kgxj',
  issuerName: '区科工信局',
  docNo: '越府办规〔2026〕3号',
  issuedOn: '2026-03-01',
  topics: ['innovation'],
  excerpt: '新认定的高新技术企业一次奖励 20 万元，研发投入大的再奖。',
  version: 2,
  status: 'published',
  items: [
    {
      id: 'tech-2026-1',
      title: '高新技术企业认定奖励',
      benefitType: 'subsidy',
      benefitText: '新认定的一次奖励 20 万元',
      mode: 'auto',
      validFrom: '2026-03-01',
      validTo: '2026-12-31',
      window: 'open',
    },
    {
      id: 'tech-2026-2',
      title: '研发投入补助',
      benefitType: 'subsidy',
      benefitText: '按上年度纳税额的 5% 补助，最高 50 万元',
      mode: 'apply',
      validFrom: '2026-03-01',
      validTo: '2026-12-31',
      window: 'open',
    },
  ],
  ...over,
});

export const item = (over: Partial<PolicyItemDetail> = {}): PolicyItemDetail => ({
  id: 'tech-2026-1',
  title: '高新技术企业认定奖励',
  benefit: { type: 'subsidy', text: '新认定的一次奖励 20 万元', amountYuan: 200_000 },
  conditions: [
    { kind: 'qualification', any: ['hnte'] },
    { kind: 'age', min: 3 },
  ],
  validFrom: '2026-03-01',
  validTo: '2026-12-31',
  mode: 'auto',
  window: 'open',
  conditionTexts: ['企业资质：高新技术企业', '成立年限：满 3 年'],
  evidence: [],
  ...over,
});

export const detail = (over: Partial<PolicyDetail> = {}): PolicyDetail => ({
  id: 'tech-2026',
  version: 2,
  status: 'published',
  title: '越秀区促进科技创新若干措施',
  issuer: 'kgxj',
  issuerName: '区科工信局',
  docNo: '越府办规〔2026〕3号',
  issuedOn: '2026-03-01',
  text: '第一条 为促进我区科技创新，制定本措施。第二条 对新认定的高新技术企业给予一次性奖励。',
  interpretation: '简单说：今年新评上高新技术企业的，区里直接给 20 万元，不用申请。',
  topics: ['innovation'],
  items: [
    item(),
    item({
      id: 'tech-2026-2',
      title: '研发投入补助',
      benefit: { type: 'subsidy', text: '按上年度纳税额的 5% 补助，最高 50 万元', perUnit: { base: 'taxPaid', yuan: 500 }, capYuan: 500_000 },
      conditions: [{ kind: 'taxPaid', min: 50 }],
      mode: 'apply',
      serviceItemId: 'rd-subsidy',
      conditionTexts: ['上年度纳税额 ≥ 50 万元'],
      evidence: ['上年度完税证明'],
    }),
  ],
  ...over,
});

export const match = (over: Partial<ItemMatchView> = {}): ItemMatchView => ({
  itemId: 'tech-2026-1',
  policyVersion: 2,
  verdict: 'eligible',
  conditions: [
    { kind: 'qualification', status: 'met', text: '已认定为高新技术企业' },
    { kind: 'age', status: 'met', text: '成立于 2020-05-01，满 3 年' },
  ],
  amountYuan: 200_000,
  ...over,
});

export const offer = (over: Partial<OfferView> = {}): OfferView => ({
  itemId: 'tech-2026-1',
  policyId: 'tech-2026',
  policyVersion: 2,
  policyTitle: '越秀区促进科技创新若干措施',
  itemTitle: '高新技术企业认定奖励',
  creditCode: '91440104MA5F8YR3K9',
  firmName: '广州越秀云山软件有限公司',
  amountYuan: 200_000,
  status: 'offered',
  conditions: [
    { kind: 'qualification', status: 'met', text: '已认定为高新技术企业' },
    { kind: 'age', status: 'met', text: '成立于 2020-05-01，满 3 年' },
  ],
  offeredAt: '2026-11-20T02:00:00.000Z',
  confirmBy: '2026-12-31',
  ...over,
});

export const profile = (over: Partial<FirmProfileView> = {}): FirmProfileView => ({
  creditCode: '91440104MA5F8YR3K9',
  name: '广州越秀云山软件有限公司',
  facts: [
    { key: 'registeredOn', label: '成立日期', value: '2020-05-01', source: 'registry' },
    { key: 'industry', label: '所属行业', value: '软件和信息技术服务业（I6510）', source: 'registry' },
    { key: 'headcount', label: '参保职工人数', value: '36 人', source: 'registry' },
    {
      key: 'revenue',
      label: '上年度营业收入',
      value: '1,200 万元',
      source: 'declared',
      evidenceFileId: 'f_rev0000001',
      declaredAt: '2026-11-02T02:00:00.000Z',
    },
    { key: 'taxPaid', label: '上年度纳税额', value: null, source: null },
    { key: 'qualifications', label: '企业资质', value: null, source: null },
  ],
  topics: [],
  ...over,
});
