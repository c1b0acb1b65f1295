import { buildOpenApi } from '@yx/shared';
import { env } from '../lib/env';
import { route } from '../lib/http';
import { router } from '../lib/router';

let doc: unknown;

export const handler = router([
  route('GET /v1/health', async () => ({ ok: true, stage: env.stage })),
  route('GET /v1/openapi.json', { cacheSeconds: 300 }, async () => (doc ??= buildOpenApi({ includeLocalOnly: env.isLocal }))),
]);
