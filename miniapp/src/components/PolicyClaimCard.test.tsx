import { render, screen, within } from '@testing-library/react';
import type { PolicyClaimView } from '@yx/shared';
import { PolicyClaimCard } from './PolicyClaimCard';

const claim: PolicyClaimView = {
  itemId: 'tech-2026-2',
  policyId: 'tech-2026',
  version: 3,
  policyTitle: '越秀区支持科技企业发展若干措施',
  itemTitle: '研发费用补助',
  verdict: 'unknown',
  conditions: [
    { kind: 'industry', status: 'met', text: '行业：软件和信息技术服务业（本企业：软件开发）' },
    { kind: 'tax', status: 'unknown', text: '上年度纳税额 ≥ 50 万元：区里没有记录', hint: '上传上年度完税证明' },
    { kind: 'headcount', status: 'met', text: '从业人数 ≥ 20 人（企业自报 35 人）', declared: true },
  ],
  amountYuan: 200_000,
  evidence: ['上年度完税证明', '研发费用专项审计报告'],
};

describe('PolicyClaimCard', () => {
  it('on the form: the policy and item, the verdict in words, each condition with its mark and the hint of the unknown one, the amount and the evidence', () => {
    render(<PolicyClaimCard claim={claim} view="form" />);
    const card = screen.getByTestId('policy-claim');
    expect(within(card).getByText('申请的政策')).toBeInTheDocument();
    expect(screen.getByTestId('policy-item-title')).toHaveTextContent('研发费用补助');
    expect(card).toHaveTextContent('越秀区支持科技企业发展若干措施');
    expect(screen.getByTestId('policy-verdict')).toHaveTextContent('信息不足');
    expect(screen.getByTestId('policy-verdict')).toHaveClass('tag', 'tag-orange');
    expect(screen.getAllByTestId('policy-condition').map((c) => c.getAttribute('data-status'))).toEqual(['met', 'unknown', 'met']);
    expect(screen.getAllByTestId('policy-condition')[1]).toHaveTextContent('待补充上年度纳税额 ≥ 50 万元：区里没有记录上传上年度完税证明');
    expect(screen.getByTestId('policy-condition-hint')).toHaveTextContent('上传上年度完税证明');
    expect(screen.getByTestId('policy-unknown-note')).toBeInTheDocument();
    expect(screen.getByTestId('policy-amount')).toHaveTextContent('预计可得 20 万元');
    expect(screen.getByTestId('policy-evidence')).toHaveTextContent('需要的证明材料1. 上年度完税证明2. 研发费用专项审计报告');
    expect(screen.queryByTestId('policy-declared-note')).not.toBeInTheDocument();
    // word badges and marks only: no emoji, no tick characters to be read out
    expect(card.textContent).not.toMatch(/[✓✗✔✘❓]|\p{Extended_Pictographic}/u);
  });

  it('an eligible claim says 符合条件 in green, with no note asking for more', () => {
    render(<PolicyClaimCard claim={{ ...claim, verdict: 'eligible', conditions: [claim.conditions[0]], amountYuan: undefined }} view="form" />);
    expect(screen.getByTestId('policy-verdict')).toHaveTextContent('符合条件');
    expect(screen.getByTestId('policy-verdict')).toHaveClass('tag-green');
    expect(screen.queryByTestId('policy-unknown-note')).not.toBeInTheDocument();
    expect(screen.queryByTestId('policy-amount')).not.toBeInTheDocument();
  });

  it('on the applicant’s application: titled with the version, read as judged at submission', () => {
    render(<PolicyClaimCard claim={claim} view="applicant" />);
    expect(screen.getByText('申请的政策条目（第 3 版）')).toBeInTheDocument();
    expect(screen.getByTestId('policy-amount')).toHaveTextContent('申请时测算 20 万元');
    expect(screen.queryByTestId('policy-unknown-note')).not.toBeInTheDocument();
    expect(screen.queryByTestId('policy-declared-note')).not.toBeInTheDocument();
    expect(screen.getByText('企业自报·待核验')).toBeInTheDocument();
  });

  it('for the officer: a declared condition asks for its proof to be checked; none declared, no note', () => {
    const { unmount } = render(<PolicyClaimCard claim={claim} view="officer" />);
    expect(screen.getByText('申请的政策条目（第 3 版）')).toBeInTheDocument();
    expect(screen.getByTestId('policy-declared-note')).toHaveTextContent('企业自报的条件需核验证明材料');
    unmount();
    render(<PolicyClaimCard claim={{ ...claim, conditions: claim.conditions.slice(0, 2) }} view="officer" />);
    expect(screen.queryByTestId('policy-declared-note')).not.toBeInTheDocument();
  });

  it('an item without conditions says anyone may claim it', () => {
    render(<PolicyClaimCard claim={{ ...claim, verdict: 'eligible', conditions: [], evidence: [] }} view="form" />);
    expect(screen.getByText('无特别条件，区内企业均可享受')).toBeInTheDocument();
    expect(screen.queryByTestId('policy-evidence')).not.toBeInTheDocument();
  });
});
