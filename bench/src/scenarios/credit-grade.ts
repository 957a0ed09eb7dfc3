// Issue 17: credit grade recomputation for 1M enterprises, in full and per event.
// (a) Full: recomputeAllSummaries (`cli recompute-credit`, set-based, 20,000 enterprises per transaction) over
//     BENCH_CREDIT_ENTERPRISES enterprises (default 1,000,000 on PostgreSQL, BENCH_CREDIT_LITE_ENTERPRISES 100,000 on
//     PGlite), every one with a credit record (about 2 entries each: penalties, accidents, major hidden dangers,
//     uninsured gaps, good records, some out of the window or withdrawn; one in 1,000 on the published list), in
//     rows/s. The first run creates the summaries and mirrors every grade; the timed runs rewrite them all. Baseline:
//     a plain INSERT … SELECT … ON CONFLICT DO UPDATE of the same summary rows with the values they hold (the write
//     without the scoring), alternating with the recompute. A sample of 200 enterprises is checked against
//     computeCredit (the per-event path's scoring in TypeScript).
// (b) Per event: the triggering write (a decided penalty case and its case.decide event in one transaction, the shape
//     of credit.fixtures.ts) and then the credit consumer on that event through consumeEvent (entry upsert, summary
//     recompute, grade mirror), BENCH_CREDIT_EVENTS times on enterprises of the same world; the ratio is
//     (write + consumer) / write, i.e. what the consumer adds to each credit-relevant write.
import { sql } from 'drizzle-orm';
import { penaltyCases } from '../../../server/src/db/schema';
import { rowsOf, type Database } from '../../../server/src/platform/db';
import { appendEvent } from '../../../server/src/platform/outbox';
import { consumeEvent } from '../../../server/src/platform/queue';
import { creditConsumer } from '../../../server/src/modules/credit/credit.consumer';
import { recomputeAllSummaries } from '../../../server/src/modules/credit/credit.recompute';
import { entriesOf, isListed } from '../../../server/src/modules/credit/credit.service';
import { computeCredit, currentCreditScheme, type ScoredEntry } from '../../../server/src/modules/credit/credit.scheme';
import { cstDate } from '../../../server/src/platform/time';
import { percentiles, type ScenarioResult } from '../lib';
import { onBothEngines } from '../engines';
import { syntheticAreas } from '../synthetic-areas';

const EVENTS = Number(process.env.BENCH_CREDIT_EVENTS ?? 200);
const ROUNDS = Number(process.env.BENCH_CREDIT_ROUNDS ?? 2);
/** The consumer scores as of the China day it runs (cstDate()); the full recompute is timed on the same day. */
const TODAY = cstDate();

