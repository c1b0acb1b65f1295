import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { benefit, calls, claimView, fail, login, ok, request, resetTaro, serve, type Call } from '../testing';
import Benefits from './index';

const showModal = Taro.showModal as unknown as jest.Mock;
const CLAIM = '/v1/member/benefits/museum-ticket/claim';
const claims = () => calls().filter((c) => c.method === 'POST' && c.url === CLAIM);
const gets = () => calls().filter((c) => c.method === 'GET' && c.url === '/v1/member/benefits');
const card = (id: string) => document.querySelector(`.mb-benefit[data-id="${id}"]`) as HTMLElement;
const claimButton = (id: string) => card(id).querySelector('.mb-benefit-claim') as HTMLButtonElement;

const MEMBER_DAY = { isToday: true, next: '2026-11-18', dayOfMonth: 18 };
const OTHER_DAY = { isToday: false, next: '2026-12-18', dayOfMonth: 18 };
const NOT_TODAY = '福利只能在会员日（每月 18 日）领取，下次会员日是 12 月 18 日';

function page(
  memberDay = MEMBER_DAY,
  items = [
    benefit(),
    benefit({ id: 'tea-coupon', title: '老字号茶楼早茶券', partner: '越秀老字号', pointsPrice: 0, minLevel: '普通卡', stock: 50, stockLeft: 50 }),
    benefit({ id: 'cinema', title: '电影票', partner: '越秀影城', stockLeft: 0, soldOut: true, canClaim: false, reason: '已领完' }),
    benefit({ id: 'gold-only', title: '文化场馆年卡', partner: '越秀文化馆', minLevel: '金卡', canClaim: false, reason: '这项福利仅限金卡及以上会员领取' }),
  ],
) {
  const isToday = memberDay.isToday;
  return ok({
    today: isToday ? '2026-11-18' : '2026-11-26',
    memberDay,
    items: items.map((b) => (isToday ? b : { ...b, canClaim: false, reason: NOT_TODAY })),
  });
}

beforeEach(resetTaro);

