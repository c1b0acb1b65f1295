import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { useElderMode } from '../hooks/useElderMode';

/** Every page's root: applies the large-text mode (适老化) when it is on. */
export function Page({ children, className = '' }: PropsWithChildren<{ className?: string }>) {
  const [elder] = useElderMode();
  return <View className={`page ${elder ? 'elder' : ''} ${className}`}>{children}</View>;
}
