// The 无事故 good record as small pure functions. Years are counted in China calendar days from an anchor day (the later
// of the day the enterprise entered the register and the day of its last accident on record: accident-free.job.ts says
// why); a year is complete on its anniversary, and a 29 February anchor's anniversary in a common year is 28 February
// (addMonths clamps, as PostgreSQL's date + interval does). The record is earned on the N-th anniversary (N: the
// scheme's accidentFreeYears, L) and stands until an accident within the last N years withdraws it. The daily sweep,
// the consumer and the withdrawal all decide by these functions.
import { addDays, addMonths } from '../../platform/time';

/** The day `years` full years after `anchorOn` are complete (negative `years`: that many years before). */
export const anniversary = (anchorOn: string, years: number): string => addMonths(anchorOn, 12 * years);

/** Full years from `anchorOn` to `today` (0 before the first anniversary, or when `today` is before the anchor). */
export function fullYears(anchorOn: string, today: string): number {
  let y = Number(today.slice(0, 4)) - Number(anchorOn.slice(0, 4));
  if (y > 0 && anniversary(anchorOn, y) > today) y -= 1;
  return Math.max(0, y);
}

/** Whether an accident that occurred on `accidentOn` breaks an N-year record on `today`: it is within the last N years. */
export const breaksRecord = (accidentOn: string, today: string, years: number): boolean => fullYears(accidentOn, today) < years;

export interface AccidentFreeDue {
  /** Full years without an accident on record on the day of the run (N, or more on a first run). */
  years: number;
  /** The day the record was earned: the N-th anniversary of the anchor. */
  reachedOn: string;
}

/**
 * The record to announce on `today` for an enterprise anchored on `anchorOn`: due when it has N full years and earned
 * them after `since` (the previous run's day; null: no previous run under this N, so every standing record is due —
 * the sweep skips those already announced).
 */
export function accidentFreeDue(anchorOn: string, today: string, since: string | null, minYears: number): AccidentFreeDue | null {
  const years = fullYears(anchorOn, today);
  if (years < minYears) return null;
  const reachedOn = anniversary(anchorOn, minYears);
  if (since !== null && reachedOn <= since) return null;
  return { years, reachedOn };
}

/**
 * The anchor days that can be due on `today` (inclusive; from null: unbounded): [since − N years, today − N years + 1
 * day], a day wider than the exact (since − N, today − N] at the top for the 29 February clamp; accidentFreeDue decides
 * each row exactly. Null when nothing can be due (the run's day is not after the previous run's).
 */
export function anchorRange(today: string, since: string | null, minYears: number): { from: string | null; to: string } | null {
  if (since !== null && since >= today) return null;
  return { from: since === null ? null : anniversary(since, -minYears), to: addDays(anniversary(today, -minYears), 1) };
}
