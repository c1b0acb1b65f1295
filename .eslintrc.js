// ESLint for the whole repo: Taro's own rules (eslint-config-taro), typescript-eslint, the rules of hooks,
// and eslint-config-prettier last so that layout is Prettier's alone. `npm run lint`; the build tests run it
// with --max-warnings 0.
module.exports = {
  root: true,
  extends: ['taro/react', 'plugin:@typescript-eslint/recommended', 'plugin:react-hooks/recommended', 'prettier'],
  // typescript-eslint's parser for every file (eslint-config-taro defaults to Babel's, which needs a Babel config per folder)
  parser: '@typescript-eslint/parser',
  parserOptions: { ecmaVersion: 2022, sourceType: 'module', ecmaFeatures: { jsx: true } },
  env: { es2022: true, node: true, browser: true, jest: true },
  settings: { react: { version: '18.3' } },
  ignorePatterns: ['node_modules/', 'dist/', '.serverless/', '.esbuild/', '.build/', 'coverage/', '.cache/', '.data/', '.bench/', '.swc/', 'e2e/screenshots/'],
  rules: {
    // the automatic JSX runtime (tsconfig "jsx": "react-jsx"): no React import needed
    'react/react-in-jsx-scope': 'off',
    // workspace packages (@yx/shared) resolve through TypeScript, which already checks every import
    'import/no-unresolved': 'off',
    '@typescript-eslint/no-unused-vars': ['warn', { args: 'none', ignoreRestSiblings: true }],
  },
  overrides: [
    {
      // CommonJS configuration files read by jest, Babel and Taro
      files: ['*.js', '*.cjs'],
      rules: { 'import/no-commonjs': 'off', '@typescript-eslint/no-require-imports': 'off' },
    },
  ],
};
