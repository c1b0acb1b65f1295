import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Role } from '@yx/shared';
import { saveSession } from '../../../api/session';
import { STREET_CENTRES } from './draft';
import FileWorkOrder from './index';

const request = Taro.request as unknown as jest.Mock;
const showModal = Taro.showModal as unknown as jest.Mock;
const getLocation = (Taro as unknown as { getLocation: jest.Mock }).getLocation;
const NO = 'SQ20261126000042';

type Call = { url: string; method: string; data?: string; header: Record<string, string> };
const calls = () => request.mock.calls.map((c) => c[0] as Call);
const filings = () => calls().filter((c) => c.method === 'POST' && c.url === '/v1/workorders');
const ok = (data: unknown, statusCode = 200) => ({ statusCode, data });
const view = { no: NO, state: 'dispatched', stateName: '已派单，待签收', teamName: '区人社局', timeline: [], affected: 1, filer: '张*明' };

function login(role: Role, extra: Record<string, unknown> = {}) {
  saveSession({
    token: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u1', role, nickname: '用户', level: 1, verified: true, ...extra },
  });
}

/** Answers by method and path; anything else fails the test. */
function serve(on: Record<string, (c: Call) => unknown>) {
  request.mockImplementation(async (c: Call) => {
    const path = c.url.split('?')[0];
    const h = on[`${c.method} ${path}`];
    if (!h) throw new Error(`unexpected ${c.method} ${c.url}`);
    return h(c);
  });
}

const radio = (name: string) => screen.getByRole('radio', { name });
const describe_ = (text: string) => fireEvent.change(screen.getByLabelText('问题描述'), { target: { value: text } });

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  showModal.mockReset();
  showModal.mockResolvedValue({ confirm: true, cancel: false });
  getLocation.mockClear();
  (Taro.navigateTo as jest.Mock).mockClear();
  (Taro.redirectTo as jest.Mock).mockClear();
});

