import { defineConfig } from 'vitest/config';

// Suites that start a bot, a child process, a server or an engine worker, or change process-wide
// state (TZ): each runs in a fresh process of its own, as before.
const OWN_PROCESS = [
  'tests/cli.test.ts',
  'tests/corpus-faults.test.ts',
  'tests/dated-questions.test.ts', // sets process.env.TZ, which a worker thread ignores
  'tests/discord-abuse.test.ts',
  'tests/discord-bot.test.ts',
  'tests/discord-charts.test.ts',
  'tests/discord-fake.test.ts',
  'tests/discord-faults.test.ts',
  'tests/discord-ingest.test.ts',
  'tests/discord-paging.test.ts',
  'tests/discord-permissions.test.ts',
  'tests/discord-process.test.ts',
  'tests/discord-sharding.test.ts',
  'tests/ingest-add.test.ts',
  'tests/ingest-feeds.test.ts',
  'tests/ingest-fetch.test.ts',
  'tests/reload.test.ts',
  'tests/shared-engine.test.ts',
  'tests/snapshot.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Isolation is a pool-wide setting: the in-process suites share worker threads, the others get forks.
    poolOptions: { threads: { isolate: false }, forks: { isolate: true } },
    projects: [
      {
        extends: true,
        // Pure in-process suites: one import of Orama, discord.js and the seed engine per worker instead
        // of one per file (about 70 s of CPU down to 30 s for these files). A suite here must leave no
        // process-wide state behind (env, timers, listeners); one that cannot goes in OWN_PROCESS.
        test: { name: 'in-process', include: ['tests/**/*.test.ts'], exclude: OWN_PROCESS, pool: 'threads' },
      },
      {
        extends: true,
        test: { name: 'own-process', include: OWN_PROCESS, pool: 'forks' },
      },
    ],
  },
});
