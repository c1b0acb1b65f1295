import { View } from '@tarojs/components';
import { useEffect, useRef, type PropsWithChildren } from 'react';
import { useElderMode } from '../hooks/useElderMode';
import { ActingBanner } from './ActingBanner';

type DomLike = { closest?: (selector: string) => Element | null };

/** Every page's root: applies the large-text mode (适老化) when it is on, and says when acting for a relative. */
export function Page({ children, className = '' }: PropsWithChildren<{ className?: string }>) {
  const [elder] = useElderMode();
  const root = useRef<DomLike>(null);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
    // Taro's title bar and tab bar sit outside the page, so the root element carries the mode for their styles
    document.documentElement.classList.toggle('elder-mode', elder);
  }, [elder]);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return;
    // Taro's page box is what scrolls: reachable by keyboard even on a page with no control (axe: scrollable-region-focusable)
    const scroller = root.current?.closest?.('.taro_page');
    if (scroller && !scroller.hasAttribute('tabindex')) scroller.setAttribute('tabindex', '0');
  }, []);
  return (
    <View ref={root as never} className={`page ${elder ? 'elder' : ''} ${className}`}>
      <ActingBanner />
      {children}
    </View>
  );
}
