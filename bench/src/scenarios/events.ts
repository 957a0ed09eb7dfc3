// Issue 13: the outbox's cost on a write (p50 of the same state write with and without appendEvent, interleaved in
// one run), one event's notification fan-out to 1,000 recipients (against a plain 1,000-row insert), and the job
// queue's throughput of no-op jobs (against the two statements a job minimally costs, run one by one) — on PGlite
// and, when one is reachable, on PostgreSQL.
import { eq, sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { enterprises } from '../../../server/src/db/schema';
import { type Database } from '../../../server/src/platform/db';
import { appendEvent } from '../../../server/src/platform/outbox';
import { bossDb } from '../../../server/src/platform/queue';
import { buildDistrict, buildEnterprise, buildOrg, buildStreet, buildCommunity } from '../../../server/src/seed/factories';
import { recipientsFor } from '../../../server/src/modules/notifications/notifications.recipients';
import { notify } from '../../../server/src/modules/notifications/notifications.service';
import { percentiles, type ScenarioResult } from '../lib';
import { onBothEngines } from '../engines';

const WRITES = 300;
const FANOUT_RUNS = 10;
const JOBS = 1000;

async function appendCost(d: Database) {
  const district = await buildDistrict(d.db);
  const streetArea = await buildStreet(d.db, { district });
  const e = await buildEnterprise(d.db, { area: await buildCommunity(d.db, { street: streetArea }) });
  const write = (withEvent: boolean) =>
    d.db.transaction(async (tx) => {
      const [row] = await tx
        .update(enterprises)
        .set({ updatedAt: new Date(), version: sql`${enterprises.version} + 1` })
        .where(eq(enterprises.id, e.id))
        .returning();
      if (withEvent) await appendEvent(tx, 'enterprise.update', 'enterprise', row!, null, { changed: ['updatedAt'] });
    });
  for (let i = 0; i < 20; i++) await write(i % 2 === 0);
  const plain: number[] = [];
  const outbox: number[] = [];
  for (let i = 0; i < WRITES; i++) {
    for (const withEvent of i % 2 === 0 ? [false, true] : [true, false]) {
      const t0 = performance.now();
      await write(withEvent);
      (withEvent ? outbox : plain).push(performance.now() - t0);
    }
  }
  return { plain: percentiles(plain), outbox: percentiles(outbox), enterprise: e, streetArea };
}

async function fanOut(d: Database, e: { areaCode: string; id: string }, streetArea: Awaited<ReturnType<typeof buildStreet>>) {
  const street = await buildOrg(d.db, { area: streetArea, kind: 'street_office' });
  await d.db.execute(sql`
    insert into users (username, display_name, password_hash, role, org_id)
    select 'fan' || g || '_' || ${street.id}::text, '街道人员' || g, 'x', 'street_officer', ${street.id}::uuid
      from generate_series(1, 1000) g`);
  await d.db.execute(sql`create table if not exists bench_plain_fanout (user_id uuid, k text)`);
  const subject: number[] = [];
  const baseline: number[] = [];
  let recipients = 0;
  for (let i = 0; i < FANOUT_RUNS; i++) {
    let t0 = performance.now();
    await d.db.transaction(async (tx) => {
      const to = await recipientsFor(tx, { areaCode: e.areaCode, enterpriseId: e.id }, ['street']);
      recipients = to.length;
      await notify(tx, to, { kind: 'awaiting_action', title: { zh: '基准', en: 'bench' }, dedupeKey: `bench:${i}` });
    });
    subject.push(performance.now() - t0);
    t0 = performance.now();
    await d.db.execute(sql`
      insert into bench_plain_fanout select u.id, ${`bench:${i}`} from users u where u.org_id = ${street.id}::uuid`);
    baseline.push(performance.now() - t0);
  }
  return { recipients, subject: percentiles(subject), baseline: percentiles(baseline) };
}

async function queueThroughput(d: Database) {
  const boss = new PgBoss({ db: bossDb(d), schema: 'pgboss', supervise: false, schedule: false });
  boss.on('error', () => {});
  await boss.start();
  if (!(await boss.getQueue('bench-noop'))) await boss.createQueue('bench-noop', { name: 'bench-noop' });
  await boss.insert(Array.from({ length: JOBS }, (_, i) => ({ name: 'bench-noop', data: { i } })));
  // Fetch and complete in a tight loop: the database work per job, not the worker's polling interval (a worker
  // polling every 0.5 s with batches of 50 is bounded at 100 jobs/s by the interval alone).
  let done = 0;
  const t0 = performance.now();
  while (done < JOBS) {
    const jobs = await boss.fetch('bench-noop', { batchSize: 100 });
    if (jobs.length === 0) break;
    await boss.complete(
      'bench-noop',
      jobs.map((j) => j.id),
    );
    done += jobs.length;
  }
  const queueMs = performance.now() - t0;
  await boss.stop({ graceful: true, wait: true });
  // Baseline: what a job minimally costs the database, one by one: insert a row, then mark it done.
  await d.db.execute(sql`create table if not exists bench_noop (id bigserial primary key, done boolean not null default false)`);
  const b0 = performance.now();
  for (let i = 0; i < JOBS; i++) {
    const r = await d.db.execute(sql`insert into bench_noop default values returning id`);
    const id = (r as unknown as { rows: { id: number }[] }).rows[0]!.id;
    await d.db.execute(sql`update bench_noop set done = true where id = ${id}`);
  }
  const baseMs = performance.now() - b0;
  return { jobsPerSec: (JOBS / queueMs) * 1000, queueMs, baselineMs: baseMs };
}

async function onEngine(engine: string, d: Database): Promise<ScenarioResult[]> {
  const a = await appendCost(d);
  const f = await fanOut(d, a.enterprise, a.streetArea);
  const q = await queueThroughput(d);
  console.log(
    `${engine}: write p50 ${a.plain.p50ms.toFixed(2)} ms, with outbox ${a.outbox.p50ms.toFixed(2)} ms; ` +
      `fan-out to ${f.recipients}: p50 ${f.subject.p50ms.toFixed(1)} ms (plain insert ${f.baseline.p50ms.toFixed(1)} ms); ` +
      `queue ${q.jobsPerSec.toFixed(0)} no-op jobs/s`,
  );
  return [
    {
      name: 'events-outbox-append',
      engine,
      metrics: {
        writes: WRITES,
        plainP50ms: a.plain.p50ms,
        outboxP50ms: a.outbox.p50ms,
        plainP95ms: a.plain.p95ms,
        outboxP95ms: a.outbox.p95ms,
      },
      ratios: { p50: a.outbox.p50ms / a.plain.p50ms },
    },
    {
      name: 'events-fanout-1000',
      engine,
      metrics: { recipients: f.recipients, p50ms: f.subject.p50ms, baselineP50ms: f.baseline.p50ms },
      ratios: { p50: f.subject.p50ms / f.baseline.p50ms },
    },
    {
      name: 'events-queue-noop',
      engine,
      metrics: { jobs: JOBS, jobsPerSec: q.jobsPerSec, queueMs: q.queueMs, baselineMs: q.baselineMs },
      ratios: { time: q.queueMs / q.baselineMs },
      notes: 'baseline: one insert + one update per job, sequential',
    },
  ];
}

export function eventsScenario(): Promise<ScenarioResult[]> {
  return onBothEngines('anjian_bench_events', onEngine);
}
