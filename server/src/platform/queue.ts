// Background work on pg-boss, a PostgreSQL-backed job queue, on both engines: PGlite through a small `db` adapter
// (one connection; PGlite's own lock serialises pg-boss's statements with the app's transactions), PostgreSQL
// through the app's pool. pg-boss gives retries with exponential backoff, a dead-letter queue, and cron schedules
// (Asia/Shanghai) whose slots are claimed in the database, so several instances sharing one PostgreSQL run a
// scheduled job once. Domain events reach their consumers through it: the relay copies new outbox rows into one
// job per consumer; a consumer marks each event it processed in its own transaction, so redelivery is harmless.
import { inArray, isNull, sql, asc } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { domainEvents, eventConsumerMarks } from '../db/schema';
import { insertRowsSql } from './bulk-insert';
import { rowsOf, type Database, type Tx } from './db';
import { runDailyJob, type DailyJob } from './jobs';
import { cstDate } from './time';

export type DomainEvent = typeof domainEvents.$inferSelect;

/** What the relay knows of an event before any consumer reads it. */
export type EventHead = Pick<DomainEvent, 'type' | 'entityType'>;

/** A reader of the outbox. `handle` runs in a transaction together with the consumer's mark for the event. */
export interface EventConsumer {
  name: string;
  /**
   * The events `handle` can act on, by type and entity type. The relay queues only these for the consumer: a bulk
   * job that appends 100,000 events of one type must not become a job in every consumer's queue. Absent: every event.
   */
  accepts?(event: EventHead): boolean;
  handle(tx: Tx, event: DomainEvent): Promise<void>;
  /**
   * Events of a bulk job handled many at a time: the 无事故 sweep announces one event per enterprise, and at province
   * scale one transaction and one summary recompute each kept the credit consumer busy for over an hour. The queue
   * hands `handle` each run of consecutive events `accepts` takes, in one transaction with their marks (the events
   * around a run keep their order), and falls back to the one-at-a-time `handle` for a run that fails.
   */
  batch?: {
    accepts(event: EventHead): boolean;
    handle(tx: Tx, events: DomainEvent[]): Promise<void>;
  };
}

const wants = (c: EventConsumer, e: EventHead) => c.accepts?.(e) ?? true;

export const DEAD_LETTERS = 'dead-letters';
const consumerQueue = (c: string) => `events.${c}`;
const dailyQueue = (j: string) => `daily.${j}`;
/** Consumer jobs fetched at a time. */
const CONSUMER_BATCH = 20;
/** Events relayed per pass, and passes at most per relay tick. */
const RELAY_PASS = 500;
const RELAY_PASSES = 20;
/** The hourly trigger of the daily jobs. */
const DAILY_TICK = 'daily';
/** A consumer job's payload: the events of one relay pass (before batching, one `eventId` a job). */
interface RelayedEvents {
  eventIds?: number[];
  eventId?: number;
}

export interface QueueOptions {
  /** How often each worker polls for jobs (pg-boss minimum 0.5 s). */
  pollSeconds?: number;
  /** How often new outbox rows are relayed to the consumers' queues. */
  relayMs?: number;
  /** A job not completed within this long is taken as crashed and retried. */
  expireSeconds?: number;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** pg-boss's cron and maintenance cadence; tests shorten them. */
  cronMonitorSeconds?: number;
  maintenanceSeconds?: number;
  /** Cron for the daily jobs (China Standard Time); hourly so a failed or missed day is caught up within the hour. */
  dailyCron?: string;
  log?: (msg: string) => void;
  now?: () => Date;
  /** Work done on the relay's tick in each instance (the notification delivery pass); must be safe to overlap. */
  periodic?: () => Promise<unknown>;
}

/** pg-boss's `db` option over the app's database. PGlite needs exec() for pg-boss's multi-statement scripts. */
export function bossDb(database: Database): PgBoss.Db {
  type Result = { rows: unknown[] };
  const client = (
    database.db as unknown as {
      $client: { query(text: string, values?: unknown[]): Promise<Result>; exec?(text: string): Promise<Result[]> };
    }
  ).$client;
  if (database.engine === 'pglite') {
    return {
      async executeSql(text: string, values?: unknown[]) {
        if (values && values.length > 0) return client.query(text, values);
        const results = await client.exec!(text);
        return results[results.length - 1] ?? { rows: [] };
      },
    };
  }
  return { executeSql: (text: string, values?: unknown[]) => client.query(text, values) };
}

export class JobQueue {
  readonly boss: PgBoss;
  private relayTimer: NodeJS.Timeout | null = null;
  private relaying: Promise<number> | null = null;
  private readonly log: (msg: string) => void;
  private readonly now: () => Date;

