// @ts-check
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import svelte from 'eslint-plugin-svelte';
import tsdoc from 'eslint-plugin-tsdoc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// `electron` is listed as a module name, not a pattern: as a gitignore-style pattern it would
// also match the `electron/` folder in relative paths such as `../electron/contract`.
// A layer listed as `../host/*` is refused as `../host` too: a folder's index import is the
// same layer, and a gitignore-style `../host/*` pattern does not match it.
const layerRule = (message, patterns) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: 'electron', message }],
      patterns: patterns.map((group) => ({
        group: group
          .filter((pattern) => pattern !== 'electron')
          .flatMap((pattern) =>
            pattern.endsWith('/*') && pattern !== 'node:*'
              ? [pattern, pattern.slice(0, -2)]
              : [pattern],
          ),
        message,
      })),
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'tests/artifacts/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
    plugins: { 'import-x': importX, tsdoc },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      // Template literals with numbers are the clearest way to write our error messages.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Arrow shorthands that forward to a void function read better than braced bodies.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', 'parent', 'sibling', 'index'],
          'newlines-between': 'always',
          alphabetize: { order: 'asc', caseInsensitive: true },
        },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser },
    },
  },
  {
    files: ['electron/contract/**/*.ts', 'electron/core/**/*.ts'],
    rules: { 'tsdoc/syntax': 'error' },
  },
  {
    files: ['electron/contract/**/*.ts'],
    rules: layerRule(
      'electron/contract imports nothing from node:*, electron, the DOM or other layers',
      [['node:*', 'electron', '../core/*', '../host/*', '../sandbox/*', '../main/*', '../cli/*']],
    ),
  },
  {
    files: [
      'electron/core/**/*.ts',
      'electron/sandbox/**/*.ts',
      'electron/host/**/*.ts',
      'electron/cli/**/*.ts',
    ],
    rules: layerRule('only electron/main and electron/preload import electron', [
      ['electron', 'electron/*', '../main/*', '../preload/*', '../../renderer/*'],
    ]),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: layerRule('electron/core is pure Node: it imports only the contract', [
      ['electron', '../host/*', '../cli/*', '../main/*', '../sandbox/*', '../../renderer/*'],
    ]),
  },
  {
    files: ['renderer/src/**/*.ts', 'renderer/src/**/*.svelte'],
    rules: layerRule('the renderer imports only electron/contract from electron/', [
      [
        'node:*',
        'electron',
        '**/electron/core/*',
        '**/electron/host/*',
        '**/electron/sandbox/*',
        '**/electron/main/*',
        '**/electron/preload/*',
        '**/electron/cli/*',
      ],
    ]),
  },
  {
    files: ['electron/cli/output.ts', 'bench/**/*.ts', 'tests/conformance/write-table.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // Test code reaches into loosely typed payloads on purpose.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
