import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';

/**
 * Why the last try failed, as one red line read out at once (role alert); nothing when there is no error.
 * A line that appears brings the first error on the page into view, so every form does it (issue 14).
 */
export function ErrorLine({ error, className, testId }: { error?: string; className?: string; testId?: string }) {
  useEffect(() => {
    if (error) scrollToFirstError();
  }, [error]);
  if (!error) return null;
  return (
    <View className={className ? `error-text ${className}` : 'error-text'} role="alert" data-testid={testId}>
      {error}
    </View>
  );
}

let pending: ReturnType<typeof setTimeout> | undefined;

/**
 * Brings the first error on the page into view once it is shown (issue 14: a toast said 请按提示修改 while the errors sat
 * above the screen). Several lines appearing at once scroll once, to the first.
 */
export function scrollToFirstError(): void {
  if (pending) clearTimeout(pending);
  pending = setTimeout(() => {
    pending = undefined;
    Promise.resolve(Taro.pageScrollTo?.({ selector: '.error-text', offsetTop: -160, duration: 200 })).catch(() => undefined);
  }, 50);
}
