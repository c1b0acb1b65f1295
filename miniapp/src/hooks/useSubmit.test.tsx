import { act, renderHook } from '@testing-library/react';
import { useSubmit } from './useSubmit';

describe('useSubmit', () => {
  it('is busy while it runs and ignores a second tap meanwhile', async () => {
    let finish: () => void = () => undefined;
    const fn = jest.fn(
      () =>
        new Promise<void>((r) => {
          finish = r;
        }),
    );
    const { result } = renderHook(() =>
      useSubmit(
        () => undefined,
        () => undefined,
      ),
    );
    let first: Promise<void> = Promise.resolve();
    act(() => {
      first = result.current.send(fn);
    });
    expect(result.current.busy).toBe(true);
    await act(async () => {
      await result.current.send(fn);
    });
    expect(fn).toHaveBeenCalledTimes(1);
    await act(async () => {
      finish();
      await first;
    });
    expect(result.current.busy).toBe(false);
  });

  it('a failure goes to onError, and its message (if any) to the form', async () => {
    const report = jest.fn();
    const onError = jest.fn((e: unknown) => ((e as Error).message === 'conflict' ? undefined : '请重试'));
    const { result } = renderHook(() => useSubmit(onError, report));
    await act(async () => {
      await result.current.send(async () => {
        throw new Error('conflict');
      });
    });
    expect(report).not.toHaveBeenCalled();
    await act(async () => {
      await result.current.send(async () => {
        throw new Error('boom');
      });
    });
    expect(report).toHaveBeenCalledWith('请重试');
    expect(onError).toHaveBeenCalledTimes(2);
  });
});
