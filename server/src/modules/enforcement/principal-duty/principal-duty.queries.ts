// Frequency compliance of 主要负责人履责专项执法检查 per enterprise and per level: for each period of the year, how many
// enterprises of the caller's jurisdiction had at least one such inspection done by an organisation of that level, and
// which ones had none. Reads only done principal-duty inspections (partial index inspections_principal_duty_idx).
import { sql, type SQL } from 'drizzle-orm';
import type { PrincipalDutyLevel } from '@anjian/contracts';
import { enterprises, inspections } from '../../../db/schema';
import type { Actor } from '../../../platform/actor';
import { rowsOf, type DbOrTx } from '../../../platform/db';
import { scopeWhere } from '../../../platform/scope';
import { defaultPrincipalDutyConfig } from '../../../reference/enforcement/principal-duty';

/** Operating enterprises of the caller's jurisdiction (the record-scope predicate). */
const entScope = (actor: Actor): SQL =>
  sql`${enterprises.deletedAt} is null and ${enterprises.operatingStatus} = 'operating' and ${scopeWhere(actor, {
    areaCode: enterprises.areaCode,
    sector: enterprises.sector,
    parkId: enterprises.parkId,
    enterpriseId: enterprises.id,
  })}`;

/** Done principal-duty inspections in [from, to] by organisations whose area is at `level`, in the caller's scope. */
const hitsIn = (actor: Actor, level: PrincipalDutyLevel, from: string, to: string): SQL => sql`
  select ${inspections.enterpriseId} as enterprise_id, ${inspections.inspectedOn} as inspected_on from ${inspections}
    join organisations o on o.id = ${inspections.orgId}
    join areas a on a.code = o.area_code
  where ${inspections.principalDuty} and ${inspections.state} = 'done'
    and ${scopeWhere(actor, {
      areaCode: inspections.areaCode,
      sector: inspections.sector,
      parkId: inspections.parkId,
      enterpriseId: inspections.enterpriseId,
    })}
    and ${inspections.inspectedOn} between ${from}::date and ${to}::date
    and a.level = ${level}`;

export async function countEnterprises(db: DbOrTx, actor: Actor): Promise<number> {
  const [r] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${enterprises} where ${entScope(actor)}`));
  return Number(r?.n ?? 0);
}

/** Enterprises covered in each period of the year (period → distinct enterprises inspected in it). */
export async function coveredPerPeriod(db: DbOrTx, actor: Actor, level: PrincipalDutyLevel, year: number): Promise<Map<number, number>> {
  const months = defaultPrincipalDutyConfig[level];
  const rows = rowsOf<{ p: number; n: number }>(
    await db.execute(sql`
      with hits as (${hitsIn(actor, level, `${year}-01-01`, `${year}-12-31`)})
      select ((extract(month from h.inspected_on)::int - 1) / ${months}::int + 1)::int as p, count(distinct h.enterprise_id)::int as n
      from hits h join ${enterprises} on ${enterprises.id} = h.enterprise_id
      where ${entScope(actor)}
      group by 1`),
  );
  return new Map(rows.map((r) => [Number(r.p), Number(r.n)]));
}

/** Enterprises with no principal-duty inspection by the level in [from, to], by name; with their last one before. */
export async function uncoveredEnterprises(
  db: DbOrTx,
  actor: Actor,
  level: PrincipalDutyLevel,
  range: { from: string; to: string },
  page: { page: number; pageSize: number },
) {
  return rowsOf<{ id: string; name: string; areaCode: string; areaName: string | null; lastInspectedOn: string | null }>(
    await db.execute(sql`
      select ${enterprises.id} as id, ${enterprises.name} as name, ${enterprises.areaCode} as "areaCode",
        (select a.name from areas a where a.code = ${enterprises.areaCode}) as "areaName",
        (select max(h.inspected_on)::text from (${hitsIn(actor, level, '1900-01-01', range.to)}) h
          where h.enterprise_id = ${enterprises.id}) as "lastInspectedOn"
      from ${enterprises}
      where ${entScope(actor)}
        and not exists (select 1 from (${hitsIn(actor, level, range.from, range.to)}) h where h.enterprise_id = ${enterprises.id})
      order by ${enterprises.name}, ${enterprises.id}
      limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`),
  );
}

/** The areas.level of the caller's organisation. */
export async function orgAreaLevel(db: DbOrTx, actor: Actor): Promise<string | null> {
  if (!actor.areaCode) return null;
  const [r] = rowsOf<{ level: string }>(await db.execute(sql`select level from areas where code = ${actor.areaCode}`));
  return r?.level ?? null;
}
