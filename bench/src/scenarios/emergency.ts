// Issue 18: "nearest depot holding an item with enough stock" across a province — the subject is findNearest (a
// bounding box on the (kind, lat, lng) index, haversine in SQL, growing radius) and the baseline the same answer by
// brute force (haversine over every depot holding the item, ordered), interleaved in one run; plus the map layer of
// the province's resources. Targets from the issue: nearest p95 < 100 ms (10k depots, 1M stock batches); map layer
// p95 < 300 ms. PGlite gets a smaller world (BENCH_EMERGENCY_LITE_*); PostgreSQL (when reachable) the issue's.
import { sql } from 'drizzle-orm';
import { roleScopeKind } from '@anjian/contracts';
import type { Actor } from '../../../server/src/platform/actor';
import { openPglite, rowsOf, type Database } from '../../../server/src/platform/db';
import { findNearest } from '../../../server/src/modules/emergency/nearest';
import { findMapLayer } from '../../../server/src/modules/emergency/resources.queries';
import { openDirect } from '../direct';
import { percentiles, type ScenarioResult } from '../lib';
import { ensureDatabase, pgAvailable } from './enterprises';

const N = Number(process.env.BENCH_EMERGENCY_QUERIES ?? 200);
// Guangdong's extent, roughly.
const BOX = { lng: [109.7, 117.3], lat: [20.2, 25.5] } as const;

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

async function world(d: Database, depots: number, batches: number) {
  // `depots` depots (the 10k), and beside them a third as many teams and a sixth as many shelters.
  await d.db.execute(sql`
    insert into emergency_resources (kind, name, area_code, lng, lat)
    select case when g <= ${depots}::int then 'depot' when g % 3 = 0 then 'shelter' else 'team' end, 'R' || g,
           '4403' || lpad((g % 90)::text, 2, '0'),
           ${BOX.lng[0]}::float8 + random() * ${BOX.lng[1] - BOX.lng[0]}::float8, ${BOX.lat[0]}::float8 + random() * ${BOX.lat[1] - BOX.lat[0]}::float8
      from generate_series(1, ${depots + Math.round(depots / 2)}::int) g`);
  await d.db.execute(sql`
    insert into emergency_stock (depot_id, item_code, batch_no, area_code, expires_on, on_hand)
    select r.id, i.code, 'B' || b, r.area_code, case when b % 3 = 0 then date '2020-01-01' else date '2099-01-01' end, (random() * 100)::int
      from (select id, area_code, row_number() over (order by id) as n from emergency_resources where kind = 'depot') r
      cross join lateral (select unnest(array['05-01','05-03','09-01','03-01','01-02']) as code) i
      cross join generate_series(1, greatest(1, ${batches}::int / (${depots}::int * 5))) b
     where r.n * 5 * greatest(1, ${batches}::int / (${depots}::int * 5)) <= ${batches}::int * 2`);
  await d.db.execute(sql`analyze emergency_resources`);
  await d.db.execute(sql`analyze emergency_stock`);
  const [n] = rowsOf<{ n: number }>(await d.db.execute(sql`select count(*)::int as n from emergency_stock`));
  return n!.n;
}

async function bruteForce(d: Database, o: { lng: number; lat: number }, item: string, qty: number) {
  return d.db.execute(sql`
    select r.id, (2 * 6371008.8 * asin(least(1, sqrt(power(sin(radians(r.lat - ${o.lat}::float8) / 2), 2)
            + cos(radians(${o.lat}::float8)) * cos(radians(r.lat)) * power(sin(radians(r.lng - ${o.lng}::float8) / 2), 2))))) as d
      from emergency_resources r
     where r.kind = 'depot' and r.area_code like '44%'
       and (select coalesce(sum(s.on_hand), 0) from emergency_stock s where s.depot_id = r.id and s.item_code = ${item}
              and (s.expires_on is null or s.expires_on >= date '2026-12-01')) >= ${qty}::int
     order by d limit 5`);
}

async function onEngine(engine: string, d: Database, depots: number, batches: number): Promise<ScenarioResult> {
  const stocked = await world(d, depots, batches);
  const point = () => ({
    lng: BOX.lng[0] + Math.random() * (BOX.lng[1] - BOX.lng[0]),
    lat: BOX.lat[0] + Math.random() * (BOX.lat[1] - BOX.lat[0]),
  });
  const nearest = (o: { lng: number; lat: number }) =>
    findNearest(d.db, actor, o, { kind: 'depot', itemCode: '05-03', quantity: 50, today: '2026-12-01' }, { maxKm: 300, limit: 5 });
  for (let i = 0; i < 5; i++) await nearest(point());
  const subject: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < N; i++) {
    const o = point();
    for (const real of i % 2 === 0 ? [false, true] : [true, false]) {
      const t0 = performance.now();
      await (real ? nearest(o) : bruteForce(d, o, '05-03', 50));
      (real ? subject : baseline).push(performance.now() - t0);
    }
  }
  const layer: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await findMapLayer(d.db, actor, undefined, 20_000);
    layer.push(performance.now() - t0);
  }
  const s = percentiles(subject);
  const b = percentiles(baseline);
  const m = percentiles(layer);
  return {
    name: 'emergency-nearest',
    engine,
    metrics: { nearest: s, bruteForce: b, mapLayer: m },
    ratios: { p50: s.p50ms / b.p50ms, p95: s.p95ms / b.p95ms },
    targets: { nearestP95ms: { limit: 100, met: s.p95ms < 100 }, mapLayerP95ms: { limit: 300, met: m.p95ms < 300 } },
    notes: `${depots} depots (and ${Math.round(depots / 2)} teams and shelters), ${stocked} stock batches; sequential, in process; baseline: haversine over every depot holding the item`,
  };
}

export async function emergencyScenario(): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  const lite = await openPglite(null);
  try {
    await lite.migrate();
    results.push(
      await onEngine(
        'pglite',
        lite,
        Number(process.env.BENCH_EMERGENCY_LITE_DEPOTS ?? 2000),
        Number(process.env.BENCH_EMERGENCY_LITE_BATCHES ?? 50_000),
      ),
    );
  } finally {
    await lite.close();
  }
  if (await pgAvailable()) {
    const url = await ensureDatabase('anjian_bench_emergency', true);
    const pgDb = await openDirect({ databaseUrl: url });
    try {
      await pgDb.migrate();
      results.push(
        await onEngine(
          'postgres',
          pgDb,
          Number(process.env.BENCH_EMERGENCY_DEPOTS ?? 10_000),
          Number(process.env.BENCH_EMERGENCY_BATCHES ?? 1_000_000),
        ),
      );
    } finally {
      await pgDb.close();
    }
  }
  return results;
}
