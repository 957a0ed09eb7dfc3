// Issue 16 items 5 and 6: coverage and rate reads of a province. Subjects: a campaign's coverage per street
// (findCoverage over publicity_coverage) and the occupational-health rates per street (findRateSums over oh_rate_cells),
// both maintained on write; baselines: the same numbers from a plain GROUP BY over the targets and the profiles,
// interleaved in one run. PGlite gets a smaller world (BENCH_REACH_LITE_ENTERPRISES); PostgreSQL the full one.
import { sql } from 'drizzle-orm';
import { roleScopeKind } from '@anjian/contracts';
import type { Actor } from '../../../server/src/platform/actor';
import { rowsOf, type Database } from '../../../server/src/platform/db';
import { findCoverage } from '../../../server/src/modules/publicity/publicity.queries';
import { findRateSums } from '../../../server/src/modules/occupational-health/occupational-health.queries';
import { percentiles, type ScenarioResult } from '../lib';
import { onBothEngines } from '../engines';
import { syntheticAreas } from '../synthetic-areas';

const N = Number(process.env.BENCH_REACH_QUERIES ?? 40);
const actor: Actor = {
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

async function world(d: Database, enterprises: number) {
  await syntheticAreas(d);
  await d.db.execute(sql`
    insert into enterprises (name, credit_code, unit_type, address, area_code, sector)
    select 'E' || g, 'BENCHR' || lpad(g::text, 12, '0'), 'enterprise', 'A' || g, '4403' || (10 + g % 90) || '001',
           (array['machinery','hazardous_chemicals','building_materials','commerce','other'])[1 + g % 5]
      from generate_series(1, ${enterprises}::int) g`);
  const [c] = rowsOf<{ id: string }>(
    await d.db.execute(sql`
      insert into publicity_campaigns (area_code, title, kind, starts_on, ends_on, items)
      values ('44', '四个一', 'four_ones', '2026-01-01', '2026-12-31', array['poster','handbook','tip','lecture']) returning id`),
  );
  const campaignId = c!.id;
  await d.db.execute(sql`
    insert into publicity_targets (campaign_id, enterprise_id, area_code, sector, reached)
    select ${campaignId}, e.id, e.area_code, e.sector, random() < 0.6 from enterprises e`);
  await d.db.execute(sql`
    insert into publicity_coverage (campaign_id, area_code, sector, targets, reached)
    select campaign_id, area_code, sector, count(*), count(*) filter (where reached) from publicity_targets group by 1, 2, 3`);
  await d.db.execute(sql`
    insert into oh_profiles (enterprise_id, area_code, sector, declared, detected, ppe, graded, exposed_workers, workers_checked)
    select e.id, e.area_code, e.sector, random() < 0.9, random() < 0.7, random() < 0.8, random() < 0.6, 20, (random() * 20)::int
      from enterprises e where right(e.credit_code, 1) <> '0'`);
  await d.db.execute(sql`
    insert into oh_rate_cells (area_code, sector, enterprises, declared, detected, ppe, graded, exposed_workers, workers_checked)
    select area_code, sector, count(*), count(*) filter (where declared), count(*) filter (where detected), count(*) filter (where ppe),
           count(*) filter (where graded), sum(exposed_workers), sum(workers_checked) from oh_profiles group by 1, 2`);
  for (const t of ['enterprises', 'publicity_targets', 'publicity_coverage', 'oh_profiles', 'oh_rate_cells'])
    await d.db.execute(sql.raw(`analyze ${t}`));
  return campaignId;
}

async function interleave(subjectRun: () => Promise<unknown>, baseRun: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await subjectRun();
  const subject: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < N; i++) {
    for (const real of i % 2 === 0 ? [false, true] : [true, false]) {
      const t0 = performance.now();
      await (real ? subjectRun() : baseRun());
      (real ? subject : base).push(performance.now() - t0);
    }
  }
  return { s: percentiles(subject), b: percentiles(base) };
}

async function onEngine(engine: string, d: Database, enterprises: number): Promise<ScenarioResult[]> {
  const campaignId = await world(d, enterprises);
  const cov = await interleave(
    () => findCoverage(d.db, actor, campaignId, 'street'),
    () =>
      d.db.execute(sql`select left(area_code, 9), count(*), count(*) filter (where reached) from publicity_targets
        where campaign_id = ${campaignId} and area_code like '44%' group by 1 order by 1`),
  );
  const rates = await interleave(
    () => findRateSums(d.db, actor, 'street', { page: 1, pageSize: 100 }),
    () =>
      d.db.execute(sql`select left(area_code, 9), count(*), count(*) filter (where declared), count(*) filter (where detected),
        count(*) filter (where ppe), count(*) filter (where graded), sum(exposed_workers), sum(workers_checked)
        from oh_profiles where area_code like '44%' group by 1 order by 1`),
  );
  const notes = `${enterprises} enterprises (90 streets, 5 sectors); baseline = the same GROUP BY over the source rows`;
  return [
    {
      name: 'publicity-coverage',
      engine,
      metrics: { coverage: cov.s, fromTargets: cov.b },
      ratios: { p50: cov.s.p50ms / cov.b.p50ms, p95: cov.s.p95ms / cov.b.p95ms },
      notes,
    },
    {
      name: 'occupational-health-rates',
      engine,
      metrics: { rates: rates.s, fromProfiles: rates.b },
      ratios: { p50: rates.s.p50ms / rates.b.p50ms, p95: rates.s.p95ms / rates.b.p95ms },
      notes,
    },
  ];
}

export function reachScenario(): Promise<ScenarioResult[]> {
  return onBothEngines('anjian_bench_reach', onEngine, {
    pglite: Number(process.env.BENCH_REACH_LITE_ENTERPRISES ?? 20_000),
    postgres: Number(process.env.BENCH_REACH_ENTERPRISES ?? 500_000),
  });
}
