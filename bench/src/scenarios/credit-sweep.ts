// The daily 无事故 sweep at its first run, when every enterprise is due (a deployment's first day, or the years (L)
// changed): evaluateAccidentFree appends one enterprise.accident_free event per enterprise, and the credit consumer
// turns them into accident_free entries and recomputed summaries through consumeEvents, RUN events a transaction as
// the relay hands them over. Subject: the sweep and the consumer over BENCH_SWEEP_ENTERPRISES enterprises (20,000 on
// PGlite, 100,000 on PostgreSQL), per enterprise. Baseline: the plain write of the same entries, one INSERT … SELECT
// of an accident_free entry per enterprise into a table like credit_entries (the rows without events, checks or
// summaries). A profile of a province's first start (2026-12-06) found this path spending ~100 s of the server's CPU
// building drizzle inserts (now platform/bulk-insert.ts), and each enterprise's lookup of its active entry reading
// every active entry of the table under stale statistics (now one probe of migration 0067's partial index).
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../../../server/src/platform/db';
import { consumeEvents } from '../../../server/src/platform/queue';
import { creditConsumer } from '../../../server/src/modules/credit/credit.consumer';
import { ACCIDENT_FREE_EVENT, evaluateAccidentFree } from '../../../server/src/modules/credit/accident-free.job';
import { cstDate } from '../../../server/src/platform/time';
import type { ScenarioResult } from '../lib';
import { onBothEngines, type Engine } from '../engines';
import { syntheticAreas } from '../synthetic-areas';

/** Events a consumer transaction: what one relay pass hands over. */
const RUN = 500;
const TODAY = cstDate();

async function world(d: Database, n: number) {
  await syntheticAreas(d);
  for (let lo = 1; lo <= n; lo += 25_000) {
    await d.db.execute(sql`
      insert into enterprises (name, credit_code, unit_type, address, area_code, sector, created_at)
      select 'S' || g, 'BENCHS' || lpad(g::text, 12, '0'), 'enterprise', 'A' || g, '4403' || (10 + g % 90) || '001',
             (array['machinery','hazardous_chemicals','construction','commerce','other'])[1 + g % 5],
             now() - interval '4 years' - (g % 300) * interval '1 day'
        from generate_series(${lo}::int, ${Math.min(n, lo + 24_999)}::int) g`);
  }
  await d.db.execute(sql`analyze enterprises`);
}

async function measure(engine: Engine, d: Database, n: number): Promise<ScenarioResult> {
  await world(d, n);
  let t0 = performance.now();
  const swept = await evaluateAccidentFree(d.db, TODAY, null);
  const sweepSeconds = (performance.now() - t0) / 1000;
  const ids = rowsOf<{ id: number }>(
    await d.db.execute(sql`select id::float8 as id from domain_events where type = ${ACCIDENT_FREE_EVENT} order by id`),
  ).map((r) => r.id);
  t0 = performance.now();
  for (let i = 0; i < ids.length; i += RUN) await consumeEvents(d, creditConsumer, ids.slice(i, i + RUN));
  const consumeSeconds = (performance.now() - t0) / 1000;
  const [written] = rowsOf<{ n: number }>(
    await d.db.execute(sql`select count(*)::int as n from credit_entries where kind = 'accident_free'`),
  );
  if (swept.accidentFree !== n || written!.n !== n) {
    throw new Error(`credit-sweep: ${swept.accidentFree} events and ${written!.n} entries for ${n} enterprises`);
  }
  await d.db.execute(sql`drop table if exists bench_sweep_plain`);
  await d.db.execute(sql`create table bench_sweep_plain (like credit_entries including all)`);
  t0 = performance.now();
  await d.db.execute(sql`
    insert into bench_sweep_plain (enterprise_id, area_code, sector, park_id, kind, source_type, source_id, source_ref, title,
                                   points, occurred_on, event_id, last_event_id)
    select id, area_code, sector, park_id, 'accident_free', 'accident_free', id, '自' || created_at::date, '连续3年未发生生产安全事故', 5,
           ${TODAY}::date, 1, 1
      from enterprises`);
  const plainSeconds = (performance.now() - t0) / 1000;
  await d.db.execute(sql`drop table bench_sweep_plain`);
  const subject = sweepSeconds + consumeSeconds;
  return {
    name: `无事故 sweep + credit consumer, first run (${n.toLocaleString('en')} enterprises due)`,
    engine,
    metrics: {
      enterprises: n,
      sweepSeconds,
      consumeSeconds,
      perEnterpriseMs: (subject * 1000) / n,
      plainInsertSeconds: plainSeconds,
    },
    ratios: { time: subject / plainSeconds },
    notes:
      `sweep = evaluateAccidentFree (pages of 500, one event each); consumer = consumeEvents in runs of ${RUN} (marks, ` +
      'entries upserted, summaries recomputed); baseline = one INSERT … SELECT of the same entries into a copy of credit_entries',
  };
}

export const creditSweepScenario = (): Promise<ScenarioResult[]> =>
  onBothEngines('anjian_bench_credit_sweep', measure, {
    pglite: Number(process.env.BENCH_SWEEP_LITE_ENTERPRISES ?? 20_000),
    postgres: Number(process.env.BENCH_SWEEP_ENTERPRISES ?? 100_000),
  });
