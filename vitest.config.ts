import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The e2e suites each start a fake Discord and a real bot: keep them off each other's ports and CPU.
    fileParallelism: true,
    pool: 'forks',
  },
});
