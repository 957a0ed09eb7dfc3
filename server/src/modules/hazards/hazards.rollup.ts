// Keeps hazard_stats_monthly in step with the hazards table, inside the transaction that reports or closes a
// hazard. Each hazard lands in the cohort of the month it was found: +1 found when reported, +1 closed (with its
// days to close, and whether it was rectified late) when it closes. Upserts add atomically, so concurrent
// writers never lose a count.
import { sql } from 'drizzle-orm';
import { hazardStatsMonthly } from '../../db/schema';
import type { DbOrTx } from '../../platform/db';
import { daysBetween } from '../../platform/time';
import type { HazardRecord } from './hazards.queries';

type Key = Pick<HazardRecord, 'areaCode' | 'parkId' | 'sector' | 'source' | 'grade' | 'foundOn'>;

async function add(tx: DbOrTx, h: Key, delta: { found?: number; closed?: number; closedLate?: number; closeDays?: number }) {
  const values = {
    areaCode: h.areaCode,
    parkKey: h.parkId ?? '',
    sector: h.sector,
    source: h.source,
    grade: h.grade,
    month: h.foundOn.slice(0, 7),
    found: delta.found ?? 0,
    closed: delta.closed ?? 0,
    closedLate: delta.closedLate ?? 0,
    closeDays: delta.closeDays ?? 0,
  };
  await tx
    .insert(hazardStatsMonthly)
    .values(values)
    .onConflictDoUpdate({
      target: [
        hazardStatsMonthly.areaCode,
        hazardStatsMonthly.parkKey,
        hazardStatsMonthly.sector,
        hazardStatsMonthly.source,
        hazardStatsMonthly.grade,
        hazardStatsMonthly.month,
      ],
      set: {
        found: sql`${hazardStatsMonthly.found} + excluded.found`,
        closed: sql`${hazardStatsMonthly.closed} + excluded.closed`,
        closedLate: sql`${hazardStatsMonthly.closedLate} + excluded.closed_late`,
        closeDays: sql`${hazardStatsMonthly.closeDays} + excluded.close_days`,
      },
    });
}

export function countFound(tx: DbOrTx, h: Key) {
  return add(tx, h, { found: 1 });
}

/**
 * Rectified late: the accepted submission (or, for 立查立改, the closing day) came after the deadline. The
 * acceptor's own delay is not the enterprise's lateness, hence submittedOn rather than closedOn.
 */
export function isRectifiedLate(h: Pick<HazardRecord, 'deadline' | 'submittedOn' | 'closedOn'>): boolean {
  const rectifiedOn = h.submittedOn ?? h.closedOn;
  return !!h.deadline && !!rectifiedOn && rectifiedOn > h.deadline;
}

export function countClosed(tx: DbOrTx, h: Key & Pick<HazardRecord, 'deadline' | 'submittedOn' | 'closedOn'>) {
  return add(tx, h, { closed: 1, closedLate: isRectifiedLate(h) ? 1 : 0, closeDays: daysBetween(h.foundOn, h.closedOn!) });
}