async function world(d: Database, n: number) {
  await syntheticAreas(d);
  // In statements of 25,000: each row's trigger bumps one of 450 enterprise_counts rows, whose versions pile up within a
  // statement (one INSERT of 1M rows ran for over 7 minutes; the same rows in chunks take a fraction of that).
  for (let lo = 1; lo <= n; lo += 25_000) {
    await d.db.execute(sql`
      insert into enterprises (name, credit_code, unit_type, address, area_code, sector)
      select 'E' || g, 'BENCHC' || lpad(g::text, 12, '0'), 'enterprise', 'A' || g, '4403' || (10 + g % 90) || '001',
             (array['machinery','hazardous_chemicals','construction','commerce','other'])[1 + g % 5]
        from generate_series(${lo}::int, ${Math.min(n, lo + 24_999)}::int) g`);
  }
  // Entries by the enterprise's last digit: (digit, kind, severity, days before today, status, copies).
  await d.db.execute(sql`
    insert into credit_entries (enterprise_id, area_code, sector, kind, source_type, source_id, severity, title, points,
                                occurred_on, status, event_id, last_event_id)
    select e.id, e.area_code, e.sector, p.kind, 'bench', gen_random_uuid(), p.severity, p.kind, 0,
           ${TODAY}::date - p.days - c, p.status, 1, 1
      from enterprises e
      join (values (0, 'duty_kept', null, 30, 'active', 1), (1, 'duty_kept', null, 40, 'active', 1),
                   (2, 'duty_kept', null, 50, 'active', 1), (3, 'duty_kept', null, 60, 'active', 1),
                   (4, 'penalty', null, 100, 'active', 1), (5, 'penalty', null, 200, 'active', 1),
                   (6, 'penalty', null, 300, 'active', 1), (6, 'accident', 'general', 400, 'active', 1),
                   (7, 'duty_kept', null, 20, 'active', 6), (7, 'standardization', '2', 500, 'active', 1),
                   (8, 'major_hazard', null, 90, 'active', 1), (8, 'uninsured', null, 120, 'active', 1),
                   (8, 'verified_report', null, 150, 'active', 1),
                   (9, 'penalty', null, 1200, 'active', 1), (9, 'penalty', null, 30, 'withdrawn', 1))
           p(digit, kind, severity, days, status, copies) on p.digit = right(e.credit_code, 1)::int
      cross join lateral generate_series(0, p.copies - 1) c`);
  await d.db.execute(sql`
    insert into credit_listings (enterprise_id, area_code, party_name, credit_code, status, criteria, grounds, sources, proposed_on, period_end)
    select id, area_code, name, credit_code, 'published', '["major_accident"]'::jsonb, 'bench', '[]'::jsonb, ${TODAY}::date - 30,
           ${TODAY}::date + 1000
      from enterprises where right(credit_code, 3) = '000'`);
  for (const t of ['enterprises', 'credit_entries', 'credit_listings']) await d.db.execute(sql.raw(`analyze ${t}`));
}

/** The write without the scoring: every summary row upserted with the values it holds. */
const plainUpsert = (d: Database) =>
  d.db.execute(sql`
    insert into credit_summaries (enterprise_id, area_code, sector, park_id, scheme_version, score, grade, active_entries, as_of)
    select enterprise_id, area_code, sector, park_id, scheme_version, score, grade, active_entries, ${TODAY}::date from credit_summaries
    on conflict (enterprise_id) do update
       set area_code = excluded.area_code, sector = excluded.sector, park_id = excluded.park_id,
           scheme_version = excluded.scheme_version, score = excluded.score, grade = excluded.grade,
           active_entries = excluded.active_entries, as_of = excluded.as_of,
           version = credit_summaries.version + 1, updated_at = now()`);

/** A sample of the summaries against computeCredit over the same entries (the per-event path's scoring). */
async function check(d: Database, n: number) {
  const sample = rowsOf<{ id: string; score: number; grade: string; active_entries: number }>(
    await d.db.execute(sql`
      select s.enterprise_id as id, s.score, s.grade, s.active_entries from credit_summaries s
        join enterprises e on e.id = s.enterprise_id
       where substr(e.credit_code, 7)::int in (select 1 + (g * 104729) % ${n} from generate_series(0, 199) g)`),
  );
  for (const s of sample) {
    const entries = await entriesOf(d.db, s.id);
    const calc = computeCredit(currentCreditScheme, entries as ScoredEntry[], TODAY, { listed: await isListed(d.db, s.id, TODAY) });
    const active = entries.filter((e) => e.status === 'active').length;
    if (calc.score !== s.score || calc.grade !== s.grade || active !== s.active_entries) {
      throw new Error(
        `credit-grade: ${s.id} recomputed ${s.score}/${s.grade}/${s.active_entries}, computeCredit ${calc.score}/${calc.grade}/${active}`,
      );
    }
  }
  return sample.length;
}

