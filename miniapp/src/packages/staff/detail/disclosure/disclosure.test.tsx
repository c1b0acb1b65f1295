import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { StaffApplicationView } from '../../../../api/staff';
import { signIn } from '../../../../../test/session';
import Detail from '../index';

const request = Taro.request as unknown as jest.Mock;
const showModal = Taro.showModal as unknown as jest.Mock;
const APP = 'YX20260921000042';

/** A request to 区住房建设局, received on a Monday: 20 working days across 国庆 to 10-26. */
const received: StaffApplicationView = {
  appNo: APP,
  itemName: '政府信息公开申请',
  departmentName: '广州市越秀区住房和城乡建设局',
  state: 'submitted',
  stateName: '已提交，待受理',
  submittedAt: '2026-09-21T02:00:00Z',
  light: 'green',
  remainingDays: 12,
  deadline: '2026-10-16',
  statutory: { started: true, deadline: '2099-10-26', remainingDays: 15 },
  version: 3,
  applicant: '邓*华',
  promisedDays: 15,
  statutoryDays: 20,
  materials: [{ name: '申请人身份证明', source: 'upload', files: 1 }],
  deferred: [],
  actions: ['accept', 'requestSupplement', 'startExcluded', 'extend', 'reply'],
  excludedKinds: [
    { kind: 'third-party', name: '征求第三方意见' },
    { kind: 'other-body', name: '征求其他机关意见' },
  ],
  timeline: [{ at: '2026-09-21T02:00:00Z', actor: '申请人', action: '提交申请' }],
  disclosure: {
    request: { requestedInfo: '2026年越秀区老旧小区改造项目计划', format: '电子文档（在线获取）' },
    receivedOn: '2026-09-21',
    deadline: '2026-10-26',
    clarifyBy: '2099-10-08',
    pausedDays: 0,
    recentRequests: 1,
    frequent: false,
  },
};
const frequent: StaffApplicationView = { ...received, disclosure: { ...received.disclosure!, recentRequests: 12, frequent: true } };

const ok = (data: unknown) => ({ statusCode: 200, data });
const posted = (action: string) =>
  request.mock.calls
    .map((c) => c[0])
    .filter((o) => o.method === 'POST' && o.url === `/v1/staff/applications/${APP}/${action}`)
    .map((o) => JSON.parse(o.data));

/** GET answers `current()`; POSTs of an action by `on[action]`; an upload gets f_reply0001… */
function serve(current: () => StaffApplicationView, on: Record<string, () => unknown> = {}) {
  let files = 0;
  request.mockImplementation(async ({ url, method }: { url: string; method: string }) => {
    if (method === 'GET' && url === `/v1/staff/applications/${APP}`) return ok(current());
    if (url === '/v1/files')
      return { statusCode: 201, data: { fileId: `f_reply000${++files}`, upload: { url: 'http://s3', fields: {} }, expiresInSeconds: 600 } };
    if (url.endsWith('/complete')) return ok({ fileId: 'x', status: 'ready', size: 1 });
    const action = url.split('/').pop()!;
    if (method === 'POST' && on[action]) return on[action]();
    throw new Error(`unexpected ${method} ${url}`);
  });
}

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  showModal.mockReset();
  showModal.mockResolvedValue({ confirm: true, cancel: false });
  (Taro.useRouter as jest.Mock).mockReturnValue({ params: { appNo: APP } });
  URL.createObjectURL = jest.fn(() => 'blob:pdf');
  URL.revokeObjectURL = jest.fn();
  signIn({ id: 'u1', role: 'staff', nickname: '陈科长', level: 1, verified: true, departmentId: 'housing', departmentName: '区住房建设局' });
});

