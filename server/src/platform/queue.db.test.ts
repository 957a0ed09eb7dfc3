// The job queue on the real database (PGlite, and PostgreSQL with TEST_DATABASE_URL): events reach consumers at
// least once and are processed once, a crashed job is redelivered, failures end in the dead letters, and cron
// and daily jobs run once when two instances share the database.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { dailyJobRuns, domainEvents } from '../db/schema';
import { openSecondInstance, openTestDatabase } from '../../test/db';
import { buildDistrict, buildEnterprise } from '../seed/factories';
import { rowsOf, type Database } from './db';
import { appendEvent } from './outbox';
import { bossDb, consumeEvent, consumeEvents, consumeInOrder, DEAD_LETTERS, JobQueue, listFailedJobs, type EventConsumer } from './queue';

let d: Database;
let enterprise: { id: string; areaCode: string };
const queues: JobQueue[] = [];
const quiet = { log: () => {} };
const fast = { pollSeconds: 0.5, relayMs: 100, cronMonitorSeconds: 1, maintenanceSeconds: 1, retryDelaySeconds: 1, ...quiet };

beforeAll(async () => {
  d = await openTestDatabase();
  enterprise = await buildEnterprise(d.db, { area: await buildDistrict(d.db) });
});
afterEach(async () => {
  while (queues.length) await queues.pop()!.stop();
  await d.db.execute(sql`delete from pgboss.job`).catch(() => undefined);
});
afterAll(() => d.close());

