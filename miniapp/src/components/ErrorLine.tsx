import { View } from '@tarojs/components';

/** Why the last try failed, as one red line read out at once (role alert); nothing when there is no error. */
export function ErrorLine({ error, className, testId }: { error?: string; className?: string; testId?: string }) {
  if (!error) return null;
  return (
    <View className={className ? `error-text ${className}` : 'error-text'} role="alert" data-testid={testId}>
      {error}
    </View>
  );
}
