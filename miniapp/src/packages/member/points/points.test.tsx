import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { calls, fail, login, ok, resetTaro, serve } from '../testing';
import Points from './index';

const rows = () => screen.getAllByTestId('points-row');

beforeEach(resetTaro);

describe('积分明细', () => {
  it('shows balance and growth, +N green and −N grey with local times, and loads more with the cursor', async () => {
    login('resident');
    serve({
      'GET /v1/member/points': (c) =>
        c.url.includes('cursor=c1')
          ? ok({
              balance: 45,
              growth: 95,
              items: [{ at: '2026-11-01T16:30:00.000Z', kind: 'earned', kindName: '获得', points: 10, reason: '评价办件' }],
              nextCursor: null,
            })
          : ok({
              balance: 45,
              growth: 95,
              nextCursor: 'c1',
              items: [
                { at: '2026-11-26T01:05:00.000Z', kind: 'earned', kindName: '获得', points: 5, reason: '每日签到' },
                { at: '2026-11-18T02:00:00.000Z', kind: 'spent', kindName: '使用', points: -50, reason: '兑换：广东省博物馆门票' },
              ],
            }),
    });
    render(<Points />);
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(calls()[0].url).toBe('/v1/member/points?limit=20');
    expect(screen.getByTestId('balance')).toHaveTextContent('45');
    expect(screen.getByTestId('growth')).toHaveTextContent('95');
    expect(rows()[0]).toHaveTextContent('每日签到');
    expect(rows()[0]).toHaveTextContent('11月26日 09:05 · 获得');
    const amounts = Array.from(document.querySelectorAll('.mb-pts-amount')).map((a) => [a.textContent, a.classList.contains('plus') ? 'plus' : 'minus']);
    expect(amounts).toEqual([
      ['+5', 'plus'],
      ['−50', 'minus'],
    ]);

    fireEvent.click(screen.getByText('加载更多'));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(calls()[1].url).toBe('/v1/member/points?limit=20&cursor=c1');
    // 16:30 UTC is past midnight in Guangzhou
    expect(rows()[2]).toHaveTextContent('11月2日 00:30');
    expect(screen.queryByText('加载更多')).not.toBeInTheDocument();
    expect(screen.getByText('没有更多了')).toBeInTheDocument();
  });

  it('has an empty state that points to check-in, and shows a failed load with retry', async () => {
    login('resident');
    serve({ 'GET /v1/member/points': () => ok({ balance: 0, growth: 0, items: [], nextCursor: null }) });
    const r = render(<Points />);
    expect(await screen.findByTestId('empty')).toHaveTextContent('还没有积分记录');
    fireEvent.click(screen.getByText('去签到领积分'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/member/home/index' });
    r.unmount();

    serve({ 'GET /v1/member/points': () => fail(500, '系统繁忙，请稍后再试', 'INTERNAL') });
    render(<Points />);
    expect(await screen.findByRole('alert')).toHaveTextContent('系统繁忙，请稍后再试');
    serve({
      'GET /v1/member/points': () =>
        ok({
          balance: 5,
          growth: 5,
          items: [{ at: '2026-11-26T01:05:00.000Z', kind: 'earned', kindName: '获得', points: 5, reason: '每日签到' }],
          nextCursor: null,
        }),
    });
    fireEvent.click(screen.getByText('重试'));
    await waitFor(() => expect(rows()).toHaveLength(1));
  });
});
