import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';

/**
 * A stand-in for api.weixin.qq.com on the local stack and in the tests. It speaks WeChat's contracts:
 * - `/sns/jscode2session` answers every code with one fixed openid, so WeChat DevTools pointed at the local API logs
 *   in as one local user; codes starting with "err-<errcode>" return that WeChat error.
 * - `/cgi-bin/token` gives an access_token; the server APIs below check it (40001 otherwise).
 * - Face verification: `getverifyid` opens a session for the certificate given; `/stand-in/face/verify` plays the
 *   phone's `wx.requestFacialVerify` (there is no such URL at WeChat); `queryverifyinfo` gives the result once.
 *   A name containing 测试失败 fails the face check (verify_ret 10003); outcome "cancel" answers 90002; a session never
 *   played answers 90017 (timed out); a verify_id asked twice, or with another out_seq_no, cert_hash or openid, answers
 *   as WeChat does for an invalid one (40097).
 * - Phone numbers: `/wxa/business/getuserphonenumber` turns a code "phone-<11 digits>" into that number, with a
 *   watermark of the appid (`appid` option; "phone-<number>-otherapp" carries another mini-program's); any other code,
 *   or one used before, answers 40029 (a code is good for 5 minutes, once).
 */
export const STAND_IN_TOKEN = 'local-access-token';

interface FaceSession {
  outSeqNo: string;
  certHash: string;
  openid: string;
  name: string;
  ret?: number;
  asked?: boolean;
}

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  try {
    const v = JSON.parse(raw || '{}');
    return v && typeof v === 'object' ? v : {};
  } catch {
    return {};
  }
}

export function startFakeWechat(port: number, opts: { appid?: string } = {}): Promise<http.Server> {
  const faces = new Map<string, FaceSession>();
  const usedPhoneCodes = new Set<string>();
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const answer = (body: object) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(body));
    };
    const tokenOk = url.searchParams.get('access_token') === STAND_IN_TOKEN;
    switch (url.pathname) {
      case '/sns/jscode2session': {
        const code = url.searchParams.get('js_code') ?? '';
        const m = /^err-(-?\d+)$/.exec(code);
        if (m) return answer({ errcode: Number(m[1]), errmsg: 'fake error' });
        return answer({ openid: 'local-devtools-openid', session_key: 'local-session-key' });
      }
      case '/cgi-bin/token':
        return answer({ access_token: STAND_IN_TOKEN, expires_in: 7200 });
      case '/cityservice/face/identify/getverifyid': {
        if (!tokenOk) return answer({ errcode: 40001, errmsg: 'invalid credential' });
        const b = await readJson(req);
        const cert = (b.cert_info ?? {}) as Record<string, string>;
        if (typeof b.out_seq_no !== 'string' || typeof b.openid !== 'string' || cert.cert_type !== 'IDENTITY_CARD' || !cert.cert_name || !cert.cert_no) {
          return answer({ errcode: 40097, errmsg: 'invalid args' });
        }
        const verifyId = `fv-${randomUUID()}`;
        faces.set(verifyId, {
          outSeqNo: b.out_seq_no,
          openid: b.openid,
          name: cert.cert_name,
          certHash: md5(`cert_type=IDENTITY_CARD&cert_name=${cert.cert_name}&cert_no=${cert.cert_no}`),
        });
        return answer({ errcode: 0, errmsg: 'ok', verify_id: verifyId, expires_in: 3600 });
      }
      case '/stand-in/face/verify': {
        const b = await readJson(req);
        const s = faces.get(String(b.verify_id));
        if (!s || s.asked) return answer({ errCode: 90018, errMsg: 'requestFacialVerify:fail invalid verifyId' });
        s.ret = b.outcome === 'cancel' ? 90002 : s.name.includes('测试失败') ? 10003 : 10000;
        return answer({ errCode: s.ret === 10000 ? 0 : s.ret, errMsg: s.ret === 10000 ? 'requestFacialVerify:ok' : 'requestFacialVerify:fail' });
      }
      case '/cityservice/face/identify/queryverifyinfo': {
        if (!tokenOk) return answer({ errcode: 40001, errmsg: 'invalid credential' });
        const b = await readJson(req);
        const s = faces.get(String(b.verify_id));
        if (!s || s.asked || s.outSeqNo !== b.out_seq_no || s.openid !== b.openid || s.certHash !== b.cert_hash) {
          return answer({ errcode: 40097, errmsg: 'invalid args' });
        }
        s.asked = true;
        return answer({ errcode: 0, errmsg: 'ok', verify_ret: s.ret ?? 90017 });
      }
      case '/wxa/business/getuserphonenumber': {
        if (!tokenOk) return answer({ errcode: 40001, errmsg: 'invalid credential' });
        const code = String((await readJson(req)).code ?? '');
        const m = /^phone-(1\d{10})(-otherapp)?(?:-.*)?$/.exec(code);
        if (!m || usedPhoneCodes.has(code)) return answer({ errcode: 40029, errmsg: 'invalid code' });
        usedPhoneCodes.add(code);
        return answer({
          errcode: 0,
          errmsg: 'ok',
          phone_info: {
            phoneNumber: m[1],
            purePhoneNumber: m[1],
            countryCode: '86',
            watermark: { timestamp: Math.floor(Date.now() / 1000), appid: m[2] ? 'wx-other-app' : (opts.appid ?? 'wx-local-app') },
          },
        });
      }
      default:
        res.statusCode = 404;
        return answer({});
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
