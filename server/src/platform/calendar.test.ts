// Source: 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号), as carried by chinese-days.
import { afterEach, describe, expect, it } from 'vitest';
import {
  addWorkdays,
  CalendarGapError,
  calendarSource,
  calendarYears,
  countWorkdays,
  hasCalendar,
  isWorkday,
  packageCalendarYear,
  setCalendarSupplement,
} from './calendar';
import { FICTIONAL_2027 } from '../modules/calendar/calendar.fixtures';

describe('official working-day calendar', () => {
  it('knows 2025 holidays and make-up workdays', () => {
    expect(isWorkday('2025-10-01')).toBe(false); // 国庆节
    expect(isWorkday('2025-10-08')).toBe(false); // 国庆、中秋 8 days off
    expect(isWorkday('2025-09-28')).toBe(true); // Sunday make-up workday
    expect(isWorkday('2025-10-11')).toBe(true); // Saturday make-up workday
    expect(isWorkday('2025-01-26')).toBe(true); // Sunday before 春节, make-up
    expect(isWorkday('2025-01-28')).toBe(false); // 除夕 (new in 2025)
  });
  it('counts working days across the 2025 National Day break', () => {
    // From Tue 30 Sep: 1–8 Oct are off, Thu 9 Oct is the first workday, Fri 10, Sat 11 (make-up), Mon 13.
    expect(addWorkdays('2025-09-30', 1)).toBe('2025-10-09');
    expect(addWorkdays('2025-09-30', 3)).toBe('2025-10-11');
    expect(addWorkdays('2025-09-30', 4)).toBe('2025-10-13');
  });
  it('counts across 春节 2025', () => {
    // 28 Jan – 4 Feb off; 8 Feb (Sat) is a make-up workday.
    expect(addWorkdays('2025-01-27', 1)).toBe('2025-02-05');
    expect(addWorkdays('2025-02-07', 1)).toBe('2025-02-08');
  });
  it('counts the working days after a date up to another, stopping at a cap', () => {
    expect(countWorkdays('2025-09-30', '2025-10-08')).toBe(0);
    expect(countWorkdays('2025-09-30', '2025-10-13')).toBe(4); // 9, 10, 11 (make-up Saturday), 13
    expect(countWorkdays('2025-10-13', '2025-10-13')).toBe(0); // the start day is not counted
    expect(countWorkdays('2025-10-13', '2025-10-01')).toBe(0);
    // With a cap the count never reads past the cap-th working day, so no calendar beyond it is needed.
    expect(countWorkdays('2025-09-30', '2099-01-01', 4)).toBe(4);
    expect(() => countWorkdays('2025-09-30', '2099-01-01')).toThrow(CalendarGapError);
  });
  it('raises an alarm for a year without calendar data instead of guessing', () => {
    expect(hasCalendar(2025)).toBe(true);
    expect(hasCalendar(2099)).toBe(false);
    expect(() => isWorkday('2099-03-02')).toThrow(CalendarGapError);
  });
});

// The deployment's supplement: years entered from the State Council notice. The 2027 dates are an invented fixture
// (a week off in January, the weekend after it worked), not the official schedule.
describe('official calendar supplement', () => {
  const fictional2027 = { year: 2027, holidays: FICTIONAL_2027.holidays, workdays: FICTIONAL_2027.workdays };
  afterEach(() => setCalendarSupplement([]));

  it('counts a supplied year as known, and 2027 working days no longer throw', () => {
    expect(hasCalendar(2027)).toBe(false);
    expect(() => addWorkdays('2026-12-30', 5)).toThrow(CalendarGapError);
    setCalendarSupplement([fictional2027]);
    expect(hasCalendar(2027)).toBe(true);
    expect(calendarSource(2027)).toBe('supplement');
    expect(calendarYears()).toContain(2027);
    expect(isWorkday('2027-01-06')).toBe(false); // a fixture day off (Wednesday)
    expect(isWorkday('2027-01-10')).toBe(true); // a fixture make-up Sunday
    expect(isWorkday('2027-01-16')).toBe(false); // an ordinary Saturday
    // From Wed 30 Dec 2026: Thu 31, then 1 Jan and 4–8 Jan off, Sat 9 and Sun 10 worked, Mon 11, Tue 12.
    expect(addWorkdays('2026-12-30', 5)).toBe('2027-01-12');
    expect(countWorkdays('2026-12-30', '2027-01-12')).toBe(5);
  });

  it('still raises the alarm for a year neither source has', () => {
    setCalendarSupplement([fictional2027]);
    expect(hasCalendar(2028)).toBe(false);
    expect(() => isWorkday('2028-01-03')).toThrow(CalendarGapError);
    expect(() => addWorkdays('2027-12-28', 10)).toThrow(CalendarGapError);
    try {
      isWorkday('2028-01-03');
    } catch (e) {
      expect((e as CalendarGapError).year).toBe(2028);
    }
  });

  it('replaces a package year whole when one is supplied for it, and the package counts again once removed', () => {
    expect(calendarSource(2025)).toBe('package');
    expect(isWorkday('2025-10-01')).toBe(false); // 国庆节 in the package
    setCalendarSupplement([{ year: 2025, holidays: ['2025-01-01'], workdays: [] }]);
    expect(calendarSource(2025)).toBe('supplement');
    expect(isWorkday('2025-10-01')).toBe(true); // a Wednesday, not a day off in this (invented) replacement
    expect(packageCalendarYear(2025)!.holidays).toContain('2025-10-01'); // the package's own data is still there to compare
    setCalendarSupplement([]);
    expect(calendarSource(2025)).toBe('package');
    expect(isWorkday('2025-10-01')).toBe(false);
  });
});
