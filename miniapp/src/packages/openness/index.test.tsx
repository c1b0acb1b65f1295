import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { calls, fail, hit, login, ok, queryOf, resetTaro, serve, summary } from './testing';
import Openness from './index';

beforeEach(resetTaro);

const page = (items = [summary()], nextCursor: string | null = null) => ok({ items, nextCursor });
const lastQuery = (path: string) => queryOf(calls('GET', path).at(-1)!);

describe('政务公开', () => {
  it('lets a visitor browse newest first, switch category and open an item; subscribing asks to log in', async () => {
    serve({ 'GET /v1/publications': () => page() });
    render(<Openness />);
    const card = await screen.findByTestId('publication-card');
    expect(card).toHaveTextContent('2026年越秀区义务教育阶段学校招生地段划分');
    expect(card).toHaveTextContent('区教育局 · 2026-05-12 · 越教〔2026〕18号');
    expect(card).toHaveTextContent('附件 1');
    expect(lastQuery('/v1/publications').category).toBeUndefined();
    expect(screen.queryByTestId('subscribe-bar')).toBeNull();

    fireEvent.click(screen.getByRole('tab', { name: '摇号结果' }));
    await waitFor(() => expect(lastQuery('/v1/publications').category).toBe('lottery'));
    expect(await screen.findByTestId('subscribe-bar')).toHaveTextContent('登录后可订阅“摇号结果”');
    expect(screen.queryByTestId('op-my-subs')).toBeNull();

    fireEvent.click(await screen.findByTestId('publication-card'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/openness/detail/index?id=pb_seedCatchment26' });
  });

  it('searches the full text in the tab chosen, the words found in bold; one character is not enough', async () => {
    serve({
      'GET /v1/publications': () => page(),
      'GET /v1/publications/search': () => ok({ items: [hit()], nextCursor: null, terms: ['招生', '生地', '地段'] }),
    });
    render(<Openness />);
    await screen.findByTestId('publication-card');
    fireEvent.click(screen.getByRole('tab', { name: '划片招生' }));
    fireEvent.change(screen.getByLabelText('搜索政务公开信息'), { target: { value: '招' } });
    fireEvent.click(screen.getByTestId('op-search'));
    expect(screen.getByTestId('op-search-error')).toHaveTextContent('请至少输入两个连续的字');
    expect(calls('GET', '/v1/publications/search')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('搜索政务公开信息'), { target: { value: '招生地段' } });
    fireEvent.click(screen.getByTestId('op-search'));
    await waitFor(() => expect(lastQuery('/v1/publications/search')).toMatchObject({ q: '招生地段', category: 'catchment' }));
    const card = await screen.findByTestId('publication-card');
    expect(within(card).getByTestId('snippet')).toHaveTextContent('…竹丝岗社区全部门牌。招生地段以门牌号为准…');
    expect(Array.from(card.querySelectorAll('.op-hit')).map((e) => e.textContent)).toEqual(['招生地段', '招生地段']);
    expect(screen.getByTestId('op-search-note')).toHaveTextContent('“招生地段”的搜索结果（划片招生）');

    fireEvent.click(screen.getByRole('button', { name: '清除搜索词' }));
    await waitFor(() => expect(calls('GET', '/v1/publications').length).toBeGreaterThan(2));
  });

  it('opens on the category a way in names, and says when nothing matches', async () => {
    (Taro.useRouter as jest.Mock).mockReturnValue({ params: { category: 'food-safety' } });
    serve({ 'GET /v1/publications': () => page([]) });
    render(<Openness />);
    expect(await screen.findByText('暂时没有食品安全预警')).toBeInTheDocument();
    expect(lastQuery('/v1/publications').category).toBe('food-safety');
    expect(screen.getByRole('tab', { name: '食品安全预警' })).toHaveAttribute('aria-selected', 'true');
  });

  it('lets a resident subscribe to the category shown, and cancel; a failure is said', async () => {
    login('resident');
    let subscribed: string[] = ['notice'];
    serve({
      'GET /v1/publications': () => page(),
      'GET /v1/me/publication-subscriptions': () => ok({ categories: subscribed }),
      'PUT /v1/me/publication-subscriptions': (c) => {
        const body = JSON.parse(c.data!) as { category: string; subscribed: boolean };
        subscribed = body.subscribed ? [...subscribed, body.category] : subscribed.filter((x) => x !== body.category);
        return ok({ categories: subscribed });
      },
    });
    render(<Openness />);
    await waitFor(() => expect(screen.getByTestId('op-my-subs')).toHaveTextContent('我的订阅（1 个栏目）'));
    fireEvent.click(screen.getByRole('tab', { name: '食品安全预警' }));
    const bar = await screen.findByTestId('subscribe-bar');
    expect(bar).toHaveTextContent('订阅“食品安全预警”，有新发布时通过消息通知您');
    fireEvent.click(within(bar).getByRole('button', { name: '订阅食品安全预警' }));
    await waitFor(() => expect(screen.getByTestId('subscribe-bar')).toHaveTextContent('已订阅“食品安全预警”'));
    expect(JSON.parse(calls('PUT', '/v1/me/publication-subscriptions')[0].data!)).toEqual({ category: 'food-safety', subscribed: true });

    serve({ 'GET /v1/publications': () => page(), 'PUT /v1/me/publication-subscriptions': () => fail(500, '系统繁忙，请稍后再试', 'INTERNAL') });
    fireEvent.click(screen.getByRole('button', { name: '取消订阅食品安全预警' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('系统繁忙，请稍后再试');
    expect(screen.getByTestId('subscribe-bar')).toHaveTextContent('已订阅');
  });
});
