// Local Node is 20; Lambda runs 22. The SDK's upgrade notice only adds noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

// One jest config for the whole repo: pure units (shared), API tests against DynamoDB Local (functions),
// component tests in jsdom (miniapp), build checks, and browser tests of the H5 build (e2e).
// scripts/test.ts (npm test) runs the browser tests after the rest, one at a time.
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: false } } }];

module.exports = {
  // API tests against DynamoDB Local and builds on a 2-core machine running every project at once: a slow test is
  // not a failed one (a project-level testTimeout is ignored; this is the run's)
  testTimeout: 30_000,
  // jest's order, unless E2E_ORDER says otherwise (a check that no browser test file leans on another's data)
  testSequencer: '<rootDir>/e2e/sequencer.js',
  projects: [
    {
      displayName: 'shared',
      testMatch: ['<rootDir>/shared/src/**/*.test.ts'],
      transform: { '^.+\\.ts$': swc },
    },
    {
      displayName: 'functions',
      testMatch: ['<rootDir>/functions/src/**/*.test.ts'],
      transform: { '^.+\\.ts$': swc },
      globalSetup: '<rootDir>/functions/test/globalSetup.ts',
      globalTeardown: '<rootDir>/functions/test/globalTeardown.ts',
      setupFiles: ['<rootDir>/functions/test/env.ts'],
    },
    {
      displayName: 'miniapp',
      testMatch: ['<rootDir>/miniapp/src/**/*.test.tsx'],
      testEnvironment: 'jsdom',
      transform: { '^.+\\.[jt]sx?$': ['babel-jest', { configFile: require('path').join(__dirname, 'miniapp/babel.test.config.js') }] },
      moduleNameMapper: {
        '^@tarojs/components$': '<rootDir>/miniapp/test/taro-components.tsx',
        '^@tarojs/taro$': '<rootDir>/miniapp/test/taro.ts',
        '\\.(css|scss)$': '<rootDir>/miniapp/test/style.js',
      },
      setupFilesAfterEnv: ['<rootDir>/miniapp/test/setup.ts'],
    },
    {
      displayName: 'build',
      testMatch: ['<rootDir>/scripts/**/*.test.ts'],
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': swc },
    },
    {
      displayName: 'e2e',
      testMatch: ['<rootDir>/e2e/**/*.e2e.test.ts'],
      testEnvironment: '<rootDir>/e2e/environment.ts', // node, with a report of the open pages when a test fails
      transform: { '^.+\\.ts$': swc },
      globalSetup: '<rootDir>/e2e/globalSetup.ts',
      globalTeardown: '<rootDir>/e2e/globalTeardown.ts',
    },
  ],
};
