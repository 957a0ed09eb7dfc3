// Enforcement statistics: inspections done, findings, cases decided and fines, by month (of the year) or by sector,
// over the caller's scope. Staff scopes (area, sector, park) read the enforcement_stats_monthly rollup the triggers
// of migration 0017 keep; an enterprise scope (one enterprise's own rows) is small and reads the tables directly.
// Both give the same numbers: stats.db.test.ts compares them after random writes.
import { sql, type SQL } from 'drizzle-orm';
import { enforcementStatsMonthly, inspections, penaltyCases } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { rowsOf, type Db, type DbOrTx } from '../../../platform/db';
import { settle } from '../../../platform/maintenance';
import { scopeWhere } from '../../../platform/scope';

export type StatsBy = 'month' | 'sector';

export interface StatsRow {
  key: string;
  inspections: number;
  findings: number;
  cases: number;
  fines: number;
}

/**
 * The rollup's WHERE for a staff scope: the one record-scope predicate over the rollup's own scope columns (park_key
 * is the park id, '' for none), or null for an enterprise scope, which the rollup cannot express.
 */
function rollupScope(actor: Actor): SQL | null {
  if (actor.scopeKind === 'enterprise') return null;
  const s = enforcementStatsMonthly;
  return scopeWhere(actor, { areaCode: s.areaCode, sector: s.sector, parkId: s.parkKey });
}

export async function enforcementStats(db: DbOrTx, actor: Actor, by: StatsBy, year: number): Promise<StatsRow[]> {
  const where = rollupScope(actor);
  if (where) {
    const s = enforcementStatsMonthly;
    const key = by === 'month' ? s.month : s.sector;
    const rows = rowsOf<{ key: string; inspections: number; findings: number; cases: number; fines: number }>(
      await db.execute(sql`
        select ${key} as key, sum(${s.inspections})::int as inspections, sum(${s.findings})::int as findings,
               sum(${s.cases})::int as cases, coalesce(sum(${s.fines}), 0)::float8 as fines
        from ${s}
        where ${s.month} >= ${`${year}-01`} and ${s.month} <= ${`${year}-12`} and ${where}
        group by 1
        having sum(${s.inspections}) <> 0 or sum(${s.findings}) <> 0 or sum(${s.cases}) <> 0 or sum(${s.fines}) <> 0
        order by 1`),
    );
    return rows.map((r) => ({ ...r, fines: Number(r.fines) }));
  }
  return plainEnforcementStats(db, actor, by, year);
}

/** The same numbers from the tables themselves: one GROUP BY per table. */
export async function plainEnforcementStats(db: DbOrTx, actor: Actor, by: StatsBy, year: number): Promise<StatsRow[]> {
  const inspScope = scopeWhere(actor, {
    areaCode: inspections.areaCode,
    sector: inspections.sector,
    parkId: inspections.parkId,
    enterpriseId: inspections.enterpriseId,
  });
  const caseScope = scopeWhere(actor, {
    areaCode: penaltyCases.areaCode,
    sector: penaltyCases.sector,
    parkId: penaltyCases.parkId,
    enterpriseId: penaltyCases.enterpriseId,
  });
  const key = (day: SQL, sector: SQL) => (by === 'month' ? sql`to_char(${day}, 'YYYY-MM')` : sector);
  const insp = rowsOf<{ key: string; inspections: number; findings: number }>(
    await db.execute(sql`
      select ${key(sql`inspections.inspected_on`, sql`inspections.sector`)} as key, count(*)::int as inspections,
             coalesce(sum((select count(*) from inspection_findings f where f.inspection_id = inspections.id)), 0)::int as findings
      from ${inspections}
      where inspections.state = 'done' and inspections.inspected_on >= ${`${year}-01-01`}::date
        and inspections.inspected_on < ${`${year + 1}-01-01`}::date and ${inspScope}
      group by 1`),
  );
  const cases = rowsOf<{ key: string; cases: number; fines: number }>(
    await db.execute(sql`
      select ${key(sql`penalty_cases.decided_on`, sql`penalty_cases.sector`)} as key, count(*)::int as cases,
             coalesce(sum(penalty_cases.fine), 0)::float8 as fines
      from ${penaltyCases}
      where penalty_cases.decided_on >= ${`${year}-01-01`}::date and penalty_cases.decided_on < ${`${year + 1}-01-01`}::date
        and ${caseScope}
      group by 1`),
  );
  const keys = [...new Set([...insp.map((r) => r.key), ...cases.map((r) => r.key)])].sort();
  return keys.map((k) => {
    const a = insp.find((r) => r.key === k);
    const b = cases.find((r) => r.key === k);
    return { key: k, inspections: a?.inspections ?? 0, findings: a?.findings ?? 0, cases: b?.cases ?? 0, fines: Number(b?.fines ?? 0) };
  });
}

/**
 * Rebuilds the rollup and the per-enterprise marks from the tables, for bulk loads that bypass the triggers
 * (session_replication_role = replica): the database function enforcement_aggregates_rebuild (migration 0021).
 * Its draw-signal refresh rewrites every enterprise whose signals changed (all of them after a first load), and the
 * draw pool's trigger each of their pool rows, so the tables it churned are left settled (platform/maintenance.ts)
 * before the next list, search or draw reads them.
 */
export async function rebuildEnforcementAggregates(db: Db) {
  await db.execute(sql`select enforcement_aggregates_rebuild()`);
  await settle(db, ['enforcement_stats_monthly', 'enterprise_enforcement_marks', 'enterprises', 'enterprise_draw_pool']);
}
