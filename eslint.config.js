// Lint rules, including the rooms of ARCHITECTURE.md: which folder may import what.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Anchored regexes: gitignore-style patterns would also match our own folders named like these.
const nodeBuiltins =
  '^(node:.*|fs|fs/.*|path|os|child_process|crypto|http|https|net|stream|worker_threads|url|util|events)$';
const ioPackages = '^(better-sqlite3|keytar|node-hid|fastify|@fastify/.*|nodemailer|kysely)$';
// require('electron') and import('electron') escape no-restricted-imports, so syntax catches them.
const electronSyntax = [
  {
    selector: "CallExpression[callee.name='require'][arguments.0.value=/^electron/]",
    message: 'Only src-main/electron (and src-preload) may import electron.',
  },
  {
    selector: 'ImportExpression[source.value=/^electron/]',
    message: 'Only src-main/electron (and src-preload) may import electron.',
  },
];
const electronOnly = {
  regex: '^(electron|electron/.*|electron-updater)$',
  message: 'Only src-main/electron (and src-preload) may import electron.',
};

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'out/**', '.tmp/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { patterns: [electronOnly] }],
      'no-restricted-syntax': ['error', ...electronSyntax],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronOnly,
            {
              regex: nodeBuiltins,
              message: 'The renderer runs in a browser sandbox: no Node modules.',
            },
            { regex: ioPackages, message: 'The renderer reaches I/O only through the bridge.' },
            {
              group: ['**/src-main/**', '**/src-cloud/**', '**/src-preload/**'],
              message: 'The renderer talks to the core only through the bridge (src-shared).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: nodeBuiltins, message: 'The sandboxed preload has no Node modules.' },
            { group: ['**/src-main/**', '**/src-cloud/**', '**/src-renderer/**'] },
          ],
        },
      ],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronOnly,
            { regex: nodeBuiltins, message: 'src-shared is pure: no I/O.' },
            { regex: ioPackages, message: 'src-shared is pure: no I/O.' },
            { group: ['**/src-main/**', '**/src-cloud/**', '**/src-renderer/**'] },
          ],
        },
      ],
    },
  },
  {
    files: ['src-cloud/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronOnly,
            {
              group: ['**/src-main/**', '**/src-renderer/**'],
              message: 'The cloud never imports the desktop; the desktop reaches it over HTTP.',
            },
          ],
        },
      ],
    },
  },
  {
    // test/electron: the typed stand-in checks itself against electron's types, and the update
    // feed test reads the feed with electron-updater's own parser (docs/architecture.md).
    files: ['src-main/electron/**/*.ts', 'src-preload/**/*.ts', 'test/electron/**/*.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src-preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: nodeBuiltins, message: 'The sandboxed preload has no Node modules.' },
            { group: ['**/src-main/**', '**/src-cloud/**', '**/src-renderer/**'] },
          ],
        },
      ],
    },
  },
);
