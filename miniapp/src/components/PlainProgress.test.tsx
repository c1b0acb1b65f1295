import { render, screen } from '@testing-library/react';
import { PlainProgress, progressText, statutoryText } from './PlainProgress';

describe('plain progress for residents (no deadline lights)', () => {
  it('says when the application should be done, in words', () => {
    expect(progressText({ state: 'accepted', running: true, deadline: '2026-12-03', remainingDays: 2 })).toBe('预计 12 月 3 日前办结');
    expect(progressText({ state: 'in_review', running: true, deadline: '2026-12-03', remainingDays: 0 })).toBe('预计 12 月 3 日前办结'); // never "今日到期"
    expect(progressText({ state: 'in_review', running: true, deadline: '2026-12-03', remainingDays: -1 })).toContain('已超时');
    expect(progressText({ state: 'supplement', running: false, deadline: '2026-12-03', remainingDays: null })).toContain('补正');
    expect(progressText({ state: 'delivered', running: false, deadline: '2026-12-03', remainingDays: null })).toBe('已办结');
  });

  it('marks the current step of 提交 → 受理 → 审核 → 办结', () => {
    render(<PlainProgress state="in_review" running deadline="2026-12-03" remainingDays={3} />);
    expect(screen.getByTestId('pp-now')).toHaveTextContent('审核');
    expect(screen.getByTestId('plain-progress')).toHaveTextContent('预计 12 月 3 日前办结');
    expect(screen.queryByTestId('traffic-light')).not.toBeInTheDocument();
  });
});

describe('statutoryText (法定时限, issue 16)', () => {
  it('waits for 受理, then counts down to the statutory deadline', () => {
    expect(statutoryText({ started: false, deadline: null, remainingDays: null })).toBe('法定时限：受理后开始计算');
    expect(statutoryText({ started: true, deadline: '2026-10-08', remainingDays: 3 })).toBe('法定时限：还剩 3 个工作日（10 月 8 日前）');
    expect(statutoryText({ started: true, deadline: '2026-10-08', remainingDays: -1 })).toBe('法定时限：10 月 8 日已到期');
    expect(statutoryText(undefined)).toBeUndefined();
  });
});
