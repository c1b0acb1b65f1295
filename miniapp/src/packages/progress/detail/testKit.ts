/**
 * What the application page's component tests share: the API as the page sees it (GET the application, actions
 * answered by `on`), the calls it made, and a signed-in person on the page of `appNo`.
 */
import Taro from '@tarojs/taro';
import type { ApplicationDetail, UserView } from '@yx/shared';
import { signIn } from '../../../../test/session';

const request = Taro.request as unknown as jest.Mock;

export const ok = (data: unknown) => ({ statusCode: 200, data });

/** The requests made with `method` to a URL starting with `path`. */
export const calls = (method: string, path: string) =>
  request.mock.calls.map((c) => c[0]).filter((o: { method: string; url: string }) => o.method === method && o.url.startsWith(path));

/** GET /v1/applications/{appNo} returns `current()`; a request starting with a key of `on` (e.g. `POST /v1/files`) gets its answer. */
export function serve(appNo: string, current: () => ApplicationDetail, on: Record<string, () => unknown> = {}) {
  request.mockImplementation(async ({ url, method }: { url: string; method: string }) => {
    const key = `${method} ${url}`;
    const hit = Object.keys(on).find((k) => key.startsWith(k));
    if (hit) return on[hit]();
    if (method === 'GET' && url.split('?')[0] === `/v1/applications/${appNo}`) return ok(current());
    throw new Error(`unexpected ${key}`);
  });
}

const RESIDENT: UserView = { id: 'u1', role: 'resident', nickname: '张晓明', level: 2, verified: true };

/** A fresh Taro mock, `user` signed in, on the page of `appNo` (call in beforeEach). */
export function onApplicationPage(appNo: string, user: UserView = RESIDENT) {
  (Taro as unknown as { __reset: () => void }).__reset();
  request.mockReset();
  (Taro.navigateTo as jest.Mock).mockClear();
  (Taro.showModal as jest.Mock).mockClear();
  (Taro.useRouter as jest.Mock).mockReturnValue({ params: { appNo } });
  signIn(user);
}

/** An application as the page gets it, for a test to change what it is about. */
export function application(appNo: string, over: Partial<ApplicationDetail> = {}): ApplicationDetail {
  return {
    appNo,
    itemId: 'food-business-licence',
    itemName: '食品经营许可',
    departmentName: '区市场监管局',
    state: 'accepted',
    stateName: '已受理',
    submittedAt: '2026-11-26T06:05:00Z',
    light: 'green',
    remainingDays: 3,
    deadline: '2026-12-03',
    usedDays: 1,
    promisedDays: 5,
    statutoryDays: 20,
    timeline: [{ at: '2026-11-26T06:05:00Z', actor: '申请人', action: '提交申请' }],
    nextAction: { kind: 'wait', text: '部门正在办理，有进展会第一时间通知您' },
    deferred: [],
    materials: [],
    linked: [],
    ...over,
  };
}
