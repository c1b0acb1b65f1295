import { useDidHide, useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { hallApi, type DeskView } from '../../../api/appointments';
import { asApiError, type ApiError } from '../../../api/client';

/** How often the desk asks again while the page is shown (numbers taken, other windows calling). */
export const DESK_REFRESH_MS = 5000;

export interface Desk {
  desk?: DeskView;
  /** the last refresh failed (shown as the page's error only while there is no desk yet) */
  error?: ApiError;
  loading: boolean;
  refresh: () => Promise<void>;
  /** Runs an action that answers with the desk after it, and shows that desk. */
  apply: (fn: () => Promise<DeskView>) => Promise<DeskView>;
}

/**
 * The officer's desk, asked for every 5 s while the page is shown. Every request is numbered when it starts and a
 * desk is shown only if it is newer than the one on screen, so a refresh that started before an action never
 * overwrites the action's answer; no refresh starts while an action runs.
 */
export function useDesk(): Desk {
  const [desk, setDesk] = useState<DeskView>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [visible, setVisible] = useState(true);
  const started = useRef(0);
  const onScreen = useRef(0);
  const refreshing = useRef(false);
  const acting = useRef(0);

  const show = useCallback((n: number, d: DeskView) => {
    if (n <= onScreen.current) return;
    onScreen.current = n;
    setDesk(d);
    setError(undefined);
  }, []);

  const refresh = useCallback(async () => {
    if (refreshing.current || acting.current > 0) return;
    refreshing.current = true;
    const n = ++started.current;
    try {
      show(n, await hallApi.desk());
    } catch (e) {
      if (n > onScreen.current) setError(asApiError(e));
    } finally {
      refreshing.current = false;
      setLoading(false);
    }
  }, [show]);

  const apply = useCallback(
    async (fn: () => Promise<DeskView>) => {
      acting.current += 1;
      const n = ++started.current;
      try {
        const d = await fn();
        show(n, d);
        return d;
      } finally {
        acting.current -= 1;
      }
    },
    [show],
  );

  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));
  useEffect(() => {
    if (!visible) return;
    void refresh();
    const timer = setInterval(() => void refresh(), DESK_REFRESH_MS);
    return () => clearInterval(timer);
  }, [visible, refresh]);

  return { desk, error, loading: loading && !desk, refresh, apply };
}
