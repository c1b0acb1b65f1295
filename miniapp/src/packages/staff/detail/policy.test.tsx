import { render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { PolicyClaimView } from '@yx/shared';
import type { StaffApplicationView } from '../../../api/staff';
import { signIn } from '../../../../test/session';
import Detail from './index';

/** 政策兑现 (issue 17): the officer sees the policy item claimed and what the firm declared itself, to check its proof. */

const request = Taro.request as unknown as jest.Mock;
const APP = 'YX20261126000200';
const claim: PolicyClaimView = {
  itemId: 'tech-2026-2',
  policyId: 'tech-2026',
  version: 2,
  policyTitle: '越秀区支持科技企业发展若干措施',
  itemTitle: '研发费用补助',
  verdict: 'eligible',
  conditions: [
    { kind: 'industry', status: 'met', text: '行业：软件和信息技术服务业' },
    { kind: 'headcount', status: 'met', text: '从业人数 ≥ 20 人（企业自报 35 人）', declared: true },
  ],
  amountYuan: 200_000,
  evidence: ['从业人员社保缴纳证明'],
};
const application: StaffApplicationView = {
  appNo: APP,
  itemName: '惠企政策兑现申请',
  departmentName: '区商务局',
  state: 'submitted',
  stateName: '已提交，待受理',
  submittedAt: '2026-11-26T06:05:00Z',
  light: 'green',
  remainingDays: 9,
  deadline: '2026-12-10',
  version: 1,
  applicant: '越秀科技有限公司',
  promisedDays: 10,
  statutoryDays: 20,
  materials: [{ name: '条件证明材料', source: 'upload', files: 1 }],
  deferred: [],
  actions: ['accept', 'notAccept', 'requestSupplement'],
  timeline: [{ at: '2026-11-26T06:05:00Z', actor: '申请人', action: '提交申请' }],
  policy: claim,
};

function serve(current: StaffApplicationView) {
  request.mockImplementation(async ({ url, method }: { url: string; method: string }) => {
    if (method === 'GET' && url === `/v1/staff/applications/${APP}`) return { statusCode: 200, data: current };
    throw new Error(`unexpected ${method} ${url}`);
  });
}

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  (Taro.useRouter as jest.Mock).mockReturnValue({ params: { appNo: APP } });
  signIn({ id: 's1', role: 'staff', nickname: '王审核', level: 1, verified: true, departmentId: 'commerce', departmentName: '区商务局' });
});

describe('办件办理 of a policy claim', () => {
  it('shows the item claimed (with its version and verdict) and says the declared conditions need their proof checked', async () => {
    serve(application);
    render(<Detail />);
    const card = await screen.findByTestId('policy-claim');
    expect(within(card).getByText('申请的政策条目（第 2 版）')).toBeInTheDocument();
    expect(card).toHaveTextContent('研发费用补助');
    expect(within(card).getByTestId('policy-verdict')).toHaveTextContent('符合条件');
    expect(within(card).getByTestId('policy-declared-note')).toHaveTextContent('企业自报的条件需核验证明材料');
    expect(within(card).getByText('企业自报·待核验')).toBeInTheDocument();
    expect(within(card).getByTestId('policy-evidence')).toHaveTextContent('从业人员社保缴纳证明');
    // the actions are still there, after the claim
    expect(screen.getAllByTestId(/^action-/).map((b) => b.textContent)).toEqual(['受理', '不予受理', '一次性告知补正']);
  });

  it('has no note when the firm declared nothing, and no card on an ordinary application', async () => {
    serve({ ...application, policy: { ...claim, conditions: [claim.conditions[0]] } });
    const first = render(<Detail />);
    expect(await screen.findByTestId('policy-claim')).toBeInTheDocument();
    expect(screen.queryByTestId('policy-declared-note')).not.toBeInTheDocument();
    first.unmount();

    serve({ ...application, itemName: '食品经营许可', policy: undefined });
    render(<Detail />);
    expect(await screen.findByText('食品经营许可')).toBeInTheDocument();
    expect(screen.queryByTestId('policy-claim')).not.toBeInTheDocument();
  });
});
