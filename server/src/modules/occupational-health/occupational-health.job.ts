// Daily: profiles whose counted flags change by time alone today (a detection, an equipment issue or a periodic check
// now a year old; a worker's leaving day) are refreshed, each in its own transaction, so the rate cells stay equal to
// a recount without anyone writing to the file.
import { eq } from 'drizzle-orm';
import { ohProfiles } from '../../db/schema';
import type { Db } from '../../platform/db';
import type { DailyJob } from '../../platform/jobs';
import { lapsedProfiles, refreshProfile } from './occupational-health.queries';

export async function refreshLapsedProfiles(db: Db, today: string) {
  let after: string | null = null;
  let refreshed = 0;
  for (;;) {
    const ids = await lapsedProfiles(db, today, after, 500);
    if (ids.length === 0) break;
    for (const id of ids) {
      await db.transaction(async (tx) => {
        await tx.select({ id: ohProfiles.enterpriseId }).from(ohProfiles).where(eq(ohProfiles.enterpriseId, id)).for('update');
        await refreshProfile(tx, id, today);
      });
      refreshed++;
    }
    after = ids.at(-1)!;
  }
  return { refreshed };
}

export const ohLapseJob: DailyJob = {
  name: 'occupational-health-lapse-refresh',
  run: (db, { today }) => refreshLapsedProfiles(db, today),
};
