import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { calls, card, fail, FACES, home, login, ok, request, resetTaro, serve } from '../testing';
import MemberHome from './index';

const cardEl = () => document.querySelector('.mb-card') as HTMLElement;

beforeEach(resetTaro);

describe('会员专区', () => {
  it('asks a visitor to log in and tells a partner cashier it is not for them, without calling the API', () => {
    const r = render(<MemberHome />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('登录后即可领取会员卡');
    fireEvent.click(screen.getByText('去登录'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' });
    r.unmount();

    login('partner');
    render(<MemberHome />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('会员专区仅供居民、企业');
    expect(screen.getByTestId('role-gate')).toHaveTextContent('合作商户');
    expect(request).not.toHaveBeenCalled();
  });

  it('offers a card with the points already waiting, and shows the card once claimed', async () => {
    login('resident');
    serve({
      'GET /v1/member': () => ok(home({ card: null, pendingPoints: 30 })),
      'POST /v1/member/card': () => ok(card(), 201),
    });
    render(<MemberHome />);
    expect(await screen.findByTestId('pending')).toHaveTextContent('您已有 30 积分，领卡后即可使用');
    expect(document.querySelector('.mb-card-preview')).toHaveTextContent('普通卡');
    expect(cardEl()).toBeNull();
    expect(screen.queryByText('签到日历')).not.toBeInTheDocument();

    fireEvent.click(document.querySelector('.mb-claim-card')!);
    await waitFor(() => expect(cardEl()).not.toBeNull());
    const post = calls().find((c) => c.method === 'POST')!;
    expect(post.url).toBe('/v1/member/card');
    expect(JSON.parse(post.data!)).toEqual({});
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '领卡成功', icon: 'success' });
    expect(screen.queryByTestId('pending')).not.toBeInTheDocument();

    expect(cardEl().querySelector('.mb-level-name')).toHaveTextContent('普通卡');
    expect(cardEl().querySelector('.mb-points')).toHaveTextContent('30');
    expect(cardEl()).toHaveTextContent('YX00 0000 0018');
    expect(cardEl().style.color).toBe('rgb(255, 255, 255)');
    expect(cardEl().getAttribute('style')).toContain('linear-gradient(135deg, #E53935, #B71C1C)');
    expect(screen.getByAltText('会员码 YX0000000018')).toHaveAttribute('src', expect.stringMatching(/^data:image\/svg\+xml;base64,/));
    expect(screen.getByTestId('progress')).toHaveTextContent('再得 170 成长值升级为 银卡');
    expect(screen.getByRole('progressbar', { name: /^升级进度：成长值 \d+\/\d+$/ })).toHaveAttribute('aria-valuenow', '15');
    expect(screen.getByText('普通卡权益')).toBeInTheDocument();
    expect(screen.getByText('会员日领取专属福利')).toBeInTheDocument();
  });

  it('checks in once: points, the streak bonus, and an upgrade that redraws the card', async () => {
    login('resident');
    const before = card({
      balance: 180,
      growth: 180,
      streak: 6,
      nextBonus: { day: 7, points: 20, daysLeft: 1 },
      next: { name: '银卡', threshold: 200, needed: 20, ratio: 0.9 },
    });
    const after = card({
      balance: 205,
      growth: 205,
      streak: 7,
      checkedToday: true,
      nextBonus: { day: 14, points: 50, daysLeft: 7 },
      level: { id: 'silver', name: '银卡', face: FACES.silver, perks: ['银卡及以上商户优惠券'], index: 1 },
      next: { name: '金卡', threshold: 1000, needed: 795, ratio: 0.01 },
    });
    serve({
      'GET /v1/member': () => ok(home({ card: before })),
      'POST /v1/member/check-in': () => ok({ already: false, points: 25, bonus: 20, streak: 7, upgradedTo: '银卡', card: after }),
    });
    render(<MemberHome />);
    expect(await screen.findByTestId('streak')).toHaveTextContent('已连续签到 6 天');
    expect(screen.getByTestId('next-bonus')).toHaveTextContent('再签 1 天可得 +20');
    const button = document.querySelector('.mb-checkin') as HTMLButtonElement;
    expect(button).toHaveTextContent('签到领 5 积分');
    expect(button).not.toBeDisabled();
    expect(document.querySelector('.mb-upgraded')).toBeNull();

    fireEvent.click(button);
    expect(await screen.findByRole('status')).toHaveTextContent('+25 积分（含连续 7 天奖励 +20）');
    expect(calls().filter((c) => c.method === 'POST' && c.url === '/v1/member/check-in')).toHaveLength(1);
    expect(document.querySelector('.mb-upgraded')).toHaveTextContent('恭喜升级为 银卡！卡面已更新');
    expect(cardEl().querySelector('.mb-level-name')).toHaveTextContent('银卡');
    expect(cardEl().getAttribute('style')).toContain('#ECEFF1');
    expect(cardEl().querySelector('.mb-points')).toHaveTextContent('205');
    expect(document.querySelector('.mb-checkin')).toHaveTextContent('今日已签到');
    expect(document.querySelector('.mb-checkin')).toBeDisabled();
    expect(screen.getByTestId('streak')).toHaveTextContent('已连续签到 7 天');
    expect(screen.getByTestId('next-bonus')).toHaveTextContent('再签 7 天可得 +50');
    expect(screen.getByTestId('progress')).toHaveTextContent('再得 795 成长值升级为 金卡');
  });

  it('shows a check-in already done today as disabled, and the server’s message when a check-in fails', async () => {
    login('grid');
    serve({
      'GET /v1/member': () => ok(home({ card: card({ checkedToday: true, streak: 3, nextBonus: { day: 7, points: 20, daysLeft: 4 } }) })),
    });
    const r = render(<MemberHome />);
    expect(await screen.findByText('今日已签到')).toBeDisabled();
    expect(screen.getByTestId('next-bonus')).toHaveTextContent('再签 4 天可得 +20');
    r.unmount();

    serve({
      'GET /v1/member': () => ok(home()),
      'POST /v1/member/check-in': () => fail(409, '签到的人较多，请稍后再试'),
    });
    render(<MemberHome />);
    fireEvent.click(await screen.findByText('签到领 5 积分'));
    expect(await screen.findByRole('alert')).toHaveTextContent('签到的人较多，请稍后再试');
    expect(document.querySelector('.mb-checkin')).not.toBeDisabled();
  });

  it('announces member day, or when the next one is, and links to the other pages', async () => {
    login('resident');
    serve({ 'GET /v1/member': () => ok(home()) });
    const r = render(<MemberHome />);
    expect(await screen.findByTestId('member-day')).toHaveTextContent('下次会员日：12 月 18 日');
    expect(screen.getByTestId('member-day')).not.toHaveClass('on');
    for (const [text, url] of [
      ['签到日历', '/packages/member/calendar/index'],
      ['积分明细', '/packages/member/points/index'],
      ['会员日福利', '/packages/member/benefits/index'],
      ['我的兑换码', '/packages/member/claims/index'],
    ]) {
      fireEvent.click(screen.getByText(text));
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url });
    }
    r.unmount();

    serve({ 'GET /v1/member': () => ok(home({ memberDay: { isToday: true, next: '2026-11-18', dayOfMonth: 18 } })) });
    render(<MemberHome />);
    expect(await screen.findByTestId('member-day')).toHaveTextContent('今天是会员日');
    expect(screen.getByTestId('member-day')).toHaveClass('on');
  });
});
