import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { FormDef, PolicyClaimView } from '@yx/shared';
import type { FormPayload } from '../../../api/client';
import { signIn } from '../../../../test/session';
import ApplyForm from './index';

/** 政策兑现 (issue 17): a 依申请 policy item claimed through the ordinary form (`?policyItemId=`). */

const request = Taro.request as unknown as jest.Mock;
const FORM_ID = 'item-policy-claim';
const ITEM = 'tech-2026-2';
const OTHER_ITEM = 'rent-2026-1';

type Call = { url: string; method: string; data?: string; header: Record<string, string> };
const calls = (method: string, path: string) => request.mock.calls.map((c) => c[0] as Call).filter((c) => c.method === method && c.url.split('?')[0] === path);
const queryOf = (c: Call) => Object.fromEntries(new URLSearchParams(c.url.split('?')[1] ?? ''));
const ok = (data: unknown, statusCode = 200) => ({ statusCode, data });
const refuse = (statusCode: number, message: string, code = 'CONFLICT') => ok({ error: { code, message } }, statusCode);

const form: FormDef = {
  id: FORM_ID,
  title: '惠企政策兑现申请',
  sections: ['申请信息'],
  fields: [
    { key: 'claimAmount', label: '申请金额', type: 'number', required: false, section: '申请信息' },
    { key: 'claimNote', label: '情况说明', type: 'text', required: false, section: '申请信息' },
  ],
};
const claim: PolicyClaimView = {
  itemId: ITEM,
  policyId: 'tech-2026',
  version: 2,
  policyTitle: '越秀区支持科技企业发展若干措施',
  itemTitle: '研发费用补助',
  verdict: 'unknown',
  conditions: [
    { kind: 'industry', status: 'met', text: '行业：软件和信息技术服务业' },
    { kind: 'tax', status: 'unknown', text: '上年度纳税额 ≥ 50 万元：区里没有记录', hint: '上传上年度完税证明' },
  ],
  amountYuan: 200_000,
  evidence: ['上年度完税证明'],
};
const payload = (policy: PolicyClaimView = claim): FormPayload => ({
  formId: FORM_ID,
  form,
  itemNames: ['惠企政策兑现申请'],
  prefill: policy.amountYuan !== undefined ? { claimAmount: policy.amountYuan } : {},
  // the server keeps one draft per form: another item's, here, must not come back on this one
  draft: { answers: { claimAmount: 50_000, claimNote: '房租补贴的说明' }, deferred: [], step: 0, savedAt: '2099-01-01T00:00:00Z' },
  verified: true,
  assurance: { needed: 1, level: 1 },
  licences: [],
  licenceTypes: {},
  tolerance: { grade: null, quota: 0, dueWorkingDays: 20, itemOpen: false },
  inProgress: [],
  policy,
});
const rent: PolicyClaimView = {
  ...claim,
  itemId: OTHER_ITEM,
  policyId: 'rent-2026',
  itemTitle: '房租补贴',
  verdict: 'eligible',
  conditions: [],
  amountYuan: 30_000,
};

/** GET the form answers `get(query)`; other calls by `on`. */
function serve(get: (q: Record<string, string>) => ReturnType<typeof ok>, on: Record<string, (c: Call) => unknown> = {}) {
  request.mockImplementation(async (c: Call) => {
    const key = `${c.method} ${c.url.split('?')[0]}`;
    if (on[key]) return on[key](c);
    if (key === `GET /v1/forms/${FORM_ID}`) return get(queryOf(c));
    throw new Error(`unexpected ${key}`);
  });
}
const byItem = (q: Record<string, string>) => ok(payload(q.policyItemId === OTHER_ITEM ? rent : claim));
const openOn = (policyItemId?: string) =>
  (Taro.useRouter as jest.Mock).mockReturnValue({ params: { formId: FORM_ID, ...(policyItemId !== undefined ? { policyItemId } : {}) } });

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  (Taro.navigateTo as jest.Mock).mockClear();
  (Taro.redirectTo as jest.Mock).mockClear();
  (Taro.navigateBack as jest.Mock).mockClear();
  (Taro.getCurrentPages as jest.Mock).mockReset();
  (Taro.getCurrentPages as jest.Mock).mockReturnValue([{}]);
  openOn(ITEM);
  signIn({ id: 'u1', role: 'enterprise', nickname: '越秀科技', verified: true, level: 2 });
});

