// Issue 18 items 4 and 6: drill compliance over a province's enterprises. The subject is findCompliance (the first
// page, the total and the sector and area groupings) reading the per-enterprise drill status kept on write; the
// baseline is the same overdue count computed from the drill records themselves (max held_on per enterprise and plan
// type, then the rule), interleaved in one run, so the ratio shows what maintaining the status on write buys. Also
// the readiness view of the province. PGlite gets a smaller world (BENCH_DRILLS_LITE_*); PostgreSQL the full one.
import { sql } from 'drizzle-orm';
import { roleScopeKind } from '@anjian/contracts';
import type { Actor } from '../../../server/src/platform/actor';
import { type Database } from '../../../server/src/platform/db';
import { findCompliance } from '../../../server/src/modules/emergency/drills.queries';
import { overdueBounds } from '../../../server/src/modules/emergency/drills.rules';
import { readinessOf } from '../../../server/src/modules/emergency/readiness';
import { percentiles, type ScenarioResult } from '../lib';
import { onBothEngines } from '../engines';
import { syntheticAreas } from '../synthetic-areas';

const N = Number(process.env.BENCH_DRILLS_QUERIES ?? 40);
export const TODAY = '2026-12-01';

export const actor: Actor = {
  id: '00000000-0000-4000-8000-000000000000',
  username: 'bench',
  displayName: 'bench',
  role: 'district_officer',
  orgId: null,
  orgName: null,
  areaCode: '440000',
  areaPrefix: '44',
  sectors: [],
  parkId: null,
  enterpriseId: null,
  scopeKind: roleScopeKind.district_officer,
  mustChangePassword: false,
};

export async function world(d: Database, enterprises: number) {
  // 90 districts of one city, a street in each (enterprises reference their area).
  await syntheticAreas(d);
  await d.db.execute(sql`
    insert into enterprises (name, credit_code, unit_type, address, area_code, sector)
    select 'E' || g, 'BENCH' || lpad(g::text, 13, '0'), 'enterprise', 'A' || g, '4403' || (10 + g % 90) || '001',
           (array['machinery','hazardous_chemicals','construction','commerce','other'])[1 + g % 5]
      from generate_series(1, ${enterprises}::int) g`);
  // Four drills per enterprise over two years, a tenth of enterprises never drilled.
  await d.db.execute(sql`
    insert into emergency_drills (enterprise_id, area_code, sector, plan_type, kind, scenario, held_on)
    select e.id, e.area_code, e.sector, case when k % 2 = 0 then 'onsite' else 'comprehensive' end, 'tabletop', 'S',
           date '2025-01-01' + ((random() * 700)::int)
      from enterprises e cross join generate_series(1, 4) k
     where right(e.credit_code, 1) <> '0'`);
  await d.db.execute(sql`
    insert into emergency_drill_status (enterprise_id, area_code, sector, last_plan_drill_on, last_onsite_drill_on)
    select enterprise_id, min(area_code), min(sector),
           max(held_on) filter (where plan_type <> 'onsite'), max(held_on) filter (where plan_type = 'onsite')
      from emergency_drills group by enterprise_id`);
  await d.db.execute(sql`analyze enterprises`);
  await d.db.execute(sql`analyze emergency_drills`);
  await d.db.execute(sql`analyze emergency_drill_status`);
}

async function baseline(d: Database) {
  const b = overdueBounds(TODAY);
  return d.db.execute(sql`
    select count(*) filter (where p is null or p < ${b.plan}::date or o is null or o < ${b.onsite}::date)::int as overdue, count(*)::int as n
      from (select e.id,
                   (select max(held_on) from emergency_drills x where x.enterprise_id = e.id and x.plan_type <> 'onsite') as p,
                   (select max(held_on) from emergency_drills x where x.enterprise_id = e.id and x.plan_type = 'onsite') as o
              from enterprises e where e.area_code like '44%' and e.deleted_at is null) s`);
}

async function onEngine(engine: string, d: Database, enterprises: number): Promise<ScenarioResult> {
  await world(d, enterprises);
  const subjectRun = () => findCompliance(d.db, actor, { page: 1, pageSize: 20, overdue: true }, TODAY);
  for (let i = 0; i < 3; i++) await subjectRun();
  const subject: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < N; i++) {
    for (const real of i % 2 === 0 ? [false, true] : [true, false]) {
      const t0 = performance.now();
      await (real ? subjectRun() : baseline(d));
      (real ? subject : base).push(performance.now() - t0);
    }
  }
  const ready: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    await readinessOf(d.db, actor, '440000', TODAY);
    ready.push(performance.now() - t0);
  }
  const s = percentiles(subject);
  const b = percentiles(base);
  return {
    name: 'emergency-drills',
    engine,
    metrics: { compliance: s, fromDrillRecords: b, readiness: percentiles(ready) },
    ratios: { p50: s.p50ms / b.p50ms, p95: s.p95ms / b.p95ms },
    notes: `${enterprises} enterprises, 4 drills each (a tenth never drilled); subject = page + total + sector and area groups; baseline = the overdue count alone from drill records`,
  };
}

export function drillsScenario(): Promise<ScenarioResult[]> {
  return onBothEngines('anjian_bench_drills', onEngine, {
    pglite: Number(process.env.BENCH_DRILLS_LITE_ENTERPRISES ?? 20_000),
    postgres: Number(process.env.BENCH_DRILLS_ENTERPRISES ?? 200_000),
  });
}
