import http from 'node:http';

/**
 * A stand-in for api.weixin.qq.com on the local stack: jscode2session answers every code with
 * one fixed openid, so WeChat DevTools pointed at the local API logs in as one local user.
 * Codes starting with "err-<errcode>" return that WeChat error, to try the error paths by hand.
 */
export function startFakeWechat(port: number): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    res.setHeader('content-type', 'application/json');
    if (url.pathname !== '/sns/jscode2session') {
      res.statusCode = 404;
      res.end('{}');
      return;
    }
    const code = url.searchParams.get('js_code') ?? '';
    const m = /^err-(-?\d+)$/.exec(code);
    if (m) {
      res.end(JSON.stringify({ errcode: Number(m[1]), errmsg: 'fake error' }));
      return;
    }
    res.end(JSON.stringify({ openid: 'local-devtools-openid', session_key: 'local-session-key' }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
