import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { FormDef } from '@yx/shared';
import type { FormPayload } from '../../../api/client';
import { saveSession, updateUser } from '../../../api/session';
import ApplyForm from './index';

// the shared stand-ins have no Checkbox: a plain one here
jest.mock('@tarojs/components', () => {
  const actual = jest.requireActual('../../../../test/taro-components');
  return { ...actual, Checkbox: (p: { checked?: boolean }) => <input type="checkbox" readOnly checked={!!p.checked} /> };
});

const request = Taro.request as unknown as jest.Mock;
const chooseImage = Taro.chooseImage as unknown as jest.Mock;
const FORM_ID = 'item-food-licence';

type Call = { url: string; method: string; data?: string; header: Record<string, string> };
const calls = (method: string, path: string) => request.mock.calls.map((c) => c[0] as Call).filter((c) => c.method === method && c.url.split('?')[0] === path);
const ok = (data: unknown, statusCode = 200) => ({ statusCode, data });

const form: FormDef = {
  id: 'item-food-licence',
  title: '食品经营许可申请',
  sections: ['基本信息', '申请材料'],
  fields: [
    { key: 'shopName', label: '店铺名称', type: 'text', required: true, section: '基本信息' },
    { key: 'licence', label: '营业执照', type: 'file', required: true, section: '申请材料', materialName: '营业执照' },
    { key: 'plan', label: '场所平面图', type: 'file', required: true, section: '申请材料', materialName: '场所平面图' },
    { key: 'note', label: '补充说明', type: 'text', required: false, section: '申请材料' },
  ],
  materialsWithoutUpload: [{ name: '食品经营许可申请书', instruction: '在线填写经营项目、场所地址和面积，提交时自动生成，无需上传。' }],
};
const payload: FormPayload = {
  formId: FORM_ID,
  form,
  itemNames: ['食品经营许可'],
  prefill: {},
  verified: true,
  assurance: { needed: 2, level: 2 },
  licences: [{ id: 'el_biz001', type: 'business', name: '营业执照（某某餐饮）', number: '9144****', issuer: '区市场监管局' }],
  licenceTypes: { licence: 'business', plan: null },
  tolerance: { grade: 'A', quota: 1, dueWorkingDays: 20, itemOpen: true },
  inProgress: [],
};
/** The form opened on its materials step, the shop name already given. */
const onMaterials: FormPayload = { ...payload, draft: { answers: { shopName: '老街饭店' }, deferred: [], step: 1, savedAt: '2026-11-26T06:00:00Z' } };

function serve(p: FormPayload | (() => ReturnType<typeof ok>), on: Record<string, (c: Call) => unknown> = {}) {
  request.mockImplementation(async (c: Call) => {
    const key = `${c.method} ${c.url.split('?')[0]}`;
    if (on[key]) return on[key](c);
    if (key === `GET /v1/forms/${FORM_ID}`) return typeof p === 'function' ? p() : ok(p);
    if (key === `PUT /v1/drafts/${FORM_ID}`) return ok({ answers: {}, deferred: [], step: 0, savedAt: '2026-11-26T06:00:00Z' });
    if (key === 'POST /v1/files')
      return ok({ fileId: 'f_plan000001', upload: { url: 'http://uploads.local/upload', fields: { key: 'k' } }, expiresInSeconds: 600 });
    if (key === 'POST /v1/files/f_plan000001/complete') return ok({ fileId: 'f_plan000001', status: 'ready', size: 2048 });
    throw new Error(`unexpected ${key}`);
  });
}

function login(verified = true) {
  saveSession({
    token: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u1', role: 'enterprise', nickname: '某某餐饮', verified, level: 1 },
  });
}

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  chooseImage.mockClear();
  (Taro.useRouter as jest.Mock).mockReturnValue({ params: { formId: FORM_ID } });
  (Taro.navigateTo as jest.Mock).mockClear();
  (Taro.redirectTo as jest.Mock).mockClear();
});

