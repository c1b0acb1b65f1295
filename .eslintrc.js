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
      // Taro's H5 renders disabled={false} as disabled="false", which the page styles (and the web component) take
      // as disabled: a button looked greyed out while usable (issue 14). Pass true or undefined.
      files: ['miniapp/src/**/*.tsx'],
      rules: {
        'no-restricted-syntax': [
          'error',
          {
            selector: "JSXOpeningElement[name.name='Button'] > JSXAttribute[name.name=/^(disabled|loading)$/] > JSXExpressionContainer > Identifier",
            message: 'H5 renders false as disabled="false": write `busy || undefined`.',
          },
          {
            // the label on Taro's element does not reach the <input> inside it in H5 (axe: critical "label")
            selector: "JSXOpeningElement[name.name=/^(Input|Textarea|Switch)$/]:not(:has(JSXAttribute[name.name='nativeProps']))",
            message: "Name the control for screen readers: aria-label={x} nativeProps={{ 'aria-label': x }}.",
          },
        ],
      },
    },
    {
      // H5: a Taro Button whose text changes loses its spinner's place and throws insertBefore NotFoundError (issue 14)
      files: ['miniapp/src/**/*.tsx'],
      excludedFiles: ['miniapp/src/components/Button.tsx', '**/*.test.tsx'],
      rules: {
        'no-restricted-imports': [
          'error',
          { paths: [{ name: '@tarojs/components', importNames: ['Button'], message: 'Use Button from components/Button (see why there).' }] },
        ],
      },
    },
    {
      // CommonJS configuration files read by jest, Babel and Taro
      files: ['*.js', '*.cjs'],
      rules: { 'import/no-commonjs': 'off', '@typescript-eslint/no-require-imports': 'off' },
    },
  ],
};
