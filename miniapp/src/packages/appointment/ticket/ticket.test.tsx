import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { appointmentsApi } from '../../../api/appointments';
import { apiError, login, resetTaro, route, ticket } from '../testing';
import TicketPage, { POLL_MS } from './index';

jest.mock('../../../api/appointments', () => ({ appointmentsApi: { ticket: jest.fn() } }));
const get = appointmentsApi.ticket as jest.Mock;

// the page's show and hide, as Taro calls them: shown when it mounts, hidden when another page covers it
const mockPage = { show: new Set<() => void>(), hide: new Set<() => void>() };
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro');
  const React = jest.requireActual('react');
  const hook = (kind: 'show' | 'hide') => (f: () => void) => {
    const latest = React.useRef(f);
    latest.current = f;
    React.useEffect(() => {
      const h = () => latest.current();
      mockPage[kind].add(h);
      if (kind === 'show') h();
      return () => mockPage[kind].delete(h);
    }, []);
  };
  const useDidShow = hook('show');
  const useDidHide = hook('hide');
  return { __esModule: true, ...actual, default: { ...actual.default, useDidShow, useDidHide }, useDidShow, useDidHide };
});
const page = (kind: 'show' | 'hide') => act(() => mockPage[kind].forEach((h) => h()));
const tick = (ms = POLL_MS) => act(async () => jest.advanceTimersByTime(ms));

beforeEach(() => {
  jest.useFakeTimers();
  resetTaro();
  get.mockReset();
  login();
  route({ id: 'tk_q1w2e3r4t5y6' });
});
afterEach(() => jest.useRealTimers());

describe('我的排队号', () => {
  it('shows the number big, how many are ahead and the wait, then the window when called', async () => {
    get
      .mockResolvedValueOnce(ticket())
      .mockResolvedValueOnce(ticket({ ahead: 1, waitMinutes: 4 }))
      .mockResolvedValue(ticket({ status: 'called', windowNo: 3, ahead: 0 }));
    render(<TicketPage />);
    expect(await screen.findByTestId('ticket-no')).toHaveTextContent('A012');
    expect(get).toHaveBeenCalledWith('tk_q1w2e3r4t5y6');
    expect(screen.getByTestId('ticket-ahead')).toHaveTextContent('前面还有 4 人');
    expect(screen.getByText('预计等候约 16 分钟')).toBeInTheDocument();
    expect(screen.getAllByTestId('queue-dot')).toHaveLength(4);
    expect(screen.getByTestId('ticket-booked')).toHaveTextContent('预约优先 09:00–09:30');
    expect(screen.getByTestId('ticket-status')).toHaveTextContent('等候中');
    expect(screen.queryByTestId('ticket-window')).toBeNull();

    await tick();
    expect(get).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('ticket-ahead')).toHaveTextContent('前面还有 1 人');
    expect(screen.getAllByTestId('queue-dot')).toHaveLength(1);

    await tick();
    expect(screen.getByTestId('ticket-window')).toHaveTextContent('请到 3 号窗口');
    expect(screen.queryByTestId('ticket-ahead')).toBeNull();
    // still asked while called (the officer may mark it served or absent)
    await tick();
    expect(get).toHaveBeenCalledTimes(4);
  });

  it('stops asking once served, and offers a new number after 过号', async () => {
    get.mockResolvedValueOnce(ticket({ status: 'served', windowNo: 3 }));
    const r = render(<TicketPage />);
    expect(await screen.findByTestId('ticket-final')).toHaveTextContent('已办结');
    await tick(3 * POLL_MS);
    expect(get).toHaveBeenCalledTimes(1);
    r.unmount();

    get.mockResolvedValueOnce(ticket({ status: 'absent' }));
    render(<TicketPage />);
    expect(await screen.findByTestId('ticket-final')).toHaveTextContent('已过号');
    fireEvent.click(screen.getByText('重新取号'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/appointment/arrive/index?pointId=district-hall' });
    expect(screen.queryByTestId('ticket-window')).toBeNull();
  });

  it('stops while the page is hidden or closed, and asks again when shown', async () => {
    get.mockResolvedValue(ticket());
    const r = render(<TicketPage />);
    await screen.findByTestId('ticket-no');
    page('hide');
    await tick(3 * POLL_MS);
    expect(get).toHaveBeenCalledTimes(1);
    page('show');
    await tick(0);
    expect(get).toHaveBeenCalledTimes(2);
    await tick();
    expect(get).toHaveBeenCalledTimes(3);
    r.unmount();
    await tick(3 * POLL_MS);
    expect(get).toHaveBeenCalledTimes(3);
  });

  it('keeps the number on screen when a refresh fails', async () => {
    get.mockResolvedValueOnce(ticket()).mockRejectedValueOnce(apiError(0, '网络不太顺畅，请检查网络后重试', 'NETWORK'));
    render(<TicketPage />);
    await screen.findByTestId('ticket-no');
    await tick();
    expect(screen.getByTestId('ticket-no')).toHaveTextContent('A012');
    expect(screen.getByText(/网络不稳，正在重试/)).toBeInTheDocument();
  });
});
