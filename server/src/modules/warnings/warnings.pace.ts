// The area condition of the catalogue, 'deaths_pace': an area's accident deaths this year, as of day D, above the
// deaths its 亿元GDP死亡率 ceiling allows for the year (indicator_targets × indicator_base, the indicators module's
// tables, resolved as that module does) pro rata to the elapsed days (warnings.rules.ts paceExceeded). Deaths count as
// the rates count them (deaths + missing, all categories): the registry's accidents that occurred on or before D in
// D's year, plus other departments' monthly statistics of the months ended by D (a month's figure is complete only
// at its end; a whole-year figure cannot be placed and waits for the year's own report). One query serves every day
// of a backtest, so the current month's backtest is what the live rule fires.
import { sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../platform/db';
import { likePrefix } from '../../platform/scope';
import { deathsAllowed, roundTo, type RateId } from '../../reference/indicators/rates';
import { targetValue } from '../../reference/indicators/targets';
import { yearRate } from '../indicators/compute-indicators';
import type { Hit } from './warnings.conditions';
import { paceExceeded, pacedAllowance } from './warnings.rules';

const RATE: RateId = 'deaths_per_100m_gdp';
const ITEMS = 20;

interface TargetRow {
  code: string;
  name: string;
  prefix: string;
  year: number;
  kind: string;
  value: number | null;
  base_year: number | null;
  base_value: number | null;
  reduction_percent: number | null;
  gdp: number | null;
}

/** The year's death allowance of each area with a target and a GDP figure (areas without either are not judged). */
async function allowances(db: DbOrTx, years: number[], prefix: string, focusArea?: string) {
  const rows = rowsOf<TargetRow>(
    await db.execute(sql`
      select a.code, a.name, a.prefix, t.year::int as year, t.kind, t.value, t.base_year::int as base_year, t.base_value,
             t.reduction_percent, b.gdp_yi as gdp
        from indicator_targets t join areas a on a.code = t.area_code
        left join indicator_base b on b.area_code = t.area_code and b.year = t.year
       where t.indicator = ${RATE} and t.year in (${sql.join(
         years.map((y) => sql`${y}`),
         sql`, `,
       )})
         and a.prefix like ${likePrefix(prefix)}
         ${focusArea ? sql`and left(${focusArea}::text, length(a.prefix)) = a.prefix` : sql``}
       order by a.code, t.year`),
  );
  const out: { code: string; name: string; prefix: string; year: number; allowed: number }[] = [];
  for (const r of rows) {
    if (!r.gdp || r.gdp <= 0) continue;
    let ceiling: number | null = null;
    if (r.kind === 'absolute') ceiling = r.value;
    else {
      const base = r.base_value ?? (await yearRate(db, r.code, r.prefix, r.base_year!, RATE));
      if (base !== null && r.reduction_percent !== null)
        ceiling = targetValue({ kind: 'reduction', baseYear: r.base_year!, baseValue: base, reductionPercent: r.reduction_percent });
    }
    if (ceiling === null) continue;
    out.push({ code: r.code, name: r.name, prefix: r.prefix, year: r.year, allowed: deathsAllowed(RATE, ceiling, r.gdp) });
  }
  return out;
}

interface DeathRow {
  code: string;
  d: string;
  registry: number;
  statistics: number;
  items: { id: string; label: string; date: string | null }[] | null;
}

/** Areas meeting the condition on each of `days`, within `prefix` (optionally only the areas containing `focusArea`). */
export async function paceHitsOnDays(
  db: DbOrTx,
  tolerancePct: number,
  days: readonly string[],
  prefix: string,
  focusArea?: string,
): Promise<Map<string, Hit[]>> {
  const out = new Map<string, Hit[]>(days.map((d) => [d, []]));
  const years = [...new Set(days.map((d) => Number(d.slice(0, 4))))];
  const areas = await allowances(db, years, prefix, focusArea);
  if (areas.length === 0) return out;
  const pairs = areas.flatMap((a) =>
    days.filter((d) => Number(d.slice(0, 4)) === a.year).map((d) => ({ code: a.code, prefix: a.prefix, d })),
  );
  if (pairs.length === 0) return out;
  const deaths = rowsOf<DeathRow>(
    await db.execute(sql`
      with p as (select * from jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as x(code text, prefix text, d date))
      select p.code, p.d::text as d,
             (select coalesce(sum(x.deaths + x.missing), 0)::int
                from accidents x
               where left(x.area_code, length(p.prefix)) = p.prefix
                 and x.occurred_at >= (date_trunc('year', p.d)::timestamp at time zone 'Asia/Shanghai')
                 and x.occurred_at < ((p.d + 1)::timestamp at time zone 'Asia/Shanghai')) as registry,
             (select coalesce(sum(s.deaths), 0)::int
                from accident_statistics s
               where left(s.area_code, length(p.prefix)) = p.prefix and s.year = extract(year from p.d) and s.month > 0
                 and (make_date(s.year, s.month, 1) + interval '1 month' - interval '1 day')::date <= p.d) as statistics,
             (select to_jsonb((array_agg(jsonb_build_object('id', x.id::text, 'label', coalesce(x.unit_name, x.address),
                                'date', to_char(x.occurred_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD'))
                              order by x.occurred_at, x.id))[1:${sql.raw(String(ITEMS))}])
                from accidents x
               where left(x.area_code, length(p.prefix)) = p.prefix and x.deaths + x.missing > 0
                 and x.occurred_at >= (date_trunc('year', p.d)::timestamp at time zone 'Asia/Shanghai')
                 and x.occurred_at < ((p.d + 1)::timestamp at time zone 'Asia/Shanghai')) as items
        from p`),
  );
  const byKey = new Map(deaths.map((r) => [`${r.code}|${r.d}`, r]));
  for (const d of days) {
    for (const a of areas) {
      if (a.year !== Number(d.slice(0, 4))) continue;
      const r = byKey.get(`${a.code}|${d}`);
      const n = r ? Number(r.registry) + Number(r.statistics) : 0;
      if (!paceExceeded(n, a.allowed, d, tolerancePct)) continue;
      const paced = roundTo(pacedAllowance(a.allowed, d), 1);
      out.get(d)!.push({
        subjectType: 'area',
        subjectId: a.code,
        label: a.name,
        enterpriseId: null,
        areaCode: a.code,
        sector: null,
        parkId: null,
        evidence: {
          summary: `截至${d}事故死亡${n}人，超过按时间进度控制数${paced}人（全年控制数${roundTo(a.allowed, 1)}人）`,
          summaryEn: `${n} accident death(s) to ${d}, above the ${paced} the year's pace allows (${roundTo(a.allowed, 1)} for the year)`,
          count: n,
          items: r?.items ?? [],
        },
      });
    }
  }
  return out;
}
