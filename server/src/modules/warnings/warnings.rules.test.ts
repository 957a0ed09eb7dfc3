// The 警兆知识库's pure rules (Gaoming 002 line 292: "建立警兆知识库……在达到设定的警兆条件时即触发预警"; issue 14
// item 5: "deduplicated per record and period", "backtested on history … how often it would have fired per month"):
// the condition catalogue refuses parameters outside its bounds, the dedupe period is the China month, and a
// backtest evaluates each past month on its last day and the current month on today (what the live rule then fires).
import { describe, expect, it } from 'vitest';
import { createWarningRuleBody, warningCondition } from '@anjian/contracts';
import {
  backtestDays,
  conditionEvents,
  conditionOf,
  dedupeKey,
  describeCondition,
  paceExceeded,
  pacedAllowance,
  periodOf,
  yearElapsed,
} from './warnings.rules';

describe('condition catalogue', () => {
  it('accepts each kind within its bounds', () => {
    for (const c of [
      { kind: 'overdue_hazards', params: { minCount: 3 } },
      { kind: 'no_self_check', params: { days: 30 } },
      { kind: 'major_hazard_overdue', params: { graceDays: 0 } },
      { kind: 'repeated_reports', params: { minCount: 2, days: 30 } },
      { kind: 'certificates_expiring', params: { minCount: 1, days: 1 } },
      { kind: 'certificates_expiring', params: { minCount: 100, days: 365 } },
      { kind: 'deaths_pace', params: { tolerancePct: 0 } },
      { kind: 'deaths_pace', params: { tolerancePct: 100 } },
    ])
      expect(warningCondition.safeParse(c).success).toBe(true);
  });
  it('refuses parameters out of bounds, missing, foreign or of another kind', () => {
    for (const c of [
      { kind: 'overdue_hazards', params: { minCount: 0 } },
      { kind: 'overdue_hazards', params: { minCount: 2.5 } },
      { kind: 'no_self_check', params: { days: 6 } },
      { kind: 'no_self_check', params: { days: 366 } },
      { kind: 'repeated_reports', params: { minCount: 1, days: 30 } },
      { kind: 'repeated_reports', params: { minCount: 3 } },
      { kind: 'overdue_hazards', params: { minCount: 3, days: 3 } },
      { kind: 'no_self_check', params: { minCount: 3 } },
      { kind: 'sql', params: { query: 'select 1' } },
      { kind: 'certificates_expiring', params: { minCount: 0, days: 30 } },
      { kind: 'certificates_expiring', params: { minCount: 3, days: 366 } },
      { kind: 'certificates_expiring', params: { minCount: 3 } },
      { kind: 'deaths_pace', params: { tolerancePct: -1 } },
      { kind: 'deaths_pace', params: { tolerancePct: 101 } },
      { kind: 'deaths_pace', params: { tolerancePct: 10, indicator: 'x' } },
    ])
      expect(warningCondition.safeParse(c).success, JSON.stringify(c)).toBe(false);
  });
  it('a rule needs a level of the four, at least one recipient group and an action', () => {
    const ok = {
      name: '逾期隐患',
      condition: { kind: 'overdue_hazards', params: { minCount: 3 } },
      level: 'orange',
      recipients: ['street'],
      action: '约谈企业主要负责人',
    };
    expect(createWarningRuleBody.safeParse(ok).success).toBe(true);
    expect(createWarningRuleBody.safeParse({ ...ok, level: 'purple' }).success).toBe(false);
    expect(createWarningRuleBody.safeParse({ ...ok, recipients: [] }).success).toBe(false);
    expect(createWarningRuleBody.safeParse({ ...ok, action: ' ' }).success).toBe(false);
  });
  it('reads a stored version back through the catalogue and words it', () => {
    expect(describeCondition(conditionOf('overdue_hazards', { minCount: 3 }))).toBe('逾期未整改隐患≥3项');
    expect(() => conditionOf('overdue_hazards', { minCount: -1 })).toThrow();
  });
});

