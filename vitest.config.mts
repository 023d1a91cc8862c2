import { defineConfig } from 'vitest/config';

// Three projects: `npm test` runs unit + integration (no browser); `npm run test:e2e` runs the browser tests.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      // Integration tests share one PostgreSQL and real ports: run their files one at a time.
      { test: { name: 'integration', include: ['test/integration/**/*.test.ts'], fileParallelism: false, testTimeout: 30_000 } },
      { test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], fileParallelism: false, testTimeout: 120_000, hookTimeout: 120_000 } },
    ],
  },
});
