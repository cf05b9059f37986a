import { defineConfig } from 'vitest/config';

// The fast tests that pin the pure rules, for mutation testing (npm run mutation; not in CI).
export default defineConfig({
  test: {
    include: [
      'test/unit/domain.test.ts',
      'test/unit/followThrough-domain.test.ts',
      'test/unit/flags-domain.test.ts',
      'test/unit/metrics-domain.test.ts',
      'test/unit/coachability-domain.test.ts',
      'test/unit/attention-domain.test.ts',
      'test/unit/import-parse.test.ts',
      'test/unit/import-boundaries.test.ts',
      'test/unit/oneOnOnes.test.ts',
      'test/unit/agenda-store.test.ts',
    ],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
  },
});