describe('period dedupe', () => {
  it('one warning per rule, subject and China month', () => {
    expect(periodOf('2026-11-30')).toBe('2026-11');
    expect(dedupeKey('r', 'enterprise', 'e', '2026-11-01')).toBe(dedupeKey('r', 'enterprise', 'e', '2026-11-30'));
    expect(dedupeKey('r', 'enterprise', 'e', '2026-11-30')).not.toBe(dedupeKey('r', 'enterprise', 'e', '2026-12-01'));
    expect(dedupeKey('r', 'enterprise', 'e', '2026-11-30')).not.toBe(dedupeKey('r', 'hazard', 'e', '2026-11-30'));
  });
});

describe('backtest days', () => {
  it('each past month on its last day (leap February, year boundary), the current month on today', () => {
    expect(backtestDays('2028-03-15', 3)).toEqual([
      { month: '2028-01', asOf: '2028-01-31' },
      { month: '2028-02', asOf: '2028-02-29' },
      { month: '2028-03', asOf: '2028-03-15' },
    ]);
    expect(backtestDays('2027-01-02', 2)).toEqual([
      { month: '2026-12', asOf: '2026-12-31' },
      { month: '2027-01', asOf: '2027-01-02' },
    ]);
  });
});

describe('events that re-evaluate one enterprise', () => {
  it('hidden-danger steps for hazard conditions, recorded or merged reports for repeated reports, none for self-checks', () => {
    expect(conditionEvents.overdue_hazards('hazard.report')).toBe(true);
    expect(conditionEvents.repeated_reports('report.record')).toBe(true);
    expect(conditionEvents.repeated_reports('report.accept')).toBe(false);
    expect(conditionEvents.no_self_check('check_task.complete')).toBe(false);
    expect(conditionEvents.certificates_expiring('person.create')).toBe(false);
    expect(conditionEvents.deaths_pace('accident.register')).toBe(true);
  });
});

// Issue 14 item 5: "a street whose accident deaths this year pace above target" — the year's death allowance (the
// 亿元GDP死亡率 ceiling × GDP, reference/indicators) pro rata to the elapsed days of the China year.
describe('deaths pacing above target', () => {
  it('counts the elapsed days of the year, leap years included', () => {
    expect(yearElapsed('2026-01-01')).toEqual({ dayOfYear: 1, daysInYear: 365 });
    expect(yearElapsed('2026-12-31')).toEqual({ dayOfYear: 365, daysInYear: 365 });
    expect(yearElapsed('2028-12-31')).toEqual({ dayOfYear: 366, daysInYear: 366 });
    expect(yearElapsed('2028-03-01')).toEqual({ dayOfYear: 61, daysInYear: 366 });
  });
  it('fires only above the paced allowance: exactly at it does not', () => {
    // 73 allowed in a 365-day year: 0.2 a day; on day 50 (2026-02-19) the pace is exactly 10.
    expect(pacedAllowance(73, '2026-02-19')).toBe(10);
    expect(paceExceeded(10, 73, '2026-02-19', 0)).toBe(false);
    expect(paceExceeded(11, 73, '2026-02-19', 0)).toBe(true);
    // One day later the pace is 10.2: 10 is under it.
    expect(paceExceeded(10, 73, '2026-02-20', 0)).toBe(false);
  });
  it('a tolerance widens the allowance by its percentage, exactly at the boundary not firing', () => {
    // Pace 10 with 10 % tolerance: 11 is the boundary, 12 fires.
    expect(paceExceeded(11, 73, '2026-02-19', 10)).toBe(false);
    expect(paceExceeded(12, 73, '2026-02-19', 10)).toBe(true);
  });
  it('a fractional allowance (from a rate × GDP) is compared without rounding', () => {
    // 11.68 allowed (0.0584 × 200 亿元): by 12-31 the whole 11.68; 12 deaths exceed it, 11 do not.
    expect(paceExceeded(12, 11.68, '2026-12-31', 0)).toBe(true);
    expect(paceExceeded(11, 11.68, '2026-12-31', 0)).toBe(false);
  });
  it('no death never fires, even against a zero target; any death exceeds a zero target', () => {
    expect(paceExceeded(0, 0, '2026-06-30', 0)).toBe(false);
    expect(paceExceeded(1, 0, '2026-01-01', 100)).toBe(true);
  });
});
