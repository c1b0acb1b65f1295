import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { signIn } from '../../../../../test/session';
import PolicyEditor from './index';

const request = Taro.request as unknown as jest.Mock;
const showModal = Taro.showModal as unknown as jest.Mock;
type Req = { url: string; method: string; data?: string };
const sent = (method: string, url: string) => request.mock.calls.map((c) => c[0] as Req).filter((c) => c.method === method && c.url.split('?')[0] === url);
const bodyOf = (method: string, url: string, n = 0) => JSON.parse(sent(method, url)[n].data!);

const STAFF = {
  id: 'u-staff-commerce',
  role: 'staff' as const,
  nickname: '商务局 李科长',
  level: 1 as const,
  verified: true,
  departmentId: 'commerce',
  departmentName: '区商务局',
};
const TEXT = '为支持本区软件和信息技术服务企业做大做强，现就有关事项通知如下：一、对上年度营业收入达到一千万元以上的企业给予奖励。';
const READ = '上年度营业收入 1000 万元以上的软件企业，不用申请，系统比对后一键确认即可领取 10 万元奖励。';

const ITEM = {
  id: 'soft-2026-1',
  title: '软件企业营收奖励',
  benefit: { type: 'subsidy', text: '一次性奖励 10 万元', amountYuan: 100000 },
  conditions: [
    { kind: 'industry', codes: ['I65'] },
    { kind: 'revenue', min: 1000, evidence: '上年度财务报表' },
  ],
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  mode: 'auto',
  window: 'open',
  conditionTexts: [],
  evidence: [],
};
/** 依申请, the money only in words with a cap (房租补贴 按租金的 20%，最高 5 万元) */
const RENT = {
  id: 'soft-2026-2',
  title: '软件企业房租补贴',
  benefit: { type: 'cost', text: '按上年度实际租金的 20% 补贴，最高 5 万元', capYuan: 50000 },
  conditions: [{ kind: 'notReceived', itemIds: [], withinYears: 1 }],
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  mode: 'apply',
  window: 'open',
  conditionTexts: [],
  evidence: [],
};
const DETAIL = {
  id: 'soft-2026',
  version: 2,
  status: 'published',
  title: '越秀区支持软件企业发展若干措施',
  issuer: 'commerce',
  issuerName: '区商务局',
  docNo: '越商规〔2026〕1号',
  issuedOn: '2026-01-05',
  text: TEXT,
  interpretation: READ,
  topics: ['innovation'],
  items: [ITEM, RENT],
};
const HISTORY = {
  items: [
    { version: 1, savedAt: '2026-01-05T02:00:00.000Z', savedBy: '商务局 李科长', status: 'published' },
    { version: 2, savedAt: '2026-02-01T02:00:00.000Z', savedBy: '商务局 李科长', note: '奖励提高到 10 万元', status: 'published' },
  ],
};
const copy = <T,>(x: T): T => JSON.parse(JSON.stringify(x));

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  showModal.mockReset();
  showModal.mockResolvedValue({ confirm: true, cancel: false });
  (Taro.showToast as jest.Mock).mockClear();
  (Taro.useRouter as jest.Mock).mockReturnValue({ params: {} });
  signIn(STAFF);
});

const type = (label: string, value: string, n = 0) => fireEvent.change(screen.getAllByLabelText(label)[n], { target: { value } });

/** Fills in a whole new policy with one 免申即享 item (no conditions yet). */
function fillPolicy() {
  type('政策名称', '越秀区支持软件企业发展若干措施');
  type('文号', '越商规〔2026〕1号');
  type('发文日期', '2026-01-05');
  type('政策原文', TEXT);
  type('政策解读（写给企业负责人看的白话）', READ);
  fireEvent.click(screen.getByRole('checkbox', { name: '科技创新' }));
  type('条目名称', '软件企业营收奖励');
  type('扶持内容', '一次性奖励 10 万元');
  fireEvent.click(screen.getByRole('radio', { name: '免申即享' }));
}

