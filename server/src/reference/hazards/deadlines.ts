// Hidden-danger due dates: rectification deadlines, the enterprise's 令16号 statistics reports, and the
// regulator's on-site review before a 挂牌督办 enterprise resumes production.
// Sources: 安全生产事故隐患排查治理暂行规定 (安监总局令第16号), docs/rules.md §3.1 (M; article numbers not recorded
// there). Working days come from platform/calendar (official holiday and make-up-workday calendar); a year the
// calendar has no data for throws CalendarGapError, which is passed on, never replaced by a weekday guess.
import { addDeadline, addWorkdays, CalendarGapError, type DeadlineUnit } from '../../platform/calendar';
import { addDays } from '../../platform/time';

export { CalendarGapError, type DeadlineUnit };

export interface DueOptions {
  /**
   * Move a due date that falls on a weekend or public holiday to the next working day. Off by default: 令16号
   * states the dates themselves, and whether the 法定休假日 roll-over (民法典 第二百零三条 style) applies to these
   * reporting duties is not settled in docs/rules.md, so a deployment opts in.
   */
  rollToWorkday?: boolean;
}

function assertDate(date: string): void {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
  if (!valid) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
}

function finish(date: string, options: DueOptions): string {
  return options.rollToWorkday ? addWorkdays(date, 0) : date;
}

/**
 * The last day for rectification, n calendar or working days after `from` (the day of the order is not counted:
 * "自…之日起N日"). Throws CalendarGapError for working days in a year without calendar data.
 */
export function rectificationDeadline(from: string, n: number, unit: DeadlineUnit): string {
  assertDate(from);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`rectification period must be a whole number of days ≥ 1, got ${n}`);
  return addDeadline(from, n, unit);
}

export type StatisticsPeriod = { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 } | { kind: 'year'; year: number };

/**
 * Due date of the enterprise's written hidden-danger statistics (令16号): the quarterly report by the 15th of the
 * month after the quarter (Q4 → 15 January next year), the annual report by 31 January of the next year.
 */
export function statisticsReportDue(period: StatisticsPeriod, options: DueOptions = {}): string {
  if (!Number.isInteger(period.year) || period.year < 2008) {
    // 令16号 took effect on 2008-02-01; an earlier year is a data error, not a period.
    throw new RangeError(`statistics period year must be 2008 or later, got ${period.year}`);
  }
  if (period.kind === 'year') return finish(`${period.year + 1}-01-31`, options);
  if (![1, 2, 3, 4].includes(period.quarter)) throw new RangeError(`quarter must be 1–4, got ${String(period.quarter)}`);
  const month = period.quarter * 3 + 1; // the month after the quarter ends
  const due = month > 12 ? `${period.year + 1}-01-15` : `${period.year}-${String(month).padStart(2, '0')}-15`;
  return finish(due, options);
}

/** The quarter a date falls in, for schedulers that work out which report is due next. */
export function quarterOf(date: string): StatisticsPeriod & { kind: 'quarter' } {
  assertDate(date);
  const month = Number(date.slice(5, 7));
  return { kind: 'quarter', year: Number(date.slice(0, 4)), quarter: (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4 };
}

/** Days the regulator has for the on-site review after receiving an application to resume production (令16号). */
export const resumptionReviewDays = 10;

/**
 * Last day of the regulator's on-site review of a 挂牌督办 major hidden danger whose enterprise applied to resume
 * production: within 10 days of receiving the application. "日" is read as calendar days (the regulation does not
 * say 工作日); the day of receipt is not counted.
 */
export function resumptionReviewDue(applicationReceived: string, options: DueOptions = {}): string {
  assertDate(applicationReceived);
  return finish(addDays(applicationReceived, resumptionReviewDays), options);
}
