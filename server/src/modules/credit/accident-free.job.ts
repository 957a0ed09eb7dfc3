// The 无事故 sweep (daily job 'credit-accident-free'): each live enterprise that has reached N full years without a
// production-safety accident on record (N: the current scheme's accidentFreeYears, L) gets one
// enterprise.accident_free event, which the credit consumer turns into its accident_free good record.
//
// Where the years are counted from (the anchor): the later of enterprises.created_at — the day the enterprise entered
// this register — and enterprises.last_accident_at — its latest accident on record (max(accidents.occurred_at),
// mirrored onto the row by the draw-signal triggers in the accident's own transaction). The register holds no
// establishment or licence date, and the platform has no accident record of an enterprise from before it held the
// enterprise, so it can vouch for accident-free years only from the later of the two. Both are on the row the index
// enterprises_accident_free_idx (migration 0059) is built on: greatest(created_at, last_accident_at), id.
//
// Cost: a run reads only the anchors whose N-th anniversary came since the previous finished run (daily_job_runs: one
// range of the index, a day or two of anchors), appends one event per due enterprise not yet announced for that anchor
// (checked per page of 500 on the events' entity index), in one statement per page. With no previous run under this
// N (the first run, or after N changed) it reads every anchor up to today − N once, skipping those announced.
// Re-running on the same day appends nothing: the same anchors are already announced. The days are China days.
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { accidents, dailyJobRuns, enterprises } from '../../db/schema';
import { rowsOf, type Db, type DbOrTx } from '../../platform/db';
import type { DailyJob } from '../../platform/jobs';
import { announcedKeys, appendEvents } from '../../platform/outbox';
import { addDays, cstStartOfDay } from '../../platform/time';
import { accidentFreeDue, anchorRange } from './accident-free.rules';
import { currentCreditScheme, type CreditScheme } from './credit.scheme';

export const ACCIDENT_FREE_EVENT = 'enterprise.accident_free';
export const ACCIDENT_FREE_JOB = 'credit-accident-free';
const PAGE = 500;

/** What the event carries (the consumer re-reads the enterprise's anchor before it writes). */
export interface AccidentFreePayload {
  /** The anchor day (China) and what it is: the last accident on record, or entering the register. */
  anchorOn: string;
  anchorKind: 'accident' | 'registered';
  /** The last accident's id when anchorKind is 'accident'. */
  accidentId: string | null;
  years: number;
  reachedOn: string;
}

// The index expression, written as the index has it so the planner matches it.
const anchor = sql`greatest(${enterprises.createdAt}, ${enterprises.lastAccidentAt})`;

interface Row {
  id: string;
  area_code: string;
  sector: string;
  park_id: string | null;
  /** The anchor instant as text with its offset: exact to the microsecond for the keyset. */
  anchor_at: string;
  anchor_on: string;
  after_accident: boolean;
}

/** The day of the last finished run before `today` and the N it ran under. */
async function previousRun(db: Db, today: string) {
  const [row] = await db
    .select({ day: dailyJobRuns.day, result: dailyJobRuns.result })
    .from(dailyJobRuns)
    .where(and(eq(dailyJobRuns.name, ACCIDENT_FREE_JOB), sql`${dailyJobRuns.day} < ${today}`))
    .orderBy(desc(dailyJobRuns.day))
    .limit(1);
  return row ? { day: row.day, years: (row.result as { years?: number } | null)?.years ?? null } : null;
}

/**
 * Appends the enterprise.accident_free events due on `today`: anchors whose N-th anniversary is after `since` (the
 * previous run's day; null: every standing record) and on or before `today`, not yet announced for that anchor.
 */
export async function evaluateAccidentFree(db: DbOrTx, today: string, since: string | null, scheme: CreditScheme = currentCreditScheme) {
  const years = scheme.accidentFreeYears;
  const range = years ? anchorRange(today, since, years) : null;
  if (!years || !range) return { accidentFree: 0, years: years ?? null };
  const from = range.from ? sql`and ${anchor} >= ${cstStartOfDay(range.from).toISOString()}::timestamptz` : sql``;
  const to = sql`and ${anchor} < ${cstStartOfDay(addDays(range.to, 1)).toISOString()}::timestamptz`;
  let events = 0;
  let after: Row | null = null;
  for (;;) {
    const keyset: SQL = after ? sql`and (${anchor}, ${enterprises.id}) > (${after.anchor_at}::timestamptz, ${after.id}::uuid)` : sql``;
    const page = rowsOf<Row>(
      await db.execute(sql`
        select ${enterprises.id} as id, ${enterprises.areaCode} as area_code, ${enterprises.sector} as sector,
               ${enterprises.parkId} as park_id, ${anchor}::text as anchor_at,
               (${anchor} at time zone 'Asia/Shanghai')::date::text as anchor_on,
               coalesce(${enterprises.lastAccidentAt} >= ${enterprises.createdAt}, false) as after_accident
        from ${enterprises}
        where ${enterprises.deletedAt} is null ${from} ${to} ${keyset}
        order by ${anchor}, ${enterprises.id}
        limit ${PAGE}`),
    );
    const due = page.flatMap((e) => {
      const d = accidentFreeDue(e.anchor_on, today, since, years);
      return d ? [{ e, d }] : [];
    });
    if (due.length > 0) events += await announce(db, due);
    if (page.length < PAGE) break;
    after = page[page.length - 1]!;
  }
  return { accidentFree: events, years };
}

/** One page: skips the anchors already announced, finds the last accidents, appends the events in one transaction. */
async function announce(db: DbOrTx, due: { e: Row; d: { years: number; reachedOn: string } }[]) {
  const announced = await announcedKeys(db, {
    type: ACCIDENT_FREE_EVENT,
    entityType: 'enterprise',
    entityIds: due.map((x) => x.e.id),
    key: 'anchorOn',
  });
  const fresh = due.filter((x) => !announced.has(`${x.e.id}|${x.e.anchor_on}`));
  if (fresh.length === 0) return 0;
  const afterAccident = fresh.filter((x) => x.e.after_accident).map((x) => x.e.id);
  const lastAccident = new Map(
    afterAccident.length === 0
      ? []
      : (
          await db
            .selectDistinctOn([accidents.enterpriseId], { enterpriseId: accidents.enterpriseId, id: accidents.id })
            .from(accidents)
            .where(inArray(accidents.enterpriseId, afterAccident))
            .orderBy(accidents.enterpriseId, desc(accidents.occurredAt), desc(accidents.id))
        ).map((r) => [r.enterpriseId!, r.id]),
  );
  await appendEvents(
    db,
    ACCIDENT_FREE_EVENT,
    'enterprise',
    fresh.map(({ e, d }) => ({
      record: { id: e.id, areaCode: e.area_code, sector: e.sector, parkId: e.park_id },
      payload: {
        anchorOn: e.anchor_on,
        anchorKind: e.after_accident ? 'accident' : 'registered',
        accidentId: e.after_accident ? (lastAccident.get(e.id) ?? null) : null,
        years: d.years,
        reachedOn: d.reachedOn,
      } satisfies AccidentFreePayload,
    })),
  );
  return fresh.length;
}

export const accidentFreeJob: DailyJob = {
  name: ACCIDENT_FREE_JOB,
  run: async (db, { today }) => {
    const prev = await previousRun(db, today);
    // A run under another N (the scheme changed) does not bound this one: every standing record is checked once.
    const since = prev && prev.years === (currentCreditScheme.accidentFreeYears ?? null) ? prev.day : null;
    return evaluateAccidentFree(db, today, since);
  },
};
