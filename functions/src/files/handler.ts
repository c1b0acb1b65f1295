import { reply, route } from '../lib/http';
import { router } from '../lib/router';
import * as files from './service';

export const handler = router([
  route('POST /v1/files', async ({ session, body }) => reply(201, await files.createUpload(session.userId, body))),
  route('POST /v1/files/{fileId}/complete', ({ session, params }) => files.completeUpload(session.userId, params.fileId)),
]);
