// 举报 time limits (rules.md §8 "Processing time limits", marked M/L: configuration per region with documented
// defaults). Defaults, from 《安全生产领域举报奖励办法》(2012) 第十一条(六) and the 12350 centre's practice (seeds 004 §13):
// - acceptance (受理) within 5 WORKING days of receipt, on the official calendar (platform/calendar.ts, China day);
// - handling (核查处理) within 60 calendar days of acceptance;
// - one extension, of at most 30 calendar days, approved by the next-higher department (here: 'report.extend', the
//   district bureau) with a reason the reporter is told.
// A deployment with a local rule (e.g. 30 days, extendable to at most 90 in all) changes `reportLimits` only.
import { addDeadline, CalendarGapError } from '../../platform/calendar';
import { addDays, daysBetween } from '../../platform/time';
import { reportTimeLimits, type TimeLimit } from './reports.reference';

export const reportLimits = {
  accept: reportTimeLimits.accept,
  handle: reportTimeLimits.handle,
  /** §8: "may extend by ≤ 30 days" — calendar days added to the handling deadline. */
  extensionMaxDays: 30,
  /** §8: one extension; a deployment allowing more raises this. */
  extensionsAllowed: 1,
} as const;

/**
 * A deadline on the official calendar. A report is never refused because next year's holiday schedule is not entered
 * yet: past the known years Monday–Friday count as working days — a date no later than the official one would be, so
 * the time limit is never stretched.
 */
export function deadline(from: string, limit: TimeLimit): string {
  try {
    return addDeadline(from, limit.n, limit.unit);
  } catch (e) {
    if (!(e instanceof CalendarGapError)) throw e;
    let d = from;
    for (let left = limit.n; left > 0;) {
      d = addDays(d, 1);
      const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
      if (dow !== 0 && dow !== 6) left--;
    }
    return d;
  }
}

export const acceptDueOf = (submittedOn: string) => deadline(submittedOn, reportLimits.accept);
export const handleDueOf = (acceptedOn: string) => deadline(acceptedOn, reportLimits.handle);

export type ExtensionRefusal = 'state' | 'used' | 'days';

/**
 * Whether a handling deadline may be extended by `days`: only while handling runs (accepted / handling, so a handling
 * deadline exists), only `extensionsAllowed` times, by 1…extensionMaxDays days. Null when allowed.
 */
export function extensionRefusal(
  row: { status: string; handleDue: string | null; extensions: number },
  days: number,
): ExtensionRefusal | null {
  if (!row.handleDue || (row.status !== 'accepted' && row.status !== 'handling')) return 'state';
  if (row.extensions >= reportLimits.extensionsAllowed) return 'used';
  if (!Number.isInteger(days) || days < 1 || days > reportLimits.extensionMaxDays) return 'days';
  return null;
}

export const extendedDue = (handleDue: string, days: number) => addDays(handleDue, days);

/** The deadline that runs now: acceptance while received, handling while accepted or handling; none after. */
export function currentDue(row: { status: string; acceptDue: string; handleDue: string | null }): string | null {
  if (row.status === 'received') return row.acceptDue;
  if (row.status === 'accepted' || row.status === 'handling') return row.handleDue;
  return null;
}

/** Calendar days from `today` to the running deadline: 0 on the day, negative when overdue; null when none runs. */
export function daysLeft(row: { status: string; acceptDue: string; handleDue: string | null }, today: string): number | null {
  const due = currentDue(row);
  return due ? daysBetween(today, due) : null;
}