  constructor(
    private readonly database: Database,
    private readonly dailyJobs: readonly DailyJob[],
    private readonly consumers: readonly EventConsumer[],
    private readonly o: QueueOptions = {},
  ) {
    this.log = o.log ?? ((m) => console.log(m));
    this.now = o.now ?? (() => new Date());
    this.boss = new PgBoss({
      db: bossDb(database),
      schema: 'pgboss',
      cronMonitorIntervalSeconds: o.cronMonitorSeconds ?? 30,
      cronWorkerIntervalSeconds: o.cronMonitorSeconds ?? 5,
      maintenanceIntervalSeconds: o.maintenanceSeconds ?? 120,
      monitorStateIntervalSeconds: o.maintenanceSeconds ?? 120,
    });
    this.boss.on('error', (e: Error) => this.log(`[queue] ${e.message}`));
  }

  private get retry() {
    return {
      retryLimit: this.o.retryLimit ?? 5,
      retryDelay: this.o.retryDelaySeconds ?? 10,
      retryBackoff: true,
      expireInSeconds: this.o.expireSeconds ?? 15 * 60,
      deadLetter: DEAD_LETTERS,
    };
  }

  /** Creates the queues (idempotent), schedules the daily jobs, starts the workers and the relay. */
  async start(): Promise<void> {
    await this.boss.start();
    await this.ensureQueue(DEAD_LETTERS, {});
    const poll = { pollingIntervalSeconds: this.o.pollSeconds ?? 2 };
    for (const job of this.dailyJobs) {
      // singleton: at most one run active in the cluster at a time.
      await this.ensureQueue(dailyQueue(job.name), { policy: 'singleton', ...this.retry });
      await this.boss.work(dailyQueue(job.name), poll, async () => {
        await runDailyJob(this.database.db, job, this.now(), this.log);
      });
    }
    // One schedule triggers every daily job. pg-boss works out each schedule's last slot on every cron-monitor tick in
    // the event loop (cron-parser over luxon: ~5 ms a schedule in Asia/Shanghai), so twenty schedules stalled every
    // request for ~150 ms each 30 s. Schedules of the jobs from before are dropped.
    for (const s of await this.boss.getSchedules()) if (s.name.startsWith(dailyQueue(''))) await this.boss.unschedule(s.name);
    if (this.dailyJobs.length > 0) {
      await this.ensureQueue(DAILY_TICK, { policy: 'singleton', ...this.retry });
      await this.boss.schedule(DAILY_TICK, this.o.dailyCron ?? '7 * * * *', {}, { tz: 'Asia/Shanghai' });
      await this.boss.work(DAILY_TICK, poll, () => this.sendDailyJobs());
      // Catch up at start-up rather than waiting for the next slot.
      await this.sendDailyJobs();
    }
    for (const c of this.consumers) {
      const name = consumerQueue(c.name);
      await this.ensureQueue(name, { ...this.retry });
      const worker: string = await this.boss.work<RelayedEvents>(name, { ...poll, batchSize: CONSUMER_BATCH }, async (jobs) => {
        for (const j of jobs) await this.consumeJob(c, j.data);
        // A full batch means more are waiting: pg-boss would otherwise wait out the polling interval before the next.
        if (jobs.length === CONSUMER_BATCH) this.boss.notifyWorker(worker);
      });
    }
    const periodic = this.o.periodic;
    if (this.consumers.length > 0 || periodic) {
      let busy = false;
      this.relayTimer = setInterval(() => {
        if (busy) return;
        busy = true;
        void (async () => {
          if (this.consumers.length > 0) await this.relayBurst().catch((e: Error) => this.log(`[relay] ${e.message}`));
          if (periodic) await periodic().catch((e: Error) => this.log(`[periodic] ${e.message}`));
        })().finally(() => {
          busy = false;
        });
      }, this.o.relayMs ?? 1000);
      this.relayTimer.unref();
    }
  }

  /** Each daily job once: the same key from every instance within the hour is one job (runDailyJob skips a day done). */
  private async sendDailyJobs(): Promise<void> {
    const day = cstDate(this.now());
    for (const job of this.dailyJobs) {
      await this.boss.send(dailyQueue(job.name), {}, { singletonKey: `${job.name}:${day}`, singletonSeconds: 3600 });
    }
  }

