// Daily jobs (check-task generation, deadline reminders, digests). They run on the job queue (platform/queue.ts):
// a cron in China Standard Time triggers them once per cluster, and `runDailyJob` records the China calendar day
// each finished for, so a second trigger the same day (start-up catch-up, the hourly cron, a retry) changes nothing.
import { and, eq } from 'drizzle-orm';
import { dailyJobRuns } from '../db/schema';
import type { Db } from './db';
import { cstDate } from './time';

export interface DailyJob {
  name: string;
  run(db: Db, ctx: { today: string; log: (msg: string) => void }): Promise<unknown>;
}

/** Runs `job` for the China day of `now` unless it already finished for that day. Returns whether it ran. */
export async function runDailyJob(db: Db, job: DailyJob, now: Date, log: (msg: string) => void): Promise<boolean> {
  const today = cstDate(now);
  const [done] = await db
    .select({ day: dailyJobRuns.day })
    .from(dailyJobRuns)
    .where(and(eq(dailyJobRuns.name, job.name), eq(dailyJobRuns.day, today)));
  if (done) return false;
  const result = await job.run(db, { today, log: (m) => log(`[${job.name}] ${m}`) });
  await db
    .insert(dailyJobRuns)
    .values({ name: job.name, day: today, result: (result ?? null) as never })
    .onConflictDoNothing();
  log(`[${job.name}] ${today}: ${JSON.stringify(result)}`);
  return true;
}
