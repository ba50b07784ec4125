// Resolvers are APPSYNC_JS: AWS's plugin rejects what that runtime does not support
// (try/catch, classic for, ++, regex literals, recursion, unsupported methods ...).
// The recommended rules need type information, hence the project service.
import appsync from '@aws-appsync/eslint-plugin';

export default [
  { ignores: ['node_modules/**', 'cdk.out/**', 'build/**', '.data/**', 'generated/**'] },
  {
    ...appsync.configs.recommended,
    files: ['resolvers/**/*.ts', 'test/conformance/resolvers/**/*.ts'],
    languageOptions: {
      ...appsync.configs.recommended.languageOptions,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
];
