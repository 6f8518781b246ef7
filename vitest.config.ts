import { configDefaults, defineConfig } from 'vitest/config';

const E2E_TESTS = 'test/e2e/**/*.test.ts';

export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['app/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, E2E_TESTS],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // A real browser and the real CLI as a separate process: slower to start, given more time.
        extends: true,
        test: {
          name: 'e2e',
          include: [E2E_TESTS],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
