import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { calls, fail, login, ok, resetTaro, serve } from '../testing';
import SubscriptionsPage from './index';

beforeEach(resetTaro);

describe('我的订阅', () => {
  it('switches a category on and off; a failure puts the switch back and says why', async () => {
    login('resident');
    let on = ['notice'];
    serve({
      'GET /v1/me/publication-subscriptions': () => ok({ categories: on }),
      'PUT /v1/me/publication-subscriptions': (c) => {
        const b = JSON.parse(c.data!) as { category: string; subscribed: boolean };
        on = b.subscribed ? [...on, b.category] : on.filter((x) => x !== b.category);
        return ok({ categories: on });
      },
    });
    render(<SubscriptionsPage />);
    expect(await screen.findByTestId('subs-summary')).toHaveTextContent('已订阅：通知公告。');
    expect(screen.getByRole('switch', { name: '订阅通知公告' })).toBeChecked();
    fireEvent.click(screen.getByRole('switch', { name: '订阅划片招生' }));
    await waitFor(() => expect(screen.getByTestId('subs-summary')).toHaveTextContent('已订阅：通知公告、划片招生。'));
    expect(JSON.parse(calls('PUT', '/v1/me/publication-subscriptions')[0].data!)).toEqual({ category: 'catchment', subscribed: true });

    serve({ 'PUT /v1/me/publication-subscriptions': () => fail(500, '系统繁忙，请稍后再试', 'INTERNAL') });
    fireEvent.click(screen.getByRole('switch', { name: '订阅通知公告' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('系统繁忙');
    expect(screen.getByRole('switch', { name: '订阅通知公告' })).toBeChecked();
  });

  it('asks a visitor to log in, and tells an officer it is for residents and firms', () => {
    render(<SubscriptionsPage />);
    expect(screen.getByTestId('role-gate')).toHaveTextContent('请先登录，再订阅政务公开栏目');
    expect(calls()).toHaveLength(0);
  });
});
