import * as z from 'zod';
import { lazy } from './lazy';

export const Health = lazy(() => z.object({ ok: z.boolean(), stage: z.string() }));
/** The OpenAPI document itself: its shape is the OpenAPI 3.1 spec's, not ours. */
export const OpenApiDocument = lazy(() =>
  z
    .object({
      openapi: z.string(),
      info: z.object({ title: z.string(), version: z.string(), description: z.string().optional() }),
      paths: z.record(z.string(), z.unknown()),
    })
    .passthrough(),
);

/** 订阅消息发件箱 (admin): one day's records, newest first. */
export const OutboxQuery = lazy(() => z.strictObject({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期应为 YYYY-MM-DD' }) }));
export const OutboxRow = lazy(() =>
  z.object({
    id: z.string(),
    at: z.string(),
    toUserId: z.string(),
    template: z.string(),
    data: z.object({ title: z.string(), appNo: z.string().optional() }).passthrough(),
    status: z.string(),
  }),
);
export const OutboxList = lazy(() => z.object({ items: z.array(OutboxRow) }));
