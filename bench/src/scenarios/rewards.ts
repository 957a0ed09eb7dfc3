// Issue 15 §5: the rate "rewards paid / rewards due" per year and area (GET /api/rewards/rate's query, rewardRateOf:
// the scope predicate, one year, grouped by area over report_rewards_year_area_idx) for a district officer and a
// street officer, against a bare count of the same year's rows measured in the same run, on PGlite and (when
// reachable) PostgreSQL. BENCH_REWARDS sets how many rewards are generated (default 50,000 over 30 streets, 5 years).
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../server/src/platform/actor';
import { type Database } from '../../../server/src/platform/db';
import { rewardRateOf } from '../../../server/src/modules/reports/rewards/rewards.queries';
import { timeIt, type ScenarioResult } from '../lib';
import { onBothEngines } from '../engines';

const N = Number(process.env.BENCH_REWARDS ?? 50_000);

const actor = (areaCode: string, role: Actor['role']): Actor => ({
  id: '00000000-0000-4000-8000-000000000001',
  username: 'bench',
  displayName: 'bench',
  role,
  orgId: null,
  orgName: null,
  areaCode,
  areaPrefix: areaCode,
  sectors: [],
  parkId: null,
  enterpriseId: null,
  scopeKind: 'area',
  mustChangePassword: false,
});

async function onEngine(engine: string, d: Database): Promise<ScenarioResult> {
  // Reports and their rewards in 30 streets (9-digit codes under the bench district 449900), five years.
  await d.db.execute(sql`
    insert into reports (tracking_code, category, channel, area_code, address, occurred_on, description, named, status,
                         submitted_on, accept_due)
    select 'BENCH' || g, 'hidden_danger', 'online', '449900' || lpad((g % 30 + 1)::text, 3, '0'), '基准地址', date '2022-01-01',
           '基准举报内容', true, 'replied', date '2022-01-01' + (g % 1800), date '2022-01-08'
      from generate_series(1, ${N}) g`);
  await d.db.execute(sql`
    insert into report_rewards (report_id, area_code, year, status, finding, due_on)
    select id, area_code, extract(year from submitted_on)::int,
           (array['due','proposed','approved','paid','paid','paid','declined','lapsed'])[1 + (abs(hashtext(id::text)) % 8)],
           'verified', submitted_on
      from reports where tracking_code like 'BENCH%'`);
  await d.db.execute(sql`analyze report_rewards`);
  const district = actor('449900', 'district_officer');
  const street = actor('449900007', 'street_officer');
  const district_ = await timeIt(() => rewardRateOf(d.db, district, 2024), 200, 1);
  const street_ = await timeIt(() => rewardRateOf(d.db, street, 2024), 200, 1);
  const bare = await timeIt(() => d.db.execute(sql`select count(*) from report_rewards where year = 2024`), 200, 1);
  return {
    name: 'rewards-rate',
    engine,
    metrics: { districtRate: district_, streetRate: street_, bareCount: bare },
    ratios: { districtP95VsBare: district_.p95ms / bare.p95ms, streetP95VsBare: street_.p95ms / bare.p95ms },
    targets: { 'district rate p95 < 300 ms': { limit: 300, met: district_.p95ms < 300 } },
    notes: `${N} rewards over 30 streets and 5 years; baseline: a bare count of the same year`,
  };
}

export function rewardsScenario(): Promise<ScenarioResult[]> {
  return onBothEngines('anjian_bench_rewards', onEngine);
}
