import { defineConfig } from 'vitest/config';

// Pure tests run once; database tests (*.db.test.ts) run on PGlite, and again on PostgreSQL
// when TEST_DATABASE_URL is set.
const dbProjects = [
  { name: 'db:pglite', env: { ANJIAN_TEST_ENGINE: 'pglite' } },
  ...(process.env.TEST_DATABASE_URL ? [{ name: 'db:postgres', env: { ANJIAN_TEST_ENGINE: 'postgres' } }] : []),
];

export default defineConfig({
  test: {
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
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      })),
    ],
  },
});
