import { callText } from '@yx/shared';

type Voices = { getVoices?: () => SpeechSynthesisVoice[] };

/** The browser's speech, when it has one (a TV's browser, a PC); none in the mini-program or an old WebView. */
function speech(): { synth: SpeechSynthesis & Voices; Utterance: typeof SpeechSynthesisUtterance } | undefined {
  if (typeof window === 'undefined') return undefined;
  const w = window as { speechSynthesis?: SpeechSynthesis; SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance };
  if (!w.speechSynthesis || typeof w.SpeechSynthesisUtterance !== 'function') return undefined;
  return { synth: w.speechSynthesis, Utterance: w.SpeechSynthesisUtterance };
}

export const canSpeak = () => speech() !== undefined;

/** 「请 A 0 1 2 号到 3 号窗口」: the number read digit by digit (A 零一二), as halls announce it, not as 十二. */
export const spokenText = (no: string, windowNo: number) => callText(no.split('').join(' '), windowNo);

/**
 * Says a call in Mandarin. A browser that refuses to speak before anyone has touched the page (Chrome's autoplay rule)
 * reports `not-allowed`: onBlocked then offers a button to turn the voice on. Never throws.
 */
export function speak(text: string, onBlocked?: () => void): void {
  const s = speech();
  if (!s) return;
  try {
    const u = new s.Utterance(text);
    u.lang = 'zh-CN';
    u.rate = 0.9;
    const voice = s.synth.getVoices?.().find((v) => /^zh[-_]CN/i.test(v.lang));
    if (voice) u.voice = voice;
    u.onerror = (e) => {
      if (e.error === 'not-allowed') onBlocked?.();
    };
    s.synth.speak(u);
  } catch {
    // a browser with the API but no voices: the screen still shows the call
  }
}

/** Stops what is being said (the page closes). */
export function hush(): void {
  try {
    speech()?.synth.cancel();
  } catch {
    // nothing to stop
  }
}
