// Issue 17 items 6–7: the 安责险 coverage check over the bench enterprises. The subject is findUninsured (first page
// and total of mandatory-sector enterprises without a policy in force today, through the scope predicate) plus the
// coverage rates per district of a city; the baseline is the bare uninsured count (the same anti-join without scope,
// paging or grouping), interleaved in one run. Also the 规上 standardization rate per district (index-only over
// enterprises_standardization_idx). PGlite gets a smaller world (BENCH_INSURANCE_LITE_ENTERPRISES); PostgreSQL the
// full one (BENCH_INSURANCE_ENTERPRISES).
import { sql } from 'drizzle-orm';
import { roleScopeKind } from '@anjian/contracts';
import type { Actor } from '../../../server/src/platform/actor';
import { type Database } from '../../../server/src/platform/db';
import { findUninsured } from '../../../server/src/modules/insurance/insurance.queries';
import { insuranceRates, standardizationRates } from '../../../server/src/modules/insurance/rates';
import { percentiles, type ScenarioResult } from '../lib';
import { onBothEngines } from '../engines';
import { syntheticAreas } from '../synthetic-areas';

const N = Number(process.env.BENCH_INSURANCE_QUERIES ?? 30);
const TODAY = '2026-12-01';

const actor: Actor = {
  id: '00000000-0000-4000-8000-000000000000',
  username: 'bench',
  displayName: 'bench',
  role: 'district_officer',
  orgId: null,
  orgName: null,
  areaCode: '440300',
  areaPrefix: '4403',
  sectors: [],
  parkId: null,
  enterpriseId: null,
  scopeKind: roleScopeKind.district_officer,
  mustChangePassword: false,
};

async function world(d: Database, enterprises: number) {
  await syntheticAreas(d);
  // A fifth each of five sectors (two of them mandatory); a third 规上, half of those graded with a tenth expired.
  await d.db.execute(sql`
    insert into enterprises (name, credit_code, unit_type, address, area_code, sector, scale, standardization_grade,
                             standardization_date, standardization_expiry)
    select 'E' || g, 'BENCH' || lpad(g::text, 13, '0'), 'enterprise', 'A' || g, '4403' || (10 + g % 90) || '001',
           (array['machinery','hazardous_chemicals','construction','commerce','other'])[1 + g % 5],
           case when g % 3 = 0 then 'above' else 'below' end,
           case when g % 6 = 0 then (array['1','2','3'])[1 + g % 3] end,
           case when g % 6 = 0 then date '2024-06-01' end,
           case when g % 6 = 0 then (case when g % 60 = 0 then date '2026-06-01' else date '2027-06-01' end) end
      from generate_series(1, ${enterprises}::int) g`);
  // Four in five mandatory enterprises hold a policy; one in ten of those lapsed last month.
  await d.db.execute(sql`
    insert into insurance_policies (enterprise_id, area_code, sector, insurer, policy_no, starts_on, ends_on, insured_persons,
                                    premium_fen, rate_factor)
    select e.id, e.area_code, e.sector, '保险公司', 'P' || e.credit_code,
           date '2025-11-01', case when right(e.credit_code, 2) < '10' then date '2026-11-01' else date '2027-10-31' end, 20, 100000, 1
      from enterprises e
     where e.sector in ('hazardous_chemicals', 'construction') and right(e.credit_code, 1) not in ('1', '6')`);
  await d.db.execute(sql`analyze enterprises`);
  await d.db.execute(sql`analyze insurance_policies`);
}

const baseline = (d: Database) =>
  d.db.execute(sql`
    select count(*)::int as n from enterprises e
     where e.deleted_at is null and e.sector in ('non_coal_mining','hazardous_chemicals','fireworks','transport','construction','metallurgy')
       and not exists (select 1 from insurance_policies p where p.enterprise_id = e.id and p.starts_on <= ${TODAY} and p.ends_on >= ${TODAY})`);

async function onEngine(engine: string, d: Database, enterprises: number): Promise<ScenarioResult> {
  await world(d, enterprises);
  const subjectRun = () => findUninsured(d.db, actor, { page: 1, pageSize: 20 }, TODAY);
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
  const rates: number[] = [];
  const grades: number[] = [];
  for (let i = 0; i < 10; i++) {
    let t0 = performance.now();
    await insuranceRates(d.db, actor, '440300', TODAY);
    rates.push(performance.now() - t0);
    t0 = performance.now();
    await standardizationRates(d.db, actor, '440300', TODAY);
    grades.push(performance.now() - t0);
  }
  const s = percentiles(subject);
  const b = percentiles(base);
  return {
    name: 'insurance',
    engine,
    metrics: { uninsured: s, bareCount: b, coverageRates: percentiles(rates), standardizationRates: percentiles(grades) },
    ratios: { p50: s.p50ms / b.p50ms, p95: s.p95ms / b.p95ms },
    notes: `${enterprises} enterprises (2 of 5 sectors mandatory, 80% insured, a tenth lapsed); subject = first page + total through scope; baseline = the bare uninsured count; rates per district of a 90-district city`,
  };
}

export function insuranceScenario(): Promise<ScenarioResult[]> {
  return onBothEngines('anjian_bench_insurance', onEngine, {
    pglite: Number(process.env.BENCH_INSURANCE_LITE_ENTERPRISES ?? 20_000),
    postgres: Number(process.env.BENCH_INSURANCE_ENTERPRISES ?? 200_000),
  });
}
