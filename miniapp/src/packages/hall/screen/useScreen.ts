import { useCallback, useEffect, useRef, useState } from 'react';
import { appointmentsApi, type ScreenView } from '../../../api/appointments';
import { asApiError, type ApiError } from '../../../api/client';
import { canSpeak, hush, speak, spokenText } from './speech';

/** Asked every 1.5 s, so a call is on the screen within 2 s of the officer's tap. */
export const SCREEN_POLL_MS = 1500;
/** How long a new call stays highlighted. */
export const FLASH_MS = 6000;
/** After a gap (the network was down), only the newest few calls are said: older ones are history. */
const SAY_AT_MOST = 3;

export type Voice = 'on' | 'blocked' | 'none';

export interface Screen {
  view?: ScreenView;
  /** the last request failed: the screen keeps what it shows and says it is reconnecting */
  error?: ApiError;
  /** the seq of the call being highlighted */
  flash?: number;
  voice: Voice;
  retry: () => void;
  /** a tap on the screen lets a browser that refused to speak do so */
  enableVoice: () => void;
}

/**
 * The hall screen's data, polled without reloading. Each call carries a `seq` that grows with every call and recall:
 * a seq above the last one seen is new, and is said aloud and highlighted. The first answer (and a new day, or a
 * server that counts again from 1) is only shown: what is already on the screen is not news.
 */
export function useScreen(pointId: string): Screen {
  const [view, setView] = useState<ScreenView>();
  const [error, setError] = useState<ApiError>();
  const [flash, setFlash] = useState<number>();
  const [voice, setVoice] = useState<Voice>(() => (canSpeak() ? 'on' : 'none'));
  const seen = useRef<{ pointId: string; date: string; seq: number }>();
  const loading = useRef(false);

  const load = useCallback(async () => {
    if (loading.current) return;
    loading.current = true;
    try {
      const v = await appointmentsApi.screen(pointId);
      const newest = v.calls.reduce((m, c) => Math.max(m, c.seq), 0);
      const before = seen.current;
      if (before && before.pointId === pointId && before.date === v.date && newest >= before.seq) {
        const fresh = v.calls.filter((c) => c.seq > before.seq).sort((a, b) => a.seq - b.seq);
        fresh.slice(-SAY_AT_MOST).forEach((c) => speak(spokenText(c.no, c.windowNo), () => setVoice('blocked')));
        if (fresh.length > 0) setFlash(newest);
      }
      seen.current = { pointId, date: v.date, seq: newest };
      setView(v);
      setError(undefined);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      loading.current = false;
    }
  }, [pointId]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), SCREEN_POLL_MS);
    return () => clearInterval(timer);
  }, [load]);
  useEffect(() => hush, []);

  useEffect(() => {
    if (flash === undefined) return;
    const timer = setTimeout(() => setFlash(undefined), FLASH_MS);
    return () => clearTimeout(timer);
  }, [flash]);

  const enableVoice = useCallback(() => {
    setVoice('on');
    speak('语音播报已开启');
  }, []);

  return { view, error, flash, voice, retry: () => void load(), enableVoice };
}
