import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { saveSession } from '../../api/session';
import Messages from './index';

const request = Taro.request as unknown as jest.Mock;
const msg = (id: string, at: string, read: boolean, appNo?: string) => ({ id, at, title: `标题${id}`, body: `内容${id}`, read, ...(appNo ? { appNo } : {}) });

beforeEach(() => {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  (Taro.navigateTo as jest.Mock).mockClear();
});

describe('消息', () => {
  it('asks a visitor to log in', () => {
    render(<Messages />);
    expect(screen.getByText('登录后可查看办件进度消息')).toBeInTheDocument();
    expect(request).not.toHaveBeenCalled();
  });

  it('lists newest first with the unread count, marks one read and opens its application', async () => {
    saveSession({
      token: 't',
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      user: { id: 'u1', role: 'resident', nickname: '张晓明', level: 1, verified: true },
    });
    request.mockImplementation(async ({ url, method }: { url: string; method: string }) => {
      if (method === 'GET' && url.startsWith('/v1/messages')) {
        return {
          statusCode: 200,
          data: {
            items: [
              msg('m_aaaaaaaaaaaa', '2026-11-26T06:05:00.000Z', false, 'YX20261126000123'),
              msg('m_bbbbbbbbbbbb', '2026-11-27T01:00:00.000Z', false),
              msg('m_cccccccccccc', '2026-11-25T01:00:00.000Z', true),
            ],
            unread: 2,
            nextCursor: null,
          },
        };
      }
      if (method === 'POST' && url === '/v1/messages/m_aaaaaaaaaaaa/read') return { statusCode: 200, data: { unread: 1 } };
      throw new Error(`unexpected ${method} ${url}`);
    });
    render(<Messages />);
    await waitFor(() => expect(screen.getAllByTestId('message')).toHaveLength(3));
    expect(screen.getAllByTestId('message').map((m) => m.querySelector('.msg-title')!.textContent)).toEqual([
      '标题m_bbbbbbbbbbbb',
      '标题m_aaaaaaaaaaaa',
      '标题m_cccccccccccc',
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('全部2条未读');
    expect(screen.getAllByTestId('unread-dot')).toHaveLength(2);
    expect(screen.getByText('11月26日 14:05')).toBeInTheDocument();

    fireEvent.click(screen.getByText('标题m_aaaaaaaaaaaa'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/progress/detail/index?appNo=YX20261126000123' });
    await waitFor(() => expect(request.mock.calls.some((c) => c[0].method === 'POST')).toBe(true));
    const read = request.mock.calls.find((c) => c[0].method === 'POST')![0];
    expect(read.url).toBe('/v1/messages/m_aaaaaaaaaaaa/read');
    expect(JSON.parse(read.data)).toEqual({ at: '2026-11-26T06:05:00.000Z' });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('全部1条未读'));
    expect(screen.getAllByTestId('unread-dot')).toHaveLength(1);
  });

  it('opens a work order (SQ…) on the appeal detail page, an application (YX…) on the progress page', async () => {
    saveSession({
      token: 't',
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      user: { id: 'u1', role: 'resident', nickname: '张晓明', level: 1, verified: true },
    });
    request.mockImplementation(async ({ url, method }: { url: string; method: string }) => {
      if (method === 'GET' && url.startsWith('/v1/messages')) {
        return {
          statusCode: 200,
          data: {
            items: [
              msg('m_wowowowowowo', '2026-11-27T01:00:00.000Z', true, 'SQ20261126000007'),
              msg('m_apapapapapap', '2026-11-26T01:00:00.000Z', true, 'YX20261126000123'),
            ],
            unread: 0,
            nextCursor: null,
          },
        };
      }
      throw new Error(`unexpected ${method} ${url}`);
    });
    render(<Messages />);
    await waitFor(() => expect(screen.getAllByTestId('message')).toHaveLength(2));
    expect(screen.getAllByTestId('message-link').map((l) => l.textContent)).toEqual(['查看工单 ›', '查看办件 ›']);
    fireEvent.click(screen.getByText('标题m_wowowowowowo'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/appeal/detail/index?no=SQ20261126000007' });
    fireEvent.click(screen.getByText('标题m_apapapapapap'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/progress/detail/index?appNo=YX20261126000123' });
    // both were read already: no read calls
    expect(request.mock.calls.some((c) => c[0].method === 'POST')).toBe(false);
  });

  it('says so when there are no messages yet', async () => {
    saveSession({
      token: 't',
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      user: { id: 'u1', role: 'resident', nickname: '张晓明', level: 1, verified: true },
    });
    request.mockResolvedValue({ statusCode: 200, data: { items: [], unread: 0, nextCursor: null } });
    render(<Messages />);
    expect(await screen.findByText('暂无消息')).toBeInTheDocument();
  });
});
