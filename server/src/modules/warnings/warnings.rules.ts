// The pure part of the 警兆知识库 (Gaoming 002 line 292: "建立警兆知识库……在达到设定的警兆条件时即触发预警"):
// the period a warning is deduplicated in, the days a backtest evaluates on, the condition catalogue's wording and
// which domain events may change a condition's answer for one enterprise (the event consumer's cheap path).
import { warningCondition, type WarningCondition, type WarningConditionKind } from '@anjian/contracts';
import { addDays } from '../../platform/time';
import { clean } from '../../reference/indicators/rates';

/** A warning is fired at most once per rule, subject and period; the period is the China month of the evaluation day. */
export const periodOf = (day: string) => day.slice(0, 7);

export const dedupeKey = (ruleId: string, subjectType: string, subjectId: string, day: string) =>
  `${ruleId}|${subjectType}|${subjectId}|${periodOf(day)}`;

const lastDayOfMonth = (month: string) => addDays(`${nextMonth(month)}-01`, -1);
function nextMonth(month: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
function previousMonth(month: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The days a backtest of `months` months evaluates a condition on: the last day of each past month, and today for
 * the current one — the day the nightly job evaluates on, so the current month's backtest is what the live rule fires.
 */
export function backtestDays(today: string, months: number): { month: string; asOf: string }[] {
  const out: { month: string; asOf: string }[] = [];
  let month = periodOf(today);
  for (let i = 0; i < months; i++) {
    out.unshift({ month, asOf: i === 0 ? today : lastDayOfMonth(month) });
    month = previousMonth(month);
  }
  return out;
}

/** Parses a stored version's condition (kind + params) through the contract's catalogue; throws on drift. */
export function conditionOf(kind: string, params: unknown): WarningCondition {
  return warningCondition.parse({ kind, params });
}

/** The condition in words, with its parameters (rule lists, warning evidence). */
export function describeCondition(c: WarningCondition): string {
  switch (c.kind) {
    case 'overdue_hazards':
      return `逾期未整改隐患≥${c.params.minCount}项`;
    case 'no_self_check':
      return `连续${c.params.days}天未开展自查`;
    case 'major_hazard_overdue':
      return `重大隐患超过整改或复核期限${c.params.graceDays}天`;
    case 'repeated_reports':
      return `${c.params.days}天内被举报≥${c.params.minCount}次`;
    case 'certificates_expiring':
      return `三项岗位证书${c.params.days}天内到期≥${c.params.minCount}人，或有证书已过期`;
    case 'deaths_pace':
      return `事故死亡人数超过控制目标时间进度${c.params.tolerancePct}%以上`;
  }
}

/** Day of the year (1 on 1 January) and the year's length, for the pro-rata share of a year's target. */
export function yearElapsed(day: string): { dayOfYear: number; daysInYear: number } {
  const y = Number(day.slice(0, 4));
  const start = Date.UTC(y, 0, 1);
  const dayOfYear = Math.round((Date.parse(`${day}T00:00:00Z`) - start) / 86_400_000) + 1;
  const daysInYear = Math.round((Date.UTC(y + 1, 0, 1) - start) / 86_400_000);
  return { dayOfYear, daysInYear };
}

/** The deaths a year's allowance permits by the end of `day`: allowed × elapsed days ÷ days in the year. */
export function pacedAllowance(allowed: number, day: string): number {
  const { dayOfYear, daysInYear } = yearElapsed(day);
  return (allowed * dayOfYear) / daysInYear;
}

/**
 * Deaths pacing above target (issue 14 item 5: "a street whose accident deaths this year pace above target";
 * Liangping 004 sets the year's death ceiling): the deaths to date exceed the allowance pro rata to the elapsed days
 * by more than `tolerancePct` — deaths × daysInYear × 100 > allowed × dayOfYear × (100 + tolerance), compared without
 * division so a count exactly at the paced allowance does not fire. No death never fires, even against a zero target.
 */
export function paceExceeded(deaths: number, allowed: number, day: string, tolerancePct: number): boolean {
  if (deaths <= 0) return false;
  const { dayOfYear, daysInYear } = yearElapsed(day);
  return deaths * daysInYear * 100 > clean(allowed * dayOfYear * (100 + tolerancePct));
}

/** Domain events after which a condition's answer for the event's enterprise may have changed. */
export const conditionEvents: Record<WarningConditionKind, (type: string) => boolean> = {
  overdue_hazards: (t) => t.startsWith('hazard.'),
  major_hazard_overdue: (t) => t.startsWith('hazard.'),
  repeated_reports: (t) => t === 'report.record' || t === 'report.merge',
  no_self_check: () => false,
  // People's commands append no events; a certificate lapses with the calendar: the nightly job.
  certificates_expiring: () => false,
  // An area subject: re-evaluated for the areas containing the accident (warnings.consumer.ts).
  deaths_pace: (t) => t.startsWith('accident.'),
};
