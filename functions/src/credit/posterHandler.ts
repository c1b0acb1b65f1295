import { route } from '../lib/http';
import { getUser } from '../lib/repository';
import { router } from '../lib/router';
import { makePoster, warmUp } from './poster';

/**
 * 信用码公示牌 (issue 20): its own Lambda (`creditPoster`), the only credit function that loads pdf-lib, fontkit and the
 * fonts (a layer), so the `credit` function that serves profiles and ratings stays small.
 */
// a cold container starts loading pdf-lib, fontkit, harfbuzz and the fonts at once (as the issuing function does)
warmUp();

export const handler = router([route('POST /v1/credit/mine/poster', { user: getUser }, ({ user }) => makePoster(user))]);
