import { render, screen, within } from '@testing-library/react';
import type { PolicyClaimView } from '@yx/shared';
import Detail from './index';
import { application, onApplicationPage, serve } from './testKit';

/** 政策兑现 (issue 17): an application that claims a policy item shows the item and the firm's judgement at submission. */

const APP = 'YX20261126000200';
const FIRM = { id: 'u9', role: 'enterprise' as const, nickname: '越秀科技', level: 2 as const, verified: true };
const claim: PolicyClaimView = {
  itemId: 'tech-2026-2',
  policyId: 'tech-2026',
  version: 2,
  policyTitle: '越秀区支持科技企业发展若干措施',
  itemTitle: '研发费用补助',
  verdict: 'unknown',
  conditions: [
    { kind: 'industry', status: 'met', text: '行业：软件和信息技术服务业' },
    { kind: 'tax', status: 'unknown', text: '上年度纳税额 ≥ 50 万元：区里没有记录', hint: '上传上年度完税证明' },
    { kind: 'headcount', status: 'met', text: '从业人数 ≥ 20 人（企业自报 35 人）', declared: true },
  ],
  amountYuan: 200_000,
  evidence: ['上年度完税证明'],
};

beforeEach(() => onApplicationPage(APP, FIRM));

describe('办件详情 of a policy claim', () => {
  it('shows the policy item claimed, its version, the verdict, the conditions with the hint and the evidence, read-only', async () => {
    serve(APP, () => application(APP, { itemId: 'policy-claim', itemName: '惠企政策兑现申请', policy: claim }));
    render(<Detail />);
    const card = await screen.findByTestId('policy-claim');
    expect(within(card).getByText('申请的政策条目（第 2 版）')).toBeInTheDocument();
    expect(card).toHaveTextContent('研发费用补助');
    expect(card).toHaveTextContent('越秀区支持科技企业发展若干措施');
    expect(within(card).getByTestId('policy-verdict')).toHaveTextContent('信息不足');
    expect(within(card).getByTestId('policy-condition-hint')).toHaveTextContent('上传上年度完税证明');
    expect(within(card).getByTestId('policy-amount')).toHaveTextContent('申请时测算 20 万元');
    expect(within(card).getByTestId('policy-evidence')).toHaveTextContent('上年度完税证明');
    // the officer's note is for the officer
    expect(within(card).queryByTestId('policy-declared-note')).not.toBeInTheDocument();
    expect(within(card).queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows no policy card on an ordinary application', async () => {
    serve(APP, () => application(APP));
    render(<Detail />);
    expect(await screen.findByText('食品经营许可')).toBeInTheDocument();
    expect(screen.queryByTestId('policy-claim')).not.toBeInTheDocument();
  });
});