const waitFor = async (check: () => Promise<boolean>, ms = 15_000) => {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** A consumer that counts in a table of its own, so a double effect would show in the database. */
async function countingConsumer(name: string, fail?: (attempt: number) => boolean): Promise<EventConsumer> {
  await d.db.execute(sql.raw(`create table if not exists consumer_effects (consumer text, event_id bigint)`));
  let attempts = 0;
  return {
    name,
    async handle(tx, event) {
      attempts += 1;
      await tx.execute(sql`insert into consumer_effects values (${name}, ${event.id})`);
      if (fail?.(attempts)) throw new Error(`attempt ${attempts} failed`);
    },
  };
}
const effects = async (name: string) =>
  rowsOf(await d.db.execute(sql`select event_id from consumer_effects where consumer = ${name}`)).length;

/** The events `ids` through consumeInOrder, as the queue hands a relay job to a consumer; a failure fails the test. */
const consumeBacklogOf = async (ids: number[], c: EventConsumer) =>
  consumeInOrder(d, c, await d.db.select().from(domainEvents).where(inArray(domainEvents.id, ids)).orderBy(domainEvents.id), (_id, e) => {
    throw e;
  });

const newEvent = () => d.db.transaction((tx) => appendEvent(tx, 'test.happened', 'enterprise', enterprise, null));

describe('event consumers', () => {
  it('process a duplicate delivery once: the second run changes nothing', async () => {
    const c = await countingConsumer('dup');
    const id = await newEvent();
    expect(await consumeEvent(d, c, id)).toBe(true);
    expect(await consumeEvent(d, c, id)).toBe(false);
    expect(await effects('dup')).toBe(1);
  });

  it('leave no mark when the consumer fails, so a retry processes the event', async () => {
    const c = await countingConsumer('retry-mark', (n) => n === 1);
    const id = await newEvent();
    await expect(consumeEvent(d, c, id)).rejects.toThrow('attempt 1 failed');
    expect(await effects('retry-mark')).toBe(0);
    expect(await consumeEvent(d, c, id)).toBe(true);
    expect(await effects('retry-mark')).toBe(1);
  });

  it('receive every new event through the relay and the queue, relayed once', async () => {
    const c = await countingConsumer('relay');
    await d.db.update(domainEvents).set({ relayedAt: new Date() });
    const q = new JobQueue(d, [], [c], fast);
    queues.push(q);
    await q.start();
    const ids = [await newEvent(), await newEvent(), await newEvent()];
    await waitFor(async () => (await effects('relay')) === 3);
    const unrelayed = await d.db
      .select()
      .from(domainEvents)
      .where(sql`${domainEvents.relayedAt} is null`);
    expect(unrelayed).toEqual([]);
    expect(ids).toHaveLength(3);
  });

  it('hand a relay pass to a consumer as one job, and queue an event that fails again on its own', async () => {
    const c = await countingConsumer('batch', (n) => n === 2); // the second event fails once
    await d.db.update(domainEvents).set({ relayedAt: new Date() });
    const ids = [await newEvent(), await newEvent(), await newEvent()];
    const q = new JobQueue(d, [], [c], fast);
    queues.push(q);
    await q.start();
    await waitFor(async () => (await effects('batch')) === 3);
    const done = rowsOf<{ ids: number[] }>(
      await d.db.execute(sql`select data->'eventIds' as ids from pgboss.job where name = 'events.batch' order by created_on`),
    );
    expect(done.map((j) => j.ids.map(Number))).toEqual([ids, [ids[1]]]);
    const marks = rowsOf<{ event_id: string }>(await d.db.execute(sql`select event_id from consumer_effects where consumer = 'batch'`));
    expect(marks.map((r) => Number(r.event_id)).sort()).toEqual([...ids].sort());
  });

  it("hand each run of a consumer's batch events to its batch handler in order, one at a time if a run fails", async () => {
    const calls: [string, number[]][] = [];
    const c: EventConsumer = {
      name: 'bulk',
      async handle(tx, e) {
        calls.push(['one', [e.id]]);
        await tx.execute(sql`insert into consumer_effects values ('bulk', ${e.id})`);
      },
      batch: {
        accepts: (e) => e.type === 'test.bulk',
        async handle(tx, events) {
          calls.push(['batch', events.map((e) => e.id)]);
          for (const e of events) await tx.execute(sql`insert into consumer_effects values ('bulk', ${e.id})`);
          if (events.some((e) => e.id === b4)) throw new Error('b4 breaks its batch');
        },
      },
    };
    await countingConsumer('bulk'); // creates consumer_effects
    await d.db.update(domainEvents).set({ relayedAt: new Date() });
    const bulk = () => d.db.transaction((tx) => appendEvent(tx, 'test.bulk', 'enterprise', enterprise, null));
    const [b1, b2, x, b3, b4, b5] = [await bulk(), await bulk(), await newEvent(), await bulk(), await bulk(), await bulk()];
    const q = new JobQueue(d, [], [c], fast);
    queues.push(q);
    await q.start();
    await waitFor(async () => (await effects('bulk')) === 6);
    expect(calls).toEqual([
      ['batch', [b1, b2]],
      ['one', [x]],
      ['batch', [b3, b4, b5]], // rolled back with its marks
      ['one', [b3]],
      ['one', [b4]],
      ['one', [b5]],
    ]);
    // a duplicate delivery of the whole pass: every event is marked, nothing runs again
    expect(await consumeEvents(d, c, [b1!, b2!, b3!])).toBe(0);
    await consumeBacklogOf([b1!, b2!, x!, b3!, b4!, b5!], c);
    expect(calls).toHaveLength(6);
    expect(await effects('bulk')).toBe(6);
  });

  it('trigger every daily job from one schedule, dropping the schedules of single jobs', async () => {
    const stale = new PgBoss({ db: bossDb(d), schema: 'pgboss', supervise: false, schedule: false });
    await stale.start();
    await stale.createQueue('daily.old-job', { name: 'daily.old-job' }).catch(() => undefined);
    await stale.schedule('daily.old-job', '7 * * * *', {}, { tz: 'Asia/Shanghai' });
    await stale.stop({ graceful: false, wait: true });
    const jobs = ['one', 'two'].map((name) => ({ name, run: async () => undefined }));
    const q = new JobQueue(d, jobs, [], fast);
    queues.push(q);
    await q.start();
    expect((await q.boss.getSchedules()).map((s) => s.name)).toEqual(['daily']);
    await waitFor(async () => (await d.db.select().from(dailyJobRuns)).filter((r) => ['one', 'two'].includes(r.name)).length === 2);
  });

  it('queue an event only for the consumers that accept it', async () => {
    const picky = { ...(await countingConsumer('picky')), accepts: (e: { type: string }) => e.type === 'test.wanted' };
    const all = await countingConsumer('all');
    await d.db.update(domainEvents).set({ relayedAt: new Date() });
    const q = new JobQueue(d, [], [picky, all], fast);
    queues.push(q);
    await q.start();
    await newEvent();
    const wanted = await d.db.transaction((tx) => appendEvent(tx, 'test.wanted', 'enterprise', enterprise, null));
    await newEvent();
    await waitFor(async () => (await effects('all')) === 3 && (await effects('picky')) === 1);
    const picked = rowsOf<{ event_id: string }>(await d.db.execute(sql`select event_id from consumer_effects where consumer = 'picky'`));
    expect(picked.map((r) => Number(r.event_id))).toEqual([wanted]);
    // Nothing waits in the picky consumer's queue for the events it does not handle.
    const [queued] = rowsOf<{ n: number }>(await d.db.execute(sql`select count(*)::int as n from pgboss.job where name = 'events.picky'`));
    expect(queued!.n).toBe(1);
  });

  it('redeliver a job whose worker crashed between pick-up and completion', async () => {
    const c = await countingConsumer('crash');
    const eventId = await newEvent();
    // A worker that picks the job up and dies: fetched (active) but never completed. The queue is made here rather
    // than by starting and stopping a JobQueue: pg-boss's stop does not wait for a fetch in flight, and on a loaded
    // machine that stopped worker's fetch once ran after the send below and took the job.
    const crashed = new PgBoss({ db: bossDb(d), schema: 'pgboss', supervise: false, schedule: false });
    await crashed.start();
    if (!(await crashed.getQueue(DEAD_LETTERS))) await crashed.createQueue(DEAD_LETTERS, { name: DEAD_LETTERS });
    await crashed.createQueue('events.crash', { name: 'events.crash', expireInSeconds: 1, retryDelay: 1, deadLetter: DEAD_LETTERS });
    await crashed.send('events.crash', { eventId });
    await d.db.update(domainEvents).set({ relayedAt: new Date() }).where(eq(domainEvents.id, eventId));
    const [job] = await crashed.fetch('events.crash');
    expect(job).toBeDefined();
    await crashed.stop({ graceful: false, wait: true });
    expect(await effects('crash')).toBe(0);
    // A live instance's maintenance expires the abandoned job and its worker gets it again.
    const live = new JobQueue(d, [], [c], { ...fast, expireSeconds: 1 });
    queues.push(live);
    await live.start();
    await waitFor(async () => (await effects('crash')) === 1, 30_000);
  }, 40_000);

  it('send a job that keeps failing to the dead letters, visible to the administrator', async () => {
    const c: EventConsumer = {
      name: 'always-fails',
      handle: async () => {
        throw new Error('downstream unavailable');
      },
    };
    const q = new JobQueue(d, [], [c], { ...fast, retryLimit: 1 });
    queues.push(q);
    await d.db.update(domainEvents).set({ relayedAt: new Date() });
    await q.start();
    await newEvent();
    await waitFor(async () => (await listFailedJobs(d, 50, 0)).items.some((j) => j.name === DEAD_LETTERS), 30_000);
    const failed = await listFailedJobs(d, 50, 0);
    const original = failed.items.find((j) => j.name === 'events.always-fails')!;
    expect(original.state).toBe('failed');
    expect(original.retryCount).toBe(1);
  }, 40_000);
});

describe('two instances on one database', () => {
  it('run a cron job once per slot and a daily job once per China day', async () => {
    const second = await openSecondInstance(d);
    const runs: string[] = [];
    let dailyRuns = 0;
    const daily = { name: 'probe', run: async () => void (dailyRuns += 1) };
    const instances = [d, second].map((db) => new JobQueue(db, [daily], [], fast));
    queues.push(...instances);
    for (const q of instances) await q.start();
    for (const q of instances) {
      await q.boss.createQueue('minutely', { name: 'minutely' }).catch(() => undefined);
      await q.boss.schedule('minutely', '* * * * *', {}, { tz: 'Asia/Shanghai' });
      await q.boss.work('minutely', { pollingIntervalSeconds: 0.5 }, async ([job]) => void runs.push(job!.id));
    }
    await waitFor(async () => runs.length > 0 && dailyRuns > 0, 20_000);
    await new Promise((r) => setTimeout(r, 4000)); // both monitors tick several times more
    // Keyed by slot, not by the minute a run happened to execute in: under load a slot's run can land in the next
    // minute beside that minute's own. pg-boss sends each cron slot through one `__pgboss__send-it` job whose
    // singleton key is the schedule's name and whose singleton_on is the slot's minute.
    const slots = rowsOf<{ slot: string; minutely: number }>(
      await d.db.execute(sql`select s.singleton_on::text as slot,
                 (select count(*)::int from (select id from pgboss.job where name = 'minutely'
                                             union all select id from pgboss.archive where name = 'minutely') m) as minutely
            from (select singleton_on, data from pgboss.job union all select singleton_on, data from pgboss.archive) s
           where s.data->>'name' = 'minutely'`),
    );
    expect(new Set(runs).size).toBe(runs.length); // no job ran on both instances
    expect(new Set(slots.map((s) => s.slot)).size).toBe(slots.length); // one send per slot
    expect(slots[0]!.minutely).toBeLessThanOrEqual(slots.length); // at most one job per slot
    expect(runs.length).toBeLessThanOrEqual(slots[0]!.minutely);
    expect(dailyRuns).toBe(1);
    expect(await d.db.select().from(dailyJobRuns).where(eq(dailyJobRuns.name, 'probe'))).toHaveLength(1);
    await queues.pop()!.stop();
    await second.close();
  }, 40_000);
});
