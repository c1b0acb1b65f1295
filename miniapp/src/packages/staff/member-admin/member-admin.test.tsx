import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { DEFAULT_MEMBER_RULES, type MemberRules } from '@yx/shared';
import type { AdminBenefit, AdminMemberRow, MemberStats } from '../../../api/memberAdmin';
import { saveSession } from '../../../api/session';
import MemberAdmin from './index';

const request = Taro.request as unknown as jest.Mock;
const showModal = Taro.showModal as unknown as jest.Mock;
type Call = { url: string; method: string; data?: string };
const calls = (method: string, prefix: string) => request.mock.calls.map((c) => c[0] as Call).filter((o) => o.method === method && o.url.startsWith(prefix));
const bodyOf = (c: Call) => JSON.parse(c.data!);
const login = (role: 'admin' | 'staff' | 'resident') =>
  saveSession({ token: 't', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { id: 'a1', role, nickname: '王管理', level: 1, verified: true } });
const type = (label: string | RegExp, value: string, root: HTMLElement = document.body) =>
  fireEvent.change(within(root).getByLabelText(label), { target: { value } });
const height = (id: string) => (screen.getByTestId(id) as HTMLElement).style.height;
const width = (id: string) => (screen.getByTestId(id) as HTMLElement).style.width;

const clone = <T,>(x: T): T => JSON.parse(JSON.stringify(x));
const date = (i: number) => `2026-11-${String(15 + i).padStart(2, '0')}`;
const stats: MemberStats = {
  totals: { members: 1280, checkIns: 9321, pointsIssued: 60400, pointsSpent: 12000, claims: 240, redemptions: 180 },
  days: Array.from({ length: 14 }, (_, i) => ({
    date: date(i),
    newMembers: i % 3,
    checkIns: [40, 20, 0, 10][i % 4],
    pointsIssued: [400, 200, 0, 100][i % 4],
    pointsSpent: [100, 800, 0, 0][i % 4],
    claims: 0,
    redemptions: 0,
  })),
  benefits: [
    { id: 'museum-ticket', title: '博物馆门票', partner: '广州博物馆', stock: 100, stockLeft: 40, claimed: 60, redeemed: 30 },
    { id: 'coffee', title: '咖啡券', partner: '北京路咖啡', stock: 0, stockLeft: 0, claimed: 0, redeemed: 0 },
  ],
};
const museum: AdminBenefit = {
  id: 'museum-ticket',
  title: '博物馆门票',
  description: '凭码入馆',
  partner: '广州博物馆',
  partnerId: 'gz-museum',
  stock: 100,
  perMemberLimit: 1,
  minLevel: 'silver',
  pointsPrice: 50,
  validDays: 30,
  stockLeft: 40,
  claimed: 60,
  redeemed: 30,
  updatedAt: '2026-11-01T00:00:00Z',
};
const member = (i: number, balance = 120): AdminMemberRow => ({
  userId: `u${i}`,
  name: `张*${i}`,
  memberNo: `8800000000${i}`,
  level: '普通卡',
  balance,
  growth: balance + 10,
  streak: i,
  lastCheckIn: '2026-11-27',
  claimedAt: '2026-10-01T00:00:00Z',
});

let rules: MemberRules;
let benefitReply: { statusCode: number; data: unknown } | undefined;
let rulesReply: { statusCode: number; data: unknown } | undefined;

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  showModal.mockClear();
  (Taro.showToast as jest.Mock).mockClear();
  rules = clone(DEFAULT_MEMBER_RULES);
  benefitReply = undefined;
  rulesReply = undefined;
  login('admin');
  request.mockImplementation(async ({ url, method, data }: Call) => {
    if (method === 'GET' && url === '/v1/admin/member/rules') return { statusCode: 200, data: rules };
    if (method === 'PUT' && url === '/v1/admin/member/rules') return rulesReply ?? { statusCode: 200, data: JSON.parse(data!) };
    if (method === 'GET' && url === '/v1/admin/member/stats?days=14') return { statusCode: 200, data: stats };
    if (method === 'GET' && url === '/v1/admin/member/benefits') return { statusCode: 200, data: { items: [museum] } };
    if (method === 'POST' && url === '/v1/admin/member/benefits')
      return benefitReply ?? { statusCode: 201, data: { ...JSON.parse(data!), stockLeft: 10, claimed: 0, redeemed: 0 } };
    if (method === 'PUT' && url === '/v1/admin/member/benefits/museum-ticket')
      return benefitReply ?? { statusCode: 200, data: { ...museum, ...JSON.parse(data!) } };
    if (method === 'GET' && url === '/v1/admin/member/members?limit=20')
      return { statusCode: 200, data: { items: [member(1), member(2)], nextCursor: 'next1' } };
    if (method === 'GET' && url === '/v1/admin/member/members?limit=20&cursor=next1')
      return { statusCode: 200, data: { items: [member(3, 5)], nextCursor: null } };
    if (method === 'POST' && url === '/v1/admin/member/points') {
      const b = JSON.parse(data!);
      if (b.userId === 'u3') return { statusCode: 422, data: { error: { code: 'RULE_VIOLATION', message: '积分不足，不能扣减到负数' } } };
      return { statusCode: 200, data: { awarded: true, balance: 120 + b.points } };
    }
    throw new Error(`unexpected ${method} ${url}`);
  });
});

