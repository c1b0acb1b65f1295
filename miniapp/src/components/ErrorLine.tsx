import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';

/** Why the last try failed, as one red line read out at once (role alert); nothing when there is no error. */
export function ErrorLine({ error, className, testId }: { error?: string; className?: string; testId?: string }) {
  if (!error) return null;
  return (
    <View className={className ? `error-text ${className}` : 'error-text'} role="alert" data-testid={testId}>
      {error}
    </View>
  );
}

/**
 * Brings the first error on the page into view once it is shown (issue 14: a toast said 请按提示修改 while the errors sat
 * above the screen). Every form calls it after a check that found something to fix.
 */
export function scrollToFirstError(): void {
  setTimeout(() => {
    Promise.resolve(Taro.pageScrollTo?.({ selector: '.error-text', offsetTop: -160, duration: 200 })).catch(() => undefined);
  }, 50);
}
