// Daily: the holding-rate summaries whose counts change today without any write (a counted certificate passes its
// due date, someone leaves or starts) are rewritten, each in its own transaction, so the rates read from
// people_summaries match a direct count every day (people.queries.ts computeSummary / refreshSummary).
import type { Db } from '../../platform/db';
import type { DailyJob } from '../../platform/jobs';
import { refreshSummary, staleSummaries } from './people.queries';

export async function refreshStaleSummaries(db: Db, today: string) {
  let refreshed = 0;
  for (;;) {
    const ids = await staleSummaries(db, today, 500);
    if (ids.length === 0) break;
    for (const id of ids) {
      await db.transaction((tx) => refreshSummary(tx, id, today));
      refreshed++;
    }
  }
  return { refreshed };
}

export const peopleSummaryJob: DailyJob = {
  name: 'people-summary-refresh',
  run: (db, { today }) => refreshStaleSummaries(db, today),
};
