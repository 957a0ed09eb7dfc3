// A minimal in-process scheduler for daily jobs (task generation, roll-ups). Every `intervalMs` it runs each job
// that has not yet succeeded on the current China calendar day. Jobs must be idempotent: a restart, a second
// process or a manual run on the same day may run them again, and that must change nothing.
import type { Db } from './db';
import { cstDate } from './time';

export interface DailyJob {
  name: string;
  run(db: Db, ctx: { today: string; log: (msg: string) => void }): Promise<unknown>;
}

export interface Scheduler {
  /** Runs every job not yet done today; resolves when they have finished (used at start and by tests). */
  runDue(): Promise<void>;
  stop(): void;
}

export interface SchedulerOptions {
  intervalMs?: number;
  now?: () => Date;
  log?: (msg: string) => void;
}

export function startScheduler(db: Db, jobs: readonly DailyJob[], o: SchedulerOptions = {}): Scheduler {
  const log = o.log ?? ((msg: string) => console.log(msg));
  const now = o.now ?? (() => new Date());
  const lastSuccess = new Map<string, string>();
  let running: Promise<void> | null = null;

  const runDue = (): Promise<void> => {
    // Ticks never overlap: a slow run makes the next tick wait for it instead of starting a second copy.
    running ??= (async () => {
      const today = cstDate(now());
      for (const job of jobs) {
        if (lastSuccess.get(job.name) === today) continue;
        try {
          const result = await job.run(db, { today, log: (m) => log(`[${job.name}] ${m}`) });
          lastSuccess.set(job.name, today);
          log(`[${job.name}] ${today}: ${JSON.stringify(result)}`);
        } catch (e) {
          // Left unmarked, so the next tick retries it.
          log(`[${job.name}] ${today} failed: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };

  const timer = setInterval(() => void runDue(), o.intervalMs ?? 10 * 60_000);
  timer.unref(); // never keeps the process alive on its own
  void runDue();
  return {
    runDue,
    stop: () => clearInterval(timer),
  };
}
