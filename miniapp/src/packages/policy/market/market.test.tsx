import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { calls, fail, login, ok, queryOf, resetTaro, serve, summary, type Call } from '../testing';
import PolicyMarket from '../index';

beforeEach(resetTaro);

const departments = () => ok({ items: [{ id: 'kgxj', name: '越秀区科技工业和信息化局', shortName: '区科工信局', phone: '020-1', address: '' }] });
const page = (items = [summary()], nextCursor: string | null = null) => ok({ items, total: items.length, nextCursor });
const lastQuery = (path: string) => queryOf(calls('GET', path).at(-1)!);

describe('政策超市', () => {
  it('lets a visitor browse the public list with mode badges and no verdicts, and search it', async () => {
    serve({ 'GET /v1/policies': () => page(), 'GET /v1/departments': departments });
    render(<PolicyMarket />);
    const card = await screen.findByTestId('policy-card');
    expect(card).toHaveTextContent('越秀区促进科技创新若干措施');
    expect(card).toHaveTextContent('区科工信局 · 越府办规〔2026〕3号');
    expect(
      within(card)
        .getAllByTestId('mode')
        .map((m) => m.textContent),
    ).toEqual(['免申即享', '依申请']);
    expect(within(card).queryByTestId('verdict')).toBeNull();
    expect(screen.getByTestId('firm-login')).toHaveTextContent('企业登录后');
    expect(screen.queryByTestId('topics')).toBeNull();
    expect(screen.queryByTestId('link-offers')).toBeNull();
    expect(calls('GET', '/v1/firm/policies')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('搜索政策'), { target: { value: '高新' } });
    fireEvent.click(screen.getByTestId('policy-search'));
    await waitFor(() => expect(lastQuery('/v1/policies')).toMatchObject({ q: '高新' }));

    fireEvent.click(await screen.findByTestId('policy-card'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/policy/detail/index?id=tech-2026' });
  });

  it('shows a firm its verdict on each item as coloured word badges, and 只看可享受的 asks with forMe=1', async () => {
    login('enterprise');
    const items = summary().items;
    serve({
      'GET /v1/firm/policies': () =>
        page([
          summary({
            items: [
              { ...items[0], verdict: 'eligible' },
              { ...items[1], verdict: 'unknown' },
              { ...items[1], id: 'tech-2026-3', title: '规上企业奖励', verdict: 'ineligible', window: 'closed', validTo: '2026-06-30' },
            ],
          }),
        ]),
      'GET /v1/departments': departments,
      'GET /v1/me/policy-topics': () => ok({ topics: [] }),
    });
    render(<PolicyMarket />);
    await screen.findByTestId('policy-card');
    expect(
      screen
        .getAllByTestId('verdict')
        .map((v) => [v.textContent, v.className.includes('tag-green') ? 'green' : v.className.includes('tag-orange') ? 'orange' : 'gray']),
    ).toEqual([
      ['符合条件', 'green'],
      ['信息不足', 'orange'],
      ['暂不符合', 'gray'],
    ]);
    expect(screen.getAllByTestId('policy-item')[2]).toHaveTextContent('已截止（2026-06-30）');
    expect(calls('GET', '/v1/policies')).toHaveLength(0);
    expect(lastQuery('/v1/firm/policies').forMe).toBeUndefined();

    act(() => {
      fireEvent.click(screen.getByRole('switch', { name: '只看可享受的' }));
    });
    await waitFor(() => expect(lastQuery('/v1/firm/policies').forMe).toBe('1'));
    act(() => {
      fireEvent.click(screen.getByRole('switch', { name: '只看可享受的' }));
    });
    await waitFor(() => expect(calls('GET', '/v1/firm/policies')).toHaveLength(3));
    expect(lastQuery('/v1/firm/policies').forMe).toBeUndefined();

    fireEvent.click(screen.getByTestId('link-offers'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/policy/offers/index' });
    fireEvent.click(screen.getByTestId('link-profile'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/policy/profile/index' });
  });

  it('filters by 免申即享, deadline and the panel’s benefit type; a chosen filter stays listed and can be removed', async () => {
    serve({ 'GET /v1/policies': () => page(), 'GET /v1/departments': departments });
    render(<PolicyMarket />);
    await screen.findByTestId('policy-card');

    fireEvent.click(screen.getByTestId('filter-auto'));
    await waitFor(() => expect(lastQuery('/v1/policies')).toMatchObject({ mode: 'auto' }));
    expect(screen.getByTestId('filter-auto')).toHaveAttribute('aria-pressed', 'true');
    fireEvent.click(screen.getByTestId('filter-30'));
    await waitFor(() => expect(lastQuery('/v1/policies')).toMatchObject({ mode: 'auto', deadline: '30' }));
    fireEvent.click(screen.getByTestId('filter-90'));
    await waitFor(() => expect(lastQuery('/v1/policies').deadline).toBe('90'));

    fireEvent.click(screen.getByTestId('filter-more'));
    const panel = screen.getByTestId('filter-panel');
    fireEvent.click(within(within(panel).getByRole('radiogroup', { name: '扶持类型' })).getByRole('radio', { name: '税收优惠' }));
    await waitFor(() => expect(lastQuery('/v1/policies')).toMatchObject({ benefit: 'tax', mode: 'auto', deadline: '90' }));
    fireEvent.click(within(within(panel).getByRole('radiogroup', { name: '发文部门' })).getByRole('radio', { name: '区科工信局' }));
    await waitFor(() => expect(lastQuery('/v1/policies')).toMatchObject({ department: 'kgxj' }));
    fireEvent.click(screen.getByText('收起筛选'));

    const active = screen.getByTestId('active-filters');
    expect(active).toHaveTextContent('发文部门：区科工信局');
    expect(active).toHaveTextContent('扶持类型：税收优惠');
    expect(screen.getByTestId('filter-more')).toHaveTextContent('已选 2 项');
    fireEvent.click(screen.getByRole('button', { name: '扶持类型：税收优惠 取消筛选' }));
    await waitFor(() => expect(lastQuery('/v1/policies').benefit).toBeUndefined());
    expect(lastQuery('/v1/policies')).toMatchObject({ department: 'kgxj', mode: 'auto' });
  });

  it('says what to do when a firm has nothing it may get, and pages on with 加载更多', async () => {
    login('enterprise');
    serve({
      'GET /v1/firm/policies': (c: Call) =>
        queryOf(c).forMe ? page([]) : queryOf(c).cursor ? page([summary({ id: 'rent-2026', title: '小微企业租金补贴' })]) : page([summary()], '1'),
      'GET /v1/departments': departments,
      'GET /v1/me/policy-topics': () => ok({ topics: [] }),
    });
    render(<PolicyMarket />);
    await screen.findByTestId('policy-card');
    fireEvent.click(screen.getByText('加载更多'));
    await waitFor(() => expect(screen.getAllByTestId('policy-card')).toHaveLength(2));
    expect(lastQuery('/v1/firm/policies').cursor).toBe('1');

    act(() => {
      fireEvent.click(screen.getByRole('switch', { name: '只看可享受的' }));
    });
    expect(await screen.findByTestId('empty')).toHaveTextContent('暂时没有本企业可享受的条目');
  });

  it('shows an agent whose grant has ended the public list, saying why', async () => {
    login('enterprise', 'agent');
    serve({
      'GET /v1/firm/policies': () => fail(403, '您的经办人授权已于 2026-11-01 到期，请联系企业法定代表人续期'),
      'GET /v1/policies': () => page(),
      'GET /v1/departments': departments,
      'GET /v1/me/policy-topics': () => ok({ topics: [] }),
    });
    render(<PolicyMarket />);
    expect(await screen.findByTestId('firm-refused')).toHaveTextContent('您的经办人授权已于 2026-11-01 到期');
    expect(await screen.findByTestId('policy-card')).toBeInTheDocument();
    expect(screen.queryByTestId('verdict')).toBeNull();
    expect(screen.queryByRole('switch', { name: '只看可享受的' })).toBeNull();
    expect(calls('GET', '/v1/firm/policies')).toHaveLength(1);
  });

  it('lets a resident subscribe to topics', async () => {
    login('resident');
    serve({
      'GET /v1/policies': () => page(),
      'GET /v1/departments': departments,
      'GET /v1/me/policy-topics': () => ok({ topics: ['innovation'] }),
      'PUT /v1/me/policy-topics': (c: Call) => ok(JSON.parse(c.data!)),
    });
    render(<PolicyMarket />);
    await waitFor(() => expect(screen.getByTestId('topics-current')).toHaveTextContent('已订阅：科技创新'));
    expect(screen.queryByTestId('link-offers')).toBeNull();
    fireEvent.click(screen.getByText('修改订阅'));
    expect(screen.getByRole('checkbox', { name: '科技创新' })).toHaveAttribute('aria-checked', 'true');
    fireEvent.click(screen.getByRole('checkbox', { name: '融资支持' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '科技创新' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '稳岗就业' }));
    fireEvent.click(screen.getByTestId('topics-save'));
    await waitFor(() => expect(calls('PUT', '/v1/me/policy-topics')).toHaveLength(1));
    expect(JSON.parse(calls('PUT', '/v1/me/policy-topics')[0].data!)).toEqual({ topics: ['employment', 'finance'] });
    await waitFor(() => expect(calls('GET', '/v1/me/policy-topics')).toHaveLength(2));
  });
});
