import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { calls, fail, home, login, ok, request, resetTaro, serve } from '../testing';
import Calendar from './index';

const cells = (selector = '') => Array.from(document.querySelectorAll(`.mb-cal-cell${selector}`)) as HTMLElement[];
const dates = (selector: string) => cells(selector).map((c) => c.getAttribute('data-date'));
const monthCalls = () =>
  calls()
    .filter((c) => c.url.startsWith('/v1/member/check-ins'))
    .map((c) => c.url);

beforeEach(resetTaro);

describe('签到日历', () => {
  it('draws the month Monday first with checked days, today and future days, and the rules', async () => {
    login('resident');
    serve({
      'GET /v1/member/check-ins': (c) =>
        c.url.includes('month=2026-10')
          ? ok({ month: '2026-10', today: '2026-11-26', dates: ['2026-10-30', '2026-10-31'], streak: 3, checkedToday: true })
          : ok({ month: '2026-11', today: '2026-11-26', dates: ['2026-11-24', '2026-11-25', '2026-11-26'], streak: 3, checkedToday: true }),
      'GET /v1/member': () => ok(home()),
    });
    render(<Calendar />);
    expect(await screen.findByTestId('month')).toHaveTextContent('2026 年 11 月');
    expect(monthCalls()).toEqual(['/v1/member/check-ins']);
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['一', '二', '三', '四', '五', '六', '日']);
    // 1 Nov 2026 is a Sunday: six blanks first, then the 1st under 日
    const first = screen.getAllByRole('row')[1].querySelectorAll('.mb-cal-cell');
    expect(
      Array.from(first)
        .slice(0, 6)
        .every((c) => c.classList.contains('blank')),
    ).toBe(true);
    expect(first[6]).toHaveAttribute('data-date', '2026-11-01');
    expect(dates('.checked')).toEqual(['2026-11-24', '2026-11-25', '2026-11-26']);
    expect(cells('.checked')[0]).toHaveTextContent('24✓');
    expect(dates('.today')).toEqual(['2026-11-26']);
    expect(dates('.future')).toEqual(['2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30']);
    expect(screen.getByTestId('streak')).toHaveTextContent('已连续签到 3 天');
    expect(screen.getByText('今日已签到')).toBeInTheDocument();

    expect(await screen.findByTestId('rules')).toHaveTextContent('每天签到得 5 积分');
    expect(screen.getByTestId('rules')).toHaveTextContent('连续签到 7 天，额外奖励 +20 积分');
    expect(screen.getByTestId('rules')).toHaveTextContent('连续签到 28 天，额外奖励 +100 积分');

    // never beyond the current month
    expect(screen.getByRole('button', { name: '下个月' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: '上个月' }));
    await waitFor(() => expect(screen.getByTestId('month')).toHaveTextContent('2026 年 10 月'));
    expect(monthCalls()[1]).toBe('/v1/member/check-ins?month=2026-10');
    expect(dates('.checked')).toEqual(['2026-10-30', '2026-10-31']);
    expect(dates('.today')).toEqual([]);
    expect(dates('.future')).toEqual([]);
    // 1 Oct 2026 is a Thursday
    expect(screen.getAllByRole('row')[1].querySelectorAll('.mb-cal-cell.blank')).toHaveLength(3);

    expect(screen.getByRole('button', { name: '下个月' })).not.toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: '下个月' }));
    await waitFor(() => expect(screen.getByTestId('month')).toHaveTextContent('2026 年 11 月'));
    expect(monthCalls()[2]).toBe('/v1/member/check-ins?month=2026-11');
  });

  it('sends someone without a card to claim one', async () => {
    login('resident');
    serve({
      'GET /v1/member/check-ins': () => fail(404, '您还没有会员卡', 'NOT_FOUND'),
      'GET /v1/member': () => ok(home({ card: null })),
    });
    render(<Calendar />);
    expect(await screen.findByTestId('no-card')).toHaveTextContent('您还没有会员卡，领卡后即可每日签到');
    fireEvent.click(screen.getByText('去领卡'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/member/home/index' });
    expect(screen.queryByTestId('rules')).not.toBeInTheDocument();
  });

  it('is not for partner cashiers', () => {
    login('partner');
    render(<Calendar />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('会员专区仅供');
    expect(request).not.toHaveBeenCalled();
  });
});
