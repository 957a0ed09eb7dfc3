// Bulk work leaves its tables settled. A bulk path (a seed, an import, a rebuild that refreshes a million rows)
// leaves dead row versions, pages the visibility map does not yet cover and statistics that no longer describe the
// table. Until they are cleaned up, index scans visit dead rows, counts cannot be index-only and the planner
// misjudges the search index: at a million enterprises the list + search mix measured p95 4.5 s straight after the
// draw-signal refresh, 0.25 s after a VACUUM ANALYZE (issue #19). So every bulk path ends with `settle` on the
// tables it churned, and ordinary churn is left to autovacuum (per-table thresholds in migration 0055) on
// PostgreSQL and to the nightly `table-maintenance` job on PGlite, which has no autovacuum at all, and on a
// PostgreSQL server whose autovacuum is switched off.
import { sql } from 'drizzle-orm';
import { rowsOf, type Db, type Engine } from './db';
import type { DailyJob } from './jobs';

/** Tables a bulk path may settle: a fixed list, because the name goes into the statement as an identifier. */
export const SETTLED_TABLES = [
  'enterprises',
  'enterprise_counts',
  'enterprise_draw_pool',
  'inspections',
  'inspection_findings',
  'penalty_cases',
  'enforcement_stats_monthly',
  'enterprise_enforcement_marks',
  'hazards',
  'accidents',
] as const;
export type SettledTable = (typeof SETTLED_TABLES)[number];

/**
 * VACUUM ANALYZE each table: dead rows reclaimed, the visibility map set, statistics fresh. Never inside a
 * transaction (VACUUM refuses one), so it takes the database handle, not a transaction's.
 */
export async function settle(db: Db, tables: readonly SettledTable[]): Promise<void> {
  for (const t of tables) {
    if (!SETTLED_TABLES.includes(t)) throw new Error(`not a settled table: ${t}`);
    await db.execute(sql.raw(`vacuum analyze ${t}`));
  }
}

/**
 * The nightly clean-up where nothing else does it. PGlite runs no autovacuum, so a district's database would keep
 * every dead row version for ever; a PostgreSQL server may have it switched off too (some installations, and test
 * servers, set `autovacuum = off`), and then every event the outbox marks relayed stays a dead row its poll walks.
 * Once a China day (at night, by the daily-job cron) such a database is vacuumed and analysed; where PostgreSQL's
 * autovacuum is on it does the same continuously and the job leaves it alone.
 */
export function tableMaintenanceJob(engine: Engine): DailyJob {
  return {
    name: 'table-maintenance',
    async run(db) {
      if (engine !== 'pglite' && (await autovacuumOn(db))) return { skipped: 'autovacuum' };
      const t0 = Date.now();
      await db.execute(sql`vacuum analyze`);
      return { vacuumedMs: Date.now() - t0 };
    },
  };
}

/** Whether the server's autovacuum launcher runs (the `autovacuum` setting, on by default). */
export async function autovacuumOn(db: Db): Promise<boolean> {
  const [r] = rowsOf<{ on: string }>(await db.execute(sql`select current_setting('autovacuum') as on`));
  return r?.on === 'on';
}
