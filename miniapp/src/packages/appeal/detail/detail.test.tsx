import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Role } from '@yx/shared';
import { saveSession } from '../../../api/session';
import type { WoView } from '../../../api/workorders';
import Detail from './index';

const request = Taro.request as unknown as jest.Mock;
const showModal = Taro.showModal as unknown as jest.Mock;
/** Not in the shared Taro stand-in: set per test. */
const previewImage = jest.fn();
(Taro as unknown as { previewImage: jest.Mock }).previewImage = previewImage;
const NO = 'SQ20261126000007';

type Call = { url: string; method: string; data?: string };
const calls = () => request.mock.calls.map((c) => c[0] as Call);
const posts = (suffix: string) => calls().filter((c) => c.method === 'POST' && c.url === `/v1/workorders/${NO}/${suffix}`);
const gets = () => calls().filter((c) => c.method === 'GET' && c.url === `/v1/workorders/${NO}`);
const photoGets = () => calls().filter((c) => c.method === 'GET' && c.url === `/v1/workorders/${NO}/photos`);
const ok = (data: unknown) => ({ statusCode: 200, data });

const base: WoView = {
  no: NO,
  kind: 'appeal',
  category: '市容环境 / 占道经营',
  state: 'resolved',
  stateName: '已办结，待评价',
  description: '北京路口晚上有流动摊贩占道经营',
  place: { lat: 23.12505, lng: 113.26915, address: '北京路与西湖路交界' },
  street: 'beijing',
  teamName: '区城管执法局',
  ownerName: '陈队',
  affected: 3,
  createdAt: '2026-11-24T12:00:00Z',
  claimBy: '2026-11-25T10:00:00Z',
  replyBy: '2026-12-01',
  reopened: false,
  filer: '张*明',
  timeline: [
    { at: '2026-11-24T12:00:00Z', actor: '张*明', action: '提交诉求', note: '市容环境 / 占道经营' },
    { at: '2026-11-26T03:00:00Z', actor: '区城管执法局', action: '办结回复', note: '已现场劝离并加强巡查' },
  ],
};
const filerView = (over: Partial<WoView> = {}): WoView => ({ ...base, mine: true, photoIds: [], ...over });
const staffView = (over: Partial<WoView> = {}): WoView => ({
  ...base,
  state: 'dispatched',
  stateName: '已派单，待签收',
  ownerName: undefined,
  version: 2,
  photoIds: [],
  actions: ['claim', 'redispatch'],
  anonymousToPublic: true,
  contactPhone: '138****5678',
  ...over,
});

function login(role: Role) {
  saveSession({ token: 't', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { id: 'u1', role, nickname: '用户', level: 1, verified: true } });
}

/** GET answers `current()` (and its photos `photos()`, none by default); POSTs by their last path segment. */
function serve(current: () => WoView, on: Record<string, (c: Call) => unknown> = {}, photos: () => unknown = () => ok({ items: [] })) {
  request.mockImplementation(async (c: Call) => {
    if (c.method === 'GET' && c.url === `/v1/workorders/${NO}`) return ok(current());
    if (c.method === 'GET' && c.url === `/v1/workorders/${NO}/photos`) return photos();
    if (c.method === 'GET' && c.url === '/v1/departments') {
      return ok({
        items: [
          { id: 'urban', name: '广州市越秀区城市管理和综合执法局', shortName: '区城管执法局', phone: '', address: '' },
          { id: 'market', name: '广州市越秀区市场监督管理局', shortName: '区市场监管局', phone: '', address: '' },
        ],
      });
    }
    const last = c.url.split('/').pop()!;
    if (c.method === 'POST' && on[last]) return on[last](c);
    throw new Error(`unexpected ${c.method} ${c.url}`);
  });
}

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  showModal.mockReset();
  showModal.mockResolvedValue({ confirm: true, cancel: false });
  previewImage.mockReset();
  (Taro.useRouter as jest.Mock).mockReturnValue({ params: { no: NO } });
});

