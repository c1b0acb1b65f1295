import { CreateUploadRequest, FileParams } from '@yx/shared';
import { reply, route } from '../lib/http';
import { router } from '../lib/router';
import * as files from './service';

const PEOPLE = ['resident', 'enterprise', 'staff', 'grid', 'dispatcher', 'admin'] as const;

export const handler = router({
  'POST /v1/files': route({ auth: [...PEOPLE], body: CreateUploadRequest }, async ({ session, body }) => reply(201, await files.createUpload(session.userId, body))),
  'POST /v1/files/{fileId}/complete': route({ auth: [...PEOPLE], params: FileParams }, ({ session, params }) => files.completeUpload(session.userId, params.fileId)),
});
