// The monthly report deadline (Longgang 000 §七(四): 各牵头部门应于每月28日前 …) on the official working-day calendar:
// a 28th on a weekend or holiday moves to the previous working day; a make-up working day (调休上班) stays.
import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_DAY, monthlyReportDue, reportState } from './workplans.rules';

describe('monthlyReportDue (Longgang 000 §七(四), default day 28)', () => {
  it('defaults to the 28th', () => expect(DEFAULT_REPORT_DAY).toBe(28));
  it('keeps a 28th that is a working day', () => {
    expect(monthlyReportDue('2026-04')).toBe('2026-04-28'); // Tuesday
    expect(monthlyReportDue('2026-12')).toBe('2026-12-28'); // Monday
  });
  it('moves a 28th on a weekend to the Friday before', () => {
    expect(monthlyReportDue('2026-03')).toBe('2026-03-27'); // Saturday → Friday
    expect(monthlyReportDue('2026-11')).toBe('2026-11-27'); // Saturday → Friday
  });
  it('moves a 28th on a public holiday to the previous working day (Spring Festival 2025)', () => {
    // 2025-01-28 is 除夕, a holiday (Tuesday); the 27th is a working day.
    expect(monthlyReportDue('2025-01')).toBe('2025-01-27');
  });
  it('keeps a 28th that falls on a weekend but is a make-up working day (调休上班)', () => {
    expect(monthlyReportDue('2026-02')).toBe('2026-02-28'); // Saturday, worked for the 2026 Spring Festival
    expect(monthlyReportDue('2025-09')).toBe('2025-09-28'); // Sunday, worked for National Day 2025
  });
  it('falls back to Monday–Friday for a year the calendar does not know yet', () => {
    expect(monthlyReportDue('2099-02')).toBe('2099-02-27'); // 28th a Saturday
  });
  it('clamps a day past the month’s end to its last day', () => {
    expect(monthlyReportDue('2026-06', 31)).toBe('2026-06-30'); // Tuesday
    expect(monthlyReportDue('2026-05', 31)).toBe('2026-05-29'); // 31st Sunday, 30th Saturday → Friday 29th
  });
});

describe('reportState', () => {
  const base = { dueOn: '2026-11-27', today: '2026-12-03', assignedOn: '2026-10-20', status: 'in_progress' };
  it('is filed on or before the due day, late after it', () => {
    expect(reportState({ ...base, submittedOn: '2026-11-27' })).toBe('filed');
    expect(reportState({ ...base, submittedOn: '2026-11-30' })).toBe('late');
  });
  it('is missing after the due day, pending up to it', () => {
    expect(reportState({ ...base, submittedOn: null })).toBe('missing');
    expect(reportState({ ...base, submittedOn: null, today: '2026-11-27' })).toBe('pending');
  });
  it('is not required of a task assigned after the due day, or reported done / accepted', () => {
    expect(reportState({ ...base, submittedOn: null, assignedOn: '2026-11-28' })).toBe('not_required');
    expect(reportState({ ...base, submittedOn: null, status: 'reported_done' })).toBe('not_required');
    expect(reportState({ ...base, submittedOn: null, status: 'accepted' })).toBe('not_required');
  });
});
