// ESLint (flat config): typescript-eslint's recommended type-checked rules on every TypeScript file,
// plain recommended rules on the JavaScript tools. Run by `npm run lint:es` (part of `npm run lint`).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

export default defineConfig(
  {
    ignores: [
      '**/node_modules/',
      'dist/',
      'build/',
      '.tmp/',
      '.strapi/',
      '.cache/',
      'coverage/',
      'public/',
      'types/generated/', // `strapi ts:generate-types` output, never edited by hand
      'bench/.bare/',
      'bench/.work/',
      'bench/bare-template/', // a stock Strapi app copied for benchmarks, not our code
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  js.configs.recommended,

  // Every exception is local and says why: `// eslint-disable-next-line <rule> -- <reason>`.
  comments.recommended,
  {
    rules: {
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: ['eslint-enable'] }],
      '@eslint-community/eslint-comments/disable-enable-pair': ['error', { allowWholeFile: false }],
    },
  },

  // TypeScript: type information from the tsconfig that owns each file.
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // The server (src, plugins/*/server, config, database), the website, the tests, and the admin
        // panel (src/admin and every plugins/*/admin) each have their own compiler settings.
        project: ['./tsconfig.json', './website/tsconfig.json', './tests/tsconfig.json', './src/admin/tsconfig.json'],
        tsconfigRootDir: root,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression > TSNeverKeyword.typeAnnotation, TSTypeAssertion > TSNeverKeyword.typeAnnotation',
          message:
            '`as never` silences the compiler instead of typing the value: use the generated types (types/generated), ' +
            'a UID / Modules.Documents type, or a narrowing check.',
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },

  // Tests read answers through supertest and fetch, whose bodies are typed `any` by their own
  // declarations; each test asserts the shape with expect, which fails on a wrong one. So the
  // no-unsafe-* rules, which only restate that, are off in tests; no `any` and no `as never` still hold.
  {
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },

  // Admin panel (React): react-intl's useIntl() returns functions already bound to the intl object, and
  // `const { formatMessage } = useIntl()` is its documented idiom (and Strapi's own); unbound-method
  // only sees methods declared on an interface and reports every one of them.
  {
    files: ['src/admin/**/*.{ts,tsx}', 'src/api/*/admin/**/*.{ts,tsx}', 'plugins/*/admin/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },

  // JavaScript tools (scripts, build and start wrappers, the jest setup, benchmarks): CommonJS on Node.
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { ...globals.node },
    },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },
);
