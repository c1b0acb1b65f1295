import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { saveSession } from '../../../api/session';
import FileWorkOrder from './index';

/** 我要投诉 (issue 20): a merchant's credit page opens the form with `?firm=<统一社会信用代码>`. */

const request = Taro.request as unknown as jest.Mock;
const showModal = Taro.showModal as unknown as jest.Mock;
const NO = 'SQ20261126000031';
const CODE = '91440104MA5H6TK2QE';
const NAME = '广州越秀北京路陈记糖水有限公司';
const PROFILE = `/v1/credit/firms/${CODE}`;
const KEY = `yx.wo.draft.appeal.u1.firm.${CODE}`;

type Call = { url: string; method: string; data?: string; header: Record<string, string> };
const calls = () => request.mock.calls.map((c) => c[0] as Call);
const filings = () => calls().filter((c) => c.method === 'POST' && c.url === '/v1/workorders');
const profileReads = () => calls().filter((c) => c.method === 'GET' && c.url === PROFILE);
const ok = (data: unknown, statusCode = 200) => ({ statusCode, data });
const failed = (statusCode: number, message: string, details?: unknown) => ({ statusCode, data: { error: { code: 'X', message, details } } });
/** The public profile, as much of it as the form reads. */
const profile = () => ok({ firm: { creditCode: CODE, name: NAME, legalRepresentative: '梁*' } });
const view = { no: NO, state: 'dispatched', stateName: '已派单，待签收', teamName: '区市场监管局', timeline: [], affected: 1, filer: '黄*明' };

function serve(on: Record<string, (c: Call) => unknown>) {
  request.mockImplementation(async (c: Call) => {
    const h = on[`${c.method} ${c.url.split('?')[0]}`];
    if (!h) throw new Error(`unexpected ${c.method} ${c.url}`);
    return h(c);
  });
}

const route = (params: Record<string, string>) => (Taro.useRouter as jest.Mock).mockReturnValue({ params });
const radio = (name: string) => screen.getByRole('radio', { name });
const describe_ = (text: string) => fireEvent.change(screen.getByLabelText('问题描述'), { target: { value: text } });

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  showModal.mockReset();
  showModal.mockResolvedValue({ confirm: true, cancel: false });
  (Taro.redirectTo as jest.Mock).mockClear();
  saveSession({
    token: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u1', role: 'resident', nickname: '用户', level: 1, verified: true },
  });
  route({ firm: CODE });
});
afterAll(() => route({}));

