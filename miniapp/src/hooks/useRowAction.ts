import Taro from '@tarojs/taro';
import { useState } from 'react';
import { asApiError } from '../api/client';

/**
 * One action on one row of a list (revoke, accept, disable): that row's button is busy while it runs; success is a
 * toast and a reload of the list, a failure a toast with the server's message (then `onError`, e.g.
 * a reload of a queue that others work on, where a failure usually means the row was decided meanwhile).
 */
export function useRowAction(reload: () => void, o: { onError?: () => void } = {}) {
  const [busy, setBusy] = useState<string>();
  const run = async (key: string, fn: () => Promise<unknown>, done: string) => {
    setBusy(key);
    try {
      await fn();
      Taro.showToast({ title: done, icon: 'success' });
      reload();
    } catch (e) {
      Taro.showToast({ title: asApiError(e).message, icon: 'none' });
      o.onError?.();
    } finally {
      setBusy(undefined);
    }
  };
  return { busy, run };
}
