// Sources: 安监总局令第16号 (docs/rules.md §3.1, M): statistics reports by the 15th of the month after each quarter and
// by 31 January of the next year; on-site review within 10 days of an application to resume production.
// Calendar: 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号) as carried by chinese-days —
// National Day 2025: 1–8 Oct off, Sun 28 Sep and Sat 11 Oct make-up workdays; 春节 2025: 28 Jan–4 Feb off, Sun 26 Jan
// and Sat 8 Feb make-up workdays.
import { describe, expect, it } from 'vitest';
import { calendarYears } from '../../platform/calendar';
import { CalendarGapError, quarterOf, rectificationDeadline, resumptionReviewDue, statisticsReportDue } from './deadlines';

describe('rectificationDeadline', () => {
  it('counts working days across National Day 2025, including the make-up Sunday 28 Sep', () => {
    // Fri 26 Sep: 28 Sep (1), 29 (2), 30 (3), 1–8 Oct off, 9 Oct (4), 10 Oct (5).
    expect(rectificationDeadline('2025-09-26', 5, 'workday')).toBe('2025-10-10');
    // From Tue 30 Sep: 9 (1), 10 (2), Sat 11 make-up (3), 13 (4) … 16 Oct (7).
    expect(rectificationDeadline('2025-09-30', 3, 'workday')).toBe('2025-10-11');
    expect(rectificationDeadline('2025-09-30', 7, 'workday')).toBe('2025-10-16');
  });

  it('counts working days across 春节 2025', () => {
    // Fri 24 Jan: Sun 26 Jan make-up (1), Mon 27 (2), 28 Jan–4 Feb off, 5 Feb (3).
    expect(rectificationDeadline('2025-01-24', 3, 'workday')).toBe('2025-02-05');
    expect(rectificationDeadline('2025-02-07', 1, 'workday')).toBe('2025-02-08'); // Saturday make-up workday
  });

  it('counts calendar days without moving off holidays', () => {
    expect(rectificationDeadline('2025-09-26', 5, 'calendar')).toBe('2025-10-01');
    expect(rectificationDeadline('2025-12-20', 30, 'calendar')).toBe('2026-01-19');
  });

  it('surfaces CalendarGapError for working days in a year without calendar data', () => {
    const lastYear = Math.max(...calendarYears());
    expect(() => rectificationDeadline(`${lastYear}-12-28`, 10, 'workday')).toThrow(CalendarGapError);
    expect(() => rectificationDeadline('2099-03-02', 1, 'workday')).toThrow(CalendarGapError);
    expect(rectificationDeadline('2099-03-02', 1, 'calendar')).toBe('2099-03-03'); // calendar days need no data
  });

  it('rejects a malformed date or period', () => {
    expect(() => rectificationDeadline('2025-02-30', 5, 'calendar')).toThrow(RangeError);
    expect(() => rectificationDeadline('2025-09-26', 0, 'workday')).toThrow(RangeError);
    expect(() => rectificationDeadline('2025-09-26', 1.5, 'calendar')).toThrow(RangeError);
  });
});

describe('statisticsReportDue (令16号 quarterly and annual statistics)', () => {
  it('is the 15th of the month after each quarter, Q4 in January of the next year', () => {
    const due = ([1, 2, 3, 4] as const).map((quarter) => statisticsReportDue({ kind: 'quarter', year: 2025, quarter }));
    expect(due).toEqual(['2025-04-15', '2025-07-15', '2025-10-15', '2026-01-15']);
  });

  it('is 31 January of the next year for the annual report', () => {
    expect(statisticsReportDue({ kind: 'year', year: 2025 })).toBe('2026-01-31');
  });

  it('keeps the statutory date by default and can roll to the next working day', () => {
    // 2025-01-31 is inside the 春节 break (28 Jan – 4 Feb); 5 Feb is the first workday.
    expect(statisticsReportDue({ kind: 'year', year: 2024 })).toBe('2025-01-31');
    expect(statisticsReportDue({ kind: 'year', year: 2024 }, { rollToWorkday: true })).toBe('2025-02-05');
    // 2026-01-31 is a Saturday.
    expect(statisticsReportDue({ kind: 'year', year: 2025 }, { rollToWorkday: true })).toBe('2026-02-02');
    // 2025-10-15 is a Wednesday after the National Day break: no move.
    expect(statisticsReportDue({ kind: 'quarter', year: 2025, quarter: 3 }, { rollToWorkday: true })).toBe('2025-10-15');
  });

  it('surfaces CalendarGapError when rolling needs a year without data', () => {
    expect(() => statisticsReportDue({ kind: 'year', year: 2098 }, { rollToWorkday: true })).toThrow(CalendarGapError);
    expect(statisticsReportDue({ kind: 'year', year: 2098 })).toBe('2099-01-31');
  });

  it('rejects impossible periods', () => {
    expect(() => statisticsReportDue({ kind: 'quarter', year: 2025, quarter: 5 as 1 })).toThrow(RangeError);
    expect(() => statisticsReportDue({ kind: 'year', year: 2007 })).toThrow(RangeError);
  });

  it('finds the quarter of a date', () => {
    expect(quarterOf('2025-03-31')).toEqual({ kind: 'quarter', year: 2025, quarter: 1 });
    expect(quarterOf('2025-10-01')).toEqual({ kind: 'quarter', year: 2025, quarter: 4 });
  });
});

describe('resumptionReviewDue (挂牌督办: on-site review within 10 days of the application)', () => {
  it('counts 10 calendar days, not counting the day of receipt', () => {
    expect(resumptionReviewDue('2025-06-03')).toBe('2025-06-13');
    // Received on the make-up Sunday before National Day: due on 8 Oct, still inside the break.
    expect(resumptionReviewDue('2025-09-28')).toBe('2025-10-08');
  });

  it('can roll a due date inside a holiday to the next working day', () => {
    expect(resumptionReviewDue('2025-09-28', { rollToWorkday: true })).toBe('2025-10-09');
    expect(resumptionReviewDue('2025-09-25', { rollToWorkday: true })).toBe('2025-10-09');
  });
});
