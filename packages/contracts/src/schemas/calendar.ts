// The official holiday calendar: the years the chinese-days package carries and the deployment's supplement — years
// of the State Council's schedule (国务院办公厅关于XXXX年部分节假日安排的通知) entered by the administrator.
import { z } from 'zod';
import { safeString } from '../input';
import { isoDate } from './common';

export const calendarYearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict();

/**
 * One year as the notice states it. The server checks the dates against the year (inside it, each once, never both a
 * day off and a make-up working day, make-up working days on a Saturday or Sunday); PUT replaces the whole year.
 */
export const putCalendarYearBody = z
  .object({
    noticeTitle: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .describe('通知标题，如“国务院办公厅关于XXXX年部分节假日安排的通知” / Title of the State Council notice'),
    noticeNumber: safeString().trim().min(1).max(64).describe('文号，如“国办发明电〔XXXX〕X号” / The notice number (文号)'),
    holidays: z.array(isoDate).min(1).max(366).describe('放假日期（含假期中的周末） / Days off, weekends inside a holiday block included'),
    workdays: z.array(isoDate).max(366).describe('调休上班日期（周六或周日） / Make-up working days (Saturdays or Sundays)'),
    replacesPackage: z
      .boolean()
      .optional()
      .describe('确认替换内置日历（chinese-days）已有的该年数据 / Confirms replacing the year chinese-days already carries'),
  })
  .strict();
export type PutCalendarYearBody = z.infer<typeof putCalendarYearBody>;

export const calendarSource = z.enum(['package', 'supplement']);
export type CalendarSourceName = z.infer<typeof calendarSource>;

const days = z.object({ holidays: z.array(isoDate), workdays: z.array(isoDate) });

export const calendarSupplementInfo = z.object({
  noticeTitle: safeString(),
  noticeNumber: safeString(),
  updatedAt: safeString(),
  updatedByName: safeString(),
});

export const calendarYearSummary = z.object({
  year: z.number().int(),
  /** The source deadlines use for the year: the supplement replaces the package's year. */
  inEffect: calendarSource,
  inPackage: z.boolean(),
  supplement: calendarSupplementInfo.extend({ holidays: z.number().int(), workdays: z.number().int() }).nullable(),
  /** For a year in both: whether the entered dates differ from the package's (null otherwise). */
  differsFromPackage: z.boolean().nullable(),
});
export type CalendarYearSummary = z.infer<typeof calendarYearSummary>;

export const calendarOverview = z.object({
  today: isoDate,
  packageVersion: safeString(),
  years: z.array(calendarYearSummary),
  /**
   * Years deadlines will soon need and neither source has: this year, and next year from 1 October on (the State
   * Council publishes the schedule in the autumn, and working-day periods of a few weeks then reach into it).
   */
  missing: z.array(z.number().int()),
});
export type CalendarOverview = z.infer<typeof calendarOverview>;

export const calendarYearDetail = z.object({
  year: z.number().int(),
  inEffect: calendarSource,
  package: days.nullable(),
  supplement: calendarSupplementInfo.extend(days.shape).nullable(),
  /** Dates in one source and not the other, for a year in both. */
  differences: z
    .object({
      holidays: z.object({ onlyPackage: z.array(isoDate), onlySupplement: z.array(isoDate) }),
      workdays: z.object({ onlyPackage: z.array(isoDate), onlySupplement: z.array(isoDate) }),
    })
    .nullable(),
});
export type CalendarYearDetail = z.infer<typeof calendarYearDetail>;
