import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../api/client';

/** What a list endpoint answers: some items and, when it pages, the cursor of the next page (null at the end). */
export interface ListPage<T> {
  items: T[];
  nextCursor?: string | null;
}

export interface PagedListOptions<T> {
  /** false while the list cannot be asked for (nobody logged in): nothing is loaded. */
  enabled?: boolean;
  /** An item's identity: one that comes again on a later page replaces the one shown instead of doubling it. */
  key?: (item: T) => string;
  /** Order of the rows on screen, when the server's pages are not already in it. */
  sort?: (a: T, b: T) => number;
  /** Also load the next page when the page is scrolled to the bottom (besides the 加载更多 button). */
  loadOnReachBottom?: boolean;
  /** Ask for the first page again when the person comes back to the page (default); off for lists that do not change meanwhile (the guide's catalogue), so the pages loaded stay. */
  refreshOnShow?: boolean;
}

export interface PagedList<T, P = ListPage<T>> {
  items: T[];
  /** The last page received, for what else the endpoint answers (unread count, balance, street). */
  last?: P;
  nextCursor: string | null;
  /** The endpoint pages (its answers carry nextCursor): 加载更多 and 没有更多了 apply. */
  paged: boolean;
  /** The first page is on its way (a refresh keeps the rows on screen until the new ones arrive). */
  loading: boolean;
  /** The next page is on its way. */
  more: boolean;
  /** Nothing could be loaded: shown instead of the list, with 重试. */
  error?: ApiError;
  /** A next page or a refresh failed: the rows stay, this is said under them. */
  moreError?: string;
  /** First page of the current query again (retry, pull-down, back on the page). */
  refresh: () => Promise<void>;
  loadMore: () => void;
  /** Change rows in place (e.g. mark a message read) without asking the server. */
  setItems: (update: (items: T[]) => T[]) => void;
}

/** What the hook keeps: everything it answers but the actions. */
type State<T, P> = Omit<PagedList<T, P>, 'refresh' | 'loadMore' | 'setItems'>;
const initial = <T, P>(loading: boolean): State<T, P> => ({ items: [], nextCursor: null, paged: false, loading, more: false });

/** Back on the page sooner than this after a load (the first show comes right after the first load): no refresh. */
const SHOW_REFRESH_AFTER_MS = 1000;

/**
 * A list page's data: the first page when `deps` change (the old rows go, the query is another),
 * the next one on 加载更多 (or at the bottom, when asked), and the first again on pull-down and when
 * the person comes back to the page (an action elsewhere may have changed a row). Answers that
 * arrive after a newer request are dropped.
 */
export function usePagedList<P extends ListPage<unknown>, T = P['items'][number]>(
  fetch: (cursor?: string) => Promise<P>,
  deps: unknown[],
  { enabled = true, key, sort, loadOnReachBottom = false, refreshOnShow = true }: PagedListOptions<T> = {},
): PagedList<T, P> {
  const [s, setS] = useState<State<T, P>>(() => initial(enabled));
  const seq = useRef(0);
  const lastLoad = useRef(0);
  // 加载更多 tapped while the first page is being asked for again: done when it arrives, not dropped
  const moreAfterRefresh = useRef(false);
  // the latest of what the page passes, without making every render a new query
  const latest = useRef({ fetch, key, sort, s });
  latest.current = { fetch, key, sort, s };

  const ordered = (items: T[]) => (latest.current.sort ? [...items].sort(latest.current.sort) : items);
  const merged = (shown: T[], next: T[]) => {
    const k = latest.current.key;
    if (!k) return ordered([...shown, ...next]);
    const fresh = new Map(next.map((i) => [k(i), i]));
    const seen = new Set(shown.map(k));
    return ordered([...shown.map((i) => fresh.get(k(i)) ?? i), ...next.filter((i) => !seen.has(k(i)))]);
  };

  /** 'reset': a new query, nothing kept; 'refresh': the same query again, rows kept; 'more': the next page. */
  const load = useCallback((how: 'reset' | 'refresh' | 'more', cursor?: string): Promise<void> => {
    const n = ++seq.current;
    lastLoad.current = Date.now();
    if (how === 'reset') moreAfterRefresh.current = false;
    setS((x) =>
      how === 'more'
        ? { ...x, more: true, moreError: undefined }
        : how === 'refresh'
          ? { ...x, loading: true, error: undefined, moreError: undefined }
          : initial(true),
    );
    return latest.current.fetch(how === 'more' ? cursor : undefined).then(
      (r) => {
        if (n !== seq.current) return;
        setS((x) => ({
          items: how === 'more' ? merged(x.items, r.items as T[]) : ordered(r.items as T[]),
          last: r,
          nextCursor: r.nextCursor ?? null,
          paged: 'nextCursor' in r,
          loading: false,
          more: false,
        }));
        if (how === 'refresh' && moreAfterRefresh.current) {
          moreAfterRefresh.current = false;
          if (r.nextCursor) void load('more', r.nextCursor);
        }
      },
      (e) => {
        if (n !== seq.current) return;
        const err = asApiError(e);
        // with rows on screen they stay and the failure is said under them; with none, it replaces the list
        setS((x) => (x.items.length ? { ...x, loading: false, more: false, moreError: err.message } : { ...initial(false), error: err }));
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reads the latest options through a ref
  }, []);

  useEffect(() => {
    if (enabled) void load('reset');
    else {
      seq.current++;
      setS(initial(false));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the page names what makes it another query
  }, [enabled, load, ...deps]);

  const refresh = useCallback(() => (enabled ? load('refresh') : Promise.resolve()), [enabled, load]);
  const loadMore = useCallback(() => {
    const x = latest.current.s;
    if (!enabled || x.more) return;
    if (x.loading && x.items.length) moreAfterRefresh.current = true;
    else if (x.nextCursor && !x.loading) void load('more', x.nextCursor);
  }, [enabled, load]);
  const setItems = useCallback((update: (items: T[]) => T[]) => setS((x) => ({ ...x, items: update(x.items) })), []);

  useDidShow(() => {
    if (refreshOnShow && enabled && Date.now() - lastLoad.current > SHOW_REFRESH_AFTER_MS) void refresh();
  });
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    if (loadOnReachBottom) loadMore();
  });

  return { ...s, refresh, loadMore, setItems };
}
