import { act, renderHook, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ApiError } from '../api/client';
import { usePagedList, type ListPage } from './usePagedList';

interface Row {
  no: string;
  at: string;
  v?: number;
}
const page = (items: Row[], nextCursor: string | null = null) => ({ items, nextCursor });
const T = Taro as unknown as { __pullDown: () => void; __reachBottom: () => void; stopPullDownRefresh: jest.Mock };

/** Answers resolved by hand, so a test decides what arrives when. */
function deferredFetch() {
  const calls: { cursor?: string; resolve: (p: ListPage<Row>) => void; reject: (e: unknown) => void }[] = [];
  const fetch = jest.fn(
    (cursor?: string) =>
      new Promise<ListPage<Row>>((resolve, reject) => {
        calls.push({ cursor, resolve, reject });
      }),
  );
  return { fetch, calls };
}

beforeEach(() => T.stopPullDownRefresh.mockClear());

describe('usePagedList', () => {
  it('loads the first page, then the next one with its cursor, and knows the end', async () => {
    const fetch = jest.fn(async (cursor?: string) =>
      cursor === 'c1'
        ? page([{ no: 'C', at: '1' }])
        : page(
            [
              { no: 'A', at: '3' },
              { no: 'B', at: '2' },
            ],
            'c1',
          ),
    );
    const { result } = renderHook(() => usePagedList(fetch, []));
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.items.map((r) => r.no)).toEqual(['A', 'B']));
    expect(result.current).toMatchObject({ loading: false, nextCursor: 'c1', paged: true });
    act(() => result.current.loadMore());
    expect(result.current.more).toBe(true);
    await waitFor(() => expect(result.current.items.map((r) => r.no)).toEqual(['A', 'B', 'C']));
    expect(fetch).toHaveBeenLastCalledWith('c1');
    expect(result.current).toMatchObject({ more: false, nextCursor: null });
    act(() => result.current.loadMore()); // at the end: nothing more is asked
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('a 加载更多 tapped while the first page is asked for again is done when that page arrives, not dropped', async () => {
    const { fetch, calls } = deferredFetch();
    const { result } = renderHook(() => usePagedList(fetch, []));
    await act(async () => calls[0].resolve(page([{ no: 'A', at: '2' }], 'c1')));
    await act(async () => void result.current.refresh());
    expect(result.current.loading).toBe(true);
    act(() => result.current.loadMore()); // tapped during the refresh
    expect(fetch).toHaveBeenCalledTimes(2);
    await act(async () => calls[1].resolve(page([{ no: 'A', at: '2' }], 'c2')));
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(fetch).toHaveBeenLastCalledWith('c2'); // the cursor of the page just arrived
    await act(async () => calls[2].resolve(page([{ no: 'B', at: '1' }])));
    expect(result.current.items.map((r) => r.no)).toEqual(['A', 'B']);
    expect(result.current).toMatchObject({ loading: false, more: false, nextCursor: null });
  });

  it('an item on a later page replaces the one shown (no doubles), in the order asked for', async () => {
    const fetch = jest.fn(async (cursor?: string) =>
      cursor
        ? page([
            { no: 'B', at: '5', v: 2 },
            { no: 'C', at: '1' },
          ])
        : page(
            [
              { no: 'A', at: '3' },
              { no: 'B', at: '2', v: 1 },
            ],
            'c1',
          ),
    );
    const newestFirst = (a: Row, b: Row) => b.at.localeCompare(a.at);
    const { result } = renderHook(() => usePagedList(fetch, [], { key: (r) => r.no, sort: newestFirst }));
    await waitFor(() => expect(result.current.items).toHaveLength(2));
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.items.map((r) => `${r.no}${r.v ?? ''}`)).toEqual(['B2', 'A', 'C']));
  });

  it('a new query drops the rows and any answer to the old one', async () => {
    const { fetch, calls } = deferredFetch();
    const { result, rerender } = renderHook(({ tab }) => usePagedList((c) => fetch(`${tab}:${c ?? ''}`), [tab]), { initialProps: { tab: 'todo' } });
    await act(async () => calls[0].resolve(page([{ no: 'A', at: '1' }])));
    expect(result.current.items).toHaveLength(1);
    rerender({ tab: 'done' });
    expect(result.current).toMatchObject({ items: [], loading: true });
    expect(calls[1].cursor).toBe('done:');
    rerender({ tab: 'todo' });
    await act(async () => calls[1].resolve(page([{ no: 'LATE', at: '1' }]))); // answer to a query no longer asked
    expect(result.current.items).toEqual([]);
    await act(async () => calls[2].resolve(page([{ no: 'B', at: '1' }])));
    expect(result.current.items.map((r) => r.no)).toEqual(['B']);
  });

  it('shows the error when nothing could be loaded; a failed refresh keeps the rows and says so under them', async () => {
    const { fetch, calls } = deferredFetch();
    const { result } = renderHook(() => usePagedList(fetch, []));
    await act(async () => calls[0].reject(new ApiError(503, 'X', '网络不太顺畅')));
    expect(result.current).toMatchObject({ loading: false, items: [] });
    expect(result.current.error?.message).toBe('网络不太顺畅');
    act(() => {
      void result.current.refresh();
    });
    expect(result.current.error).toBeUndefined();
    await act(async () => calls[1].resolve(page([{ no: 'A', at: '1' }], 'c1')));
    act(() => {
      void result.current.refresh();
    });
    expect(result.current).toMatchObject({ loading: true, items: [{ no: 'A', at: '1' }] });
    await act(async () => calls[2].reject(new Error('offline')));
    expect(result.current).toMatchObject({ loading: false, items: [{ no: 'A', at: '1' }], error: undefined, moreError: '出了点问题，请重试' });
    act(() => result.current.loadMore());
    await act(async () => calls[3].reject(new ApiError(500, 'X', '服务繁忙')));
    expect(result.current).toMatchObject({ more: false, moreError: '服务繁忙', nextCursor: 'c1' });
  });

  it('pull-down asks for the first page again and stops the spinner; reach-bottom loads more only when asked', async () => {
    const fetch = jest.fn(async (cursor?: string) => page([{ no: cursor ?? 'first', at: '1' }], cursor ? null : 'c1'));
    const { result, rerender } = renderHook(({ bottom }) => usePagedList(fetch, [], { key: (r) => r.no, loadOnReachBottom: bottom }), {
      initialProps: { bottom: false },
    });
    await waitFor(() => expect(result.current.items).toHaveLength(1));
    await act(async () => T.__pullDown());
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch).toHaveBeenLastCalledWith(undefined);
    expect(T.stopPullDownRefresh).toHaveBeenCalledTimes(1);
    act(() => T.__reachBottom());
    expect(fetch).toHaveBeenCalledTimes(2);
    rerender({ bottom: true });
    await act(async () => T.__reachBottom());
    expect(fetch).toHaveBeenLastCalledWith('c1');
    expect(result.current.items.map((r) => r.no)).toEqual(['first', 'c1']);
  });

  it('asks for nothing while not enabled (nobody logged in), and a list without cursors is one whole page', async () => {
    const fetch = jest.fn(async () => ({ items: [{ no: 'A', at: '1' }] }));
    const { result, rerender } = renderHook(({ on }) => usePagedList(fetch, [], { enabled: on }), { initialProps: { on: false } });
    expect(result.current).toMatchObject({ loading: false, items: [] });
    await act(async () => T.__pullDown());
    expect(fetch).not.toHaveBeenCalled();
    expect(T.stopPullDownRefresh).toHaveBeenCalled();
    rerender({ on: true });
    await waitFor(() => expect(result.current.items).toHaveLength(1));
    expect(result.current).toMatchObject({ paged: false, nextCursor: null });
  });

  it('lets the page change rows in place, and keeps the rest of the answer', async () => {
    const fetch = jest.fn(async () => ({ ...page([{ no: 'A', at: '1' }]), unread: 3 }));
    const { result } = renderHook(() => usePagedList(fetch, []));
    await waitFor(() => expect(result.current.last?.unread).toBe(3));
    act(() => result.current.setItems((rows) => rows.map((r) => ({ ...r, v: 9 }))));
    expect(result.current.items[0].v).toBe(9);
  });
});
