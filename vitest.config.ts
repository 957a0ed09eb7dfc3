import os from 'node:os';
import { defineConfig } from 'vitest/config';

// Pure tests run once; database tests (*.db.test.ts) run on PGlite, and again on PostgreSQL
// when TEST_DATABASE_URL is set.
const dbProjects = [
  { name: 'db:pglite', env: { ANJIAN_TEST_ENGINE: 'pglite' } },
  ...(process.env.TEST_DATABASE_URL ? [{ name: 'db:postgres', env: { ANJIAN_TEST_ENGINE: 'postgres' } }] : []),
];

// Vitest's default is one worker fewer than the cores, which on a 2-core CI machine is a single worker running every
// file in turn while PostgreSQL-engine files mostly wait on the server. Two files at a time there keep both cores busy.
const maxWorkers = Math.max(2, os.availableParallelism() - 1);

export default defineConfig({
  test: {
    maxWorkers,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/src/**/*.test.ts', 'packages/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/node_modules/**'],
        },
      },
      ...dbProjects.map((p) => ({
        test: {
          name: p.name,
          include: ['server/**/*.db.test.ts'],
          exclude: ['**/node_modules/**'],
          env: p.env,
          globalSetup: ['server/test/template.setup.ts'],
          // Each file opens its own database; the server's modules are imported once per worker, not once per file
          // (3.6 s of imports a file, about a third of the suite). Module state a file may change is reset by the setup.
          isolate: false,
          setupFiles: ['server/test/isolation.setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      })),
    ],
  },
});