describe('诉求详情 (filer)', () => {
  it('shows the header and the trail newest first; the filer of a resolved order rates it', async () => {
    login('resident');
    let current = filerView();
    serve(() => current, {
      rating: () => {
        current = filerView({ state: 'dispatched', stateName: '已派单，待签收', reopened: true });
        return ok(current);
      },
    });
    render(<Detail />);
    expect(await screen.findByTestId('category')).toHaveTextContent('市容环境 / 占道经营');
    expect(screen.getByText(`工单编号 ${NO}`)).toBeInTheDocument();
    expect(screen.getByTestId('wo-state')).toHaveTextContent('已办结，待评价');
    expect(screen.getByTestId('affected')).toHaveTextContent('3 人反映');
    expect(screen.getByText('承办：区城管执法局（陈队）')).toBeInTheDocument();
    expect(screen.getAllByTestId('timeline-entry')[0]).toHaveTextContent('办结回复');
    expect(screen.queryByTestId('action-panel')).not.toBeInTheDocument();

    const box = screen.getByTestId('rate');
    expect(screen.getAllByRole('radio').map((r) => r.textContent)).toEqual(['满意', '基本满意', '不满意']);
    fireEvent.click(screen.getByText('提交评价'));
    expect(await screen.findByText('请先选择一个评价')).toBeInTheDocument();
    expect(posts('rating')).toHaveLength(0);

    fireEvent.click(screen.getByRole('radio', { name: '不满意' }));
    expect(screen.getByTestId('unsatisfied-note')).toHaveTextContent('退回承办单位重新办理一次');
    expect(screen.getByTestId('unsatisfied-note')).toHaveClass('on');
    fireEvent.change(screen.getByLabelText('评价内容'), { target: { value: '晚上摊贩又回来了' } });
    fireEvent.click(screen.getByText('提交评价'));
    await waitFor(() => expect(posts('rating')).toHaveLength(1));
    expect(JSON.parse(posts('rating')[0].data!)).toEqual({ value: 'unsatisfied', comment: '晚上摊贩又回来了' });
    await waitFor(() => expect(box).not.toBeInTheDocument());
    expect(screen.getByTestId('wo-state')).toHaveTextContent('已派单，待签收');
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已退回重新办理', icon: 'success' });
  });

  it('posts a plain rating without a comment', async () => {
    login('resident');
    serve(() => filerView(), { rating: () => ok(filerView({ state: 'closed', stateName: '已关闭', rating: 'satisfied' })) });
    render(<Detail />);
    fireEvent.click(await screen.findByRole('radio', { name: '满意' }));
    fireEvent.click(screen.getByText('提交评价'));
    await waitFor(() => expect(posts('rating')).toHaveLength(1));
    expect(JSON.parse(posts('rating')[0].data!)).toEqual({ value: 'satisfied' });
    expect(await screen.findByTestId('given-rating')).toHaveTextContent('您的评价：满意');
  });

  it('shows no rating box to a follower, before it is resolved, or once it was reopened already it says so', async () => {
    login('resident');
    let current = filerView({ mine: false });
    serve(() => current);
    const r = render(<Detail />);
    expect(await screen.findByTestId('category')).toBeInTheDocument();
    expect(screen.queryByTestId('rate')).not.toBeInTheDocument();
    expect(screen.getByText(/您已关注此问题/)).toBeInTheDocument();
    r.unmount();

    current = filerView({ state: 'in_progress', stateName: '处理中' });
    const r2 = render(<Detail />);
    expect(await screen.findByTestId('category')).toBeInTheDocument();
    expect(screen.queryByTestId('rate')).not.toBeInTheDocument();
    r2.unmount();

    current = filerView({ reopened: true });
    render(<Detail />);
    expect(await screen.findByTestId('rate')).toBeInTheDocument();
    expect(screen.getByTestId('unsatisfied-note')).toHaveTextContent('已重新办理过一次');
  });
});

