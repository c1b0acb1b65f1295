import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { creditApi, myCreditApi } from '../../../api/credit';
import MyCredit from './index';
import { apiError, login, profile, rating, record, resetTaro, review, showModal, TANGSHUI } from './testing';

jest.mock('../../../api/credit', () => ({
  ...jest.requireActual('../../../api/credit'),
  creditApi: { ratings: jest.fn() },
  myCreditApi: { profile: jest.fn(), records: jest.fn(), reviews: jest.fn(), reply: jest.fn(), poster: jest.fn() },
}));
const pub = creditApi as unknown as Record<'ratings', jest.Mock>;
const mine = myCreditApi as unknown as Record<'profile' | 'records' | 'reviews' | 'reply' | 'poster', jest.Mock>;

beforeEach(() => {
  resetTaro();
  [...Object.values(pub), ...Object.values(mine)].forEach((f) => f.mockReset());
  mine.profile.mockResolvedValue(profile());
  mine.records.mockResolvedValue({ items: [record()] });
  mine.reviews.mockResolvedValue({ items: [] });
  pub.ratings.mockResolvedValue({ items: [] });
});

describe('我的企业信用', () => {
  it('is for firm accounts only', () => {
    login('resident');
    render(<MyCredit />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('我的企业信用仅供企业账号使用');
    expect(mine.profile).not.toHaveBeenCalled();
  });

  it('shows the grade, the score, the rules, every point lost or gained and how the grade changed', async () => {
    login('enterprise');
    render(<MyCredit />);
    expect(await screen.findByTestId('score')).toHaveTextContent('84 分');
    const card = screen.getByTestId('grade-card');
    expect(within(card).getByTestId('grade-badge')).toHaveAttribute('data-grade', 'B');
    expect(card).toHaveTextContent('越秀区企业政务信用评级规则（2026 版）');
    const reasons = screen.getAllByTestId('reason');
    expect(reasons).toHaveLength(2);
    expect(reasons[0]).toHaveTextContent('-8 分');
    expect(reasons[0]).toHaveTextContent('未按规定公示食品经营许可证');
    expect(reasons[0]).toHaveTextContent('已满最短公示期，纠正失信行为后可申请信用修复');
    expect(within(reasons[0]).getByText('-8 分')).toHaveClass('fc-minus');
    expect(within(reasons[1]).getByText('+3 分')).toHaveClass('fc-plus');
    expect(screen.getByTestId('grade-change')).toHaveTextContent('A 级 → B 级（84 分）');
    expect(screen.getByTestId('grade-change')).toHaveTextContent('新增行政处罚信息');
  });

  it('greys 申请信用修复 until the day the server gave, and opens the form for one that may be repaired', async () => {
    login('enterprise');
    mine.records.mockResolvedValue({
      items: [
        record({ id: 'r_p20990101_late', repairableFrom: '2099-01-01', leavesOn: '2099-10-01', repairable: false }),
        record({ id: 'r_p20260101_old', repairableFrom: '2026-04-01', repairable: true }),
        record({ id: 'r_p20251201_done', status: 'repaired', repairedAt: '2026-05-01T02:00:00.000Z' }),
      ],
    });
    render(<MyCredit />);
    const late = await screen.findByTestId('record-r_p20990101_late');
    expect(mine.records).toHaveBeenCalledWith('penalty', undefined);
    const early = within(late).getByTestId('repair-btn');
    expect(early).toHaveTextContent('2099年1月1日 起可申请');
    expect(early).toBeDisabled();
    expect(within(late).getByTestId('record-status')).toHaveTextContent('公示中');

    const old = screen.getByTestId('record-r_p20260101_old');
    fireEvent.click(within(old).getByText('申请信用修复'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/credit/review/index?recordId=r_p20260101_old&kind=repair' });
    fireEvent.click(within(old).getByText('提出异议'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/credit/review/index?recordId=r_p20260101_old&kind=objection' });

    const done = screen.getByTestId('record-r_p20251201_done');
    expect(within(done).getByTestId('record-status')).toHaveTextContent('已修复');
    expect(within(done).queryByTestId('repair-btn')).toBeNull();
    expect(within(done).queryByText('提出异议')).toBeNull();
  });

  it('says which request is open on a record, and lists the requests with the clock or the refusal', async () => {
    login('enterprise');
    mine.records.mockResolvedValue({ items: [record({ reviewing: true })] });
    mine.reviews.mockResolvedValue({
      items: [
        review({ kind: 'objection', light: 'yellow', remainingDays: 1 }),
        review({ id: 'cr_review000002', status: 'refused', reason: '整改报告未体现已缴清罚款', decidedAt: '2026-05-20T02:00:00.000Z' }),
      ],
      cursor: 'next',
    });
    render(<MyCredit />);
    await waitFor(() => expect(screen.getByTestId('record-reviewing')).toHaveTextContent('异议核查中'));
    expect(screen.queryByTestId('repair-btn')).toBeNull();
    const open = screen.getByTestId('review-cr_review000001');
    expect(open).toHaveTextContent('信用异议：未按规定公示食品经营许可证');
    expect(open).toHaveTextContent('2026年6月10日 前答复');
    expect(within(open).getByTestId('traffic-light')).toHaveAttribute('data-light', 'yellow');
    expect(screen.getByTestId('refused-reason')).toHaveTextContent('不同意的理由：整改报告未体现已缴清罚款');
    expect(within(screen.getByTestId('my-reviews')).getByText('加载更多')).toBeInTheDocument();
  });

  it('replies to a rating once, after saying it cannot be changed; a short reply or a cancel sends nothing', async () => {
    login('enterprise');
    pub.ratings.mockResolvedValue({ items: [rating(), rating({ id: 'rt_rating0002', reply: { text: '谢谢', at: '2026-06-02T05:00:00.000Z' } })] });
    mine.reply.mockResolvedValue(rating({ reply: { text: '谢谢您的喜欢，欢迎再来！', at: '2026-06-03T05:00:00.000Z' } }));
    render(<MyCredit />);
    await screen.findByTestId('reply-rt_rating0001');
    expect(pub.ratings).toHaveBeenCalledWith(TANGSHUI, undefined);
    expect(screen.queryByTestId('reply-rt_rating0002')).toBeNull();

    fireEvent.click(screen.getByTestId('reply-rt_rating0001'));
    fireEvent.change(screen.getByLabelText('回复顾客'), { target: { value: '谢' } });
    fireEvent.click(screen.getByText('发送回复'));
    expect(await screen.findByText('回复至少 2 个字')).toBeInTheDocument();
    expect(showModal).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('回复顾客'), { target: { value: '谢谢您的喜欢，欢迎再来！' } });
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(screen.getByText('发送回复'));
    await waitFor(() => expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '回复后不能修改，确定发送？' })));
    expect(mine.reply).not.toHaveBeenCalled();
    expect(screen.getByLabelText('回复顾客')).toHaveValue('谢谢您的喜欢，欢迎再来！');

    fireEvent.click(screen.getByText('发送回复'));
    await waitFor(() => expect(mine.reply).toHaveBeenCalledWith('rt_rating0001', '谢谢您的喜欢，欢迎再来！'));
    await waitFor(() => expect(within(screen.getByTestId('rating-rt_rating0001')).getByTestId('rating-reply')).toHaveTextContent('谢谢您的喜欢'));
    expect(screen.queryByTestId('reply-box')).toBeNull();
  });

  it('keeps the reply typed when it fails, with the server message', async () => {
    login('enterprise');
    pub.ratings.mockResolvedValue({ items: [rating()] });
    mine.reply.mockRejectedValue(apiError(409, '该评价已回复过，不能修改', 'CONFLICT'));
    render(<MyCredit />);
    fireEvent.click(await screen.findByTestId('reply-rt_rating0001'));
    fireEvent.change(screen.getByLabelText('回复顾客'), { target: { value: '感谢惠顾' } });
    fireEvent.click(screen.getByText('发送回复'));
    expect(await screen.findByText('该评价已回复过，不能修改')).toBeInTheDocument();
    expect(screen.getByLabelText('回复顾客')).toHaveValue('感谢惠顾');
  });

  it('makes a new poster only after saying the old one stops working; shows its QR and the PDF', async () => {
    login('enterprise');
    mine.poster.mockResolvedValue({ url: 'https://files.example/poster.pdf', version: 2, scanUrl: `https://app.example/c/${TANGSHUI}?s=abcdefghijklmnop` });
    render(<MyCredit />);
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(await screen.findByText('信用码公示牌', { selector: 'button' }));
    await waitFor(() => expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('旧公示牌将不能再用于评价') })));
    expect(mine.poster).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('信用码公示牌', { selector: 'button' }));
    const qr = await screen.findByTestId('poster-qr');
    expect(within(qr).getByRole('img', { name: '广州越秀北京路陈记糖水有限公司的信用码' })).toBeInTheDocument();
    expect(qr).toHaveTextContent('第 2 版信用码');
    expect(within(qr).getByTestId('material-file')).toHaveTextContent('信用码公示牌.pdf');
  });
});