describe('网上申办', () => {
  it('asks a visitor to log in, and loads nothing', () => {
    render(<ApplyForm />);
    expect(screen.getByText('网上申办需要先登录')).toBeInTheDocument();
    fireEvent.click(screen.getByText('去登录'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/login/index' });
    expect(request).not.toHaveBeenCalled();
  });

  it('sends someone logged in but not real-name verified to 实名认证', async () => {
    login(false);
    serve({ ...payload, verified: false });
    render(<ApplyForm />);
    expect(await screen.findByText('网上申办需要先完成实名认证')).toBeInTheDocument();
    fireEvent.click(screen.getByText('去实名认证'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/real-name/index' });

    // back verified: the form loads again and opens
    serve(payload);
    act(() => updateUser({ id: 'u1', role: 'enterprise', nickname: '某某餐饮', verified: true, level: 1 }));
    expect(await screen.findByText('食品经营许可')).toBeInTheDocument();
    expect(screen.queryByText('去实名认证')).not.toBeInTheDocument();
  });

  it('asks for face verification before anything is typed when the item needs L2, and opens once it is done', async () => {
    login();
    serve({ ...payload, assurance: { needed: 2, level: 1 } });
    render(<ApplyForm />);
    expect(await screen.findByTestId('needs-face')).toHaveTextContent('人脸核验');
    fireEvent.click(screen.getByText('去人脸核验'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/real-name/index' });
    serve(payload);
    act(() => updateUser({ id: 'u1', role: 'enterprise', nickname: '某某餐饮', verified: true, level: 2 }));
    expect(await screen.findByText('食品经营许可')).toBeInTheDocument();
  });

  it('on a 422 shows the server message with 去实名认证', async () => {
    login(false);
    serve(() => ok({ error: { code: 'NOT_VERIFIED', message: '请先完成实名认证再办理' } }, 422));
    render(<ApplyForm />);
    expect(await screen.findByText('请先完成实名认证再办理')).toBeInTheDocument();
    expect(screen.getByText('去实名认证')).toBeInTheDocument();
  });

  it('checks each step, reviews the answers and submits once with the draft key', async () => {
    login();
    serve(payload, {
      'POST /v1/applications': () => ok({ appNo: 'YX20261126000123', itemNames: ['食品经营许可'], submittedAt: '2026-11-26T06:05:00Z' }),
    });
    render(<ApplyForm />);
    expect(await screen.findByText('食品经营许可')).toBeInTheDocument();
    fireEvent.click(screen.getByText('下一步'));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('店铺名称'), { target: { value: '老街饭店' } });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('下一步'));

    // 申请材料: the e-licence once only, 容缺 for the plan with a signed commitment
    fireEvent.click(await screen.findByText('用电子证照：营业执照（某某餐饮）'));
    fireEvent.click(screen.getByText('用电子证照：营业执照（某某餐饮）'));
    expect(screen.getAllByText('营业执照（某某餐饮）')).toHaveLength(1);
    const defers = screen.getAllByText('容缺，承诺后补交');
    expect(defers).toHaveLength(2);
    fireEvent.click(defers[1]);
    expect(screen.getByText('容缺：承诺后补交')).toBeInTheDocument();
    fireEvent.click(screen.getAllByText('容缺，承诺后补交')[0]); // quota 1
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '最多可容缺 1 项', icon: 'none' });
    fireEvent.click(screen.getByText('下一步：核对'));
    expect(await screen.findByText('容缺受理需签署信用承诺：请勾选承诺并填写签署人姓名')).toBeInTheDocument();
    fireEvent.click(screen.getByText('我已阅读并作出上述承诺'));
    fireEvent.change(screen.getByLabelText('签署人姓名'), { target: { value: ' 王老板 ' } });
    fireEvent.click(screen.getByText('下一步：核对'));

    expect(await screen.findByText('确认提交')).toBeInTheDocument();
    expect(screen.getByText('老街饭店')).toBeInTheDocument();
    expect(screen.getByText('电子证照：营业执照（某某餐饮）')).toBeInTheDocument();
    expect(screen.getByText('未填写')).toBeInTheDocument();
    fireEvent.click(screen.getByText('确认提交'));
    await waitFor(() => expect(calls('POST', '/v1/applications')).toHaveLength(1));
    const sent = calls('POST', '/v1/applications')[0];
    expect(JSON.parse(sent.data!)).toEqual({
      itemId: 'food-licence',
      answers: { shopName: '老街饭店', licence: [{ kind: 'elicence', licenceId: 'el_biz001' }] },
      deferred: ['场所平面图'],
      commitment: { signed: true, signer: '王老板' },
    });
    expect(sent.header['Idempotency-Key']).toMatch(/^k/);
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/apply/receipt/index?appNo=YX20261126000123' }));
  });

  it('says when the same item is already being handled, and asks before a second application (issue 14)', async () => {
    login();
    const earlier = { appNo: 'YX20261125000007', itemName: '食品经营许可', stateName: '审查中', submittedAt: '2026-11-25T02:00:00Z' };
    const onReview: FormPayload = {
      ...payload,
      inProgress: [earlier],
      draft: {
        answers: { shopName: '老街饭店', licence: [{ kind: 'elicence', licenceId: 'el_biz001' }] },
        deferred: ['场所平面图'],
        step: 0,
        savedAt: '2026-11-26T06:00:00Z',
      },
    };
    serve(onReview, { 'POST /v1/applications': () => ok({ appNo: 'YX20261126000124', itemNames: ['食品经营许可'], submittedAt: '2026-11-26T06:05:00Z' }) });
    render(<ApplyForm />);
    expect(await screen.findByTestId('in-progress')).toHaveTextContent('审查中');
    fireEvent.click(screen.getByText('查看那件申请 ›'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/progress/detail/index?appNo=YX20261125000007' });
  });

  it('sends no draft save after a quick submission, so no stale draft comes back (issue 14)', async () => {
    login();
    const twoFields: FormPayload = {
      ...payload,
      form: { ...form, fields: form.fields.filter((f) => f.key === 'shopName' || f.key === 'licence') },
      draft: {
        answers: { shopName: '老街饭店', licence: [{ kind: 'elicence', licenceId: 'el_biz001' }] },
        deferred: [],
        step: 1,
        savedAt: '2026-11-26T06:00:00Z',
      },
    };
    serve(twoFields, { 'POST /v1/applications': () => ok({ appNo: 'YX20261126000125', itemNames: ['食品经营许可'], submittedAt: '2026-11-26T06:05:00Z' }) });
    render(<ApplyForm />);
    fireEvent.click(await screen.findByText('下一步：核对')); // a change: the server's copy would be saved a moment later
    fireEvent.click(await screen.findByText('确认提交')); // …but the person submits at once
    await waitFor(() => expect(calls('POST', '/v1/applications')).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 1500));
    expect(calls('PUT', `/v1/drafts/${FORM_ID}`)).toHaveLength(0);
  });

  it('does not send a second application of an item in progress when the person says no', async () => {
    const { confirmAnotherApplication } = await import('./InProgressNote');
    (Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false });
    expect(await confirmAnotherApplication([{ appNo: 'YX1', itemName: '食品经营许可', stateName: '审查中', submittedAt: '2026-11-25T02:00:00Z' }])).toBe(false);
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '已有同样的申请在办' }));
    expect(await confirmAnotherApplication([])).toBe(true);
  });

  it('names what the form itself produces on the materials step, with no upload for it (issue 14)', async () => {
    login();
    serve(onMaterials);
    render(<ApplyForm />);
    const produced = await screen.findByTestId('material-not-uploaded');
    expect(produced).toHaveTextContent('食品经营许可申请书');
    expect(produced).toHaveTextContent('无需上传');
    expect(produced).toHaveTextContent('提交时自动生成');
    expect(within(produced).queryByText('拍照/上传照片')).not.toBeInTheDocument();
    expect(within(produced).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getAllByText('拍照/上传照片')).toHaveLength(2); // 营业执照 and 场所平面图 only
  });

  it('keeps what was typed while a photo was uploading', async () => {
    login();
    serve(onMaterials);
    let pick!: (r: unknown) => void;
    chooseImage.mockImplementationOnce(() => new Promise((resolve) => (pick = resolve)));
    render(<ApplyForm />);
    const uploads = await screen.findAllByText('拍照/上传照片');
    fireEvent.click(uploads[1]); // 场所平面图
    await waitFor(() => expect(chooseImage).toHaveBeenCalled());

    // the picker is still open (or the upload running) when the note is typed
    fireEvent.change(screen.getByLabelText('补充说明'), { target: { value: '后门另有出入口' } });
    await act(async () => pick({ tempFilePaths: ['blob:plan'], tempFiles: [{ path: 'blob:plan', size: 2048, type: 'image/jpeg' }] }));

    expect(await screen.findByText('场所平面图.jpg')).toBeInTheDocument();
    expect(screen.getByLabelText('补充说明')).toHaveValue('后门另有出入口');
    const saved = (Taro.getStorageSync as jest.Mock)(`yx.draft.${FORM_ID}`);
    expect(saved.answers).toEqual({ shopName: '老街饭店', plan: [{ kind: 'upload', fileId: 'f_plan000001' }], note: '后门另有出入口' });
    expect(saved.names.f_plan000001).toBe('场所平面图.jpg');
  });

  it('takes several pages for a material, photos and a PDF, and keeps them all in the draft for when the person comes back (issue 16)', async () => {
    login();
    let seq = 0;
    const serveFiles = () =>
      serve(onMaterials, {
        'POST /v1/files': () => {
          seq += 1;
          return ok({ fileId: `f_page00000${seq}`, upload: { url: 'http://uploads.local/upload', fields: { key: 'k' } }, expiresInSeconds: 600 });
        },
        'POST /v1/files/f_page000001/complete': () => ok({ fileId: 'f_page000001', status: 'ready', size: 2048 }),
        'POST /v1/files/f_page000002/complete': () => ok({ fileId: 'f_page000002', status: 'ready', size: 2048 }),
      });
    serveFiles();
    URL.createObjectURL = jest.fn(() => 'blob:pdf');
    URL.revokeObjectURL = jest.fn();
    const first = render(<ApplyForm />);
    const plan = () => within(screen.getByText('场所平面图', { selector: '.field-label' }).closest('[data-field]') as HTMLElement);
    await screen.findAllByText('拍照/上传照片');
    fireEvent.click(plan().getByText('拍照/上传照片'));
    await waitFor(() => expect(plan().getAllByTestId('material-page')).toHaveLength(1));
    const pdf = new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], '平面图（二层）.pdf', { type: 'application/pdf' });
    fireEvent.change(plan().getByTestId('material-pdf-input'), { target: { files: [pdf] } });
    await waitFor(() => expect(plan().getAllByTestId('material-page')).toHaveLength(2));
    expect(JSON.parse(calls('POST', '/v1/files')[1].data!)).toEqual({ fileName: '平面图（二层）.pdf', contentType: 'application/pdf', size: 4 });

    const saved = (Taro.getStorageSync as jest.Mock)(`yx.draft.${FORM_ID}`);
    expect(saved.answers.plan).toEqual([
      { kind: 'upload', fileId: 'f_page000001' },
      { kind: 'upload', fileId: 'f_page000002' },
    ]);
    expect(saved.names).toMatchObject({ f_page000001: '场所平面图.jpg', f_page000002: '平面图（二层）.pdf' });

    // back later: both pages are there, named, in order; an e-licence beside them in another material is kept too
    first.unmount();
    serveFiles();
    render(<ApplyForm />);
    await waitFor(() => expect(plan().getAllByTestId('material-page')).toHaveLength(2));
    expect(
      plan()
        .getAllByTestId('material-page')
        .map((p) => p.textContent),
    ).toEqual(['第1页图片场所平面图.jpg重新上传删除', '第2页PDF平面图（二层）.pdf重新上传删除']);

    // removing a page keeps the other
    fireEvent.click(plan().getByRole('button', { name: '删除场所平面图第1页' }));
    expect((Taro.getStorageSync as jest.Mock)(`yx.draft.${FORM_ID}`).answers.plan).toEqual([{ kind: 'upload', fileId: 'f_page000002' }]);
  });

  it('keeps an e-licence and uploaded pages together in one material', async () => {
    login();
    serve(onMaterials);
    render(<ApplyForm />);
    fireEvent.click(await screen.findByText('用电子证照：营业执照（某某餐饮）'));
    const licence = within(screen.getByText('营业执照', { selector: '.field-label' }).closest('[data-field]') as HTMLElement);
    fireEvent.click(licence.getByText('拍照/上传照片'));
    await waitFor(() => expect(licence.getAllByTestId('material-page')).toHaveLength(1));
    const saved = () => (Taro.getStorageSync as jest.Mock)(`yx.draft.${FORM_ID}`).answers.licence;
    expect(saved()).toEqual([
      { kind: 'elicence', licenceId: 'el_biz001' },
      { kind: 'upload', fileId: 'f_plan000001' },
    ]);
    expect(licence.getByText(/一份材料最多 9 页/)).toBeInTheDocument(); // the e-licence takes one of the 10
    fireEvent.click(licence.getByRole('button', { name: /移除电子证照/ }));
    expect(saved()).toEqual([{ kind: 'upload', fileId: 'f_plan000001' }]);
  });

  it('shows the progress of an upload under its material', async () => {
    login();
    serve(onMaterials);
    const uploadFile = Taro.uploadFile as unknown as jest.Mock;
    let progress!: (r: { progress: number }) => void;
    let finish!: (r: unknown) => void;
    uploadFile.mockImplementationOnce(() =>
      Object.assign(new Promise((resolve) => (finish = resolve)), { onProgressUpdate: (cb: typeof progress) => (progress = cb) }),
    );
    render(<ApplyForm />);
    const uploads = await screen.findAllByText('拍照/上传照片');
    fireEvent.click(uploads[1]); // 场所平面图
    await waitFor(() => expect(progress).toBeDefined());
    act(() => progress({ progress: 45 }));
    const shown = screen.getByTestId('upload-progress');
    expect(shown).toHaveTextContent('正在上传 45%');
    // in the 场所平面图 field, not another material's
    expect(shown.closest('[data-field]')).toHaveAttribute('data-field', 'plan');
    await act(async () => finish({ statusCode: 204, data: '', errMsg: 'uploadFile:ok' }));
    expect(await screen.findByText('场所平面图.jpg')).toBeInTheDocument();
    expect(screen.queryByTestId('upload-progress')).not.toBeInTheDocument();
  });
});
