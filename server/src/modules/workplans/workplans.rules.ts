// Monthly progress reporting rules (configuration, marked L: each plan sets its own report day).
// Default: the 28th — Longgang 000 §七(四) "各牵头部门应于每月28日前填写《…工作分工及进展情况表》报送".
// Reading chosen: "28日前" is on or before the 28th (the 28th itself counts as on time). When that day is not an
// official working day (weekend or State Council holiday, platform/calendar.ts), the deadline moves to the PREVIOUS
// working day, so a unit never has to report on a day the offices are closed and is never given extra days the
// plan did not grant. A report day beyond the month's end (31 in a 30-day month) is the month's last day.
import { CalendarGapError, isWorkday } from '../../platform/calendar';
import { addDays } from '../../platform/time';

/** The plan's default report day (L: configuration, per plan). */
export const DEFAULT_REPORT_DAY = 28;

export function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The due day of `month`'s report ('YYYY-MM') for a plan reporting by `reportDay`. */
export function monthlyReportDue(month: string, reportDay = DEFAULT_REPORT_DAY): string {
  const day = Math.min(reportDay, daysInMonth(month));
  let d = `${month}-${String(day).padStart(2, '0')}`;
  while (!workdayOrWeekday(d)) d = addDays(d, -1);
  return d;
}

/**
 * The official calendar where the year is known; past the known years (a schedule not yet entered), Monday–Friday —
 * provisional: the board computes due days on read, so they follow the calendar once the year is entered.
 */
function workdayOrWeekday(d: string): boolean {
  try {
    return isWorkday(d);
  } catch (e) {
    if (!(e instanceof CalendarGapError)) throw e;
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    return dow !== 0 && dow !== 6;
  }
}

/** The month ('YYYY-MM') a China day belongs to. */
export const monthOf = (date: string) => date.slice(0, 7);

export type ReportState = 'filed' | 'late' | 'missing' | 'pending' | 'not_required';

/**
 * One task's report state for a month, on `today`:
 * - a report exists: filed (submitted on or before the due day) or late;
 * - none, and the task does not owe one (assigned after the due day, or awaiting acceptance / accepted): not_required;
 * - none and the due day has not passed (today ≤ due): pending; else missing.
 */
export function reportState(o: {
  submittedOn: string | null;
  dueOn: string;
  today: string;
  assignedOn: string;
  status: string;
}): ReportState {
  if (o.submittedOn) return o.submittedOn > o.dueOn ? 'late' : 'filed';
  if (o.assignedOn > o.dueOn || !owesReports(o.status)) return 'not_required';
  return o.today <= o.dueOn ? 'pending' : 'missing';
}

/** Tasks still being worked on owe monthly reports; reported-done (awaiting acceptance) and accepted ones do not. */
export function owesReports(status: string): boolean {
  return status === 'assigned' || status === 'in_progress' || status === 'returned';
}