describe('编辑政策: a new policy', () => {
  it("an officer's own department is the issuer; a condition added shows its words; it is published after a confirmation", async () => {
    request.mockImplementation(async ({ url, method }: Req) => {
      if (method === 'POST' && url === '/v1/staff/policies') return { statusCode: 201, data: { ...copy(DETAIL), version: 1 } };
      if (url === '/v1/staff/policies/soft-2026/versions') return { statusCode: 200, data: { items: [HISTORY.items[0]] } };
      throw new Error(`unexpected ${method} ${url}`);
    });
    render(<PolicyEditor />);
    expect(await screen.findByText('发布新政策', { selector: '.section-title' })).toBeTruthy();
    expect(screen.getByTestId('pe-issuer').textContent).toBe('区商务局');
    fillPolicy();
    type('金额（元）', '100000');
    const item = screen.getByTestId('pe-item-0');
    fireEvent.click(within(item).getByTestId('pe-add-items.0.conditions-revenue'));
    const words = () => screen.getByTestId('pe-words-items.0.conditions.0').textContent;
    expect(words()).toBe('填写完整后，这里显示企业看到的条件');
    type('下限（万元）', '1,000');
    expect(words()).toBe('上年度营业收入 ≥ 1,000 万元');
    fireEvent.click(within(item).getByTestId('pe-add-items.0.conditions-size'));
    fireEvent.click(within(screen.getByTestId('pe-cond-items.0.conditions.1')).getByRole('checkbox', { name: '小型' }));
    fireEvent.click(within(screen.getByTestId('pe-cond-items.0.conditions.1')).getByRole('checkbox', { name: '微型' }));
    expect(screen.getByTestId('pe-words-items.0.conditions.1').textContent).toBe('企业规模：小型、微型');
    // a row removed goes, with its words
    fireEvent.click(screen.getByRole('button', { name: '删除条目 1的条件 2：企业规模' }));
    expect(screen.queryByTestId('pe-words-items.0.conditions.1')).toBeNull();

    fireEvent.click(screen.getByTestId('pe-save'));
    await waitFor(() => expect(sent('POST', '/v1/staff/policies')).toHaveLength(1));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '发布政策' }));
    expect(bodyOf('POST', '/v1/staff/policies')).toEqual({
      title: '越秀区支持软件企业发展若干措施',
      issuer: 'commerce',
      docNo: '越商规〔2026〕1号',
      issuedOn: '2026-01-05',
      text: TEXT,
      interpretation: READ,
      topics: ['innovation'],
      items: [
        {
          title: '软件企业营收奖励',
          benefit: { type: 'subsidy', text: '一次性奖励 10 万元', amountYuan: 100000 },
          conditions: [{ kind: 'revenue', min: 1000 }],
          validFrom: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          validTo: expect.stringMatching(/^\d{4}-12-31$/),
          mode: 'auto',
        },
      ],
    });
    expect(await screen.findByText('越秀区支持软件企业发展若干措施 · 当前第 1 版')).toBeTruthy();
    expect(await screen.findByTestId('pe-version-1')).toBeTruthy();
  });

  it('a bad amount or condition shows the Chinese message by its field and sends nothing; what was typed stays', async () => {
    request.mockRejectedValue(new Error('nothing should be sent'));
    render(<PolicyEditor />);
    await screen.findByTestId('pe-basics');
    fillPolicy();
    type('金额（元）', '12.5');
    fireEvent.click(within(screen.getByTestId('pe-item-0')).getByTestId('pe-add-items.0.conditions-revenue'));
    type('下限（万元）', '一千');
    fireEvent.click(screen.getByTestId('pe-save'));
    expect(await screen.findByText('请按提示修改后再保存')).toBeTruthy();
    expect(screen.getByText('金额应为整数（元）')).toBeTruthy();
    expect(screen.getByText('营业收入应为数字')).toBeTruthy();
    type('下限（万元）', '2000');
    type('上限（万元）', '1000');
    fireEvent.click(screen.getByTestId('pe-save'));
    expect(await screen.findByText('营业收入下限不能大于上限')).toBeTruthy();
    expect(screen.queryByText('营业收入应为数字')).toBeNull();
    // 免申即享 without an amount is refused too
    fireEvent.click(screen.getByRole('radio', { name: '按文字说明' }));
    fireEvent.click(screen.getByTestId('pe-save'));
    expect(await screen.findByText('免申即享条目要写明金额或计算方式（系统据此直接拨付）')).toBeTruthy();
    expect(request).not.toHaveBeenCalled();
    expect(showModal).not.toHaveBeenCalled();
    expect((screen.getByLabelText('政策名称') as HTMLInputElement).value).toBe('越秀区支持软件企业发展若干措施');
    expect((screen.getByLabelText('政策原文') as HTMLTextAreaElement).value).toBe(TEXT);
  });

  it('every role="button" is named by its visible text', async () => {
    render(<PolicyEditor />);
    fireEvent.click(await screen.findByTestId('pe-item-add'));
    fireEvent.click(within(screen.getByTestId('pe-item-1')).getByTestId('pe-add-items.1.conditions-age'));
    type('满 N 年（下限）', '3');
    expect(screen.getByTestId('pe-words-items.1.conditions.0').textContent).toBe('成立年限：满 3 年');
    const buttons = screen.getAllByRole('button').filter((b) => b.getAttribute('aria-label'));
    expect(buttons.length).toBeGreaterThan(10);
    for (const b of buttons) expect(b.getAttribute('aria-label')).toContain((b.textContent ?? '').trim());
    fireEvent.click(screen.getByRole('button', { name: '条目 1：删除此条目' }));
    expect(screen.queryByTestId('pe-item-1')).toBeNull();
    expect(screen.getByTestId('pe-words-items.0.conditions.0').textContent).toBe('成立年限：满 3 年');
  });

  it('the admin picks the issuing department', async () => {
    signIn({ id: 'u-admin', role: 'admin', nickname: '区政数局管理员', level: 1, verified: false });
    request.mockImplementation(async ({ url, method }: Req) => {
      if (url === '/v1/departments') return { statusCode: 200, data: { items: [{ id: 'commerce', name: '越秀区商务局', shortName: '区商务局' }] } };
      if (method === 'POST') return { statusCode: 201, data: copy(DETAIL) };
      return { statusCode: 200, data: HISTORY };
    });
    render(<PolicyEditor />);
    fireEvent.click(await screen.findByRole('radio', { name: '区商务局' }));
    fillPolicy();
    type('金额（元）', '100000');
    fireEvent.click(within(screen.getByTestId('pe-item-0')).getByTestId('pe-add-items.0.conditions-industry'));
    type('行业代码（GB/T 4754，空格分隔）', 'i65 m73');
    expect(screen.getByTestId('pe-words-items.0.conditions.0').textContent).toBe('所属行业：软件和信息技术服务业、研究和试验发展');
    fireEvent.click(screen.getByTestId('pe-save'));
    await waitFor(() => expect(sent('POST', '/v1/staff/policies')).toHaveLength(1));
    expect(bodyOf('POST', '/v1/staff/policies')).toMatchObject({ issuer: 'commerce', items: [{ conditions: [{ kind: 'industry', codes: ['I65', 'M73'] }] }] });
  });
});