  /**
   * The events of one relay job, in order, each in its own transaction with its mark (a consumer's batch runs in one).
   * An event that fails goes back to the queue alone (with the retries and the dead letters), so it neither holds up
   * the rest nor is lost with them; a job of one event fails as a whole and pg-boss retries it.
   */
  private async consumeJob(c: EventConsumer, data: RelayedEvents): Promise<void> {
    const ids = data.eventIds ?? (data.eventId === undefined ? [] : [data.eventId]);
    if (ids.length === 1) {
      await consumeEvent(this.database, c, ids[0]!);
      return;
    }
    await consumeInOrder(this.database, c, await eventHeads(this.database, ids), async (id, e) => {
      this.log(`[${consumerQueue(c.name)}] event ${id}: ${(e as Error).message}; queued again on its own`);
      await this.boss.send(consumerQueue(c.name), { eventIds: [id] } satisfies RelayedEvents, this.retry);
    });
  }

  private async ensureQueue(name: string, options: Omit<PgBoss.Queue, 'name'>) {
    if (!(await this.boss.getQueue(name))) await this.boss.createQueue(name, { name, ...options } as PgBoss.Queue);
  }

  /**
   * Hands outbox rows not yet relayed to the queue of every consumer that accepts them, then marks them relayed. A crash between the two
   * relays them again: consumers are idempotent, so that is a duplicate delivery and no more. Overlapping calls
   * in one instance share one pass.
   */
  relay(limit = RELAY_PASS): Promise<number> {
    this.relaying ??= (async () => {
      const db = this.database.db;
      const rows = await db
        .select({ id: domainEvents.id, type: domainEvents.type, entityType: domainEvents.entityType })
        .from(domainEvents)
        .where(isNull(domainEvents.relayedAt))
        .orderBy(asc(domainEvents.id))
        .limit(limit);
      if (rows.length === 0) return 0;
      const ids = rows.map((r) => r.id);
      // One job per consumer and pass, not per event: a daily sweep's 500,000 events were 500,000 pg-boss rows, and a
      // worker fetching 20 jobs every poll drained them at 10 a second while its fetches slowed over the grown table.
      const jobs = this.consumers.flatMap((c) => {
        const eventIds = rows.filter((r) => wants(c, r)).map((r) => r.id);
        return eventIds.length === 0 ? [] : [{ name: consumerQueue(c.name), data: { eventIds } satisfies RelayedEvents, ...this.retry }];
      });
      if (jobs.length > 0) await this.boss.insert(jobs);
      await db
        .update(domainEvents)
        .set({ relayedAt: sql`now()` })
        .where(inArray(domainEvents.id, ids));
      return ids.length;
    })().finally(() => {
      this.relaying = null;
    });
    return this.relaying;
  }

  /**
   * Relay passes on one tick while they come back full, up to RELAY_PASSES: one pass of 500 a second let a daily
   * sweep's 685,000 events reach the consumers over 23 minutes, however fast those drained them.
   */
  private async relayBurst(): Promise<void> {
    for (let i = 0; i < RELAY_PASSES; i++) if ((await this.relay(RELAY_PASS)) < RELAY_PASS) return;
  }

