import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ApplicationDetail } from '@yx/shared';
import Detail from './index';
import { calls, ok, onApplicationPage, serve as serveAt } from './testKit';

const APP = 'YX20261126000123';
const serve = (current: () => ApplicationDetail, on: Record<string, () => unknown> = {}) => serveAt(APP, current, on);

const base: ApplicationDetail = {
  appNo: APP,
  itemId: 'food-licence',
  itemName: '食品经营许可',
  departmentName: '区市场监管局',
  state: 'accepted',
  stateName: '已受理',
  submittedAt: '2026-11-26T06:05:00Z',
  light: 'green',
  remainingDays: 3,
  deadline: '2026-12-03',
  usedDays: 2,
  promisedDays: 5,
  statutoryDays: 20,
  timeline: [{ at: '2026-11-26T06:05:00Z', actor: '申请人', action: '提交申请' }],
  nextAction: { kind: 'wait', text: '部门正在办理，有进展会第一时间通知您' },
  deferred: [{ name: '场所平面图', dueDate: '2026-12-10', handedIn: false }],
  materials: [
    { name: '营业执照', source: 'elicence' },
    { name: '食品安全管理制度', source: 'upload' },
    { name: '场所平面图', source: 'deferred' },
    { name: '委托书', source: 'none' },
  ],
  linked: [{ appNo: 'YX20261126000124', itemName: '户外广告设置' }],
};
const supplementing: ApplicationDetail = {
  ...base,
  state: 'supplement',
  stateName: '待补正材料',
  light: null,
  remainingDays: null,
  usedDays: null,
  nextAction: { kind: 'supplement', text: '请按一次性告知清单补正材料，补正后继续办理' },
  supplementNotice: { items: [{ material: '食品安全管理制度', reason: '缺少负责人签字' }], dueDate: '2026-12-08' },
};
const ended: ApplicationDetail = {
  ...base,
  state: 'approved',
  stateName: '已办结（准予）',
  light: null,
  remainingDays: null,
  usedDays: null,
  nextAction: { kind: 'rate', text: '办理已结束，请对本次服务进行评价' },
};
const submitted: ApplicationDetail = {
  ...base,
  state: 'submitted',
  stateName: '已提交，待受理',
  nextAction: { kind: 'wait', text: '等待部门受理，受理后开始计算办理时限' },
};

beforeEach(() => onApplicationPage(APP, { id: 'u1', role: 'resident', nickname: '张晓明', level: 1, verified: true }));