describe('工单办理 (handlers)', () => {
  it('shows only the actions the server allows, the masked phone with the anonymity note, and no rating box', async () => {
    login('grid');
    serve(() => staffView({ state: 'resolved', stateName: '已办结，待评价', mine: false } as Partial<WoView>));
    render(<Detail />);
    expect(await screen.findByTestId('action-panel')).toBeInTheDocument();
    expect(screen.getAllByTestId(/^wo-action-/).map((b) => b.textContent)).toEqual(['签收', '改派']);
    expect(screen.getByTestId('filer')).toHaveTextContent('138****5678');
    expect(screen.getByTestId('anonymous-note')).toHaveTextContent('反映人选择了对外匿名');
    expect(screen.queryByTestId('rate')).not.toBeInTheDocument();
  });

  it("claims after a confirmation; a 409 shows the server's message and reloads", async () => {
    login('grid');
    let current = staffView();
    serve(() => current, {
      claim: () => {
        current = staffView({ state: 'claimed', stateName: '已签收', ownerName: '邓伟', actions: [] });
        return { statusCode: 409, data: { error: { code: 'CONFLICT', message: '该工单已由 网格员 邓伟 签收' } } };
      },
    });
    render(<Detail />);
    fireEvent.click(await screen.findByTestId('wo-action-claim'));
    await waitFor(() => expect(posts('claim')).toHaveLength(1));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认签收' }));
    expect(JSON.parse(posts('claim')[0].data!)).toEqual({});
    expect(await screen.findByTestId('conflict')).toHaveTextContent('该工单已由 网格员 邓伟 签收');
    await waitFor(() => expect(gets()).toHaveLength(2));
    expect(await screen.findByText('当前没有需要您办理的操作')).toBeInTheDocument();
    expect(screen.queryByTestId('wo-action-claim')).not.toBeInTheDocument();
  });

  it('does not claim when the confirmation is cancelled', async () => {
    login('staff');
    serve(() => staffView());
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    render(<Detail />);
    fireEvent.click(await screen.findByTestId('wo-action-claim'));
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    expect(posts('claim')).toHaveLength(0);
  });

  it('办结回复 needs at least 5 characters, then sends the result', async () => {
    login('staff');
    const claimed = staffView({ state: 'in_progress', stateName: '处理中', ownerName: '陈队', actions: ['resolve', 'return'] });
    serve(() => claimed, { resolve: () => ok(staffView({ state: 'resolved', stateName: '已办结，待评价', actions: [] })) });
    render(<Detail />);
    expect(await screen.findAllByTestId(/^wo-action-/)).toHaveLength(2);
    fireEvent.click(screen.getByTestId('wo-action-resolve'));
    fireEvent.change(screen.getByLabelText('处理结果'), { target: { value: '已处理' } });
    fireEvent.click(screen.getByText('提交办结回复'));
    expect(await screen.findByText(/办结回复至少 5 个字/)).toBeInTheDocument();
    expect(posts('resolve')).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('处理结果'), { target: { value: '已现场劝离摊贩，并安排夜间巡查' } });
    fireEvent.click(screen.getByText('提交办结回复'));
    await waitFor(() => expect(posts('resolve')).toHaveLength(1));
    expect(JSON.parse(posts('resolve')[0].data!)).toEqual({ result: '已现场劝离摊贩，并安排夜间巡查', photoIds: [] });
    expect(await screen.findByTestId('wo-state')).toHaveTextContent('已办结，待评价');
  });

  it('退单 asks for a reason; 改派 offers departments and street grids', async () => {
    login('staff');
    let current = staffView({ state: 'claimed', stateName: '已签收', actions: ['start', 'resolve', 'return'] });
    serve(() => current, {
      return: () => {
        current = staffView({ state: 'returned', stateName: '已退单，待改派', actions: ['redispatch'] });
        return ok(current);
      },
      redispatch: () => ok(staffView({ actions: [] })),
    });
    render(<Detail />);
    fireEvent.click(await screen.findByTestId('wo-action-return'));
    fireEvent.click(screen.getByText('退单', { selector: 'button.wd-submit' }));
    expect(await screen.findByText(/退单理由至少 5 个字/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('退单理由'), { target: { value: '该路段属荔湾区管辖' } });
    fireEvent.click(screen.getByText('退单', { selector: 'button.wd-submit' }));
    await waitFor(() => expect(posts('return')).toHaveLength(1));
    expect(JSON.parse(posts('return')[0].data!)).toEqual({ reason: '该路段属荔湾区管辖' });

    fireEvent.click(await screen.findByTestId('wo-action-redispatch'));
    fireEvent.click(screen.getByText('改派', { selector: 'button.wd-submit' }));
    expect(await screen.findByText('请选择改派的承办单位')).toBeInTheDocument();
    expect(await screen.findByRole('radio', { name: '区市场监管局' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: '北京街道网格' }));
    fireEvent.click(screen.getByText('改派', { selector: 'button.wd-submit' }));
    await waitFor(() => expect(posts('redispatch')).toHaveLength(1));
    expect(JSON.parse(posts('redispatch')[0].data!)).toEqual({ teamId: 'grid:beijing' });
  });

  it('shows any other error beside the actions without reloading', async () => {
    login('staff');
    serve(() => staffView(), { claim: () => ({ statusCode: 403, data: { error: { code: 'FORBIDDEN', message: '您不能对该工单进行此操作' } } }) });
    render(<Detail />);
    fireEvent.click(await screen.findByTestId('wo-action-claim'));
    expect(await screen.findByText('您不能对该工单进行此操作')).toBeInTheDocument();
    expect(gets()).toHaveLength(1);
  });
});

