// The facts other capabilities keep, read set-wise for every assessed unit at once (one statement per source, whatever
// the number of units), and only for the sources a scheme uses. A unit reaches the enterprises of its own scope: a
// street its area, an industry department its area and sectors, a park station its park — as the scope predicate reads
// their rows. Each source reads its module's maintained data, never another module's commands:
//  - standardization: the enterprise file's mirror of the grade in force (insurance/standardization writes it) —
//    规上 (scale 'above') operating enterprises, graded 三级 or better with an expiry on or after the day (seed 003);
//  - 三项岗位 certificates: people_summaries (post holders with a valid certificate / people in the posts);
//  - principals' training: training_summaries of the year (principals trained / principals);
//  - inspections against plan: the unit's own 年度执法检查计划 (inspection_plans by org and year), each group's
//    required inspections (its enterprises × times a year, as the plan page counts them) against the inspections done
//    in the year on those enterprises, each group counted up to its requirement.
// "The day" of the snapshot sources is the year's last day once it is over, today while it runs.
import { sql } from 'drizzle-orm';
import type { IndicatorSource } from '@anjian/contracts';
import { rowsOf, type DbOrTx } from '../../platform/db';
import type { Unit } from './assessment.sources';

export interface ModuleFacts {
  standardization: { above: number; graded: number };
  certificates: { people: number; holders: number };
  training: { principals: number; trained: number };
  inspections: { hasPlan: boolean; required: number; done: number };
}

export const emptyModuleFacts = (): ModuleFacts => ({
  standardization: { above: 0, graded: 0 },
  certificates: { people: 0, holders: 0 },
  training: { principals: 0, trained: 0 },
  inspections: { hasPlan: false, required: 0, done: 0 },
});

const unitsTable = (units: Unit[]) =>
  sql`(select * from jsonb_to_recordset(${JSON.stringify(
    units.map((u) => ({ id: u.id, area: u.areaCode, sectors: u.sectors.join(','), park: u.parkId })),
  )}::jsonb) as x(id uuid, area text, sectors text, park text))`;

/** The unit's scope over a table's own scope columns (alias `t`). */
const inUnit = sql`t.area_code like u.area || '%'
  and (u.sectors = '' or t.sector = any(string_to_array(u.sectors, ',')))
  and (u.park is null or t.park_id::text = u.park)`;

/** A plan group's enterprises within the unit (alias `t`, the group `grp`): the plan page's filter. */
const groupEnterprises = sql`${inUnit} and t.deleted_at is null and t.operating_status = 'operating'
  and (grp->'filter'->>'sector' is null or t.sector = grp->'filter'->>'sector')
  and (grp->'filter'->>'isKey' is null or t.is_key = (grp->'filter'->>'isKey')::boolean)
  and (grp->'filter'->>'tag' is null or t.hazard_tags @> array[grp->'filter'->>'tag'])`;

/** The snapshot day of a year's assessment. */
export const asOfDay = (year: number, today: string) => (Number(today.slice(0, 4)) > year ? `${year}-12-31` : today);

type Counts = { id: string; a: number; b: number };

export async function moduleFacts(
  db: DbOrTx,
  units: Unit[],
  year: number,
  today: string,
  sources: ReadonlySet<IndicatorSource>,
): Promise<Map<string, ModuleFacts>> {
  const out = new Map(units.map((u) => [u.id, emptyModuleFacts()]));
  if (units.length === 0) return out;
  const day = asOfDay(year, today);
  const u = unitsTable(units);
  const read = async (source: IndicatorSource, q: ReturnType<typeof sql>) =>
    sources.has(source) ? rowsOf<Counts>(await db.execute(q)) : [];
  const [std, cert, train, insp] = await Promise.all([
    read(
      'standardization_rate',
      sql`select u.id, count(t.id)::int as a,
                 (count(t.id) filter (where t.standardization_grade in ('1', '2', '3') and t.standardization_expiry >= ${day}))::int as b
            from ${u} u left join enterprises t on ${inUnit}
             and t.deleted_at is null and t.operating_status = 'operating' and t.scale = 'above'
           group by u.id`,
    ),
    read(
      'certificate_rate',
      sql`select u.id, coalesce(sum(t.post_people), 0)::int as a, coalesce(sum(t.post_holders), 0)::int as b
            from ${u} u left join people_summaries t on ${inUnit}
           group by u.id`,
    ),
    read(
      'principal_training_rate',
      sql`select u.id, coalesce(sum(t.principals), 0)::int as a, coalesce(sum(t.principals_trained), 0)::int as b
            from ${u} u left join training_summaries t on t.year = ${year} and ${inUnit}
           group by u.id`,
    ),
    read(
      'inspections_vs_plan',
      sql`select u.id, coalesce(sum(g.required), -1)::int as a, coalesce(sum(least(g.done, g.required)), 0)::int as b
            from ${u} u
            left join inspection_plans p on p.org_id = u.id and p.year = ${year}
            left join lateral (
              select (select count(*) from enterprises t where ${groupEnterprises})::int * (grp->>'timesPerYear')::int as required,
                     (select count(*) from inspections i join enterprises t on t.id = i.enterprise_id
                       where ${groupEnterprises} and i.state = 'done'
                         and i.inspected_on >= ${`${year}-01-01`}::date and i.inspected_on <= ${`${year}-12-31`}::date)::int as done
                from jsonb_array_elements(p.groups) grp
            ) g on true
           group by u.id`,
    ),
  ]);
  for (const r of std) out.get(r.id)!.standardization = { above: r.a, graded: r.b };
  for (const r of cert) out.get(r.id)!.certificates = { people: r.a, holders: r.b };
  for (const r of train) out.get(r.id)!.training = { principals: r.a, trained: r.b };
  for (const r of insp) out.get(r.id)!.inspections = { hasPlan: r.a >= 0, required: Math.max(0, r.a), done: r.b };
  return out;
}
