import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { ActedDetail } from '../hooks/useActedDetail';
import { StateView } from './StateView';
import './DetailShell.css';

/**
 * A detail page around useActedDetail: why it was reloaded (a 409's message), 加载中 until the
 * object is there, the error with 重试 when it could not be loaded, then the page's body. A failed
 * reload keeps what is on screen.
 */
export function DetailShell<T>({ detail, children }: { detail: ActedDetail<T>; children: (d: T) => ReactNode }) {
  const { d, state, notice, reload } = detail;
  return (
    <View>
      {notice && (
        <View className="notice" role="alert" data-testid="conflict">
          {notice}
        </View>
      )}
      <StateView loading={state.loading && !d} error={d ? undefined : state.error} onRetry={reload}>
        {d !== undefined && children(d)}
      </StateView>
    </View>
  );
}

/** The red band on top of a detail page: what it is, a few lines under it, and its tags. */
export function DetailHead({ title, lines, children }: { title: ReactNode; lines: ReactNode[]; children?: ReactNode }) {
  return (
    <View className="detail-head">
      <View className="detail-title">{title}</View>
      {lines.map((l, i) => (
        <View key={i} className="detail-sub">
          {l}
        </View>
      ))}
      {children && <View className="detail-tags">{children}</View>}
    </View>
  );
}
