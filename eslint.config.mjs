// Lint rules. The one that matters most: src/core stays pure — no host globals, no UI or host packages.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const OFFICE_GLOBALS = ['Office', 'Excel', 'CustomFunctions', 'SpreadsheetApp'];
const APPS_SCRIPT_GLOBALS = ['SpreadsheetApp', 'LockService', 'HtmlService', 'Session', 'PropertiesService', 'google'];
const HOST_GLOBALS = ['Office', 'Excel', 'CustomFunctions', ...APPS_SCRIPT_GLOBALS, 'window', 'document', 'navigator', 'localStorage'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Browser tests run in Node but pass callbacks that execute inside the page.
    files: ['test/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    // Apps Script's services are read in one place per side (the server entry, the sidebar entry)
    // and passed in, as Office.js is in the Excel host: the port and its parts stay testable offline.
    files: ['src/hosts/sheets/**/*.{ts,tsx}'],
    ignores: ['src/hosts/sheets/server.ts', 'src/hosts/sheets/main.tsx'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...APPS_SCRIPT_GLOBALS.map((name) => ({ name, message: 'Only src/hosts/sheets/server.ts and main.tsx read Apps Script globals.' })),
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...HOST_GLOBALS.map((name) => ({ name, message: 'src/core is host-free: pass host data in through a port or argument.' })),
      ],
      'no-restricted-syntax': [
        'error',
        ...HOST_GLOBALS.map((name) => ({
          selector: `MemberExpression[object.name='${name}']`,
          message: 'src/core is host-free: pass host data in through a port or argument.',
        })),
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-*',
                'react/*',
                '@fluentui/*',
                '@univerjs/*',
                '@microsoft/*',
                'office-*',
                '**/hosts/**',
                '**/taskpane/**',
                '**/functions/**',
              ],
              message: 'src/core must not import UI or host code.',
            },
          ],
        },
      ],
    },
  },
  {
    // The port's layer is host-neutral too: hosts implement it, the pane and the wizard use it.
    files: ['src/workbook/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...HOST_GLOBALS.map((name) => ({ name, message: 'src/workbook is host-neutral: hosts implement the port.' })),
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-*', '@fluentui/*', '@univerjs/*', '@microsoft/*', 'office-*', '**/hosts/**', '**/taskpane/**'],
              message: 'src/workbook must not import UI or host code.',
            },
          ],
        },
      ],
    },
  },
  {
    // Pane components get the workbook through the port: only a host's entry (src/hosts/*/main.tsx) touches Office or Univer.
    files: ['src/taskpane/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...OFFICE_GLOBALS.map((name) => ({
          name,
          message: 'The pane is host-free: a host entry passes what it needs in as props or a port.',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        ...OFFICE_GLOBALS.map((name) => ({
          selector: `MemberExpression[object.name='${name}']`,
          message: 'The pane is host-free: a host entry passes what it needs in as props or a port.',
        })),
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@univerjs/*', '@microsoft/*', 'office-*', '**/hosts/**'],
              message: 'The pane must not import host code: it receives a WorkbookPort.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/functions/*.generated.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Hooks in the same order every render, effects with every dependency they read (the state hooks
    // of the pane's components, Fluent's useX / renderX split, rely on both).
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // A promise nobody awaits loses its error: each is awaited, returned, or marked `void` on purpose.
    // Long functions, long parameter lists and long files are where this codebase got hard to change
    // (issue 26): errors, so none comes back.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/functions/*.generated.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
      'max-params': ['error', 5],
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
);
