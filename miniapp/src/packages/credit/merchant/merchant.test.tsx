import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { creditApi } from '../../../api/credit';
import { apiError, login, profile, rating, resetTaro, route, SCAN, TANGSHUI } from '../parts/testing';
import Merchant from './index';

jest.mock('../../../api/credit', () => ({
  ...jest.requireActual('../../../api/credit'),
  creditApi: { profile: jest.fn(), myRating: jest.fn() },
}));
const api = creditApi as unknown as Record<'profile' | 'myRating', jest.Mock>;

beforeEach(() => {
  resetTaro();
  Object.values(api).forEach((f) => f.mockReset());
  api.profile.mockResolvedValue(profile());
  api.myRating.mockResolvedValue({ rating: null, nextOn: null });
});

describe('商户信用档案', () => {
  it('shows the firm, its grade big in its colour with the rules, and its records, without login', async () => {
    route({ code: TANGSHUI, s: SCAN });
    render(<Merchant />);
    const head = await screen.findByTestId('merchant-head');
    expect(api.profile).toHaveBeenCalledWith(TANGSHUI);
    expect(api.myRating).not.toHaveBeenCalled();
    expect(head).toHaveTextContent('广州越秀北京路陈记糖水有限公司');
    expect(head).toHaveTextContent('法定代表人：梁*梅');
    expect(head).toHaveTextContent('地址：广州市越秀区北京路 188 号');
    const badge = within(head).getByTestId('grade-badge');
    expect(badge).toHaveTextContent('B 级 · 信用良好');
    expect(badge).toHaveStyle({ background: '#1d6fd1' });
    expect(screen.getByTestId('grade-rules')).toHaveTextContent('依据《越秀区企业政务信用评级规则（2026 版）》评定');
    fireEvent.click(screen.getByTestId('merchant-rules-link'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/credit/rules/index' });

    const licences = screen.getByTestId('section-licence');
    expect(within(licences).getByTestId('record-r_l20250315_ts1')).toHaveTextContent('有效');
    expect(within(licences).getByTestId('record-r_l20150315_ts2')).toHaveTextContent('已过期');

    const penalties = screen.getByTestId('section-penalty');
    expect(within(penalties).getByText('近三年行政处罚')).toBeInTheDocument();
    const first = within(penalties).getByTestId('record-r_p20260615_ts4');
    expect(first).toHaveTextContent('决定书文号：穗越市监罚〔2026〕0633号');
    expect(first).toHaveTextContent('餐饮具清洗消毒不符合要求，罚款 5000 元');
    expect(first).toHaveTextContent('处罚依据：《中华人民共和国食品安全法》第一百二十六条');
    expect(first).toHaveTextContent('处罚机关：广州市越秀区市场监督管理局');
    expect(first).toHaveTextContent('处罚决定日期：2026年6月15日');
    expect(within(first).getByTestId('record-reviewing')).toHaveTextContent('异议核查中');
    expect(within(penalties).getByTestId('record-r_p20260215_ts3')).not.toHaveTextContent('异议核查中');
    expect(screen.queryByTestId('no-penalties')).toBeNull();

    fireEvent.click(screen.getByTestId('all-penalty'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: `/packages/credit/records/index?code=${TANGSHUI}&kind=penalty&name=${encodeURIComponent('广州越秀北京路陈记糖水有限公司')}`,
    });
    expect(screen.getByTestId('section-honour')).toHaveTextContent('暂无守信激励信息');
    expect(screen.queryByTestId('all-honour')).toBeNull();
  });

  it('a firm without penalties says so in green; a D firm’s badge is red', async () => {
    api.profile.mockResolvedValue(
      profile({ grade: { grade: 'D', rulesVersion: '2026-01', rulesName: '规则' }, penalties: [], counts: { licence: 2, penalty: 0, honour: 0 } }),
    );
    route({ code: TANGSHUI });
    render(<Merchant />);
    expect(await screen.findByTestId('no-penalties')).toHaveTextContent('近三年无行政处罚');
    expect(screen.queryByTestId('all-penalty')).toBeNull();
    const badge = within(screen.getByTestId('merchant-head')).getByTestId('grade-badge');
    expect(badge).toHaveTextContent('D 级 · 严重失信');
    expect(badge).toHaveStyle({ background: '#c8161d' });
  });

  it('shows the average, the 5→1 star distribution as bars and the recent ratings with the merchant’s reply', async () => {
    route({ code: TANGSHUI, s: SCAN });
    render(<Merchant />);
    const average = await screen.findByTestId('rating-average');
    expect(average).toHaveTextContent('4.3');
    expect(average).toHaveTextContent('4 条评价');
    expect(within(average).getByRole('img', { name: '平均 4.3 星' })).toBeInTheDocument();
    const bars = screen.getByTestId('star-bars');
    expect(bars).toHaveAttribute('role', 'img');
    expect(bars).toHaveAttribute('aria-label', '5 星 2 条，4 星 1 条，3 星 1 条，2 星 0 条，1 星 0 条');
    const rows = within(bars).getAllByTestId(/^star-bar-/);
    expect(rows.map((r) => r.getAttribute('data-testid'))).toEqual(['star-bar-5', 'star-bar-4', 'star-bar-3', 'star-bar-2', 'star-bar-1']);
    expect(rows[0].querySelector('.cr-bar')).toHaveStyle({ width: '50%' });
    expect(rows[1].querySelector('.cr-bar')).toHaveStyle({ width: '25%' });
    expect(rows[4].querySelector('.cr-bar')).toHaveStyle({ width: '0%' });
    const r = screen.getByTestId('rating-rt_00mabc123xyz');
    expect(r).toHaveTextContent('张**');
    expect(r).toHaveTextContent('服务热情');
    expect(r).toHaveTextContent('糖水好喝，服务热情。');
    expect(within(r).getByRole('img', { name: '4 星' })).toBeInTheDocument();
    expect(within(r).getByTestId('rating-reply')).toHaveTextContent('商家回复：谢谢惠顾，欢迎再来。');
    fireEvent.click(screen.getByTestId('all-ratings'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: expect.stringContaining(`/packages/credit/records/index?code=${TANGSHUI}&kind=ratings`) });
  });

  it('with the scan’s proof offers 评价商户 (with code and s); 我要投诉 opens the appeal form for this firm', async () => {
    route({ code: TANGSHUI, s: SCAN });
    render(<Merchant />);
    fireEvent.click(await screen.findByRole('button', { name: '评价商户' }));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({
      url: `/packages/credit/rate/index?code=${TANGSHUI}&s=${SCAN}&name=${encodeURIComponent('广州越秀北京路陈记糖水有限公司')}`,
    });
    fireEvent.click(screen.getByRole('button', { name: '我要投诉' }));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/packages/appeal/file/index?firm=${TANGSHUI}` });
  });

  it('opened without the scan’s proof (from a search), it explains that rating needs the code in the shop', async () => {
    route({ code: TANGSHUI });
    render(<Merchant />);
    expect(await screen.findByTestId('rate-needs-scan')).toHaveTextContent('在店内扫描商户张贴的“信用码”');
    expect(screen.queryByRole('button', { name: '评价商户' })).toBeNull();
    expect(screen.getByRole('button', { name: '我要投诉' })).toBeInTheDocument();
  });

  it('opened by WeChat with the poster’s link in q, it reads the code and the proof from it', async () => {
    route({ q: encodeURIComponent(`https://app.example.cn/c/${TANGSHUI}?s=${SCAN}`) });
    render(<Merchant />);
    fireEvent.click(await screen.findByRole('button', { name: '评价商户' }));
    expect(api.profile).toHaveBeenCalledWith(TANGSHUI);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: expect.stringContaining(`code=${TANGSHUI}&s=${SCAN}`) });
  });

  it('signed in and rated within the window: says when one may rate again instead of the button', async () => {
    login();
    api.myRating.mockResolvedValue({ rating: rating({ mine: true, at: '2026-07-01T04:00:00.000Z' }), nextOn: '2026-07-31' });
    route({ code: TANGSHUI, s: SCAN });
    render(<Merchant />);
    expect(await screen.findByTestId('my-rating')).toHaveTextContent('您已于 2026年7月1日 评价，2026年7月31日 起可再次评价');
    expect(api.myRating).toHaveBeenCalledWith(TANGSHUI);
    expect(screen.queryByRole('button', { name: '评价商户' })).toBeNull();
  });

  it('signed in without a rating in the window: the button; the firm’s own people are told they cannot rate themselves', async () => {
    login();
    route({ code: TANGSHUI, s: SCAN });
    const r = render(<Merchant />);
    expect(await screen.findByRole('button', { name: '评价商户' })).toBeInTheDocument();
    expect(api.myRating).toHaveBeenCalledWith(TANGSHUI);
    r.unmount();
    login('enterprise', TANGSHUI);
    render(<Merchant />);
    expect(await screen.findByTestId('rate-own')).toHaveTextContent('不能评价自己的企业');
    expect(screen.queryByRole('button', { name: '评价商户' })).toBeNull();
  });

  it('an unknown firm: the server’s message with 重试; no code at all: how to find one', async () => {
    api.profile.mockRejectedValueOnce(apiError(404, '未找到该企业的信用信息，请核对统一社会信用代码', 'NOT_FOUND'));
    route({ code: TANGSHUI });
    const r = render(<Merchant />);
    expect(await screen.findByText('未找到该企业的信用信息，请核对统一社会信用代码')).toBeInTheDocument();
    fireEvent.click(screen.getByText('重试'));
    await waitFor(() => expect(screen.getByTestId('merchant-head')).toBeInTheDocument());
    r.unmount();
    route({});
    api.profile.mockClear();
    render(<Merchant />);
    expect(await screen.findByText(/请重新扫描商户的信用码/)).toBeInTheDocument();
    expect(api.profile).not.toHaveBeenCalled();
    expect(screen.queryByText('重试')).toBeNull();
  });
});
