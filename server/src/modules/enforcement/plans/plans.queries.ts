// SQL for 年度执法检查计划: an organisation's plan for a year, and each target group's progress counted over the
// enterprises of the caller's record scope (platform/scope.ts: area, sector or park) — an industry department's plan
// counts its sectors' enterprises, a park station's its park's, not every enterprise of the area.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PutPlanBody } from '@anjian/contracts';
import { enterprises, inspectionPlans } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { rowsOf, type DbOrTx } from '../../../platform/db';
import { scopeWhere } from '../../../platform/scope';

export type PlanGroup = PutPlanBody['groups'][number];
export type PlanRow = typeof inspectionPlans.$inferSelect;

/** The plan of the caller's organisation for `year` (plans belong to an organisation, not to a scope). */
export async function findPlan(db: DbOrTx, actor: Actor, year: number, lock = false): Promise<PlanRow | null> {
  if (!actor.orgId) return null;
  const q = db
    .select()
    .from(inspectionPlans)
    .where(and(eq(inspectionPlans.orgId, actor.orgId), eq(inspectionPlans.year, year)));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** Enterprises of the group within the caller's scope, inspections done on them in `year`, enterprises covered. */
export async function planGroupProgress(db: DbOrTx, actor: Actor, year: number, g: PlanGroup) {
  const parts: SQL[] = [
    sql`${enterprises.deletedAt} is null`,
    sql`${enterprises.operatingStatus} = 'operating'`,
    scopeWhere(actor, {
      areaCode: enterprises.areaCode,
      sector: enterprises.sector,
      parkId: enterprises.parkId,
      enterpriseId: enterprises.id,
    }),
  ];
  if (g.filter.sector) parts.push(sql`${enterprises.sector} = ${g.filter.sector}`);
  if (g.filter.isKey !== undefined) parts.push(sql`${enterprises.isKey} = ${g.filter.isKey}`);
  if (g.filter.tag) parts.push(sql`${enterprises.hazardTags} @> array[${g.filter.tag}]::text[]`);
  const [r] = rowsOf<{ enterprises: number; done: number; covered: number }>(
    await db.execute(sql`
      with ents as (select ${enterprises.id} as id from ${enterprises} where ${sql.join(parts, sql` and `)})
      select (select count(*) from ents)::int as enterprises,
             count(i.id)::int as done,
             count(distinct i.enterprise_id)::int as covered
      from inspections i
      where i.state = 'done' and extract(year from i.inspected_on) = ${year} and i.enterprise_id in (select id from ents)`),
  );
  return r!;
}
