import { useRef, useState } from 'react';

/**
 * One submit at a time for an action form: busy while it runs, a second tap ignored; a failure goes to the
 * page's onError (useActedDetail: a 409 notice and reload) and, when it returns a message, to the form's own error line.
 */
export function useSubmit(onError: (e: unknown) => string | undefined, report: (message: string) => void) {
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const send = async (fn: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      const m = onError(e);
      if (m) report(m);
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  return { busy, send };
}