describe('延期、重复件 (handling side)', () => {
  const handling = (over: Partial<WoView> = {}) =>
    staffView({
      state: 'in_progress',
      stateName: '处理中',
      ownerName: '陈队',
      actions: ['resolve', 'return'],
      light: 'yellow',
      contactPreference: '电话联系我',
      enterprise: { name: '广州市越秀区某某餐饮有限公司', code: '9144********1234' },
      dispatcher: false,
      ...over,
    });
  const pending = { days: 3, reason: '需协调产权单位到场处理', status: 'requested' as const, at: '2026-11-26T02:00:00Z' };

  it('shows the light, how the filer wants to hear back, the firm with its masked code, and the extension status', async () => {
    login('staff');
    serve(() => handling({ extension: { ...pending, status: 'granted' }, escalated: true }));
    render(<Detail />);
    expect(await screen.findByTestId('light')).toHaveTextContent('答复时效');
    expect(within(screen.getByTestId('light')).getByTestId('traffic-light')).toHaveAttribute('data-light', 'yellow');
    const filer = screen.getByTestId('filer');
    expect(filer).toHaveTextContent('回访方式电话联系我');
    expect(filer).toHaveTextContent('所在企业广州市越秀区某某餐饮有限公司');
    expect(filer).toHaveTextContent('统一社会信用代码9144********1234');
    expect(screen.getByTestId('escalated')).toHaveTextContent('已提请调度');
    expect(screen.getByTestId('extension-status')).toHaveTextContent('申请延期 3 个工作日已同意');
    expect(screen.getByTestId('extension-status')).toHaveTextContent('理由：需协调产权单位到场处理');
    // granted already: the owner may ask again; never decide
    expect(screen.getByTestId('extension-open')).toBeInTheDocument();
    expect(screen.queryByTestId('extension-decision')).not.toBeInTheDocument();
    expect(screen.queryByTestId('duplicate')).not.toBeInTheDocument();
  });

  it('the owner asks for 1–10 more working days with a reason', async () => {
    login('staff');
    serve(() => handling(), { extension: () => ok(handling({ extension: pending })) });
    render(<Detail />);
    fireEvent.click(await screen.findByTestId('extension-open'));
    const form = screen.getByTestId('form-extension');
    expect(
      within(form)
        .getAllByRole('radio')
        .map((r) => r.textContent),
    ).toEqual(['1天', '2天', '3天', '4天', '5天', '6天', '7天', '8天', '9天', '10天']);
    fireEvent.click(within(form).getByText('提交申请'));
    expect(await screen.findByText('请选择延期的工作日数')).toBeInTheDocument();
    expect(screen.getByText(/延期理由至少 5 个字/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: '3天' }));
    fireEvent.change(screen.getByLabelText('延期理由'), { target: { value: '需协调产权单位到场处理' } });
    expect(screen.queryByText('请选择延期的工作日数')).not.toBeInTheDocument();
    fireEvent.click(within(form).getByText('提交申请'));
    await waitFor(() => expect(posts('extension')).toHaveLength(1));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '申请延期' }));
    expect(JSON.parse(posts('extension')[0].data!)).toEqual({ days: 3, reason: '需协调产权单位到场处理' });
    expect(await screen.findByTestId('extension-status')).toHaveTextContent('待调度审批');
    // one request at a time
    expect(screen.queryByTestId('extension-open')).not.toBeInTheDocument();
    expect(screen.queryByTestId('form-extension')).not.toBeInTheDocument();
  });

  it('offers no extension to someone who is not the owner, nor before it is claimed', async () => {
    login('staff');
    let current = handling({ actions: [] }); // a team mate: the owner's actions are not theirs
    serve(() => current);
    const r = render(<Detail />);
    expect(await screen.findByTestId('action-panel')).toBeInTheDocument();
    expect(screen.queryByTestId('extension')).not.toBeInTheDocument();
    r.unmount();
    current = staffView({ light: 'green' });
    render(<Detail />);
    expect(await screen.findByTestId('light')).toHaveTextContent('签收时效');
    expect(screen.queryByTestId('extension-open')).not.toBeInTheDocument();
  });

  it('only the street dispatcher sees 同意/不同意延期, each confirmed first', async () => {
    login('staff');
    let current = handling({ actions: ['resolve', 'return'], extension: pending });
    serve(() => current);
    const r = render(<Detail />);
    expect(await screen.findByTestId('extension-status')).toHaveTextContent('待调度审批');
    expect(screen.queryByText('同意延期')).not.toBeInTheDocument();
    expect(screen.queryByText('不同意延期')).not.toBeInTheDocument();
    expect(screen.queryByTestId('extension-open')).not.toBeInTheDocument(); // pending already
    r.unmount();

    login('dispatcher');
    current = handling({ actions: [], dispatcher: true, extension: pending });
    serve(() => current, {
      'extension-decision': () => ok(handling({ actions: [], dispatcher: true, extension: { ...pending, status: 'granted' }, replyBy: '2026-12-04' })),
    });
    render(<Detail />);
    expect(await screen.findByTestId('extension-approve')).toHaveTextContent('同意延期');
    expect(screen.getByTestId('extension-refuse')).toHaveTextContent('不同意延期');

    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(screen.getByTestId('extension-refuse'));
    await waitFor(() => expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '不同意延期' })));
    expect(posts('extension-decision')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('审批意见（选填）'), { target: { value: '同意，请按期办结' } });
    fireEvent.click(screen.getByTestId('extension-approve'));
    await waitFor(() => expect(posts('extension-decision')).toHaveLength(1));
    expect(showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '同意延期' }));
    expect(JSON.parse(posts('extension-decision')[0].data!)).toEqual({ approve: true, note: '同意，请按期办结' });
    expect(await screen.findByText('已同意')).toBeInTheDocument();
    expect(screen.queryByTestId('extension-decision')).not.toBeInTheDocument();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已同意延期', icon: 'success' });
  });

  it("a decision someone made meanwhile (409) shows the server's message and reloads", async () => {
    login('dispatcher');
    let current = handling({ actions: [], dispatcher: true, extension: pending });
    serve(() => current, {
      'extension-decision': () => {
        current = handling({ actions: [], dispatcher: true, extension: { ...pending, status: 'refused' } });
        return { statusCode: 409, data: { error: { code: 'CONFLICT', message: '延期申请刚刚已被处理' } } };
      },
    });
    render(<Detail />);
    fireEvent.click(await screen.findByTestId('extension-refuse'));
    await waitFor(() => expect(posts('extension-decision')).toHaveLength(1));
    expect(JSON.parse(posts('extension-decision')[0].data!)).toEqual({ approve: false });
    expect(await screen.findByTestId('conflict')).toHaveTextContent('延期申请刚刚已被处理');
    await waitFor(() => expect(gets()).toHaveLength(2));
    expect(await screen.findByText('未同意')).toBeInTheDocument();
    expect(screen.queryByTestId('extension-approve')).not.toBeInTheDocument();
  });

  it('标记重复件: only for the dispatcher, checks the number, confirms, then shows 已并入', async () => {
    login('staff');
    serve(() => handling());
    const r = render(<Detail />);
    expect(await screen.findByTestId('action-panel')).toBeInTheDocument();
    expect(screen.queryByText('标记重复件')).not.toBeInTheDocument();
    r.unmount();

    login('dispatcher');
    const ORIGINAL = 'SQ20261125000003';
    serve(() => staffView({ dispatcher: true }), {
      duplicate: () => ok(staffView({ dispatcher: true, state: 'closed', stateName: '已关闭', actions: [], duplicateOf: ORIGINAL })),
    });
    render(<Detail />);
    fireEvent.click(await screen.findByTestId('duplicate-open'));
    fireEvent.click(screen.getByTestId('duplicate-submit'));
    expect(await screen.findByText('请输入原工单编号')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('原工单编号'), { target: { value: 'SQ2026112500' } });
    fireEvent.click(screen.getByTestId('duplicate-submit'));
    expect(await screen.findByText(/应为 SQ 开头的 18 位工单编号/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('原工单编号'), { target: { value: 'YX20261125000003' } });
    fireEvent.click(screen.getByTestId('duplicate-submit'));
    expect(await screen.findByText(/应为 SQ 开头的 18 位工单编号/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('原工单编号'), { target: { value: NO.toLowerCase() } });
    fireEvent.click(screen.getByTestId('duplicate-submit'));
    expect(await screen.findByText(/不能标记为自身的重复件/)).toBeInTheDocument();
    expect(showModal).not.toHaveBeenCalled();

    // typed with spaces and in lower case: cleaned up; cancelled first
    fireEvent.change(screen.getByLabelText('原工单编号'), { target: { value: 'sq 2026 1125 000003' } });
    expect(screen.getByLabelText('原工单编号')).toHaveValue(ORIGINAL);
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(screen.getByTestId('duplicate-submit'));
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    expect(showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '标记重复件', content: expect.stringContaining(`本工单将关闭并并入 ${ORIGINAL}`) }),
    );
    expect(posts('duplicate')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('duplicate-submit'));
    await waitFor(() => expect(posts('duplicate')).toHaveLength(1));
    expect(JSON.parse(posts('duplicate')[0].data!)).toEqual({ originalNo: ORIGINAL });
    expect(await screen.findByTestId('duplicate-of')).toHaveTextContent(`已并入 ${ORIGINAL}`);
    expect(screen.getByTestId('wo-state')).toHaveTextContent('已关闭');
    expect(screen.queryByTestId('duplicate')).not.toBeInTheDocument();
    fireEvent.click(screen.getByTestId('duplicate-of'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/appeal/detail/index?no=${ORIGINAL}` });
  });
});

describe('照片、处理进展', () => {
  const photo = (n: number, kind: string) => ({ fileId: `f_photo000${n}`, url: `https://img.example/${n}.jpg?sig=x`, kind, at: '2026-11-24T12:00:00Z' });
  const owned = (over: Partial<WoView> = {}) =>
    staffView({ state: 'in_progress', stateName: '处理中', ownerName: '陈队', actions: ['resolve', 'return'], ...over });
  const noteEntry = { at: '2026-11-26T05:00:00Z', actor: '区城管执法局', action: '处理进展', note: '已到现场约谈商户', photoCount: 1 };

  it('shows the photos by kind, each opening the full-size viewer over all of them; the trail says which step has photos', async () => {
    login('resident');
    const items = [photo(1, '反映时上传'), photo(2, '反映时上传'), photo(3, '处理进展'), photo(4, '办结照片')];
    serve(
      () =>
        filerView({
          photoIds: ['f_photo0001', 'f_photo0002'],
          timeline: [...base.timeline, { at: '2026-11-25T05:00:00Z', actor: '区城管执法局', action: '处理进展', note: '已到现场', photoCount: 1 }],
        } as Partial<WoView>),
      {},
      () => ok({ items }),
    );
    render(<Detail />);
    const box = await screen.findByTestId('wo-photos');
    expect(
      within(box)
        .getAllByTestId('wo-photo-group')
        .map((g) => g.textContent),
    ).toEqual(['反映时上传2 张', '处理进展1 张', '办结照片1 张']);
    expect(within(box).getAllByTestId('wo-photo')).toHaveLength(4);
    expect(screen.queryByText(/^附照片 2 张$/)).not.toBeInTheDocument(); // the old count under the description is gone
    fireEvent.click(within(box).getAllByTestId('wo-photo')[2]);
    expect(previewImage).toHaveBeenCalledWith({ current: items[2].url, urls: items.map((p) => p.url) });
    const entry = screen.getAllByTestId('timeline-entry').find((e) => e.textContent?.includes('处理进展'))!;
    expect(entry).toHaveTextContent('已到现场（附照片 1 张）');
    expect(screen.queryByTestId('note-panel')).not.toBeInTheDocument();
  });

  it('shows no photo section when there are none, and a small retry link when they cannot be loaded', async () => {
    login('resident');
    let fail = true;
    serve(
      () => filerView(),
      {},
      () => (fail ? { statusCode: 500, data: { error: { code: 'INTERNAL', message: '服务繁忙' } } } : ok({ items: [photo(1, '办结照片')] })),
    );
    render(<Detail />);
    expect(await screen.findByTestId('wo-photos-retry')).toBeInTheDocument();
    expect(screen.queryByTestId('wo-photos')).not.toBeInTheDocument();
    fail = false;
    fireEvent.click(screen.getByTestId('wo-photos-retry'));
    expect(await screen.findByTestId('wo-photos')).toHaveTextContent('办结照片');
    expect(photoGets()).toHaveLength(2);
  });

  it('the owner records 处理进展 with photos: checked first, then sent; the trail and the photos are refreshed and the form cleared', async () => {
    login('staff');
    let current = owned();
    let n = 0;
    serve(
      () => current,
      {
        files: () => ok({ fileId: `f_photo000${++n}`, upload: { url: 'https://upload.example', fields: {} } }),
        complete: (c) => ok({ fileId: c.url.split('/')[3], status: 'ready', size: 1024 }),
        notes: () => {
          current = owned({ version: 3, timeline: [...base.timeline, noteEntry] });
          return ok(current);
        },
      },
      () => ok({ items: current.version === 3 ? [photo(1, '处理进展')] : [] }),
    );
    render(<Detail />);
    const panel = await screen.findByTestId('note-panel');
    expect(screen.queryByTestId('wo-photos')).not.toBeInTheDocument();

    fireEvent.change(within(panel).getByLabelText('处理进展'), { target: { value: ' 好 ' } });
    fireEvent.click(screen.getByTestId('note-submit'));
    expect(await within(panel).findByText(/处理进展至少 2 个字/)).toBeInTheDocument();
    expect(posts('notes')).toHaveLength(0);

    fireEvent.change(within(panel).getByLabelText('处理进展'), { target: { value: '已到现场约谈商户' } });
    expect(within(panel).getByText('8/300')).toBeInTheDocument();
    fireEvent.click(within(panel).getByText('拍照或选择照片'));
    await waitFor(() => expect(within(panel).getAllByTestId('note-photo')).toHaveLength(1));
    fireEvent.click(screen.getByTestId('note-submit'));
    await waitFor(() => expect(posts('notes')).toHaveLength(1));
    expect(JSON.parse(posts('notes')[0].data!)).toEqual({ note: '已到现场约谈商户', photoIds: ['f_photo0001'] });
    expect(showModal).not.toHaveBeenCalled(); // not irreversible: no confirmation

    await waitFor(() => expect(screen.getAllByTestId('timeline-entry')[0]).toHaveTextContent('处理进展'));
    expect(screen.getAllByTestId('timeline-entry')[0]).toHaveTextContent('已到现场约谈商户（附照片 1 张）');
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '已记录', icon: 'success' });
    expect(within(screen.getByTestId('note-panel')).getByLabelText('处理进展')).toHaveValue('');
    expect(screen.queryByTestId('note-photo')).not.toBeInTheDocument();
    expect(await screen.findByTestId('wo-photos')).toHaveTextContent('处理进展');
    expect(photoGets()).toHaveLength(2);
    expect(gets()).toHaveLength(1); // the answer is the new view: no reload
  });

  it('is only for the owner while handling', async () => {
    login('staff');
    let current = owned({ actions: [] }); // a team mate
    serve(() => current);
    const r = render(<Detail />);
    expect(await screen.findByTestId('action-panel')).toBeInTheDocument();
    expect(screen.queryByTestId('note-panel')).not.toBeInTheDocument();
    r.unmount();

    current = staffView(); // not claimed yet
    const r2 = render(<Detail />);
    expect(await screen.findByTestId('action-panel')).toBeInTheDocument();
    expect(screen.queryByTestId('note-panel')).not.toBeInTheDocument();
    r2.unmount();

    current = owned({ state: 'claimed', stateName: '已签收', actions: ['start', 'resolve', 'return'] });
    render(<Detail />);
    expect(await screen.findByTestId('note-panel')).toBeInTheDocument();
  });

  it("keeps what was typed when it fails: the server's message beside the panel, or a 409 noticed with the order reloaded", async () => {
    login('staff');
    let answer: unknown = { statusCode: 400, data: { error: { code: 'BAD_REQUEST', message: '照片不存在或尚未上传完成，请重新上传' } } };
    serve(() => owned(), { notes: () => answer });
    render(<Detail />);
    const panel = await screen.findByTestId('note-panel');
    fireEvent.change(within(panel).getByLabelText('处理进展'), { target: { value: '已联系产权单位，约定周五到场' } });
    fireEvent.click(screen.getByTestId('note-submit'));
    expect(await screen.findByTestId('note-error')).toHaveTextContent('照片不存在或尚未上传完成，请重新上传');
    expect(within(panel).getByLabelText('处理进展')).toHaveValue('已联系产权单位，约定周五到场');
    expect(gets()).toHaveLength(1);

    answer = { statusCode: 409, data: { error: { code: 'CONFLICT', message: '工单刚刚发生了变化，请刷新后再看' } } };
    fireEvent.click(screen.getByTestId('note-submit'));
    expect(await screen.findByTestId('conflict')).toHaveTextContent('工单刚刚发生了变化，请刷新后再看');
    await waitFor(() => expect(gets()).toHaveLength(2));
    await waitFor(() => expect(screen.getByTestId('note-submit')).not.toBeDisabled());
    expect(within(screen.getByTestId('note-panel')).getByLabelText('处理进展')).toHaveValue('已联系产权单位，约定周五到场');
    expect(screen.queryByTestId('note-error')).not.toBeInTheDocument();
    expect(posts('notes')).toHaveLength(2);
  });
});
