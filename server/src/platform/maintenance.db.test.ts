// Bulk paths leave their tables settled: after a rewrite of every row, `settle` has reclaimed the dead versions
// (every page all-visible again, so counts can be index-only) and refreshed the statistics the planner reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase } from '../../test/db';
import { seedEnterprises } from '../seed/enterprises';
import { buildCommunity } from '../seed/factories';
import { rowsOf, type Database } from './db';
import { runDailyJob } from './jobs';
import { autovacuumOn, settle, tableMaintenanceJob, type SettledTable } from './maintenance';

let d: Database;
beforeAll(async () => {
  d = await openTestDatabase();
  await buildCommunity(d.db);
  await seedEnterprises(d.db, { count: 400, seed: 3, batchSize: 200 });
});
afterAll(() => d.close());

const visibility = async () => {
  const [r] = rowsOf<{ pages: number; visible: number; tuples: number }>(
    await d.db.execute(
      sql`select relpages as pages, relallvisible as visible, reltuples::int as tuples from pg_class where relname = 'enterprises'`,
    ),
  );
  return r!;
};

describe('settle', () => {
  it('leaves a table rewritten in bulk with every page visible and its row count known', async () => {
    await d.db.execute(sql`update enterprises set open_major_hazard = not open_major_hazard`);
    await settle(d.db, ['enterprises']);
    const after = await visibility();
    expect(after.pages).toBeGreaterThan(0);
    expect(after.visible).toBe(after.pages);
    expect(after.tuples).toBe(400);
  });

  it('takes only the tables it knows, since the name becomes an identifier', async () => {
    await expect(settle(d.db, ['enterprises; drop table users' as SettledTable])).rejects.toThrow(/not a settled table/);
  });
});

describe('the nightly table-maintenance job', () => {
  it('vacuums the whole embedded database, which has no autovacuum, once per China day', async () => {
    await d.db.execute(sql`update enterprises set open_major_hazard = not open_major_hazard`);
    const job = tableMaintenanceJob(d.engine);
    const now = new Date('2026-12-04T17:00:00Z'); // 01:00 in China
    expect(await runDailyJob(d.db, job, now, () => undefined)).toBe(true);
    if (d.engine === 'pglite') {
      const after = await visibility();
      expect(after.visible).toBe(after.pages);
    }
    expect(await runDailyJob(d.db, job, now, () => undefined)).toBe(false);
  });

  it('leaves PostgreSQL to its autovacuum where it runs, and vacuums where it is switched off', async () => {
    // PGlite reports the setting's default (on); this project's CI PostgreSQL has it off: each engine takes one branch.
    const on = await autovacuumOn(d.db);
    await d.db.execute(sql`update enterprises set open_major_hazard = not open_major_hazard`);
    const result = await tableMaintenanceJob('postgres').run(d.db, { today: '2026-12-05', log: () => undefined });
    if (on) expect(result).toEqual({ skipped: 'autovacuum' });
    else expect(result).toMatchObject({ vacuumedMs: expect.any(Number) });
    const after = await visibility();
    if (!on) expect(after.visible).toBe(after.pages);
  });
});

describe('autovacuum thresholds (migrations 0055, 0066)', () => {
  it('vacuums the tables ordinary work churns most after 1–2% of their rows changed, not the default 20%', async () => {
    const rows = rowsOf<{ name: string; options: string[] }>(
      await d.db.execute(
        sql`select relname as name, reloptions as options from pg_class
             where relname in ('enterprises', 'hazards', 'domain_events') and relkind = 'r' order by relname`,
      ),
    );
    expect(Object.fromEntries(rows.map((r) => [r.name, r.options.find((o) => o.startsWith('autovacuum_vacuum_scale_factor='))]))).toEqual({
      domain_events: 'autovacuum_vacuum_scale_factor=0.01',
      enterprises: 'autovacuum_vacuum_scale_factor=0.02',
      hazards: 'autovacuum_vacuum_scale_factor=0.02',
    });
  });
});
