import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { claimView, login, ok, request, resetTaro, serve } from '../testing';
import Claims from './index';

beforeEach(resetTaro);

describe('我的兑换码', () => {
  it('lists codes with their status and opens a usable one to its QR code', async () => {
    login('resident');
    serve({
      'GET /v1/member/claims': () =>
        ok({
          items: [
            claimView(),
            claimView({
              code: 'MNPQ-RSTU-VW',
              title: '老字号茶楼早茶券',
              partner: '越秀老字号',
              status: 'redeemed',
              statusName: '已核销',
              redeemedAt: '2026-11-19T03:15:00.000Z',
            }),
            claimView({ code: 'HJKL-MNPQ-RS', title: '电影票', partner: '越秀影城', statusName: '已过期', expiresOn: '2026-10-24' }),
          ],
        }),
    });
    render(<Claims />);
    const rows = await screen.findAllByTestId('claim');
    expect(rows).toHaveLength(3);
    expect(screen.getAllByTestId('claim-status').map((t) => [t.textContent, t.className])).toEqual([
      ['待使用', 'tag mb-status tag-green'],
      ['已核销', 'tag mb-status tag-gray'],
      ['已过期', 'tag mb-status tag-orange'],
    ]);
    expect(rows.map((r) => r.querySelector('.mb-code')!.textContent)).toEqual(['ABCD-EFGH-JK', 'MNPQ-RSTU-VW', 'HJKL-MNPQ-RS']);
    expect(screen.queryByRole('img')).not.toBeInTheDocument();

    fireEvent.click(rows[0]);
    const panel = within(rows[0]).getByTestId('claim-panel');
    expect(within(panel).getByAltText('兑换码 ABCD-EFGH-JK')).toBeInTheDocument();
    expect(panel).toHaveTextContent('请在 2026年11月24日（含）前到 广东省博物馆 使用');
    expect(rows[0]).toHaveAttribute('aria-expanded', 'true');

    // one open at a time; a used code says when, with no QR to show
    fireEvent.click(rows[1]);
    expect(within(rows[0]).queryByTestId('claim-panel')).not.toBeInTheDocument();
    expect(within(rows[1]).getByTestId('claim-panel')).toHaveTextContent('已于 11月19日 11:15 核销使用');
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    fireEvent.click(rows[2]);
    expect(within(rows[2]).getByTestId('claim-panel')).toHaveTextContent('已于 2026年10月24日 过期');
    fireEvent.click(rows[2]);
    expect(within(rows[2]).queryByTestId('claim-panel')).not.toBeInTheDocument();
  });

  it('points to the benefits when there is no code yet', async () => {
    login('enterprise');
    serve({ 'GET /v1/member/claims': () => ok({ items: [] }) });
    render(<Claims />);
    expect(await screen.findByTestId('empty')).toHaveTextContent('还没有兑换码');
    fireEvent.click(screen.getByText('看看会员日福利'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/member/benefits/index' });
  });

  it('asks a visitor to log in first', () => {
    render(<Claims />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('登录后');
    expect(request).not.toHaveBeenCalled();
  });
});
