// Emergency-plan rules as data (shared/domain/rules.md §11, 生产安全事故应急预案管理办法 令第88号, amended 令第2号).
// Rules marked L are a deployment's configuration with the defaults documented here.
import type { RevisionTrigger } from '@anjian/contracts';
import { addDeadline, CalendarGapError, type DeadlineUnit } from '../../platform/calendar';
import { addDays, addMonths } from '../../platform/time';

export const planRules = {
  /** 第三十五条 (M): plans are evaluated every 3 years, counted from filing or the last evaluation. */
  evaluationYears: 3,
  /** L: the plan list and the readiness view warn this many days before the evaluation falls due. */
  evaluationWarningDays: 90,
  /** §11 Filing (M): within 20 working days of publication. */
  filingDeadline: { n: 20, unit: 'workday' as DeadlineUnit },
  /**
   * 第三十六条 says "及时修订" without a period. L: a revision duty is due 20 working days after its trigger; an
   * accident's 30 (the investigation usually has to settle first).
   */
  revisionDeadline: {
    law_change: { n: 20, unit: 'workday' },
    organisation_change: { n: 20, unit: 'workday' },
    major_risk_change: { n: 20, unit: 'workday' },
    accident: { n: 30, unit: 'workday' },
    drill_finding: { n: 20, unit: 'workday' },
  } satisfies Record<RevisionTrigger, { n: number; unit: DeadlineUnit }>,
  /** L: an accident with at least this many deaths triggers a revision of the enterprise's plans (第三十六条). */
  accidentTriggerDeaths: 1,
} as const;

/** The day the next evaluation is due: exactly 3 years after the base day (29 Feb → 28 Feb, per addMonths). */
export function evaluationDueOn(baseDay: string): string {
  return addMonths(baseDay, planRules.evaluationYears * 12);
}

/** Overdue from the day after the due day: an evaluation on the due day itself is on time. */
export function evaluationOverdue(dueOn: string | null, today: string): boolean {
  return !!dueOn && today > dueOn;
}

/**
 * A working-day deadline; where the official calendar of a year it reaches is not entered yet, Monday–Friday are
 * counted instead (holidays unknown), which can only make the deadline earlier, never later than the rule's.
 */
export function workdayDeadline(date: string, n: number, unit: DeadlineUnit): string {
  try {
    return addDeadline(date, n, unit);
  } catch (e) {
    if (!(e instanceof CalendarGapError)) throw e;
    let d = date;
    for (let left = n; left > 0;) {
      d = addDays(d, 1);
      const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
      if (unit === 'calendar' || (dow !== 0 && dow !== 6)) left--;
    }
    return d;
  }
}

export function filingDueOn(publishedOn: string): string {
  return workdayDeadline(publishedOn, planRules.filingDeadline.n, planRules.filingDeadline.unit);
}

export function revisionDueOn(trigger: RevisionTrigger, occurredOn: string): string {
  const d = planRules.revisionDeadline[trigger];
  return workdayDeadline(occurredOn, d.n, d.unit);
}
