/** The back office's API tests share these: the clock, an officer's view and actions, a resident's elevator case, an inbox. */
import { call } from './http';
import { fill, getForm, login } from './apply';
import { handler as applications } from '../src/applications/handler';
import { handler as messages } from '../src/messages/handler';
import { handler as backoffice } from '../src/backoffice/handler';

/** Moves this test file's clock (FAKE_NOW); an `afterEach` should delete it. */
export const at = (iso: string) => {
  process.env.FAKE_NOW = iso;
};

/** The officer's view of an application (the body). */
export const view = async (token: string, appNo: string) => (await call(backoffice, 'GET /v1/staff/applications/{appNo}', { token, params: { appNo } })).body;

/** One staff action (the whole answer: status and body). */
export const act = (token: string, appNo: string, action: string, body: object) =>
  call(backoffice, 'POST /v1/staff/applications/{appNo}/{action}', { token, params: { appNo, action }, body });

let seq = 0;
/** 既有住宅加装电梯 by 张晓明 (北京街): owned by planning, opinions from housing, fire and market. */
export async function elevatorApplication() {
  const token = await login('u-resident-zhang');
  const form = await getForm(token, 'item-elevator-installation');
  const { answers } = await fill(token, form);
  const r = await call((e) => applications({ ...e, headers: { ...e.headers, 'idempotency-key': `office-${Date.now()}-${++seq}` } }), 'POST /v1/applications', {
    token,
    body: { itemId: 'elevator-installation', answers },
  });
  expect([r.status, r.body.error?.message]).toEqual([201, undefined]);
  return { token, appNo: r.body.appNo as string };
}

/**
 * A person's messages about one application, every page: a seeded person's inbox is shared with other test files, and
 * a file whose clock is in the past sorts its messages behind theirs.
 */
export async function inboxAbout(token: string, appNo: string) {
  const out: { appNo?: string; title: string; body: string }[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 40; page++) {
    const r = (await call(messages, 'GET /v1/messages', { token, query: { limit: '50', ...(cursor ? { cursor } : {}) } })).body;
    out.push(...(r.items as typeof out));
    cursor = r.nextCursor ?? undefined;
    if (!cursor) break;
  }
  return out.filter((m) => m.appNo === appNo);
}
