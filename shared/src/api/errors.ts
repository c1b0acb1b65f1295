import * as z from 'zod';
import { lazy } from './lazy';

/** The one error shape of the API: { error: { code, message, details? } }, message in Chinese. */
export const ErrorCode = lazy(() =>
  z.enum([
    'VALIDATION_FAILED',
    'BODY_TOO_LARGE',
    'UNSUPPORTED_MEDIA_TYPE',
    'UNAUTHENTICATED',
    'FORBIDDEN',
    'NOT_FOUND',
    'CONFLICT',
    'RULE_VIOLATION',
    'TOO_MANY_REQUESTS',
    'UPSTREAM_FAILED',
    'UNAVAILABLE',
    'INTERNAL',
  ]),
);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = lazy(() =>
  z.object({
    error: z.object({
      code: ErrorCode,
      message: z.string(),
      details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    }),
  }),
);
export type ErrorBody = z.infer<typeof ErrorBody>;
