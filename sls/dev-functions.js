// The development login (pick a seeded user) exists on the local stage only:
// any other stage gets no such function and no such route.
module.exports = async ({ options }) => {
  const stage = options.stage || 'local';
  // the local stage (development login, embedded secrets) exists only under serverless-offline: never deploy it
  if (stage === 'local' && process.argv.some((a) => a === 'deploy' || a === 'package')) {
    throw new Error('Refusing to deploy or package the local stage: pass --stage (e.g. --stage prod); the local stage runs only under `npm start`.');
  }
  if (stage !== 'local') return {};
  return {
    devLogin: {
      handler: 'functions/src/identity/handler.devHandler',
      environment: '${file(./sls/secrets.js):devLogin}',
      events: [{ httpApi: 'GET /v1/dev/users' }, { httpApi: 'POST /v1/dev/login' }, { httpApi: 'POST /v1/dev/face/{verifyId}' }],
    },
  };
};
