import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { creditApi } from '../../../api/credit';
import { apiError, login, rating, resetTaro, route, SCAN, TANGSHUI } from '../parts/testing';
import RateMerchant from './index';

jest.mock('../../../api/credit', () => ({
  ...jest.requireActual('../../../api/credit'),
  creditApi: { myRating: jest.fn(), rate: jest.fn() },
}));
const api = creditApi as unknown as Record<'myRating' | 'rate', jest.Mock>;
const showModal = Taro.showModal as unknown as jest.Mock;
const DRAFT = `credit-rate-draft-${TANGSHUI}`;

beforeEach(() => {
  resetTaro();
  Object.values(api).forEach((f) => f.mockReset());
  api.myRating.mockResolvedValue({ rating: null, nextOn: null });
});

describe('评价商户', () => {
  it('asks a visitor to log in, and asks nothing of the server', () => {
    route({ code: TANGSHUI, s: SCAN });
    render(<RateMerchant />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('登录后可以评价商户');
    expect(api.myRating).not.toHaveBeenCalled();
  });

  it('without the scan’s proof, explains that rating needs the code in the shop', () => {
    login();
    route({ code: TANGSHUI });
    render(<RateMerchant />);
    expect(screen.getByTestId('rate-needs-scan')).toHaveTextContent('需要在店内扫描商户张贴的“信用码”');
    expect(screen.queryByTestId('rate-form')).toBeNull();
  });

  it('needs stars; sends stars, tags and comment with the draft’s key; a failure keeps the draft and the retry is the same rating', async () => {
    login();
    route({ code: TANGSHUI, s: SCAN, name: encodeURIComponent('陈记糖水') });
    render(<RateMerchant />);
    expect(await screen.findByTestId('rate-firm')).toHaveTextContent('评价：陈记糖水');
    fireEvent.click(await screen.findByTestId('rate-submit'));
    expect(await screen.findByTestId('stars-error')).toHaveTextContent('请选择 1 到 5 颗星');
    expect(showModal).not.toHaveBeenCalled();
    expect(api.rate).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('radio', { name: '4 星' }));
    expect(screen.getByRole('radio', { name: '4 星' })).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByTestId('star-word')).toHaveTextContent('4 星 · 满意');
    expect(screen.queryByTestId('stars-error')).toBeNull();
    for (const t of ['服务热情', '明码标价', '环境整洁', '诚信经营', '商品质量好']) fireEvent.click(screen.getByRole('checkbox', { name: t }));
    fireEvent.click(screen.getByRole('checkbox', { name: '价格偏高' }));
    expect(screen.getByTestId('tags-error')).toHaveTextContent('最多选择 5 个标签');
    expect(screen.getByRole('checkbox', { name: '价格偏高' })).toHaveAttribute('aria-checked', 'false');
    fireEvent.click(screen.getByRole('checkbox', { name: '商品质量好' }));
    fireEvent.change(screen.getByLabelText('评价内容（可选）'), { target: { value: '  糖水好喝，老板很热情。 ' } });
    expect(screen.getByText('14/300')).toBeInTheDocument();
    expect(Taro.getStorageSync(DRAFT)).toMatchObject({ stars: 4, tags: ['服务热情', '明码标价', '环境整洁', '诚信经营'] });

    api.rate.mockRejectedValueOnce(apiError(503, '服务暂时不可用，请稍后再试', 'UNAVAILABLE'));
    fireEvent.click(screen.getByTestId('rate-submit'));
    expect(await screen.findByTestId('rate-error')).toHaveTextContent('服务暂时不可用，请稍后再试');
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认提交评价', content: expect.stringContaining('30 天内不能再次评价') }));
    expect(screen.getByLabelText('评价内容（可选）')).toHaveValue('  糖水好喝，老板很热情。 ');

    api.rate.mockResolvedValueOnce(rating({ stars: 4, mine: true }));
    fireEvent.click(screen.getByTestId('rate-submit'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '评价成功', icon: 'success' }));
    const [first, second] = api.rate.mock.calls;
    expect(first![0]).toBe(second![0]);
    expect(second!.slice(1)).toEqual([
      TANGSHUI,
      { scan: SCAN, stars: 4, tags: ['服务热情', '明码标价', '环境整洁', '诚信经营'], comment: '糖水好喝，老板很热情。' },
    ]);
    expect(Taro.getStorageSync(DRAFT)).toBe('');
    // opened alone (no page under it): the merchant's page instead
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/packages/credit/merchant/index?code=${TANGSHUI}&s=${SCAN}` });
  });

  it('a held rating says it waits for review, and goes back to the merchant page', async () => {
    login();
    route({ code: TANGSHUI, s: SCAN });
    (Taro.getCurrentPages as jest.Mock).mockReturnValueOnce([{}, {}]);
    api.rate.mockResolvedValueOnce(rating({ stars: 1, tags: [], comment: undefined, status: 'held', heldFor: 'words', mine: true }));
    render(<RateMerchant />);
    fireEvent.click(await screen.findByRole('radio', { name: '1 星' }));
    fireEvent.click(screen.getByTestId('rate-submit'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '评价已提交，待审核后显示' })));
    expect(api.rate).toHaveBeenCalledWith(expect.any(String), TANGSHUI, { scan: SCAN, stars: 1, tags: [] });
    expect(Taro.navigateBack).toHaveBeenCalled();
  });

  it('shows the server’s message on 409 and 403, the draft kept; cancelling the confirmation sends nothing', async () => {
    login();
    route({ code: TANGSHUI, s: SCAN });
    render(<RateMerchant />);
    fireEvent.click(await screen.findByRole('radio', { name: '5 星' }));
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(screen.getByTestId('rate-submit'));
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    expect(api.rate).not.toHaveBeenCalled();

    api.rate.mockRejectedValueOnce(apiError(409, '您已在 2026-07-01 评价过该商户，2026-07-31 起可以再次评价', 'CONFLICT'));
    fireEvent.click(screen.getByTestId('rate-submit'));
    expect(await screen.findByTestId('rate-error')).toHaveTextContent('2026-07-31 起可以再次评价');
    api.rate.mockRejectedValueOnce(apiError(403, '信用码已更新或不正确，请扫描店内张贴的最新信用码后再评价', 'FORBIDDEN'));
    fireEvent.click(screen.getByTestId('rate-submit'));
    expect(await screen.findByTestId('rate-error')).toHaveTextContent('请扫描店内张贴的最新信用码后再评价');
    expect(Taro.getStorageSync(DRAFT)).toMatchObject({ stars: 5 });
    expect(Taro.navigateBack).not.toHaveBeenCalled();
  });

  it('within the window the form is not offered: when one may rate again', async () => {
    login();
    route({ code: TANGSHUI, s: SCAN });
    api.myRating.mockResolvedValue({ rating: rating({ mine: true }), nextOn: '2026-07-31' });
    render(<RateMerchant />);
    expect(await screen.findByTestId('my-rating')).toHaveTextContent('2026年7月31日 起可再次评价');
    expect(screen.queryByTestId('rate-form')).toBeNull();
  });
});
