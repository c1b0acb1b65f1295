import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { signIn } from '../../../../../test/session';
import PolicyBatch from './index';

const request = Taro.request as unknown as jest.Mock;
const showModal = Taro.showModal as unknown as jest.Mock;
type Req = { url: string; method: string; data?: string };
const BASE = '/v1/staff/policy-items/soft-2026-1';
const sent = (method: string, url: string) => request.mock.calls.map((c) => c[0] as Req).filter((c) => c.method === method && c.url.split('?')[0] === url);
const bodyOf = (url: string, n = 0) => JSON.parse(sent('POST', url)[n].data!);

const A = '91440104MA5ABCDE1X';
const B = '91440104MA5ABCDE2Y';
const C = '91440104MA5ABCDE3K';
const offer = (creditCode: string, firmName: string, status: string) => ({
  itemId: 'soft-2026-1',
  policyId: 'soft-2026',
  policyVersion: 2,
  policyTitle: '越秀区支持软件企业发展若干措施',
  itemTitle: '软件企业营收奖励',
  creditCode,
  firmName,
  amountYuan: 100000,
  status,
  conditions: [],
  offeredAt: '2026-03-01T02:00:00.000Z',
  confirmBy: '2026-12-31',
  confirmedAt: '2026-03-02T02:00:00.000Z',
  confirmedBy: '法定代表人',
  account: '中国工商银行 尾号 1234',
});
const FIRMS: Record<string, ReturnType<typeof offer>[]> = {
  confirmed: [
    offer(A, '广州越秀云软件有限公司', 'confirmed'),
    offer(B, '广州北京路信息科技有限公司', 'confirmed'),
    offer(C, '广州东山数据服务有限公司', 'confirmed'),
  ],
  approved: [offer(A, '广州越秀云软件有限公司', 'approved'), offer(B, '广州北京路信息科技有限公司', 'approved')],
};
const BATCH = {
  itemId: 'soft-2026-1',
  itemTitle: '软件企业营收奖励',
  policyId: 'soft-2026',
  policyTitle: '越秀区支持软件企业发展若干措施',
  counts: {
    offered: { firms: 5, amountYuan: 500000 },
    confirmed: { firms: 3, amountYuan: 300000 },
    approved: { firms: 2, amountYuan: 200000 },
    paid: { firms: 4, amountYuan: 400000 },
    declined: { firms: 1, amountYuan: 100000 },
    rejected: { firms: 1, amountYuan: 100000 },
    lapsed: { firms: 2, amountYuan: 200000 },
  },
  lastRun: { at: '2026-03-01T02:00:00.000Z', firms: 1200, offers: 18, done: true },
};

/** The API: the batch, a page of firms per state, and what each action answers. */
function serve(answers: Record<string, unknown> = {}) {
  request.mockImplementation(async ({ url, method }: Req) => {
    const [path, query] = url.split('?');
    if (method === 'GET' && path === `${BASE}/batch`) return { statusCode: 200, data: BATCH };
    if (method === 'GET' && path === `${BASE}/offers`) {
      const status = new URLSearchParams(query).get('status')!;
      return { statusCode: 200, data: { items: FIRMS[status] ?? [], nextCursor: null } };
    }
    const action = path.slice(BASE.length + 1);
    if (method === 'POST' && action in answers) return { statusCode: 200, data: answers[action] };
    throw new Error(`unexpected ${method} ${url}`);
  });
}

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  showModal.mockReset();
  showModal.mockResolvedValue({ confirm: true, cancel: false });
  (Taro.useRouter as jest.Mock).mockReturnValue({ params: { itemId: 'soft-2026-1' } });
  signIn({ id: 'u-staff-commerce', role: 'staff', nickname: '商务局 李科长', level: 1, verified: true, departmentId: 'commerce', departmentName: '区商务局' });
});

const row = (code: string) => screen.getByTestId(`pb-row-${code}`);
const pick = (code: string) => fireEvent.click(within(row(code)).getByRole('checkbox'));