describe('政策兑现 on the apply form', () => {
  it('asks for the form with the policy item, shows the claim on top, and submits the item with the application', async () => {
    serve(byItem, {
      'POST /v1/applications': () => ok({ appNo: 'YX20261126000200', itemNames: ['惠企政策兑现申请'], submittedAt: '2026-11-26T06:05:00Z' }),
    });
    render(<ApplyForm />);
    const card = await screen.findByTestId('policy-claim');
    expect(queryOf(calls('GET', `/v1/forms/${FORM_ID}`)[0])).toEqual({ policyItemId: ITEM });
    expect(within(card).getByText('申请的政策')).toBeInTheDocument();
    expect(card).toHaveTextContent('研发费用补助');
    expect(card).toHaveTextContent('越秀区支持科技企业发展若干措施');
    expect(within(card).getByTestId('policy-verdict')).toHaveTextContent('信息不足');
    expect(within(card).getByTestId('policy-condition-hint')).toHaveTextContent('上传上年度完税证明');
    expect(within(card).getByTestId('policy-evidence')).toHaveTextContent('上年度完税证明');
    // the amount the firm's facts give, not the one in the server's draft of another item
    expect(screen.getByLabelText('申请金额')).toHaveValue('200000');
    expect(screen.getByLabelText('情况说明')).toHaveValue('');

    fireEvent.click(screen.getByText('下一步：核对'));
    expect(await screen.findByTestId('policy-claim')).toBeInTheDocument(); // still on top while checking
    fireEvent.click(screen.getByText('确认提交'));
    await waitFor(() => expect(calls('POST', '/v1/applications')).toHaveLength(1));
    expect(JSON.parse(calls('POST', '/v1/applications')[0].data!)).toEqual({
      itemId: 'policy-claim',
      policyItemId: ITEM,
      answers: { claimAmount: 200_000 },
      deferred: [],
    });
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/apply/receipt/index?appNo=YX20261126000200' }));
    expect((Taro.getStorageSync as jest.Mock)(`yx.draft.${FORM_ID}.policy.${ITEM}`)).toBe('');
  });

  it('keeps one draft per policy item on the phone, and none on the server', async () => {
    serve(byItem);
    const first = render(<ApplyForm />);
    fireEvent.change(await screen.findByLabelText('情况说明'), { target: { value: '2025 年研发投入 400 万元' } });
    expect((Taro.getStorageSync as jest.Mock)(`yx.draft.${FORM_ID}.policy.${ITEM}`).answers).toEqual({
      claimAmount: 200_000,
      claimNote: '2025 年研发投入 400 万元',
    });
    expect((Taro.getStorageSync as jest.Mock)(`yx.draft.${FORM_ID}`)).toBe('');
    first.unmount();

    // another item of the same form: its own amount, nothing of the first
    openOn(OTHER_ITEM);
    const second = render(<ApplyForm />);
    expect(await screen.findByText('房租补贴')).toBeInTheDocument();
    expect(screen.getByLabelText('申请金额')).toHaveValue('30000');
    expect(screen.getByLabelText('情况说明')).toHaveValue('');
    second.unmount();

    // back to the first: what was typed is there
    openOn(ITEM);
    render(<ApplyForm />);
    expect(await screen.findByLabelText('情况说明')).toHaveValue('2025 年研发投入 400 万元');
    await new Promise((r) => setTimeout(r, 1500));
    expect(calls('PUT', `/v1/drafts/${FORM_ID}`)).toHaveLength(0);
  });

  it('without a policy item, the form and its drafts are as before', async () => {
    openOn('');
    serve(() => ok({ ...payload(), policy: undefined }));
    render(<ApplyForm />);
    expect(await screen.findByLabelText('情况说明')).toHaveValue('房租补贴的说明'); // the server's draft of the form
    expect(queryOf(calls('GET', `/v1/forms/${FORM_ID}`)[0])).toEqual({});
    expect(screen.queryByTestId('policy-claim')).not.toBeInTheDocument();
  });

  it('when the firm may not claim the item (422) says why, with the way back to the policy', async () => {
    serve(() => refuse(422, '企业暂不符合该政策条目的条件，请在政策详情中查看不符合的原因', 'RULE_VIOLATION'));
    render(<ApplyForm />);
    const refused = await screen.findByTestId('policy-refused');
    expect(within(refused).getByRole('alert')).toHaveTextContent('企业暂不符合该政策条目的条件，请在政策详情中查看不符合的原因');
    expect(screen.queryByText('去实名认证')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('返回政策详情'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/policy/detail/index?id=tech-2026' });
  });

  it('a closed item (409) goes back to the policy page the firm came from', async () => {
    (Taro.getCurrentPages as jest.Mock).mockReturnValue([{ route: 'packages/policy/detail/index' }, { route: 'packages/apply/form/index' }]);
    serve(() => refuse(409, '该政策条目已于 2026-06-30 截止申请'));
    render(<ApplyForm />);
    expect(await screen.findByTestId('policy-refused')).toHaveTextContent('该政策条目已于 2026-06-30 截止申请');
    fireEvent.click(screen.getByText('返回政策详情'));
    expect(Taro.navigateBack).toHaveBeenCalled();
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  it('does not take another item’s claim in progress for a second application of this one', async () => {
    const earlier = { appNo: 'YX20261120000077', itemName: '惠企政策兑现申请', stateName: '审查中', submittedAt: '2026-11-20T02:00:00Z' };
    serve(() => ok({ ...payload(), inProgress: [earlier] }), {
      'POST /v1/applications': () => ok({ appNo: 'YX20261126000201', itemNames: ['惠企政策兑现申请'], submittedAt: '2026-11-26T06:05:00Z' }),
    });
    render(<ApplyForm />);
    await screen.findByTestId('policy-claim');
    expect(screen.queryByTestId('in-progress')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('下一步：核对'));
    fireEvent.click(await screen.findByText('确认提交'));
    await waitFor(() => expect(calls('POST', '/v1/applications')).toHaveLength(1));
    expect(Taro.showModal).not.toHaveBeenCalled();
  });

  it('a second claim of the same item (409) names the earlier application and leads to it', async () => {
    serve(byItem, {
      'POST /v1/applications': () => refuse(409, '企业已申请过该政策条目（办件编号 YX20261120000088），请在“我的办件”中查看进度'),
    });
    render(<ApplyForm />);
    fireEvent.click(await screen.findByText('下一步：核对'));
    fireEvent.click(await screen.findByText('确认提交'));
    const claimed = await screen.findByTestId('policy-claimed');
    expect(within(claimed).getByRole('alert')).toHaveTextContent('企业已申请过该政策条目（办件编号 YX20261120000088）');
    expect(claimed).toHaveTextContent('办件编号 YX20261120000088');
    fireEvent.click(within(claimed).getByText('查看那件申请'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/progress/detail/index?appNo=YX20261120000088' });
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });
});
