// The plan and drill rules at their boundaries (shared/domain/rules.md §11, 生产安全事故应急预案管理办法).
import { describe, expect, it } from 'vitest';
import { calendarYears } from '../../platform/calendar';
import { evaluationDueOn, evaluationOverdue, filingDueOn, revisionDueOn } from './plans.rules';
import { drillDuties, dutyState, periodStart, previousPeriodStart } from './drills.rules';

describe('evaluation every 3 years (第三十五条)', () => {
  it('is due exactly 3 years after filing or the last evaluation, and overdue only from the day after', () => {
    expect(evaluationDueOn('2023-12-03')).toBe('2026-12-03');
    expect(evaluationOverdue('2026-12-03', '2026-12-03')).toBe(false);
    expect(evaluationOverdue('2026-12-03', '2026-12-04')).toBe(true);
    expect(evaluationOverdue(null, '2030-01-01')).toBe(false);
  });
  it('a plan filed on 29 February is due on 28 February three years later', () => {
    expect(evaluationDueOn('2024-02-29')).toBe('2027-02-28');
  });
});

describe('filing and revision deadlines on the working-day calendar', () => {
  it('filing is due 20 working days after publication (§11 Filing), skipping the National Day holiday', () => {
    // 2026-09-30 + 20 working days: 1–7 October are the holiday and 10 October a make-up working day (if published).
    const due = filingDueOn('2026-09-30');
    expect(due > '2026-10-28').toBe(true);
    expect(due < '2026-11-05').toBe(true);
  });
  it('a drill finding is due 20 working days after the drill, an accident 30 (L defaults, 第三十六条)', () => {
    expect(revisionDueOn('drill_finding', '2026-06-01')).toBe('2026-06-30');
    if (calendarYears().includes(2026)) expect(revisionDueOn('accident', '2026-06-01') > '2026-07-10').toBe(true);
  });
});

describe('drill frequency (第三十三条; calendar half-years per rules.md §11)', () => {
  it('half-years are 1–6月 and 7–12月', () => {
    expect(periodStart('2026-06-30', 'half')).toBe('2026-01-01');
    expect(periodStart('2026-07-01', 'half')).toBe('2026-07-01');
    expect(previousPeriodStart('2026-03-01', 'half')).toBe('2025-07-01');
    expect(previousPeriodStart('2026-07-01', 'half')).toBe('2026-01-01');
  });
  it('an on-site drill on 30 June covers the first half only: done on 30 June, due on 1 July, overdue on 1 January', () => {
    expect(dutyState('2026-06-30', '2026-06-30', 'half')).toBe('done');
    expect(dutyState('2026-06-30', '2026-07-01', 'half')).toBe('due');
    expect(dutyState('2026-06-30', '2026-12-31', 'half')).toBe('due');
    expect(dutyState('2026-06-30', '2027-01-01', 'half')).toBe('overdue');
    expect(dutyState(null, '2026-03-01', 'half')).toBe('overdue');
  });
  it('a yearly drill on 31 December counts for that year; the next year is due, the one after overdue', () => {
    expect(dutyState('2025-12-31', '2025-12-31', 'year')).toBe('done');
    expect(dutyState('2025-12-31', '2026-12-31', 'year')).toBe('due');
    expect(dutyState('2025-12-31', '2027-01-01', 'year')).toBe('overdue');
  });
  it('high-risk units (危险化学品 …) carry a half-yearly duty for any drill; others do not', () => {
    const base = { lastPlanDrillOn: '2026-02-01', lastOnsiteDrillOn: null };
    expect(drillDuties({ ...base, sector: 'machinery' }, '2026-03-01').map((d) => d.duty)).toEqual(['yearly_plan', 'halfyear_onsite']);
    expect(drillDuties({ ...base, sector: 'hazardous_chemicals' }, '2026-03-01')).toEqual([
      { duty: 'yearly_plan', state: 'done' },
      { duty: 'halfyear_onsite', state: 'overdue' },
      { duty: 'halfyear_high_risk', state: 'done' },
    ]);
  });
});

describe('a deadline reaching a year without the official calendar', () => {
  it('counts Monday–Friday instead (never later than the rule)', () => {
    const far = '2099-03-02'; // a Monday; no calendar for 2099
    expect(revisionDueOn('law_change', far)).toBe('2099-03-30');
  });
});
