import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { myCreditApi } from '../../../api/credit';
import { apiError, login, profile, record, resetTaro, review, route, showModal } from '../mine/testing';
import CreditReview from './index';

jest.mock('../../../api/credit', () => ({
  ...jest.requireActual('../../../api/credit'),
  myCreditApi: { profile: jest.fn(), file: jest.fn() },
}));
const mine = myCreditApi as unknown as Record<'profile' | 'file', jest.Mock>;

const REC = record({ id: 'r_p20260101_old', repairableFrom: '2026-04-01' });
const DRAFT = 'credit-review-draft:repair:r_p20260101_old';
const EVIDENCE = [{ fileId: 'f_evidence0001', fileName: '整改报告.pdf' }];
const TEXT = '已于当月完成整改并缴清罚款，附整改报告和缴款凭证。';

beforeEach(() => {
  resetTaro();
  (Taro.navigateBack as jest.Mock).mockClear();
  (Taro.getCurrentPages as jest.Mock).mockReturnValue([{}]);
  Object.values(mine).forEach((f) => f.mockReset());
  mine.profile.mockResolvedValue(profile({ penalties: [REC] }));
  login('enterprise');
});

const stored = () => Taro.getStorageSync(DRAFT) as { text: string; files: unknown[]; commitment: boolean; key: string };

