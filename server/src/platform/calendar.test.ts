// Source: 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号), as carried by chinese-days.
import { describe, expect, it } from 'vitest';
import { addWorkdays, CalendarGapError, countWorkdays, hasCalendar, isWorkday } from './calendar';

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
