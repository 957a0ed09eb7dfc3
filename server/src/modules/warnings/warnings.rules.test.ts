// The 警兆知识库's pure rules (Gaoming 002 line 292: "建立警兆知识库……在达到设定的警兆条件时即触发预警"; issue 14
// item 5: "deduplicated per record and period", "backtested on history … how often it would have fired per month"):
// the condition catalogue refuses parameters outside its bounds, the dedupe period is the China month, and a
// backtest evaluates each past month on its last day and the current month on today (what the live rule then fires).
import { describe, expect, it } from 'vitest';
import { createWarningRuleBody, warningCondition } from '@anjian/contracts';
import { backtestDays, conditionEvents, conditionOf, dedupeKey, describeCondition, periodOf } from './warnings.rules';

describe('condition catalogue', () => {
  it('accepts each kind within its bounds', () => {
    for (const c of [
      { kind: 'overdue_hazards', params: { minCount: 3 } },
      { kind: 'no_self_check', params: { days: 30 } },
      { kind: 'major_hazard_overdue', params: { graceDays: 0 } },
      { kind: 'repeated_reports', params: { minCount: 2, days: 30 } },
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
  });
});