describe('我要投诉 (?firm=)', () => {
  it('shows the firm by name, preselects 消费投诉, confirms naming the firm and sends aboutFirm', async () => {
    serve({ [`GET ${PROFILE}`]: profile, 'POST /v1/workorders': () => ok({ ...view, aboutFirm: { code: CODE, name: NAME } }, 201) });
    render(<FileWorkOrder />);
    const firm = screen.getByTestId('about-firm');
    expect(firm).toHaveTextContent('投诉对象');
    expect(firm).toHaveTextContent('正在读取商户信息…');
    await waitFor(() => expect(screen.getByTestId('about-firm-name')).toHaveTextContent(NAME));
    expect(firm).toHaveTextContent(`统一社会信用代码 ${CODE}`);
    expect(screen.getByText('我要投诉', { selector: '.wf-banner-title' })).toBeInTheDocument();
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '我要投诉' });
    expect(radio('营商环境')).toHaveAttribute('aria-checked', 'true');
    expect(radio('消费投诉')).toHaveAttribute('aria-checked', 'true');

    fireEvent.click(screen.getByText('提交投诉'));
    expect(await screen.findByText('请用至少 5 个字描述问题')).toBeInTheDocument();
    expect(filings()).toHaveLength(0);

    describe_('买的双皮奶份量明显不足，要求退款被拒绝');
    fireEvent.click(screen.getByText('提交投诉'));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/packages/appeal/detail/index?no=${NO}` }));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining(`营商环境 / 消费投诉，投诉对象：${NAME}`) }));
    expect(JSON.parse(filings()[0].data!)).toEqual({
      categoryId: 'business-consumer',
      description: '买的双皮奶份量明显不足，要求退款被拒绝',
      photoIds: [],
      anonymous: false,
      public: false,
      contactPreference: 'message',
      aboutFirm: CODE,
    });
    expect(Taro.getStorageSync(KEY)).toBe('');
  });

  it("keeps the complaint in a draft of the firm's own, leaving the person's other draft alone", async () => {
    serve({ [`GET ${PROFILE}`]: profile, 'GET /v1/workorders/nearby': () => ok({ items: [] }) });
    const first = render(<FileWorkOrder />);
    await waitFor(() => expect(screen.getByTestId('about-firm-name')).toHaveTextContent(NAME));
    describe_('糖水里吃出头发，店员不肯处理');
    expect(Taro.getStorageSync(KEY)).toMatchObject({
      aboutFirm: { code: CODE, name: NAME },
      categoryId: 'business-consumer',
      description: '糖水里吃出头发，店员不肯处理',
    });
    first.unmount();

    // the ordinary form: its own (empty) draft, no firm
    route({});
    const plain = render(<FileWorkOrder />);
    expect(screen.getByLabelText('问题描述')).toHaveValue('');
    expect(screen.queryByTestId('about-firm')).not.toBeInTheDocument();
    expect(screen.getByText('我要反映', { selector: '.wf-banner-title' })).toBeInTheDocument();
    plain.unmount();

    // back from the merchant's page: the complaint is still there, the name shown before the profile answers
    route({ firm: CODE.toLowerCase() });
    request.mockImplementation(() => new Promise(() => undefined));
    render(<FileWorkOrder />);
    expect(screen.getByLabelText('问题描述')).toHaveValue('糖水里吃出头发，店员不肯处理');
    expect(screen.getByTestId('about-firm-name')).toHaveTextContent(NAME);
  });

  it('refuses a firm the registry does not know before sending anything', async () => {
    serve({ [`GET ${PROFILE}`]: () => failed(404, '未找到该企业') });
    render(<FileWorkOrder />);
    expect(await screen.findByText('未找到这家商户，请返回商户的信用页面重新点“我要投诉”')).toBeInTheDocument();
    describe_('买的双皮奶份量明显不足');
    fireEvent.click(screen.getByText('提交投诉'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '请按提示修改', icon: 'none' }));
    expect(filings()).toHaveLength(0);
    expect(showModal).not.toHaveBeenCalled();
  });

  it('lets the person retry reading the name, and shows what the server says of the firm under 投诉对象', async () => {
    let reads = 0;
    serve({
      [`GET ${PROFILE}`]: () => {
        reads += 1;
        if (reads === 1) throw new Error('request:fail timeout');
        return profile();
      },
      'POST /v1/workorders': () =>
        failed(400, '未找到被投诉的商户，请从商户的信用页面进入“我要投诉”', [
          { field: 'aboutFirm', message: '投诉对象：未找到这家商户，请核对统一社会信用代码' },
        ]),
    });
    render(<FileWorkOrder />);
    const firm = screen.getByTestId('about-firm');
    expect(await within(firm).findByText(/暂时读不到商户名称/)).toBeInTheDocument();
    fireEvent.click(within(firm).getByText('重新读取'));
    await waitFor(() => expect(screen.getByTestId('about-firm-name')).toHaveTextContent(NAME));
    expect(profileReads()).toHaveLength(2);
    expect(within(firm).queryByText(/暂时读不到商户名称/)).not.toBeInTheDocument();

    describe_('买的双皮奶份量明显不足，要求退款被拒绝');
    fireEvent.click(screen.getByText('提交投诉'));
    expect(await within(firm).findByText('投诉对象：未找到这家商户，请核对统一社会信用代码')).toBeInTheDocument();
    expect(screen.getByText('未找到被投诉的商户，请从商户的信用页面进入“我要投诉”')).toBeInTheDocument();
    // nothing typed is lost
    expect(screen.getByLabelText('问题描述')).toHaveValue('买的双皮奶份量明显不足，要求退款被拒绝');
    expect(Taro.getStorageSync(KEY)).toMatchObject({ description: '买的双皮奶份量明显不足，要求退款被拒绝' });
  });

  it('says a malformed code is wrong without asking the server, and offers the ordinary form', async () => {
    route({ firm: `${CODE.slice(0, 17)}X` });
    render(<FileWorkOrder />);
    expect(screen.getByTestId('bad-firm')).toHaveTextContent('商户的统一社会信用代码不正确（代码有误，请对照营业执照逐位核对），无法发起投诉');
    expect(screen.queryByLabelText('问题描述')).not.toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('改为一般反映'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/appeal/file/index' });
  });
});
