import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import Detail from './index';
import { application, calls, ok, onApplicationPage, serve as serveAt } from './testKit';

const APP = 'YX20261126000200';
const serve = serveAt.bind(null, APP);

const base = application(APP, {
  itemId: 'food-business-licence',
  state: 'submitted',
  stateName: '已提交，待受理',
  usedDays: 0,
  nextAction: { kind: 'wait', text: '等待部门受理' },
  deferred: [
    { name: '场所平面图', dueDate: '2026-12-10', handedIn: false, workingDaysLeft: 8 },
    { name: '健康证明', dueDate: '2026-12-10', handedIn: false, workingDaysLeft: 2 },
    { name: '租赁合同', dueDate: '2026-12-10', handedIn: true },
  ],
});

beforeEach(() => onApplicationPage(APP, { id: 'u1', role: 'enterprise', nickname: '陈志强', level: 2, verified: true }));

describe('容缺材料 on the application page', () => {
  it('counts down in working days and hands in what was uploaded, keyed by the material name', async () => {
    let current = base;
    serve(() => current, {
      'POST /v1/files/f_plan000001/complete': () => ok({ fileId: 'f_plan000001', status: 'ready', size: 2048 }),
      'POST /v1/files': () => ok({ fileId: 'f_plan000001', upload: { url: 'http://uploads.local/upload', fields: { key: 'k' } }, expiresInSeconds: 600 }),
      [`POST /v1/applications/${APP}/deferred`]: () => {
        current = { ...base, deferred: [{ ...base.deferred[0], handedIn: true, workingDaysLeft: undefined }, base.deferred[1], base.deferred[2]] };
        return ok(current);
      },
    });
    (Taro.chooseImage as jest.Mock).mockResolvedValueOnce({ tempFilePaths: ['blob:x'], tempFiles: [{ path: 'blob:x', size: 2048 }] });
    render(<Detail />);
    const rows = await screen.findAllByTestId('deferred');
    expect(rows.map((r) => within(r).getByText(/待补交|已补交|已转补正/).textContent)).toEqual(['待补交', '待补交', '已补交']);
    const countdowns = screen.getAllByTestId('deferred-countdown');
    expect(countdowns.map((c) => c.textContent)).toEqual(['还剩 8 个工作日', '还剩 2 个工作日']);
    expect(countdowns[1].querySelector('.dt-countdown-left')).toHaveClass('is-short'); // 2 of 10 days left: red

    // nothing uploaded: says so, sends nothing
    fireEvent.click(screen.getByText('补交容缺材料'));
    expect(await screen.findByText('请先上传要补交的材料')).toBeInTheDocument();
    expect(calls('POST', `/v1/applications/${APP}/deferred`)).toHaveLength(0);

    fireEvent.click(screen.getByLabelText('上传场所平面图：拍照/上传照片'));
    expect(await screen.findByTestId('material-page')).toHaveTextContent('第1页图片场所平面图.jpg');
    fireEvent.click(screen.getByText('补交 1 项材料'));
    await waitFor(() => expect(calls('POST', `/v1/applications/${APP}/deferred`)).toHaveLength(1));
    expect(JSON.parse(calls('POST', `/v1/applications/${APP}/deferred`)[0].data)).toEqual({
      answers: { 场所平面图: [{ kind: 'upload', fileId: 'f_plan000001' }] },
    });
    await waitFor(() => expect(screen.getAllByTestId('deferred-countdown')).toHaveLength(1));
    expect(screen.queryByLabelText('上传场所平面图：拍照/上传照片')).not.toBeInTheDocument();
  });

  it('offers no hand-in once a late material turned into 补正, nor after the case ended', async () => {
    serve(() => ({
      ...base,
      state: 'approved',
      stateName: '已办结（准予）',
      deferred: [{ name: '场所平面图', dueDate: '2026-12-10', handedIn: false, late: true }],
    }));
    render(<Detail />);
    expect(await screen.findByText('已转补正')).toBeInTheDocument();
    expect(screen.queryByText('补交容缺材料')).not.toBeInTheDocument();
    expect(screen.queryByTestId('deferred-countdown')).not.toBeInTheDocument();
  });
});