const openTab = async (name: string) => {
  fireEvent.click(screen.getByRole('tab', { name }));
  return screen.findByTestId(`panel-${{ 数据: 'stats', 福利: 'benefits', 规则: 'rules', 会员: 'members' }[name]}`);
};

describe('会员管理', () => {
  it('is for admins only, and asks for nothing otherwise', () => {
    login('staff');
    render(<MemberAdmin />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('会员管理仅供管理员使用');
    expect(request).not.toHaveBeenCalled();
  });

  it('数据: KPI tiles, daily check-in bars, issued/spent pairs and each benefit split three ways', async () => {
    const { container } = render(<MemberAdmin />);
    expect(await screen.findByTestId('kpi-members')).toHaveTextContent('1280人会员数');
    expect(calls('GET', '/v1/admin/member/stats')).toHaveLength(1);
    expect(screen.getByTestId('kpi-checkins')).toHaveTextContent('9321次累计签到');
    expect(screen.getByTestId('kpi-issued')).toHaveTextContent('60400积分发放');
    expect(screen.getByTestId('kpi-spent')).toHaveTextContent('12000积分使用');
    expect(screen.getByTestId('kpi-claims')).toHaveTextContent('240份福利领取');
    expect(screen.getByTestId('kpi-redemptions')).toHaveTextContent('180份核销');
    expect(container.querySelectorAll('.ma-kpi')).toHaveLength(6);
    expect(container.querySelectorAll('.ma-tab')).toHaveLength(4);
    expect(screen.getByRole('tab', { name: '数据' })).toHaveAttribute('aria-selected', 'true');

    // check-ins: 14 columns on one scale (max 40)
    expect(screen.getAllByTestId('checkin-day')).toHaveLength(14);
    expect(height(`checkin-${date(0)}`)).toBe('100%');
    expect(height(`checkin-${date(1)}`)).toBe('50%');
    expect(height(`checkin-${date(2)}`)).toBe('0%');
    expect(height(`checkin-${date(3)}`)).toBe('25%');
    expect(screen.getAllByTestId('checkin-day')[0]).toHaveAttribute('aria-label', '11月15日 签到 40 次');
    expect(container.querySelectorAll('.ma-chart')).toHaveLength(2);

    // points: issued and spent share the scale of the largest (800 spent on day 2)
    expect(screen.getAllByTestId('points-day')).toHaveLength(14);
    expect(height(`spent-${date(1)}`)).toBe('100%');
    expect(height(`issued-${date(0)}`)).toBe('50%');
    expect(height(`issued-${date(1)}`)).toBe('25%');
    expect(height(`spent-${date(0)}`)).toBe('12.5%');
    expect(height(`issued-${date(2)}`)).toBe('0%');
    expect(screen.getByText(/^发放 \d+$/)).toHaveTextContent('发放 2700');

    // stock: 30 redeemed, 30 claimed but waiting, 40 left
    expect(width('seg-redeemed-museum-ticket')).toBe('30%');
    expect(width('seg-claimed-museum-ticket')).toBe('30%');
    expect(width('seg-left-museum-ticket')).toBe('40%');
    expect(screen.getByTestId('stock-museum-ticket')).toHaveTextContent('已核销 30 · 已领未核销 30 · 剩余 40 / 共 100 份');
    expect(width('seg-left-coffee')).toBe('0%');
    expect(document.body.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('福利: a bad value shows a Chinese error and sends nothing; a valid one is POSTed after confirmation', async () => {
    render(<MemberAdmin />);
    const panel = await openTab('福利');
    expect(await within(panel).findByText('博物馆门票')).toBeInTheDocument();
    expect(panel.querySelectorAll('.ma-benefit')).toHaveLength(1);
    expect(within(panel).getByTestId('benefit-nums')).toHaveTextContent('100库存40剩余60已领取30已核销');
    expect(within(panel).getByText('银卡及以上')).toBeInTheDocument();

    fireEvent.click(within(panel).getByText('＋ 新增福利'));
    const form = within(panel).getByTestId('benefit-form');
    type('福利编号', 'Coffee Card', form);
    type('福利名称', '咖啡券', form);
    type('合作单位', '北京路咖啡', form);
    type('合作单位编号', 'bjl-coffee', form);
    type('库存（份）', '-5', form);
    fireEvent.click(within(form).getByRole('radio', { name: '金卡' }));
    fireEvent.click(within(form).getByText('保存'));
    expect(within(form).getByText('编号只能用小写字母、数字和短横线，2–40 位')).toBeInTheDocument();
    expect(within(form).getByText('库存不能小于 0')).toBeInTheDocument();
    expect(within(form).getByTestId('form-error')).toHaveTextContent('有 2 项需要修改');
    expect(showModal).not.toHaveBeenCalled();
    expect(calls('POST', '/v1/admin/member/benefits')).toHaveLength(0);

    type('福利编号', 'coffee-card', form);
    type('库存（份）', '10', form);
    type('所需积分（0 为免费）', '20', form);
    // the first confirmation is declined: nothing is sent, nothing typed is lost
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(within(form).getByText('保存'));
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    expect(calls('POST', '/v1/admin/member/benefits')).toHaveLength(0);
    expect(within(form).getByLabelText('福利名称')).toHaveValue('咖啡券');

    // the server refuses (409): the message shows under the id and at the bottom; the form keeps everything
    benefitReply = { statusCode: 409, data: { error: { code: 'CONFLICT', message: '福利编号已存在，请换一个编号' } } };
    fireEvent.click(within(form).getByText('保存'));
    await waitFor(() => expect(calls('POST', '/v1/admin/member/benefits')).toHaveLength(1));
    expect(await within(form).findByTestId('form-error')).toHaveTextContent('福利编号已存在，请换一个编号');
    expect(within(form).getAllByText('福利编号已存在，请换一个编号')).toHaveLength(2);
    expect(within(form).getByLabelText('库存（份）')).toHaveValue('10');

    benefitReply = undefined;
    fireEvent.click(within(form).getByText('保存'));
    await waitFor(() => expect(calls('POST', '/v1/admin/member/benefits')).toHaveLength(2));
    expect(showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '新增福利', content: expect.stringContaining('金卡及以上会员') }));
    expect(bodyOf(calls('POST', '/v1/admin/member/benefits')[1])).toEqual({
      id: 'coffee-card',
      title: '咖啡券',
      description: '',
      partner: '北京路咖啡',
      partnerId: 'bjl-coffee',
      stock: 10,
      perMemberLimit: 1,
      minLevel: 'gold',
      pointsPrice: 20,
      validDays: 30,
    });
    await waitFor(() => expect(within(panel).queryByTestId('benefit-form')).not.toBeInTheDocument());
    expect(calls('GET', '/v1/admin/member/benefits')).toHaveLength(2); // the list is reloaded
  });

  it('福利: editing PUTs the whole benefit to its address; stock below what was claimed is caught first', async () => {
    render(<MemberAdmin />);
    const panel = await openTab('福利');
    fireEvent.click(await within(panel).findByText('修改'));
    const form = within(panel).getByTestId('benefit-form');
    expect(form).toHaveTextContent('museum-ticket（不能修改）');
    expect(within(form).getByRole('radio', { name: '银卡' })).toHaveAttribute('aria-checked', 'true');
    type('库存（份）', '50', form);
    fireEvent.click(within(form).getByText('保存'));
    expect(within(form).getByText('库存不能少于已领取的 60 份')).toBeInTheDocument();
    expect(calls('PUT', '/v1/admin/member/benefits')).toHaveLength(0);

    type('库存（份）', '150', form);
    type('兑换有效天数', '14', form);
    benefitReply = { statusCode: 422, data: { error: { code: 'RULE_VIOLATION', message: '库存不能少于已领取的 70 份' } } };
    fireEvent.click(within(form).getByText('保存'));
    expect(await within(form).findByTestId('form-error')).toHaveTextContent('库存不能少于已领取的 70 份');
    expect(within(form).getByLabelText('兑换有效天数')).toHaveValue('14');

    benefitReply = undefined;
    fireEvent.click(within(form).getByText('保存'));
    await waitFor(() => expect(calls('PUT', '/v1/admin/member/benefits/museum-ticket')).toHaveLength(2));
    const { stockLeft: _l, claimed: _c, redeemed: _r, updatedAt: _u, ...setUp } = museum;
    expect(bodyOf(calls('PUT', '/v1/admin/member/benefits/museum-ticket')[1])).toEqual({ ...setUp, stock: 150, validDays: 14 });
    expect(showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '保存修改' }));
  });

  it('规则: edits check-in points, bonuses, a level and member day; the preview follows the colours; saves after confirmation', async () => {
    render(<MemberAdmin />);
    const panel = await openTab('规则');
    const form = await within(panel).findByTestId('rules-form');
    expect(within(form).getByLabelText('每次签到积分')).toHaveValue('5');
    expect(within(form).getAllByTestId('bonus-row')).toHaveLength(3);

    type('每次签到积分', '8', form);
    fireEvent.click(within(form).getByRole('button', { name: '删除第 2 条奖励' }));
    fireEvent.click(within(form).getByText('＋ 添加奖励'));
    type('第 3 条奖励的连续天数', '7', form); // the same day as the first: refused
    type('第 3 条奖励的积分', '300', form);
    type('等级 2 名称', '白银卡', form);
    type('等级 2 权益（每行一条）', '每日签到领积分\n\n  专属客服  ', form);
    type('等级 2 渐变起点颜色', '#123', form);
    expect(within(form).getByTestId('face-1')).toHaveAttribute('data-from', '#C9CDD4'); // not a colour yet: grey
    type('等级 2 渐变起点颜色', '#112233', form);
    expect(within(form).getByTestId('face-1')).toHaveAttribute('data-from', '#112233');
    expect((within(form).getByTestId('face-1') as HTMLElement).style.backgroundColor).toBe('rgb(17, 34, 51)');
    expect(within(form).getByTestId('face-1')).toHaveTextContent('白银卡');
    type('每月几号（1–28）', '31', form);

    fireEvent.click(within(form).getByText('保存规则'));
    expect(within(form).getByText('连续签到奖励的天数不能重复')).toBeInTheDocument();
    expect(within(form).getByText('会员日应在每月 1–28 日之间')).toBeInTheDocument();
    expect(showModal).not.toHaveBeenCalled();
    expect(calls('PUT', '/v1/admin/member/rules')).toHaveLength(0);

    type('第 3 条奖励的连续天数', '30', form);
    type('每月几号（1–28）', '8', form);
    fireEvent.click(within(form).getByText('保存规则'));
    await waitFor(() => expect(calls('PUT', '/v1/admin/member/rules')).toHaveLength(1));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '保存会员规则', content: expect.stringContaining('全部会员') }));
    const sent = bodyOf(calls('PUT', '/v1/admin/member/rules')[0]) as MemberRules;
    const expected = clone(DEFAULT_MEMBER_RULES);
    expected.checkIn = {
      basePoints: 8,
      streakBonuses: [
        { day: 7, points: 20 },
        { day: 28, points: 100 },
        { day: 30, points: 300 },
      ],
    };
    expected.levels[1] = {
      ...expected.levels[1],
      name: '白银卡',
      perks: ['每日签到领积分', '专属客服'],
      face: { ...expected.levels[1].face, from: '#112233' },
    };
    expected.memberDay = { dayOfMonth: 8 };
    expect(sent).toEqual(expected);
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '规则已保存' }));
  });

  it("规则: shows the server's refusal and keeps the edits; a declined confirmation sends nothing", async () => {
    render(<MemberAdmin />);
    const panel = await openTab('规则');
    const form = await within(panel).findByTestId('rules-form');
    fireEvent.click(within(form).getByRole('button', { name: '删除等级 2' }));
    expect(within(form).getAllByTestId('level')).toHaveLength(3);

    showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(within(form).getByText('保存规则'));
    await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
    expect(calls('PUT', '/v1/admin/member/rules')).toHaveLength(0);

    rulesReply = { statusCode: 422, data: { error: { code: 'RULE_VIOLATION', message: '福利“博物馆门票”要求的等级在新规则中不存在，请先修改该福利' } } };
    fireEvent.click(within(form).getByText('保存规则'));
    expect(await within(form).findByTestId('form-error')).toHaveTextContent('福利“博物馆门票”要求的等级在新规则中不存在');
    expect(bodyOf(calls('PUT', '/v1/admin/member/rules')[0]).levels.map((l: { id: string }) => l.id)).toEqual(['standard', 'gold', 'diamond']);
    expect(within(form).getAllByTestId('level')).toHaveLength(3);

    // back to what is saved
    fireEvent.click(within(form).getByText('撤销修改'));
    expect(within(form).getAllByTestId('level')).toHaveLength(4);
  });

  it('会员: lists members with 加载更多, and deducts points (a negative number) after confirmation', async () => {
    render(<MemberAdmin />);
    const panel = await openTab('会员');
    await waitFor(() => expect(within(panel).getAllByTestId('member')).toHaveLength(2));
    const first = within(panel).getAllByTestId('member')[0];
    expect(first).toHaveTextContent('张*1');
    expect(first).toHaveTextContent('会员号 88000000001');
    expect(first).toHaveTextContent('普通卡');
    expect(first).toHaveTextContent('120积分');
    expect(first).toHaveTextContent('1连续签到');
    expect(first).toHaveTextContent('最近签到 2026-11-27');

    fireEvent.click(within(panel).getByText('加载更多'));
    await waitFor(() => expect(within(panel).getAllByTestId('member')).toHaveLength(3));
    expect(within(panel).getByText('没有更多了')).toBeInTheDocument();

    fireEvent.click(within(first).getByText('积分调整'));
    const form = within(first).getByTestId('adjust-form');
    fireEvent.click(within(form).getByRole('radio', { name: '扣减' }));
    type('积分数量', '30', form);
    fireEvent.click(within(form).getByText('确认调整'));
    expect(within(form).getByText('请填写调整原因')).toBeInTheDocument();
    expect(calls('POST', '/v1/admin/member/points')).toHaveLength(0);

    type('调整原因', '重复签到纠正', form);
    fireEvent.click(within(form).getByText('确认调整'));
    await waitFor(() => expect(calls('POST', '/v1/admin/member/points')).toHaveLength(1));
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('扣减 30 积分') }));
    expect(bodyOf(calls('POST', '/v1/admin/member/points')[0])).toEqual({ userId: 'u1', points: -30, reason: '重复签到纠正' });
    await waitFor(() => expect(within(first).getByTestId('member-balance')).toHaveTextContent('90'));
    expect(within(first).queryByTestId('adjust-form')).not.toBeInTheDocument();

    // the server's refusal stays in the form with what was typed
    const third = within(panel).getAllByTestId('member')[2];
    fireEvent.click(within(third).getByText('积分调整'));
    const f3 = within(third).getByTestId('adjust-form');
    fireEvent.click(within(f3).getByRole('radio', { name: '扣减' }));
    type('积分数量', '50', f3);
    type('调整原因', '活动取消', f3);
    fireEvent.click(within(f3).getByText('确认调整'));
    expect(await within(f3).findByTestId('form-error')).toHaveTextContent('积分不足，不能扣减到负数');
    expect(bodyOf(calls('POST', '/v1/admin/member/points')[1]).points).toBe(-50);
    expect(within(f3).getByLabelText('调整原因')).toHaveValue('活动取消');
  });

  it('keeps a half-filled form when looking at another tab', async () => {
    render(<MemberAdmin />);
    const panel = await openTab('福利');
    fireEvent.click(await within(panel).findByText('＋ 新增福利'));
    type('福利名称', '图书馆借阅卡', within(panel).getByTestId('benefit-form'));
    await openTab('数据');
    expect(panel).toHaveAttribute('aria-hidden', 'true');
    await openTab('福利');
    expect(within(panel).getByLabelText('福利名称')).toHaveValue('图书馆借阅卡');
    expect(calls('GET', '/v1/admin/member/stats')).toHaveLength(2); // fresh figures on coming back
  });
});
