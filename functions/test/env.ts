// Per-worker environment for the API tests (DYNAMODB_ENDPOINT and TABLE_NAME come from globalSetup).
process.env.STAGE = 'local';
process.env.SESSION_SECRET = 'test-secret-that-is-long-enough-for-hs256';
process.env.PII_HASH_SECRET = 'test-pii-secret';
process.env.WECHAT_APPID = 'wx-test-app';
process.env.WECHAT_SECRET = 'wx-test-secret';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'; // local Node 20; Lambda runs 22
process.env.CLIENT_LIMIT_SCALE = '1000'; // the demo accounts act for many test files at once; clientLimits.test.ts sets 1
