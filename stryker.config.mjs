// Mutation testing of the pure rules and the import's row checks: `npm run mutation`.
// Not in CI (it takes minutes); the score goes in the closing notes and should only rise.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: [
    'shared/domain/metrics.ts',
    'shared/domain/flags.ts',
    'shared/domain/attention.ts',
    'shared/domain/agenda.ts',
    'shared/domain/followThrough.ts',
    'shared/domain/import/rows.ts',
  ],
  concurrency: 2,
  timeoutMS: 20000,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'test/artifacts/mutation/index.html' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
