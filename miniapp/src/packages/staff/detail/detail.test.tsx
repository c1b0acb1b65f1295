import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { StaffApplicationView } from '../../../api/staff';
import { saveSession } from '../../../api/session';
import Detail from './index';

const request = Taro.request as unknown as jest.Mock;
const showModal = Taro.showModal as unknown as jest.Mock;
const APP = 'YX20261126000123';

const submitted: StaffApplicationView = {
  appNo: APP,
  itemName: '食品经营许可',
  departmentName: '区市场监管局',
  state: 'submitted',
  stateName: '已提交，待受理',
  submittedAt: '2026-11-26T06:05:00Z',
  light: 'green',
  remainingDays: 4,
  deadline: '2026-12-03',
  version: 7,
  applicant: '张*明',
  promisedDays: 5,
  statutoryDays: 20,
  materials: [
    { name: '营业执照', source: 'elicence', files: 0 },
    { name: '食品安全管理制度', source: 'upload', files: 2 },
  ],
  deferred: [],
  actions: ['accept', 'notAccept', 'requestSupplement'],
  timeline: [{ at: '2026-11-26T06:05:00Z', actor: '申请人', action: '提交申请' }],
  opinions: [
    { departmentId: 'fire', departmentName: '区消防救援大队', status: 'open', due: '2026-12-01' },
    { departmentId: 'env', departmentName: '区生态环境分局', status: 'disagree', reason: '排污许可未办', due: '2026-12-01' },
    { departmentId: 'plan', departmentName: '区规划分局', status: 'deemed', due: '2026-11-28' },
    { departmentId: 'health', departmentName: '区卫生健康局', status: 'agree', due: '2026-12-01' },
  ],
};
const accepted: StaffApplicationView = { ...submitted, state: 'accepted', stateName: '已受理', version: 8, actions: ['requestSupplement', 'startReview'] };

const ok = (data: unknown) => ({ statusCode: 200, data });
const posts = (action: string) => request.mock.calls.map((c) => c[0]).filter((o) => o.method === 'POST' && o.url === `/v1/staff/applications/${APP}/${action}`);
const gets = () => request.mock.calls.map((c) => c[0]).filter((o) => o.method === 'GET');

/** GET returns `current()`; POSTs are answered by `on[action]`. */
function serve(current: () => StaffApplicationView, on: Record<string, () => unknown> = {}) {
  request.mockImplementation(async ({ url, method }: { url: string; method: string }) => {
    if (method === 'GET' && url === `/v1/staff/applications/${APP}`) return ok(current());
    const action = url.split('/').pop()!;
    if (method === 'POST' && on[action]) return on[action]();
    throw new Error(`unexpected ${method} ${url}`);
  });
}

const login = (role: 'staff' | 'resident' = 'staff') =>
  saveSession({
    token: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u1', role, nickname: '李窗口', level: 1, verified: true, departmentId: 'amr', departmentName: '区市场监管局' },
  });

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  showModal.mockReset();
  showModal.mockResolvedValue({ confirm: true, cancel: false });
  (Taro.useRouter as jest.Mock).mockReturnValue({ params: { appNo: APP } });
  login();
});

