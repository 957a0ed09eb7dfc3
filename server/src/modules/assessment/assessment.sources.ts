// The computed facts of every assessed unit for a year, three set-wise reads over the maintained rollups (never the
// registries), whatever the number of units:
//  - hidden dangers (hazard_stats_monthly, the cohort of the year's hidden dangers at the unit's own area level):
//    found, and closed not late. A street is its area; a department its area and sectors; a park its park.
//  - accidents (accident_monthly_rollup, areas cut to street level): this and last year's accidents and deaths, and
//    the year's larger (较大) or worse ones, under the unit's area prefix and sectors.
//  - work-plan monthly reports (work_task_reports) the unit filed as lead unit in the year, and those not late.
// The other capabilities' facts (standardization, certificates, training, inspections against plan) are read by
// assessment.module-sources.ts, only for the sources the scheme uses.
import { sql } from 'drizzle-orm';
import type { IndicatorSource } from '@anjian/contracts';
import { moduleFacts } from './assessment.module-sources';
import type { DbOrTx } from '../../platform/db';
import { rowsOf } from '../../platform/db';
import type { UnitFacts } from './assessment.calc';

export interface Unit {
  id: string;
  areaCode: string;
  sectors: string[];
  parkId: string | null;
}

const LARGER_OR_WORSE = ['larger', 'major', 'especially_major'];

/** The units as a derived table (jsonb_to_recordset: one parameter, any number of units). */
const unitsTable = (units: Unit[]) =>
  sql`(select * from jsonb_to_recordset(${JSON.stringify(
    units.map((u) => ({ id: u.id, area: u.areaCode, sectors: u.sectors.join(','), park: u.parkId })),
  )}::jsonb) as x(id uuid, area text, sectors text, park text))`;

/** The sources a scheme's indicators read. */
export const sourcesOf = (defs: readonly { source: IndicatorSource }[]) => new Set(defs.map((d) => d.source));

export async function unitFacts(
  db: DbOrTx,
  units: Unit[],
  year: number,
  modules?: { today: string; sources: ReadonlySet<IndicatorSource> },
): Promise<Map<string, UnitFacts>> {
  const out = new Map<string, UnitFacts>();
  if (units.length === 0) return out;
  const fromModules = modules ? await moduleFacts(db, units, year, modules.today, modules.sources) : null;
  const from = `${year}-01`;
  const to = `${year}-12`;
  const [hazards, accidents, reports] = await Promise.all([
    db.execute(sql`
      select u.id, coalesce(sum(h.found), 0)::int as found, coalesce(sum(h.closed - h.closed_late), 0)::int as on_time
        from ${unitsTable(units)} u
        left join hazard_stats_monthly h
          on h.area_len = length(u.area) and h.area_code = u.area
         and (u.sectors = '' or h.sector = any(string_to_array(u.sectors, ',')))
         and (u.park is null or h.park_key = u.park)
         and h.month >= ${from} and h.month <= ${to}
       group by u.id`),
    db.execute(sql`
      select u.id,
             coalesce(sum(a.deaths) filter (where a.year = ${year}), 0)::int as deaths,
             coalesce(sum(a.deaths) filter (where a.year = ${year - 1}), 0)::int as deaths_last,
             coalesce(sum(a.accidents) filter (where a.year = ${year}), 0)::int as n,
             coalesce(sum(a.accidents) filter (where a.year = ${year - 1}), 0)::int as n_last,
             coalesce(sum(a.accidents) filter (where a.year = ${year} and a.level in (${sql.join(
               LARGER_OR_WORSE.map((l) => sql`${l}`),
               sql`, `,
             )})), 0)::int as larger
        from ${unitsTable(units)} u
        left join accident_monthly_rollup a
          on a.area_code like u.area || '%'
         and (u.sectors = '' or a.sector = any(string_to_array(u.sectors, ',')))
         and a.year in (${year}, ${year - 1})
       group by u.id`),
    db.execute(sql`
      select u.id, count(r.id)::int as filed, (count(r.id) filter (where not r.late))::int as on_time
        from ${unitsTable(units)} u
        left join work_task_reports r on r.lead_org_id = u.id and r.month >= ${from} and r.month <= ${to}
       group by u.id`),
  ]);
  for (const u of units)
    out.set(u.id, {
      hazards: { found: 0, onTime: 0 },
      reports: { filed: 0, onTime: 0 },
      accidents: { deaths: 0, deathsLastYear: 0, count: 0, countLastYear: 0, larger: 0 },
      ...(fromModules ? { modules: fromModules.get(u.id)! } : {}),
    });
  for (const r of rowsOf<{ id: string; found: number; on_time: number }>(hazards))
    out.get(r.id)!.hazards = { found: r.found, onTime: r.on_time };
  for (const r of rowsOf<{ id: string; deaths: number; deaths_last: number; n: number; n_last: number; larger: number }>(accidents))
    out.get(r.id)!.accidents = { deaths: r.deaths, deathsLastYear: r.deaths_last, count: r.n, countLastYear: r.n_last, larger: r.larger };
  for (const r of rowsOf<{ id: string; filed: number; on_time: number }>(reports))
    out.get(r.id)!.reports = { filed: r.filed, onTime: r.on_time };
  return out;
}
