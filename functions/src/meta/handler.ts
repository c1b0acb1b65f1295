import { buildOpenApi } from '@yx/shared';
import { env } from '../lib/env';
import { route } from '../lib/http';
import { router } from '../lib/router';

let doc: unknown;

export const handler = router({
  'GET /v1/health': route({ auth: 'public' }, async () => ({ ok: true, stage: env.stage })),
  'GET /v1/openapi.json': route({ auth: 'public', cacheSeconds: 300 }, async () => (doc ??= buildOpenApi({ includeLocalOnly: env.isLocal }))),
});
