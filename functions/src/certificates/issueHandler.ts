import { route } from '../lib/http';
import { router } from '../lib/router';
import { getUser } from '../lib/repository';
import { issueForApplication } from './issue';
import { warmUp } from './pdf';

/**
 * The issuing function (出具电子证明): its own Lambda, the only one that loads pdf-lib, the fonts (a layer) and a
 * department's private sealing key.
 */
// a cold container starts loading pdf-lib, fontkit, harfbuzz and the fonts at once, so the first certificate does not
// pay for them (locally the stack's warm-up call starts this; in Lambda the init phase does)
warmUp();

export const handler = router([
  route('POST /v1/applications/{appNo}/document', { user: getUser }, ({ user, params }) => issueForApplication(user, params.appNo)),
]);
