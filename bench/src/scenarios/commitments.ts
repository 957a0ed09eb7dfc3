// Issue 17 item 9: compliance of the 八个一次 for a province (1M enterprises × 8 duties × 12 months) read from the
// maintained aggregates, p95 < 300 ms. The world is the aggregates themselves, as the writers leave them: enterprise
// counts per community and sector (enterprise_counts, BENCH_DUTY_ENTERPRISES enterprises, default 1M on PostgreSQL,
// 100k on PGlite) and duty_compliance rows at the province, city, district and street levels for every obligation of
// the year, each with a share of the enterprises accepted. Timed: the real read (readCompliance) for a province, a
// district and a street officer; the ratio is province / street. And the laggards per area (duties.laggards.ts) from
// duty_kept_counts, the same way.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../server/src/platform/actor';
import { type Database } from '../../../server/src/platform/db';
import { readCompliance } from '../../../server/src/modules/commitments/duties.compliance';
import { readLaggardAreas } from '../../../server/src/modules/commitments/duties.laggards';
import { timeIt, type ScenarioResult } from '../lib';
import { onBothEngines } from '../engines';

const YEAR = 2025;
const TODAY = '2026-01-10';

const officer = (areaPrefix: string): Actor => ({
  id: '00000000-0000-4000-8000-0000000000b1',
  username: 'bench',
  displayName: 'bench',
  role: 'district_officer',
  orgId: null,
  orgName: null,
  areaCode: areaPrefix,
  areaPrefix,
  sectors: [],
  parkId: null,
  enterpriseId: null,
  scopeKind: 'area',
  mustChangePassword: false,
});

/** 20 cities × 10 districts × 10 streets × 5 communities, 10 sectors; counts spread evenly. */
async function world(d: Database, enterprises: number) {
  const perCell = Math.max(1, Math.round(enterprises / (20 * 10 * 10 * 5 * 10)));
  await d.db.execute(sql`
    insert into enterprise_counts (area_code, sector, park_id, is_key, n)
    select '44' || lpad(c::text, 2, '0') || lpad(dd::text, 2, '0') || lpad(s::text, 3, '0') || lpad(m::text, 3, '0'),
           'sector_' || k, '00000000-0000-0000-0000-000000000000'::uuid, false, ${perCell}
    from generate_series(1, 20) c, generate_series(1, 10) dd, generate_series(1, 10) s, generate_series(1, 5) m, generate_series(1, 10) k`);
  // Each street-level row holds its 5 communities' enterprises; about 70% of them kept each obligation.
  const obligations = sql`(select 'monthly_inspection' duty, ${YEAR}::text || '-' || lpad(g::text, 2, '0') period from generate_series(1, 12) g
      union all select 'quarterly_study', ${YEAR}::text || '-Q' || g from generate_series(1, 4) g
      union all select unnest(array['summary_meeting','analysis_meeting','responsibility_letters','safety_lecture','emergency_drill','skills_training']), ${YEAR}::text) o`;
  const perStreet = perCell * 5;
  for (const [len, mult] of [
    [9, 1],
    [6, 10],
    [4, 100],
    [2, 1000],
  ] as const) {
    await d.db.execute(sql`
      insert into duty_compliance (area_len, area_code, sector, park_key, year, duty, period, recorded, accepted)
      select ${len}, a.code, 'sector_' || k, '00000000-0000-0000-0000-000000000000'::uuid, ${YEAR}, o.duty, o.period,
             ${Math.round(perStreet * mult * 0.85)}, ${Math.round(perStreet * mult * 0.7)}
      from (select distinct substr('44' || lpad(c::text, 2, '0') || lpad(dd::text, 2, '0') || lpad(s::text, 3, '0'), 1, ${len}) code
            from generate_series(1, 20) c, generate_series(1, 10) dd, generate_series(1, 10) s) a,
           generate_series(1, 10) k, ${obligations}`);
  }
  // The laggards' aggregate: at each level, per sector, the enterprise-years kept through stages 1–12 (a tenth of the
  // street's enterprises at each of the top stages, so about 60% lag on any day of the next year).
  for (const len of [9, 6, 4, 2] as const) {
    const mult = { 9: 1, 6: 10, 4: 100, 2: 1000 }[len];
    await d.db.execute(sql`
      insert into duty_kept_counts (area_len, area_code, sector, park_key, year, kept_through, n)
      select ${len}, a.code, 'sector_' || k, '00000000-0000-0000-0000-000000000000'::uuid, ${YEAR}, g, ${Math.max(1, Math.round(perStreet * mult * 0.1))}
      from (select distinct substr('44' || lpad(c::text, 2, '0') || lpad(dd::text, 2, '0') || lpad(s::text, 3, '0'), 1, ${len}) code
            from generate_series(1, 20) c, generate_series(1, 10) dd, generate_series(1, 10) s) a,
           generate_series(1, 10) k, generate_series(9, 12) g`);
  }
  await d.db.execute(sql`analyze duty_kept_counts`);
  await d.db.execute(sql`analyze enterprise_counts`);
  await d.db.execute(sql`analyze duty_compliance`);
  return perCell * 20 * 10 * 10 * 5 * 10;
}

async function onEngine(engine: string, d: Database, enterprises: number): Promise<ScenarioResult[]> {
  const total = await world(d, enterprises);
  const read = (prefix: string) => () => readCompliance(d.db, officer(prefix), { year: YEAR }, TODAY);
  const check = await read('44')();
  const province = await timeIt(read('44'), 40, 1, 3);
  const district = await timeIt(read('440101'), 40, 1, 3);
  const street = await timeIt(read('440101001'), 40, 1, 3);
  const lag = (prefix: string) => () => readLaggardAreas(d.db, officer(prefix), { year: YEAR, page: 1, pageSize: 20 }, TODAY);
  const lagCheck = await lag('44')();
  const lagProvince = await timeIt(lag('44'), 40, 1, 3);
  const lagStreet = await timeIt(lag('440101001'), 40, 1, 3);
  return [
    {
      name: 'duty-compliance-province',
      engine,
      metrics: { province, district, street, enterprises: total, rate: check.rate ?? 0 },
      ratios: { p95: province.p95ms / street.p95ms },
      targets: { provinceP95ms: { limit: 300, met: province.p95ms < 300 } },
      notes: `${total} enterprises × 22 obligations of ${YEAR}, read from duty_compliance levels + enterprise_counts; ratio = province / street read`,
    },
    {
      name: 'duty-laggards-province',
      engine,
      metrics: { province: lagProvince, street: lagStreet, enterprises: total, laggards: lagCheck.laggards },
      ratios: { p95: lagProvince.p95ms / lagStreet.p95ms },
      targets: { provinceP95ms: { limit: 300, met: lagProvince.p95ms < 300 } },
      notes: `laggards per city of a ${total}-enterprise province from duty_kept_counts + enterprise_counts (no enterprise read), first page of 20; ratio = province / street read`,
    },
  ];
}

export function commitmentsScenario(): Promise<ScenarioResult[]> {
  return onBothEngines('anjian_bench_commitments', onEngine, {
    pglite: Number(process.env.BENCH_DUTY_ENTERPRISES_LITE ?? 100_000),
    postgres: Number(process.env.BENCH_DUTY_ENTERPRISES ?? 1_000_000),
  });
}
