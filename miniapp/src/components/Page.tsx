import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { useElderMode } from '../hooks/useElderMode';
import { ActingBanner } from './ActingBanner';

/** Every page's root: applies the large-text mode (适老化) when it is on, and says when acting for a relative. */
export function Page({ children, className = '' }: PropsWithChildren<{ className?: string }>) {
  const [elder] = useElderMode();
  return (
    <View className={`page ${elder ? 'elder' : ''} ${className}`}>
      <ActingBanner />
      {children}
    </View>
  );
}
