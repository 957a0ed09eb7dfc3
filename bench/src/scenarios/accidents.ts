// Issue 6 / 19: analysis and indicator queries at province scale (200,000 accidents over 10 years) on
// PostgreSQL, against the same aggregation run directly and against a plain GROUP BY over the registry
// (what the per-dimension rollup saves).
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../../server/src/platform/db';
import { aggregateRegistry, registryQuery, type GroupKey } from '../../../server/src/modules/accidents/analysis.queries';
import { actorFor, openDirect } from '../direct';
import { login, repoRoot, startPlatform, timeIt, type ScenarioResult } from '../lib';
import { ensureDatabase, pgAvailable } from './enterprises';

const TARGET = Number(process.env.BENCH_ACCIDENTS ?? 200_000);
const GROUPS: GroupKey[] = ['year', 'month', 'area', 'sector', 'category'];

/** 200,000 plausible accidents over ten years, spread over the district's communities. */
const fill = sql`
  insert into accidents (occurred_at, area_code, address, sector, category, type_scheme, type_code, cause_category,
                         deaths, missing, serious_injuries, minor_injuries, direct_loss_wan, level)
  select now() - (random() * interval '3650 days'),
         c.code, '基准数据', (array['machinery','commerce','construction','light_industry','transport'])[1 + (g % 5)],
         (array['industry_mining_commerce','road_traffic','road_traffic','fire','other'])[1 + (g % 5)],
         'GB6441-1986', (array['01','02','03','04','05','09','019'])[1 + (g % 7)],
         (array['unsafe_act','unsafe_condition','management','undetermined'])[1 + (g % 4)],
         d, 0, (g % 11 = 0)::int, g % 3, (g % 50)::numeric, case when d >= 3 then 'larger' else 'general' end
  from generate_series(1, ${TARGET}) g
  cross join lateral (select (case when g % 97 = 0 then 3 when g % 4 = 0 then 1 else 0 end) as d) dd
  cross join lateral (select code from areas where level = 'community' and code like '440307%'
                      order by md5(code || g::text) limit 1) c`;

export async function accidentScenario(): Promise<ScenarioResult[]> {
  if (!(await pgAvailable())) return [];
  // Its own database, kept between runs (the fill takes minutes): the demo district and accounts from one start of
  // the platform, then the accidents.
  const url = await ensureDatabase('anjian_bench_accidents', false);
  const direct = await openDirect({ databaseUrl: url });
  await direct.migrate();
  const [row] = rowsOf<{ n: number }>(await direct.db.execute(sql`select count(*)::int as n from accidents`));
  if ((row?.n ?? 0) < TARGET) {
    const seeding = await startPlatform({ DATABASE_URL: url });
    await seeding.stop();
    // One statement without the per-row rollup trigger, then every rollup rebuilt once (as bulk loads do).
    await direct.db.execute(sql`alter table accidents disable trigger accidents_dimension_rollup`);
    await direct.db.execute(fill);
    await direct.db.execute(sql`alter table accidents enable trigger accidents_dimension_rollup`);
    execFileSync(process.execPath, [path.join(repoRoot, 'server/dist/cli.js'), 'rebuild-accident-rollup'], {
      cwd: path.join(repoRoot, 'server'),
      env: { ...process.env, DATABASE_URL: url },
      stdio: 'inherit',
    });
    await direct.db.execute(sql`analyze`);
  }
  const platform = await startPlatform({ DATABASE_URL: url });
  try {
    const s = await login(platform.url, 'officer');
    const actor = await actorFor(direct, 'officer');
    const window = { from: 202201, to: 202611 };
    const rootLength = actor.areaPrefix!.length;
    const api = await timeIt(
      async (i) => {
        const res = await fetch(
          `${platform.url}/api/accidents/analysis?groupBy=${GROUPS[i % GROUPS.length]}&from=2022-01-01&to=2026-11-30`,
          {
            headers: { cookie: s.cookie },
          },
        );
        if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      },
      200,
      4,
    );
    // The API answers each request with this year's and last year's figures: two aggregations.
    const sameSql = await timeIt(
      (i) =>
        Promise.all([
          aggregateRegistry(direct.db, actor, GROUPS[i % GROUPS.length]!, window, {}, rootLength),
          aggregateRegistry(direct.db, actor, GROUPS[i % GROUPS.length]!, { from: window.from - 100, to: window.to - 100 }, {}, rootLength),
        ]),
      200,
      4,
    );
    const groupBy = await timeIt(
      (i) =>
        Promise.all([
          registryQuery(direct.db, actor, GROUPS[i % GROUPS.length]!, window, {}, rootLength),
          registryQuery(direct.db, actor, GROUPS[i % GROUPS.length]!, { from: window.from - 100, to: window.to - 100 }, {}, rootLength),
        ]),
      60,
      4,
    );
    const indicators = await timeIt(
      async () => {
        const res = await fetch(`${platform.url}/api/indicators?areaCode=440307&year=2026`, { headers: { cookie: s.cookie } });
        if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      },
      100,
      4,
    );
    return [
      {
        name: `GET /api/accidents/analysis (${TARGET.toLocaleString('en')} accidents, 10 years; groupBy ${GROUPS.join('/')})`,
        engine: 'postgres',
        metrics: { api, sameSqlDirect: sameSql, plainGroupByOverRegistry: groupBy },
        ratios: { p95VsSameSql: api.p95ms / sameSql.p95ms, p95VsPlainGroupBy: api.p95ms / groupBy.p95ms },
        targets: { 'p95 < 300 ms': { limit: 300, met: api.p95ms < 300 } },
      },
      {
        name: 'GET /api/indicators (three rates, target, pacing forecast)',
        engine: 'postgres',
        metrics: { api: indicators },
        ratios: { p95VsAnalysisP95: indicators.p95ms / api.p95ms },
        targets: { 'p95 < 300 ms': { limit: 300, met: indicators.p95ms < 300 } },
      },
    ];
  } finally {
    await platform.stop();
    await direct.close();
  }
}