describe('办件办理', () => {
  it('tells a non-staff user the page is not for them, without calling the API', () => {
    login('resident');
    render(<Detail />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('办件办理仅供窗口/审批人员使用');
    expect(request).not.toHaveBeenCalled();
  });

  it('shows the masked applicant, materials, opinions, and only the actions the server allows', async () => {
    serve(() => submitted);
    render(<Detail />);
    expect(await screen.findByText('食品经营许可')).toBeInTheDocument();
    expect(screen.getByTestId('applicant')).toHaveTextContent('张*明');
    expect(screen.getByTestId('traffic-light')).toHaveAttribute('data-light', 'green');
    expect(screen.getAllByTestId('material').map((m) => m.textContent)).toEqual(['营业执照电子证照', '食品安全管理制度2 个文件已上传']);
    expect(screen.getAllByTestId('opinion-status').map((t) => [t.textContent, t.className])).toEqual([
      ['待回复', 'tag tag-orange'],
      ['不同意', 'tag tag-red'],
      ['逾期视为无意见', 'tag tag-gray'],
      ['同意', 'tag tag-green'],
    ]);
    expect(screen.getByText('理由：排污许可未办')).toBeInTheDocument();
    const actions = screen.getAllByTestId(/^action-/).map((b) => b.textContent);
    expect(actions).toEqual(['受理', '不予受理', '一次性告知补正']);
    expect(screen.queryByText('开始审查')).not.toBeInTheDocument();
    expect(screen.queryByText('送达')).not.toBeInTheDocument();
  });

  it('shows uploaded materials to look at: images enlarge together, a PDF opens on its own', async () => {
    const withFiles = {
      ...submitted,
      materials: [
        {
          name: '食品安全管理制度',
          source: 'upload',
          files: 3,
          fileUrls: [
            { fileId: 'f_a', url: 'https://files/a.png', contentType: 'image/png', fileName: 'a.png' },
            { fileId: 'f_b', url: 'https://files/b.jpg', contentType: 'image/jpeg', fileName: 'b.jpg' },
            { fileId: 'f_c', url: 'https://files/c.pdf', contentType: 'application/pdf', fileName: '制度.pdf' },
          ],
        },
      ],
    };
    serve(() => withFiles as never);
    render(<Detail />);
    const files = await screen.findAllByTestId('material-file');
    expect(files).toHaveLength(3);
    fireEvent.click(files[1]);
    expect(Taro.previewImage).toHaveBeenCalledWith({ current: 'https://files/b.jpg', urls: ['https://files/a.png', 'https://files/b.jpg'] });
    expect(files[2]).toHaveTextContent('制度.pdf · 查看');
  });

  it('accepts after a confirmation, sending the version shown, then shows the new state', async () => {
    let current = submitted;
    serve(() => current, {
      accept: () => {
        current = accepted;
        return ok(accepted);
      },
    });
    render(<Detail />);
    fireEvent.click(await screen.findByTestId('action-accept'));
    await waitFor(() => expect(posts('accept')).toHaveLength(1));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认受理' }));
    expect(JSON.parse(posts('accept')[0].data)).toEqual({ version: 7 });
    expect(await screen.findByTestId('action-startReview')).toHaveTextContent('开始审查');
    expect(screen.queryByTestId('action-accept')).not.toBeInTheDocument();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已受理', icon: 'success' });
  });

  it('asks for a reason and a confirmation before 不予受理', async () => {
    serve(() => submitted, { notAccept: () => ok({ ...submitted, state: 'not_accepted', stateName: '不予受理', version: 8, actions: [] }) });
    render(<Detail />);
    fireEvent.click(await screen.findByTestId('action-notAccept'));
    fireEvent.click(screen.getByText('不予受理', { selector: 'button.sd-submit' }));
    expect(await screen.findByText('请选择不予受理的原因')).toBeInTheDocument();
    expect(screen.getByText('请写明不予受理的具体理由')).toBeInTheDocument();
    expect(showModal).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('radio', { name: '不属于本部门职权范围' }));
    fireEvent.change(screen.getByLabelText('具体说明'), { target: { value: '应向区卫生健康局申请' } });
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(screen.getByText('不予受理', { selector: 'button.sd-submit' }));
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    expect(showModal.mock.calls[0][0]).toEqual(expect.objectContaining({ title: '确认不予受理' }));
    expect(posts('notAccept')).toHaveLength(0); // cancelled: nothing sent

    fireEvent.click(screen.getByText('不予受理', { selector: 'button.sd-submit' }));
    await waitFor(() => expect(posts('notAccept')).toHaveLength(1));
    expect(JSON.parse(posts('notAccept')[0].data)).toEqual({ version: 7, reason: '不属于本部门职权范围', detail: '应向区卫生健康局申请' });
    expect(await screen.findByText('当前状态没有需要您办理的操作')).toBeInTheDocument();
  });

  it('shows the 409 message and reloads the application', async () => {
    let current = submitted;
    serve(() => current, {
      accept: () => {
        current = accepted;
        return { statusCode: 409, data: { error: { code: 'CONFLICT', message: '该办件刚刚被其他工作人员处理，请刷新后再看' } } };
      },
    });
    render(<Detail />);
    fireEvent.click(await screen.findByTestId('action-accept'));
    expect(await screen.findByTestId('conflict')).toHaveTextContent('该办件刚刚被其他工作人员处理，请刷新后再看');
    await waitFor(() => expect(gets()).toHaveLength(2));
    expect(await screen.findByTestId('action-startReview')).toBeInTheDocument();
    expect(screen.queryByTestId('action-accept')).not.toBeInTheDocument();
  });

  it('refuses an empty 一次性告知, then sends the listed materials with reasons', async () => {
    serve(() => accepted, {
      requestSupplement: () => ok({ ...accepted, state: 'supplement', stateName: '待补正材料', light: null, remainingDays: null, version: 9, actions: [] }),
    });
    render(<Detail />);
    fireEvent.click(await screen.findByTestId('action-requestSupplement'));
    fireEvent.click(screen.getByText('发送一次性告知'));
    expect(await screen.findByText('一次性告知至少列出一项材料')).toBeInTheDocument();
    // a blank row counts as nothing
    fireEvent.click(screen.getByText('+ 添加一项'));
    fireEvent.click(screen.getByText('发送一次性告知'));
    expect(await screen.findByText('一次性告知至少列出一项材料')).toBeInTheDocument();
    expect(posts('requestSupplement')).toHaveLength(0);

    fireEvent.click(screen.getByLabelText('删除第 1 项'));
    fireEvent.click(screen.getByLabelText('添加食品安全管理制度'));
    expect(screen.getAllByTestId('supplement-row')).toHaveLength(1);
    fireEvent.click(screen.getByLabelText('添加食品安全管理制度')); // already listed: not twice
    expect(screen.getAllByTestId('supplement-row')).toHaveLength(1);
    fireEvent.click(screen.getByText('发送一次性告知'));
    expect(await screen.findByText('原因至少 2 个字')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('第 1 项原因'), { target: { value: '缺少负责人签字' } });
    fireEvent.click(screen.getByText('发送一次性告知'));
    await waitFor(() => expect(posts('requestSupplement')).toHaveLength(1));
    expect(JSON.parse(posts('requestSupplement')[0].data)).toEqual({ version: 8, items: [{ material: '食品安全管理制度', reason: '缺少负责人签字' }] });
    expect(await screen.findByText(/等待申请人补正材料/)).toBeInTheDocument();
  });

  it('requires a reason for 不予许可 and a tracking number for postal 送达, confirming both', async () => {
    const review: StaffApplicationView = {
      ...accepted,
      state: 'in_review',
      stateName: '审查中',
      version: 9,
      actions: ['approve', 'deny', 'requestSupplement'],
    };
    const approved: StaffApplicationView = {
      ...accepted,
      state: 'approved',
      stateName: '已办结（准予）',
      light: null,
      remainingDays: null,
      version: 10,
      actions: ['deliver'],
    };
    let current = review;
    serve(() => current, {
      deny: () => ok({ ...review, state: 'denied', actions: [], version: 10 }),
      deliver: () => ok({ ...approved, state: 'delivered', actions: [], version: 11 }),
    });
    const { unmount } = render(<Detail />);
    fireEvent.click(await screen.findByTestId('action-deny'));
    fireEvent.click(screen.getByText('不予许可', { selector: 'button.sd-submit' }));
    expect(await screen.findByText('请填写不予许可的理由')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('不予许可理由（必填）'), { target: { value: '选址不符合规划要求' } });
    fireEvent.click(screen.getByText('不予许可', { selector: 'button.sd-submit' }));
    await waitFor(() => expect(posts('deny')).toHaveLength(1));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认不予许可' }));
    expect(JSON.parse(posts('deny')[0].data)).toEqual({ version: 9, reason: '选址不符合规划要求' });
    unmount();

    current = approved;
    const { unmount: unmount2 } = render(<Detail />);
    fireEvent.click(await screen.findByTestId('action-deliver'));
    fireEvent.click(screen.getByRole('radio', { name: '邮寄' }));
    fireEvent.click(screen.getByText('确认送达'));
    expect(await screen.findByText('邮寄送达需填写邮件单号')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('邮件单号'), { target: { value: 'sf 1234567890' } });
    fireEvent.click(screen.getByText('确认送达'));
    await waitFor(() => expect(posts('deliver')).toHaveLength(1));
    expect(showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '确认送达', content: expect.stringContaining('SF1234567890') }));
    expect(JSON.parse(posts('deliver')[0].data)).toEqual({ version: 10, method: 'post', trackingNo: 'SF1234567890' });
    unmount2();

    // the applicant chose post: the form says so, with the address in full, and offers no other way
    current = {
      ...approved,
      delivery: { method: 'post', chosen: true, postTo: { recipient: '张晓明', phone: '13800138000', address: '越秀区西湖路 12 号 301' } },
    };
    render(<Detail />);
    fireEvent.click(await screen.findByTestId('action-deliver'));
    expect(screen.getByTestId('chosen-delivery')).toHaveTextContent('申请人选择：邮寄收件人 张晓明，13800138000，越秀区西湖路 12 号 301');
    expect(screen.queryByRole('radio', { name: '窗口领取' })).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('邮件单号'), { target: { value: 'EMS1234567890' } });
    fireEvent.click(screen.getByText('确认送达'));
    await waitFor(() => expect(posts('deliver')).toHaveLength(2));
    expect(JSON.parse(posts('deliver')[1].data)).toEqual({ version: 10, method: 'post', trackingNo: 'EMS1234567890' });
  });
});