describe('申请信用修复 / 提出异议', () => {
  it('shows the record handed from 我的企业信用 and asks for reasons, evidence and the commitment', async () => {
    Taro.setStorageSync('credit-review-record', REC);
    route({ recordId: REC.id, kind: 'repair' });
    render(<CreditReview />);
    expect(await screen.findByTestId(`record-${REC.id}`)).toHaveTextContent('未按规定公示食品经营许可证');
    expect(mine.profile).not.toHaveBeenCalled();
    expect(screen.getByTestId('commitment')).toHaveTextContent('本企业承诺已纠正失信行为、履行相关义务，所提交材料真实有效，如有虚假愿承担相应法律责任。');

    fireEvent.click(screen.getByText('提交信用修复申请'));
    expect(await screen.findByText('请写明纠正失信行为的情况（至少 10 个字）')).toBeInTheDocument();
    expect(screen.getByText('请上传证明材料（PDF），如整改报告、缴纳罚款凭证')).toBeInTheDocument();
    expect(screen.getByText('申请信用修复须勾选信用修复承诺书')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('纠正失信行为的情况'), { target: { value: '已经整改完毕' } });
    fireEvent.click(screen.getByText('提交信用修复申请'));
    expect(await screen.findByText('请写明纠正失信行为的情况（至少 10 个字）')).toBeInTheDocument();
    expect(showModal).not.toHaveBeenCalled();
    expect(mine.file).not.toHaveBeenCalled();
    // what is typed stays on the phone
    expect(stored().text).toBe('已经整改完毕');
  });

  it('files a repair only with the commitment ticked, after a confirm; says the deadline and goes back', async () => {
    route({ recordId: REC.id, kind: 'repair' });
    Taro.setStorageSync(DRAFT, { text: TEXT, files: EVIDENCE, commitment: false, key: 'crDraftKey0001' });
    mine.file.mockResolvedValue(review({ deadline: '2026-06-10' }));
    (Taro.getCurrentPages as jest.Mock).mockReturnValue([{}, {}]);
    render(<CreditReview />);
    // opened again later: the record comes from the firm's profile
    expect(await screen.findByTestId(`record-${REC.id}`)).toBeInTheDocument();
    expect(screen.getByTestId('material-page')).toHaveTextContent('整改报告.pdf');
    expect(screen.getByText(`${TEXT.length}/1000`)).toBeInTheDocument();

    fireEvent.click(screen.getByText('提交信用修复申请'));
    expect(await screen.findByText('申请信用修复须勾选信用修复承诺书')).toBeInTheDocument();
    expect(mine.file).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId('commitment-check'));
    expect(screen.getByTestId('commitment-check')).toHaveAttribute('aria-checked', 'true');
    fireEvent.click(screen.getByText('提交信用修复申请'));
    await waitFor(() =>
      expect(mine.file).toHaveBeenCalledWith('crDraftKey0001', {
        kind: 'repair',
        recordId: REC.id,
        text: TEXT,
        files: ['f_evidence0001'],
        commitment: true,
      }),
    );
    expect(showModal.mock.calls[0][0]).toEqual(expect.objectContaining({ title: '提交信用修复申请' }));
    await waitFor(() =>
      expect(showModal).toHaveBeenLastCalledWith(expect.objectContaining({ content: expect.stringContaining('审核时限 5 个工作日，2026年6月10日 前答复') })),
    );
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
    expect(Taro.getStorageSync(DRAFT)).toBe('');
  });

  it('keeps the draft and its key when the server refuses, and says why', async () => {
    route({ recordId: REC.id, kind: 'repair' });
    Taro.setStorageSync(DRAFT, { text: TEXT, files: EVIDENCE, commitment: true, key: 'crDraftKey0002' });
    mine.file.mockRejectedValueOnce(apiError(422, '该处罚信息未满最短公示期（3 个月），2026-04-01 起可以申请信用修复'));
    render(<CreditReview />);
    fireEvent.click(await screen.findByText('提交信用修复申请'));
    expect(await screen.findByText('该处罚信息未满最短公示期（3 个月），2026-04-01 起可以申请信用修复')).toBeInTheDocument();
    expect(Taro.navigateBack).not.toHaveBeenCalled();
    expect(stored()).toEqual(expect.objectContaining({ text: TEXT, key: 'crDraftKey0002', commitment: true }));
    expect(screen.getByLabelText('纠正失信行为的情况')).toHaveValue(TEXT);

    mine.file.mockResolvedValueOnce(review());
    fireEvent.click(screen.getByText('提交信用修复申请'));
    await waitFor(() => expect(mine.file).toHaveBeenCalledTimes(2));
    expect(mine.file.mock.calls[1][0]).toBe('crDraftKey0002');
  });

  it('an objection needs no commitment but still the reasons and the evidence', async () => {
    route({ recordId: REC.id, kind: 'objection' });
    render(<CreditReview />);
    await screen.findByTestId('review-form');
    expect(screen.queryByTestId('commitment')).toBeNull();
    fireEvent.change(screen.getByLabelText('异议的理由'), { target: { value: '处罚决定书所载地址并非本店，系登记错误。' } });
    fireEvent.click(screen.getByText('提交信用异议'));
    expect(await screen.findByText('请上传证明材料（PDF），如能证明信息有误的文书')).toBeInTheDocument();
    expect(mine.file).not.toHaveBeenCalled();
  });

  it('sends nothing when the confirm is cancelled; an objection goes without a commitment', async () => {
    route({ recordId: REC.id, kind: 'objection' });
    const text = '处罚决定书所载地址并非本店，系登记错误。';
    Taro.setStorageSync('credit-review-draft:objection:r_p20260101_old', { text, files: EVIDENCE, commitment: false, key: 'crDraftKey0003' });
    mine.file.mockResolvedValue(review({ kind: 'objection' }));
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    render(<CreditReview />);
    fireEvent.click(await screen.findByText('提交信用异议'));
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    expect(mine.file).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('提交信用异议'));
    await waitFor(() => expect(mine.file).toHaveBeenCalledWith('crDraftKey0003', { kind: 'objection', recordId: REC.id, text, files: ['f_evidence0001'] }));
    await waitFor(() => expect(showModal).toHaveBeenLastCalledWith(expect.objectContaining({ content: expect.stringContaining('审核时限 10 个工作日') })));
    // opened from a link: on to the firm's credit page
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/credit/mine/index' }));
  });

  it('says where to go when the page is opened without a record', async () => {
    route({});
    render(<CreditReview />);
    expect(await screen.findByText('缺少要申请的信用信息，请从“我的企业信用”进入')).toBeInTheDocument();
    fireEvent.click(screen.getByText('去我的企业信用'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/credit/mine/index' });
  });
});
