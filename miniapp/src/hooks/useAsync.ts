import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../api/client';

export interface AsyncState<T> {
  data?: T;
  error?: ApiError;
  loading: boolean;
  reload: () => void;
}

/** Loads once and on demand; the error keeps the server's Chinese message. */
export function useAsync<T>(fn: () => Promise<T>, deps: unknown[]): AsyncState<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const seq = useRef(0);
  const run = useCallback(() => {
    const n = ++seq.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    fn().then(
      (data) => {
        if (n === seq.current) setState({ data, loading: false });
      },
      // a failed refresh keeps what is already on screen; pages show the error only when there is nothing to show
      (e) => {
        if (n === seq.current) setState((s) => ({ data: s.data, error: asApiError(e), loading: false }));
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what the request depends on
  }, deps);
  useEffect(run, [run]);
  return { ...state, reload: run };
}
