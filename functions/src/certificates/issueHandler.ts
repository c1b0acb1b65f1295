import { route } from '../lib/http';
import { router } from '../lib/router';
import { getUser } from '../lib/repository';
import { issueForApplication } from './issue';

/**
 * The issuing function (出具电子证明): its own Lambda, the only one that loads pdf-lib, the fonts (a layer) and a
 * department's private sealing key.
 */
export const handler = router([
  route('POST /v1/applications/{appNo}/document', { user: getUser }, ({ user, params }) => issueForApplication(user, params.appNo)),
]);
