import type { UserView } from '@yx/shared';
import { saveSession } from '../src/api/session';

/** A signed-in person for a component test: a session good for an hour (the setup every page test repeated). */
export function signIn(user: UserView): void {
  saveSession({ token: 't', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user });
}
