// The development login (pick a seeded user) exists on the local stage only:
// any other stage gets no such function and no such route.
module.exports = async ({ options }) => {
  const stage = options.stage || 'local';
  if (stage !== 'local') return {};
  return {
    devLogin: {
      handler: 'functions/src/identity/handler.devHandler',
      environment: { SESSION_SECRET: '${self:custom.secrets.local.session}', WECHAT_API_BASE: '${self:custom.secrets.local.wechatApiBase}' },
      events: [{ httpApi: 'GET /v1/dev/users' }, { httpApi: 'POST /v1/dev/login' }, { httpApi: 'POST /v1/dev/face/{verifyId}' }],
    },
  };
};
