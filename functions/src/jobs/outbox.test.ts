/**
 * The outbox sender against a stand-in for WeChat's token and subscribeMessage.send APIs: templates map our
 * facts to the template's fields, a stale token is renewed once, a person who did not subscribe is final.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { batchPut } from '../guide/repository';
import { seedUserItems } from '../identity/repository';
import { tell } from '../messages/repository';
import { listOutbox, sendOutbox } from './outbox';
import { fieldValue, forgetToken } from './subscribe';

let server: http.Server;
interface SubscribeSend {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
}
const sends: { token: string; body: SubscribeSend }[] = [];
let tokens = 0;
let expiredOnce = true;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    res.setHeader('content-type', 'application/json');
    if (url.pathname === '/cgi-bin/token') {
      tokens++;
      res.end(JSON.stringify({ access_token: `T${tokens}`, expires_in: 7200 }));
      return;
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send') {
      let raw = '';
      req.on('data', (c) => {
        raw += c;
      });
      req.on('end', () => {
        const body = JSON.parse(raw);
        const token = url.searchParams.get('access_token') ?? '';
        if (token === 'T1' && expiredOnce) {
          expiredOnce = false;
          res.end(JSON.stringify({ errcode: 40001, errmsg: 'invalid credential' }));
          return;
        }
        sends.push({ token, body });
        res.end(JSON.stringify(body.touser === 'openid-refuser' ? { errcode: 43101, errmsg: 'user refuse to accept the msg' } : { errcode: 0, errmsg: 'ok' }));
      });
      return;
    }
    res.statusCode = 404;
    res.end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  process.env.WECHAT_API_BASE = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.WECHAT_TEMPLATES = JSON.stringify({
    application_changed: { id: 'TPL-APP', page: 'packages/progress/detail/index', fields: { thing1: 'title', character_string2: 'appNo', time3: 'at' } },
  });
  forgetToken();
});
afterAll(async () => {
  delete process.env.WECHAT_TEMPLATES;
  delete process.env.WECHAT_API_BASE;
  await new Promise((r) => server.close(r));
});

describe('subscribe messages', () => {
  it('sends each recorded change with its template, renews a stale token once, and records who could not be reached', async () => {
    const run = Date.now().toString(36);
    const at = '2031-05-06T02:00:00.000Z';
    await batchPut([
      ...seedUserItems({ id: `u-ob-${run}`, role: 'resident', nickname: '订阅者', openid: `openid-ob-${run}`, createdAt: at, updatedAt: at }),
      ...seedUserItems({ id: `u-ob-ref-${run}`, role: 'resident', nickname: '未订阅', openid: 'openid-refuser', createdAt: at, updatedAt: at }),
      ...seedUserItems({ id: `u-ob-none-${run}`, role: 'resident', nickname: '网页用户', createdAt: at, updatedAt: at }),
    ]);
    // one transaction per message: each moves its reader's unread count
    for (const [u, t] of [
      [`u-ob-${run}`, 'application_changed'],
      [`u-ob-ref-${run}`, 'application_changed'],
      [`u-ob-none-${run}`, 'application_changed'],
      [`u-ob-${run}`, 'workorder_other'],
    ]) {
      await tell([{ userId: u, appNo: 'YX20310506000001', template: t, title: '您的申请“既有住宅增设电梯规划许可”已受理', body: '…' }], at);
    }

    await sendOutbox('20310506');
    const byUser = new Map((await listOutbox('20310506')).map((m) => [`${m.toUserId}|${m.template}`, m.status]));
    expect(byUser.get(`u-ob-${run}|application_changed`)).toBe('sent');
    expect(byUser.get(`u-ob-ref-${run}|application_changed`)).toBe('refused');
    expect(byUser.get(`u-ob-none-${run}|application_changed`)).toBe('no-openid');
    expect(byUser.get(`u-ob-${run}|workorder_other`)).toBe('no-template');

    const mine = sends.find((s) => s.body.touser === `openid-ob-${run}`)!;
    expect(mine.token).toBe('T2'); // T1 was refused as stale, renewed once
    expect(mine.body).toMatchObject({
      template_id: 'TPL-APP',
      page: 'packages/progress/detail/index?appNo=YX20310506000001',
      data: { character_string2: { value: 'YX20310506000001' }, time3: { value: '2031-05-06 10:00' } },
    });
    expect([...mine.body.data.thing1.value].length).toBeLessThanOrEqual(20);

    // sent once: a second run finds nothing pending
    const before = sends.length;
    await sendOutbox('20310506');
    expect(sends.length).toBe(before);
  });

  it('files a record under its Beijing date and still sends it the next day', async () => {
    const run = Date.now().toString(36);
    const at = '2031-06-06T17:30:00.000Z'; // in Beijing it is already 01:30 on 7 June
    await batchPut(seedUserItems({ id: `u-ob-night-${run}`, role: 'resident', nickname: '夜里', openid: `openid-night-${run}`, createdAt: at, updatedAt: at }));
    await tell([{ userId: `u-ob-night-${run}`, appNo: 'YX20310607000001', template: 'application_changed', title: '已受理', body: '…' }], at);
    expect((await listOutbox('20310607')).map((m) => m.toUserId)).toContain(`u-ob-night-${run}`);
    await sendOutbox('20310608'); // the job's next day sweeps yesterday too
    expect((await listOutbox('20310607')).find((m) => m.toUserId === `u-ob-night-${run}`)?.status).toBe('sent');
  });

  it("fits values to WeChat's field limits", () => {
    expect(fieldValue('thing1', '一二三四五六七八九十一二三四五六七八九十一')).toBe('一二三四五六七八九十一二三四五六七八九…');
    expect(fieldValue('time2', '2026-11-26T01:30:00.000Z')).toBe('2026-11-26 09:30');
    expect(fieldValue('character_string3', 'SQ20261126000001')).toBe('SQ20261126000001');
  });
});