describe('依申请公开 on the officer’s page', () => {
  it('shows the 条例’s clock: receipt, the reply deadline with its light, the 补正 cut-off, and the 条例’s actions', async () => {
    serve(() => received);
    render(<Detail />);
    const panel = await screen.findByTestId('disclosure-panel');
    expect(within(panel).getByTestId('dc-received')).toHaveTextContent('收到申请2026年9月21日');
    expect(within(panel).getByTestId('dc-deadline')).toHaveTextContent('答复期限2026年10月26日');
    expect(within(panel).getByTestId('dc-clarify-by')).toHaveTextContent('补正告知截止2099年10月8日');
    // the light of the 20 working days (15 left), not the promised clock's
    expect(within(panel).getByTestId('traffic-light')).toHaveAttribute('aria-label', '办理时限：正常，剩余 15 个工作日');
    expect(screen.queryByTestId('dc-frequent')).not.toBeInTheDocument();
    expect(screen.getAllByTestId(/^action-/).map((b) => b.textContent)).toEqual(['登记', '告知补正', '征求意见', '延长答复期限', '答复']);
  });

  it('warns of a frequent requester (art. 35), shows the extension with its approver and a third party’s answer-by date', async () => {
    serve(() => ({
      ...frequent,
      actions: ['endExcluded'],
      excludedPeriod: { name: '征求第三方意见', since: '2026-10-12', note: '涉及施工单位的商业信息' },
      disclosure: {
        ...frequent.disclosure!,
        clarifyBy: undefined, // past: the server no longer offers it
        deadline: '2026-11-23',
        extension: { basis: 'art33', days: 20, approvedBy: '陈主任', reason: '需调取历年档案', on: '2026-10-09' },
        consulting: { name: '征求第三方意见', since: '2026-10-12', answerBy: '2026-11-02' },
        pausedDays: 3,
      },
    }));
    render(<Detail />);
    expect(await screen.findByTestId('dc-frequent')).toHaveTextContent('该申请人近 30 日申请 12 件，可依第三十五条处理');
    expect(screen.getByTestId('dc-deadline')).toHaveTextContent('2026年11月23日（延长 20 个工作日，不计入 3 个工作日）');
    expect(screen.getByTestId('dc-extension')).toHaveTextContent('延长答复期限20 个工作日 · 2026年10月9日批准人：陈主任');
    expect(screen.getByTestId('dc-consulting')).toHaveTextContent('第三方应于 2026年11月2日 前提出意见');
    expect(screen.queryByTestId('dc-clarify-by')).not.toBeInTheDocument();
    expect(screen.queryByTestId('excluded-period')).not.toBeInTheDocument(); // said once, in the panel
    expect(screen.getByTestId('action-endExcluded')).toHaveTextContent('征求意见结束');
  });

  it('extends after naming the basis, days, approver and reason, confirming the new deadline is told to the requester', async () => {
    serve(() => received, { extend: () => ok({ ...received, version: 4, disclosure: { ...received.disclosure!, deadline: '2026-11-23' } }) });
    render(<Detail />);
    fireEvent.click(await screen.findByTestId('action-extend'));
    expect(screen.getByTestId('option-art33')).toHaveTextContent('最长 20 个工作日');
    expect(screen.getByTestId('option-art35')).toHaveTextContent('该申请人近 30 日申请 1 件，未达到本条的条件');
    fireEvent.click(screen.getByText('延长答复期限', { selector: 'button.sd-submit' }));
    expect(await screen.findByText('请选择延期依据：第三十三条延长答复期限，或第三十五条延迟答复')).toBeInTheDocument();
    expect(screen.getByText('延长天数应为数字')).toBeInTheDocument();
    expect(screen.getByText('请填写批准人（政府信息公开工作机构负责人）')).toBeInTheDocument();
    expect(showModal).not.toHaveBeenCalled();

    fireEvent.click(screen.getByTestId('option-art33'));
    fireEvent.change(screen.getByLabelText('延长的工作日数'), { target: { value: '20' } });
    fireEvent.change(screen.getByLabelText('批准人（政府信息公开工作机构负责人）'), { target: { value: '陈主任' } });
    fireEvent.change(screen.getByLabelText('延期理由（将告知申请人）'), { target: { value: '需调取历年档案逐件核对' } });
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(screen.getByText('延长答复期限', { selector: 'button.sd-submit' }));
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    expect(showModal.mock.calls[0][0]).toEqual(
      expect.objectContaining({
        title: '确认延长答复期限',
        content: expect.stringMatching(/第三十三条.*陈主任.*由 2026年10月26日 延至 2026年11月23日.*告知申请人/),
      }),
    );
    expect(posted('extend')).toHaveLength(0); // cancelled: nothing sent, nothing typed lost
    expect(screen.getByLabelText('批准人（政府信息公开工作机构负责人）')).toHaveValue('陈主任');

    fireEvent.click(screen.getByText('延长答复期限', { selector: 'button.sd-submit' }));
    await waitFor(() => expect(posted('extend')).toHaveLength(1));
    expect(posted('extend')[0]).toEqual({ version: 3, basis: 'art33', days: 20, approvedBy: '陈主任', reason: '需调取历年档案逐件核对' });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已延长期限', icon: 'success' });
  });

  it('replies 部分公开 with exactly its fields: a PDF, what is withheld and the exemption with its basis, after a confirmation', async () => {
    serve(() => received, { reply: () => ok({ ...received, state: 'replied', stateName: '已答复', version: 4, actions: ['deliver'] }) });
    render(<Detail />);
    fireEvent.click(await screen.findByTestId('action-reply'));
    expect(screen.getByTestId('option-partial')).toHaveTextContent('部分公开第三十七条');
    expect(screen.queryByTestId('option-not_processed')).not.toBeInTheDocument(); // art. 35: frequent requesters only
    fireEvent.click(screen.getByTestId('option-partial'));
    expect(screen.getByTestId('reply-files')).toBeInTheDocument();
    expect(screen.getByTestId('reply-exemption')).toBeInTheDocument();
    expect(screen.queryByText(/获取途径/)).not.toBeInTheDocument();
    expect(screen.queryByText('拍照/上传照片')).not.toBeInTheDocument(); // PDFs only

    fireEvent.click(screen.getByText('发出答复'));
    expect(await screen.findByText('请上传提供给申请人的政府信息（PDF）')).toBeInTheDocument();
    expect(screen.getByText('请写明不予公开的部分')).toBeInTheDocument();
    expect(screen.getByText('请选择不予公开的依据（条例第十四、十五或十六条）')).toBeInTheDocument();
    expect(screen.getByText('请填写答复内容')).toBeInTheDocument();

    const pdf = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], '改造项目计划.pdf', { type: 'application/pdf' });
    fireEvent.change(screen.getByTestId('material-pdf-input'), { target: { files: [pdf] } });
    await waitFor(() => expect(screen.getAllByTestId('material-page')).toHaveLength(1));
    fireEvent.change(screen.getByLabelText('不予公开的部分'), { target: { value: '施工单位的报价明细' } });
    fireEvent.click(screen.getByRole('radio', { name: '商业秘密、个人隐私' }));
    expect(screen.getByTestId('exemption-basis')).toHaveTextContent('第十五条（涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的）');
    fireEvent.change(screen.getByLabelText('答复内容（写入答复书）'), { target: { value: '现将可以公开的部分提供给你。' } });
    fireEvent.click(screen.getByText('发出答复'));
    await waitFor(() => expect(posted('reply')).toHaveLength(1));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认发出答复', content: expect.stringContaining('部分公开（条例第三十七条）') }));
    expect(showModal.mock.calls[0][0].content).toContain('不能更改');
    expect(posted('reply')[0]).toEqual({
      version: 3,
      kind: 'partial',
      text: '现将可以公开的部分提供给你。',
      files: ['f_reply0001'],
      withheld: '施工单位的报价明细',
      exemption: 'third_party',
    });
  });

  it('keeps what was typed across kinds but sends only what the kind needs: the right body, an earlier request, art. 35', async () => {
    serve(() => frequent, { reply: () => ok({ ...frequent, state: 'replied', version: 4, actions: [] }) });
    render(<Detail />);
    fireEvent.click(await screen.findByTestId('action-reply'));
    expect(screen.getByTestId('option-not_processed')).toHaveTextContent('第三十五条');
    fireEvent.click(screen.getByTestId('option-repeated'));
    fireEvent.change(screen.getByLabelText('此前已答复的申请编号'), { target: { value: 'yx2026 0901000007' } });
    expect(screen.getByLabelText('此前已答复的申请编号')).toHaveValue('YX20260901000007');
    fireEvent.click(screen.getByTestId('option-not_ours'));
    expect(screen.queryByLabelText('此前已答复的申请编号')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('option-repeated'));
    expect(screen.getByLabelText('此前已答复的申请编号')).toHaveValue('YX20260901000007'); // kept
    fireEvent.click(screen.getByTestId('option-not_ours'));
    fireEvent.change(screen.getByLabelText('应向哪个机关申请（能确定的填写）'), { target: { value: '广州市规划和自然资源局' } });
    fireEvent.change(screen.getByLabelText('答复内容（写入答复书）'), { target: { value: '你申请的信息不属于本机关负责公开。' } });
    fireEvent.click(screen.getByText('发出答复'));
    await waitFor(() => expect(posted('reply')).toHaveLength(1));
    expect(posted('reply')[0]).toEqual({
      version: 3,
      kind: 'not_ours',
      text: '你申请的信息不属于本机关负责公开。',
      rightBody: { name: '广州市规划和自然资源局' },
    });
  });

  it('asks what to clarify in words (not materials), and consults a third party while the request is open', async () => {
    serve(() => received, {
      requestSupplement: () => ok({ ...received, state: 'supplement', stateName: '待补正材料', version: 4, actions: [] }),
      startExcluded: () => ok({ ...received, version: 4, actions: ['endExcluded'] }),
    });
    const { unmount } = render(<Detail />);
    fireEvent.click(await screen.findByTestId('action-requestSupplement'));
    expect(screen.getByText(/7 个工作日内（2099年10月8日 前）一次性告知/)).toBeInTheDocument();
    expect(screen.queryByLabelText('添加申请人身份证明')).not.toBeInTheDocument();
    fireEvent.click(screen.getByLabelText('添加所需信息的描述'));
    fireEvent.change(screen.getByLabelText('第 1 项原因'), { target: { value: '请写明小区名称或项目名称' } });
    fireEvent.click(screen.getByText('发送一次性告知'));
    await waitFor(() => expect(posted('requestSupplement')).toHaveLength(1));
    expect(posted('requestSupplement')[0]).toEqual({ version: 3, items: [{ material: '所需信息的描述', reason: '请写明小区名称或项目名称' }] });
    expect(await screen.findByText('等待申请人补正申请内容，补正后答复期限重新计算')).toBeInTheDocument();
    unmount();

    render(<Detail />);
    fireEvent.click(await screen.findByTestId('action-startExcluded'));
    expect(screen.getByText('征求第三方或其他机关意见')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: '征求第三方意见' }));
    fireEvent.change(screen.getByLabelText('说明（将告知申请人）'), { target: { value: '涉及施工单位的商业信息，书面征求其意见' } });
    fireEvent.click(screen.getByText('开始征求意见'));
    await waitFor(() => expect(posted('startExcluded')).toHaveLength(1));
    expect(posted('startExcluded')[0]).toEqual({ version: 3, kind: 'third-party', note: '涉及施工单位的商业信息，书面征求其意见' });
  });

  it('shows the reply once given, with its kind and whether it was on time', async () => {
    serve(() => ({
      ...received,
      state: 'replied',
      stateName: '已答复',
      light: null,
      remainingDays: null,
      statutory: { started: true, deadline: null, remainingDays: null },
      actions: ['deliver'],
      disclosure: {
        request: { requestedInfo: '老旧小区改造项目计划', format: '电子文档（在线获取）' },
        receivedOn: '2026-09-21',
        deadline: '2026-10-26',
        pausedDays: 0,
        reply: { kind: 'partial', kindName: '部分公开', on: '2026-10-20', onTime: true, text: '现将…', files: [], remedies: '…' },
      },
    }));
    render(<Detail />);
    expect(await screen.findByTestId('dc-reply')).toHaveTextContent('部分公开2026年10月20日 已答复（按期）');
    expect(screen.getByTestId('reply-kind')).toHaveClass('tag-orange');
    expect(screen.queryByTestId('dc-clarify-by')).not.toBeInTheDocument();
  });
});
