// Opens the database: embedded PGlite in a data directory, or a PostgreSQL server from DATABASE_URL.
// Both are driven by the same Drizzle schema and the same migrations.
import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import * as schema from '../db/schema';
import { acquireDirLock, type DirLock } from './dir-lock';
import { applyRoutines } from './routines';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;
export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  /** Runs every pending migration, then applies the SQL functions and triggers whose files changed (routines.ts). */
  migrate(): Promise<void>;
  /** The drizzle migrations alone (what a database migrated before the routine files had; tests). */
  migrateTables(): Promise<void>;
  close(): Promise<void>;
}

// Calendar dates stay 'YYYY-MM-DD' text and timestamps parse to Date on both engines.
pg.types.setTypeParser(1082, (v: string) => v);

export function migrationsFolder(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'migrations'), path.join(here, '../db/migrations')];
  const found = candidates.find((c) => fs.existsSync(path.join(c, 'meta/_journal.json')));
  if (!found) throw new Error(`migrations folder not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** Where functions/ and triggers/ are: beside the migrations folder (src/db in development, dist/ when built). */
export function routinesRoot(): string {
  return path.dirname(migrationsFolder());
}

export interface OpenOptions {
  /** Tests: a query on this handle while a transaction opened from it runs in the same async context throws. */
  guardOuterHandle?: boolean;
}

export interface PgliteOptions extends OpenOptions {
  /** An in-memory database started from a dumped data directory (tests: a migrated template, see server/test). */
  loadDataDir?: Blob;
}

export async function openPglite(dataDir: string | null, opts: PgliteOptions = {}): Promise<Database> {
  let lock: DirLock | null = null;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    lock = acquireDirLock(dataDir);
  }
  const client = await PGlite.create(dataDir ? path.join(dataDir, 'pgdata') : undefined, {
    parsers: { 1082: (v: string) => v },
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  await client.exec(`SET TIME ZONE 'Asia/Shanghai'`);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  if (opts.guardOuterHandle) guardOuterHandle(db, client, ['query', 'exec', 'transaction', 'sql']);
  return {
    db,
    engine: 'pglite',
    migrateTables: () => migratePglite(db as never, { migrationsFolder: migrationsFolder() }),
    async migrate() {
      await migratePglite(db as never, { migrationsFolder: migrationsFolder() });
      await applyRoutines(db, routinesRoot());
    },
    async close() {
      if (!client.closed) {
        if (dataDir) await client.exec('CHECKPOINT');
        await client.close();
      }
      lock?.release();
    },
  };
}

export interface PgOptions extends OpenOptions {
  allowUnsafe?: boolean;
  max?: number;
}

export async function openPostgres(url: string, opts: PgOptions = {}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    options: '-c TimeZone=Asia/Shanghai',
    // A new server connection's first queries pay ~30 ms each while it fills its catalogue caches (measured on the
    // province list, issue #19); pg's default closes a connection idle for 10 s, so the pool kept paying it between
    // bursts. Idle connections stay five minutes, and never keep a finished process (a CLI command) alive.
    idleTimeoutMillis: 300_000,
    allowExitOnIdle: true,
  });
  // An idle connection dropped by the server (restart, failover, admin shutdown) must not crash the
  // process: the pool replaces it on the next checkout.
  pool.on('error', (err) => {
    if ((err as { code?: string }).code !== '57P01') console.error('PostgreSQL idle client error:', err.message);
  });
  pool.on('connect', queueQueriesInOrder);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  if (opts.guardOuterHandle) guardOuterHandle(db, pool, ['query', 'connect']);
  if (!opts.allowUnsafe) {
    try {
      await assertDurable(db);
    } catch (e) {
      await pool.end();
      throw e;
    }
  }
  return {
    db,
    engine: 'postgres',
    migrateTables: () => migratePg(db as never, { migrationsFolder: migrationsFolder() }),
    async migrate() {
      await migratePg(db as never, { migrationsFolder: migrationsFolder() });
      await applyRoutines(db, routinesRoot());
    },
    close: () => pool.end(),
  };
}

/**
 * A transaction is one connection, and capabilities read several things at once inside one (`Promise.all` of a
 * record's parts). node-postgres queues such calls itself but deprecates that (it warns on the first, and pg@9 drops
 * it), so each connection of the pool runs its promise-style calls one after the other here, in the order they were
 * made: what pg did, without relying on it. Calls with a callback (the pool's own `pool.query`, on a connection it
 * checked out for that one call) and submittables (cursors, streams) go straight through.
 */
export function queueQueriesInOrder(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let last: Promise<unknown> = Promise.resolve();
  const run = (args: unknown[]) => () => query(...args);
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof args[args.length - 1] === 'function' || typeof first?.submit === 'function') return query(...args);
    const next = last.then(run(args), run(args));
    last = next.catch(() => undefined);
    return next;
  };
}

/** An acknowledged write must survive a crash, so refuse servers that can lose committed data. */
async function assertDurable(db: Db): Promise<void> {
  const rows = rowsOf<{ name: string; setting: string }>(
    await db.execute(sql`select name, setting from pg_settings where name in ('fsync','synchronous_commit')`),
  );
  const bad = rows.filter((r) => r.setting === 'off');
  if (bad.length > 0) {
    throw new Error(
      `PostgreSQL ${bad.map((r) => `${r.name}=off`).join(', ')}: committed writes could be lost. ` +
        'Turn it on, or set ANJIAN_ALLOW_UNSAFE_DB=1 to run anyway.',
    );
  }
}

export function openDatabase(cfg: { databaseUrl: string | null; dataDir: string; allowUnsafeDb: boolean }) {
  return cfg.databaseUrl ? openPostgres(cfg.databaseUrl, { allowUnsafe: cfg.allowUnsafeDb }) : openPglite(cfg.dataDir);
}

export class OuterHandleInTransactionError extends Error {
  constructor(method: string) {
    super(
      `The outer database handle was used (${method}) inside a transaction opened from it. Use the transaction ` +
        'handle (tx) for every query in the callback: on PGlite the outer query waits for the transaction forever ' +
        '(the whole database freezes); on PostgreSQL it takes a second pool connection and can deadlock the pool.',
    );
    this.name = 'OuterHandleInTransactionError';
  }
}

/**
 * Makes "outer handle used inside its own transaction" fail loudly instead of hanging. While a callback given to
 * db.transaction() runs (and everything it awaits, tracked by AsyncLocalStorage), the driver methods the outer
 * handle goes through throw. The transaction's own queries use the transaction's client (PGlite's tx object, the
 * pool client checked out for it), which is not wrapped. Work merely started inside and still running after the
 * commit is not refused: the flag is cleared when the callback settles.
 */
function guardOuterHandle(db: Db, client: object, methods: string[]): void {
  const running = new AsyncLocalStorage<{ open: boolean }>();
  const target = client as Record<string, (...args: unknown[]) => unknown>;
  for (const method of methods) {
    const original = target[method];
    if (typeof original !== 'function') continue;
    const bound = original.bind(client);
    target[method] = (...args: unknown[]) => {
      if (running.getStore()?.open) throw new OuterHandleInTransactionError(method);
      return bound(...args);
    };
  }
  const transaction = db.transaction.bind(db);
  db.transaction = ((callback: (tx: Tx) => Promise<unknown>, config?: unknown) =>
    transaction(async (tx) => {
      const state = { open: true };
      try {
        return await running.run(state, () => callback(tx));
      } finally {
        state.open = false;
      }
    }, config as never)) as Db['transaction'];
}

export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
