// The official calendar supplement in the database, and its copy in memory (platform/calendar.ts). Loaded when the
// app is built, loaded again by the process that writes it, and re-read every few minutes so the other instances of
// a multi-instance deployment follow within that time. A failed re-read keeps the copy in memory.
import { asc, eq } from 'drizzle-orm';
import { calendarSupplementDays, calendarSupplementYears } from '../db/schema';
import type { DbOrTx } from './db';
import { setCalendarSupplement, type OfficialYear } from './calendar';
import { supplementIssues } from './calendar-supplement';

export interface StoredCalendarYear extends OfficialYear {
  noticeTitle: string;
  noticeNumber: string;
  updatedAt: Date;
  updatedBy: string | null;
  updatedByName: string;
  holidays: string[];
  workdays: string[];
}

export async function readCalendarSupplement(db: DbOrTx): Promise<StoredCalendarYear[]> {
  const years = await db.select().from(calendarSupplementYears).orderBy(asc(calendarSupplementYears.year));
  const days = await db.select().from(calendarSupplementDays).orderBy(asc(calendarSupplementDays.date));
  const byYear = new Map<number, StoredCalendarYear>(years.map((y) => [y.year, { ...y, holidays: [], workdays: [] }]));
  for (const d of days) (d.kind === 'holiday' ? byYear.get(d.year)?.holidays : byYear.get(d.year)?.workdays)?.push(d.date);
  return [...byYear.values()];
}

export async function readCalendarYear(db: DbOrTx, year: number): Promise<StoredCalendarYear | null> {
  const [y] = await db.select().from(calendarSupplementYears).where(eq(calendarSupplementYears.year, year));
  if (!y) return null;
  const days = await db
    .select()
    .from(calendarSupplementDays)
    .where(eq(calendarSupplementDays.year, year))
    .orderBy(asc(calendarSupplementDays.date));
  return {
    ...y,
    holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.date),
    workdays: days.filter((d) => d.kind === 'workday').map((d) => d.date),
  };
}

/** Replaces one year (its days and its source) in the caller's transaction. */
export async function storeCalendarYear(
  tx: DbOrTx,
  y: { year: number; noticeTitle: string; noticeNumber: string; holidays: readonly string[]; workdays: readonly string[] },
  by: { id: string | null; name: string },
): Promise<void> {
  const source = {
    noticeTitle: y.noticeTitle,
    noticeNumber: y.noticeNumber,
    updatedAt: new Date(),
    updatedBy: by.id,
    updatedByName: by.name,
  };
  await tx
    .insert(calendarSupplementYears)
    .values({ year: y.year, ...source })
    .onConflictDoUpdate({ target: calendarSupplementYears.year, set: source });
  await tx.delete(calendarSupplementDays).where(eq(calendarSupplementDays.year, y.year));
  const rows = [
    ...y.holidays.map((date) => ({ date, year: y.year, kind: 'holiday' as const })),
    ...y.workdays.map((date) => ({ date, year: y.year, kind: 'workday' as const })),
  ];
  if (rows.length > 0) await tx.insert(calendarSupplementDays).values(rows);
}

/** Removes one year; its days go with it (cascade). True when there was one. */
export async function removeCalendarYear(tx: DbOrTx, year: number): Promise<boolean> {
  const gone = await tx.delete(calendarSupplementYears).where(eq(calendarSupplementYears.year, year)).returning();
  return gone.length > 0;
}

// Loads may overlap (a periodic re-read started before a write commits, the writer's own reload after it): only the
// most recently started one that finishes is applied, so an older read never overwrites a newer one.
let started = 0;
let applied = 0;

/**
 * Reads the supplement and swaps it into the calendar. Stored years are checked again as on entry: one that no longer
 * passes (a hand-edited row) is left out — a visible gap rather than a calendar nobody vouched for — and reported.
 */
export async function loadCalendarSupplement(db: DbOrTx, log: (msg: string) => void = () => {}): Promise<OfficialYear[]> {
  const mine = ++started;
  const stored = await readCalendarSupplement(db);
  const usable = stored.filter((y) => {
    // The package check is not a storage rule: a later package release may add a year entered before.
    const issues = supplementIssues({ ...y, replacesPackage: true });
    if (issues.length > 0) log(`calendar supplement ${y.year} left out: ${issues.map((i) => `${i.field}: ${i.en}`).join('; ')}`);
    return issues.length === 0;
  });
  if (mine > applied) {
    applied = mine;
    setCalendarSupplement(usable);
  }
  return usable;
}

export interface CalendarRefresh {
  /** One re-read now (tests; the timer calls the same). */
  refresh(): Promise<void>;
  stop(): void;
}

export function startCalendarRefresh(db: DbOrTx, o: { intervalMs: number; log?: (msg: string) => void }): CalendarRefresh {
  const log = o.log ?? ((m: string) => console.warn(m));
  const refresh = async () => {
    try {
      await loadCalendarSupplement(db, log);
    } catch (e) {
      log(`calendar supplement re-read failed, keeping the one in memory: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const timer = setInterval(() => void refresh(), o.intervalMs);
  timer.unref(); // never keeps the process alive on its own
  return { refresh, stop: () => clearInterval(timer) };
}
