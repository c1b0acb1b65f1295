import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Role } from '@yx/shared';
import { creditStaffApi, type HeldRatingPage } from '../../../api/credit';
import { saveSession } from '../../../api/session';
import { apiError, rating, resetTaro, review, route, showModal, TANGSHUI } from '../../credit/mine/testing';
import StaffCredit from './index';
import StaffCreditReview from './review/index';

jest.mock('../../../api/credit', () => ({
  ...jest.requireActual('../../../api/credit'),
  creditStaffApi: { reviews: jest.fn(), review: jest.fn(), decide: jest.fn(), held: jest.fn(), moderate: jest.fn() },
}));
const staff = creditStaffApi as unknown as Record<'reviews' | 'review' | 'decide' | 'held' | 'moderate', jest.Mock>;

function loginAs(role: Role, departmentId?: string) {
  saveSession({
    token: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u1', role, nickname: '林主任', level: 2, verified: true, ...(departmentId ? { departmentId, departmentName: '区市场监管局' } : {}) },
  });
}

type Held = HeldRatingPage['items'][number];
const held = (over: Partial<Held> = {}): Held => ({
  ...rating({ id: 'rt_held000001', status: 'held', heldFor: 'words', comment: '老板是骗子' }),
  creditCode: TANGSHUI,
  firmName: '广州越秀北京路陈记糖水有限公司',
  heldWords: ['骗子'],
  ...over,
});

beforeEach(() => {
  resetTaro();
  Object.values(staff).forEach((f) => f.mockReset());
  staff.reviews.mockResolvedValue({ items: [review()] });
  staff.held.mockResolvedValue({ items: [] });
});

describe('信用修复与异议 (staff)', () => {
  it('lists the department requests with their light and opens one', async () => {
    loginAs('staff', 'urban');
    render(<StaffCredit />);
    const row = await screen.findByTestId('credit-review-row');
    expect(row).toHaveTextContent('广州越秀北京路陈记糖水有限公司');
    expect(row).toHaveTextContent('信用修复');
    expect(row).toHaveTextContent('未按规定公示食品经营许可证');
    expect(row).toHaveTextContent('2026年6月10日 前答复');
    expect(within(row).getByTestId('traffic-light')).toHaveAttribute('data-light', 'green');
    // not the market regulator: no 商户评价审核, and its queue is never asked for
    expect(screen.queryByRole('tab')).toBeNull();
    expect(staff.held).not.toHaveBeenCalled();
    fireEvent.click(row);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/credit/review/index?id=cr_review000001' });
  });

  it('gives the market regulator 商户评价审核: the words that held a rating or 疑似刷评; release, or remove with a reason', async () => {
    loginAs('staff', 'market');
    staff.held.mockResolvedValue({ items: [held(), held({ id: 'rt_held000002', heldFor: 'storm', heldWords: [], comment: undefined })] });
    staff.moderate.mockResolvedValue(rating());
    render(<StaffCredit />);
    fireEvent.click(await screen.findByRole('tab', { name: '商户评价审核' }));
    expect(await screen.findByTestId('held-rt_held000001')).toHaveTextContent('含有：骗子');
    expect(screen.getByTestId('held-rt_held000002')).toHaveTextContent('疑似刷评');

    fireEvent.click(within(screen.getByTestId('held-rt_held000001')).getByText('恢复显示'));
    await waitFor(() => expect(staff.moderate).toHaveBeenCalledWith(TANGSHUI, 'rt_held000001', { action: 'release' }));
    await waitFor(() => expect(screen.queryByTestId('held-rt_held000001')).toBeNull());

    fireEvent.click(within(screen.getByTestId('held-rt_held000002')).getByText('移除'));
    fireEvent.click(screen.getByText('确认移除'));
    expect(await screen.findByText(/请写明移除的原因/)).toBeInTheDocument();
    expect(staff.moderate).toHaveBeenCalledTimes(1);
    fireEvent.change(screen.getByLabelText('移除原因'), { target: { value: '同一时段新账号集中好评' } });
    fireEvent.click(screen.getByText('确认移除'));
    await waitFor(() => expect(staff.moderate).toHaveBeenLastCalledWith(TANGSHUI, 'rt_held000002', { action: 'remove', reason: '同一时段新账号集中好评' }));
  });

  it('an admin sees only 商户评价审核; ?tab=held opens it for the market regulator', async () => {
    loginAs('admin');
    const { unmount } = render(<StaffCredit />);
    await waitFor(() => expect(staff.held).toHaveBeenCalled());
    expect(staff.reviews).not.toHaveBeenCalled();
    expect(screen.queryByRole('tab')).toBeNull();
    unmount();

    staff.held.mockClear();
    loginAs('staff', 'market');
    route({ tab: 'held' });
    render(<StaffCredit />);
    expect(await screen.findByRole('tab', { name: '商户评价审核' })).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(staff.held).toHaveBeenCalled());
  });

  it('is for staff and admins only', () => {
    loginAs('enterprise');
    render(<StaffCredit />);
    expect(screen.getByTestId('role-gate')).toBeInTheDocument();
    expect(staff.reviews).not.toHaveBeenCalled();
  });
});