describe('我要反映', () => {
  it('asks a visitor to log in', () => {
    render(<FileWorkOrder />);
    expect(screen.getByText('登录后可反映诉求，并随时查看办理进度')).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
  });

  it('checks category, description and (where the category needs it) the place before calling the API', async () => {
    login('resident');
    serve({ 'GET /v1/workorders/nearby': () => ok({ items: [] }) });
    render(<FileWorkOrder />);
    // residents do not see the grid's own 社区治理 group
    expect(screen.queryByRole('radio', { name: '社区治理' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('提交'));
    expect(await screen.findByText('请选择诉求分类')).toBeInTheDocument();
    expect(screen.getByText('请用至少 5 个字描述问题')).toBeInTheDocument();
    // the first error is brought into view, not left above the screen behind a toast (issue 14)
    await waitFor(() => expect(Taro.pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ selector: '.error-text' })));

    fireEvent.click(radio('噪音扰民'));
    fireEvent.click(radio('施工噪音'));
    describe_('工地每晚十一点后还在打桩');
    fireEvent.click(screen.getByText('提交'));
    expect(await screen.findByText(/该类问题需要提供位置/)).toBeInTheDocument();
    expect(screen.queryByText('请选择诉求分类')).not.toBeInTheDocument();

    // a point without an address is not enough either
    fireEvent.click(screen.getByText('获取当前位置'));
    await screen.findByTestId('point');
    fireEvent.click(screen.getByText('提交'));
    expect(await screen.findByText('地址至少 2 个字')).toBeInTheDocument();

    expect(filings()).toHaveLength(0);
    expect(showModal).not.toHaveBeenCalled();
  });

  it('shows the same problem nearby, and 我也遇到 follows it and opens it', async () => {
    login('resident');
    serve({
      'GET /v1/workorders/nearby': () =>
        ok({
          items: [
            {
              no: NO,
              category: '市容环境 / 垃圾清运',
              description: '垃圾堆放两天没人清运',
              address: '北京路 88 号旁',
              affected: 3,
              stateName: '已签收',
              distance: 42,
            },
          ],
        }),
      [`POST /v1/workorders/${NO}/me-too`]: () => ok({ ...view, affected: 4 }),
    });
    render(<FileWorkOrder />);
    fireEvent.click(radio('市容环境'));
    fireEvent.click(radio('垃圾清运'));
    fireEvent.click(screen.getByText('获取当前位置'));
    const item = await screen.findByTestId('nearby-item');
    expect(getLocation).toHaveBeenCalledWith({ type: 'gcj02' });
    expect(screen.getByTestId('nearby')).toHaveTextContent('附近已有相同问题');
    expect(item).toHaveTextContent('垃圾堆放两天没人清运');
    expect(item).toHaveTextContent('约 42 米 · 3 人反映');
    const near = calls().find((c) => c.url.startsWith('/v1/workorders/nearby'))!;
    expect(near.url).toBe('/v1/workorders/nearby?categoryId=cityscape-garbage&lat=23.12505&lng=113.26915');

    fireEvent.click(within(item).getByText('我也遇到'));
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/appeal/detail/index?no=${NO}` }));
    expect(
      calls()
        .filter((c) => c.method === 'POST')
        .map((c) => c.url),
    ).toEqual([`/v1/workorders/${NO}/me-too`]);
  });

  it('sends an Idempotency-Key and keeps it, with the draft, across a failed attempt', async () => {
    login('resident');
    let attempts = 0;
    serve({
      'POST /v1/workorders': () => {
        attempts += 1;
        if (attempts === 1) throw new Error('request:fail timeout'); // the answer is lost
        return ok(view, 201);
      },
    });
    const first = render(<FileWorkOrder />);
    fireEvent.click(radio('政策咨询'));
    fireEvent.click(radio('社保政策'));
    describe_('  退休后养老金怎么领取，需要什么材料？  ');
    fireEvent.click(radio('流花街道'));
    fireEvent.click(screen.getByText('提交'));
    expect(await screen.findByText(/网络不太顺畅，内容已保存在手机上/)).toBeInTheDocument();
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认提交' }));
    const key = filings()[0].header['Idempotency-Key'];
    expect(key).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(JSON.parse(filings()[0].data!)).toEqual({
      categoryId: 'policy-social-security',
      description: '退休后养老金怎么领取，需要什么材料？',
      photoIds: [],
      street: 'liuhua',
      anonymous: false,
      public: false,
      contactPreference: 'message',
    });
    expect((Taro.getStorageSync('yx.wo.draft.appeal.u1') as { idemKey: string }).idemKey).toBe(key);

    // the app is closed and opened again: the draft and its key are still there
    first.unmount();
    render(<FileWorkOrder />);
    expect(screen.getByLabelText('问题描述')).toHaveValue('  退休后养老金怎么领取，需要什么材料？  ');
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/packages/appeal/detail/index?no=${NO}` }));
    expect(filings()).toHaveLength(2);
    expect(filings()[1].header['Idempotency-Key']).toBe(key);
    expect(Taro.getStorageSync('yx.wo.draft.appeal.u1')).toBe('');
  });

  it('does not send when the confirmation is cancelled; uploads photos and sends their ids, anonymously if asked', async () => {
    login('resident');
    let n = 0;
    serve({
      'POST /v1/files': () => ok({ fileId: `f_photo000${++n}`, upload: { url: 'https://upload.example', fields: {} } }),
      'POST /v1/files/f_photo0001/complete': () => ok({ fileId: 'f_photo0001', status: 'ready', size: 1024 }),
      'POST /v1/files/f_photo0002/complete': () => ok({ fileId: 'f_photo0002', status: 'ready', size: 1024 }),
      'POST /v1/workorders': () => ok(view, 201),
    });
    render(<FileWorkOrder />);
    fireEvent.click(radio('政策咨询'));
    fireEvent.click(radio('税务政策'));
    describe_('个体户如何申请减税');
    fireEvent.click(screen.getByText('拍照或选择照片'));
    await waitFor(() => expect(screen.getAllByTestId('photo')).toHaveLength(1));
    fireEvent.click(screen.getByText('拍照或选择照片'));
    await waitFor(() => expect(screen.getAllByTestId('photo')).toHaveLength(2));
    fireEvent.click(screen.getAllByText('删除')[0]);
    expect(screen.getAllByTestId('photo')).toHaveLength(1);
    expect(screen.getByText('工作人员仍可联系您，对外不显示您的信息')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('switch', { name: '匿名反映' }));
    fireEvent.click(screen.getByRole('switch', { name: '公开到政务开放数据' })); // off unless asked (issue 13)

    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    expect(filings()).toHaveLength(0);

    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(filings()).toHaveLength(1));
    expect(JSON.parse(filings()[0].data!)).toEqual({
      categoryId: 'policy-tax',
      description: '个体户如何申请减税',
      photoIds: ['f_photo0002'],
      anonymous: true,
      contactPreference: 'message',
      public: true,
    });
  });

  it('offers three ways to hear back, 只发消息通知 by default; the choice is kept with the draft and sent', async () => {
    login('enterprise');
    serve({ 'POST /v1/workorders': () => ok(view, 201) });
    const first = render(<FileWorkOrder />);
    const group = screen.getByRole('radiogroup', { name: '回访方式' });
    expect(
      within(group)
        .getAllByRole('radio')
        .map((r) => r.textContent),
    ).toEqual(['电话联系我', '只发消息通知', '无需回访']);
    expect(radio('只发消息通知')).toHaveAttribute('aria-checked', 'true');
    fireEvent.click(radio('政策咨询'));
    fireEvent.click(radio('税务政策'));
    describe_('企业所得税优惠怎么申报');
    fireEvent.click(radio('电话联系我'));
    expect(radio('电话联系我')).toHaveAttribute('aria-checked', 'true');
    expect(radio('只发消息通知')).toHaveAttribute('aria-checked', 'false');
    expect((Taro.getStorageSync('yx.wo.draft.appeal.u1') as { contactPreference: string }).contactPreference).toBe('phone');

    // reopened later: the choice is still there
    first.unmount();
    render(<FileWorkOrder />);
    expect(radio('电话联系我')).toHaveAttribute('aria-checked', 'true');
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(filings()).toHaveLength(1));
    expect(JSON.parse(filings()[0].data!)).toEqual({
      categoryId: 'policy-tax',
      description: '企业所得税优惠怎么申报',
      photoIds: [],
      anonymous: false,
      public: false,
      contactPreference: 'phone',
    });
  });

  it('falls back to the street centre when the location cannot be read', async () => {
    login('resident');
    serve({ 'POST /v1/workorders': () => ok(view, 201) });
    getLocation.mockRejectedValueOnce(new Error('getLocation:fail auth deny'));
    render(<FileWorkOrder />);
    fireEvent.click(radio('交通出行'));
    fireEvent.click(radio('道路破损'));
    describe_('人行道砖松动，下雨踩到会溅水');
    fireEvent.click(screen.getByText('获取当前位置'));
    expect(await screen.findByTestId('location-failed')).toHaveTextContent('暂时无法获取您的位置');
    fireEvent.click(screen.getByText('使用所选街道的中心位置'));
    expect(await screen.findByText('请先选择问题所在街道')).toBeInTheDocument();
    fireEvent.click(radio('东山街道'));
    fireEvent.click(screen.getByText('使用所选街道的中心位置'));
    expect(screen.getByTestId('point')).toHaveTextContent('以东山街道中心位置上报');
    fireEvent.change(screen.getByLabelText('详细地址'), { target: { value: '署前路 12 号门口' } });
    fireEvent.click(screen.getByText('提交'));
    await waitFor(() => expect(filings()).toHaveLength(1));
    expect(JSON.parse(filings()[0].data!)).toMatchObject({
      categoryId: 'traffic-road-damage',
      place: { ...STREET_CENTRES.dongshan, address: '署前路 12 号门口' },
      street: 'dongshan',
    });
    // a street centre is not where the problem is: no "nearby" lookup around it
    expect(calls().some((c) => c.url.startsWith('/v1/workorders/nearby'))).toBe(false);
  });
});