describe('办件详情', () => {
  it('shows plain progress (no deadline lights for residents), limits, materials, deferred items and linked applications', async () => {
    serve(() => base);
    render(<Detail />);
    expect(await screen.findByText('食品经营许可')).toBeInTheDocument();
    expect(screen.getByTestId('plain-progress')).toHaveTextContent('预计 12 月 3 日前办结');
    expect(screen.queryByTestId('traffic-light')).not.toBeInTheDocument();
    expect(screen.getByText(/承诺 5 个工作日 \/ 法定 20 个工作日/)).toBeInTheDocument();
    expect(screen.getAllByTestId('material').map((m) => m.textContent)).toEqual([
      '营业执照电子证照',
      '食品安全管理制度已上传',
      '场所平面图容缺待补',
      '委托书未提交',
    ]);
    expect(screen.getByTestId('deferred')).toHaveTextContent('请于 2026年12月10日 前补交');
    expect(screen.queryByText('撤回申请')).not.toBeInTheDocument(); // accepted: too late to withdraw
    fireEvent.click(screen.getByText('户外广告设置'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/progress/detail/index?appNo=YX20261126000124' });
  });

  it('lets the applicant look at their own uploads again', async () => {
    serve(() => ({
      ...base,
      materials: [
        { name: '食品安全管理制度', source: 'upload', files: [{ fileId: 'f_1', url: 'https://files/1.jpg', contentType: 'image/jpeg', fileName: '制度.jpg' }] },
      ],
    }));
    render(<Detail />);
    fireEvent.click(await screen.findByTestId('material-file'));
    expect(Taro.previewImage).toHaveBeenCalledWith({ current: 'https://files/1.jpg', urls: ['https://files/1.jpg'] });
  });

  it('answers the notice with every page of each listed material, photos and a PDF, keyed by the material name', async () => {
    let current = supplementing;
    let seq = 0;
    serve(() => current, {
      'POST /v1/files/f_page0000': () => ok({ fileId: 'x', status: 'ready', size: 2048 }), // …/complete
      'POST /v1/files': () => {
        seq += 1;
        return ok({ fileId: `f_page0000${seq}`, upload: { url: 'http://uploads.local/upload', fields: { key: 'k', signature: 's' } }, expiresInSeconds: 600 });
      },
      [`POST /v1/applications/${APP}/supplement`]: () => {
        current = { ...base, timeline: [...base.timeline, { at: '2026-11-27T02:00:00Z', actor: '申请人', action: '补正材料' }] };
        return ok(current);
      },
    });
    (Taro.chooseImage as jest.Mock).mockResolvedValueOnce({ tempFilePaths: ['blob:x'], tempFiles: [{ path: 'blob:x', size: 2048 }] });
    URL.createObjectURL = jest.fn(() => 'blob:pdf');
    URL.revokeObjectURL = jest.fn();
    render(<Detail />);
    expect(await screen.findByText('一次性告知清单')).toBeInTheDocument();
    expect(screen.getByText('原因：缺少负责人签字')).toBeInTheDocument();
    expect(screen.getByTestId('plain-progress')).toHaveTextContent('补正期间暂停计时');
    const box = within(screen.getByTestId('supplement'));

    // nothing uploaded yet: it says what is missing and sends nothing
    fireEvent.click(screen.getByText('提交补正材料'));
    expect(await screen.findByText('请先上传：食品安全管理制度')).toBeInTheDocument();
    expect(calls('POST', `/v1/applications/${APP}/supplement`)).toHaveLength(0);

    // 第1页 a photo
    fireEvent.click(box.getByRole('button', { name: '上传食品安全管理制度：拍照/上传照片' }));
    await waitFor(() => expect(box.getAllByTestId('material-page')).toHaveLength(1));
    expect(box.getByTestId('material-page')).toHaveTextContent('第1页图片食品安全管理制度.jpg');
    expect(JSON.parse(calls('POST', '/v1/files')[0].data)).toEqual({ fileName: '食品安全管理制度.jpg', contentType: 'image/jpeg', size: 2048 });
    expect(Taro.uploadFile).toHaveBeenCalledWith({
      url: 'http://uploads.local/upload',
      filePath: 'blob:x',
      name: 'file',
      formData: { key: 'k', signature: 's' },
    });
    expect(calls('POST', '/v1/files/f_page00001/complete')).toHaveLength(1);

    // 第2页 a PDF, chosen in the browser's file dialog
    const pdf = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], '管理制度（签字页）.pdf', { type: 'application/pdf' });
    fireEvent.change(box.getByTestId('material-pdf-input'), { target: { files: [pdf] } });
    await waitFor(() => expect(box.getAllByTestId('material-page')).toHaveLength(2));
    expect(box.getAllByTestId('material-page')[1]).toHaveTextContent('第2页PDF管理制度（签字页）.pdf');
    expect(JSON.parse(calls('POST', '/v1/files')[2].data)).toEqual({ fileName: '管理制度（签字页）.pdf', contentType: 'application/pdf', size: 4 });

    fireEvent.click(screen.getByText('提交补正材料'));
    await waitFor(() => expect(calls('POST', `/v1/applications/${APP}/supplement`)).toHaveLength(1));
    expect(JSON.parse(calls('POST', `/v1/applications/${APP}/supplement`)[0].data)).toEqual({
      answers: {
        食品安全管理制度: [
          { kind: 'upload', fileId: 'f_page00001' },
          { kind: 'upload', fileId: 'f_page00002' },
        ],
      },
    });
    expect(await screen.findByText('已受理')).toBeInTheDocument();
    expect(screen.queryByText('一次性告知清单')).not.toBeInTheDocument();
  });

  it('shows how far a material photo is while it uploads, under that material', async () => {
    serve(() => supplementing, {
      'POST /v1/files/f_abcdefgh12/complete': () => ok({ fileId: 'f_abcdefgh12', status: 'ready', size: 400 * 1024 }),
      'POST /v1/files': () => ok({ fileId: 'f_abcdefgh12', upload: { url: 'http://uploads.local/upload', fields: {} }, expiresInSeconds: 600 }),
    });
    let progress: ((r: { progress: number }) => void) | undefined;
    let finish!: (r: unknown) => void;
    (Taro.uploadFile as jest.Mock).mockImplementationOnce(() =>
      Object.assign(new Promise((resolve) => (finish = resolve)), { onProgressUpdate: (cb: typeof progress) => (progress = cb) }),
    );
    (Taro.chooseImage as jest.Mock).mockResolvedValueOnce({ tempFiles: [{ path: 'http://tmp/big.jpg', size: 15 * 1024 * 1024 }] });
    render(<Detail />);
    const box = within(await screen.findByTestId('supplement'));
    fireEvent.click(box.getByText('拍照/上传照片'));

    await waitFor(() => expect(progress).toBeDefined());
    const item = screen.getByTestId('supplement-item');
    expect(item).toHaveTextContent('正在上传 0%');
    act(() => progress!({ progress: 60 }));
    expect(item).toHaveTextContent('正在上传 60%');
    expect(box.getByRole('button', { name: '上传食品安全管理制度：拍照/上传照片' })).toBeDisabled();
    expect(screen.getByText('提交补正材料').closest('button')).toBeDisabled();
    await act(async () => finish({ statusCode: 204, data: '' }));

    expect(await box.findByText('第1页')).toBeInTheDocument();
    expect(box.getByTestId('material-page')).toHaveTextContent('食品安全管理制度.jpg');
    expect(box.queryByTestId('upload-progress')).not.toBeInTheDocument();
    // the 15 MB photo went compressed
    expect(Taro.uploadFile).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'http://tmp/compressed.jpg' }));
  });

  it('posts the chosen rating with the comment, then shows it', async () => {
    serve(() => ended, {
      [`POST /v1/applications/${APP}/rating`]: () =>
        ok({ ...ended, nextAction: { kind: 'none', text: '' }, rating: { value: 'satisfied', comment: '窗口很耐心' } }),
    });
    render(<Detail />);
    expect(await screen.findByText('办理已结束，请对本次服务进行评价')).toBeInTheDocument();
    fireEvent.click(screen.getByText('提交评价'));
    expect(await screen.findByText('请先选择一个评价')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: '满意' }));
    expect(screen.getByRole('radio', { name: '满意' })).toHaveAttribute('aria-checked', 'true');
    fireEvent.change(screen.getByLabelText('评价内容'), { target: { value: '  窗口很耐心 ' } });
    fireEvent.click(screen.getByText('提交评价'));
    await waitFor(() => expect(calls('POST', `/v1/applications/${APP}/rating`)).toHaveLength(1));
    expect(JSON.parse(calls('POST', `/v1/applications/${APP}/rating`)[0].data)).toEqual({ value: 'satisfied', comment: '窗口很耐心' });
    expect(await screen.findByTestId('given-rating')).toHaveTextContent('您的评价：满意');
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
  });

  it('asks before withdrawing and does nothing when the person cancels', async () => {
    serve(() => submitted, {
      [`POST /v1/applications/${APP}/withdraw`]: () =>
        ok({ ...submitted, state: 'withdrawn', stateName: '已撤回', light: null, remainingDays: null, nextAction: { kind: 'none', text: '' } }),
    });
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true });
    render(<Detail />);
    fireEvent.click(await screen.findByText('撤回申请'));
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect((Taro.showModal as jest.Mock).mock.calls[0][0].content).toBe('撤回后需要重新提交申请，确定撤回吗？');
    await Promise.resolve();
    expect(calls('POST', `/v1/applications/${APP}/withdraw`)).toHaveLength(0);

    // confirmed the second time
    fireEvent.click(screen.getByText('撤回申请'));
    await waitFor(() => expect(calls('POST', `/v1/applications/${APP}/withdraw`)).toHaveLength(1));
    expect(await screen.findByText('已撤回')).toBeInTheDocument();
    expect(screen.queryByText('撤回申请')).not.toBeInTheDocument();
  });

  it('on a 409 shows the message and reloads the current state', async () => {
    let current = submitted;
    serve(() => current, {
      [`POST /v1/applications/${APP}/withdraw`]: () => {
        current = base; // the department accepted it meanwhile
        return { statusCode: 409, data: { error: { code: 'CONFLICT', message: '办件已受理，不能撤回' } } };
      },
    });
    render(<Detail />);
    fireEvent.click(await screen.findByText('撤回申请'));
    expect(await screen.findByText('办件已受理，不能撤回')).toBeInTheDocument();
    await waitFor(() => expect(calls('GET', `/v1/applications/${APP}`)).toHaveLength(2));
    expect(await screen.findByText('已受理')).toBeInTheDocument();
    expect(screen.queryByText('撤回申请')).not.toBeInTheDocument();
  });
});