describe('编辑政策: an existing policy', () => {
  it('a 409 keeps what was typed and offers the latest version; the next save sends the version edited', async () => {
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { id: 'soft-2026' } });
    let conflict = true;
    request.mockImplementation(async ({ url, method }: Req) => {
      // the other officer's save made version 3
      if (method === 'GET' && url.startsWith('/v1/policies/soft-2026?fresh=')) return { statusCode: 200, data: { ...copy(DETAIL), version: conflict ? 2 : 3 } };
      if (method === 'GET' && url === '/v1/staff/policies/soft-2026/versions') return { statusCode: 200, data: HISTORY };
      if (method === 'POST' && url === '/v1/staff/policies/soft-2026/versions') {
        if (conflict)
          return { statusCode: 409, data: { error: { code: 'CONFLICT', message: '该政策已被“商务局 王科员”保存为第 3 版，请载入最新版本后再修改' } } };
        return { statusCode: 200, data: { ...copy(DETAIL), version: 4, title: '越秀区支持软件企业高质量发展若干措施' } };
      }
      throw new Error(`unexpected ${method} ${url}`);
    });
    render(<PolicyEditor />);
    expect(await screen.findByText('越秀区支持软件企业发展若干措施 · 当前第 2 版')).toBeTruthy();
    expect(screen.getByTestId('pe-words-items.0.conditions.0').textContent).toBe('所属行业：软件和信息技术服务业');
    expect((await screen.findByTestId('pe-version-2')).textContent).toContain('当前');
    expect(screen.getByTestId('pe-version-2').textContent).toContain('奖励提高到 10 万元');
    type('政策名称', '越秀区支持软件企业高质量发展若干措施');
    type('修改说明（可不填）', '改名');
    fireEvent.click(screen.getByTestId('pe-save'));
    expect(await screen.findByText(/保存为第 3 版，请载入最新版本/)).toBeTruthy();
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '保存为第 3 版' }));
    expect(bodyOf('POST', '/v1/staff/policies/soft-2026/versions')).toMatchObject({
      expectedVersion: 2,
      note: '改名',
      title: '越秀区支持软件企业高质量发展若干措施',
      items: [
        {
          id: 'soft-2026-1',
          conditions: [
            { kind: 'industry', codes: ['I65'] },
            { kind: 'revenue', min: 1000, evidence: '上年度财务报表' },
          ],
        },
        // an amount only in words keeps its cap; 近 1 年 counts this item itself
        { id: 'soft-2026-2', benefit: { type: 'cost', capYuan: 50000 }, conditions: [{ kind: 'notReceived', itemIds: [], withinYears: 1 }], mode: 'apply' },
      ],
    });
    // nothing typed is lost
    expect((screen.getByLabelText('政策名称') as HTMLInputElement).value).toBe('越秀区支持软件企业高质量发展若干措施');
    expect(screen.getByTestId('pe-reload')).toBeTruthy();
    // the latest version replaces the edits only when the officer asks for it; the next save is on version 3
    conflict = false;
    fireEvent.click(screen.getByTestId('pe-reload'));
    expect(await screen.findByText('越秀区支持软件企业发展若干措施 · 当前第 3 版')).toBeTruthy();
    // not the answer the browser may keep for 30 s: each read is a new URL
    const [first, second] = sent('GET', '/v1/policies/soft-2026').map((r) => r.url);
    expect(first).not.toBe(second);
    expect((screen.getByLabelText('政策名称') as HTMLInputElement).value).toBe('越秀区支持软件企业发展若干措施');
    expect(screen.queryByTestId('pe-reload')).toBeNull();
    type('政策名称', '越秀区支持软件企业高质量发展若干措施');
    fireEvent.click(screen.getByTestId('pe-save'));
    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存第 4 版' })));
    expect(bodyOf('POST', '/v1/staff/policies/soft-2026/versions', 1)).toMatchObject({ expectedVersion: 3, title: '越秀区支持软件企业高质量发展若干措施' });
  });

  it('撤回 asks for a reason and a confirmation, then shows the policy withdrawn', async () => {
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { id: 'soft-2026' } });
    request.mockImplementation(async ({ url, method }: Req) => {
      if (method === 'GET' && url.startsWith('/v1/policies/soft-2026?fresh=')) return { statusCode: 200, data: copy(DETAIL) };
      if (method === 'GET') return { statusCode: 200, data: HISTORY };
      if (url === '/v1/staff/policies/soft-2026/withdraw')
        return { statusCode: 200, data: { ...copy(DETAIL), status: 'withdrawn', withdrawnReason: '已被新文件替代' } };
      throw new Error(`unexpected ${method} ${url}`);
    });
    render(<PolicyEditor />);
    await screen.findByTestId('pe-withdraw');
    type('撤回原因', '替代');
    fireEvent.click(screen.getByTestId('pe-withdraw-go'));
    expect((await screen.findByTestId('pe-withdraw-error')).textContent).toBe('撤回原因至少 4 个字');
    expect(showModal).not.toHaveBeenCalled();
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    type('撤回原因', '已被新文件替代');
    fireEvent.click(screen.getByTestId('pe-withdraw-go'));
    await waitFor(() => expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '撤回政策' })));
    expect(sent('POST', '/v1/staff/policies/soft-2026/withdraw')).toHaveLength(0);
    await waitFor(() => expect(screen.getByTestId('pe-withdraw-go')).not.toBeDisabled());
    fireEvent.click(screen.getByTestId('pe-withdraw-go'));
    await waitFor(() => expect(sent('POST', '/v1/staff/policies/soft-2026/withdraw')).toHaveLength(1));
    expect(bodyOf('POST', '/v1/staff/policies/soft-2026/withdraw')).toEqual({ reason: '已被新文件替代', expectedVersion: 2 });
    expect((await screen.findByTestId('pe-withdrawn')).textContent).toContain('已被新文件替代');
    expect(screen.queryByTestId('pe-save')).toBeNull();
    expect(screen.queryByTestId('pe-withdraw')).toBeNull();
  });

  it('a 撤回 after another save says so and offers the latest version', async () => {
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { id: 'soft-2026' } });
    request.mockImplementation(async ({ url, method }: Req) => {
      if (method === 'GET' && url.startsWith('/v1/policies/soft-2026?fresh=')) return { statusCode: 200, data: copy(DETAIL) };
      if (method === 'GET') return { statusCode: 200, data: HISTORY };
      return { statusCode: 409, data: { error: { code: 'CONFLICT', message: '政策已被他人修改（当前第 3 版），请刷新后再操作' } } };
    });
    render(<PolicyEditor />);
    await screen.findByTestId('pe-withdraw');
    type('撤回原因', '已被新文件替代');
    fireEvent.click(screen.getByTestId('pe-withdraw-go'));
    expect((await screen.findByTestId('pe-withdraw-error')).textContent).toBe('政策已被他人修改（当前第 3 版），请刷新后再操作');
    expect(screen.getByTestId('pe-reload')).toBeTruthy();
    expect((screen.getByLabelText('撤回原因') as HTMLTextAreaElement).value).toBe('已被新文件替代');
  });

  it('says why the policy could not be loaded, with 重试', async () => {
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { id: 'gone' } });
    request.mockResolvedValue({ statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '没有找到这项政策' } } });
    render(<PolicyEditor />);
    expect(await screen.findByText('没有找到这项政策')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });

  it('is for officers and admins only', async () => {
    signIn({ id: 'u-resident-zhang', role: 'resident', nickname: '张晓明', level: 2, verified: true });
    render(<PolicyEditor />);
    expect(screen.getByTestId('role-gate').textContent).toContain('政策发布仅供');
    expect(request).not.toHaveBeenCalled();
  });
});
