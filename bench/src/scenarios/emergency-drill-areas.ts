// Issue 18 item 4, per street at province scale: drill compliance grouped by street read from the maintained
// emergency_drill_area_counts (kept by triggers on enterprises and emergency_drill_status) against the same grouping
// counted over the enterprises joined to their drill status, interleaved in one run; the two answers are compared
// once. The world is emergency-plans.ts's (90 streets, four drills per enterprise, a tenth never drilled).
import { type Database } from '../../../server/src/platform/db';
import { drillCountsByArea } from '../../../server/src/modules/emergency/drills.area-counts';
import { directCountsFor } from '../../../server/src/modules/emergency/drills.queries';
import { percentiles, type ScenarioResult } from '../lib';
import { onBothEngines } from '../engines';
import { actor, TODAY, world } from './emergency-plans';

const N = Number(process.env.BENCH_DRILL_AREAS_QUERIES ?? 30);

async function onEngine(engine: string, d: Database, enterprises: number): Promise<ScenarioResult> {
  await world(d, enterprises);
  const kept = () => drillCountsByArea(d.db, actor, {}, TODAY);
  const direct = () => directCountsFor(d.db, actor, {}, TODAY);
  const same = JSON.stringify(await kept()) === JSON.stringify((await direct()).filter((r) => Number(r.enterprises) > 0));
  if (!same) throw new Error('emergency-drill-areas: the maintained counts differ from the direct count');
  const subject: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < N; i++) {
    for (const real of i % 2 === 0 ? [false, true] : [true, false]) {
      const t0 = performance.now();
      await (real ? kept() : direct());
      (real ? subject : base).push(performance.now() - t0);
    }
  }
  const s = percentiles(subject);
  const b = percentiles(base);
  return {
    name: 'emergency-drill-areas',
    engine,
    metrics: { maintained: s, direct: b },
    ratios: { p50: s.p50ms / b.p50ms, p95: s.p95ms / b.p95ms },
    notes: `${enterprises} enterprises in 90 streets; subject = per-street enterprises and overdue from the maintained counts; baseline = the same over enterprises ⟕ drill status`,
  };
}

export function drillAreasScenario(): Promise<ScenarioResult[]> {
  return onBothEngines('anjian_bench_drill_areas', onEngine, {
    pglite: Number(process.env.BENCH_DRILL_AREAS_LITE_ENTERPRISES ?? 5_000),
    postgres: Number(process.env.BENCH_DRILL_AREAS_ENTERPRISES ?? 100_000),
  });
}