describe('兑现批次', () => {
  it('draws the firms that reached each step, the ones that left, and the last matching run', async () => {
    serve();
    render(<PolicyBatch />);
    expect(await screen.findByText('软件企业营收奖励')).toBeTruthy();
    const stage = (i: number) => screen.getByTestId(`pb-stage-${i}`).textContent;
    expect(stage(0)).toBe('已比对18 家 · 180 万元');
    expect(stage(1)).toBe('已确认10 家 · 100 万元');
    expect(stage(2)).toBe('已审核6 家 · 60 万元');
    expect(stage(3)).toBe('已拨付4 家 · 40 万元');
    expect(screen.getByTestId('pb-side').textContent).toBe('放弃1 家未通过1 家过期2 家');
    expect(screen.getByTestId('pb-run').textContent).toBe('最近一次数据比对：2026-03-01 10:00，比对 1200 家企业，发出 18 个兑现提示');
    // the 已确认 tab first, with its count
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('已确认 3');
    expect(await screen.findByTestId(`pb-row-${A}`)).toBeTruthy();
  });

  it('approves exactly the firms selected, after the confirmation, and shows the ones skipped with their reasons', async () => {
    serve({ approve: { done: [A], skipped: [{ creditCode: C, reason: '企业已放弃领取' }] } });
    render(<PolicyBatch />);
    await screen.findByTestId(`pb-row-${A}`);
    expect(screen.queryByTestId('pb-approve')).toBeNull();
    pick(A);
    pick(B);
    pick(C);
    pick(B); // changed their mind
    expect(screen.getByText('已选 2 家')).toBeTruthy();
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(screen.getByTestId('pb-approve'));
    await waitFor(() =>
      expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '审核通过 2 家企业', content: expect.stringContaining('共 20 万元') })),
    );
    expect(sent('POST', `${BASE}/approve`)).toHaveLength(0);
    await waitFor(() => expect(screen.getByTestId('pb-approve')).not.toBeDisabled());
    fireEvent.click(screen.getByTestId('pb-approve'));
    await waitFor(() => expect(sent('POST', `${BASE}/approve`)).toHaveLength(1));
    expect(bodyOf(`${BASE}/approve`)).toEqual({ creditCodes: [A, C] });
    const outcome = await screen.findByTestId('pb-outcome');
    expect(outcome.textContent).toContain('审核通过：已办理 1 家，未办理 1 家');
    expect(screen.getByTestId('pb-done').textContent).toBe('已办理：广州越秀云软件有限公司');
    expect(screen.getByTestId(`pb-skipped-${C}`).textContent).toBe(`未办理：广州东山数据服务有限公司（${C}）— 企业已放弃领取`);
    // the list and the counts are asked for again; nothing stays selected
    await waitFor(() => expect(sent('GET', `${BASE}/batch`)).toHaveLength(2));
    expect(screen.getByText('已选 0 家')).toBeTruthy();
  });

  it('不予通过 needs a reason of at least 4 characters, and sends it with the firms', async () => {
    serve({ reject: { done: [B], skipped: [] } });
    render(<PolicyBatch />);
    await screen.findByTestId(`pb-row-${B}`);
    pick(B);
    fireEvent.click(screen.getByTestId('pb-reject'));
    fireEvent.change(screen.getByLabelText('不予通过的原因（企业会看到）'), { target: { value: '不符' } });
    fireEvent.click(screen.getByTestId('pb-reject-go'));
    expect((await screen.findByTestId('pb-error')).textContent).toBe('原因至少 4 个字');
    expect(showModal).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('不予通过的原因（企业会看到）'), { target: { value: '经核实，上年度营业收入未达到 1000 万元' } });
    fireEvent.click(screen.getByTestId('pb-reject-go'));
    await waitFor(() => expect(sent('POST', `${BASE}/reject`)).toHaveLength(1));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '不予通过 1 家企业' }));
    expect(bodyOf(`${BASE}/reject`)).toEqual({ creditCodes: [B], reason: '经核实，上年度营业收入未达到 1000 万元' });
    expect((await screen.findByTestId('pb-outcome')).textContent).toContain('不予通过：已办理 1 家');
  });

  it('records a payment for the approved firms selected with 全选本页, with the 拨付凭证号 checked first', async () => {
    serve({ pay: { done: [A, B], skipped: [] } });
    render(<PolicyBatch />);
    await screen.findByTestId(`pb-row-${A}`);
    fireEvent.click(screen.getByRole('tab', { name: '审核通过 2' }));
    await screen.findByText('广州越秀云软件有限公司');
    expect(sent('GET', `${BASE}/offers`)[1].url).toContain('status=approved');
    fireEvent.click(screen.getByRole('checkbox', { name: '全选本页' }));
    expect(screen.getByText('已选 2 家')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('拨付凭证号'), { target: { value: '凭证 1' } });
    fireEvent.click(screen.getByTestId('pb-pay-go'));
    expect((await screen.findByTestId('pb-error')).textContent).toBe('拨付凭证号应为 6–40 位字母、数字或 -');
    expect(showModal).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('拨付凭证号'), { target: { value: 'GK-2026-000123' } });
    fireEvent.change(screen.getByLabelText('拨付日期'), { target: { value: '2026-03-10' } });
    fireEvent.click(screen.getByTestId('pb-pay-go'));
    await waitFor(() => expect(sent('POST', `${BASE}/pay`)).toHaveLength(1));
    expect(bodyOf(`${BASE}/pay`)).toEqual({ creditCodes: [A, B], reference: 'GK-2026-000123', paidOn: '2026-03-10' });
    expect((await screen.findByTestId('pb-outcome')).textContent).toContain('记录拨付：已办理 2 家');
  });

  it('selects at most 50 firms at a time', async () => {
    const many = Array.from({ length: 55 }, (_, i) => offer(`91440104MA5AB${String(i).padStart(4, '0')}X`, `广州第${i + 1}号科技有限公司`, 'confirmed'));
    FIRMS.many = many;
    serve({ approve: { done: many.slice(0, 50).map((o) => o.creditCode), skipped: [] } });
    const real = request.getMockImplementation()!;
    request.mockImplementation(async (r: Req) => real({ ...r, url: r.url.replace('status=confirmed', 'status=many') }));
    render(<PolicyBatch />);
    fireEvent.click(await screen.findByRole('checkbox', { name: '全选本页' }));
    expect(screen.getByText('已选 50 家')).toBeTruthy();
    expect(screen.getByText('一次最多 50 家，已选前 50 家')).toBeTruthy();
    pick(many[54].creditCode);
    expect(screen.getByText('一次最多选择 50 家企业')).toBeTruthy();
    expect(screen.getByText('已选 50 家')).toBeTruthy();
    fireEvent.click(screen.getByTestId('pb-approve'));
    await waitFor(() => expect(sent('POST', `${BASE}/approve`)).toHaveLength(1));
    expect(bodyOf(`${BASE}/approve`).creditCodes).toEqual(many.slice(0, 50).map((o) => o.creditCode));
    delete FIRMS.many;
  });

  it('re-runs the comparison after a confirmation and shows the new run', async () => {
    serve({ match: { ...BATCH, lastRun: { at: '2026-03-05T06:30:00.000Z', firms: 1250, offers: 3, done: false } } });
    render(<PolicyBatch />);
    await screen.findByTestId('pb-run');
    fireEvent.click(screen.getByTestId('pb-match'));
    await waitFor(() => expect(sent('POST', `${BASE}/match`)).toHaveLength(1));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '重新比对' }));
    await waitFor(() =>
      expect(screen.getByTestId('pb-run').textContent).toBe('最近一次数据比对：2026-03-05 14:30，比对 1250 家企业，发出 3 个兑现提示（比对进行中）'),
    );
  });

  it('says why the batch could not be loaded, with 重试', async () => {
    request.mockResolvedValue({ statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '没有找到这个政策条目' } } });
    render(<PolicyBatch />);
    expect(await screen.findByText('没有找到这个政策条目')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });
});
