import type { ReactNode } from 'react';
import { ErrorLine } from './ErrorLine';
import { Button } from './Button';

export interface SendButtonProps {
  className: string;
  /** Why the last try failed, shown above the button. */
  error?: string;
  /** Extra class of the error line (its spacing on the page). */
  errorClassName?: string;
  errorTestId?: string;
  testId?: string;
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
export function SendButton({ className, error, errorClassName, errorTestId, testId, busy, disabled, onClick, children }: SendButtonProps) {
  return (
    <>
      <ErrorLine error={error} className={errorClassName} testId={errorTestId} />
      <Button className={className} data-testid={testId} disabled={busy || disabled || undefined} loading={busy || undefined} onClick={onClick}>
        {children}
      </Button>
    </>
  );
}
