// CORS for the HTTP API: only the configured origins (CORS_ORIGINS, comma-separated), never a reflection of any origin,
// and the headers the client sends (Idempotency-Key included). The mini-program itself needs no CORS; the H5 page on the
// local stack reaches the API through its own server (same origin), so the local default is that server's address.
const LOCAL = ['http://127.0.0.1:8080', 'http://localhost:8080'];
const DEPLOYED = ['https://zwfw.yuexiu.example'];

function origins(options) {
  const stage = (options && options.stage) || 'local';
  const configured = (process.env.CORS_ORIGINS || '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const list = configured.length ? configured : stage === 'local' ? LOCAL : DEPLOYED;
  if (list.includes('*')) throw new Error('CORS_ORIGINS may not be "*": name the H5 origins');
  return list;
}

module.exports = {
  // provider.httpApi.cors
  httpApi: async ({ options }) => ({
    allowedOrigins: origins(options),
    allowedHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key'],
    allowedMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    maxAge: 600,
  }),
  // the files bucket's CORS for the H5 page's presigned POST (wx.uploadFile needs none)
  origins: async ({ options }) => origins(options),
};
