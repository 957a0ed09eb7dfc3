// The daily scheduler runs each job once per China calendar day, retries a failed one, and never overlaps runs.
import { describe, expect, it } from 'vitest';
import type { Db } from './db';
import { startScheduler, type DailyJob } from './jobs';

describe('daily scheduler', () => {
  it('runs a job once per CST day, again on the next day, and retries after a failure', async () => {
    let at = new Date('2026-01-31T15:00:00Z'); // 23:00 on 31 January in China
    const days: string[] = [];
    let fail = true;
    const job: DailyJob = {
      name: 'probe',
      async run(_db, { today }) {
        days.push(today);
        if (today === '2026-02-01' && fail) {
          fail = false;
          throw new Error('database busy');
        }
      },
    };
    const logs: string[] = [];
    const s = startScheduler({} as Db, [job], { intervalMs: 3_600_000, now: () => at, log: (m) => logs.push(m) });
    await s.runDue();
    await s.runDue();
    expect(days).toEqual(['2026-01-31']);
    at = new Date('2026-01-31T16:30:00Z'); // 00:30 on 1 February in China
    await s.runDue(); // fails
    await s.runDue(); // retried, succeeds
    await s.runDue(); // done for the day
    s.stop();
    expect(days).toEqual(['2026-01-31', '2026-02-01', '2026-02-01']);
    expect(logs.some((l) => l.includes('failed: database busy'))).toBe(true);
  });

  it('does not start a second run while one is still going', async () => {
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const job: DailyJob = { name: 'slow', run: async () => (calls++, gate) };
    const s = startScheduler({} as Db, [job], { intervalMs: 3_600_000, log: () => {} });
    const a = s.runDue();
    const b = s.runDue();
    release();
    await Promise.all([a, b]);
    s.stop();
    expect(calls).toBe(1);
  });
});
