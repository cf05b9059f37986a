// npm run lint: TypeScript's recommended rules everywhere, the rules of hooks in the renderer, and
// no import cycles, type-only imports included (lint/no-cycle.mjs). Everything is an error, so
// `eslint .` fails on any finding.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import cycles from './lint/no-cycle.mjs';

const extensions = ['.ts', '.tsx', '.mts', '.js', '.mjs'];

export default defineConfig(
  { ignores: ['out/', 'dist/', 'release/', 'node_modules/', 'test/artifacts/', 'test-results/', 'playwright-report/', '.electron-native/', '.stryker-tmp/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: globals.node },
    plugins: { local: cycles },
    settings: {
      'import-x/extensions': extensions,
      'import-x/resolver-next': [createNodeResolver({ extensions: [...extensions, '.json'] })],
    },
    rules: {
      'local/no-cycle': ['error', { ignoreExternal: true }],
      // `_name` marks a parameter kept for its position; `{ a: _, ...rest }` drops a key.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // A store hook without a selector re-renders its component on every change of the store.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.name=/^use(App|Team|OneOnOne|Palette|Import|AsOf|PipelineQuery|Presenting|Router|Toasts|Topics)$/][arguments.length=0]',
          message: 'Subscribe to a store with a selector, e.g. useApp((s) => s.info): without one the component re-renders on every change of the store.',
        },
        {
          selector: 'CallExpression[callee.name=/^use(Layout)?Effect$/] CallExpression[callee.name="call"]',
          message: 'Load data with useApiData (lib/useApiData.ts): it drops stale answers and reloads when a write changes what the call reads.',
        },
      ],
    },
  },
  {
    files: ['test/**'],
    // Tests reach into API answers and page state they have just asserted the shape of.
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['test/unit/import-property.test.ts'],
    // One `(a, b);` statement; the file is being edited on another branch. Drop this when it is a block.
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
