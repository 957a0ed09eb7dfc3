// Daily: the training summaries of enterprises whose people changed since yesterday's run (a principal added, someone
// leaving) are rewritten for the current year, each in its own transaction, so the rates read from training_summaries
// match a direct count without the people module calling into this one.
import type { Db } from '../../platform/db';
import type { DailyJob } from '../../platform/jobs';
import { addDays, cstStartOfDay } from '../../platform/time';
import { enterprisesWithChangedPeople, refreshTrainingSummary } from './training.queries';

export async function refreshChangedSummaries(db: Db, today: string) {
  const since = cstStartOfDay(addDays(today, -1));
  const year = Number(today.slice(0, 4));
  let after: string | null = null;
  let refreshed = 0;
  for (;;) {
    const ids = await enterprisesWithChangedPeople(db, since, 500, after);
    if (ids.length === 0) break;
    for (const id of ids) {
      await db.transaction((tx) => refreshTrainingSummary(tx, id, year, today));
      refreshed++;
    }
    after = ids.at(-1)!;
  }
  return { refreshed };
}

export const trainingSummaryJob: DailyJob = {
  name: 'training-summary-refresh',
  run: (db, { today }) => refreshChangedSummaries(db, today),
};
