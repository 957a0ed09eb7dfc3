// Periods of the scheduled checks (班组日、部门周、经理月) around week and month ends, leap years included.
import { describe, expect, it } from 'vitest';
import { cstDate } from '../../platform/time';
import { isoWeekday, periodOf } from './checks.periods';

describe('check periods', () => {
  it('a daily check covers its own day', () => {
    expect(periodOf('daily', '2026-02-28')).toEqual({ start: '2026-02-28', end: '2026-02-28' });
  });

  it('a weekly check covers Monday to Sunday, across a month end', () => {
    expect(isoWeekday('2026-01-31')).toBe(6); // Saturday
    expect(periodOf('weekly', '2026-01-31')).toEqual({ start: '2026-01-26', end: '2026-02-01' });
    expect(periodOf('weekly', '2026-02-01')).toEqual({ start: '2026-01-26', end: '2026-02-01' });
    expect(periodOf('weekly', '2026-02-02')).toEqual({ start: '2026-02-02', end: '2026-02-08' });
    expect(periodOf('weekly', '2025-12-31')).toEqual({ start: '2025-12-29', end: '2026-01-04' });
  });

  it('a monthly check covers the calendar month and is due on its last day (leap years too)', () => {
    expect(periodOf('monthly', '2026-01-31')).toEqual({ start: '2026-01-01', end: '2026-01-31' });
    expect(periodOf('monthly', '2026-02-01')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(periodOf('monthly', '2028-02-15')).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodOf('monthly', '2026-12-31')).toEqual({ start: '2026-12-01', end: '2026-12-31' });
  });

  it('takes "today" in China time: 16:30 UTC on 31 January is already 1 February in Shanghai', () => {
    const today = cstDate(new Date('2026-01-31T16:30:00Z'));
    expect(today).toBe('2026-02-01');
    expect(periodOf('monthly', today).start).toBe('2026-02-01');
  });
});
