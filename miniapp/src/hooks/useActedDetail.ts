import Taro from '@tarojs/taro';
import { useState } from 'react';
import { asApiError } from '../api/client';
import { useAsync, type AsyncState } from './useAsync';

/** What the parts of a detail page get to act on the object: it, and where the outcome goes. */
export interface ActProps<T> {
  d: T;
  /** The fresh object an action returned, and the (≤ 7 character) toast that says it is done. */
  onDone: (d: T, toast: string) => void;
  /** The message to show beside the action, or undefined when the page handled it (409: notice and reload). */
  onError: (e: unknown) => string | undefined;
}

export interface ActedDetail<T> extends Omit<ActProps<T>, 'd'> {
  d?: T;
  state: AsyncState<T | undefined>;
  /** Why the object was reloaded under the person's hands (someone else acted first). */
  notice?: string;
  reload: () => void;
}

/**
 * A detail page whose object a person acts on (application, work order, staff view): the loaded
 * object, replaced by what an action returns; a 409 (someone else changed it meanwhile) shows the
 * server's message and reloads, any other error goes back to the action to show beside it.
 */
export function useActedDetail<T>(load: () => Promise<T | undefined>, deps: unknown[]): ActedDetail<T> {
  const state = useAsync(load, deps);
  const [fresh, setFresh] = useState<T>();
  const [notice, setNotice] = useState<string>();
  const reload = () => {
    setFresh(undefined);
    state.reload();
  };
  const onDone = (next: T, toast: string) => {
    setNotice(undefined);
    setFresh(next);
    Taro.showToast({ title: toast, icon: 'success' });
  };
  const onError = (e: unknown): string | undefined => {
    const err = asApiError(e);
    if (err.status === 409) {
      setNotice(err.message);
      reload();
      return undefined;
    }
    return err.message;
  };
  return { d: fresh ?? state.data, state, notice, reload, onDone, onError };
}
