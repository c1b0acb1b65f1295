import { reply, route } from '../lib/http';
import { router } from '../lib/router';
import { withinCreationLimit } from '../lib/clientLimits';
import * as files from './service';

export const handler = router([
  route('POST /v1/files', async ({ session, body }) =>
    reply(
      201,
      await withinCreationLimit(
        'files',
        session.userId,
        () => files.createUpload(session.userId, body),
        () => true,
      ),
    ),
  ),
  route('POST /v1/files/{fileId}/complete', ({ session, params }) => files.completeUpload(session.userId, params.fileId)),
]);
