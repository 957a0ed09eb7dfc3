// A fresh, migrated database per test file: PGlite in memory, or (when ANJIAN_TEST_ENGINE=postgres)
// a new database on the server named by TEST_DATABASE_URL, dropped afterwards. The outer-handle guard is on:
// a query on the database handle inside a transaction opened from it throws (see platform/db.ts).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../src/platform/db';

export const testEngine = process.env.ANJIAN_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';

export async function openTestDatabase(): Promise<Database> {
  if (testEngine === 'pglite') {
    const d = await openPglite(null, { guardOuterHandle: true });
    await d.migrate();
    return d;
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('ANJIAN_TEST_ENGINE=postgres needs TEST_DATABASE_URL');
  const name = `anjian_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const d = await openPostgres(url.toString(), { max: 5, guardOuterHandle: true });
  await d.migrate();
  return {
    ...d,
    async close() {
      await d.close();
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
