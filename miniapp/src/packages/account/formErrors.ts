import type * as z from 'zod';

/** First message per field, for showing under each input. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues) {
    const k = String(i.path[0] ?? '');
    if (!out[k]) out[k] = i.message;
  }
  return out;
}
