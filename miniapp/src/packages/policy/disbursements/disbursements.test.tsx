import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ok, resetTaro, serve } from '../testing';
import Disbursements from './index';

beforeEach(resetTaro);

const row = (itemId: string, itemTitle: string, firms: number, amountYuan: number, policyId = 'tech-2026', policyTitle = '越秀区促进科技创新若干措施') => ({
  policyId,
  policyTitle,
  itemId,
  itemTitle,
  firms,
  amountYuan,
});

describe('兑现公示', () => {
  it('shows the totals and, per policy, each item’s firms and amount with a bar against the largest', async () => {
    serve({
      'GET /v1/policies/disbursements': () =>
        ok({
          items: [
            row('tech-2026-1', '高新技术企业认定奖励', 12, 2_400_000),
            row('tech-2026-2', '研发投入补助', 5, 600_000),
            row('jobs-2026-1', '稳岗补贴', 40, 1_200_000, 'jobs-2026', '越秀区稳岗就业十条'),
          ],
          totalFirms: 57,
          totalYuan: 4_200_000,
          asOf: '2026-11-30',
        }),
    });
    render(<Disbursements />);
    const totals = await screen.findByTestId('totals');
    expect(totals).toHaveTextContent('420 万元');
    expect(totals).toHaveTextContent('57 家次');
    expect(totals).toHaveTextContent('截至 2026年11月30日');
    expect(screen.getAllByTestId('disbursement-policy')).toHaveLength(2);
    const rows = screen.getAllByTestId('disbursement-row');
    expect(rows.map((r) => r.textContent)).toEqual(['高新技术企业认定奖励240 万元12 家企业', '研发投入补助60 万元5 家企业', '稳岗补贴120 万元40 家企业']);
    expect(screen.getAllByTestId('bar').map((b) => b.style.width)).toEqual(['100%', '25%', '50%']);

    fireEvent.click(screen.getByRole('link', { name: '越秀区稳岗就业十条，查看政策' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/policy/detail/index?id=jobs-2026' });
  });

  it('says so when nothing has been paid yet', async () => {
    serve({ 'GET /v1/policies/disbursements': () => ok({ items: [], totalFirms: 0, totalYuan: 0, asOf: '2026-11-30' }) });
    render(<Disbursements />);
    expect(await screen.findByTestId('empty')).toHaveTextContent('还没有拨付到账的政策资金');
  });
});