describe('信用修复与异议核查 (staff detail)', () => {
  beforeEach(() => {
    loginAs('staff', 'market');
    route({ id: 'cr_review000001' });
    staff.review.mockResolvedValue(review());
  });

  it('shows the record, the reasons, the evidence, the commitment and the clock', async () => {
    render(<StaffCreditReview />);
    expect(await screen.findByTestId('review-record')).toHaveTextContent('越市监罚〔2026〕41号');
    expect(staff.review).toHaveBeenCalledWith('cr_review000001');
    expect(screen.getByTestId('review-text')).toHaveTextContent('已于当月完成整改并缴清罚款');
    expect(screen.getByTestId('review-commitment')).toHaveTextContent('本企业承诺已纠正失信行为');
    expect(screen.getByTestId('review-commitment')).toHaveTextContent('已签署');
    expect(screen.getByTestId('traffic-light')).toHaveAttribute('data-light', 'green');
    expect(screen.getByTestId('review-files')).toHaveTextContent('整改报告.pdf');
    fireEvent.click(within(screen.getByTestId('review-files')).getByTestId('material-file'));
    expect(Taro.downloadFile).toHaveBeenCalledWith({ url: 'https://files.example/f1' });
  });

  it('refuses only with a reason, over the version read', async () => {
    staff.decide.mockResolvedValue(review({ status: 'refused', reason: '未附缴款凭证', version: 2, decidedAt: '2026-06-05T02:00:00.000Z' }));
    render(<StaffCreditReview />);
    fireEvent.click(await screen.findByTestId('refuse'));
    fireEvent.click(screen.getByText('提交不同意'));
    expect(await screen.findByText('请写明不同意的理由（至少 2 个字），企业会收到通知')).toBeInTheDocument();
    expect(staff.decide).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('不同意的理由'), { target: { value: '未附缴款凭证' } });
    fireEvent.click(screen.getByText('提交不同意'));
    await waitFor(() => expect(staff.decide).toHaveBeenCalledWith('cr_review000001', { version: 1, approve: false, reason: '未附缴款凭证' }));
    expect(await screen.findByTestId('review-decided')).toHaveTextContent('未附缴款凭证');
    expect(screen.getByTestId('review-status')).toHaveTextContent('不同意');
  });

  it('approves after saying what approval does; a cancel sends nothing', async () => {
    staff.decide.mockResolvedValue(review({ status: 'approved', version: 2, record: { ...review().record, status: 'repaired', reviewing: false } }));
    render(<StaffCreditReview />);
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(await screen.findByText('同意'));
    await waitFor(() => expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ content: '同意后该信息将不再公示，企业信用等级将重新评定' })));
    expect(staff.decide).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('同意'));
    await waitFor(() => expect(staff.decide).toHaveBeenCalledWith('cr_review000001', { version: 1, approve: true }));
    expect(await screen.findByTestId('review-decided')).toHaveTextContent('同意：该信息已不再公示');
  });

  it('says so when another officer decided first (409) and shows the request as it is now', async () => {
    staff.decide.mockRejectedValue(apiError(409, '该申请已被其他人处理，请刷新后再办理', 'CONFLICT'));
    render(<StaffCreditReview />);
    fireEvent.click(await screen.findByText('同意'));
    expect(await screen.findByTestId('conflict')).toHaveTextContent('该申请已被其他人处理，请刷新后再办理');
    await waitFor(() => expect(staff.review).toHaveBeenCalledTimes(2));
  });
});