  async stop(): Promise<void> {
    if (this.relayTimer) clearInterval(this.relayTimer);
    await this.relaying?.catch(() => 0);
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}

/**
 * Processes one event for one consumer at most once: the mark and the consumer's writes commit together, and a
 * mark already there (a duplicate delivery) skips the event. An event the consumer does not accept is skipped here
 * too, so every test that drives a consumer through this function also proves its `accepts`. Returns whether the
 * consumer ran.
 */
export async function consumeEvent(database: Database, consumer: EventConsumer, eventId: number): Promise<boolean> {
  return database.db.transaction(async (tx) => {
    // No flush of the WAL at this commit: a consumer drained 60-150 events a second on this machine's disk, bound by
    // one flush each. Still nothing acknowledged is lost: its callers only acknowledge after a commit that does flush
    // (pg-boss completing the job, the backlog pass marking the events relayed), and PostgreSQL writes the WAL in
    // order, so that flush carries these commits too. Before it, a crash loses the effects and the mark together,
    // and the event is delivered again.
    await tx.execute(sql`set local synchronous_commit = off`);
    const [event] = await tx
      .select()
      .from(domainEvents)
      .where(inArray(domainEvents.id, [eventId]));
    if (!event || !wants(consumer, event)) return false;
    const marked = await tx
      .insert(eventConsumerMarks)
      .values({ consumer: consumer.name, eventId })
      .onConflictDoNothing()
      .returning({ eventId: eventConsumerMarks.eventId });
    if (marked.length === 0) return false;
    await consumer.handle(tx, event);
    return true;
  });
}

/** The heads of the events `ids`, in id order (the relay's job names ids only). */
async function eventHeads(database: Database, ids: number[]): Promise<(EventHead & { id: number })[]> {
  return database.db
    .select({ id: domainEvents.id, type: domainEvents.type, entityType: domainEvents.entityType })
    .from(domainEvents)
    .where(inArray(domainEvents.id, ids))
    .orderBy(asc(domainEvents.id));
}

/**
 * The events in order for one consumer: each run of consecutive events its batch takes in one transaction, the others
 * one by one. A run that fails is consumed again one event at a time; an event that fails goes to `failed`.
 */
export async function consumeInOrder(
  database: Database,
  consumer: EventConsumer,
  events: readonly (EventHead & { id: number })[],
  failed: (id: number, error: unknown) => Promise<void>,
): Promise<void> {
  const one = async (id: number) => {
    try {
      await consumeEvent(database, consumer, id);
    } catch (e) {
      await failed(id, e);
    }
  };
  const batch = consumer.batch;
  let run: number[] = [];
  const flush = async () => {
    const ids = run;
    run = [];
    if (ids.length === 0) return;
    if (ids.length > 1) {
      try {
        await consumeEvents(database, consumer, ids);
        return;
      } catch {
        // one at a time below: the failing event alone goes back to the queue
      }
    }
    for (const id of ids) await one(id);
  };
  for (const e of events) {
    if (!wants(consumer, e)) continue;
    if (batch?.accepts(e)) {
      run.push(e.id);
      continue;
    }
    await flush();
    await one(e.id);
  }
  await flush();
}

/**
 * Processes a run of events for the consumer's batch in one transaction with their marks; events already marked (a
 * duplicate delivery) are left out. Returns how many the batch handled.
 */
export async function consumeEvents(database: Database, consumer: EventConsumer, eventIds: number[]): Promise<number> {
  const batch = consumer.batch;
  if (!batch) throw new Error(`consumer ${consumer.name} has no batch handler`);
  return database.db.transaction(async (tx) => {
    // As in consumeEvent: the acknowledging commit flushes the WAL for these writes too.
    await tx.execute(sql`set local synchronous_commit = off`);
    const events = (await tx.select().from(domainEvents).where(inArray(domainEvents.id, eventIds)).orderBy(asc(domainEvents.id))).filter(
      (e) => wants(consumer, e) && batch.accepts(e),
    );
    if (events.length === 0) return 0;
    const marks = events.map((e) => ({ consumer: consumer.name, eventId: e.id }));
    const marked = new Set(
      rowsOf<{ event_id: number }>(
        await tx.execute(insertRowsSql(eventConsumerMarks, marks, sql`on conflict do nothing returning event_id::float8 as event_id`)),
      ).map((m) => m.event_id),
    );
    const fresh = events.filter((e) => marked.has(e.id));
    if (fresh.length > 0) await batch.handle(tx, fresh);
    return fresh.length;
  });
}

/** Failed jobs and dead letters, newest first, for the administrator (read straight from pg-boss's tables). */
export async function listFailedJobs(database: Database, limit: number, offset: number) {
  const db = database.db;
  const [installed] = rowsOf<{ ok: boolean }>(await db.execute(sql`select to_regclass('pgboss.job') is not null as ok`));
  if (!installed?.ok) return { items: [], total: 0 };
  const items = rowsOf<FailedJobRow>(
    await db.execute(sql`
      select id, name, state, retry_count as "retryCount", output, created_on as "createdOn", completed_on as "completedOn"
        from pgboss.job
       where state = 'failed' or name = ${DEAD_LETTERS}
       order by created_on desc, id
       limit ${limit} offset ${offset}`),
  );
  const [count] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from pgboss.job where state = 'failed' or name = ${DEAD_LETTERS}`),
  );
  return { items, total: count?.n ?? 0 };
}

export interface FailedJobRow {
  id: string;
  name: string;
  state: string;
  retryCount: number;
  output: unknown;
  createdOn: Date;
  completedOn: Date | null;
}

/**
 * Runs every consumer over the events not yet relayed, in order, in this process, and marks them relayed — until
 * the consumers' own events are done too. For the first demo start: the seed writes a few hundred events, and
 * handing them to the queue would keep the single embedded connection busy for the first minute, with a user's
 * first notices waiting behind the seed's. Consumers are idempotent, so an event handled here and relayed again
 * later (a crash in between) is skipped by its marks.
 */
export async function consumeBacklog(database: Database, consumers: readonly EventConsumer[]): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await database.db
      .select({ id: domainEvents.id, type: domainEvents.type, entityType: domainEvents.entityType })
      .from(domainEvents)
      .where(isNull(domainEvents.relayedAt))
      .orderBy(asc(domainEvents.id))
      .limit(500);
    if (rows.length === 0) return total;
    for (const c of consumers)
      await consumeInOrder(database, c, rows, (_id, e) => {
        throw e;
      });
    await database.db
      .update(domainEvents)
      .set({ relayedAt: sql`now()` })
      .where(
        inArray(
          domainEvents.id,
          rows.map((r) => r.id),
        ),
      );
    total += rows.length;
  }
}
