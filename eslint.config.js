import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // public/js/editor.js is built by scripts/build-editor.mjs from scripts/editor/; public/vendor/ is
  // copied from node_modules by scripts/build-vendor.mjs.
  {
    ignores: [
      'node_modules/',
      'data/',
      'dist/',
      '.test-build/',
      'coverage/',
      'public/js/editor.js',
      'public/vendor/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Small enhancement scripts served to browsers as they are (no build step).
    files: ['public/js/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { window: 'readonly', document: 'readonly', FormData: 'readonly', XMLHttpRequest: 'readonly' },
    },
  },
  {
    files: ['scripts/**/*.mjs', '.ci/**'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