describe('会员日福利', () => {
  it('shows each benefit and, outside member day, when the next one is with every claim button disabled', async () => {
    login('resident');
    serve({ 'GET /v1/member/benefits': () => page(OTHER_DAY) });
    render(<Benefits />);
    expect(await screen.findByTestId('member-day')).toHaveTextContent('福利只能在会员日领取，下次会员日 12 月 18 日');
    expect(screen.getByTestId('member-day')).not.toHaveClass('on');
    const museum = card('museum-ticket');
    expect(museum).toHaveTextContent('广东省博物馆门票');
    expect(museum).toHaveTextContent('凭兑换码到服务台换取门票一张');
    expect(museum).toHaveTextContent('银卡及以上');
    expect(museum).toHaveTextContent('50 积分');
    expect(museum).toHaveTextContent('每人限领 1 次');
    expect(within(museum).getByTestId('stock')).toHaveTextContent('仅剩 12 份');
    expect((museum.querySelector('.mb-stock-fill') as HTMLElement).style.width).toBe('12%');
    expect(card('tea-coupon')).toHaveTextContent('免费');
    expect(within(card('cinema')).getByTestId('stock')).toHaveTextContent('已领完');
    expect(card('cinema')).toHaveClass('sold-out');

    const buttons = Array.from(document.querySelectorAll('.mb-benefit-claim')) as HTMLButtonElement[];
    expect(buttons).toHaveLength(4);
    expect(buttons.every((b) => b.disabled)).toBe(true);
    expect(screen.queryByText(NOT_TODAY)).not.toBeInTheDocument();
    fireEvent.click(buttons[0]);
    expect(showModal).not.toHaveBeenCalled();
    expect(claims()).toHaveLength(0);
  });

  it('on member day: confirms the points to spend, claims with an Idempotency-Key, shows the code and refreshes', async () => {
    login('resident');
    let claimed = false;
    serve({
      'GET /v1/member/benefits': () =>
        claimed ? page(MEMBER_DAY, [benefit({ stockLeft: 11, claimedByMe: 1, canClaim: false, reason: '这项福利每人限领 1 次，您已领满' })]) : page(),
      [`POST ${CLAIM}`]: () => {
        claimed = true;
        return ok(claimView(), 201);
      },
    });
    render(<Benefits />);
    expect(await screen.findByTestId('member-day')).toHaveTextContent('今天是会员日');
    expect(screen.getByTestId('member-day')).toHaveClass('on');
    expect(claimButton('museum-ticket')).not.toBeDisabled();
    // not claimable: the server's reason instead of a button
    expect(claimButton('gold-only')).toBeNull();
    expect(within(card('gold-only')).getByTestId('reason')).toHaveTextContent('这项福利仅限金卡及以上会员领取');
    expect(within(card('cinema')).getByTestId('reason')).toHaveTextContent('已领完');

    fireEvent.click(claimButton('museum-ticket'));
    await waitFor(() => expect(claims()).toHaveLength(1));
    expect(showModal).toHaveBeenCalledTimes(1);
    expect(showModal.mock.calls[0][0].content).toContain('将使用 50 积分');
    expect(showModal.mock.calls[0][0].content).toContain('广东省博物馆门票');
    expect(claims()[0].header['Idempotency-Key']).toMatch(/^[A-Za-z0-9_-]{8,64}$/);

    const result = await screen.findByTestId('claim-result');
    expect(result.querySelector('.mb-code')).toHaveTextContent('ABCD-EFGH-JK');
    expect(within(result).getByAltText('兑换码 ABCD-EFGH-JK')).toBeInTheDocument();
    expect(result).toHaveTextContent('请在 2026年11月24日（含）前到 广东省博物馆 使用');
    expect(result).toHaveTextContent('已使用 50 积分');
    await waitFor(() => expect(gets()).toHaveLength(2));
    await waitFor(() => expect(within(card('museum-ticket')).getByTestId('reason')).toHaveTextContent('您已领满'));
    expect(within(card('museum-ticket')).getByTestId('stock')).toHaveTextContent('仅剩 11 份');

    fireEvent.click(within(result).getByText('查看我的兑换码'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/member/claims/index' });
    expect(screen.queryByTestId('claim-result')).not.toBeInTheDocument();
  });

  it('says a free benefit is free, sends nothing when the dialog is declined, and keeps one key across a retry', async () => {
    login('resident');
    let attempt = 0;
    serve({
      'GET /v1/member/benefits': () => page(),
      'POST /v1/member/benefits/tea-coupon/claim': () => {
        attempt += 1;
        if (attempt === 1) throw new Error('offline');
        return ok(claimView({ code: 'WXYZ-2345-67', title: '老字号茶楼早茶券', partner: '越秀老字号', pointsPrice: 0 }), 201);
      },
    });
    render(<Benefits />);
    await screen.findByTestId('member-day');
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(claimButton('tea-coupon'));
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    expect(showModal.mock.calls[0][0].content).toContain('免费领取');
    await waitFor(() => expect(claimButton('tea-coupon')).not.toBeDisabled());
    expect(request.mock.calls.filter((c) => (c[0] as Call).method === 'POST')).toHaveLength(0);

    // the answer is lost: the message, then a retry with the same key
    fireEvent.click(claimButton('tea-coupon'));
    expect(await within(card('tea-coupon')).findByRole('alert')).toHaveTextContent('网络不太顺畅，请检查网络后重试');
    fireEvent.click(claimButton('tea-coupon'));
    expect(await screen.findByTestId('claim-result')).toHaveTextContent('WXYZ-2345-67');
    const posts = calls().filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[1].header['Idempotency-Key']).toBe(posts[0].header['Idempotency-Key']);
    expect(screen.getByTestId('claim-result')).not.toHaveTextContent('已使用');

    // a later, separate claim is a new intention: a new key
    fireEvent.click(screen.getByText('知道了'));
    fireEvent.click(claimButton('tea-coupon'));
    await waitFor(() => expect(calls().filter((c) => c.method === 'POST')).toHaveLength(3));
    expect(calls().filter((c) => c.method === 'POST')[2].header['Idempotency-Key']).not.toBe(posts[0].header['Idempotency-Key']);
  });

  it('a double tap opens one dialog and sends one claim', async () => {
    login('resident');
    serve({ 'GET /v1/member/benefits': () => page(), [`POST ${CLAIM}`]: () => ok(claimView(), 201) });
    let answer!: (v: { confirm: boolean; cancel: boolean }) => void;
    showModal.mockImplementationOnce(
      () =>
        new Promise((r) => {
          answer = r;
        }),
    );
    render(<Benefits />);
    await screen.findByTestId('member-day');
    fireEvent.click(claimButton('museum-ticket'));
    fireEvent.click(claimButton('museum-ticket'));
    answer({ confirm: true, cancel: false });
    await screen.findByTestId('claim-result');
    expect(showModal).toHaveBeenCalledTimes(1);
    expect(claims()).toHaveLength(1);
  });

  it('shows the server’s refusal on the benefit and refreshes the list', async () => {
    login('resident');
    let soldOut = false;
    serve({
      'GET /v1/member/benefits': () => (soldOut ? page(MEMBER_DAY, [benefit({ stockLeft: 0, soldOut: true, canClaim: false, reason: '已领完' })]) : page()),
      [`POST ${CLAIM}`]: () => {
        soldOut = true;
        return fail(409, '已领完，下个会员日再来看看吧');
      },
    });
    render(<Benefits />);
    await screen.findByTestId('member-day');
    fireEvent.click(claimButton('museum-ticket'));
    expect(await within(card('museum-ticket')).findByRole('alert')).toHaveTextContent('已领完，下个会员日再来看看吧');
    await waitFor(() => expect(within(card('museum-ticket')).getByTestId('stock')).toHaveTextContent('已领完'));
    expect(gets()).toHaveLength(2);
    expect(screen.queryByTestId('claim-result')).not.toBeInTheDocument();
  });
});