async function full(engine: string, d: Database, n: number): Promise<ScenarioResult> {
  let t0 = performance.now();
  const first = await recomputeAllSummaries(d.db, TODAY);
  const firstSeconds = (performance.now() - t0) / 1000;
  if (first.enterprises !== n) throw new Error(`credit-grade: recomputed ${first.enterprises} of ${n} enterprises`);
  const checked = await check(d, n);
  await d.db.execute(sql`analyze credit_summaries`);
  const recompute: number[] = [];
  const upsert: number[] = [];
  let changed = 0;
  for (let i = 0; i < ROUNDS; i++) {
    for (const real of i % 2 === 0 ? [false, true] : [true, false]) {
      t0 = performance.now();
      if (real) changed += (await recomputeAllSummaries(d.db, TODAY)).gradesChanged;
      else await plainUpsert(d);
      (real ? recompute : upsert).push((performance.now() - t0) / 1000);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const r = median(recompute);
  const u = median(upsert);
  return {
    name: 'credit-grade-full',
    engine,
    metrics: {
      enterprises: n,
      firstRunSeconds: firstSeconds,
      firstRunGradesMirrored: first.gradesChanged,
      recomputeSeconds: recompute,
      plainUpsertSeconds: upsert,
      recomputeRowsPerSec: Math.round(n / r),
      plainUpsertRowsPerSec: Math.round(n / u),
      gradesChangedInTimedRuns: changed,
      checkedAgainstComputeCredit: checked,
    },
    ratios: { time: r / u },
    notes: `${n} enterprises, each with a credit record (~2 entries); recompute = recomputeAllSummaries (batches of 20,000, each one transaction), median of ${ROUNDS}; baseline = one plain INSERT … SELECT … ON CONFLICT DO UPDATE of the same ${n} summary rows, alternating`,
  };
}

async function perEvent(engine: string, d: Database, n: number): Promise<ScenarioResult> {
  let seq = 0;
  const write = async (g: number) => {
    const [e] = rowsOf<{ id: string; area_code: string; sector: string; name: string }>(
      await d.db.execute(
        sql`select id, area_code, sector, name from enterprises where credit_code = ${`BENCHC${String(g).padStart(12, '0')}`}`,
      ),
    );
    const t0 = performance.now();
    const eventId = await d.db.transaction(async (tx) => {
      const [c] = await tx
        .insert(penaltyCases)
        .values({
          number: `基准罚〔2026〕${++seq}-${Date.now()}号`,
          enterpriseId: e!.id,
          areaCode: e!.area_code,
          sector: e!.sector,
          procedure: 'general',
          partyKind: 'organisation',
          partyName: e!.name,
          violation: '未按规定开展安全生产教育培训',
          basisId: 'AQF-97',
          fine: '20000',
          status: 'decided',
          filedOn: TODAY,
          decidedOn: TODAY,
          origin: 'direct',
        })
        .returning();
      return appendEvent(tx, 'case.decide', 'penalty_case', c!, null, { from: 'reviewed', to: 'decided' });
    });
    return { eventId, ms: performance.now() - t0 };
  };
  for (let i = 0; i < 5; i++) await consumeEvent(d, creditConsumer, (await write(1 + ((i * 104729) % n))).eventId);
  const w: number[] = [];
  const c: number[] = [];
  const both: number[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const { eventId, ms } = await write(1 + (((i + 5) * 104729) % n));
    const t0 = performance.now();
    if (!(await consumeEvent(d, creditConsumer, eventId))) throw new Error('credit-grade: the consumer skipped a case.decide event');
    const cms = performance.now() - t0;
    w.push(ms);
    c.push(cms);
    both.push(ms + cms);
  }
  const wp = percentiles(w);
  const bp = percentiles(both);
  return {
    name: 'credit-grade-event',
    engine,
    metrics: { write: wp, consumer: percentiles(c), writePlusConsumer: bp, enterprises: n, events: EVENTS },
    ratios: { p50: bp.p50ms / wp.p50ms, p95: bp.p95ms / wp.p95ms },
    notes: `per case.decide event: consumeEvent(creditConsumer) = mark + penalty entry upsert + summary recompute + grade mirror; baseline = the triggering write alone (decided penalty case + its event, one transaction); ${n} enterprises with ~2 entries each`,
  };
}

async function onEngine(engine: string, d: Database, n: number): Promise<ScenarioResult[]> {
  await world(d, n);
  const a = await full(engine, d, n);
  const b = await perEvent(engine, d, n);
  return [a, b];
}

export function creditGradeScenario(): Promise<ScenarioResult[]> {
  return onBothEngines('anjian_bench_credit', onEngine, {
    pglite: Number(process.env.BENCH_CREDIT_LITE_ENTERPRISES ?? 100_000),
    postgres: Number(process.env.BENCH_CREDIT_ENTERPRISES ?? 1_000_000),
  });
}
