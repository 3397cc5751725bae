import { defineConfig } from 'vitest/config';

// Suites that start a bot, a child process, a server or an engine worker, or change process-wide
// state (process.env.TZ, which a worker thread ignores): each gets a fresh process of its own, so a
// timed-out test's leftovers cannot slow the next suite. Any other suite runs in-process.
const OWN_PROCESS = [
  'tests/build-pool.test.ts',
  'tests/cli.test.ts',
  'tests/corpus-faults.test.ts',
  'tests/dated-questions.test.ts',
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
  // Builds 600 articles: on more than two cores its build starts worker threads (BUILD_WORKERS).
  'tests/reference.test.ts',
  'tests/reload.test.ts',
  'tests/shared-engine.test.ts',
  'tests/snapshot.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Isolation is set per pool: in-process suites share two worker threads (one import of Orama,
    // discord.js and the seed engine per thread instead of per file: about 70 s of CPU down to 30 s
    // for these files), then the other suites run two forks at a time, each file in a new one. Two,
    // on two cores, because the e2e suites mostly wait (on their bot, a Retry-After, a child process).
    // groupOrder runs the two projects one after the other, so no more than two run at once.
    poolOptions: { threads: { isolate: false, maxThreads: 2 }, forks: { isolate: true, maxForks: 2 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'in-process',
          include: ['tests/**/*.test.ts'],
          exclude: OWN_PROCESS,
          pool: 'threads',
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'own-process', include: OWN_PROCESS, pool: 'forks', sequence: { groupOrder: 1 } },
      },
    ],
  },
});
