// The per-enterprise risk summary (enterprise_risk_summary): counts of open assessed events per level, the overall
// level (`highestLevel` of them) and the number of live units. Every command that changes an enterprise's units or
// events takes the enterprise's risk lock first and refreshes the summary before committing, so the district
// distribution and the map never scan events and never see a summary that disagrees with them.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { RiskLevelKey } from '@anjian/contracts';
import { checkTaskItems, checkTasks, enterpriseRiskSummary, enterprises, riskEvents, riskMeasures, riskUnits } from '../../db/schema';
import { insertRowsSql } from '../../platform/bulk-insert';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { highestLevel, riskLevels } from '../../reference/risk/levels';

// Two-key advisory lock (namespace, hash of the enterprise id): concurrent writers to one enterprise's register
// queue up, writers to different enterprises do not.
const RISK_LOCK_NAMESPACE = 4_242_010;

export async function lockEnterpriseRisks(tx: DbOrTx, enterpriseId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${RISK_LOCK_NAMESPACE}, hashtext(${enterpriseId}))`);
}

export interface SummaryCounts {
  major: number;
  significant: number;
  general: number;
  low: number;
  unassessed: number;
  units: number;
}

/** The overall level: the most severe level with at least one open event; null when nothing is assessed. */
export function overallLevel(c: Pick<SummaryCounts, RiskLevelKey>): RiskLevelKey | null {
  return highestLevel(riskLevels.filter((l) => c[l] > 0));
}

interface CountRow {
  enterprise_id: string;
  major: number;
  significant: number;
  general: number;
  low: number;
  unassessed: number;
  units: number;
}

/** Counts straight from the events and units tables, for one enterprise or all of them. */
export async function countRisks(db: DbOrTx, enterpriseId?: string): Promise<CountRow[]> {
  const onlyEvents = enterpriseId ? sql`and ev.enterprise_id = ${enterpriseId}` : sql``;
  const onlyUnits = enterpriseId ? sql`and u.enterprise_id = ${enterpriseId}` : sql``;
  const result = await db.execute(sql`
    with ev as (
      select ev.enterprise_id,
             count(*) filter (where ev.level = 'major')::int as major,
             count(*) filter (where ev.level = 'significant')::int as significant,
             count(*) filter (where ev.level = 'general')::int as general,
             count(*) filter (where ev.level = 'low')::int as low,
             count(*) filter (where ev.level is null)::int as unassessed
        from ${riskEvents} ev
       where ev.status = 'open' and ev.deleted_at is null ${onlyEvents}
       group by ev.enterprise_id),
    un as (
      select u.enterprise_id, count(*)::int as units
        from ${riskUnits} u
       where u.deleted_at is null ${onlyUnits}
       group by u.enterprise_id)
    select coalesce(ev.enterprise_id, un.enterprise_id) as enterprise_id,
           coalesce(ev.major, 0) as major, coalesce(ev.significant, 0) as significant,
           coalesce(ev.general, 0) as general, coalesce(ev.low, 0) as low,
           coalesce(ev.unassessed, 0) as unassessed, coalesce(un.units, 0) as units
      from ev full join un on un.enterprise_id = ev.enterprise_id`);
  return rowsOf<CountRow>(result);
}

/** Rewrites one enterprise's summary row from its events (call under `lockEnterpriseRisks`). */
export async function refreshRiskSummary(tx: DbOrTx, enterpriseId: string): Promise<void> {
  const [counts] = await countRisks(tx, enterpriseId);
  const [e] = await tx
    .select({ areaCode: enterprises.areaCode, sector: enterprises.sector, parkId: enterprises.parkId })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId));
  if (!e) return;
  const c = counts ?? { major: 0, significant: 0, general: 0, low: 0, unassessed: 0, units: 0 };
  const values = {
    areaCode: e.areaCode,
    sector: e.sector,
    parkId: e.parkId,
    level: overallLevel(c),
    major: c.major,
    significant: c.significant,
    general: c.general,
    low: c.low,
    unassessed: c.unassessed,
    units: c.units,
    updatedAt: new Date(),
  };
  await tx
    .insert(enterpriseRiskSummary)
    .values({ enterpriseId, ...values })
    .onConflictDoUpdate({ target: enterpriseRiskSummary.enterpriseId, set: values });
}

/**
 * Every enterprise's summary again, in a few set-based statements (after a settings change re-levelled the events,
 * or after a bulk seed): zero every row, then upsert the counts of every enterprise with units or open events.
 */
export async function rebuildRiskSummaries(tx: DbOrTx): Promise<number> {
  const counts = await countRisks(tx);
  await tx
    .update(enterpriseRiskSummary)
    .set({ level: null, major: 0, significant: 0, general: 0, low: 0, unassessed: 0, units: 0, updatedAt: new Date() });
  const scopes = new Map<string, { areaCode: string; sector: string; parkId: string | null }>();
  for (let i = 0; i < counts.length; i += 1000) {
    const ids = counts.slice(i, i + 1000).map((c) => c.enterprise_id);
    const rows = await tx
      .select({ id: enterprises.id, areaCode: enterprises.areaCode, sector: enterprises.sector, parkId: enterprises.parkId })
      .from(enterprises)
      .where(inArray(enterprises.id, ids));
    for (const r of rows) scopes.set(r.id, r);
  }
  const values = counts
    .filter((c) => scopes.has(c.enterprise_id))
    .map((c) => ({
      enterpriseId: c.enterprise_id,
      ...scopes.get(c.enterprise_id)!,
      level: overallLevel(c),
      major: c.major,
      significant: c.significant,
      general: c.general,
      low: c.low,
      unassessed: c.unassessed,
      units: c.units,
      updatedAt: new Date(),
    }));
  // Up to a row per enterprise of a province: 5,000 rows a statement as one JSON parameter (platform/bulk-insert.ts).
  for (let i = 0; i < values.length; i += 5000) {
    await tx.execute(
      insertRowsSql(
        enterpriseRiskSummary,
        values.slice(i, i + 5000),
        sql`on conflict (enterprise_id) do update set
              area_code = excluded.area_code, sector = excluded.sector, park_id = excluded.park_id, level = excluded.level,
              major = excluded.major, significant = excluded.significant, general = excluded.general, low = excluded.low,
              unassessed = excluded.unassessed, units = excluded.units, updated_at = excluded.updated_at`,
      ),
    );
  }
  return values.length;
}

/**
 * Copies an enterprise's current area, sector and park onto its risk and check rows. The enterprises capability
 * should call this in the transaction that reassigns an enterprise; until then rows keep the old scope.
 */
export async function syncRiskScope(tx: DbOrTx, enterpriseId: string): Promise<void> {
  const [e] = await tx
    .select({ areaCode: enterprises.areaCode, sector: enterprises.sector, parkId: enterprises.parkId })
    .from(enterprises)
    .where(eq(enterprises.id, enterpriseId));
  if (!e) return;
  for (const table of [riskUnits, riskEvents, riskMeasures, enterpriseRiskSummary, checkTasks, checkTaskItems]) {
    await tx
      .update(table)
      .set(e)
      .where(and(eq(table.enterpriseId, enterpriseId)));
  }
}
