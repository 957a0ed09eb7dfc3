// Drill compliance per street for province-scale reads, from emergency_drill_area_counts (kept exact by triggers on
// enterprises and emergency_drill_status, db/functions/emergency_drill_counts_*): a street's enterprises are the sum
// of its cells, and its overdue ones the cells whose last plan drill year or last on-site half lies before today's
// bounds — the same bounds as drills.rules.ts dutyState / overdueWhere, as period keys (year; year × 2 + half).
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { emergencyDrillAreaCounts } from '../../db/schema';
import type { Actor } from '../../platform/actor';
import type { DbOrTx } from '../../platform/db';
import { scopeWhere } from '../../platform/scope';
import { overdueBounds } from './drills.rules';

/** The period keys a day's "overdue" bounds fall on: a plan drill year and an on-site calendar half. */
export function overdueKeys(today: string) {
  const b = overdueBounds(today);
  const half = (d: string) => Number(d.slice(0, 4)) * 2 + (Number(d.slice(5, 7)) > 6 ? 1 : 0);
  return { planYear: Number(b.plan.slice(0, 4)), onsiteHalf: half(b.onsite) };
}

export async function drillCountsByArea(db: DbOrTx, actor: Actor, q: { sector?: string; overdue?: boolean }, today: string) {
  const k = overdueKeys(today);
  const c = emergencyDrillAreaCounts;
  const late = sql`(${c.planYear} < ${k.planYear}::int or ${c.onsiteHalf} < ${k.onsiteHalf}::int)`;
  const parts: (SQL | undefined)[] = [scopeWhere(actor, { areaCode: c.areaCode, sector: c.sector, parkId: c.parkKey })];
  if (q.sector) parts.push(eq(c.sector, q.sector));
  if (q.overdue) parts.push(late);
  const rows = await db
    .select({
      key: c.areaCode,
      enterprises: sql<number>`sum(${c.n})::int`,
      overdue: sql<number>`coalesce(sum(${c.n}) filter (where ${late}), 0)::int`,
    })
    .from(c)
    .where(and(...parts))
    .groupBy(c.areaCode)
    .orderBy(c.areaCode);
  return rows.filter((r) => Number(r.enterprises) > 0);
}
