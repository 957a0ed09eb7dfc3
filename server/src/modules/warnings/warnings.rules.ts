// The pure part of the 警兆知识库 (Gaoming 002 line 292: "建立警兆知识库……在达到设定的警兆条件时即触发预警"):
// the period a warning is deduplicated in, the days a backtest evaluates on, the condition catalogue's wording and
// which domain events may change a condition's answer for one enterprise (the event consumer's cheap path).
import { warningCondition, type WarningCondition, type WarningConditionKind } from '@anjian/contracts';
import { addDays } from '../../platform/time';

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
  }
}

/** Domain events after which a condition's answer for the event's enterprise may have changed. */
export const conditionEvents: Record<WarningConditionKind, (type: string) => boolean> = {
  overdue_hazards: (t) => t.startsWith('hazard.'),
  major_hazard_overdue: (t) => t.startsWith('hazard.'),
  repeated_reports: (t) => t === 'report.record' || t === 'report.merge',
  no_self_check: () => false,
};
