// A fresh, migrated database per test file: PGlite in memory, or (when ANJIAN_TEST_ENGINE=postgres)
// a new database on the server named by TEST_DATABASE_URL, dropped afterwards. The outer-handle guard is on:
// a query on the database handle inside a transaction opened from it throws (see platform/db.ts).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, type Database } from '../src/platform/db';

export const testEngine = process.env.ANJIAN_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';

/** `tables`: the drizzle migrations only, as a database migrated before the SQL routine files (routines.db.test.ts). */
export async function openTestDatabase(opts: { migrate?: 'full' | 'tables' } = {}): Promise<Database> {
  const migrate = (d: Database) => (opts.migrate === 'tables' ? d.migrateTables() : d.migrate());
  // The run's migrated template (template.setup.ts), when the database wanted is the fully migrated one.
  const template = opts.migrate === 'tables' ? undefined : inject(testEngine === 'pglite' ? 'pgliteTemplate' : 'postgresTemplate');
  if (testEngine === 'pglite') {
    if (template) return openPglite(null, { guardOuterHandle: true, loadDataDir: new Blob([fs.readFileSync(template)]) });
    const d = await openPglite(null, { guardOuterHandle: true });
    await migrate(d);
    return d;
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('ANJIAN_TEST_ENGINE=postgres needs TEST_DATABASE_URL');
  const name = `anjian_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const d = await openPostgres(url.toString(), { max: 5, guardOuterHandle: true });
  if (!template) await migrate(d);
  const opened: Database = {
    ...d,
    async close() {
      await d.close();
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
  urls.set(opened, url.toString());
  return opened;
}

const urls = new WeakMap<Database, string>();

/**
 * A second app instance's connection to the same test database (for "once per cluster" tests): a new pool on
 * PostgreSQL; on PGlite, which is one embedded connection, the same database shared.
 */
export async function openSecondInstance(d: Database): Promise<Database> {
  const url = urls.get(d);
  if (!url) return { ...d, migrate: async () => {}, close: async () => {} };
  return openPostgres(url, { max: 5 });
}
