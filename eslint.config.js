// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = ['session', 'catalog', 'request', 'diagnose', 'history', 'simulator'];

export default tseslint.config(
  { ignores: ['dist', 'coverage', 'playwright-report', 'test-results', 'public/mockServiceWorker.js'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // Architecture rules of DESIGN.md: the domain is pure, features never import each other,
  // and only the server and the sandbox may touch secrets.
  {
    files: ['src/domain/**/*.ts'],
    // Tests may read the shared OVH corpus from disk; the domain code itself may not.
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/features/**',
                '**/server/**',
                '**/sandbox/**',
                '**/lib/**',
                '**/components/**',
                '**/app/**',
                '**/mocks/**',
              ],
              message: 'src/domain is pure: it imports nothing from the rest of the app.',
            },
            {
              group: ['react', 'react-dom', 'hono', 'hono/*', 'node:*'],
              message: 'src/domain is pure: no UI, no server, no Node APIs.',
            },
          ],
        },
      ],
    },
  },
  ...features.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: features.filter((f) => f !== feature).map((f) => `**/features/${f}/**`),
              message: 'Features never import each other; combine them in src/app.',
            },
            { group: ['**/server/**', '**/sandbox/**'], message: 'The browser never imports server code.' },
          ],
        },
      ],
    },
  })),
  {
    files: ['src/{app,components,lib}/**/*.{ts,tsx}', 'src/main.tsx'],
    // Tests run in Node and may start the real backend and sandbox as the SPA's upstream.
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/server/**', '**/sandbox/**'], message: 'The browser never imports server code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/sandbox/cli.ts', 'src/server/node-entry.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/index.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: 'ExportAllDeclaration', message: 'No barrel files.' }],
    },
  },
);
