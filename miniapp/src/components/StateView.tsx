import { View } from '@tarojs/components';
import type { PropsWithChildren, ReactNode } from 'react';
import type { ApiError } from '../api/client';
import './StateView.css';
import { Button } from './Button';

/** Loading, error (with retry) and empty states, so no page is ever just blank. */
export function StateView({
  loading,
  error,
  empty,
  emptyText = '暂无内容',
  onRetry,
  children,
}: PropsWithChildren<{ loading?: boolean; error?: ApiError; empty?: boolean; emptyText?: ReactNode; onRetry?: () => void }>) {
  if (loading)
    return (
      <View className="state state-loading" role="status">
        加载中…
      </View>
    );
  if (error)
    return (
      <View className="state state-error" role="alert">
        <View>{error.message}</View>
        {onRetry && (
          <Button className="btn btn-plain state-retry" onClick={() => onRetry()}>
            重试
          </Button>
        )}
      </View>
    );
  if (empty)
    return (
      <View className="state state-empty" data-testid="empty">
        {emptyText}
      </View>
    );
  return <>{children}</>;
}
