import { render, screen } from '@testing-library/react';
import { creditApi } from '../../../api/credit';
import { resetTaro } from '../parts/testing';
import CreditRules from './index';

jest.mock('../../../api/credit', () => ({
  ...jest.requireActual('../../../api/credit'),
  creditApi: { rules: jest.fn() },
}));
const api = creditApi as unknown as Record<'rules', jest.Mock>;

beforeEach(resetTaro);

it('shows the rules in words, the publication periods, the review days and the rating window (no login)', async () => {
  api.rules.mockResolvedValue({
    version: '2026-01',
    name: '越秀区企业政务信用评级规则（2026 版）',
    words: ['基础分 100 分。', '有严重失信行政处罚仍在公示期内的，最高评为 C 级。'],
    publication: [
      { severity: '简易程序（不予公示）', minMonths: null, maxMonths: null },
      { severity: '一般失信', minMonths: 3, maxMonths: 12 },
      { severity: '严重失信', minMonths: 12, maxMonths: 36 },
    ],
    review: [
      { kind: '信用修复', days: 5 },
      { kind: '信用异议', days: 10 },
    ],
    rating: { windowDays: 30, tags: ['商品质量好', '服务热情'] },
  });
  render(<CreditRules />);
  expect(await screen.findByTestId('rules-grade')).toHaveTextContent('2.有严重失信行政处罚仍在公示期内的，最高评为 C 级。');
  const rows = screen.getAllByRole('row').map((r) => r.textContent);
  expect(rows).toEqual(['失信程度最短公示期最长公示期', '简易程序（不予公示）不予公示—', '一般失信3 个月12 个月', '严重失信12 个月36 个月']);
  expect(screen.getByTestId('rules-review')).toHaveTextContent('信用修复5 个工作日内答复');
  expect(screen.getByTestId('rules-rating')).toHaveTextContent('每人 30 天内可评价同一商户一次');
});
