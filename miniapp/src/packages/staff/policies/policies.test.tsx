import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { signIn } from '../../../../test/session';
import Policies from './index';

const request = Taro.request as unknown as jest.Mock;
type Req = { url: string; method: string };
const gets = () => request.mock.calls.map((c) => c[0] as Req).filter((c) => c.method === 'GET' && c.url.startsWith('/v1/staff/policies'));

const item = (id: string, title: string, mode: 'auto' | 'apply', window = 'open') => ({
  id,
  title,
  benefitType: 'subsidy',
  benefitText: '一次性奖励 10 万元',
  mode,
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  window,
});
const PAGE = {
  items: [
    {
      id: 'soft-2026',
      title: '越秀区支持软件企业发展若干措施',
      issuer: 'commerce',
      issuerName: '区商务局',
      docNo: '越商规〔2026〕1号',
      issuedOn: '2026-01-05',
      topics: ['innovation'],
      excerpt: '上年度营业收入 1000 万元以上的软件企业……',
      version: 2,
      status: 'published',
      items: [item('soft-2026-1', '软件企业营收奖励', 'auto'), item('soft-2026-2', '软件企业人才补贴', 'apply', 'upcoming')],
    },
    {
      id: 'old-2025',
      title: '越秀区稳岗补贴实施办法（2025）',
      issuer: 'hrss',
      issuerName: '区人社局',
      docNo: '越人社规〔2025〕2号',
      issuedOn: '2025-03-01',
      topics: ['employment'],
      excerpt: '……',
      version: 1,
      status: 'withdrawn',
      items: [item('old-2025-1', '稳岗补贴', 'auto', 'closed')],
    },
  ],
  total: 2,
  nextCursor: null,
};

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  (Taro.navigateTo as jest.Mock).mockClear();
  signIn({ id: 'u-staff-commerce', role: 'staff', nickname: '商务局 李科长', level: 1, verified: true, departmentId: 'commerce', departmentName: '区商务局' });
});

describe('政策发布 list', () => {
  it('lists the policies with withdrawn ones marked, items with their mode, and the way to a 免申即享 batch', async () => {
    request.mockImplementation(async ({ url }: Req) => ({
      statusCode: 200,
      data: url.includes('q=') ? { items: [], total: 0, nextCursor: null } : PAGE,
    }));
    render(<Policies />);
    const soft = await screen.findByTestId('pl-policy-soft-2026');
    expect(gets()[0].url).toContain('withdrawn=1');
    expect(screen.getByText('共 2 项政策')).toBeTruthy();
    expect(soft.textContent).toContain('已发布');
    expect(soft.textContent).toContain('第 2 版');
    expect(within(screen.getByTestId('pl-item-soft-2026-1')).getByText('免申即享')).toBeTruthy();
    expect(within(screen.getByTestId('pl-item-soft-2026-2')).getByText('依申请')).toBeTruthy();
    expect(screen.getByTestId('pl-item-soft-2026-2').textContent).toContain('未开始');
    // only a 免申即享 item has a batch
    expect(screen.queryByTestId('pl-batch-soft-2026-2')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '软件企业营收奖励 兑现批次' }));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/policies/batch/index?itemId=soft-2026-1' });
    const old = screen.getByTestId('pl-policy-old-2025');
    expect(old.className).toContain('pl-withdrawn');
    expect(within(old).getByText('已撤回')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '编辑 越秀区支持软件企业发展若干措施' }));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/policies/edit/index?id=soft-2026' });
    fireEvent.click(screen.getByTestId('pl-new'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/policies/edit/index' });
    fireEvent.change(screen.getByLabelText('搜索政策'), { target: { value: '不存在' } });
    fireEvent.click(screen.getByTestId('pl-search-go'));
    expect(await screen.findByText('没有找到“不存在”相关的政策')).toBeTruthy();
    expect(gets()[1].url).toContain('q=%E4%B8%8D%E5%AD%98%E5%9C%A8');
  });

  it('every role="button" is named by its visible text', async () => {
    request.mockResolvedValue({ statusCode: 200, data: PAGE });
    render(<Policies />);
    await screen.findByTestId('pl-policy-soft-2026');
    for (const b of screen.getAllByRole('button')) {
      const label = b.getAttribute('aria-label');
      if (!label) continue; // a real <button> is named by its text
      expect(label).toContain((b.textContent ?? '').replace('›', '').trim());
    }
  });

  it('says so when nothing is published, and shows an error with 重试', async () => {
    request.mockResolvedValueOnce({ statusCode: 200, data: { items: [], total: 0, nextCursor: null } });
    const r = render(<Policies />);
    expect(await screen.findByText('还没有发布政策，点“发布新政策”开始')).toBeTruthy();
    r.unmount();
    request.mockResolvedValue({ statusCode: 500, data: { error: { code: 'INTERNAL', message: '服务暂时不可用' } } });
    render(<Policies />);
    expect(await screen.findByText('服务暂时不可用')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    await waitFor(() => expect(gets().length).toBe(3));
  });

  it('is for officers and admins only', async () => {
    signIn({ id: 'u-resident-zhang', role: 'resident', nickname: '张晓明', level: 2, verified: true });
    render(<Policies />);
    expect(screen.getByTestId('role-gate')).toBeTruthy();
    expect(request).not.toHaveBeenCalled();
    expect(screen.queryByTestId('pl-new')).toBeNull();
  });
});