describe('一键呼叫 (grid officials)', () => {
  it("behind 填写完整信息: offers only community-capable categories, starts at the official's street, and files with one button", async () => {
    login('grid', { nickname: '网格员 何敏', area: '北京街道/府前社区' });
    serve({ 'POST /v1/workorders': () => ok({ ...view, teamName: '北京街道网格' }, 201) });
    getLocation.mockRejectedValueOnce(new Error('getLocation:fail auth deny')); // the one-tap view's own try: the street centre stays
    render(<FileWorkOrder />);
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '一键呼叫' });
    expect(screen.getByTestId('grid-banner')).toHaveTextContent('越秀先锋 · 一键呼叫');
    await waitFor(() => expect(getLocation).toHaveBeenCalledTimes(1));
    await act(async () => undefined);
    fireEvent.click(screen.getByText('填写完整信息'));
    expect(screen.getByText('‹ 返回一键呼叫')).toBeInTheDocument();
    const groups = within(screen.getByRole('radiogroup', { name: '分类' }))
      .getAllByRole('radio')
      .map((r) => r.textContent);
    expect(groups).toEqual(['市容环境', '社区治理', '公共安全']);
    fireEvent.click(radio('社区治理'));
    const leaves = within(screen.getByRole('radiogroup', { name: '具体分类' }))
      .getAllByRole('radio')
      .map((r) => r.textContent);
    expect(leaves).toEqual(['安全隐患', '环境卫生', '邻里纠纷', '设施损坏']);
    fireEvent.click(radio('市容环境'));
    expect(within(screen.getByRole('radiogroup', { name: '具体分类' })).getAllByRole('radio')).toHaveLength(4); // all 'both'
    expect(radio('北京街道')).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByTestId('point')).toHaveTextContent('以北京街道中心位置上报');
    expect(screen.queryByRole('switch')).not.toBeInTheDocument(); // no anonymity for officials

    fireEvent.click(radio('社区治理'));
    fireEvent.click(radio('设施损坏'));
    describe_('小区门口健身器材断裂，有安全隐患');
    fireEvent.click(screen.getByText('一键上报'));
    await waitFor(() => expect(filings()).toHaveLength(1));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认一键上报' }));
    expect(JSON.parse(filings()[0].data!)).toEqual({
      categoryId: 'community-facility',
      description: '小区门口健身器材断裂，有安全隐患',
      photoIds: [],
      place: { ...STREET_CENTRES.beijing, address: '北京街道 府前社区' },
      street: 'beijing',
      anonymous: false,
      public: false,
      contactPreference: 'message',
    });
    await act(async () => undefined);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/packages/appeal/detail/index?no=${NO}` });
  });
});

describe('一键呼叫 in one tap (issue 14)', () => {
  const LAST = 'yx.wo.lastCategory.u1';
  const chooseImage = Taro.chooseImage as unknown as jest.Mock;
  let uploads = 0;
  const uploadRoutes = {
    'POST /v1/files': () => ok({ fileId: `f_scene000${++uploads}`, upload: { url: 'https://upload.example', fields: {} } }),
    'POST /v1/files/f_scene0001/complete': () => ok({ fileId: 'f_scene0001', status: 'ready', size: 1024 }),
    'POST /v1/files/f_scene0002/complete': () => ok({ fileId: 'f_scene0002', status: 'ready', size: 1024 }),
  };
  const gridView = { ...view, teamName: '北京街道网格' };
  /** What a one-tap call sends: the category, the photo, the phone's place with the official's area; no description. */
  const oneTapBody = (categoryId: string, photoId = 'f_scene0001') => ({
    categoryId,
    photoIds: [photoId],
    place: { lat: 23.12505, lng: 113.26915, address: '北京街道 府前社区' },
    street: 'beijing',
    anonymous: false,
    public: false,
    contactPreference: 'message',
  });

  beforeEach(() => {
    uploads = 0;
    chooseImage.mockClear();
    login('grid', { nickname: '网格员 何敏', area: '北京街道/府前社区' });
  });

  it('asks for the category once (big), remembers it, takes the place and a photo, confirms and files once', async () => {
    serve({ ...uploadRoutes, 'POST /v1/workorders': () => ok(gridView, 201) });
    render(<FileWorkOrder />);
    // the first time: the categories, big, and no button to file yet
    const cats = screen.getByTestId('one-tap-categories');
    expect(
      within(cats)
        .getAllByRole('radiogroup')
        .map((g) => g.getAttribute('aria-label')),
    ).toEqual(['市容环境', '社区治理', '公共安全']);
    expect(screen.queryByText('拍照上报')).not.toBeInTheDocument();
    fireEvent.click(radio('设施损坏'));
    expect(Taro.getStorageSync(LAST)).toBe('community-facility');
    expect(screen.getByTestId('one-tap-category')).toHaveTextContent('设施损坏');
    expect(await screen.findByText('当前位置（已定位）· 北京街道 府前社区')).toBeInTheDocument();
    expect(getLocation).toHaveBeenCalledWith({ type: 'gcj02' });

    // one tap: the camera, the upload, a short confirmation naming the category and the place, the filing
    const button = screen.getByText('拍照上报');
    fireEvent.click(button);
    fireEvent.click(button); // a double tap is one call
    await waitFor(() => expect(filings()).toHaveLength(1));
    expect(chooseImage).toHaveBeenCalledTimes(1);
    expect(showModal).toHaveBeenCalledTimes(1);
    expect(showModal).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '确认一键上报',
        content: '社区治理 / 设施损坏\n当前位置（已定位）· 北京街道 府前社区\n上报后可在工单页补充说明。',
        confirmText: '确认上报',
      }),
    );
    expect(JSON.parse(filings()[0].data!)).toEqual(oneTapBody('community-facility'));
    expect(filings()[0].header['Idempotency-Key']).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/packages/appeal/detail/index?no=${NO}` }));
    expect(Taro.getStorageSync('yx.wo.draft.community.u1')).toBe('');
    expect(Taro.getStorageSync(LAST)).toBe('community-facility');
  });

  it('starts from the category used last, and files nothing without a photo or a confirmation', async () => {
    Taro.setStorageSync(LAST, 'cityscape-garbage');
    serve({ ...uploadRoutes, 'POST /v1/workorders': () => ok(gridView, 201) });
    render(<FileWorkOrder />);
    expect(screen.queryByTestId('one-tap-categories')).not.toBeInTheDocument();
    expect(screen.getByTestId('one-tap-category')).toHaveTextContent('垃圾清运');
    await screen.findByText(/当前位置（已定位）/);

    // the camera is closed without a photo: asked for one, nothing sent
    chooseImage.mockRejectedValueOnce(new Error('chooseImage:fail cancel'));
    fireEvent.click(screen.getByText('拍照上报'));
    expect(await screen.findByTestId('one-tap-error')).toHaveTextContent('请拍一张现场照片后再上报');
    expect(showModal).not.toHaveBeenCalled();

    // a photo, then 再看看: nothing sent, the photo kept for the next tap
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(screen.getByText('拍照上报'));
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('已拍 1 张')).toBeInTheDocument();
    expect(filings()).toHaveLength(0);

    // 更换: the categories again; the new choice is remembered
    fireEvent.click(screen.getByText('更换'));
    fireEvent.click(radio('环境卫生'));
    expect(Taro.getStorageSync(LAST)).toBe('community-sanitation');
    fireEvent.click(screen.getByText('一键上报'));
    await waitFor(() => expect(filings()).toHaveLength(1));
    expect(chooseImage).toHaveBeenCalledTimes(2); // no second photo asked for
    expect(JSON.parse(filings()[0].data!)).toEqual(oneTapBody('community-sanitation'));
  });

  it('keeps the key after a lost answer, so another tap files the same order; 填写完整信息 carries what is there', async () => {
    Taro.setStorageSync(LAST, 'community-safety-hazard');
    let attempts = 0;
    serve({
      ...uploadRoutes,
      'POST /v1/workorders': () => {
        attempts += 1;
        if (attempts === 1) throw new Error('request:fail timeout');
        return ok(gridView, 200);
      },
    });
    render(<FileWorkOrder />);
    await screen.findByText(/当前位置（已定位）/);
    fireEvent.click(screen.getByText('拍照上报'));
    expect(await screen.findByTestId('one-tap-error')).toHaveTextContent('不会重复上报');
    expect(screen.getByTestId('one-tap-photo')).toHaveTextContent('已拍 1 张');

    // the whole form has the category, the photo and the place; the description is optional with a photo
    fireEvent.click(screen.getByText('填写完整信息'));
    expect(radio('安全隐患')).toHaveAttribute('aria-checked', 'true');
    expect(screen.getAllByTestId('photo')).toHaveLength(1);
    expect(screen.getByTestId('point')).toHaveTextContent('已获取当前位置');
    fireEvent.click(screen.getByText('一键上报'));
    await waitFor(() => expect(filings()).toHaveLength(2));
    expect(filings()[1].header['Idempotency-Key']).toBe(filings()[0].header['Idempotency-Key']);
    expect(JSON.parse(filings()[1].data!)).toEqual(oneTapBody('community-safety-hazard'));
  });

  it('asks for a photo or a description in the whole form when both are missing', async () => {
    Taro.setStorageSync(LAST, 'community-facility');
    serve({});
    render(<FileWorkOrder />);
    await screen.findByText(/当前位置（已定位）/);
    fireEvent.click(screen.getByText('填写完整信息'));
    fireEvent.click(screen.getByText('一键上报'));
    expect(await screen.findByText('请拍一张现场照片，或填写问题描述')).toBeInTheDocument();
    expect(filings()).toHaveLength(0);
  });
});
