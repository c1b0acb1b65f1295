import { Button, View } from '@tarojs/components';
import type { ReactNode } from 'react';

export interface SendButtonProps {
  className: string;
  /** Why the last try failed, shown above the button. */
  error?: string;
  busy: boolean;
  /** Also greyed out while something else runs (an upload), without the spinner. */
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}

/**
 * An action's button with its error line above it. disabled/loading are passed as true or undefined:
 * H5 renders false as disabled="false", which .btn[disabled] greys out.
 */
export function SendButton({ className, error, busy, disabled, onClick, children }: SendButtonProps) {
  return (
    <>
      {error && (
        <View className="error-text" role="alert">
          {error}
        </View>
      )}
      <Button className={className} disabled={busy || disabled || undefined} loading={busy || undefined} onClick={onClick}>
        {children}
      </Button>
    </>
  );
}
